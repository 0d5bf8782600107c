package hub

import (
	"cmp"
	"math"
	"slices"

	"github.com/waymark-cx/waymark/generator/model"
	"github.com/waymark-cx/waymark/generator/slug"
)

// filler computes the hub's lists in one walk over every stage of every
// journey. Names repeat across journeys: each is folded, ranked and
// slugged once.
type filler struct {
	h      *Hub
	folds  map[string]string
	ranks  map[string]int
	byName map[string]*Owner
	groups map[string]*TouchpointGroup
	matrix matrixCounts
	status map[string]int     // each status's place in statuses(); none or unknown: 0
	order  []*TouchpointGroup // the groups in the order met
}

func (h *Hub) fill() {
	f := &filler{h: h, folds: map[string]string{}, ranks: map[string]int{}, byName: map[string]*Owner{},
		groups: map[string]*TouchpointGroup{}, matrix: newMatrixCounts(), status: map[string]int{}}
	for i, st := range statuses() {
		f.status[st] = i
	}
	for _, j := range h.site.Journeys {
		if o := f.owner(j.Owner); o != nil {
			o.Journeys = append(o.Journeys, j)
		}
		for _, st := range j.Stages {
			f.stage(j, st)
		}
	}
	for _, g := range f.order {
		if g.Scored > 0 {
			g.Emotion = round1(g.Emotion / float64(g.Scored))
		}
	}
	h.Touchpoints = f.order
	slices.SortFunc(h.Touchpoints, func(a, b *TouchpointGroup) int {
		return cmp.Or(cmp.Compare(b.FailPoints, a.FailPoints), cmp.Compare(len(b.Uses), len(a.Uses)), cmp.Compare(a.Slug, b.Slug))
	})
	h.Matrix = f.matrix.table(f.fold, f.rank, len(h.site.Config.Stages))
	byStatus := func(it *Item) [3]int { return [3]int{f.status[it.Status], -it.Severity, f.rank(it.Stage.Name)} }
	sortStableBy(h.PainPoints, byStatus)
	sortStableBy(h.Opportunities, byStatus)
	for _, l := range h.Lanes {
		sortStableBy(l.Items, byStatus)
	}
	for _, o := range h.Owners {
		for _, l := range o.Lanes {
			sortStableBy(l.Items, byStatus)
		}
	}
	sortStableBy(h.Metrics, func(m *Metric) [3]int {
		off := 1 // off target first
		if m.OffTarget() {
			off = 0
		}
		return [3]int{off, f.rank(m.Stage.Name)}
	})
}

// stage adds what one stage holds to every list.
func (f *filler) stage(j *model.Journey, st *model.Stage) {
	h := f.h
	fs := f.fold(st.Name)
	f.matrix.stage(st.Name, fs, j.Type)
	for _, tp := range st.Touchpoints {
		use := TouchpointUse{Journey: j, Stage: st, Touchpoint: tp}
		f.group(tp).add(use)
		if o := f.owner(tp.Owner); o != nil {
			o.Touchpoints = append(o.Touchpoints, use)
		}
		score, ok := touchpointScore(tp, st)
		f.matrix.add(tp.Channel, fs, score, ok)
	}
	for i := range st.PainPoints {
		hi := &Item{Item: &st.PainPoints[i], Journey: j, Stage: st}
		h.PainPoints = append(h.PainPoints, hi)
		h.cite(hi, true)
		if o := f.owner(hi.Owner); o != nil {
			o.PainPoints = append(o.PainPoints, hi)
		}
	}
	for i := range st.Opportunities {
		hi := &Item{Item: &st.Opportunities[i], Journey: j, Stage: st}
		h.Opportunities = append(h.Opportunities, hi)
		h.inOrder = append(h.inOrder, hi)
		h.cite(hi, false)
		if o := f.owner(hi.Owner); o != nil {
			o.Opportunities = append(o.Opportunities, hi)
		}
	}
	for _, m := range st.Metrics {
		h.Metrics = append(h.Metrics, &Metric{Metric: m, Journey: j, Stage: st})
	}
	f.laneItems(j, st)
}

// group is the touchpoint group of tp: same name and channel, folded.
func (f *filler) group(tp *model.Touchpoint) *TouchpointGroup {
	key := f.fold(tp.Name) + "\x00" + f.fold(tp.Channel)
	g, ok := f.groups[key]
	if !ok {
		g = &TouchpointGroup{Name: tp.Name, Channel: tp.Channel, Slug: slug.Make(tp.Name + " " + tp.Channel)}
		f.groups[key] = g
		f.order = append(f.order, g)
	}
	return g
}

func (g *TouchpointGroup) add(use TouchpointUse) {
	tp := use.Touchpoint
	g.Uses = append(g.Uses, use)
	if tp.FailPoint {
		g.FailPoints++
	}
	if tp.Kind != "" && !slices.Contains(g.Kinds, tp.Kind) {
		g.Kinds = append(g.Kinds, tp.Kind)
	}
	if tp.Owner != "" && !slices.Contains(g.Owners, tp.Owner) {
		g.Owners = append(g.Owners, tp.Owner)
	}
	if tp.HasEmotion {
		g.Emotion += tp.Emotion
		g.Scored++
	}
}

func (f *filler) owner(name string) *Owner {
	if name == "" {
		return nil
	}
	o, ok := f.byName[name]
	if !ok {
		o = f.h.owner(name)
		f.byName[name] = o
	}
	return o
}

func (f *filler) fold(name string) string {
	s, ok := f.folds[name]
	if !ok {
		s = slug.Fold(name)
		f.folds[name] = s
	}
	return s
}

func (f *filler) rank(name string) int {
	r, ok := f.ranks[name]
	if !ok {
		r = f.h.site.StageRank(name)
		f.ranks[name] = r
	}
	return r
}

// touchpointScore is a touchpoint's own emotion, else its stage's (the
// mean over the stage's personas).
func touchpointScore(tp *model.Touchpoint, st *model.Stage) (float64, bool) {
	if tp.HasEmotion {
		return tp.Emotion, true
	}
	if len(st.Emotion) == 0 {
		return 0, false
	}
	sum := 0.0
	for _, v := range st.Emotion {
		sum += v
	}
	return sum / float64(len(st.Emotion)), true
}

// statuses are the statuses the hub groups items by, in its order:
// none first (such items need triage), then model.Statuses.
func statuses() []string { return append([]string{""}, model.Statuses()...) }

func round1(f float64) float64 { return math.Round(f*10) / 10 }
