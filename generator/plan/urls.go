package plan

import (
	"io"
	"strings"

	"github.com/waymark-cx/waymark/generator/export"
	"github.com/waymark-cx/waymark/generator/hub"
	"github.com/waymark-cx/waymark/generator/model"
	"github.com/waymark-cx/waymark/generator/render"
)

// HubAddresses is where the hub's pages and downloads are:
//
//	owners/<slug>/                       an owner's page
//	owners/<slug>/<slug>-<list>.csv      its journeys, touchpoints, pain-points, opportunities
//	tags/<slug>/                         a tag's page
//	tags/<slug>/<slug>-journeys.csv      its journeys
//	compare/<current>-vs-<future>/       a pair of current and future maps
//	pain-points/pain-points.csv          every pain point
//	pain-points/opportunities.csv        every opportunity
//	pain-points/no-owner.csv             both, without an owner
//	pain-points/lane-<key>.csv           every item of a custom items lane
//	owners/<slug>/<slug>-lane-<key>.csv  an owner's items of one
//	touchpoints/touchpoints.csv          every use of every touchpoint
//	metrics/metrics.csv                  every metric
//	matrix/matrix.csv                    personas × journeys
//	priorities/priorities.csv            the ranked opportunities, then the unscored
func HubAddresses() hub.Addresses {
	page := func(dir string) func(string) string {
		return func(slug string) string { return dir + "/" + slug + "/" }
	}
	return hub.Addresses{
		Owner: page("owners"),
		Tag:   page("tags"),
		Pair:  page("compare"),
		OwnerCSV: func(o *hub.Owner, l hub.List) string {
			return o.URL + o.Slug + "-" + string(l) + ".csv"
		},
		TagCSV: func(t *hub.Tag) string { return t.URL + t.Slug + "-journeys.csv" },
		CSV:    hubCSV,
	}
}

// hubCSV is where a hub view's list is offered whole.
func hubCSV(l hub.List) string {
	switch {
	case l == hub.ListOpportunities, l == hub.ListNoOwner, l.IsLane():
		return "pain-points/" + string(l) + ".csv"
	}
	return string(l) + "/" + string(l) + ".csv"
}

// hubURL is the hub's overview page, under which the navigation puts
// every hub page.
const hubURL = "hub/"

// Absolute is a site path with base_url in front: a full address when
// base_url has a host, else a path from the server's root.
func Absolute(s *model.Site, path string) string {
	return strings.TrimSuffix(s.Config.BaseURL, "/") + "/" + path
}

// hubOn reports whether the site has the hub: a theme that lacks a hub
// layout (a site's own theme may leave it out) has none of its pages.
func (p *Planner) hubOn() bool { return p.Hub != nil && p.Has(KindHub) }

// hubCrumbs are the breadcrumbs of a page under the hub's overview.
func (p *Planner) hubCrumbs() []render.Crumb {
	return []render.Crumb{p.Home, {Title: p.T("nav.hub"), URL: hubURL}}
}

// hubView plans a hub page of a kind at url, showing the cards and the
// given views of the stages, when the theme has its layout.
func (p *Planner) hubView(kind, url string, views hub.Part) {
	if p.hubOn() && p.Has(kind) {
		p.HubPage(&render.Page{Kind: kind, Title: p.T("hub." + kind), URL: url, Crumbs: p.hubCrumbs()},
			Output{In: Inputs{Cards: true, Views: views}, Sitemap: true})
	}
}

// csv plans a download beside a hub page, made from the filled hub with
// the same inputs as the page.
func (p *Planner) csv(path string, views hub.Part, write func(w io.Writer, sh export.Sheet) error) {
	p.csvOf(path, Inputs{Cards: true, Views: views}, write)
}

// csvOf plans a download of the hub's that reads in.
func (p *Planner) csvOf(path string, in Inputs, write func(w io.Writer, sh export.Sheet) error) {
	sh := export.Sheet{Base: Absolute(p.Site, ""), Words: p.words(p.Site.Config.Language)}
	p.File(path, func(w io.Writer) error { return write(w, sh) }, Output{Hub: true, In: in})
}
