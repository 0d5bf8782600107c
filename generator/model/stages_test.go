package model

import "testing"

func TestPainPointsByStage(t *testing.T) {
	site := &Site{Config: Config{Stages: []string{"Awareness", "Consideration", "Decision"}}}
	p := &Persona{Entry: Entry{Slug: "lan"}}
	a := &Journey{Title: "A", Stages: []*Stage{
		{Name: "Onboarding", PainPoints: []Item{{Text: "slow setup"}}},
		{Name: "Decision", PainPoints: []Item{{Text: "price unclear"}}},
		{Name: "Awareness", PainPoints: []Item{{Text: "too many ads"}}},
	}}
	b := &Journey{Title: "B", Stages: []*Stage{
		{Name: "awareness", PainPoints: []Item{{Text: "no reviews"}}},
		{Name: "Use"},
	}}
	p.Journeys = []*Journey{a, b}
	got := site.PainPointsByStage(p)
	var order []string
	for _, g := range got {
		order = append(order, g.Stage)
	}
	if len(got) != 3 || order[0] != "Awareness" || order[1] != "Decision" || order[2] != "Onboarding" {
		t.Fatalf("order %v, want the site's stage order, then other stages as met", order)
	}
	if len(got[0].Items) != 2 || got[0].Items[1].Journey != b {
		t.Errorf("Awareness items %+v", got[0].Items)
	}
	if site.StageRank("DECISION") != 2 || site.StageRank("Use") != 3 {
		t.Error("StageRank")
	}
}
