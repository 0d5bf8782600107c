package plan

import "github.com/waymark-cx/waymark/generator/render"

// KindPrint is a journey's print view (journeys/<slug>/print/): the map
// alone, laid out for paper. A theme without print.html has none. It is
// not listed in the sitemap (it is noindex).
const KindPrint = "print"

func printViews(p *Planner) {
	if !p.Has(KindPrint) {
		return
	}
	crumb := journeysCrumb(p)
	for _, j := range p.Site.Journeys {
		p.Page(&render.Page{Kind: KindPrint, Title: j.Title, Description: j.Summary, URL: j.Print(), Journey: j,
			Crumbs: []render.Crumb{p.Home, crumb, {Title: j.Title, URL: j.URL}}}, Output{In: mapInputs(j)})
	}
}
