package model

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
	Items  Shown[*HubItem]
}

// HubView holds what the hub pages show, computed by Fill.
type HubView struct {
	PainPoints    ByStatus
	Opportunities ByStatus
	// NoOwner: the pain points and opportunities without an owner.
	NoOwnerPainPoints    Shown[*HubItem]
	NoOwnerOpportunities Shown[*HubItem]
	OpenPainPoints       int // status open
	NoOwnerOpen          int // open, without an owner
	// FailGroups are the touchpoints with a fail point, OtherGroups the rest.
	FailGroups   Shown[*TouchpointGroup]
	OtherGroups  Shown[*TouchpointGroup]
	FailPoints   int   // uses marked as fail points
	StageUses    []int // touchpoints of each stage of Matrix.Stages, over the channels
	OffTarget    Shown[*HubMetric]
	OtherMetrics Shown[*HubMetric]
	People       PersonaMatrix
}

// PersonaMatrix is the persona × journey matrix: the first journeys
// (rows) and personas (columns) the limits allow.
type PersonaMatrix struct {
	Personas Shown[*Persona]
	Rows     Shown[PersonaRow]
	Alone    Shown[*Persona] // personas of no journey
}

// PersonaRow is a journey and, for each persona shown, whether the
// journey is told from its view.
type PersonaRow struct {
	Journey *Journey
	In      []bool // by column of PersonaMatrix.Personas
}

// OwnerView is what an owner's page shows.
type OwnerView struct {
	Journeys      Shown[*Journey]
	Touchpoints   Shown[TouchpointUse]
	PainPoints    Shown[*HubItem]
	Opportunities Shown[*HubItem]
	Open          int // open pain points
	FailPoints    int // touchpoint uses marked as fail points
}

// Paths of the hub's downloads (see generator/hubexports.go).
const (
	PainPointsCSV    = "pain-points/pain-points.csv"
	OpportunitiesCSV = "pain-points/opportunities.csv"
	NoOwnerCSV       = "pain-points/no-owner.csv"
	TouchpointsCSV   = "touchpoints/touchpoints.csv"
	MetricsCSV       = "metrics/metrics.csv"
	MatrixCSV        = "matrix/matrix.csv"
)

// Download is the path of one of an owner's downloads: what is
// "journeys", "touchpoints", "pain-points" or "opportunities"
// (owners/support/support-pain-points.csv).
func (o *Owner) Download(what string) string { return o.URL + o.Slug + "-" + what + ".csv" }

// Download is the path of the list of a tag's journeys
// (tags/onboarding/onboarding-journeys.csv).
func (t *Tag) Download() string { return t.URL + t.Slug + "-journeys.csv" }

// view computes the views of a filled hub.
func (h *Hub) view(s *Site) {
	limit, nested := s.Config.HubLimits()
	v := &h.View
	v.PainPoints = statusGroups(h.PainPoints, limit, PainPointsCSV)
	v.Opportunities = statusGroups(h.Opportunities, limit, OpportunitiesCSV)
	var noPain, noOpp []*HubItem
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
	v.NoOwnerPainPoints = shown(noPain, limit, NoOwnerCSV)
	v.NoOwnerOpportunities = shown(noOpp, limit, NoOwnerCSV)
	failing := 0 // fail points first: the failing groups are a prefix
	for _, g := range h.Touchpoints {
		g.Shown = shown(g.Uses, nested, TouchpointsCSV)
		v.FailPoints += g.FailPoints
		if g.FailPoints > 0 {
			failing++
		}
	}
	v.FailGroups = shown(h.Touchpoints[:failing], limit, TouchpointsCSV)
	v.OtherGroups = shown(h.Touchpoints[failing:], limit, TouchpointsCSV)
	v.StageUses = make([]int, len(h.Matrix.Stages))
	for _, row := range h.Matrix.Cells {
		for i, c := range row {
			v.StageUses[i] += c.Count
		}
	}
	off := 0 // off-target first
	for off < len(h.Metrics) && h.Metrics[off].OffTarget() {
		off++
	}
	v.OffTarget = shown(h.Metrics[:off], limit, MetricsCSV)
	v.OtherMetrics = shown(h.Metrics[off:], limit, MetricsCSV)
	v.People = personaMatrix(s, limit, nested)
	for _, o := range h.Owners {
		ov := &o.View
		ov.Journeys = shown(o.Journeys, limit, o.Download("journeys"))
		ov.Touchpoints = shown(o.Touchpoints, limit, o.Download("touchpoints"))
		ov.PainPoints = shown(o.PainPoints, limit, o.Download("pain-points"))
		ov.Opportunities = shown(o.Opportunities, limit, o.Download("opportunities"))
		for _, it := range o.PainPoints {
			if it.Status == "open" {
				ov.Open++
			}
		}
		for _, u := range o.Touchpoints {
			if u.Touchpoint.FailPoint {
				ov.FailPoints++
			}
		}
	}
	for _, t := range h.Tags {
		t.Shown = shown(t.Journeys, limit, t.Download())
		t.Preview = shown(t.Journeys, nested, t.Download())
	}
}

// statusGroups splits items sorted by status into their groups: each
// status is one run of them.
func statusGroups(items []*HubItem, limit int, csv string) ByStatus {
	runs := map[string][]*HubItem{}
	for i := 0; i < len(items); {
		j := i + 1
		for j < len(items) && items[j].Status == items[i].Status {
			j++
		}
		runs[items[i].Status] = items[i:j]
		i = j
	}
	groups := ByStatus{CSV: csv}
	for _, st := range []string{"", "open", "planned", "in-progress", "done"} {
		if in := runs[st]; len(in) > 0 {
			groups.Groups = append(groups.Groups, StatusGroup{Status: st, Items: shown(in, limit, csv)})
		}
	}
	return groups
}

// personaMatrix lines up the first journeys with the first personas.
func personaMatrix(s *Site, limit, nested int) PersonaMatrix {
	m := PersonaMatrix{Personas: shown(s.Personas, nested, MatrixCSV)}
	col := make(map[*Persona]int, len(m.Personas.Items))
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
	m.Rows = Shown[PersonaRow]{Items: rows, Total: len(s.Journeys), CSV: MatrixCSV} // All: nil, the rows of every journey would grow as journeys × personas
	var alone []*Persona
	for _, p := range s.Personas {
		if len(p.Journeys) == 0 {
			alone = append(alone, p)
		}
	}
	m.Alone = shown(alone, limit, MatrixCSV)
	return m
}
