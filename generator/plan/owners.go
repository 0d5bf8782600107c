package plan

import (
	"io"

	"github.com/waymark-cx/waymark/generator/export"
	"github.com/waymark-cx/waymark/generator/hub"
	"github.com/waymark-cx/waymark/generator/render"
)

// The owners: owners/ lists every team; owners/<slug>/ shows what one
// owns (journeys, touchpoints, pain points, opportunities, items of
// custom items lanes), each list also a download beside the page
// (<slug>-<list>.csv, <slug>-lane-<key>.csv). An owner's page and
// files show the entries of the journeys that name it (Inputs.Owner).
const (
	KindOwners = "owners"
	KindOwner  = "owner"
)

func ownersView(p *Planner) {
	p.hubView(KindOwners, "owners/", hub.AllParts&^hub.Scores)
}

func ownerPages(p *Planner) {
	if !p.hubOn() || !p.Has(KindOwner) {
		return
	}
	at := HubAddresses()
	crumbs := append(p.hubCrumbs(), render.Crumb{Title: p.T("hub.owners"), URL: "owners/"})
	for _, o := range p.Hub.Owners {
		p.HubPage(&render.Page{Kind: KindOwner, Title: o.Name, URL: o.URL, Owner: o, Crumbs: crumbs},
			Output{In: Inputs{Cards: true, Views: hub.AllParts &^ hub.Scores, Owner: o.Slug}, Sitemap: true})
		// Each list reads its part of the stages (an owner's touchpoints
		// show their own scores only), and which owners there are: the
		// parts that name owners.
		owners := hub.Touchpoints | hub.Items
		lists := []struct {
			list  hub.List
			views hub.Part
			write func(w io.Writer, sh export.Sheet) error
		}{
			{hub.ListJourneys, hub.AllParts &^ hub.Scores, func(w io.Writer, sh export.Sheet) error { return export.Journeys(w, o.Journeys, sh) }},
			{hub.ListTouchpoints, owners, func(w io.Writer, sh export.Sheet) error { return export.TouchpointUses(w, o.Touchpoints, sh) }},
			{hub.ListPainPoints, owners, func(w io.Writer, sh export.Sheet) error { return export.HubItems(w, o.PainPoints, sh) }},
			{hub.ListOpportunities, owners, func(w io.Writer, sh export.Sheet) error { return export.HubItems(w, o.Opportunities, sh) }},
		}
		for _, l := range o.Lanes {
			lists = append(lists, struct {
				list  hub.List
				views hub.Part
				write func(w io.Writer, sh export.Sheet) error
			}{hub.LaneList(l.Lane.Key), owners, func(w io.Writer, sh export.Sheet) error { return export.HubItems(w, l.Items, sh) }})
		}
		for _, l := range lists {
			p.csvOf(at.OwnerCSV(o, l.list), Inputs{Cards: true, Views: l.views, Owner: o.Slug}, l.write)
		}
	}
}
