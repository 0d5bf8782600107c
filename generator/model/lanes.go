package model

import (
	"fmt"
	"slices"
	"strings"

	"github.com/waymark-cx/waymark/generator/diag"
	"github.com/waymark-cx/waymark/generator/source"
)

// Lane is a row of the map that a site (waymark.toml) or a journey (its
// front matter) adds with [[lane]]: "Systems", "Employee actions",
// "KPIs". Each stage fills it by its key.
type Lane struct {
	Key         string // the stage key that fills it: systems = ["SAP"]
	Name        string // its label, in any language
	Kind        LaneKind
	Description string // a hint under its label
	After       string // the lane it follows, built-in or custom; "" after the last
	Min, Max    float64
	Journey     bool // declared by the journey rather than the site
}

// LaneKind is what a custom lane holds at each stage.
type LaneKind string

// The kinds of custom lanes.
const (
	LaneList  LaneKind = "list"  // strings: systems = ["SAP", "Zalo OA"]
	LaneText  LaneKind = "text"  // a short paragraph of Markdown
	LaneItems LaneKind = "items" // items like pain points: text, owner, status, severity
	LaneScore LaneKind = "score" // a number on the lane's scale (min–max, 1–5 unless set)
)

// LaneKinds lists the kinds of custom lanes.
func LaneKinds() []LaneKind { return []LaneKind{LaneList, LaneText, LaneItems, LaneScore} }

// BuiltinLanes are the map's own lanes, in the order the stage grid
// shows them: the names hide_lanes and a lane's after use.
func BuiltinLanes() []string {
	return []string{"actions", "thoughts", "questions", "touchpoints", "emotion", "pain_points", "opportunities", "metrics", "drop_off"}
}

// stageKeys are the keys a stage table has of its own: a custom lane may
// not take one.
func stageKeys() []string {
	return []string{"name", "description", "duration", "emotion", "feeling", "actions", "thoughts", "questions",
		"pain_points", "opportunities", "drop_off", "touchpoint", "touchpoints", "metric", "metrics", "blueprint", "lane", "params", "image", "image_alt"}
}

// LaneValue is what one stage holds in a custom lane; which field is set
// depends on the lane's kind.
type LaneValue struct {
	List     []string
	Text     string
	Items    []Item
	Score    float64
	HasScore bool
	at       place // where a text is written: its links are checked
}

// Pos is where a text lane's value is written: the line and column of
// its key, or, for a text that starts on the line after its key (a
// multi-line string), that line and column 0; 0, 0 for other kinds and
// values made in Go.
func (v *LaneValue) Pos() (line, col int) { return v.at.pos() }

// Empty reports whether the stage leaves the lane blank.
func (v *LaneValue) Empty() bool {
	return v == nil || (len(v.List) == 0 && v.Text == "" && len(v.Items) == 0 && !v.HasScore)
}

// Lane is the stage's value in the custom lane with that key; nil when
// the stage leaves it blank or the journey has no such lane. Themes call
// it as {{.Lane "systems"}}.
func (s *Stage) Lane(key string) *LaneValue {
	if v, ok := s.Custom[key]; ok {
		return v
	}
	return nil
}

// Row is a lane of the map in its place: a built-in one (Lane nil) or a
// custom one.
type Row struct {
	Key  string
	Lane *Lane
}

// Rows are the lanes of j's map in the order the grid shows them: the
// built-in ones the site does not hide, each custom lane after the lane
// its after names (custom lanes after the same lane in the order they are
// declared; a lane without after at the end).
func (j *Journey) Rows() []Row {
	rows := make([]Row, 0, len(BuiltinLanes())+len(j.Lanes))
	for _, k := range BuiltinLanes() {
		if !slices.Contains(j.hidden, k) {
			rows = append(rows, Row{Key: k})
		}
	}
	placed := map[string]bool{}
	for _, r := range rows {
		placed[r.Key] = true
	}
	// Lanes may follow lanes declared after them: place in rounds.
	for range len(j.Lanes) + 1 {
		progress := false
		for _, l := range j.Lanes {
			if placed[l.Key] {
				continue
			}
			at := len(rows)
			if l.After != "" {
				if !placed[l.After] && !slices.Contains(j.hidden, l.After) {
					continue
				}
				if i := slices.IndexFunc(rows, func(r Row) bool { return r.Key == l.After }); i >= 0 {
					at = i + 1
					for at < len(rows) && rows[at].Lane != nil && rows[at].Lane.After == l.After {
						at++ // after the lanes already placed after the same one
					}
				}
			}
			rows = slices.Insert(rows, at, Row{Key: l.Key, Lane: l})
			placed[l.Key] = true
			progress = true
		}
		if !progress {
			break
		}
	}
	return rows
}

// Hidden reports whether the site hides the built-in lane key.
func (j *Journey) Hidden(key string) bool { return slices.Contains(j.hidden, key) }

// plainKey reports whether k may be a lane's key: a TOML bare key in
// lower case, starting with a letter.
func plainKey(k string) bool {
	for i, r := range k {
		if !(r >= 'a' && r <= 'z' || i > 0 && (r >= '0' && r <= '9' || r == '_')) {
			return false
		}
	}
	return k != ""
}

