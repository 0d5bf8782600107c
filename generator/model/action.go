package model

import (
	"math"
	"slices"
	"strings"

	"github.com/waymark-cx/waymark/generator/source"
)

// Action is one thing a customer does at a stage, as a table gives it:
//
//	actions = ["Sees an ad", { text = "Pays", emotion = 2, personas = ["lan"] }]
//
// A plain string has neither an emotion nor personas. An action's emotion
// is on the stage's scale (1–5); its personas are some of the journey's.
// This is what a Mermaid task holds: its own score and its actors.
type Action struct {
	Text       string
	Emotion    float64
	HasEmotion bool
	Personas   []string
}

const actionHint = `an action is a string or { text = "…", emotion = 4, personas = ["…"] }`

// decodeActions reads a stage's actions: its texts into Stage.Actions,
// and, when any is a table, every action into Stage.ActionDetails.
func decodeActions(o *obj, s *Stage, j *Journey) {
	v, ok := o.get("actions")
	if !ok {
		return
	}
	list, ok := v.([]any)
	if !ok {
		s.Actions = o.strs("actions")
		return
	}
	var details []Action
	anyTable := false
	for i, e := range list {
		path := source.Elem(o.key("actions"), i)
		switch e := e.(type) {
		case string:
			details = append(details, Action{Text: own(e)})
		case map[string]any:
			anyTable = true
			ao := &obj{d: o.d, path: path, what: "this action", m: e, root: o.top()}
			a := Action{Text: ao.required("text")}
			if f, ok := ao.num("emotion"); ok {
				if !(f >= 1 && f <= 5) {
					o.d.errorf(ao.key("emotion"), emotionHint, "emotion must be between 1 and 5, not %v", f)
				} else {
					a.Emotion, a.HasEmotion = f, true
				}
			}
			for k, p := range ao.strs("personas") {
				at := slices.Index(j.PersonaSlugs, p)
				switch {
				case at < 0:
					hint := "this journey has no personas; set personas = [\"…\"] first"
					if len(j.PersonaSlugs) > 0 {
						hint = "this journey's personas: " + strings.Join(j.PersonaSlugs, ", ")
					}
					o.d.errorf(source.Elem(ao.key("personas"), k), hint, "persona %q of this action is not a persona of this journey", p)
				case slices.Contains(a.Personas, j.PersonaSlugs[at]):
					o.d.errorf(source.Elem(ao.key("personas"), k), "", "persona %q is listed twice", p)
				default:
					a.Personas = append(a.Personas, j.PersonaSlugs[at])
				}
			}
			ao.done()
			details = append(details, a)
		default:
			o.d.errorf(path, actionHint, "actions must hold strings or tables, not %s", describe(e))
		}
	}
	s.Actions = make([]string, len(details))
	for i, a := range details {
		s.Actions[i] = a.Text
	}
	if anyTable {
		s.ActionDetails = details
	}
}

// ActionAt is the i-th action of s with its emotion and personas, if
// it has any.
func (s *Stage) ActionAt(i int) Action {
	if i < len(s.ActionDetails) {
		return s.ActionDetails[i]
	}
	return Action{Text: s.Actions[i]}
}

// deriveEmotion gives a stage without an emotion of its own one from its
// actions' emotions: for each persona, the mean of the actions they do,
// an action without personas counting for all of them.
func deriveEmotion(s *Stage, j *Journey) {
	if s.Emotion != nil || len(s.ActionDetails) == 0 {
		return
	}
	slugs := j.PersonaSlugs
	if len(slugs) == 0 {
		slugs = []string{""}
	}
	out := map[string]float64{}
	for _, p := range slugs {
		sum, n := 0.0, 0
		for _, a := range s.ActionDetails {
			if a.HasEmotion && (len(a.Personas) == 0 || slices.Contains(a.Personas, p)) {
				sum += a.Emotion
				n++
			}
		}
		if n > 0 {
			out[p] = math.Round(sum/float64(n)*100) / 100
		}
	}
	if len(out) > 0 {
		s.Emotion, s.EmotionFromActions = out, true
	}
}
