package plan

import (
	"io"

	"github.com/waymark-cx/waymark/generator/export"
	"github.com/waymark-cx/waymark/generator/hub"
)

// KindMetrics is every metric against its target (metrics/), off target
// first; metrics/metrics.csv lists them all.
const KindMetrics = "metrics"

func metricsView(p *Planner) {
	p.hubView(KindMetrics, "metrics/", hub.Metrics)
	if p.hubOn() && p.Has(KindMetrics) {
		p.csv(hubCSV(hub.ListMetrics), hub.Metrics, func(w io.Writer, sh export.Sheet) error {
			return export.Metrics(w, p.Hub.Metrics, sh)
		})
	}
}
