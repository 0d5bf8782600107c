package hub

import (
	"slices"

	"github.com/waymark-cx/waymark/generator/model"
	"github.com/waymark-cx/waymark/generator/slug"
)

// Editable reports whether Edit can update h after journey j was
// written over with its new text (model.Cache.EditJourney); before is a
// copy of it as it was, whose stages are the old ones. Not when h is not
// filled, when the edit names other owners (the hub's index has a page
// for each), or when either has custom lane items (Fill's alone).
func (h *Hub) Editable(j, before *model.Journey) bool {
	return h.filled && h.prev == nil && !laneItems([]*model.Journey{before, j}) && slices.Equal(before.OwnerNames(), j.OwnerNames())
}

// Edit updates h in place for an edit Editable allows. The entries of j
// are made again: when they have the same places in every list
// (sameShape: only what the scores read differs) they are written over
// the old ones and the views kept but for what the scores change;
// otherwise the old ones are taken out and the new ones merged in at
// their places, and the views worked out again, as update does between
// builds. A pair j is either side of lines up the new stages. Other
// journeys must be as h has them.
func (h *Hub) Edit(j, before *model.Journey) {
	if sameShape(before, j) {
		h.rescore(j, j, h.View, h.owners) // the entries are j's, by pointer
	} else {
		h.rewalk([]*model.Journey{j}, []*model.Journey{j})
	}
	if p := h.pairOf[j]; p != nil {
		p.Stages = pairStages(p.Current, p.Future)
	}
}

// Changed is the parts of the stages whose fields (Reads) differ
// between two texts of a journey: the views that read them show the
// edit.
func Changed(before, j *model.Journey) Part {
	var changed Part
	was, is := partFields(before), partFields(j)
	for p := range was {
		if !slices.Equal(was[p], is[p]) {
			changed |= 1 << p
		}
	}
	return changed
}

// partFields are the fields Reads gives of j, part by part (the bit's
// place in Part).
func partFields(j *model.Journey) [4][]string {
	var out [4][]string
	Reads(j, func(p Part, fields ...string) {
		for i := range out {
			if p&(1<<i) != 0 {
				out[i] = append(out[i], fields...)
			}
		}
	})
	return out
}

// pairStages lines up the stages of a current-state map and its
// future-state map by name: the current map's in order, then the future
// map's that it does not have.
func pairStages(cur, fut *model.Journey) []PairStage {
	var out []PairStage
	seen := map[string]int{}
	for _, st := range cur.Stages {
		seen[slug.Fold(st.Name)] = len(out)
		out = append(out, PairStage{Name: st.Name, Current: st})
	}
	for _, st := range fut.Stages {
		if i, ok := seen[slug.Fold(st.Name)]; ok && out[i].Future == nil {
			out[i].Future = st
			continue
		}
		out = append(out, PairStage{Name: st.Name, Future: st})
	}
	return out
}
