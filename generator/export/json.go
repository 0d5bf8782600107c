package export

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"time"

	"github.com/waymark-cx/waymark/generator/model"
)

// Schema is the JSON Schema of the JSON export, published with every site
// as SchemaPath.
//
//go:embed journey.schema.json
var Schema []byte

// SchemaPath is where a site publishes Schema.
const SchemaPath = "schema/journey.schema.json"

// SchemaVersion is the version of the JSON export's shape. It changes
// when a field is renamed or removed, or when a file of the new shape
// would fail the old schema: version 2 added custom lanes ("lanes", and
// each stage's "lanes"), actions with their own emotion and personas, and
// items' scores and evidence, which version 1 (additionalProperties:
// false) refuses. The schema of version 1 stays published beside it
// (SchemaV1Path).
const SchemaVersion = 2

// SchemaV1 is the schema of version 1, for tools that pinned it.
//
//go:embed journey.v1.schema.json
var SchemaV1 []byte

// SchemaV1Path is where a site publishes SchemaV1.
const SchemaV1Path = "schema/journey.v1.schema.json"

// Doc is a journey in the JSON export. The field comments are repeated as
// descriptions in journey.schema.json.
type Doc struct {
	Schema       string       `json:"$schema,omitempty"`
	Version      int          `json:"version"`
	Slug         string       `json:"slug"`
	Title        string       `json:"title"`
	Type         string       `json:"type"`
	Template     bool         `json:"template,omitempty"`
	Personas     []PersonaRef `json:"personas"`
	Summary      string       `json:"summary,omitempty"`
	Goal         string       `json:"goal,omitempty"`
	Owner        string       `json:"owner,omitempty"`
	Tags         []string     `json:"tags,omitempty"`
	Compare      string       `json:"compare,omitempty"`
	LastReviewed string       `json:"last_reviewed,omitempty"` // 2026-09-01
	ReviewEvery  string       `json:"review_every,omitempty"`  // 90d
	Cover        string       `json:"cover,omitempty"`         // a path under static/
	CoverAlt     string       `json:"cover_alt,omitempty"`
	Lanes        []LaneDoc    `json:"lanes,omitempty"`
	Stages       []StageDoc   `json:"stages"`
}

// LaneDoc is a custom lane of the journey's map: the site's or its own.
type LaneDoc struct {
	Key         string   `json:"key"`
	Name        string   `json:"name"`
	Kind        string   `json:"kind"`
	Description string   `json:"description,omitempty"`
	After       string   `json:"after,omitempty"`
	Min         *float64 `json:"min,omitempty"` // a score lane's scale
	Max         *float64 `json:"max,omitempty"`
	Journey     bool     `json:"journey,omitempty"` // declared by the journey, not the site
}

// PersonaRef names a persona of the journey.
type PersonaRef struct {
	Slug string `json:"slug"`
	Name string `json:"name,omitempty"`
}

// StageDoc is a stage in the JSON export.
type StageDoc struct {
	Name          string          `json:"name"`
	Description   string          `json:"description,omitempty"`
	Duration      string          `json:"duration,omitempty"`
	Emotion       []ScoreDoc      `json:"emotion,omitempty"`
	Feeling       string          `json:"feeling,omitempty"`
	Actions       []any           `json:"actions,omitempty"` // a string, or an ActionDoc when the action has its own emotion or personas
	Thoughts      []string        `json:"thoughts,omitempty"`
	Questions     []string        `json:"questions,omitempty"`
	PainPoints    []ItemDoc       `json:"pain_points,omitempty"`
	Opportunities []ItemDoc       `json:"opportunities,omitempty"`
	DropOff       *float64        `json:"drop_off,omitempty"`
	Touchpoints   []TouchpointDoc `json:"touchpoints,omitempty"`
	Metrics       []MetricDoc     `json:"metrics,omitempty"`
	Blueprint     *BlueprintDoc   `json:"blueprint,omitempty"`
	Image         string          `json:"image,omitempty"` // its storyboard image, under static/
	ImageAlt      string          `json:"image_alt,omitempty"`
	// Lanes are the stage's values of the custom lanes, by key: strings
	// (list), a string (text), items (items) or a number (score).
	Lanes map[string]any `json:"lanes,omitempty"`
}

// ActionDoc is an action with its own emotion or personas (a Mermaid
// task's score and actors).
type ActionDoc struct {
	Text     string   `json:"text"`
	Emotion  *float64 `json:"emotion,omitempty"`
	Personas []string `json:"personas,omitempty"`
}

// ScoreDoc is one persona's emotion at a stage; Persona is empty when the
// journey has no persona.
type ScoreDoc struct {
	Persona string  `json:"persona,omitempty"`
	Score   float64 `json:"score"`
}

