package plan

import (
	"io"
	"io/fs"

	"github.com/waymark-cx/waymark/generator/export"
	"github.com/waymark-cx/waymark/generator/hub"
	"github.com/waymark-cx/waymark/generator/model"
	"github.com/waymark-cx/waymark/generator/render"
)

// Output is one file the site publishes: a page the theme renders, or a
// file made in Go.
type Output struct {
	Path string       // in the output folder: "journeys/buy/index.html"
	Page *render.Page // a page: rendered with the theme, then minified
	// Write makes a file that is not a page, or Bytes one made whole (a
	// download: no copy of it is made), appended to dst as
	// export.Format's Write does. Hub is set when it reads the hub's
	// views, which must be filled (hub.Hub.Fill) first.
	Write func(w io.Writer) error
	Bytes func(dst []byte) []byte
	// Joined is a file made of parts instead (the search index); Copy
	// a file copied (a static file), which the build reads and sums.
	Joined *Joined
	Copy   *Copy
	// Minify is the media type the build minifies a file as; "" for
	// none. Pages are always minified as HTML.
	Minify string
	// Body is the entry whose Markdown becomes the page's Content; nil
	// for none (print views show the map alone). Its In must declare the
	// entry as its Source.
	Body    *model.Entry
	In      Inputs // what it shows, beyond what every output reads
	Hub     bool
	Sitemap bool // listed in sitemap.xml
}

// Inputs is what an output shows. Every output also reads what the whole
// site shares: the configuration, the theme's templates and strings, the
// path of every output, the navigation, the static files' names, the
// templates' slugs and the date. The build reuses an output while the sums
// of all it reads are unchanged.
type Inputs struct {
	// Source: an entry's whole file, front matter and body. An output
	// that shows an entry's body must declare it: an edit below the
	// front matter makes again only the outputs that declared the file.
	Source *model.Entry
	// Journeys: these journeys' cards, with their personas and pair.
	Journeys []*model.Journey
	// Personas: these personas' cards, with their journeys.
	Personas []*model.Persona
	// Fronts: these journeys' front matter as written.
	Fronts []*model.Journey
	// Pains: these journeys' stage names and pain points, which a
	// persona's page gathers by stage.
	Pains []*model.Journey
	// Owner: the slug (hub.OwnerKey) of the team whose entries of the
	// Views it shows (an owner's page and files): the stages of a
	// journey that does not name the team (model.Journey.OwnerNames)
	// do not change it. The build's sums read every journey's views;
	// a build made from the last one (bodyedit.go) reads this.
	Owner string
	// Cards: what lists and the navigation show of every persona,
	// journey, handbook page and template.
	Cards bool
	// Views: what the hub's views read of every journey's stages.
	Views hub.Part
}

// Env is what a site is planned from.
type Env struct {
	Site   *model.Site
	Hub    *hub.Hub
	Engine *render.Engine // the theme's layouts and strings
	// Raw is an entry's file as its author wrote it, for download.
	Raw func(e *model.Entry) []byte
	// Statics are the static files by site path, each with the folder
	// that holds it (the theme's or the site's).
	Statics map[string]fs.FS
}

// Planner is what products plan with: the Env, and the outputs planned
// so far.
type Planner struct {
	Env
	nav       *navs
	Home      render.Crumb // the first breadcrumb of every page
	schemaURL string       // the journey schema's full address, or ""
	outs      []*Output
	slab      []Output                // where outputs are made, a block at a time: a site has thousands
	byLang    map[string]export.Words // words, made once a language: a journey's downloads each need them
	formats   []export.Format         // the downloads' formats, made once a plan
}

// output adds o to the plan.
func (p *Planner) output(o Output) *Output {
	if len(p.slab) == cap(p.slab) {
		p.slab = make([]Output, 0, 256)
	}
	p.slab = append(p.slab, o)
	out := &p.slab[len(p.slab)-1]
	p.outs = append(p.outs, out)
	return out
}

// Make plans every output of the site, in the order of products().
func Make(env Env) []*Output {
	p := newPlanner(env)
	for _, product := range products() {
		product.plan(p)
	}
	return p.outs
}

func newPlanner(env Env) *Planner {
	p := &Planner{Env: env}
	p.nav = newNavs(p.navItems())
	p.Home = render.Crumb{Title: p.T("nav.home"), URL: ""}
	p.schemaURL = schemaURL(p)
	return p
}

// T is the UI string key in the site's language.
func (p *Planner) T(key string) string { return p.Engine.Translate(key) }

// Has reports whether the theme (or the site) has a layout: a theme
// without one of a kind's layout has no page of that kind.
func (p *Planner) Has(layout string) bool { return p.Engine.Has(layout) }

// Page plans a page, under the navigation's entry that holds its URL;
// it is listed in the sitemap unless told otherwise.
func (p *Planner) Page(pg *render.Page, o Output) *Output {
	pg.Nav = p.nav.forURL(pg.URL)
	return p.add(pg, o)
}

// HubPage plans a page of the hub's: under the navigation's Hub entry,
// showing its views.
func (p *Planner) HubPage(pg *render.Page, o Output) *Output {
	pg.Nav = p.nav.forEntry(hubURL)
	pg.Hub, o.Hub = p.Hub, true
	return p.add(pg, o)
}

func (p *Planner) add(pg *render.Page, o Output) *Output {
	pg.Site = p.Engine.Data()
	o.Page, o.Path = pg, OutName(pg.URL)
	return p.output(o)
}

// Joined is a file of many parts, each made from what it declared it
// reads, so that the build makes again only the parts whose inputs
// changed: Open, the non-empty parts with Sep between them, Close.
type Joined struct {
	Open, Sep, Close string
	Parts            []Part
}

// Part is one part of a Joined file.
type Part struct {
	ID   string // unique in the file: the build keeps parts by it
	In   Inputs
	Make func() []byte // may give nothing: the part is left out
}

// Joined plans a file of parts.
func (p *Planner) Joined(path string, j Joined) {
	p.output(Output{Path: path, Joined: &j})
}

// Made plans a file made whole in Go.
func (p *Planner) Made(path string, bytes func(dst []byte) []byte, o Output) {
	o.Path, o.Bytes = path, bytes
	p.output(o)
}

// File plans a file made in Go.
func (p *Planner) File(path string, write func(io.Writer) error, o Output) {
	o.Path, o.Write = path, write
	p.output(o)
}

// OutName is the file a page URL is written to: "journeys/x/" →
// "journeys/x/index.html", "" → "index.html", "404.html" as it is.
func OutName(url string) string {
	if url == "" || url[len(url)-1] == '/' {
		return url + "index.html"
	}
	return url
}
