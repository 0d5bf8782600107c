// Package model holds a handbook as typed values: the site configuration,
// personas, journeys with their stages, handbook pages and templates. It
// decodes front matter into these types, checks every value and every
// cross-reference, and reports each mistake at its own line. It does no I/O
// and spells no path of the site: where each entry is published comes from
// the Addresses it is given (plan.Addresses).
package model

import (
	"time"

	"github.com/waymark-cx/waymark/generator/diag"
)

// Site is a whole handbook, ready to render.
type Site struct {
	Config    Config
	Home      *Page            // content/_index.md; nil when absent
	Personas  []*Persona       // sorted by name
	Journeys  []*Journey       // sorted by title
	Pages     []*Page          // handbook pages and section indexes, sorted by path
	Sections  []*Section       // top-level sections of handbook pages
	TopPages  []*Page          // handbook pages directly under content/
	Templates []*Journey       // downloadable blank maps, sorted by slug
	Research  []*Page          // research notes (content/research/), newest first
	Lists     map[string]*Page // intros of list pages: "personas", "journeys", "templates"
	Warnings  []*diag.Error    // e.g. maps due for review
	Now       time.Time        // the clock the build used, for review dates
	// Unloaded maps the source path of every content file whose front
	// matter could not be decoded to the URL it would have had, so that
	// links to it are not reported as broken too.
	Unloaded map[string]string

	warned int // how many of Warnings the journeys call for (warn)
	// front gives a released journey's front matter (Options.Front).
	front func(e *Entry) []byte
}

// Entry is what every page read from a Markdown file has.
type Entry struct {
	Path     string // source path, e.g. "content/journeys/buy.md"
	Slug     string // file name transliterated: "hanh-trinh-mua-hang"
	URL      string // relative to the site root, e.g. "journeys/buy/" (Options.Addresses)
	Front    []byte // the front matter as written (TOML)
	Body     []byte // Markdown
	BodyLine int    // line of the body's first line in Path
	Layout   string // front-matter layout: a template name without .html
	Draft    bool
	Params   map[string]any
	// Released is set when Front and Body were let go once the front
	// matter was decoded (Options.Release): a one-off build of a large
	// handbook keeps what it still needs of a journey's text its own way,
	// rather than holding every file.
	Released bool

	sortKey   string // the title folded for sorting: "Ánh" sorts with "A"
	layoutAt  [2]int // line and column of the layout key
	frontLine int    // line of Front's first line in Path
}

// LayoutPos is where the front matter sets layout, for errors about it.
func (e *Entry) LayoutPos() (line, col int) { return e.layoutAt[0], e.layoutAt[1] }

// Persona is a profile of a customer segment.
type Persona struct {
	Entry
	Name        string
	Role        string
	Segment     string
	Avatar      string // a path under static/
	Quote       string
	Age         int
	Location    string
	Goals       []string
	Needs       []string
	PainPoints  []string
	Motivations []string
	Barriers    []string
	Channels    []string
	Tags        []string
	Journeys    []*Journey // every journey told from this persona's view

	avatarAt diag.Error
}

// MapType is the kind of a journey map.
type MapType string

// The four map types.
const (
	CurrentState     MapType = "current-state"
	FutureState      MapType = "future-state"
	DayInTheLife     MapType = "day-in-the-life"
	ServiceBlueprint MapType = "service-blueprint"
)

// MapTypes lists the map types in the order lists show them.
func MapTypes() []MapType {
	return []MapType{CurrentState, FutureState, DayInTheLife, ServiceBlueprint}
}

// Journey is a journey map (or, in Site.Templates, a blank one).
type Journey struct {
	Entry
	Title        string
	PersonaSlugs []string
	Personas     []*Persona // resolved PersonaSlugs, same order
	Type         MapType
	Summary      string
	Goal         string
	Owner        string
	Tags         []string
	CompareSlug  string
	Compare      *Journey // the paired as-is/to-be map, linked both ways
	LastReviewed time.Time
	ReviewEvery  Interval // the journey's own, else the site's
	Stages       []*Stage
	Lanes        []*Lane // custom lanes: the site's, then the journey's own ([[lane]])
	Cover        *Image  // cover and cover_alt; nil when none

	refs     journeyRefs
	owners   []string  // every team named, once (ownerNames)
	template bool      // read from templates/
	hidden   []string  // the built-in lanes the site hides (hide_lanes)
	addr     Addresses // where its downloads and print view are
	// leftovers are its template leftovers as last found (leftovers.go).
	leftovers *leftoverMemo
}

