package hub

import (
	"cmp"
	"reflect"
	"slices"
	"sort"

	"github.com/waymark-cx/waymark/generator/model"
)

// The dev server builds the same site again after every save, and most
// saves change one journey. The model hands out the same *model.Journey
// while its file is unchanged, so a hub can be filled from the last
// build's: take out what the journeys that went (or changed) put in its
// lists, put in what the journeys that came put in, and place each entry
// where a full walk would have put it. Every list is kept in the walk's
// order, or sorted with that order breaking ties, and Site.Journeys is
// in model.CompareJourneys order, so the place is found by comparing
// journeys. The views are then computed from the lists as after Fill.
// The result is the same hub (TestUpdateEqualsFill, and the generator's
// property tests, which compare rebuilds with full builds).

// update fills h from prev, a filled hub of an earlier build of the same
// site, and spends prev. It reports false, touching neither, when it
// cannot: the site's settings differ, many journeys changed, or a
// changed journey has items in a custom lane.
func (h *Hub) update(prev *Hub) bool {
	s := h.site
	// Evidence is resolved to the research notes' addresses in the
	// journeys as they are, unchanged ones too: other notes, other
	// addresses in the citations' keys.
	if !reflect.DeepEqual(prev.site.Config, s.Config) || !slices.EqualFunc(prev.site.Research, s.Research, sameNote) {
		return false
	}
	gone, came := changed(prev.site.Journeys, s.Journeys)
	if len(gone)+len(came) > max(64, len(s.Journeys)/8) || laneItems(gone) || laneItems(came) {
		return false
	}
	if len(gone) == 1 && len(came) == 1 && sameShape(gone[0], came[0]) {
		view, owners := prev.View, prev.owners
		h.take(prev)
		h.rescore(came[0], gone[0], view, owners)
		return true
	}
	h.take(prev)
	h.rewalk(gone, came)
	return true
}

// rescore puts the entries of journey came over those of gone, of the
// same shape (sameShape), and takes over view and owners, the views of
// the lists they were in (keepView).
func (h *Hub) rescore(came, gone *model.Journey, view View, owners map[string]*Owner) {
	f := h.newFiller()
	t := h.walk([]*model.Journey{came})
	h.replace(f, t)
	h.Matrix = h.matrix.table(f.fold, f.rank, len(h.site.Config.Stages))
	h.keepView(view, owners, f, t, gone)
}

// rewalk takes the entries of the journeys that went out of every list,
// merges those of the journeys that came in, and works out the views.
func (h *Hub) rewalk(gone, came []*model.Journey) {
	f := h.newFiller()
	moved := h.remove(setOf(gone))
	h.merge(f, h.walk(came), moved)
	h.regroup(moved)
	h.Matrix = h.matrix.table(f.fold, f.rank, len(h.site.Config.Stages))
	h.View = View{} // view adds up from nothing
	h.view()
}

// keepView takes over the views of the last hub (view, and its owners'),
// after an edit of the same shape (sameShape) replaced the entries of
// journey gone with those of t: the views' lists are the hub's lists,
// cut, and their counts read only what the shape holds. The lists
// copied out of the hub's (items without an owner, the priorities) get
// the new entries as the hub's did; the rest is computed as view does.
func (h *Hub) keepView(v View, owners map[string]*Owner, f *filler, t *Hub, gone *model.Journey) {
	limit, nested := h.site.Config.HubLimits()
	byStatus := func(a, b *Item) int {
		return cmp.Or(compare3(f.byStatus(a), f.byStatus(b)), inWalk(a.Journey, b.Journey))
	}
	noOwner := func(its []*Item) []*Item {
		return slices.DeleteFunc(slices.Clone(its), func(it *Item) bool { return it.Owner != "" })
	}
	put(v.NoOwnerPainPoints.all, noOwner(t.PainPoints), byStatus)
	put(v.NoOwnerOpportunities.all, noOwner(t.Opportunities), byStatus)
	v.People = personaMatrix(h.site, limit, nested, h.at.CSV(ListMatrix))
	keepPriorities(&v.Priorities, t, gone)
	for _, l := range h.Lanes {
		l.View = statusGroups(l.Items, limit, h.at.CSV(LaneList(l.Lane.Key)))
	}
	for _, o := range h.Owners {
		po := owners[o.Slug]
		if po == nil {
			h.ownerView(o, limit)
			continue
		}
		o.View = po.View
		for _, l := range o.Lanes {
			l.Shown = shown(l.Items, limit, h.at.OwnerCSV(o, LaneList(l.Lane.Key)))
		}
	}
	h.tagViews(limit, nested)
	h.View = v
}

