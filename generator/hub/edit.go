package hub

import (
	"slices"

	"github.com/waymark-cx/waymark/generator/model"
	"github.com/waymark-cx/waymark/generator/slug"
)

// Edited updates a filled hub in place after journey j was written over
// with its new text (model.Cache.EditJourney); before is a copy of it as
// it was, whose stages are the old ones. When the edit puts the same
// entries in every list, at the same places (sameShape: only what the
// scores read may differ), the entries of j are made again and written
// over the old ones, and the views worked out again, as update does
// between builds; a pair j is either side of lines up the new stages.
// It reports the parts of the stages whose fields changed (Reads), which
// the views that read them show. ok is false, with h untouched, when it
// cannot: h is not filled, or the edit changes a list's entries or has
// custom lane items.
func (h *Hub) Edited(j, before *model.Journey) (changed Part, ok bool) {
	if !h.filled || h.prev != nil || laneItems([]*model.Journey{before, j}) || !sameShape(before, j) {
		return 0, false
	}
	was, is := partFields(before), partFields(j)
	for p := range was {
		if !slices.Equal(was[p], is[p]) {
			changed |= 1 << p
		}
	}
	f := h.newFiller()
	t := h.walk([]*model.Journey{j})
	h.replace(f, t)
	h.Matrix = h.matrix.table(f.fold, f.rank, len(h.site.Config.Stages))
	h.keepView(h.View, h.owners, f, t, j)
	if p := h.pairOf[j]; p != nil {
		p.Stages = pairStages(p.Current, p.Future)
	}
	return changed, true
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
