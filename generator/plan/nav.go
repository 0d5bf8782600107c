package plan

import (
	"slices"

	"github.com/waymark-cx/waymark/generator/model"
	"github.com/waymark-cx/waymark/generator/render"
)

// nav is the site navigation: home, personas, journeys, the top-level
// handbook sections and pages, templates.
func (p *Planner) navItems() []render.NavItem {
	s := p.Site
	items := []render.NavItem{
		{Title: p.T("nav.home"), URL: ""},
		{Title: p.T("nav.personas-short"), URL: "personas/"},
		{Title: p.T("nav.journeys"), URL: "journeys/"},
	}
	if p.Has(KindHub) {
		items = append(items, render.NavItem{Title: p.T("nav.hub"), URL: hubURL})
	}
	for _, sec := range s.Sections {
		title := sec.Title
		if sec.Dir == model.ResearchDir && (sec.Index == nil || sec.Index.Title == "") {
			title = p.T("nav.research") // research.go's list, in the site's language
		}
		items = append(items, render.NavItem{Title: title, URL: sec.URL})
	}
	for _, p := range s.TopPages {
		items = append(items, render.NavItem{Title: p.Title, URL: p.URL})
	}
	return append(items, render.NavItem{Title: p.T("nav.templates"), URL: "templates/"})
}

// navs hands out the site navigation with one entry marked current. There
// are only as many ways to mark it as there are entries, so pages share
// them: templates only read a page's Nav.
type navs struct {
	items    []render.NavItem
	variants [][]render.NavItem // by marked entry + 1; 0: none marked
}

func newNavs(items []render.NavItem) *navs {
	return &navs{items: items, variants: make([][]render.NavItem, len(items)+1)}
}

// current is the navigation with entry i marked (-1: none).
func (n *navs) current(i int) []render.NavItem {
	k := i + 1
	if n.variants[k] == nil {
		v := slices.Clone(n.items)
		if i >= 0 {
			v[i].Current = true
		}
		n.variants[k] = v
	}
	return n.variants[k]
}

// forURL marks the entry that holds the page at url: the longest whose
// URL is url or a folder above it.
func (n *navs) forURL(url string) []render.NavItem {
	best := -1
	for i, it := range n.items {
		if it.URL == url || it.URL != "" && len(url) > len(it.URL) && url[:len(it.URL)] == it.URL {
			if best < 0 || len(it.URL) > len(n.items[best].URL) {
				best = i
			}
		}
	}
	return n.current(best)
}

// forEntry marks the entry whose URL is url.
func (n *navs) forEntry(url string) []render.NavItem {
	return n.current(slices.IndexFunc(n.items, func(it render.NavItem) bool { return it.URL == url }))
}