// keepPriorities puts the opportunities of t in the places of those of
// journey gone: with the same scores, they rank the same.
func keepPriorities(p *Priorities, t *Hub, gone *model.Journey) {
	var unscored []*Item
	var ranked []*Priority
	for _, it := range t.inOrder {
		if !it.Scored() {
			unscored = append(unscored, it)
			continue
		}
		ranked = append(ranked, &Priority{Item: it, Score: p.Weights.Score(it.Scores), Benefit: p.Weights.Benefit(it.Scores)})
	}
	put(p.Unscored.all, unscored, func(a, b *Item) int { return inWalk(a.Journey, b.Journey) })
	slices.SortStableFunc(ranked, byRank)
	k := 0
	for _, r := range p.Ranked.all {
		if r.Journey == gone {
			r.Item = ranked[k].Item
			k++
		}
	}
}

// sameNote reports whether two research notes are cited by the same name
// at the same address (model's linkEvidence).
func sameNote(a, b *model.Page) bool { return a.Slug == b.Slug && a.URL == b.URL }

// changed lists the journeys of old that are not in cur (gone) and of cur
// that are not in old (came), each in its site's order: both lists are
// in model.CompareJourneys order.
func changed(old, cur []*model.Journey) (gone, came []*model.Journey) {
	i, k := 0, 0
	for i < len(old) && k < len(cur) {
		if old[i] == cur[k] {
			i, k = i+1, k+1
			continue
		}
		switch c := model.CompareJourneys(old[i], cur[k]); {
		case c < 0:
			gone, i = append(gone, old[i]), i+1
		case c > 0:
			came, k = append(came, cur[k]), k+1
		default: // the same place, another journey: its file changed
			gone, came, i, k = append(gone, old[i]), append(came, cur[k]), i+1, k+1
		}
	}
	return append(gone, old[i:]...), append(came, cur[k:]...)
}

// laneItems reports whether any of js has items in a custom items lane,
// whose lists update leaves to Fill.
func laneItems(js []*model.Journey) bool {
	for _, j := range js {
		for _, l := range j.Lanes {
			if l.Kind != model.LaneItems {
				continue
			}
			for _, st := range j.Stages {
				if !st.Lane(l.Key).Empty() {
					return true
				}
			}
		}
	}
	return false
}

// sameShape reports whether journey c, which replaces g, puts what g
// put in every list of the hub, at the same places: the same owner and
// place among journeys, and all that the touchpoints, items and metrics
// views read (Reads), evidence included. Only what the scores read may
// differ: no list's order depends on a stage's emotion.
func sameShape(g, c *model.Journey) bool {
	if inWalk(g, c) != 0 || g.Owner != c.Owner || len(g.Stages) != len(c.Stages) {
		return false
	}
	for i, st := range g.Stages {
		if !slices.EqualFunc(st.PainPoints, c.Stages[i].PainPoints, sameEvidence) ||
			!slices.EqualFunc(st.Opportunities, c.Stages[i].Opportunities, sameEvidence) {
			return false
		}
	}
	return slices.Equal(shape(g), shape(c))
}

// sameEvidence reports whether two items cite the same places.
func sameEvidence(a, b model.Item) bool {
	return slices.EqualFunc(a.Evidence, b.Evidence, func(x, y model.Evidence) bool { return x.URL == y.URL && x.External == y.External })
}

