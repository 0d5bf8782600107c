package plan

import (
	"io"

	"github.com/waymark-cx/waymark/generator/export"
	"github.com/waymark-cx/waymark/generator/hub"
)

// KindTouchpoints is the hub's view of every touchpoint (touchpoints/):
// each across the journeys that use it, fail points first, and the
// channel × stage matrix; touchpoints/touchpoints.csv lists every use.
const KindTouchpoints = "touchpoints"

func touchpointsView(p *Planner) {
	p.hubView(KindTouchpoints, "touchpoints/", hub.Touchpoints|hub.Scores)
	if p.hubOn() && p.Has(KindTouchpoints) {
		p.csv(hubCSV(hub.ListTouchpoints), hub.Touchpoints, func(w io.Writer, sh export.Sheet) error {
			return export.TouchpointGroups(w, p.Hub.Touchpoints, sh)
		})
	}
}
