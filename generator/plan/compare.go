package plan

import (
	"github.com/waymark-cx/waymark/generator/model"
	"github.com/waymark-cx/waymark/generator/render"
)

// KindCompare is a current-state map beside its future-state map
// (compare/<current>-vs-<future>/), stage by stage: their front matter
// and their personas' cards.
const KindCompare = "compare"

func comparePages(p *Planner) {
	if !p.hubOn() || !p.Has(KindCompare) {
		return
	}
	for _, pair := range p.Hub.Pairs {
		in := Inputs{Cards: true, Fronts: []*model.Journey{pair.Current, pair.Future}}
		in.Personas = append(append(in.Personas, pair.Current.Personas...), pair.Future.Personas...)
		p.HubPage(&render.Page{Kind: KindCompare, Title: pair.Current.Title + " → " + pair.Future.Title, URL: pair.URL,
			Pair: pair, Crumbs: p.hubCrumbs()}, Output{In: in, Sitemap: true})
	}
}