// journeyRefs remembers where cross-references stand, for located errors.
type journeyRefs struct {
	personas []diag.Error // Path, Line, Col of each persona slug
	compare  diag.Error
	reviewed diag.Error
}

// Stage is one column of a journey map.
type Stage struct {
	Index       int
	Name        string
	Description string
	Duration    string
	Emotion     map[string]float64 // by persona slug; "" when the journey has no persona
	Feeling     string
	Actions     []string
	// ActionDetails holds every action with its own emotion and personas
	// (see Action) when the file gives any action as a table; nil when
	// all are plain strings. It parallels Actions.
	ActionDetails []Action
	// EmotionFromActions is set when Emotion was not written but derived
	// from the actions' own emotions.
	EmotionFromActions bool
	Thoughts           []string
	Questions          []string
	PainPoints         []Item
	Opportunities      []Item
	DropOff            float64
	HasDropOff         bool
	Alert              bool // drop-off above the site's drop_off_alert
	Touchpoints        []*Touchpoint
	Metrics            []*Metric
	Blueprint          *Blueprint // nil when the stage has none
	// Custom are the stage's values of the journey's custom lanes, by
	// lane key; a lane the stage leaves blank has none.
	Custom map[string]*LaneValue
	Image  *Image // image and image_alt: the storyboard lane; nil when none
}

// Item is a pain point or an opportunity.
type Item struct {
	Text     string
	Owner    string
	Status   string // "", open, planned, in-progress, done
	Severity int    // 0 (unset), 1–3
	Scores          // value, business value, effort, confidence (scores.go)
	// Evidence is the research the item rests on: research pages of the
	// handbook and outside addresses, as written (evidence = [...]).
	Evidence []Evidence

	at place // where the item is written; none when made in Go
}

// Statuses lists the valid item statuses in workflow order.
func Statuses() []string { return []string{"open", "planned", "in-progress", "done"} }

// Touchpoint is a place where the customer meets the business.
type Touchpoint struct {
	Name        string
	Channel     string
	Kind        string // people, product, digital
	Owner       string
	Description string
	Emotion     float64
	HasEmotion  bool
	FailPoint   bool
}

// Kinds lists the valid touchpoint kinds.
func Kinds() []string { return []string{"people", "product", "digital"} }

// Metric is a measure taken at a stage.
type Metric struct {
	Name           string
	Unit           string
	Value          float64
	Target         float64
	HasValue       bool
	HasTarget      bool
	HigherIsBetter bool
}

// OffTarget reports whether the value misses the target.
func (m *Metric) OffTarget() bool {
	if !m.HasValue || !m.HasTarget {
		return false
	}
	if m.HigherIsBetter {
		return m.Value < m.Target
	}
	return m.Value > m.Target
}

// Blueprint holds a stage's service-blueprint layers; the customer-actions
// layer is the stage's Actions.
type Blueprint struct {
	Evidence   []string
	Frontstage []string
	Backstage  []string
	Support    []string
	Policies   []string
	FailPoints []string
	Wait       string
}

// Page is a handbook page, or the introduction of a section or list
// (an _index.md).
type Page struct {
	Entry
	Title       string
	Description string
	Weight      int
	Dir         string // slash path below content/, "" at the top
	IsIndex     bool   // an _index.md
	// Research is set on a research note: a page in content/research/
	// (research.go).
	Research *Research
}

// Section is a folder of handbook pages below content/.
type Section struct {
	Dir      string // e.g. "guides" or "guides/advanced"
	URL      string // e.g. "guides/"
	Title    string // from its _index.md, else the folder name
	Index    *Page  // its _index.md, or nil
	Pages    []*Page
	Sections []*Section
	Weight   int
}
