package plan

// KindSearch is the search page (search/), which searches the index
// (search-index.json) in the browser.
const KindSearch = "search"

func searchPage(p *Planner) {
	p.hubView(KindSearch, "search/", 0)
}
