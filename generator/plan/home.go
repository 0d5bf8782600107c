package plan

import "github.com/waymark-cx/waymark/generator/render"

// KindHome is the home page (/): the site's introduction
// (content/_index.md) and its journeys by map type.
const KindHome = "home"

func home(p *Planner) {
	s := p.Site
	pg := &render.Page{Kind: KindHome, Title: s.Config.Title, Description: s.Config.Description, Groups: p.byType(s.Journeys)}
	o := Output{In: Inputs{Cards: true}, Sitemap: true}
	if s.Home != nil {
		pg.Page, pg.Params, pg.Layout = s.Home, s.Home.Params, s.Home.Layout
		if s.Home.Title != "" {
			pg.Title = s.Home.Title
		}
		o.Body, o.In.Source = &s.Home.Entry, &s.Home.Entry
	}
	p.Page(pg, o)
}