// shape is what the views but the scores read of j (Reads).
func shape(j *model.Journey) []string {
	var out []string
	Reads(j, func(p Part, fields ...string) {
		if p != Scores {
			out = append(out, string(rune('0'+p)))
			out = append(out, fields...)
		}
	})
	return out
}

// replace puts the entries of t (walk) of the one journey that came in
// the places of those of the one that went, of the same shape
// (sameShape): the same keys, at the same place among journeys, so
// each is found by a binary search.
func (h *Hub) replace(f *filler, t *Hub) {
	byStatus := func(a, b *Item) int {
		return cmp.Or(compare3(f.byStatus(a), f.byStatus(b)), inWalk(a.Journey, b.Journey))
	}
	item := func(a, b *Item) int { return inWalk(a.Journey, b.Journey) }
	use := func(a, b TouchpointUse) int { return inWalk(a.Journey, b.Journey) }
	put(h.PainPoints, t.PainPoints, byStatus)
	put(h.Opportunities, t.Opportunities, byStatus)
	put(h.inOrder, t.inOrder, item)
	put(h.Metrics, t.Metrics, func(a, b *Metric) int {
		return cmp.Or(compare3(f.byTarget(a), f.byTarget(b)), inWalk(a.Journey, b.Journey))
	})
	for key, o := range t.owners {
		n := h.owners[key]
		put(n.Journeys, o.Journeys, inWalk)
		put(n.Touchpoints, o.Touchpoints, use)
		put(n.PainPoints, o.PainPoints, item)
		put(n.Opportunities, o.Opportunities, item)
	}
	for url, cs := range t.cites {
		put(h.cites[url], cs, func(a, b Citation) int { return inWalk(a.Journey, b.Journey) })
	}
	for key, g := range t.groups {
		put(h.groups[key].Uses, g.Uses, use)
	}
	for key, sts := range t.matrix.stages {
		put(h.matrix.stages[key], sts, func(a, b stageMet) int { return inWalk(a.j, b.j) })
	}
	for key, us := range t.matrix.cells {
		put(h.matrix.cells[key], us, func(a, b cellUse) int { return inWalk(a.j, b.j) })
	}
}

// put writes each entry of with over the entry of list it equals by
// order; entries equal among themselves are consecutive in both.
func put[T any](list, with []T, order func(a, b T) int) {
	p := 0
	for k, x := range with {
		if k > 0 && order(with[k-1], x) == 0 {
			p++
		} else {
			p = sort.Search(len(list), func(i int) bool { return order(list[i], x) >= 0 })
		}
		list[p] = x
	}
}

// journeySet tells the journeys that went.
type journeySet struct {
	few  []*model.Journey
	many map[*model.Journey]bool
}

func setOf(js []*model.Journey) journeySet {
	if len(js) <= 8 {
		return journeySet{few: js}
	}
	m := make(map[*model.Journey]bool, len(js))
	for _, j := range js {
		m[j] = true
	}
	return journeySet{many: m}
}

func (s journeySet) has(j *model.Journey) bool {
	if s.many != nil {
		return s.many[j]
	}
	return slices.Contains(s.few, j)
}

