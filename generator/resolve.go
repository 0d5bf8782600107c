package generator

import (
	"path"
	"strings"
	"sync"

	"github.com/waymark-cx/waymark/generator/diag"
	"github.com/waymark-cx/waymark/generator/markup"
	"github.com/waymark-cx/waymark/generator/model"
	"github.com/waymark-cx/waymark/generator/plan"
)

// resolver knows every page and file a build produces, so that Markdown
// links can be checked. It learns them at the first link it is asked
// about: a rebuild whose changed pages link nowhere does not pay for it.
type resolver struct {
	once    sync.Once
	index   func(r *resolver)
	pages   map[string]bool   // page URLs: "", "personas/lan/"
	sources map[string]string // source path → page URL
	extra   map[string]bool   // every planned file that is not a page: downloads, static files …
}

func newResolver(site *model.Site, outs []*plan.Output) *resolver {
	return &resolver{index: func(r *resolver) {
		r.pages, r.sources, r.extra = map[string]bool{}, map[string]string{}, map[string]bool{}
		for _, o := range outs {
			if o.Page == nil {
				r.extra[o.Path] = true
				continue
			}
			r.pages[o.Page.URL] = true
			if o.Body != nil {
				r.sources[o.Body.Path] = o.Page.URL
			}
		}
		for src, u := range site.Unloaded {
			r.pages[u] = true
			r.sources[src] = u
		}
	}}
}

// pageURL implements markup.Options.PageURL.
func (r *resolver) pageURL(source string) (string, bool) {
	r.once.Do(func() { r.index(r) })
	u, ok := r.sources[source]
	return u, ok
}

// resolve implements markup.Options.Resolve.
func (r *resolver) resolve(target string) (string, bool) {
	r.once.Do(func() { r.index(r) })
	if strings.HasSuffix(target, ".md") {
		if u, ok := r.sources[path.Clean(target)]; ok {
			return u, true
		}
		if r.extra[target] {
			return target, true
		}
		return "", false
	}
	clean := strings.TrimPrefix(path.Clean("/"+target), "/")
	switch {
	case r.pages[clean+"/"] || (clean == "" && r.pages[""]):
		if clean == "" {
			return "", true
		}
		return clean + "/", true
	case strings.HasSuffix(clean, "/index.html") && r.pages[strings.TrimSuffix(clean, "index.html")]:
		return clean, true
	case r.pages[clean], r.extra[clean]:
		return clean, true
	}
	return "", false
}

// checkLaneLinks reports the broken links in the text lanes of every
// journey (a custom lane of kind text holds Markdown), at the line of
// the value: the page draws them inside its stage table, where a broken
// one would pass unseen.
func checkLaneLinks(site *model.Site, conv *markup.Converter, errs *diag.List) {
	for _, j := range site.Journeys {
		for _, l := range j.Lanes {
			if l.Kind != model.LaneText {
				continue
			}
			for _, s := range j.Stages {
				v := s.Lane(l.Key)
				if v.Empty() || !strings.Contains(v.Text, "](") && !strings.Contains(v.Text, "]:") {
					continue // no link in it
				}
				line, col := v.Pos()
				_, linkErrs := conv.Convert([]byte(v.Text), j.Path, line)
				for _, e := range linkErrs {
					if e.Line == line && col > 0 {
						e.Col = col // the key: where its value starts is the author's spacing
					}
					errs.Add(e)
				}
			}
		}
	}
}
