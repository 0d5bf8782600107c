package plan

import (
	"github.com/waymark-cx/waymark/generator/export"
	"github.com/waymark-cx/waymark/generator/render"
)

// The templates: the blank journey maps to download (the built-in ones
// and the site's templates/). templates/ lists them, with an
// introduction from content/templates/_index.md; beside it each is
// offered as written (templates/<slug>.md) and in the export formats
// marked Template (templates/<slug>.csv, .json); a theme with poster.html
// gives each a workshop poster (templates/<slug>/poster/), which is not
// listed in the sitemap.
const (
	KindTemplates = "templates"
	KindPoster    = "poster"
)

func templatesList(p *Planner) {
	pg, o := p.list(KindTemplates, p.T("nav.templates"))
	p.Page(pg, o)
}

func posters(p *Planner) {
	if !p.Has(KindPoster) {
		return
	}
	crumb := render.Crumb{Title: p.T("nav.templates"), URL: "templates/"}
	for _, t := range p.Site.Templates {
		p.Page(&render.Page{Kind: KindPoster, Title: t.Title, Description: t.Summary, URL: t.Print(), Journey: t,
			Crumbs: []render.Crumb{p.Home, crumb}}, Output{In: mapInputs(t)})
	}
}

func templateDownloads(p *Planner) {
	for _, t := range p.Site.Templates {
		in := export.Input{SchemaURL: p.schemaURL, Words: p.journeyWords(t)}
		o := Output{In: Inputs{Source: &t.Entry}}
		p.Made(t.Download("md"), func(dst []byte) []byte { return export.AppendHeld(dst, p.Raw(&t.Entry)) }, o)
		for _, f := range export.Formats() {
			if f.Template {
				p.Made(t.Download(f.Ext), func(dst []byte) []byte { return f.Write(dst, t, in) }, o)
			}
		}
	}
}
