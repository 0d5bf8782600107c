package plan

import (
	"slices"

	"github.com/waymark-cx/waymark/generator/model"
	"github.com/waymark-cx/waymark/generator/render"
)

// The handbook's own pages: a page (<path>/) for every Markdown file under
// content/ that is not a persona, journey or list introduction, and a
// section index (<folder>/) for every folder of them, with the folder's
// _index.md as its introduction.
const (
	KindPage    = "page"
	KindSection = "section"
)

func handbookPages(p *Planner) {
	for _, pg := range p.Site.TopPages {
		p.handbookPage(pg, nil, []render.Crumb{p.Home})
	}
	for _, sec := range p.Site.Sections {
		if sec.Dir == model.ResearchDir {
			continue // research.go
		}
		p.section(sec, []render.Crumb{p.Home})
	}
}

func (p *Planner) section(sec *model.Section, crumbs []render.Crumb) {
	pg := &render.Page{Kind: KindSection, Title: sec.Title, URL: sec.URL, Section: sec, Crumbs: crumbs}
	o := Output{In: Inputs{Cards: true}, Sitemap: true}
	if sec.Index != nil {
		pg.Page, pg.Params, pg.Layout, pg.Description = sec.Index, sec.Index.Params, sec.Index.Layout, sec.Index.Description
		o.Body, o.In.Source = &sec.Index.Entry, &sec.Index.Entry
	}
	p.Page(pg, o)
	inner := append(slices.Clip(crumbs), render.Crumb{Title: sec.Title, URL: sec.URL})
	for _, pg := range sec.Pages {
		p.handbookPage(pg, sec, inner)
	}
	for _, c := range sec.Sections {
		p.section(c, inner)
	}
}

func (p *Planner) handbookPage(pg *model.Page, sec *model.Section, crumbs []render.Crumb) {
	p.Page(&render.Page{Kind: KindPage, Title: pg.Title, Description: pg.Description, URL: pg.URL, Page: pg, Section: sec,
		Params: pg.Params, Layout: pg.Layout, Crumbs: crumbs},
		Output{Body: &pg.Entry, In: Inputs{Cards: true, Source: &pg.Entry}, Sitemap: true})
}