// decodeLanes reads the [[lane]] tables of a document (waymark.toml, or a
// journey's front matter), given the lanes declared before them (the
// site's, for a journey). Every mistake is reported at its key.
func decodeLanes(o *obj, before []*Lane, journey bool) []*Lane {
	var lanes []*Lane
	var at []string // the key path of each lane's after
	all := slices.Clone(before)
	for _, lo := range o.tables("lane") {
		l := &Lane{
			Key:         lo.required("key"),
			Name:        lo.required("name"),
			Kind:        LaneKind(lo.oneOf("kind", laneKindNames())),
			Description: lo.str("description"),
			After:       lo.str("after"),
			Min:         1,
			Max:         5,
			Journey:     journey,
		}
		if _, ok := lo.m["kind"]; !ok {
			lo.d.errorf(lo.path, "kind is one of "+strings.Join(laneKindNames(), ", "), "[[lane]] %q needs a kind", l.Key)
		}
		lowest, hasMin := lo.num("min")
		highest, hasMax := lo.num("max")
		if (hasMin || hasMax) && l.Kind != LaneScore && l.Kind != "" {
			k := "min"
			if !hasMin {
				k = "max"
			}
			lo.d.errorf(lo.key(k), "only a score lane has a scale: kind = \"score\"", "lane %q is a %s lane: it has no %s", l.Key, l.Kind, k)
		}
		if hasMin {
			l.Min = lowest
		}
		if hasMax {
			l.Max = highest
		}
		if l.Min >= l.Max {
			lo.d.errorf(lo.key("max"), "a score lane's scale runs from min up to max, such as min = 1, max = 5", "lane %q: max (%v) must be above min (%v)", l.Key, l.Max, l.Min)
		}
		valid := false
		switch {
		case l.Key == "":
		case !plainKey(l.Key):
			lo.d.errorf(lo.key("key"), "a key is lower-case letters, digits and _, starting with a letter: employee_actions",
				"lane key %q is not a plain key", l.Key)
		case slices.Contains(stageKeys(), l.Key):
			lo.d.errorf(lo.key("key"), "choose another key: a stage's own keys are "+strings.Join(stageKeys(), ", "),
				"lane key %q is one of a stage's own keys", l.Key)
		case slices.ContainsFunc(all, func(p *Lane) bool { return p.Key == l.Key }):
			where := "above"
			if journey && slices.ContainsFunc(before, func(p *Lane) bool { return p.Key == l.Key }) {
				where = "in waymark.toml"
			}
			lo.d.errorf(lo.key("key"), "each lane has its own key; a journey uses the site's lanes without declaring them again",
				"lane key %q is declared %s already", l.Key, where)
		default:
			valid = true
		}
		lo.done()
		if valid { // a lane whose key is a mistake is left out: its values would be mistakes again
			lanes = append(lanes, l)
			at = append(at, lo.key("after"))
			all = append(all, l)
		}
	}
	// After may name a lane declared later in the same file.
	for i, l := range lanes {
		if l.After == "" || slices.Contains(BuiltinLanes(), l.After) || slices.ContainsFunc(all, func(p *Lane) bool { return p.Key == l.After }) {
			continue
		}
		known := append(BuiltinLanes(), laneKeys(all)...)
		o.d.errorf(at[i], "after names a lane: "+strings.Join(known, ", "),
			"lane %q comes after %q, which is no lane%s", l.Key, l.After, diag.DidYouMean(l.After, known))
	}
	return lanes
}

func laneKeys(lanes []*Lane) []string {
	keys := make([]string, len(lanes))
	for i, l := range lanes {
		keys[i] = l.Key
	}
	return keys
}

func laneKindNames() []string {
	var out []string
	for _, k := range LaneKinds() {
		out = append(out, string(k))
	}
	return out
}

// decodeLaneValues reads a stage's values of the journey's custom lanes.
func decodeLaneValues(o *obj, lanes []*Lane) map[string]*LaneValue {
	var out map[string]*LaneValue
	for _, l := range lanes {
		if _, ok := o.m[l.Key]; !ok {
			o.known = append(o.known, l.Key) // for "did you mean"
			continue
		}
		v := &LaneValue{}
		switch l.Kind {
		case LaneList:
			v.List = o.strs(l.Key)
		case LaneText:
			v.Text = o.str(l.Key)
			at := o.d.at(o.key(l.Key))
			v.at = placeOf(at.Line, at.Col)
			if o.d.doc.OpensBlock(at.Line) {
				v.at = placeOf(at.Line+1, 0) // the text starts on the next line, at its start
			}
		case LaneItems:
			v.Items = decodeItems(o, l.Key)
		case LaneScore:
			if f, ok := o.num(l.Key); ok {
				if f < l.Min || f > l.Max {
					o.d.errorf(o.key(l.Key), fmt.Sprintf("lane %q is scored from %v to %v", l.Name, l.Min, l.Max),
						"%s must be between %v and %v, not %v", l.Key, l.Min, l.Max, f)
				} else {
					v.Score, v.HasScore = f, true
				}
			}
		default:
			o.get(l.Key) // a lane of no kind is reported where it is declared
		}
		if out == nil {
			out = map[string]*LaneValue{}
		}
		out[l.Key] = v
	}
	return out
}

// decodeHideLanes reads hide_lanes: built-in lanes no map shows.
func decodeHideLanes(o *obj) []string {
	keys := o.strs("hide_lanes")
	for i, k := range keys {
		if !slices.Contains(BuiltinLanes(), k) {
			o.d.errorf(source.Elem(o.key("hide_lanes"), i), "hide_lanes names built-in lanes: "+strings.Join(BuiltinLanes(), ", "),
				"%q is no built-in lane%s", k, diag.DidYouMean(k, BuiltinLanes()))
		}
	}
	return keys
}

// HideLanes hides built-in lanes of a journey made by hand, not by New,
// as the site's hide_lanes does.
func (j *Journey) HideLanes(keys ...string) { j.hidden = keys }