// ItemDoc is a pain point or an opportunity.
type ItemDoc struct {
	Text          string   `json:"text"`
	Owner         string   `json:"owner,omitempty"`
	Status        string   `json:"status,omitempty"`
	Severity      int      `json:"severity,omitempty"`
	Value         int      `json:"value,omitempty"`          // customer value, 1–5
	BusinessValue int      `json:"business_value,omitempty"` // 1–5
	Effort        int      `json:"effort,omitempty"`         // 1–5
	Confidence    *float64 `json:"confidence,omitempty"`     // 0–1
	Evidence      []string `json:"evidence,omitempty"`       // research notes' slugs and addresses, as written
}

// TouchpointDoc is a touchpoint.
type TouchpointDoc struct {
	Name        string   `json:"name"`
	Channel     string   `json:"channel,omitempty"`
	Kind        string   `json:"kind,omitempty"`
	Owner       string   `json:"owner,omitempty"`
	Emotion     *float64 `json:"emotion,omitempty"`
	Description string   `json:"description,omitempty"`
	FailPoint   bool     `json:"fail_point,omitempty"`
}

// MetricDoc is a metric.
type MetricDoc struct {
	Name           string   `json:"name"`
	Value          *float64 `json:"value,omitempty"`
	Target         *float64 `json:"target,omitempty"`
	Unit           string   `json:"unit,omitempty"`
	HigherIsBetter bool     `json:"higher_is_better"`
}

// BlueprintDoc holds a stage's service-blueprint layers.
type BlueprintDoc struct {
	Evidence   []string `json:"evidence,omitempty"`
	Frontstage []string `json:"frontstage,omitempty"`
	Backstage  []string `json:"backstage,omitempty"`
	Support    []string `json:"support,omitempty"`
	Policies   []string `json:"policies,omitempty"`
	FailPoints []string `json:"fail_points,omitempty"`
	Wait       string   `json:"wait,omitempty"`
}

// jsonFormat offers a journey to programs, in the published schema; a
// blank template too, as a starting point for tools.
func jsonFormat() Format {
	return Format{
		Ext: "json", MediaType: "application/json", ContentType: "application/json",
		Label: "download.json", Template: true,
		Write: func(dst []byte, j *model.Journey, in Input) []byte { return appendJSON(dst, j, in.SchemaURL) },
	}
}

// JSON writes j in the schema's shape, indented. schemaURL, if not empty,
// is written as "$schema" so that editors can check the file.
func JSON(j *model.Journey, schemaURL string) []byte { return appendJSON(nil, j, schemaURL) }

// appendJSON appends JSON(j, schemaURL) to dst: encoded after what dst
// holds, indented after that, and moved down over the encoding, so that
// a buffer used again makes the file with no other.
func appendJSON(dst []byte, j *model.Journey, schemaURL string) []byte {
	n := len(dst)
	b := bytes.NewBuffer(dst)
	// As json.Marshal writes it (HTML escaped too), and a newline.
	if err := json.NewEncoder(b).Encode(NewDoc(j, schemaURL)); err != nil {
		panic(err) // only finite numbers and strings: cannot happen
	}
	enc := b.Bytes()
	m := len(enc)
	// indent reads the encoding, where enc still holds it even if the
	// indented copy outgrows the buffer, and writes after it.
	out := indent(enc, enc[n:m-1])
	k := copy(out[n:], out[m:])
	return append(out[:n+k], '\n')
}

