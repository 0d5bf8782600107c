package model

import (
	"cmp"
	"math"
	"slices"
	"sync"

	"github.com/waymark-cx/waymark/generator/slug"
)

// Hub is the handbook seen across journeys: where each touchpoint
// appears, every pain point and opportunity, what each team owns, every
// metric, the journeys of each tag and the pairs of current and future
// maps. Its index (owners, tags, pairs) is made with the site; the views
// are filled in by Fill, once, when a page needs them.
type Hub struct {
	Touchpoints   []*TouchpointGroup // fail points first, then by uses
	Matrix        *ChannelMatrix
	PainPoints    []*HubItem // by status, then severity (highest first)
	Opportunities []*HubItem
	Owners        []*Owner // by name; "" (no owner) is not an owner
	Tags          []*Tag
	Metrics       []*HubMetric // off-target first, then by stage order
	Pairs         []*Pair
	View          HubView // what the hub pages show of the lists above

	site   *Site
	once   sync.Once
	pairOf map[*Journey]*Pair // each journey's pair, either side
}

// TouchpointGroup is one touchpoint (same name and channel) across
// journeys.
type TouchpointGroup struct {
	Name, Channel string
	Slug          string // for ids: name and channel
	Uses          []TouchpointUse
	FailPoints    int
	Kinds         []string
	Owners        []string
	Emotion       float64 // mean of the scored uses
	Scored        int     // how many uses have a score
	Shown         Shown[TouchpointUse]
}

// TouchpointUse is a touchpoint at one stage of one journey.
type TouchpointUse struct {
	Journey    *Journey
	Stage      *Stage
	Touchpoint *Touchpoint
}

// ChannelMatrix counts touchpoints by channel (rows) and stage (columns),
// with the mean emotion of each cell.
type ChannelMatrix struct {
	Channels []string
	Stages   []string // the site's stage order first, then others as met
	Cells    [][]MatrixCell
}

// MatrixCell is one channel at one stage.
type MatrixCell struct {
	Count   int
	Emotion float64 // mean score of the scored touchpoints
	Scored  int
	Level   int // Emotion rounded, 1–5, 0 when nothing is scored: for the heat colour
}

// HubItem is a pain point or opportunity with where it stands.
type HubItem struct {
	*Item   // the stage's own: the hub holds every item of every journey
	Journey *Journey
	Stage   *Stage
}

// Owner is a team and everything it owns.
type Owner struct {
	Name          string
	Slug          string
	URL           string // "owners/<slug>/"
	Journeys      []*Journey
	Touchpoints   []TouchpointUse
	PainPoints    []*HubItem
	Opportunities []*HubItem
	View          OwnerView // what the owner's page shows
}

// Tag is a tag and its journeys.
type Tag struct {
	Name     string
	Slug     string
	URL      string // "tags/<slug>/"
	Journeys []*Journey
	Shown    Shown[*Journey] // on the tag's page
	Preview  Shown[*Journey] // on the tags page
}

// HubMetric is a metric with where it is measured.
type HubMetric struct {
	*Metric
	Journey *Journey
	Stage   *Stage
}

// Pair is a current-state map and its future-state counterpart.
type Pair struct {
	Slug    string // the URL slug: "<current>-vs-<future>"
	URL     string // "compare/<slug>/"
	Current *Journey
	Future  *Journey
	Stages  []PairStage
}

// PairStage lines up a stage of both maps by name (either may be nil).
type PairStage struct {
	Name            string
	Current, Future *Stage
}

