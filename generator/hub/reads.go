package hub

import (
	"maps"
	"slices"
	"strconv"

	"github.com/waymark-cx/waymark/generator/model"
)

// Part is a part of the journeys' stages that some of the hub's views
// show. The build makes a hub page again only when what the views it
// shows read has changed (Reads), so that a new feeling or action does
// not redraw every journey's pain points.
type Part uint8

// The parts of the stages the views read.
const (
	Touchpoints Part = 1 << iota // the touchpoint groups and the channel matrix
	Items                        // pain points and opportunities, by status
	Metrics                      // metrics against their targets
	// Scores are the stages' emotions, by which the groups' mean emotion
	// and the channel matrix score a touchpoint without a score of its
	// own: a view that lists touchpoints with their own scores only (an
	// owner's, the touchpoints CSV) is not drawn again when a stage's
	// emotion changes.
	Scores
	AllParts = Touchpoints | Items | Metrics | Scores
)

// Reads gives add, part by part, every field of j's stages that the view
// reads (fill.go, matrix.go, view.go): whatever a view reads of a stage
// must be here, or the dev server shows it stale.
func Reads(j *model.Journey, add func(p Part, fields ...string)) {
	num := func(f float64) string { return strconv.FormatFloat(f, 'g', -1, 64) }
	// The matrix groups the stages outside the site's model by the type
	// of the map they are met in.
	add(Touchpoints, string(j.Type))
	for _, st := range j.Stages {
		for _, v := range []Part{Touchpoints, Items, Metrics, Scores} {
			add(v, st.Name, strconv.Itoa(st.Index)) // rank and matrix column
		}
		for _, t := range st.Touchpoints {
			add(Touchpoints, t.Name, t.Channel, t.Kind, t.Owner, t.Description, num(t.Emotion),
				strconv.FormatBool(t.HasEmotion), strconv.FormatBool(t.FailPoint))
		}
		// The channel matrix scores a touchpoint without a score of its
		// own by its stage's emotion (touchpointScore).
		for _, k := range slices.Sorted(maps.Keys(st.Emotion)) {
			add(Scores, k, num(st.Emotion[k]))
		}
		add(Items, "pain")
		for _, it := range st.PainPoints {
			add(Items, it.Text, it.Owner, it.Status, strconv.Itoa(it.Severity))
			itemScores(it, add)
		}
		add(Items, "opportunities")
		for _, it := range st.Opportunities {
			add(Items, it.Text, it.Owner, it.Status, strconv.Itoa(it.Severity))
			itemScores(it, add)
		}
		for _, l := range j.Lanes {
			if v := st.Lane(l.Key); l.Kind == model.LaneItems && !v.Empty() {
				add(Items, "lane", l.Key, l.Name, l.Description)
				for _, it := range v.Items {
					add(Items, it.Text, it.Owner, it.Status, strconv.Itoa(it.Severity))
				}
			}
		}
		for _, m := range st.Metrics {
			add(Metrics, m.Name, m.Unit, num(m.Value), strconv.FormatBool(m.HasValue),
				num(m.Target), strconv.FormatBool(m.HasTarget), strconv.FormatBool(m.HigherIsBetter))
		}
	}
}

// itemScores adds what the priorities and the items' evidence read of an
// item: its scores (priorities.go) and what it cites, as written. The
// research notes' titles are the site's cards, which the pages that show
// them declare.
func itemScores(it model.Item, add func(p Part, fields ...string)) {
	add(Items, strconv.Itoa(it.Value), strconv.Itoa(it.BusinessValue), strconv.Itoa(it.Effort),
		strconv.FormatFloat(it.Confidence, 'g', -1, 64), strconv.FormatBool(it.HasConfidence), strconv.Itoa(len(it.Evidence)))
	for _, ev := range it.Evidence {
		add(Items, ev.Ref)
	}
}
