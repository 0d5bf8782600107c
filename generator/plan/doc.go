// Package plan is the site's URL scheme and its plan: every file the site
// publishes, where it goes, and what it reads. Only this package spells
// output paths; the build (package generator) renders, minifies, caches
// and writes what the plan declares, and knows no product by name.
// Addresses (addresses.go) is where each entry of the model is published,
// which model.New takes; HubAddresses (urls.go) where the hub's pages and
// downloads are.
//
// # Products
//
// A product is one file of this package: a function that plans outputs
// (Planner.Page, Planner.HubPage, Planner.File, Planner.Joined), listed in
// products() in the order they are planned, which is the sitemap's order.
// Paths are relative to the site root; a page at "x/" is written to
// "x/index.html".
//
//	home.go         /                                   cards; content/_index.md
//	lists.go        personas/ journeys/                 cards; content/<kind>/_index.md
//	templates.go    templates/                          cards; content/templates/_index.md
//	                templates/<slug>.md .csv .json      the template's file
//	                templates/<slug>/poster/            the template's file (not in the sitemap)
//	personas.go     personas/<slug>/                    its file; its journeys' cards and pain points
//	journeys.go     journeys/<slug>/                    its file; its personas' and pair's cards
//	prints.go       journeys/<slug>/print/              the same (not in the sitemap)
//	downloads.go    journeys/<slug>/<slug>.<ext>        its file; its personas' cards (one a format of export.Formats)
//	                schema/journey.schema.json          nothing
//	                schema/journey.v1.schema.json       nothing
//	pages.go        <path>/ (pages and sections)        cards; its file
//	research.go     research/ + research/<slug>/        cards; the note's file; the pain points and opportunities (what cites it)
//	hub.go          hub/                                cards; every view of the stages
//	touchpoints.go  touchpoints/ + touchpoints.csv      cards; the touchpoints of every stage (and its emotion)
//	painpoints.go   pain-points/ + pain-points.csv, opportunities.csv, no-owner.csv
//	                                                    cards; the pain points and opportunities
//	owners.go       owners/, owners/<slug>/ + <slug>-<list>.csv
//	                                                    cards; every view of the stages
//	tags.go         tags/, tags/<slug>/ + <slug>-journeys.csv
//	                                                    cards
//	matrix.go       matrix/ + matrix.csv                cards
//	metrics.go      metrics/ + metrics.csv              cards; the metrics
//	priorities.go   priorities/ + priorities.csv        cards; the pain points and opportunities (their scores)
//	search.go       search/                             cards
//	searchindex.go  search-index.json                   a part for each persona, journey and page: its file
//	compare.go      compare/<current>-vs-<future>/      cards; both maps' front matter; their personas' cards
//	notfound.go     404.html                            cards (not in the sitemap)
//	publish.go      sitemap.xml                         cards (and the pages planned)
//	                robots.txt .nojekyll CNAME          nothing
//	static.go       <name> for static/<name>            the file (size and time)
//
// The hub's pages (hub.go to compare.go) exist only when the theme has
// hub.html and the kind's own layout; hub_limit cuts their lists, and the
// CSV files beside them hold every entry.
//
// # Inputs
//
// Every output reads what the whole site shares: waymark.toml, the
// theme's templates and strings, the path of every output, the
// navigation, the static files' names, the templates' slugs and the
// date. Beyond that, an output declares in Inputs what
// it shows: Cards (what lists and the navigation show of every persona,
// journey, page and template), Source (an entry's whole file), the cards
// of some Journeys or Personas, the front matter of some journeys
// (Fronts), their stage names and pain points (Pains), and the hub's
// Views of every stage. The build reuses an
// output while the sums of all it reads are unchanged, so a product that
// declares too little shows stale pages under serve: the property test
// (generator/property_test.go) edits a site at random and compares every
// rebuild with a fresh build.
//
// # Adding a product
//
// Write one file: a Kind constant naming its layout (kind + ".html" in
// the theme), a doc comment with its path and what it reads, and a
// function that plans its outputs with the Inputs they show; add the
// function to products(). A page's data is a render.Page; a file is a
// writer (Output.Write), a file of parts (Joined) or a copy (Copy). A hub
// view is Planner.hubView plus, for a download, Planner.csv. Add the
// layout to themes/default/layouts/, its title to the UI strings
// ("hub.<kind>" for a hub view), and a golden page
// (generator/golden_test.go); CONTRIBUTING.md has the whole recipe.
package plan
