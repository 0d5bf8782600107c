package hub

import (
	"cmp"
	"slices"

	"github.com/waymark-cx/waymark/generator/model"
)

// The priorities: every opportunity with a value and an effort, ranked by
// its score (model.Weights.Score, weighed by [priorities] in waymark.toml)
// and placed on a value × effort matrix of four quadrants.
//
// # Ranking
//
// By score, highest first; ties by benefit (value, weighed with business
// value), highest first; then by effort, lowest first; then by
// confidence, highest first (none counts as 1); then in the order of the
// journeys (by title), of the stages in a journey and of the items in a
// stage.
//
// # Quadrants
//
// Value and effort run from 1 to 5; the middle line is 2.5 on both, so a
// 3 is high. Quick wins: high value, low effort. Big bets: high value,
// high effort. Fill-ins: low value, low effort. Time sinks: low value,
// high effort.

// Quadrant names a quarter of the value × effort matrix.
type Quadrant string

// The four quadrants, in the order the page lists them.
const (
	QuickWins Quadrant = "quick-wins"
	BigBets   Quadrant = "big-bets"
	FillIns   Quadrant = "fill-ins"
	TimeSinks Quadrant = "time-sinks"
)

// Quadrants lists the quadrants in the page's order.
func Quadrants() []Quadrant { return []Quadrant{QuickWins, BigBets, FillIns, TimeSinks} }

// Middle is where the matrix's axes are split into low and high.
const Middle = 2.5

// QuadrantOf is the quadrant of a benefit and an effort.
func QuadrantOf(benefit float64, effort int) Quadrant {
	high, hard := benefit > Middle, float64(effort) > Middle
	switch {
	case high && !hard:
		return QuickWins
	case high:
		return BigBets
	case !hard:
		return FillIns
	}
	return TimeSinks
}

// Priority is a scored opportunity with its rank and place on the matrix.
type Priority struct {
	*Item
	Rank     int     // 1 for the first
	Score    float64 // what it is ranked by
	Benefit  float64 // its place on the value axis, 1–5
	Quadrant Quadrant
	// Slot is its place among the points at the same spot of the matrix
	// (0 for the first), Crowd how many share that spot: the drawing
	// spreads them so that each can be seen and followed.
	Slot, Crowd int
}

// Priorities is the priorities view.
type Priorities struct {
	Ranked   Shown[*Priority] // the ranked table, cut to hub_limit; the matrix shows the same
	Unscored Shown[*Item]     // opportunities without a value or an effort, in the hub's order
	Counts   map[string]int   // by quadrant (its name), over every ranked opportunity
	Weights  model.Weights
}

// priorities ranks the opportunities of a filled hub.
func (h *Hub) priorities(limit int) Priorities {
	w := h.site.Config.Priorities
	if w == (model.Weights{}) {
		w = model.DefaultWeights()
	}
	p := Priorities{Counts: map[string]int{}, Weights: w}
	var ranked []*Priority
	var unscored []*Item
	for _, it := range h.inOrder {
		if !it.Scored() {
			unscored = append(unscored, it)
			continue
		}
		b := w.Benefit(it.Scores)
		ranked = append(ranked, &Priority{Item: it, Score: w.Score(it.Scores), Benefit: b, Quadrant: QuadrantOf(b, it.Effort)})
	}
	slices.SortStableFunc(ranked, byRank)
	type spot struct {
		b float64
		e int
	}
	crowds := map[spot][]*Priority{}
	for i, r := range ranked {
		r.Rank = i + 1
		p.Counts[string(r.Quadrant)]++
		if i < limit {
			k := spot{r.Benefit, r.Effort}
			r.Slot = len(crowds[k])
			crowds[k] = append(crowds[k], r)
		}
	}
	for _, c := range crowds {
		for _, r := range c {
			r.Crowd = len(c)
		}
	}
	p.Ranked = shown(ranked, limit, h.at.CSV(ListPriorities))
	p.Unscored = shown(unscored, limit, h.at.CSV(ListPriorities))
	return p
}

// byRank is the ranking's order; a stable sort keeps the hub's order
// among ties.
func byRank(a, b *Priority) int {
	return cmp.Or(cmp.Compare(b.Score, a.Score), cmp.Compare(b.Benefit, a.Benefit), cmp.Compare(a.Effort, b.Effort),
		cmp.Compare(confidence(b.Item), confidence(a.Item)))
}

// confidence is an item's confidence; none counts as 1.
func confidence(it *Item) float64 {
	if it.HasConfidence {
		return it.Confidence
	}
	return 1
}

// Citation is an item that cites a research note.
type Citation struct {
	*Item
	PainPoint bool // else an opportunity
}

// Citations are the items that cite the research note at url (its page,
// from the site root), by journey and stage in the hub's walk order.
func (h *Hub) Citations(url string) []Citation { return h.cites[url] }

// cite notes what an item cites.
func (h *Hub) cite(it *Item, pain bool) {
	seen := ""
	for _, ev := range it.Evidence {
		if ev.External || ev.URL == "" || ev.URL == seen {
			continue
		}
		seen = ev.URL
		if h.cites == nil {
			h.cites = map[string][]Citation{}
		}
		h.cites[ev.URL] = append(h.cites[ev.URL], Citation{Item: it, PainPoint: pain})
	}
}

// Sources counts the evidence of items.
func Sources(items []*Item) int {
	n := 0
	for _, it := range items {
		n += len(it.Evidence)
	}
	return n
}
