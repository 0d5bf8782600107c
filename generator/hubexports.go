package generator

import (
	"bytes"
	"io"

	"github.com/waymark-cx/waymark/generator/export"
	"github.com/waymark-cx/waymark/generator/hub"
	"github.com/waymark-cx/waymark/generator/internal/par"
	"github.com/waymark-cx/waymark/generator/model"
	"github.com/waymark-cx/waymark/generator/plan"
	"github.com/waymark-cx/waymark/generator/render"
)

// hubFile is a CSV file beside a hub page, with every entry of a list the
// page cuts to hub_limit. write needs the hub filled (hub.Hub.Fill).
type hubFile struct {
	name  string
	write func(w io.Writer) error
}

// hubFiles lists the CSV files of the hub pages planned: the names alone
// need only the hub's index.
func hubFiles(site *model.Site, h *hub.Hub, pages []*render.Page) []hubFile {
	abs := func(p string) string { return absolute(site, p) }
	at := plan.HubAddresses()
	var out []hubFile
	add := func(name string, write func(io.Writer) error) { out = append(out, hubFile{name, write}) }
	for _, p := range pages {
		switch p.Kind {
		case render.KindPainPoints:
			add(at.CSV(hub.ListPainPoints), func(w io.Writer) error { return export.HubItems(w, h.PainPoints, abs) })
			add(at.CSV(hub.ListOpportunities), func(w io.Writer) error { return export.HubItems(w, h.Opportunities, abs) })
			add(at.CSV(hub.ListNoOwner), func(w io.Writer) error {
				return export.NoOwner(w, h.View.NoOwnerPainPoints.All(), h.View.NoOwnerOpportunities.All(), abs)
			})
		case render.KindTouchpoints:
			add(at.CSV(hub.ListTouchpoints), func(w io.Writer) error { return export.TouchpointGroups(w, h.Touchpoints, abs) })
		case render.KindMetrics:
			add(at.CSV(hub.ListMetrics), func(w io.Writer) error { return export.Metrics(w, h.Metrics, abs) })
		case render.KindMatrix:
			add(at.CSV(hub.ListMatrix), func(w io.Writer) error { return export.Matrix(w, site.Journeys, abs) })
		case render.KindOwner:
			o := p.Owner
			add(at.OwnerCSV(o, hub.ListJourneys), func(w io.Writer) error { return export.Journeys(w, o.Journeys, abs) })
			add(at.OwnerCSV(o, hub.ListTouchpoints), func(w io.Writer) error { return export.TouchpointUses(w, o.Touchpoints, abs) })
			add(at.OwnerCSV(o, hub.ListPainPoints), func(w io.Writer) error { return export.HubItems(w, o.PainPoints, abs) })
			add(at.OwnerCSV(o, hub.ListOpportunities), func(w io.Writer) error { return export.HubItems(w, o.Opportunities, abs) })
		case render.KindTag:
			t := p.Tag
			add(at.TagCSV(t), func(w io.Writer) error { return export.Journeys(w, t.Journeys, abs) })
		}
	}
	return out
}

// writeHubExports writes the CSV files of the hub pages, filled by then
// (hub.Hub.Fill). kept means they are the last build's, which the
// cache holds: no hub page is rendered again, so they would be made from
// the same inputs.
func writeHubExports(files []hubFile, kept bool, cache *hubExportCache,
	write func(string, []byte) error, stream func(string, func(io.Writer) error) error) error {
	if kept {
		for _, f := range files {
			if err := write(f.name, cache.last[f.name]); err != nil {
				return err
			}
		}
		return nil
	}
	if cache == nil {
		// Nothing is kept: each file goes out as it is made, on every
		// core (a large handbook's are tens of megabytes).
		return par.Each(len(files), 0, func(i int) error { return stream(files[i].name, files[i].write) })
	}
	next := make(map[string][]byte, len(files))
	for _, f := range files {
		var b bytes.Buffer
		if err := f.write(&b); err != nil {
			return err
		}
		if err := write(f.name, b.Bytes()); err != nil {
			return err
		}
		next[f.name] = b.Bytes()
	}
	cache.last = next
	return nil
}

// hubExportCache keeps the hub's CSV files of the last build. A nil
// *hubExportCache keeps nothing.
type hubExportCache struct {
	last map[string][]byte
}

// has reports whether c holds every one of files, and no other.
func (c *hubExportCache) has(files []hubFile) bool {
	if c == nil || len(c.last) != len(files) {
		return false
	}
	for _, f := range files {
		if _, ok := c.last[f.name]; !ok {
			return false
		}
	}
	return true
}
