package generator

import (
	"bytes"
	"context"
	"maps"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/waymark-cx/waymark/generator/diag"
	"github.com/waymark-cx/waymark/generator/markup"
	"github.com/waymark-cx/waymark/generator/model"
	"github.com/waymark-cx/waymark/generator/output"
	"github.com/waymark-cx/waymark/generator/plan"
	"github.com/waymark-cx/waymark/generator/render"
	"github.com/waymark-cx/waymark/generator/source"
)

// lastBuild is what a Builder keeps of its last good build for the
// commonest edit while authoring: the text below a journey's, persona's
// or handbook page's front matter. Such an edit changes that page, the
// file offered for download beside a journey, and a persona's or page's
// entry in the search index: nothing else shows a body. So the last
// build's model, pages and files are used again, and only those are
// made anew (TestIncrementalEqualsFull checks that the result is what a
// full build gives).
type lastBuild struct {
	files  map[string]*source.File   // content files by path
	pages  map[string][]*plan.Output // pages showing a content file's body alone, by path
	index  *plan.Output              // the search index, whose parts show bodies too
	out    map[string][]byte         // every file written, by name
	site   *model.Site
	eng    *render.Engine
	conv   *markup.Converter
	report Report
}

func newLastBuild(set *source.Set, site *model.Site, eng *render.Engine, conv *markup.Converter, outs []*plan.Output) *lastBuild {
	l := &lastBuild{files: make(map[string]*source.File, len(set.Content)), pages: map[string][]*plan.Output{},
		site: site, eng: eng, conv: conv}
	for _, f := range set.Content {
		l.files[f.Path] = f
	}
	for _, o := range outs {
		if o.Path == plan.SearchIndexName && o.Joined != nil {
			l.index = o
		}
		if o.BodyOnly {
			l.pages[o.Body.Path] = append(l.pages[o.Body.Path], o)
		}
	}
	return l
}

// bodyEdit rebuilds from the last build when every changed file is a
// content file whose front matter is as it was. ok is false when it
// cannot, and the caller builds as usual.
func (b *Builder) bodyEdit(ctx context.Context, set *source.Set, changed []string, today time.Time, start time.Time) (rep *Report, ok bool, err error) {
	l := b.lastGood
	// A new day may change review badges anywhere: that is a full build.
	if l == nil || len(changed) == 0 || len(set.Content) != len(l.files) || !l.site.Now.Equal(today) {
		return nil, false, nil
	}
	cur := make(map[string]*source.File, len(l.files))
	for _, f := range set.Content {
		if _, want := l.files[f.Path]; !want {
			return nil, false, nil // a file came or went
		}
		cur[f.Path] = f
	}
	for _, p := range changed {
		old, nf := l.files[p], cur[p]
		if !strings.HasPrefix(p, "content/") || old == nil || nf == nil || len(l.pages[p]) == 0 ||
			!bytes.Equal(old.Front, nf.Front) || old.BodyLine != nf.BodyLine {
			return nil, false, nil
		}
	}
	var errs diag.List
	var mu sync.Mutex
	fail := func(e *diag.Error) {
		mu.Lock()
		errs.Add(e)
		mu.Unlock()
	}
	out := maps.Clone(l.out)
	put := func(name string, data []byte) error {
		out[name] = data
		return nil
	}
	var search []string // the entries whose part of the search index changed
	rendered := 0
	for _, p := range changed {
		nf := cur[p]
		for _, pg := range l.pages[p] {
			e := pg.Body
			e.Body = nf.Body
			renderPage(pg, l.eng, l.conv, b.minifier(), put, fail, nil, nil)
			rendered++
			if j := pg.Page.Journey; j != nil {
				out[j.Download("md")] = nf.Raw
			} else {
				search = append(search, e.Path)
			}
		}
		l.files[p] = nf
	}
	if err := ctx.Err(); err != nil {
		return nil, true, err
	}
	if err := errs.Err(); err != nil {
		b.lastGood = nil // the model now holds the broken text
		return nil, true, err
	}
	if len(search) > 0 && l.index != nil {
		out[l.index.Path] = b.remakeParts(l.index, search)
	}
	if err := writeAll(b.opts.Output, out); err != nil {
		return nil, true, err
	}
	l.out = out
	r := l.report
	r.Rendered, r.Duration = rendered, time.Since(start)
	return &r, true, nil
}

// writeAll writes a whole build's files: at once into an output that can
// take them so (the dev server's memory), else one by one.
func writeAll(w output.Writer, files map[string][]byte) error {
	if l, ok := w.(interface{ Load(map[string][]byte) }); ok {
		l.Load(files)
		return nil
	}
	for _, name := range slices.Sorted(maps.Keys(files)) {
		if err := w.WriteFile(name, files[name]); err != nil {
			return err
		}
	}
	return nil
}

// remakeParts makes the parts of a joined file with the given IDs again,
// and joins them with the last build's others. The parts made replace
// the last build's under their old keys: the next full build, which
// decodes the changed files again, sees new keys and makes them anew.
func (b *Builder) remakeParts(o *plan.Output, ids []string) []byte {
	j := o.Joined
	made := make([][]byte, len(j.Parts))
	b.mu.Lock()
	defer b.mu.Unlock()
	for i := range j.Parts {
		p := &j.Parts[i]
		name := o.Path + "\x00" + p.ID
		prev := b.last[name]
		if slices.Contains(ids, p.ID) {
			prev.data = p.Make()
			b.last[name] = prev
		}
		made[i] = prev.data
	}
	var buf bytes.Buffer
	joinParts(&buf, j, made)
	return buf.Bytes()
}
