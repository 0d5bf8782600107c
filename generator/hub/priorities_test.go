package hub

import (
	"testing"

	"github.com/waymark-cx/waymark/generator/model"
)

func opp(text string, value, business, effort int, conf float64) model.Item {
	it := model.Item{Text: text, Scores: model.Scores{Value: value, BusinessValue: business, Effort: effort}}
	if conf > 0 {
		it.Confidence, it.HasConfidence = conf, true
	}
	return it
}

// TestPriorities: scored opportunities are ranked by score, ties broken
// in the stated order; each falls in its quadrant; the unscored are
// counted and listed apart; hub_limit cuts the table, not the counts.
func TestPriorities(t *testing.T) {
	a := &model.Journey{Title: "A", Stages: []*model.Stage{{Name: "S1", Opportunities: []model.Item{
		opp("tie-late", 4, 0, 2, 0), // score 2, after tie-early (journey order)
		opp("big bet", 5, 5, 5, 0),  // 1
		{Text: "unscored"},
		opp("half", 3, 0, 0, 0), // no effort: unscored
	}}}}
	b := &model.Journey{Title: "B", Stages: []*model.Stage{{Name: "S1", Opportunities: []model.Item{
		opp("quick win", 5, 3, 1, 0.9), // (5+3)/2 × 0.9 / 1 = 3.6
		opp("sink", 1, 2, 4, 0),        // 1.5/4 = 0.38
		opp("fill-in", 2, 0, 1, 0),     // 2
		opp("sure", 4, 0, 2, 0),        // 2, same benefit and effort as tie-late: confidence 1 = none
	}}}}
	site := &model.Site{Journeys: []*model.Journey{a, b}, Config: model.Config{HubLimit: 5, Priorities: model.DefaultWeights()}}
	h := New(site, testAddresses())
	h.Fill()
	p := h.View.Priorities
	var got []string
	for _, r := range p.Ranked.Items {
		got = append(got, r.Text)
	}
	want := []string{"quick win", "tie-late", "sure", "fill-in", "big bet"}
	if len(got) != len(want) {
		t.Fatalf("ranked %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("ranked %v, want %v", got, want)
		}
	}
	if p.Ranked.Total != 6 || p.Ranked.More() != 1 || p.Ranked.CSV != "priorities.csv" {
		t.Errorf("ranked: total %d, more %d, csv %q", p.Ranked.Total, p.Ranked.More(), p.Ranked.CSV)
	}
	if r := p.Ranked.Items[0]; r.Rank != 1 || r.Score != 3.6 || r.Benefit != 4 || r.Quadrant != QuickWins {
		t.Errorf("first: %+v", r)
	}
	if q := p.Ranked.Items[3].Quadrant; q != FillIns {
		t.Errorf("fill-in is in %s", q)
	}
	if q := p.Ranked.Items[4].Quadrant; q != BigBets {
		t.Errorf("big bet is in %s", q)
	}
	if p.Counts[string(TimeSinks)] != 1 || p.Counts[string(QuickWins)] != 3 || p.Counts[string(BigBets)] != 1 || p.Counts[string(FillIns)] != 1 {
		t.Errorf("counts %v", p.Counts)
	}
	if p.Unscored.Total != 2 || p.Unscored.Items[0].Text != "unscored" || p.Unscored.Items[1].Text != "half" {
		t.Errorf("unscored %v", p.Unscored.Items)
	}
	// tie-late and sure share a spot of the matrix: spread apart.
	if r := p.Ranked.Items[1]; r.Crowd != 2 || r.Slot != 0 || p.Ranked.Items[2].Slot != 1 {
		t.Errorf("crowd %d slot %d / %d", r.Crowd, r.Slot, p.Ranked.Items[2].Slot)
	}
	for _, c := range []struct {
		b    float64
		e    int
		want Quadrant
	}{{3, 2, QuickWins}, {3, 3, BigBets}, {2.5, 2, FillIns}, {2, 3, TimeSinks}} {
		if got := QuadrantOf(c.b, c.e); got != c.want {
			t.Errorf("QuadrantOf(%v, %d) = %s, want %s", c.b, c.e, got, c.want)
		}
	}
}

// TestPrioritiesWeights: [priorities] changes the order.
func TestPrioritiesWeights(t *testing.T) {
	j := &model.Journey{Title: "A", Stages: []*model.Stage{{Name: "S", Opportunities: []model.Item{
		opp("cheap", 2, 0, 1, 0), // 2 by default; 2 with effort ignored
		opp("dear", 5, 0, 4, 0),  // 1.25 by default; 5 with effort ignored
	}}}}
	w := model.DefaultWeights()
	w.Effort = 0
	h := New(&model.Site{Journeys: []*model.Journey{j}, Config: model.Config{Priorities: w}}, testAddresses())
	h.Fill()
	if r := h.View.Priorities.Ranked.Items; r[0].Text != "dear" || r[0].Score != 5 {
		t.Errorf("with effort weighed 0, first is %q (%v)", r[0].Text, r[0].Score)
	}
}

// TestCitations: a research note knows the items citing it, and an
// owner how many sources its items cite.
func TestCitations(t *testing.T) {
	ev := func(url string) model.Evidence { return model.Evidence{Ref: "x", URL: url} }
	j := &model.Journey{Title: "A", Stages: []*model.Stage{{Name: "S",
		PainPoints:    []model.Item{{Text: "p", Owner: "Ops", Evidence: []model.Evidence{ev("research/a/"), ev("research/b/")}}},
		Opportunities: []model.Item{{Text: "o", Owner: "Ops", Evidence: []model.Evidence{ev("research/a/"), {Ref: "https://x", URL: "https://x", External: true}}}},
	}}}
	h := New(&model.Site{Journeys: []*model.Journey{j}}, testAddresses())
	h.Fill()
	c := h.Citations("research/a/")
	if len(c) != 2 || !c[0].PainPoint || c[0].Text != "p" || c[1].PainPoint || c[1].Stage.Name != "S" {
		t.Errorf("citations %+v", c)
	}
	if len(h.Citations("https://x")) != 0 {
		t.Error("an outside address is not a research note")
	}
	if h.Owners[0].View.Sources != 4 {
		t.Errorf("owner's sources %d, want 4", h.Owners[0].View.Sources)
	}
}
