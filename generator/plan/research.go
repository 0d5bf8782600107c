package plan

import (
	"slices"

	"github.com/waymark-cx/waymark/generator/hub"
	"github.com/waymark-cx/waymark/generator/model"
	"github.com/waymark-cx/waymark/generator/render"
)

// The research notes: a page (research/<slug>/) for every note in
// content/research/, showing its method, date, participants, quotes and
// body, and every pain point and opportunity that cites it, by journey
// and stage; and their list (research/), newest first, with the
// folder's _index.md as its introduction. A note reads its own file, the
// cards (the navigation) and the items of every journey (the Items view,
// for what cites it); the list reads the cards, which hold each note's
// method, date and participants, and the items, for how often each is
// cited. Folders below content/research/ are handbook sections.
const (
	KindResearch     = "research"
	KindResearchList = "research-list"
)

func researchPages(p *Planner) {
	i := slices.IndexFunc(p.Site.Sections, func(s *model.Section) bool { return s.Dir == model.ResearchDir })
	if i < 0 || !p.Has(KindResearchList) || !p.Has(KindResearch) {
		return
	}
	sec := p.Site.Sections[i]
	title := sec.Title
	if sec.Index == nil || sec.Index.Title == "" {
		title = p.T("nav.research")
	}
	crumbs := []render.Crumb{p.Home}
	list := &render.Page{Kind: KindResearchList, Title: title, URL: sec.URL, Section: sec, Crumbs: crumbs}
	o := Output{In: Inputs{Cards: true, Views: hub.Items}, Sitemap: true}
	if sec.Index != nil {
		list.Page, list.Params, list.Description = sec.Index, sec.Index.Params, sec.Index.Description
		o.Body, o.In.Source = &sec.Index.Entry, &sec.Index.Entry
	}
	p.research(list, o)
	inner := append(slices.Clip(crumbs), render.Crumb{Title: title, URL: sec.URL})
	for _, pg := range sec.Pages {
		if pg.Research == nil {
			p.handbookPage(pg, sec, inner)
			continue
		}
		p.research(&render.Page{Kind: KindResearch, Title: pg.Title, Description: pg.Description, URL: pg.URL, Page: pg,
			Section: sec, Params: pg.Params, Layout: pg.Layout, Crumbs: inner},
			Output{Body: &pg.Entry, In: Inputs{Cards: true, Source: &pg.Entry, Views: hub.Items}, Sitemap: true})
	}
	for _, c := range sec.Sections {
		p.section(c, inner)
	}
}

// research plans a page that shows what cites research notes: with the
// hub's views, where the site has them.
func (p *Planner) research(pg *render.Page, o Output) {
	if p.Hub != nil {
		pg.Hub, o.Hub = p.Hub, true
	}
	p.Page(pg, o)
}
