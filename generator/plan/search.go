package plan

import "github.com/waymark-cx/waymark/generator/render"

// KindSearch is the search page (search/), which searches the index
// (search-index.json, searchindex.go) in the browser. It shows no card:
// it reads only what every page reads, so that no edit but to the site's
// settings, theme or navigation makes it again.
const KindSearch = "search"

func searchPage(p *Planner) {
	if p.hubOn() && p.Has(KindSearch) {
		p.HubPage(&render.Page{Kind: KindSearch, Title: p.T("hub." + KindSearch), URL: "search/", Crumbs: p.hubCrumbs()},
			Output{Sitemap: true})
	}
}
