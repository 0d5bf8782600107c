package hub

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"

	"github.com/waymark-cx/waymark/generator/model"
)

// TestUpdateEqualsFill: a hub filled from the last build's (Follow), after
// journeys changed, came and went, is the hub a full walk gives.
func TestUpdateEqualsFill(t *testing.T) {
	for seed := range uint64(seeds) {
		r := rand.New(rand.NewPCG(seed, 1))
		js := make([]*model.Journey, 3+r.IntN(30))
		for i := range js {
			js[i] = randomJourney(r, i)
		}
		prev := fillSite(js, nil)
		next := len(js)
		for step := range 12 {
			js = slices.Clone(js)
			switch op := r.IntN(6); {
			case op == 0 && len(js) > 1: // one goes
				i := r.IntN(len(js))
				js = slices.Delete(js, i, i+1)
			case op == 1: // one comes
				js = append(js, randomJourney(r, next))
				next++
			case op == 2: // one's scores change: the same shape
				i := r.IntN(len(js))
				js[i] = rescored(r, js[i])
			default: // one or more change
				for range 1 + r.IntN(2) {
					i := r.IntN(len(js))
					slug := js[i].Slug
					js[i] = randomJourney(r, 0)
					js[i].Slug = slug // the same file, edited
				}
			}
			got := fillSite(js, prev)
			if prev.filled {
				t.Fatalf("seed %d, step %d: the hub was filled anew, not updated", seed, step)
			}
			want := fillSite(js, nil)
			if msg := sameHub(got, want); msg != "" {
				t.Fatalf("seed %d, step %d: %s", seed, step, msg)
			}
			prev = got
		}
	}
}

const seeds = 40

// TestUpdateResearchMoved: a research note at a new address changes the
// evidence of unchanged journeys in place; the hub is filled anew.
func TestUpdateResearchMoved(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 1))
	j := randomJourney(r, 1)
	j.Stages = []*model.Stage{{Name: "Aware", PainPoints: []model.Item{{Text: "Slow", Evidence: []model.Evidence{{Ref: "a", URL: "research/a/"}}}}}}
	note := func(url string) []*model.Page { return []*model.Page{{Entry: model.Entry{Slug: "a", URL: url}}} }
	site := func(url string) *model.Site {
		return &model.Site{Config: model.Config{HubLimit: 4}, Journeys: []*model.Journey{j}, Research: note(url)}
	}
	prev := New(site("research/a/"), testAddresses())
	prev.Fill()
	j.Stages[0].PainPoints[0].Evidence[0].URL = "research/b/" // linked again
	got := New(site("research/b/"), testAddresses())
	got.Follow(prev)
	got.Fill()
	if len(got.Citations("research/b/")) != 1 || len(got.Citations("research/a/")) != 0 {
		t.Errorf("citations by address: %v", got.cites)
	}
}

func fillSite(js []*model.Journey, prev *Hub) *Hub {
	s := &model.Site{Config: model.Config{Stages: []string{"Aware", "Buy"}, HubLimit: 4}, Journeys: slices.Clone(js)}
	slices.SortFunc(s.Journeys, model.CompareJourneys)
	h := New(s, testAddresses())
	h.Follow(prev)
	h.Fill()
	return h
}

func sameHub(got, want *Hub) string {
	for _, f := range []struct {
		name string
		a, b any
	}{
		{"touchpoints", got.Touchpoints, want.Touchpoints}, {"matrix", got.Matrix, want.Matrix},
		{"pain points", got.PainPoints, want.PainPoints}, {"opportunities", got.Opportunities, want.Opportunities},
		{"owners", got.Owners, want.Owners}, {"metrics", got.Metrics, want.Metrics}, {"view", got.View, want.View},
		{"in order", got.inOrder, want.inOrder}, {"tags", got.Tags, want.Tags},
	} {
		if !reflect.DeepEqual(f.a, f.b) {
			return f.name + " differ"
		}
	}
	if len(got.cites) != len(want.cites) {
		return "citations differ"
	}
	for url, cs := range want.cites {
		if !reflect.DeepEqual(got.cites[url], cs) {
			return "citations of " + url + " differ"
		}
	}
	return ""
}

// randomJourney is a journey of few names, so that groups, cells,
// owners and ties are shared.
func randomJourney(r *rand.Rand, i int) *model.Journey {
	pick := func(xs ...string) string { return xs[r.IntN(len(xs))] }
	j := &model.Journey{Entry: model.Entry{Slug: fmt.Sprintf("j%03d", i)}, Title: pick("Buy", "buy", "Return", "Ánh", "Zoom"),
		Type: model.MapTypes()[r.IntN(4)], Owner: pick("", "Ops", "ops", "Sales")}
	for s := range r.IntN(4) {
		st := &model.Stage{Index: s, Name: pick("Aware", "aware", "Buy", "Use", "Leave"), Emotion: map[string]float64{}}
		if r.IntN(2) == 0 {
			st.Emotion[""] = float64(r.IntN(5)) + 1.0/3
		}
		for range r.IntN(4) {
			tp := &model.Touchpoint{Name: pick("App", "app", "Desk", "Mail"), Channel: pick("", "Web", "web", "Store"),
				Kind: pick("", "people", "digital"), Owner: pick("", "Ops", "Desk team"), FailPoint: r.IntN(4) == 0}
			if r.IntN(2) == 0 {
				tp.Emotion, tp.HasEmotion = float64(r.IntN(50))/7, true
			}
			st.Touchpoints = append(st.Touchpoints, tp)
		}
		for range r.IntN(3) {
			st.PainPoints = append(st.PainPoints, randomItem(r, pick))
		}
		for range r.IntN(3) {
			st.Opportunities = append(st.Opportunities, randomItem(r, pick))
		}
		for range r.IntN(2) {
			st.Metrics = append(st.Metrics, &model.Metric{Name: "Conv", Value: float64(r.IntN(3)), HasValue: true, Target: 1, HasTarget: r.IntN(2) == 0})
		}
		j.Stages = append(j.Stages, st)
	}
	return j
}

// rescored is j decoded again with other emotions at its stages.
func rescored(r *rand.Rand, j *model.Journey) *model.Journey {
	c := *j
	c.Stages = nil
	for _, st := range j.Stages {
		n := *st
		n.Emotion = map[string]float64{"": float64(r.IntN(5)) + 0.1}
		n.Touchpoints = nil
		for _, tp := range st.Touchpoints {
			t := *tp
			n.Touchpoints = append(n.Touchpoints, &t)
		}
		n.PainPoints, n.Opportunities = slices.Clone(st.PainPoints), slices.Clone(st.Opportunities)
		n.Metrics = nil
		for _, m := range st.Metrics {
			mc := *m
			n.Metrics = append(n.Metrics, &mc)
		}
		c.Stages = append(c.Stages, &n)
	}
	return &c
}

func randomItem(r *rand.Rand, pick func(...string) string) model.Item {
	it := model.Item{Text: pick("Slow", "Lost"), Owner: pick("", "Ops", "Sales"), Status: pick("", "open", "done"), Severity: r.IntN(4)}
	if r.IntN(3) == 0 {
		it.Value, it.Effort = 1+r.IntN(5), 1+r.IntN(5)
	}
	if r.IntN(3) == 0 {
		it.Evidence = []model.Evidence{{Ref: "a", URL: pick("research/a/", "research/b/")}}
	}
	return it
}
