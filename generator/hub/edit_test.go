package hub

import (
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/waymark-cx/waymark/generator/model"
)

// TestEditedEqualsFill: a journey written over in place (new scores, or
// other touchpoints, items and metrics: model.Cache.EditJourney) and the
// hub told (Edit) gives the hub a full fill of the edited site gives,
// pairs included; unless its owners changed, which it refuses.
func TestEditedEqualsFill(t *testing.T) {
	for seed := range uint64(seeds) {
		r := rand.New(rand.NewPCG(seed, 2))
		js := make([]*model.Journey, 2+r.IntN(30))
		for i := range js {
			js[i] = randomJourney(r, i)
		}
		// The first two are a pair, linked both ways.
		js[0].Type, js[1].Type = model.CurrentState, model.FutureState
		js[0].Compare, js[1].Compare = js[1], js[0]
		h := fillSite(js, nil)
		for step := range 12 {
			i := r.IntN(len(js))
			if step%3 == 0 {
				i = r.IntN(2) // a side of the pair
			}
			j := js[i]
			before := *j
			scores := r.IntN(2) == 0
			if scores {
				*j = *rescored(r, j)
			} else {
				// Other touchpoints, items, metrics: the same file, the
				// same place among journeys.
				n := randomJourney(r, 0)
				n.Entry, n.Title, n.Type, n.Compare = j.Entry, j.Title, j.Type, j.Compare
				*j = *n
			}
			ok := h.Editable(j, &before)
			if owners := slices.Equal(before.OwnerNames(), j.OwnerNames()); ok != owners {
				t.Fatalf("seed %d, step %d: taken in place %v, the same owners %v", seed, step, ok, owners)
			}
			if !ok {
				*j = before // as the build does, which fills a new hub
				continue
			}
			changed := Changed(&before, j)
			h.Edit(j, &before)
			if scores && (emotions(&before) != emotions(j) && changed&Scores == 0 || changed&^Scores != 0) {
				t.Errorf("seed %d, step %d: changed parts %b for a new emotion", seed, step, changed)
			}
			for p := range 4 {
				if was, is := partFields(&before)[p], partFields(j)[p]; !slices.Equal(was, is) != (changed&(1<<p) != 0) {
					t.Errorf("seed %d, step %d: part %d changed %v, reported %b", seed, step, p, !slices.Equal(was, is), changed)
				}
			}
			want := fillSite(js, nil)
			if msg := sameHub(h, want); msg != "" {
				t.Fatalf("seed %d, step %d: %s", seed, step, msg)
			}
			if !reflect.DeepEqual(h.Pairs, want.Pairs) {
				t.Fatalf("seed %d, step %d: the pairs differ", seed, step)
			}
		}
	}
}

// TestEditedRefuses: an edit that names another owner, or a hub not
// filled, is left to a full fill.
func TestEditedRefuses(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 3))
	js := []*model.Journey{randomJourney(r, 0), randomJourney(r, 1)}
	js[0].Stages = []*model.Stage{{Name: "Aware", Touchpoints: []*model.Touchpoint{{Name: "App"}}}}
	js[0].Owner = ""
	h := fillSite(js, nil)
	before := *js[0]
	owned := *js[0].Stages[0]
	owned.Touchpoints = []*model.Touchpoint{{Name: "Desk", Owner: "Front desk"}}
	js[0].Stages = []*model.Stage{&owned}
	if h.Editable(js[0], &before) {
		t.Error("a touchpoint of a new owner was taken in place")
	}
	unfilled := New(&model.Site{Journeys: js}, testAddresses())
	if unfilled.Editable(js[0], js[0]) {
		t.Error("an unfilled hub took an edit")
	}
}

// emotions are the fields the scores read of j's stages, joined.
func emotions(j *model.Journey) string {
	var out []string
	Reads(j, func(p Part, fields ...string) {
		if p == Scores {
			out = append(out, fields...)
		}
	})
	return strings.Join(out, "\x00")
}
