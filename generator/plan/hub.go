package plan

import (
	"github.com/waymark-cx/waymark/generator/hub"
	"github.com/waymark-cx/waymark/generator/render"
)

// KindHub is the hub's overview (hub/): what every view holds, in
// figures, with a link to each. The hub's pages exist only when the theme
// has hub.html.
const KindHub = "hub"

func hubOverview(p *Planner) {
	if !p.hubOn() {
		return
	}
	p.HubPage(&render.Page{Kind: KindHub, Title: p.T("nav.hub"), URL: hubURL, Crumbs: []render.Crumb{p.Home}},
		Output{In: Inputs{Cards: true, Views: hub.AllParts}, Sitemap: true})
}
