package plan

import "github.com/waymark-cx/waymark/generator/render"

// The list pages: personas/ (by segment) and journeys/ (by map type and
// by tag); templates/ is in templates.go. Each may have an introduction:
// content/<kind>/_index.md.
const (
	KindPersonas = "personas"
	KindJourneys = "journeys"
)

// list is a list page of a kind, with its introduction when it has one.
func (p *Planner) list(kind, title string) (*render.Page, Output) {
	pg := &render.Page{Kind: kind, Title: title, URL: kind + "/", Crumbs: []render.Crumb{p.Home}}
	o := Output{In: Inputs{Cards: true}, Sitemap: true}
	if intro := p.Site.Lists[kind]; intro != nil {
		pg.Page, pg.Params, pg.Layout, pg.Description = intro, intro.Params, intro.Layout, intro.Description
		if intro.Title != "" {
			pg.Title = intro.Title
		}
		o.Body, o.In.Source = &intro.Entry, &intro.Entry
	}
	return pg, o
}

func personasList(p *Planner) {
	pg, o := p.list(KindPersonas, p.T("nav.personas"))
	pg.Segments = bySegment(p.Site.Personas)
	p.Page(pg, o)
}

func journeysList(p *Planner) {
	pg, o := p.list(KindJourneys, p.T("nav.journeys"))
	pg.Groups, pg.Tags = p.byType(p.Site.Journeys), p.previews(byTag(p.Site.Journeys))
	if p.hubOn() && p.Has(KindTag) {
		// Each tag group links to the hub's page of that tag.
		pages := make(map[string]string, len(p.Hub.Tags))
		for _, t := range p.Hub.Tags {
			pages["tag-"+t.Slug] = t.URL
		}
		for i, g := range pg.Tags {
			pg.Tags[i].URL = pages[g.ID]
		}
	}
	p.Page(pg, o)
}
