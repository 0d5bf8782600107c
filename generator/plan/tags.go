package plan

import (
	"io"

	"github.com/waymark-cx/waymark/generator/export"
	"github.com/waymark-cx/waymark/generator/render"
)

// The tags: tags/ lists every tag with a preview of its journeys;
// tags/<slug>/ lists one tag's journeys, also a download beside the page
// (<slug>-journeys.csv).
const (
	KindTags = "tags"
	KindTag  = "tag"
)

func tagsView(p *Planner) {
	p.hubView(KindTags, "tags/", 0)
}

func tagPages(p *Planner) {
	if !p.hubOn() || !p.Has(KindTag) {
		return
	}
	at := HubAddresses()
	crumbs := append(p.hubCrumbs(), render.Crumb{Title: p.T("hub.tags"), URL: "tags/"})
	for _, t := range p.Hub.Tags {
		p.HubPage(&render.Page{Kind: KindTag, Title: t.Name, URL: t.URL, Tag: t, Crumbs: crumbs},
			Output{In: Inputs{Cards: true}, Sitemap: true})
		p.csv(at.TagCSV(t), 0, func(w io.Writer, sh export.Sheet) error { return export.Journeys(w, t.Journeys, sh) })
	}
}
