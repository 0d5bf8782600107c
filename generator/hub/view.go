package hub

import "github.com/waymark-cx/waymark/generator/model"

// What the hub pages show: every list is cut to hub_limit entries, in its
// order (what matters most comes first), and offered whole as a CSV file
// beside the page. The Hub's own lists (PainPoints, Owner.Journeys …)
// always hold every entry; Fill computes the views below from them, so
// that a template walks each list once.

// Shown is a list as a hub page shows it: its first entries and how many
// there are in all.
type Shown[T any] struct {
	Items []T    // at most the limit
	Total int    // every entry
	CSV   string // the download with every entry, from the site root
	all   []T
}

// More is how many entries the page leaves out.
func (s Shown[T]) More() int { return s.Total - len(s.Items) }

// All is every entry, for the download.
func (s Shown[T]) All() []T { return s.all }

func shown[T any](all []T, limit int, csv string) Shown[T] {
	n := min(len(all), limit)
	return Shown[T]{Items: all[:n:n], Total: len(all), CSV: csv, all: all}
}

// ByStatus is every pain point or every opportunity, by status.
type ByStatus struct {
	Groups []StatusGroup // none, open, planned, in progress, done; empty ones left out
	CSV    string        // the download with every entry
}

// StatusGroup is the pain points or opportunities of one status.
type StatusGroup struct {
	Status string // "" for none: they need triage
	Items  Shown[*Item]
}

// View holds what the hub pages show, computed by Fill.
type View struct {
	PainPoints    ByStatus
	Opportunities ByStatus
	// NoOwner: the pain points and opportunities without an owner.
	NoOwnerPainPoints    Shown[*Item]
	NoOwnerOpportunities Shown[*Item]
	OpenPainPoints       int // status open
	NoOwnerOpen          int // open, without an owner
	// FailGroups are the touchpoints with a fail point, OtherGroups the rest.
	FailGroups  Shown[*TouchpointGroup]
	OtherGroups Shown[*TouchpointGroup]
	FailPoints  int   // uses marked as fail points
	StageUses   []int // touchpoints of each stage of Matrix.Stages, over the channels
	// StageGroups are the matrix's columns with touchpoints, grouped:
	// the site's stage model, then each map type's stages outside it.
	StageGroups  []StageGroup
	OffTarget    Shown[*Metric]
	OtherMetrics Shown[*Metric]
	People       PersonaMatrix
	Priorities   Priorities // the scored opportunities, ranked (priorities.go)
}

// PersonaMatrix is the persona × journey matrix: the first journeys
// (rows) and personas (columns) the limits allow.
type PersonaMatrix struct {
	Personas Shown[*model.Persona]
	Rows     Shown[PersonaRow]
	Alone    Shown[*model.Persona] // personas of no journey
}

// PersonaRow is a journey and, for each persona shown, whether the
// journey is told from its view.
type PersonaRow struct {
	Journey *model.Journey
	In      []bool // by column of PersonaMatrix.Personas
}

// StageGroup is a run of the matrix's columns: the site's stage model
// (Type "") or the stages of one map type outside it, Span columns with
// touchpoints.
type StageGroup struct {
	Type model.MapType
	Span int
}

// OwnerView is what an owner's page shows.
type OwnerView struct {
	Journeys      Shown[*model.Journey]
	Touchpoints   Shown[TouchpointUse]
	PainPoints    Shown[*Item]
	Opportunities Shown[*Item]
	Open          int // open pain points
	FailPoints    int // touchpoint uses marked as fail points
	Sources       int // the evidence its pain points and opportunities cite
}

