package plan

import (
	"cmp"
	"slices"
	"strconv"

	"github.com/waymark-cx/waymark/generator/model"
	"github.com/waymark-cx/waymark/generator/render"
	"github.com/waymark-cx/waymark/generator/slug"
)

// previews fills in each group's Preview and More.
func (p *Planner) previews(groups []render.Group) []render.Group {
	_, n := p.Site.Config.HubLimits()
	for i := range groups {
		g := &groups[i]
		k := min(n, len(g.Journeys))
		g.Preview, g.More = g.Journeys[:k:k], len(g.Journeys)-k
	}
	return groups
}

func (p *Planner) byType(js []*model.Journey) []render.Group {
	var groups []render.Group
	for _, t := range model.MapTypes() {
		g := render.Group{ID: string(t), Title: p.T("type." + string(t))}
		for _, j := range js {
			if j.Type == t {
				g.Journeys = append(g.Journeys, j)
			}
		}
		if len(g.Journeys) > 0 {
			groups = append(groups, g)
		}
	}
	return p.previews(groups)
}

// bySegment groups personas by segment, in the order segments first
// appear.
func bySegment(ps []*model.Persona) []render.Segment {
	var out []render.Segment
	at := map[string]int{} // segment → its index in out
	for i, p := range ps {
		k, ok := at[p.Segment]
		if !ok {
			k = len(out)
			at[p.Segment] = k
			out = append(out, render.Segment{ID: "segment-" + strconv.Itoa(i), Name: p.Segment})
		}
		out[k].Personas = append(out[k].Personas, p)
	}
	return out
}

func byTag(js []*model.Journey) []render.Group {
	byID := map[string]*render.Group{}
	ids := map[string]string{} // tag → id, to slug each tag once
	for _, j := range js {
		for i, t := range j.Tags {
			id, ok := ids[t]
			if !ok {
				id = "tag-" + slug.Make(t)
				ids[t] = id
			}
			g, ok := byID[id]
			if !ok {
				g = &render.Group{ID: id, Title: t}
				byID[id] = g
			}
			// A journey joins a group once, even if it lists a tag twice.
			if !slices.ContainsFunc(j.Tags[:i], func(u string) bool { return ids[u] == id }) {
				g.Journeys = append(g.Journeys, j)
			}
		}
	}
	groups := make([]render.Group, 0, len(byID))
	for _, g := range byID {
		groups = append(groups, *g)
	}
	slices.SortFunc(groups, func(a, b render.Group) int {
		return cmp.Or(cmp.Compare(slug.Fold(a.Title), slug.Fold(b.Title)), cmp.Compare(a.ID, b.ID))
	})
	return groups
}
