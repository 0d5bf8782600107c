package model

import "testing"

// TestPairOf: a journey finds its current/future pair from either side,
// and a journey without one finds none.
func TestPairOf(t *testing.T) {
	cur := &Journey{Entry: Entry{Slug: "buy"}, Type: CurrentState}
	fut := &Journey{Entry: Entry{Slug: "buy-next"}, Type: FutureState}
	alone := &Journey{Entry: Entry{Slug: "return"}, Type: CurrentState}
	cur.Compare, fut.Compare = fut, cur
	h := buildHub(&Site{Journeys: []*Journey{cur, fut, alone}})
	if len(h.Pairs) != 1 {
		t.Fatalf("%d pairs, want 1", len(h.Pairs))
	}
	for _, j := range []*Journey{cur, fut} {
		if p := h.PairOf(j); p == nil || p.Slug != "buy-vs-buy-next" {
			t.Errorf("PairOf(%s) = %v, want buy-vs-buy-next", j.Slug, p)
		}
	}
	if p := h.PairOf(alone); p != nil {
		t.Errorf("PairOf(return) = %v, want none", p)
	}
	var none *Hub
	if none.PairOf(cur) != nil {
		t.Error("a site without a hub has no pairs")
	}
}
