package plan

import "github.com/waymark-cx/waymark/generator/render"

// KindNotFound is the "page not found" page (404.html), which GitHub
// Pages and most servers show for unknown addresses.
const KindNotFound = "404"

func notFound(p *Planner) {
	p.Page(&render.Page{Kind: KindNotFound, Title: p.T("notfound.title"), URL: "404.html"}, Output{In: Inputs{Cards: true}})
}
