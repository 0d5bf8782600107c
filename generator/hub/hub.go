// Package hub is the handbook seen across journeys: where each touchpoint
// appears, every pain point and opportunity, what each team owns, every
// metric, the journeys of each tag and the pairs of current and future
// maps.
//
// # Index and views
//
// New makes the index from a checked model.Site: the owners' names, every
// tag and every pair, which is enough to plan the hub's pages. The views
// (touchpoint groups, the channel × stage matrix, items by status, metrics
// off target, what each owner owns, the lists cut to hub_limit) are
// computed by Fill, once, when a page or download that shows them is made:
// a rebuild that reuses those outputs does not pay for them. A rebuild
// that does may update the last build's filled hub by the journeys that
// changed instead (Follow, update.go).
//
// # Addresses
//
// The hub spells no path. Owners, tags and pairs have pages, and the lists
// a page cuts short have a CSV download; where they are is the site's URL
// scheme (package site), handed to New as Addresses.
//
// # Orders
//
// Touchpoint groups: fail points first, then by uses. Items: by status
// (none, open, planned, in progress, done: see Statuses), then severity,
// highest first, then the site's stage order. Metrics: off target first,
// then the stage order. Owners by name, tags by slug. Priorities: by
// score, with the ties broken as priorities.go states.
package hub

import (
	"cmp"
	"slices"
	"sync"

	"github.com/waymark-cx/waymark/generator/model"
	"github.com/waymark-cx/waymark/generator/slug"
)

// Hub is the index across journeys and, once filled, its views.
type Hub struct {
	Touchpoints   []*TouchpointGroup // fail points first, then by uses
	Matrix        *ChannelMatrix
	PainPoints    []*Item // by status, then severity (highest first)
	Opportunities []*Item
	Lanes         []*LaneItems // the custom items lanes, in the order first met
	Owners        []*Owner     // by name; "" (no owner) is not an owner
	Tags          []*Tag
	Metrics       []*Metric // off-target first, then by stage order
	Pairs         []*Pair
	View          View // what the hub pages show of the lists above

	site   *model.Site
	at     Addresses
	once   sync.Once
	pairOf map[*model.Journey]*Pair // each journey's pair, either side
	owners map[string]*Owner        // by slug
	// inOrder is every opportunity as met, journey by journey, stage by
	// stage (priorities.go); cites, the items citing each research note.
	inOrder []*Item
	cites   map[string][]Citation
	// groups are the touchpoint groups by key (filler.groupKey), matrix
	// what the channel matrix counts: kept for the next build's update.
	groups map[string]*TouchpointGroup
	matrix matrixCounts
	// prev is the last build's filled hub, which Fill may update
	// rather than walk every journey again (Follow); filled is set once
	// the views are computed.
	prev   *Hub
	filled bool
}

// Addresses says where the hub's pages and downloads are, relative to
// the site root.
type Addresses struct {
	Owner, Tag, Pair func(slug string) string         // the pages of one owner, tag, pair
	OwnerCSV         func(o *Owner, list List) string // an owner's downloads
	TagCSV           func(t *Tag) string              // the list of a tag's journeys
	CSV              func(list List) string           // the hub views' downloads
}

// List names a list that the hub offers whole as a download.
type List string

// The lists offered for download.
const (
	ListJourneys      List = "journeys"
	ListTouchpoints   List = "touchpoints"
	ListPainPoints    List = "pain-points"
	ListOpportunities List = "opportunities"
	ListNoOwner       List = "no-owner"
	ListMetrics       List = "metrics"
	ListMatrix        List = "matrix"
	ListPriorities    List = "priorities"
)

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
	Journey    *model.Journey
	Stage      *model.Stage
	Touchpoint *model.Touchpoint
}

// ChannelMatrix counts touchpoints by channel (rows) and stage (columns),
// with the mean emotion of each cell.
type ChannelMatrix struct {
	Channels []string
	Stages   []string // the site's stage model first, then others by map type, as met
	// Types is, for each stage, the type of map it came from when it is
	// outside the site's stage model; "" for the model's stages.
	Types []model.MapType
	Cells [][]MatrixCell
}

// MatrixCell is one channel at one stage.
type MatrixCell struct {
	Count   int
	Emotion float64 // mean score of the scored touchpoints
	Scored  int
	Level   int // Emotion rounded, 1–5, 0 when nothing is scored: for the heat colour
}

// Item is a pain point or opportunity with where it stands.
type Item struct {
	*model.Item // the stage's own: the hub holds every item of every journey
	Journey     *model.Journey
	Stage       *model.Stage
}

// Owner is a team and everything it owns.
type Owner struct {
	Name          string
	Slug          string
	URL           string // its page
	Journeys      []*model.Journey
	Touchpoints   []TouchpointUse
	PainPoints    []*Item
	Opportunities []*Item
	Lanes         []*OwnerLane // its items of custom items lanes
	View          OwnerView    // what the owner's page shows
}