// NewDoc converts j to its JSON shape.
func NewDoc(j *model.Journey, schemaURL string) *Doc {
	d := &Doc{Schema: schemaURL, Version: SchemaVersion, Slug: j.Slug, Title: j.Title, Type: string(j.Type),
		Template: j.IsTemplate(), Personas: make([]PersonaRef, 0, len(j.PersonaSlugs)), Summary: j.Summary, Goal: j.Goal, Owner: j.Owner,
		Tags: j.Tags, Compare: j.CompareSlug, ReviewEvery: j.ReviewEvery.String(), Stages: make([]StageDoc, 0, len(j.Stages))}
	if d.Type == "" {
		d.Type = string(model.CurrentState)
	}
	if !j.LastReviewed.IsZero() {
		d.LastReviewed = j.LastReviewed.Format(time.DateOnly)
	}
	for _, slug := range j.PersonaSlugs {
		ref := PersonaRef{Slug: slug}
		if p := j.PersonaBySlug(slug); p != nil {
			ref.Name = p.Name
		}
		d.Personas = append(d.Personas, ref)
	}
	if j.Cover != nil {
		d.Cover, d.CoverAlt = j.Cover.Path, j.Cover.Alt
	}
	if len(j.Lanes) > 0 {
		d.Lanes = make([]LaneDoc, 0, len(j.Lanes))
	}
	for _, l := range j.Lanes {
		ld := LaneDoc{Key: l.Key, Name: l.Name, Kind: string(l.Kind), Description: l.Description, After: l.After, Journey: l.Journey}
		if l.Kind == model.LaneScore {
			ld.Min, ld.Max = ptr(l.Min), ptr(l.Max)
		}
		d.Lanes = append(d.Lanes, ld)
	}
	for _, s := range j.Stages {
		sd := StageDoc{Name: s.Name, Description: s.Description, Duration: s.Duration, Feeling: s.Feeling,
			Actions: actions(s), Thoughts: s.Thoughts, Questions: s.Questions,
			PainPoints: items(s.PainPoints), Opportunities: items(s.Opportunities)}
		for _, p := range emotionRows(j) {
			if f, ok := s.Emotion[p]; ok {
				sd.Emotion = append(sd.Emotion, ScoreDoc{Persona: p, Score: f})
			}
		}
		if s.HasDropOff {
			sd.DropOff = ptr(s.DropOff)
		}
		if len(s.Touchpoints) > 0 {
			sd.Touchpoints = make([]TouchpointDoc, 0, len(s.Touchpoints))
		}
		for _, t := range s.Touchpoints {
			td := TouchpointDoc{Name: t.Name, Channel: t.Channel, Kind: t.Kind, Owner: t.Owner, Description: t.Description, FailPoint: t.FailPoint}
			if t.HasEmotion {
				td.Emotion = ptr(t.Emotion)
			}
			sd.Touchpoints = append(sd.Touchpoints, td)
		}
		if len(s.Metrics) > 0 {
			sd.Metrics = make([]MetricDoc, 0, len(s.Metrics))
		}
		for _, m := range s.Metrics {
			md := MetricDoc{Name: m.Name, Unit: m.Unit, HigherIsBetter: m.HigherIsBetter}
			if m.HasValue {
				md.Value = ptr(m.Value)
			}
			if m.HasTarget {
				md.Target = ptr(m.Target)
			}
			sd.Metrics = append(sd.Metrics, md)
		}
		if b := s.Blueprint; b != nil {
			sd.Blueprint = &BlueprintDoc{Evidence: b.Evidence, Frontstage: b.Frontstage, Backstage: b.Backstage,
				Support: b.Support, Policies: b.Policies, FailPoints: b.FailPoints, Wait: b.Wait}
		}
		sd.Lanes = laneValues(j, s)
		if s.Image != nil {
			sd.Image, sd.ImageAlt = s.Image.Path, s.Image.Alt
		}
		d.Stages = append(d.Stages, sd)
	}
	return d
}

// actions are a stage's actions in their JSON shapes.
func actions(s *model.Stage) []any {
	out := make([]any, len(s.Actions))
	for i := range s.Actions {
		a := s.ActionAt(i)
		if !a.HasEmotion && len(a.Personas) == 0 {
			out[i] = a.Text
			continue
		}
		d := ActionDoc{Text: a.Text, Personas: a.Personas}
		if a.HasEmotion {
			d.Emotion = ptr(a.Emotion)
		}
		out[i] = d
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

func items(its []model.Item) []ItemDoc {
	if len(its) == 0 {
		return nil
	}
	out := make([]ItemDoc, 0, len(its))
	for _, it := range its {
		d := ItemDoc{Text: it.Text, Owner: it.Owner, Status: it.Status, Severity: it.Severity,
			Value: it.Value, BusinessValue: it.BusinessValue, Effort: it.Effort}
		if it.HasConfidence {
			d.Confidence = ptr(it.Confidence)
		}
		if len(it.Evidence) > 0 {
			d.Evidence = make([]string, len(it.Evidence))
			for i, ev := range it.Evidence {
				d.Evidence[i] = ev.Ref
			}
		}
		out = append(out, d)
	}
	return out
}

func ptr(f float64) *float64 { return &f }

// laneValues are a stage's values of j's custom lanes in their JSON
// shapes; nil when it fills none.
func laneValues(j *model.Journey, s *model.Stage) map[string]any {
	var out map[string]any
	for _, l := range j.Lanes {
		v := s.Lane(l.Key)
		if v.Empty() {
			continue
		}
		if out == nil {
			out = map[string]any{}
		}
		switch l.Kind {
		case model.LaneList:
			out[l.Key] = v.List
		case model.LaneText:
			out[l.Key] = v.Text
		case model.LaneItems:
			out[l.Key] = items(v.Items)
		case model.LaneScore:
			out[l.Key] = v.Score
		}
	}
	return out
}