// take moves prev's lists to h, whose index (New) is this build's: each
// owner's and lane's lists to h's of the same slug or key. prev is spent.
func (h *Hub) take(prev *Hub) {
	h.Touchpoints, h.PainPoints, h.Opportunities, h.Metrics = prev.Touchpoints, prev.PainPoints, prev.Opportunities, prev.Metrics
	h.inOrder, h.cites, h.groups, h.matrix = prev.inOrder, prev.cites, prev.groups, prev.matrix
	for key, o := range prev.owners {
		n := h.owners[key]
		if n == nil {
			continue // only journeys that went named it
		}
		n.Journeys, n.Touchpoints, n.PainPoints, n.Opportunities = o.Journeys, o.Touchpoints, o.PainPoints, o.Opportunities
		for _, l := range o.Lanes {
			if i := slices.IndexFunc(n.Lanes, func(nl *OwnerLane) bool { return nl.Lane.Key == l.Lane.Key }); i >= 0 {
				n.Lanes[i].Items = l.Items
			}
		}
	}
	for _, l := range prev.Lanes {
		if i := slices.IndexFunc(h.Lanes, func(nl *LaneItems) bool { return nl.Lane.Key == l.Lane.Key }); i >= 0 {
			h.Lanes[i].Items = l.Items
		}
	}
	*prev = Hub{}
}

// remove takes out of every list what the journeys that went put in; it
// gives the touchpoint groups that lost uses.
func (h *Hub) remove(gone journeySet) map[*TouchpointGroup]bool {
	moved := map[*TouchpointGroup]bool{}
	if len(gone.few) == 0 && len(gone.many) == 0 {
		return moved
	}
	out := func(j *model.Journey) bool { return gone.has(j) }
	item := func(it *Item) bool { return out(it.Journey) }
	use := func(u TouchpointUse) bool { return out(u.Journey) }
	h.PainPoints = without(h.PainPoints, item)
	h.Opportunities = without(h.Opportunities, item)
	h.inOrder = without(h.inOrder, item)
	h.Metrics = without(h.Metrics, func(m *Metric) bool { return out(m.Journey) })
	for _, o := range h.owners {
		o.Journeys = without(o.Journeys, out)
		o.Touchpoints = without(o.Touchpoints, use)
		o.PainPoints = without(o.PainPoints, item)
		o.Opportunities = without(o.Opportunities, item)
	}
	for url, cs := range h.cites {
		if cs = slices.DeleteFunc(cs, func(c Citation) bool { return out(c.Journey) }); len(cs) == 0 {
			delete(h.cites, url)
		} else {
			h.cites[url] = cs
		}
	}
	h.matrix.remove(out)
	for key, g := range h.groups {
		n := len(g.Uses)
		if g.Uses = slices.DeleteFunc(g.Uses, use); len(g.Uses) < n {
			moved[g] = true
		}
		if len(g.Uses) == 0 {
			delete(h.groups, key)
		}
	}
	return moved
}

// without takes out of list the entries out tells; nil when none is
// left, as a list that a walk never appends to.
func without[T any](list []T, out func(T) bool) []T {
	if list = slices.DeleteFunc(list, out); len(list) == 0 {
		return nil
	}
	return list
}

// walk fills a hub of its own with what the journeys that came put in
// the lists, each list sorted as Fill sorts it.
func (h *Hub) walk(came []*model.Journey) *Hub {
	t := &Hub{site: h.site, at: h.at, owners: map[string]*Owner{}, groups: map[string]*TouchpointGroup{}, matrix: newMatrixCounts()}
	f := t.newFiller()
	for _, j := range came {
		f.journey(j)
	}
	sortStableBy(t.PainPoints, f.byStatus)
	sortStableBy(t.Opportunities, f.byStatus)
	sortStableBy(t.Metrics, f.byTarget)
	return t
}