// buildHub makes the hub's index: enough to plan its pages (the owners'
// names, every tag, every pair). The views themselves are computed by
// Fill, only when a page that shows them is rendered: a rebuild that
// reuses those pages does not pay for them.
func buildHub(s *Site) *Hub {
	h := &Hub{site: s}
	owners := map[string]*Owner{}
	seen := map[string]bool{}
	owner := func(name string) {
		if name == "" || seen[name] {
			return
		}
		seen[name] = true
		key := slug.Make(name)
		if key == "" {
			key = "team"
		}
		if _, ok := owners[key]; !ok {
			owners[key] = &Owner{Name: name, Slug: key, URL: "owners/" + key + "/"}
		}
	}
	for _, j := range s.Journeys {
		names := j.owners
		if names == nil {
			names = ownerNames(j) // a journey made other than by decoding
		}
		for _, n := range names {
			owner(n)
		}
	}
	for _, o := range owners {
		h.Owners = append(h.Owners, o)
	}
	slices.SortFunc(h.Owners, func(a, b *Owner) int { return cmp.Compare(slug.Fold(a.Name), slug.Fold(b.Name)) })
	tags := map[string]*Tag{}
	keys := map[string]string{} // tag → slug, each made once
	for _, j := range s.Journeys {
		for _, t := range j.Tags {
			key, ok := keys[t]
			if !ok {
				key = slug.Make(t)
				keys[t] = key
			}
			if key == "" {
				continue
			}
			tg, ok := tags[key]
			if !ok {
				tg = &Tag{Name: t, Slug: key, URL: "tags/" + key + "/"}
				tags[key] = tg
			}
			if n := len(tg.Journeys); n == 0 || tg.Journeys[n-1] != j {
				tg.Journeys = append(tg.Journeys, j)
			}
		}
	}
	for _, t := range tags {
		h.Tags = append(h.Tags, t)
	}
	slices.SortFunc(h.Tags, func(a, b *Tag) int { return cmp.Compare(a.Slug, b.Slug) })
	for _, j := range s.Journeys {
		if j.Compare == nil || j.Type == FutureState || j.Compare.Type != FutureState && j.Type != CurrentState {
			continue
		}
		cur, fut := j, j.Compare
		p := &Pair{Current: cur, Future: fut, Slug: cur.Slug + "-vs-" + fut.Slug}
		p.URL = "compare/" + p.Slug + "/"
		seen := map[string]int{}
		for _, st := range cur.Stages {
			seen[slug.Fold(st.Name)] = len(p.Stages)
			p.Stages = append(p.Stages, PairStage{Name: st.Name, Current: st})
		}
		for _, st := range fut.Stages {
			if i, ok := seen[slug.Fold(st.Name)]; ok && p.Stages[i].Future == nil {
				p.Stages[i].Future = st
				continue
			}
			p.Stages = append(p.Stages, PairStage{Name: st.Name, Future: st})
		}
		h.Pairs = append(h.Pairs, p)
	}
	h.pairOf = make(map[*Journey]*Pair, 2*len(h.Pairs))
	for _, p := range h.Pairs {
		for _, j := range []*Journey{p.Current, p.Future} {
			if _, taken := h.pairOf[j]; !taken {
				h.pairOf[j] = p
			}
		}
	}
	return h
}

// PairOf is the current/future pair that j is either side of, or nil: a
// journey page links its compare view without walking every pair.
func (h *Hub) PairOf(j *Journey) *Pair {
	if h == nil {
		return nil
	}
	return h.pairOf[j]
}

// Fill computes the hub's views once; later calls do nothing.
func (h *Hub) Fill() {
	h.once.Do(func() { h.fill(h.site) })
}

