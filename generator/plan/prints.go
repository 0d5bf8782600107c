package plan

import (
	"github.com/waymark-cx/waymark/generator/model"
	"github.com/waymark-cx/waymark/generator/render"
)

// KindPrint is a journey's print view (journeys/<slug>/print/): the map
// alone, laid out for paper. A theme without print.html has none. It is
// not listed in the sitemap (it is noindex).
const KindPrint = "print"

func printViews(p *Planner) {
	if !p.Has(KindPrint) {
		return
	}
	for _, j := range p.Site.Journeys {
		printView(p, j)
	}
}

func printView(p *Planner, j *model.Journey) {
	if !p.Has(KindPrint) {
		return
	}
	p.Page(&render.Page{Kind: KindPrint, Title: j.Title, Description: j.Summary, URL: j.Print(), Journey: j,
		Crumbs: []render.Crumb{p.Home, journeysCrumb(p), {Title: j.Title, URL: j.URL}}}, Output{In: mapInputs(j)})
}
