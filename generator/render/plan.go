package render

import (
	"cmp"
	"slices"
	"strconv"

	"github.com/waymark-cx/waymark/generator/model"
	"github.com/waymark-cx/waymark/generator/slug"
)

// Plan lists every page of the site, with everything but its Content
// (the Markdown body, converted by the caller) filled in. Body returns the
// Markdown source whose HTML becomes a page's Content, if any.
func (e *Engine) Plan() []*Page {
	s := e.site
	nav := newNavs(e.nav())
	home := Crumb{Title: e.translate("nav.home"), URL: ""}
	var pages []*Page
	add := func(p *Page) {
		p.Site = e.data
		p.Nav = nav.forURL(p.URL)
		pages = append(pages, p)
	}
	hp := &Page{Kind: KindHome, Title: s.Config.Title, Description: s.Config.Description, Groups: e.byType(s.Journeys)}
	if s.Home != nil {
		hp.Page, hp.Params, hp.Layout = s.Home, s.Home.Params, s.Home.Layout
		if s.Home.Title != "" {
			hp.Title = s.Home.Title
		}
	}
	add(hp)
	list := func(kind, title string) *Page {
		p := &Page{Kind: kind, Title: title, URL: kind + "/", Crumbs: []Crumb{home}}
		if intro := s.Lists[kind]; intro != nil {
			p.Page, p.Params, p.Layout, p.Description = intro, intro.Params, intro.Layout, intro.Description
			if intro.Title != "" {
				p.Title = intro.Title
			}
		}
		return p
	}
	pl := list(KindPersonas, e.translate("nav.personas"))
	pl.Segments = bySegment(s.Personas)
	add(pl)
	jl := list(KindJourneys, e.translate("nav.journeys"))
	jl.Groups, jl.Tags = e.byType(s.Journeys), e.previews(byTag(s.Journeys))
	if e.hub != nil && e.Has(KindHub) && e.Has(KindTag) {
		// Each tag group links to the hub's page of that tag.
		pages := make(map[string]string, len(e.hub.Tags))
		for _, t := range e.hub.Tags {
			pages["tag-"+t.Slug] = t.URL
		}
		for i, g := range jl.Tags {
			jl.Tags[i].URL = pages[g.ID]
		}
	}
	add(jl)
	add(list(KindTemplates, e.translate("nav.templates")))
	personasCrumb := Crumb{Title: e.translate("nav.personas"), URL: "personas/"}
	for _, p := range s.Personas {
		add(&Page{Kind: KindPersona, Title: p.Name, Description: p.Role, URL: p.URL, Persona: p,
			Params: p.Params, Layout: p.Layout, Crumbs: []Crumb{home, personasCrumb}})
	}
	journeysCrumb := Crumb{Title: e.translate("nav.journeys"), URL: "journeys/"}
	for _, j := range s.Journeys {
		add(&Page{Kind: KindJourney, Title: j.Title, Description: j.Summary, URL: j.URL, Journey: j,
			Params: j.Params, Layout: j.Layout, Crumbs: []Crumb{home, journeysCrumb}})
	}
	e.planPrints(add, home, journeysCrumb)
	var walk func(sec *model.Section, crumbs []Crumb)
	walk = func(sec *model.Section, crumbs []Crumb) {
		sp := &Page{Kind: KindSection, Title: sec.Title, URL: sec.URL, Section: sec, Crumbs: crumbs}
		if sec.Index != nil {
			sp.Page, sp.Params, sp.Layout, sp.Description = sec.Index, sec.Index.Params, sec.Index.Layout, sec.Index.Description
		}
		add(sp)
		inner := append(slices.Clip(crumbs), Crumb{Title: sec.Title, URL: sec.URL})
		for _, p := range sec.Pages {
			add(pagePage(p, sec, inner))
		}
		for _, c := range sec.Sections {
			walk(c, inner)
		}
	}
	for _, p := range s.TopPages {
		add(pagePage(p, nil, []Crumb{home}))
	}
	for _, sec := range s.Sections {
		walk(sec, []Crumb{home})
	}
	e.planHub(add, home, nav)
	add(&Page{Kind: KindNotFound, Title: e.translate("notfound.title"), URL: "404.html"})
	return pages
}

func pagePage(p *model.Page, sec *model.Section, crumbs []Crumb) *Page {
	return &Page{Kind: KindPage, Title: p.Title, Description: p.Description, URL: p.URL, Page: p, Section: sec,
		Params: p.Params, Layout: p.Layout, Crumbs: crumbs}
}

// Body is the Markdown whose HTML becomes the page's Content.
func (p *Page) Body() (src []byte, path string, line int) {
	e := p.Entry()
	if e == nil || p.Kind == KindPrint || p.Kind == KindPoster {
		return nil, "", 0
	}
	return e.Body, e.Path, e.BodyLine
}

