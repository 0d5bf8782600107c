package hub

import (
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/waymark-cx/waymark/generator/model"
)

// TestEditedEqualsFill: a journey written over in place with new scores
// (model.Cache.EditJourney) and the hub told (Edited) gives the hub a
// full fill of the edited site gives, pairs included.
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
			*j = *rescored(r, j)
			changed, ok := h.Edited(j, &before)
			if !ok {
				t.Fatalf("seed %d, step %d: a new emotion was not taken in place", seed, step)
			}
			if emotions(&before) != emotions(j) && changed&Scores == 0 || changed&^Scores != 0 {
				t.Errorf("seed %d, step %d: changed parts %b for a new emotion", seed, step, changed)
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

// TestEditedRefuses: an edit that moves entries between lists, or a hub
// not filled, is left to a full fill, and the hub is not touched.
func TestEditedRefuses(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 3))
	js := []*model.Journey{randomJourney(r, 0), randomJourney(r, 1)}
	js[0].Stages = []*model.Stage{{Name: "Aware", Touchpoints: []*model.Touchpoint{{Name: "App"}}}}
	h := fillSite(js, nil)
	groups := slices.Clone(h.Touchpoints)
	before := *js[0]
	renamed := *js[0].Stages[0]
	renamed.Touchpoints = []*model.Touchpoint{{Name: "Desk"}}
	js[0].Stages = []*model.Stage{&renamed}
	if _, ok := h.Edited(js[0], &before); ok {
		t.Error("a renamed touchpoint was taken in place")
	}
	if !slices.Equal(h.Touchpoints, groups) {
		t.Error("a refused edit changed the touchpoint groups")
	}
	unfilled := New(&model.Site{Journeys: js}, testAddresses())
	if _, ok := unfilled.Edited(js[0], js[0]); ok {
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