// fill computes the views of the hub: touchpoint groups, the matrix,
// every item, metric, and what each owner owns.
func (h *Hub) fill(s *Site) {
	folds := map[string]string{} // names repeat across journeys: fold each once
	fold := func(name string) string {
		f, ok := folds[name]
		if !ok {
			f = slug.Fold(name)
			folds[name] = f
		}
		return f
	}
	ranks := map[string]int{} // stage name → StageRank, computed once per name
	rank := func(name string) int {
		r, ok := ranks[name]
		if !ok {
			r = s.StageRank(name)
			ranks[name] = r
		}
		return r
	}
	groups := map[string]*TouchpointGroup{}
	owners := map[string]*Owner{}
	for _, o := range h.Owners {
		owners[o.Slug] = o
	}
	byName := map[string]*Owner{} // owner names repeat: slug each once
	owner := func(name string) *Owner {
		if name == "" {
			return nil
		}
		if o, ok := byName[name]; ok {
			return o
		}
		key := slug.Make(name)
		if key == "" {
			key = "team"
		}
		o, ok := owners[key]
		if !ok {
			o = &Owner{Name: name, Slug: key, URL: "owners/" + key + "/"}
			owners[key] = o
		}
		byName[name] = o
		return o
	}
	matrixStages := []string{}
	stageIndex := map[string]int{}
	type cellKey struct{ channel, stage string }
	cells := map[cellKey]*MatrixCell{}
	channels := map[string]bool{}
	for _, j := range s.Journeys {
		if o := owner(j.Owner); o != nil {
			o.Journeys = append(o.Journeys, j)
		}
		for _, st := range j.Stages {
			fs := fold(st.Name)
			if _, ok := stageIndex[fs]; !ok {
				stageIndex[fs] = len(matrixStages)
				matrixStages = append(matrixStages, st.Name)
			}
			for _, tp := range st.Touchpoints {
				key := fold(tp.Name) + "\x00" + fold(tp.Channel)
				g, ok := groups[key]
				if !ok {
					g = &TouchpointGroup{Name: tp.Name, Channel: tp.Channel, Slug: slug.Make(tp.Name + " " + tp.Channel)}
					groups[key] = g
				}
				use := TouchpointUse{Journey: j, Stage: st, Touchpoint: tp}
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
				if o := owner(tp.Owner); o != nil {
					o.Touchpoints = append(o.Touchpoints, use)
				}
				ch := tp.Channel
				if ch == "" {
					ch = "—"
				}
				channels[ch] = true
				c, ok := cells[cellKey{ch, fold(st.Name)}]
				if !ok {
					c = &MatrixCell{}
					cells[cellKey{ch, fold(st.Name)}] = c
				}
				c.Count++
				if score, ok := touchpointScore(tp, st); ok {
					c.Emotion += score
					c.Scored++
				}
			}
			for i := range st.PainPoints {
				it := &st.PainPoints[i]
				hi := &HubItem{Item: it, Journey: j, Stage: st}
				h.PainPoints = append(h.PainPoints, hi)
				if o := owner(it.Owner); o != nil {
					o.PainPoints = append(o.PainPoints, hi)
				}
			}
			for i := range st.Opportunities {
				it := &st.Opportunities[i]
				hi := &HubItem{Item: it, Journey: j, Stage: st}
				h.Opportunities = append(h.Opportunities, hi)
				if o := owner(it.Owner); o != nil {
					o.Opportunities = append(o.Opportunities, hi)
				}
			}
			for _, m := range st.Metrics {
				h.Metrics = append(h.Metrics, &HubMetric{Metric: m, Journey: j, Stage: st})
			}
		}
	}
	for _, g := range groups {
		if g.Scored > 0 {
			g.Emotion = round1(g.Emotion / float64(g.Scored))
		}
		h.Touchpoints = append(h.Touchpoints, g)
	}
	slices.SortFunc(h.Touchpoints, func(a, b *TouchpointGroup) int {
		return cmp.Or(cmp.Compare(b.FailPoints, a.FailPoints), cmp.Compare(len(b.Uses), len(a.Uses)), cmp.Compare(a.Slug, b.Slug))
	})
	// The matrix: the site's stage order first.
	slices.SortStableFunc(matrixStages, func(a, b string) int { return cmp.Compare(rank(a), rank(b)) })
	m := &ChannelMatrix{Stages: matrixStages}
	for ch := range channels {
		m.Channels = append(m.Channels, ch)
	}
	slices.SortFunc(m.Channels, func(a, b string) int { return cmp.Compare(fold(a), fold(b)) })
	for _, ch := range m.Channels {
		row := make([]MatrixCell, len(m.Stages))
		for i, st := range m.Stages {
			if c, ok := cells[cellKey{ch, fold(st)}]; ok {
				row[i] = *c
				if c.Scored > 0 {
					row[i].Emotion = round1(c.Emotion / float64(c.Scored))
					row[i].Level = int(math.Round(row[i].Emotion))
				}
			}
		}
		m.Cells = append(m.Cells, row)
	}
	h.Matrix = m
	statusRank := func(st string) int {
		switch st {
		case "open":
			return 0
		case "planned":
			return 1
		case "in-progress":
			return 2
		case "done":
			return 3
		}
		return -1 // no status: first, it needs triage
	}

	byStatus := func(a, b *HubItem) int {
		return cmp.Or(cmp.Compare(statusRank(a.Status), statusRank(b.Status)), cmp.Compare(b.Severity, a.Severity),
			cmp.Compare(rank(a.Stage.Name), rank(b.Stage.Name)))
	}
	slices.SortStableFunc(h.PainPoints, byStatus)
	slices.SortStableFunc(h.Opportunities, byStatus)
	slices.SortStableFunc(h.Metrics, func(a, b *HubMetric) int {
		return cmp.Or(-cmpBool(a.OffTarget(), b.OffTarget()), cmp.Compare(rank(a.Stage.Name), rank(b.Stage.Name)))
	})
	h.view(s)
}

// touchpointScore is a touchpoint's own emotion, else its stage's (the
// mean over the stage's personas).
func touchpointScore(tp *Touchpoint, st *Stage) (float64, bool) {
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

func round1(f float64) float64 { return math.Round(f*10) / 10 }

func cmpBool(a, b bool) int {
	switch {
	case a == b:
		return 0
	case a:
		return 1
	}
	return -1
}