// nav is the site navigation: home, personas, journeys, the top-level
// handbook sections and pages, templates.
func (e *Engine) nav() []NavItem {
	s := e.site
	items := []NavItem{
		{Title: e.translate("nav.home"), URL: ""},
		{Title: e.translate("nav.personas"), URL: "personas/"},
		{Title: e.translate("nav.journeys"), URL: "journeys/"},
	}
	if e.Has(KindHub) {
		items = append(items, NavItem{Title: e.translate("nav.hub"), URL: "hub/"})
	}
	for _, sec := range s.Sections {
		items = append(items, NavItem{Title: sec.Title, URL: sec.URL})
	}
	for _, p := range s.TopPages {
		items = append(items, NavItem{Title: p.Title, URL: p.URL})
	}
	return append(items, NavItem{Title: e.translate("nav.templates"), URL: "templates/"})
}

// navs hands out the site navigation with one entry marked current. There
// are only as many ways to mark it as there are entries, so pages share
// them: templates only read a page's Nav.
type navs struct {
	items    []NavItem
	variants [][]NavItem // by marked entry + 1; 0: none marked
}

func newNavs(items []NavItem) *navs {
	return &navs{items: items, variants: make([][]NavItem, len(items)+1)}
}

// current is the navigation with entry i marked (-1: none).
func (n *navs) current(i int) []NavItem {
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
func (n *navs) forURL(url string) []NavItem {
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
func (n *navs) forEntry(url string) []NavItem {
	return n.current(slices.IndexFunc(n.items, func(it NavItem) bool { return it.URL == url }))
}

// previews fills in each group's Preview and More.
func (e *Engine) previews(groups []Group) []Group {
	_, n := e.site.Config.HubLimits()
	for i := range groups {
		g := &groups[i]
		k := min(n, len(g.Journeys))
		g.Preview, g.More = g.Journeys[:k:k], len(g.Journeys)-k
	}
	return groups
}

func (e *Engine) byType(js []*model.Journey) []Group {
	var groups []Group
	for _, t := range model.MapTypes() {
		g := Group{ID: string(t), Title: e.translate("type." + string(t))}
		for _, j := range js {
			if j.Type == t {
				g.Journeys = append(g.Journeys, j)
			}
		}
		if len(g.Journeys) > 0 {
			groups = append(groups, g)
		}
	}
	return e.previews(groups)
}

// bySegment groups personas by segment, in the order segments first
// appear.
func bySegment(ps []*model.Persona) []Segment {
	var out []Segment
	at := map[string]int{} // segment → its index in out
	for i, p := range ps {
		k, ok := at[p.Segment]
		if !ok {
			k = len(out)
			at[p.Segment] = k
			out = append(out, Segment{ID: "segment-" + strconv.Itoa(i), Name: p.Segment})
		}
		out[k].Personas = append(out[k].Personas, p)
	}
	return out
}

func byTag(js []*model.Journey) []Group {
	byID := map[string]*Group{}
	ids := map[string]string{} // tag → id, to slug each tag once
	for _, j := range js {
		for i, t := range j.Tags {
			id, ok := ids[t]
			if !ok {
				id = "tag-" + slug.Make(t)
				ids[t] = id
			}
			g, ok := byID[id]
			if !ok {
				g = &Group{ID: id, Title: t}
				byID[id] = g
			}
			// A journey joins a group once, even if it lists a tag twice.
			if !slices.ContainsFunc(j.Tags[:i], func(u string) bool { return ids[u] == id }) {
				g.Journeys = append(g.Journeys, j)
			}
		}
	}
	groups := make([]Group, 0, len(byID))
	for _, g := range byID {
		groups = append(groups, *g)
	}
	slices.SortFunc(groups, func(a, b Group) int {
		return cmp.Or(cmp.Compare(slug.Fold(a.Title), slug.Fold(b.Title)), cmp.Compare(a.ID, b.ID))
	})
	return groups
}

// planPrints adds the print view of every journey and the workshop poster
// of every template, when the theme has layouts for them.
func (e *Engine) planPrints(add func(*Page), home, journeys Crumb) {
	s := e.site
	if e.Has(KindPrint) {
		for _, j := range s.Journeys {
			add(&Page{Kind: KindPrint, Title: j.Title, Description: j.Summary, URL: j.URL + "print/", Journey: j,
				Crumbs: []Crumb{home, journeys, {Title: j.Title, URL: j.URL}}})
		}
	}
	if e.Has(KindPoster) {
		templates := Crumb{Title: e.translate("nav.templates"), URL: "templates/"}
		for _, t := range s.Templates {
			add(&Page{Kind: KindPoster, Title: t.Title, Description: t.Summary, URL: t.URL + "poster/", Journey: t,
				Crumbs: []Crumb{home, templates}})
		}
	}
}
