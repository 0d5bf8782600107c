package hub

import (
	"testing"

	"github.com/waymark-cx/waymark/generator/model"
)

// TestPairOf: a journey finds its current/future pair from either side,
// and a journey without one finds none.
func TestPairOf(t *testing.T) {
	cur := &model.Journey{Entry: model.Entry{Slug: "buy"}, Type: model.CurrentState}
	fut := &model.Journey{Entry: model.Entry{Slug: "buy-next"}, Type: model.FutureState}
	alone := &model.Journey{Entry: model.Entry{Slug: "return"}, Type: model.CurrentState}
	cur.Compare, fut.Compare = fut, cur
	h := New(&model.Site{Journeys: []*model.Journey{cur, fut, alone}}, testAddresses())
	if len(h.Pairs) != 1 {
		t.Fatalf("%d pairs, want 1", len(h.Pairs))
	}
	for _, j := range []*model.Journey{cur, fut} {
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

// testAddresses spell paths as the site does, for tests.
func testAddresses() Addresses {
	page := func(dir string) func(string) string { return func(s string) string { return dir + "/" + s + "/" } }
	return Addresses{Owner: page("owners"), Tag: page("tags"), Pair: page("compare"),
		OwnerCSV: func(o *Owner, l List) string { return o.URL + o.Slug + "-" + string(l) + ".csv" },
		TagCSV:   func(t *Tag) string { return t.URL + t.Slug + "-journeys.csv" },
		CSV:      func(l List) string { return string(l) + ".csv" }}
}
