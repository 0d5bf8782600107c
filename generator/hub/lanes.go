package hub

import (
	"slices"
	"strings"

	"github.com/waymark-cx/waymark/generator/model"
)

// LaneItems are the items of one custom items lane ([[lane]] with kind
// "items") across the journeys that have it: they take part in the hub
// like pain points, on the pain-points view by status and on their
// owners' pages.
type LaneItems struct {
	Lane  *model.Lane // as the first journey met with it declares it
	Items []*Item     // by status, then severity
	View  ByStatus    // the items by status, cut to hub_limit
}

// OwnerLane is an owner's items of one custom items lane.
type OwnerLane struct {
	Lane  *model.Lane
	Items []*Item
	Shown Shown[*Item] // on the owner's page
}

// LaneList is the list of a custom items lane's items, offered whole as a
// download (of every journey's, and of each owner's).
func LaneList(key string) List { return List(laneListPrefix + key) }

const laneListPrefix = "lane-"

// IsLane reports whether l is the list of a custom items lane (LaneList).
func (l List) IsLane() bool { return strings.HasPrefix(string(l), laneListPrefix) }

// laneItems adds a stage's items of the journey's custom items lanes.
func (f *filler) laneItems(j *model.Journey, st *model.Stage) {
	for _, l := range j.Lanes {
		v := st.Lane(l.Key)
		if l.Kind != model.LaneItems || v.Empty() {
			continue
		}
		all := f.h.laneList(l)
		for i := range v.Items {
			hi := &Item{Item: &v.Items[i], Journey: j, Stage: st}
			all.Items = append(all.Items, hi)
			if o := f.owner(hi.Owner); o != nil {
				i := slices.IndexFunc(o.Lanes, func(ol *OwnerLane) bool { return ol.Lane.Key == l.Key })
				o.Lanes[i].Items = append(o.Lanes[i].Items, hi) // made by New (lanes)
			}
		}
	}
}

// lanes makes the lists of the custom items lanes that have items, and
// each owner's, empty, in the order met: the plan reads them for the
// downloads before Fill fills them.
func (h *Hub) lanes(journeys []*model.Journey) {
	for _, j := range journeys {
		for _, l := range j.Lanes {
			if l.Kind != model.LaneItems {
				continue
			}
			for _, st := range j.Stages {
				v := st.Lane(l.Key)
				if v.Empty() {
					continue
				}
				li := h.laneList(l)
				for _, it := range v.Items {
					if o := h.owner(it.Owner); o != nil && !slices.ContainsFunc(o.Lanes, func(ol *OwnerLane) bool { return ol.Lane.Key == l.Key }) {
						o.Lanes = append(o.Lanes, &OwnerLane{Lane: li.Lane})
					}
				}
			}
		}
	}
}

// laneList is the hub's list of a custom items lane, by key, made the
// first time it is met.
func (h *Hub) laneList(l *model.Lane) *LaneItems {
	for _, li := range h.Lanes {
		if li.Lane.Key == l.Key {
			return li
		}
	}
	li := &LaneItems{Lane: l}
	h.Lanes = append(h.Lanes, li)
	return li
}
