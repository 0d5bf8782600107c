package plan

import "github.com/waymark-cx/waymark/generator/render"

// The print views: a journey's (journeys/<slug>/print/) and a template's
// workshop poster (templates/<slug>/poster/). A theme without print.html
// or poster.html has none. They show the map alone, and are not listed
// in the sitemap (they are noindex).
const (
	KindPrint  = "print"
	KindPoster = "poster"
)

func printViews(p *Planner) {
	if !p.Has(KindPrint) {
		return
	}
	crumb := journeysCrumb(p)
	for _, j := range p.Site.Journeys {
		p.Page(&render.Page{Kind: KindPrint, Title: j.Title, Description: j.Summary, URL: j.URL + "print/", Journey: j,
			Crumbs: []render.Crumb{p.Home, crumb, {Title: j.Title, URL: j.URL}}}, Output{In: mapInputs(j)})
	}
}

func posters(p *Planner) {
	if !p.Has(KindPoster) {
		return
	}
	crumb := render.Crumb{Title: p.T("nav.templates"), URL: "templates/"}
	for _, t := range p.Site.Templates {
		p.Page(&render.Page{Kind: KindPoster, Title: t.Title, Description: t.Summary, URL: t.URL + "poster/", Journey: t,
			Crumbs: []render.Crumb{p.Home, crumb}}, Output{In: mapInputs(t)})
	}
}
