package generator

import (
	"bytes"
	"context"
	"io"
	"maps"
	"slices"
	"strings"
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
// commonest edit while authoring: the text below the front matter of a
// journey, persona or handbook page. The plan does not change with it: an
// output shows the body only if it declared the entry's whole file
// (plan.Inputs.Source), and every other output declared at most its front
// matter. So the last build's model, plan and files are used again, and
// only the outputs (and parts of the search index) that declared a
// changed file are made anew (TestIncrementalEqualsFull and
// TestPropertyIncremental check that the result is what a full build
// gives).
type lastBuild struct {
	files   map[string]*source.File // content files by path
	entries map[string]*model.Entry // the entries outputs declared as their Source, by path
	outs    []*plan.Output
	out     map[string]output.Blob // every file written, by name
	site    *model.Site
	eng     *render.Engine
	conv    *markup.Converter
	txt     *texts
	parts   map[string][]byte // parts of joined files that body edits made, by path and ID
	report  Report
}

func newLastBuild(set *source.Set, site *model.Site, eng *render.Engine, conv *markup.Converter, txt *texts, outs []*plan.Output) *lastBuild {
	l := &lastBuild{files: make(map[string]*source.File, len(set.Content)), entries: map[string]*model.Entry{},
		outs: outs, site: site, eng: eng, conv: conv, txt: txt, parts: map[string][]byte{}}
	for _, f := range set.Content {
		l.files[f.Path] = f
	}
	for _, o := range outs {
		l.declared(&o.In)
		if j := o.Joined; j != nil {
			for i := range j.Parts {
				l.declared(&j.Parts[i].In)
			}
		}
	}
	return l
}

func (l *lastBuild) declared(in *plan.Inputs) {
	if e := in.Source; e != nil {
		l.entries[e.Path] = e
	}
}

// bodyEdit rebuilds from the last build when every changed file is a
// content file whose front matter is as it was. ok is false when it
// cannot, and the caller builds as usual.
func (b *Builder) bodyEdit(ctx context.Context, set *source.Set, changed []string, today time.Time, start time.Time) (rep *Report, ok bool, err error) {
	l := b.lastGood
	mem, toMem := b.opts.Output.(*output.Memory)
	// A new day may change review badges anywhere: that is a full build.
	if l == nil || !toMem || len(changed) == 0 || len(set.Content) != len(l.files) || !l.site.Now.Equal(today) {
		return nil, false, nil
	}
	cur := make(map[string]*source.File, len(l.files))
	for _, f := range set.Content {
		if _, want := l.files[f.Path]; !want {
			return nil, false, nil // a file came or went
		}
		cur[f.Path] = f
	}
	edited := map[*model.Entry]bool{}
	for _, p := range changed {
		old, nf, e := l.files[p], cur[p], l.entries[p]
		if !strings.HasPrefix(p, "content/") || old == nil || nf == nil || e == nil ||
			!bytes.Equal(old.Front, nf.Front) || old.BodyLine != nf.BodyLine {
			return nil, false, nil
		}
		edited[e] = true
	}
	for _, p := range changed {
		e, nf := l.entries[p], cur[p]
		e.Body = nf.Body
		l.files[p] = nf
		l.txt.byPath[p] = nf
	}
	out, rendered, err := b.remake(ctx, l, edited)
	if err != nil {
		b.lastGood = nil // the model now holds the broken text
		return nil, true, err
	}
	mem.Load(out)
	l.out = out
	r := l.report
	r.Rendered, r.Duration = rendered, time.Since(start)
	return &r, true, nil
}

// remake makes again the outputs of the last build that declared an
// edited entry's file, and the parts of files that did.
func (b *Builder) remake(ctx context.Context, l *lastBuild, edited map[*model.Entry]bool) (out map[string]output.Blob, rendered int, err error) {
	var errs diag.List
	m := &maker{eng: l.eng, conv: l.conv, min: b.minifier(), txt: l.txt, fail: func(e *diag.Error) { errs.Add(e) }}
	out = maps.Clone(l.out)
	var p output.Packer // the outputs are made one after another
	put := func(name string, data []byte) error {
		out[name] = p.Pack(data)
		return nil
	}
	stream := func(name string, fill func(io.Writer) error) error {
		var buf bytes.Buffer
		if err := fill(&buf); err != nil {
			return err
		}
		return put(name, buf.Bytes())
	}
	for _, o := range l.outs {
		if j := o.Joined; j != nil {
			var ids []string
			for _, p := range j.Parts {
				if edited[p.In.Source] {
					ids = append(ids, p.ID)
				}
			}
			if len(ids) > 0 {
				out[o.Path] = p.Pack(b.remakeParts(l, o, ids))
			}
			continue
		}
		if !edited[o.In.Source] {
			continue
		}
		if o.Page != nil {
			m.page(o, put, nil)
			rendered++
		} else {
			m.file(o, put, stream)
		}
	}
	if err := ctx.Err(); err != nil {
		return nil, 0, err
	}
	return out, rendered, errs.Err()
}

// remakeParts makes the parts of a joined file with the given IDs again,
// and joins them with the others: those made by earlier body edits, else
// the last full build's. The parts made are kept in l, not in the
// Builder's cache, where they would sit under the key of the text they
// replaced: an edit that brings that text back would get them.
func (b *Builder) remakeParts(l *lastBuild, o *plan.Output, ids []string) []byte {
	j := o.Joined
	made := make([][]byte, len(j.Parts))
	b.mu.Lock()
	defer b.mu.Unlock()
	for i := range j.Parts {
		p := &j.Parts[i]
		name := o.Path + "\x00" + p.ID
		data, ok := l.parts[name]
		if slices.Contains(ids, p.ID) {
			data = p.Make()
			l.parts[name] = data
		} else if !ok {
			data = b.last[name].data
		}
		made[i] = data
	}
	var buf bytes.Buffer
	joinParts(&buf, j, made)
	return buf.Bytes()
}