// merge puts what t (walk) holds into h's lists, each at the place a
// full walk gives it; the touchpoint groups that gain uses join moved.
func (h *Hub) merge(f *filler, t *Hub, moved map[*TouchpointGroup]bool) {
	byStatus := func(a, b *Item) int {
		return cmp.Or(compare3(f.byStatus(a), f.byStatus(b)), inWalk(a.Journey, b.Journey))
	}
	item := func(a, b *Item) int { return inWalk(a.Journey, b.Journey) }
	use := func(a, b TouchpointUse) int { return inWalk(a.Journey, b.Journey) }
	h.PainPoints = merge(h.PainPoints, t.PainPoints, byStatus)
	h.Opportunities = merge(h.Opportunities, t.Opportunities, byStatus)
	h.inOrder = merge(h.inOrder, t.inOrder, item)
	h.Metrics = merge(h.Metrics, t.Metrics, func(a, b *Metric) int {
		return cmp.Or(compare3(f.byTarget(a), f.byTarget(b)), inWalk(a.Journey, b.Journey))
	})
	for key, o := range t.owners {
		n := h.owners[key]
		if n == nil { // as Fill would meet it (filler.owner)
			n = h.owner(o.Name)
		}
		n.Journeys = merge(n.Journeys, o.Journeys, inWalk)
		n.Touchpoints = merge(n.Touchpoints, o.Touchpoints, use)
		n.PainPoints = merge(n.PainPoints, o.PainPoints, item)
		n.Opportunities = merge(n.Opportunities, o.Opportunities, item)
	}
	if h.cites == nil && len(t.cites) > 0 {
		h.cites = map[string][]Citation{}
	}
	for url, cs := range t.cites {
		h.cites[url] = merge(h.cites[url], cs, func(a, b Citation) int { return inWalk(a.Journey, b.Journey) })
	}
	h.matrix.merge(t.matrix)
	for key, g := range t.groups {
		if hg := h.groups[key]; hg != nil {
			hg.Uses = merge(hg.Uses, g.Uses, use)
			moved[hg] = true
		} else {
			h.groups[key] = g
			moved[g] = true
		}
	}
}

// regroup sums up the groups whose uses changed again and puts them back
// in their places, or leaves them out when they have none.
func (h *Hub) regroup(moved map[*TouchpointGroup]bool) {
	if len(moved) == 0 {
		return
	}
	h.Touchpoints = without(h.Touchpoints, func(g *TouchpointGroup) bool { return moved[g] })
	var back []*TouchpointGroup
	for g := range moved {
		if len(g.Uses) > 0 {
			g.derive()
			back = append(back, g)
		}
	}
	slices.SortFunc(back, groupOrder)
	h.Touchpoints = merge(h.Touchpoints, back, groupOrder)
}

// groupOrder is the order Fill gives the groups (byUses), with the order
// they are met in breaking ties, as Fill's stable sort does.
func groupOrder(a, b *TouchpointGroup) int {
	return cmp.Or(byUses(a, b), useOrder(a.Uses[0], b.Uses[0]))
}

// useOrder is the walk's order of two touchpoint uses.
func useOrder(a, b TouchpointUse) int {
	if c := inWalk(a.Journey, b.Journey); c != 0 || a.Stage == b.Stage {
		return cmp.Or(c, cmp.Compare(slices.Index(a.Stage.Touchpoints, a.Touchpoint), slices.Index(b.Stage.Touchpoints, b.Touchpoint)))
	}
	return cmp.Compare(slices.Index(a.Journey.Stages, a.Stage), slices.Index(b.Journey.Stages, b.Stage))
}

// inWalk is the order Fill walks journeys in (Site.Journeys).
func inWalk(a, b *model.Journey) int {
	if a == b {
		return 0
	}
	return model.CompareJourneys(a, b)
}

func compare3(a, b [3]int) int {
	return cmp.Or(cmp.Compare(a[0], b[0]), cmp.Compare(a[1], b[1]), cmp.Compare(a[2], b[2]))
}

// merge merges add into list, both sorted by order, and returns list:
// an entry of add goes after the entries of list it equals.
func merge[T any](list, add []T, order func(a, b T) int) []T {
	if len(add) == 0 {
		return list
	}
	n := len(list)
	list = slices.Grow(list, len(add))[:n+len(add)]
	end, w := n, n+len(add) // list[:end] is still to place, list[w:] is placed
	for k := len(add) - 1; k >= 0; k-- {
		a := add[k]
		p := sort.Search(end, func(i int) bool { return order(list[i], a) > 0 })
		w -= end - p
		copy(list[w:], list[p:end])
		end = p
		w--
		list[w] = a
	}
	return list
}