// view computes the views of a filled hub.
func (h *Hub) view() {
	s := h.site
	limit, nested := s.Config.HubLimits()
	v := &h.View
	v.PainPoints = statusGroups(h.PainPoints, limit, h.at.CSV(ListPainPoints))
	v.Opportunities = statusGroups(h.Opportunities, limit, h.at.CSV(ListOpportunities))
	for _, l := range h.Lanes {
		l.View = statusGroups(l.Items, limit, h.at.CSV(LaneList(l.Lane.Key)))
	}
	var noPain, noOpp []*Item
	for _, it := range h.PainPoints {
		if it.Status == "open" {
			v.OpenPainPoints++
		}
		if it.Owner == "" {
			noPain = append(noPain, it)
			if it.Status == "open" {
				v.NoOwnerOpen++
			}
		}
	}
	for _, it := range h.Opportunities {
		if it.Owner == "" {
			noOpp = append(noOpp, it)
		}
	}
	v.NoOwnerPainPoints = shown(noPain, limit, h.at.CSV(ListNoOwner))
	v.NoOwnerOpportunities = shown(noOpp, limit, h.at.CSV(ListNoOwner))
	failing := 0 // fail points first: the failing groups are a prefix
	for _, g := range h.Touchpoints {
		g.Shown = shown(g.Uses, nested, h.at.CSV(ListTouchpoints))
		v.FailPoints += g.FailPoints
		if g.FailPoints > 0 {
			failing++
		}
	}
	v.FailGroups = shown(h.Touchpoints[:failing], limit, h.at.CSV(ListTouchpoints))
	v.OtherGroups = shown(h.Touchpoints[failing:], limit, h.at.CSV(ListTouchpoints))
	v.StageUses = make([]int, len(h.Matrix.Stages))
	for _, row := range h.Matrix.Cells {
		for i, c := range row {
			v.StageUses[i] += c.Count
		}
	}
	for i, t := range h.Matrix.Types {
		if v.StageUses[i] == 0 {
			continue // a column left out: no touchpoints
		}
		if n := len(v.StageGroups); n > 0 && v.StageGroups[n-1].Type == t {
			v.StageGroups[n-1].Span++
		} else {
			v.StageGroups = append(v.StageGroups, StageGroup{Type: t, Span: 1})
		}
	}
	off := 0 // off-target first
	for off < len(h.Metrics) && h.Metrics[off].OffTarget() {
		off++
	}
	v.OffTarget = shown(h.Metrics[:off], limit, h.at.CSV(ListMetrics))
	v.OtherMetrics = shown(h.Metrics[off:], limit, h.at.CSV(ListMetrics))
	v.People = personaMatrix(s, limit, nested, h.at.CSV(ListMatrix))
	v.Priorities = h.priorities(limit)
	for _, o := range h.Owners {
		h.ownerView(o, limit)
	}
	h.tagViews(limit, nested)
}

// ownerView computes what an owner's page shows.
func (h *Hub) ownerView(o *Owner, limit int) {
	ov := &o.View
	*ov = OwnerView{}
	ov.Journeys = shown(o.Journeys, limit, h.at.OwnerCSV(o, ListJourneys))
	ov.Touchpoints = shown(o.Touchpoints, limit, h.at.OwnerCSV(o, ListTouchpoints))
	ov.PainPoints = shown(o.PainPoints, limit, h.at.OwnerCSV(o, ListPainPoints))
	ov.Opportunities = shown(o.Opportunities, limit, h.at.OwnerCSV(o, ListOpportunities))
	for _, l := range o.Lanes {
		l.Shown = shown(l.Items, limit, h.at.OwnerCSV(o, LaneList(l.Lane.Key)))
	}
	for _, it := range o.PainPoints {
		if it.Status == "open" {
			ov.Open++
		}
	}
	ov.Sources = Sources(o.PainPoints) + Sources(o.Opportunities)
	for _, u := range o.Touchpoints {
		if u.Touchpoint.FailPoint {
			ov.FailPoints++
		}
	}
}

// tagViews computes what the tags' pages and the tags page show.
func (h *Hub) tagViews(limit, nested int) {
	for _, t := range h.Tags {
		t.Shown = shown(t.Journeys, limit, h.at.TagCSV(t))
		t.Preview = shown(t.Journeys, nested, h.at.TagCSV(t))
	}
}

// statusGroups splits items sorted by status into their groups: each
// status is one run of them.
func statusGroups(items []*Item, limit int, csv string) ByStatus {
	runs := map[string][]*Item{}
	for i := 0; i < len(items); {
		j := i + 1
		for j < len(items) && items[j].Status == items[i].Status {
			j++
		}
		runs[items[i].Status] = items[i:j]
		i = j
	}
	groups := ByStatus{CSV: csv}
	for _, st := range statuses() {
		if in := runs[st]; len(in) > 0 {
			groups.Groups = append(groups.Groups, StatusGroup{Status: st, Items: shown(in, limit, csv)})
		}
	}
	return groups
}

// personaMatrix lines up the first journeys with the first personas.
func personaMatrix(s *model.Site, limit, nested int, csv string) PersonaMatrix {
	m := PersonaMatrix{Personas: shown(s.Personas, nested, csv)}
	col := make(map[*model.Persona]int, len(m.Personas.Items))
	for i, p := range m.Personas.Items {
		col[p] = i
	}
	js := s.Journeys[:min(len(s.Journeys), limit)]
	rows := make([]PersonaRow, len(js))
	for r, j := range js {
		rows[r] = PersonaRow{Journey: j, In: make([]bool, len(col))}
		for _, p := range j.Personas {
			if i, ok := col[p]; ok {
				rows[r].In[i] = true
			}
		}
	}
	m.Rows = Shown[PersonaRow]{Items: rows, Total: len(s.Journeys), CSV: csv} // All: nil, the rows of every journey would grow as journeys × personas
	var alone []*model.Persona
	for _, p := range s.Personas {
		if len(p.Journeys) == 0 {
			alone = append(alone, p)
		}
	}
	m.Alone = shown(alone, limit, csv)
	return m
}