// Tag is a tag and its journeys.
type Tag struct {
	Name     string
	Slug     string
	URL      string // its page
	Journeys []*model.Journey
	Shown    Shown[*model.Journey] // on the tag's page
	Preview  Shown[*model.Journey] // on the tags page
}

// Metric is a metric with where it is measured.
type Metric struct {
	*model.Metric
	Journey *model.Journey
	Stage   *model.Stage
}

// Pair is a current-state map and its future-state counterpart.
type Pair struct {
	Slug    string // "<current>-vs-<future>"
	URL     string // its page
	Current *model.Journey
	Future  *model.Journey
	Stages  []PairStage
}

// PairStage lines up a stage of both maps by name (either may be nil).
type PairStage struct {
	Name            string
	Current, Future *model.Stage
}

// New makes the hub's index of s: enough to plan its pages (the owners'
// names, every tag, every pair).
func New(s *model.Site, at Addresses) *Hub {
	h := &Hub{site: s, at: at, owners: map[string]*Owner{}}
	seen := map[string]bool{}
	for _, j := range s.Journeys {
		for _, n := range j.OwnerNames() {
			if !seen[n] {
				seen[n] = true
				h.owner(n)
			}
		}
	}
	for _, o := range h.owners {
		h.Owners = append(h.Owners, o)
	}
	slices.SortFunc(h.Owners, func(a, b *Owner) int { return cmp.Compare(slug.Fold(a.Name), slug.Fold(b.Name)) })
	h.lanes(s.Journeys)
	h.Tags = tags(s.Journeys, at)
	h.Pairs = pairs(s.Journeys, at)
	h.pairOf = make(map[*model.Journey]*Pair, 2*len(h.Pairs))
	for _, p := range h.Pairs {
		for _, j := range []*model.Journey{p.Current, p.Future} {
			if _, taken := h.pairOf[j]; !taken {
				h.pairOf[j] = p
			}
		}
	}
	return h
}

// owner is the owner named name, made the first time one of its slug is
// met; nil for "" (no owner).
func (h *Hub) owner(name string) *Owner {
	if name == "" {
		return nil
	}
	key := OwnerKey(name)
	o, ok := h.owners[key]
	if !ok {
		o = &Owner{Name: name, Slug: key, URL: h.at.Owner(key)}
		h.owners[key] = o
	}
	return o
}

func tags(js []*model.Journey, at Addresses) []*Tag {
	byKey := map[string]*Tag{}
	keys := map[string]string{} // tag → slug, each made once
	for _, j := range js {
		for _, t := range j.Tags {
			key, ok := keys[t]
			if !ok {
				key = slug.Make(t)
				keys[t] = key
			}
			if key == "" {
				continue
			}
			tg, ok := byKey[key]
			if !ok {
				tg = &Tag{Name: t, Slug: key, URL: at.Tag(key)}
				byKey[key] = tg
			}
			if n := len(tg.Journeys); n == 0 || tg.Journeys[n-1] != j {
				tg.Journeys = append(tg.Journeys, j)
			}
		}
	}
	out := make([]*Tag, 0, len(byKey))
	for _, t := range byKey {
		out = append(out, t)
	}
	slices.SortFunc(out, func(a, b *Tag) int { return cmp.Compare(a.Slug, b.Slug) })
	return out
}

// pairs lines up each current-state map with the future-state map it
// names (or that names it).
func pairs(js []*model.Journey, at Addresses) []*Pair {
	var out []*Pair
	for _, j := range js {
		if j.Compare == nil || j.Type == model.FutureState || j.Compare.Type != model.FutureState && j.Type != model.CurrentState {
			continue
		}
		cur, fut := j, j.Compare
		p := &Pair{Current: cur, Future: fut, Slug: cur.Slug + "-vs-" + fut.Slug}
		p.URL = at.Pair(p.Slug)
		p.Stages = pairStages(cur, fut)
		out = append(out, p)
	}
	return out
}

// OwnerKey is the slug of the owner a team's name names: names that
// differ only in case, accents or punctuation name one owner.
func OwnerKey(name string) string {
	if key := slug.Make(name); key != "" {
		return key
	}
	return "team"
}

// PairOf is the current/future pair that j is either side of, or nil: a
// journey page links its compare view without walking every pair.
func (h *Hub) PairOf(j *model.Journey) *Pair {
	if h == nil {
		return nil
	}
	return h.pairOf[j]
}

// Fill computes the hub's views once; later calls do nothing. With a
// hub to follow (Follow), it updates that hub's lists by the journeys
// that changed, when it can, instead of walking every journey.
func (h *Hub) Fill() {
	h.once.Do(func() {
		if h.prev == nil || !h.update(h.prev) {
			h.fill()
			h.view()
		}
		h.prev = nil
		h.filled = true
	})
}

// Follow makes prev, a filled hub of an earlier build of the same site,
// the one Fill updates. Once Fill has run, prev is spent: its lists are
// h's. Until then prev is left as it is.
func (h *Hub) Follow(prev *Hub) {
	if prev != nil && prev.filled && prev != h {
		h.prev = prev
	}
}

// Filled reports whether Fill has run.
func (h *Hub) Filled() bool { return h.filled }
