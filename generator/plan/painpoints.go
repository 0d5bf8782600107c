package plan

import (
	"io"

	"github.com/waymark-cx/waymark/generator/export"
	"github.com/waymark-cx/waymark/generator/hub"
)

// KindPainPoints is the hub's view of every pain point and opportunity
// (pain-points/), and of every custom items lane's items, by status;
// beside it pain-points.csv, opportunities.csv, no-owner.csv (both kinds,
// without an owner) and lane-<key>.csv for each items lane.
const KindPainPoints = "pain-points"

func painPointsView(p *Planner) {
	p.hubView(KindPainPoints, "pain-points/", hub.Items)
	if !p.hubOn() || !p.Has(KindPainPoints) {
		return
	}
	h := p.Hub
	p.csv(hubCSV(hub.ListPainPoints), hub.Items, func(w io.Writer, sh export.Sheet) error {
		return export.HubItems(w, h.PainPoints, sh)
	})
	p.csv(hubCSV(hub.ListOpportunities), hub.Items, func(w io.Writer, sh export.Sheet) error {
		return export.HubItems(w, h.Opportunities, sh)
	})
	p.csv(hubCSV(hub.ListNoOwner), hub.Items, func(w io.Writer, sh export.Sheet) error {
		return export.NoOwner(w, h.View.NoOwnerPainPoints.All(), h.View.NoOwnerOpportunities.All(), sh)
	})
	for _, l := range h.Lanes {
		p.csv(hubCSV(hub.LaneList(l.Lane.Key)), hub.Items, func(w io.Writer, sh export.Sheet) error {
			return export.HubItems(w, l.Items, sh)
		})
	}
}
