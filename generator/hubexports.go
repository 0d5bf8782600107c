package generator

import (
	"github.com/waymark-cx/waymark/generator/export"
	"github.com/waymark-cx/waymark/generator/model"
	"github.com/waymark-cx/waymark/generator/render"
)

// hubFile is a CSV file beside a hub page, with every entry of a list the
// page cuts to hub_limit. data needs the hub filled (model.Hub.Fill).
type hubFile struct {
	name string
	data func() []byte
}

// hubFiles lists the CSV files of the hub pages planned: the names alone
// need only the hub's index.
func hubFiles(site *model.Site, pages []*render.Page) []hubFile {
	h := site.Hub
	if h == nil {
		return nil
	}
	abs := func(p string) string { return absolute(site, p) }
	var out []hubFile
	add := func(name string, data func() []byte) { out = append(out, hubFile{name, data}) }
	for _, p := range pages {
		switch p.Kind {
		case render.KindPainPoints:
			add(model.PainPointsCSV, func() []byte { return export.HubItems(h.PainPoints, abs) })
			add(model.OpportunitiesCSV, func() []byte { return export.HubItems(h.Opportunities, abs) })
			add(model.NoOwnerCSV, func() []byte {
				return export.NoOwner(h.View.NoOwnerPainPoints.All(), h.View.NoOwnerOpportunities.All(), abs)
			})
		case render.KindTouchpoints:
			add(model.TouchpointsCSV, func() []byte { return export.TouchpointGroups(h.Touchpoints, abs) })
		case render.KindMetrics:
			add(model.MetricsCSV, func() []byte { return export.Metrics(h.Metrics, abs) })
		case render.KindMatrix:
			add(model.MatrixCSV, func() []byte { return export.Matrix(site.Journeys, abs) })
		case render.KindOwner:
			o := p.Owner
			add(o.Download("journeys"), func() []byte { return export.Journeys(o.Journeys, abs) })
			add(o.Download("touchpoints"), func() []byte { return export.TouchpointUses(o.Touchpoints, abs) })
			add(o.Download("pain-points"), func() []byte { return export.HubItems(o.PainPoints, abs) })
			add(o.Download("opportunities"), func() []byte { return export.HubItems(o.Opportunities, abs) })
		case render.KindTag:
			t := p.Tag
			add(t.Download(), func() []byte { return export.Journeys(t.Journeys, abs) })
		}
	}
	return out
}

// writeHubExports writes the CSV files of the hub pages. fresh means a
// hub page is rendered in this build: the hub is filled, and the files
// are made again. Otherwise every hub page is the last build's, made
// from the same inputs, and so are the files the cache kept: they are
// written again without filling the hub.
func writeHubExports(site *model.Site, pages []*render.Page, fresh bool, cache *hubExportCache, write func(string, []byte) error) error {
	files := hubFiles(site, pages)
	if !fresh && cache != nil && cache.has(files) {
		for _, f := range files {
			if err := write(f.name, cache.last[f.name]); err != nil {
				return err
			}
		}
		return nil
	}
	if len(files) > 0 {
		site.Hub.Fill()
	}
	var next map[string][]byte
	if cache != nil {
		next = make(map[string][]byte, len(files))
	}
	for _, f := range files {
		data := f.data()
		if err := write(f.name, data); err != nil {
			return err
		}
		if next != nil {
			next[f.name] = data
		}
	}
	if cache != nil {
		cache.last = next
	}
	return nil
}

// hubExportCache keeps the hub's CSV files of the last build. A nil
// *hubExportCache keeps nothing.
type hubExportCache struct {
	last map[string][]byte
}

func (c *hubExportCache) has(files []hubFile) bool {
	if len(c.last) != len(files) {
		return false
	}
	for _, f := range files {
		if _, ok := c.last[f.name]; !ok {
			return false
		}
	}
	return true
}
