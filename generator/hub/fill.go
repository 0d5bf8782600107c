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
	status map[string]int     // each status's place in statuses(); none or unknown: 0
	order  []*TouchpointGroup // the groups in the order met
}

func (h *Hub) newFiller() *filler {
	f := &filler{h: h, folds: map[string]string{}, ranks: map[string]int{}, byName: map[string]*Owner{}, status: map[string]int{}}
	for i, st := range statuses() {
		f.status[st] = i
	}
	return f
}

func (h *Hub) fill() {
	f := h.newFiller()
	h.groups, h.matrix = map[string]*TouchpointGroup{}, newMatrixCounts()
	for _, j := range h.site.Journeys {
		f.journey(j)
	}
	for _, g := range f.order {
		g.derive()
	}
	h.Touchpoints = f.order
	slices.SortStableFunc(h.Touchpoints, byUses)
	h.Matrix = h.matrix.table(f.fold, f.rank, len(h.site.Config.Stages))
	sortStableBy(h.PainPoints, f.byStatus)
	sortStableBy(h.Opportunities, f.byStatus)
	for _, l := range h.Lanes {
		sortStableBy(l.Items, f.byStatus)
	}
	for _, o := range h.Owners {
		for _, l := range o.Lanes {
			sortStableBy(l.Items, f.byStatus)
		}
	}
	sortStableBy(h.Metrics, f.byTarget)
}

// journey adds what a journey holds to every list.
func (f *filler) journey(j *model.Journey) {
	if o := f.owner(j.Owner); o != nil {
		o.Journeys = append(o.Journeys, j)
	}
	for _, st := range j.Stages {
		f.stage(j, st)
	}
}

// byUses orders touchpoint groups: fail points first, then by uses, then
// by slug; a stable sort keeps the order met among equals.
func byUses(a, b *TouchpointGroup) int {
	return cmp.Or(cmp.Compare(b.FailPoints, a.FailPoints), cmp.Compare(len(b.Uses), len(a.Uses)), cmp.Compare(a.Slug, b.Slug))
}

// byStatus is an item's place: by status, then severity (highest first),
// then the site's stage order.
func (f *filler) byStatus(it *Item) [3]int {
	return [3]int{f.status[it.Status], -it.Severity, f.rank(it.Stage.Name)}
}

// byTarget is a metric's place: off target first, then the stage order.
func (f *filler) byTarget(m *Metric) [3]int {
	off := 1 // off target first
	if m.OffTarget() {
		off = 0
	}
	return [3]int{off, f.rank(m.Stage.Name)}
}

// stage adds what one stage holds to every list.
func (f *filler) stage(j *model.Journey, st *model.Stage) {
	h := f.h
	fs := f.fold(st.Name)
	h.matrix.stage(j, st, fs)
	for _, tp := range st.Touchpoints {
		use := TouchpointUse{Journey: j, Stage: st, Touchpoint: tp}
		f.group(tp, use)
		if o := f.owner(tp.Owner); o != nil {
			o.Touchpoints = append(o.Touchpoints, use)
		}
		score, ok := touchpointScore(tp, st)
		h.matrix.add(tp.Channel, fs, cellUse{j, score, ok})
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

// group adds a use of tp to its group: same name and channel, folded.
func (f *filler) group(tp *model.Touchpoint, use TouchpointUse) {
	key := f.groupKey(tp)
	g, ok := f.h.groups[key]
	if !ok {
		g = &TouchpointGroup{}
		f.h.groups[key] = g
		f.order = append(f.order, g)
	}
	g.Uses = append(g.Uses, use)
}

func (f *filler) groupKey(tp *model.Touchpoint) string {
	return f.fold(tp.Name) + "\x00" + f.fold(tp.Channel)
}

// derive sums up a group's uses: the first names it, the others add
// their fail points, kinds, owners and scores in the order met.
func (g *TouchpointGroup) derive() {
	first := g.Uses[0].Touchpoint
	*g = TouchpointGroup{Name: first.Name, Channel: first.Channel, Slug: slug.Make(first.Name + " " + first.Channel), Uses: g.Uses}
	for _, use := range g.Uses {
		tp := use.Touchpoint
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
	if g.Scored > 0 {
		g.Emotion = round1(g.Emotion / float64(g.Scored))
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
