package hub

import (
	"slices"
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

// TestMatrixColumns: the channel matrix shows the site's stage model
// first, in its order, then the stages outside it grouped by the type of
// map they are met in, in the order met; columns without touchpoints are
// left out of the groups.
func TestMatrixColumns(t *testing.T) {
	tp := func() []*model.Touchpoint { return []*model.Touchpoint{{Name: "App", Channel: "App"}} }
	stage := func(name string, touch bool) *model.Stage {
		s := &model.Stage{Name: name}
		if touch {
			s.Touchpoints = tp()
		}
		return s
	}
	day := &model.Journey{Entry: model.Entry{Slug: "day"}, Type: model.DayInTheLife,
		Stages: []*model.Stage{stage("6:00 Wake", true), stage("Decide", true), stage("8:00 Work", false)}}
	cur := &model.Journey{Entry: model.Entry{Slug: "cur"}, Type: model.CurrentState,
		Stages: []*model.Stage{stage("Look", true), stage("aware", true)}}
	site := &model.Site{Config: model.Config{Stages: []string{"Aware", "Decide"}}, Journeys: []*model.Journey{day, cur}}
	h := New(site, testAddresses())
	h.Fill()
	m := h.Matrix
	wantStages := []string{"aware", "Decide", "Look", "6:00 Wake", "8:00 Work"}
	wantTypes := []model.MapType{"", "", model.CurrentState, model.DayInTheLife, model.DayInTheLife}
	if !slices.Equal(m.Stages, wantStages) || !slices.Equal(m.Types, wantTypes) {
		t.Errorf("columns %q of types %q, want %q of %q", m.Stages, m.Types, wantStages, wantTypes)
	}
	wantGroups := []StageGroup{{"", 2}, {model.CurrentState, 1}, {model.DayInTheLife, 1}}
	if !slices.Equal(h.View.StageGroups, wantGroups) {
		t.Errorf("groups %v, want %v", h.View.StageGroups, wantGroups)
	}
}
