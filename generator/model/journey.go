package model

import (
	"fmt"
	"slices"
	"strings"

	"github.com/waymark-cx/waymark/generator/source"
)

func decodeJourney(d *decoder, e Entry, site *Config) *Journey {
	o := d.root("the journey's front matter")
	j := &Journey{
		Entry:   e,
		Title:   o.required("title"),
		Summary: o.str("summary"),
		Goal:    o.str("goal"),
		Owner:   o.word("owner"),
		Tags:    o.strs("tags"),
	}
	decodePersonaRefs(o, j)
	types := make([]string, 0, 4)
	for _, t := range MapTypes() {
		types = append(types, string(t))
	}
	j.Type = MapType(o.oneOf("type", types))
	if j.Type == "" || !slices.Contains(MapTypes(), j.Type) {
		j.Type = CurrentState
	}
	if j.CompareSlug = o.str("compare"); j.CompareSlug != "" {
		j.refs.compare = d.at("compare")
	}
	j.LastReviewed = o.date("last_reviewed")
	j.refs.reviewed = d.at("last_reviewed")
	j.ReviewEvery = o.interval("review_every")
	if j.ReviewEvery.IsZero() {
		j.ReviewEvery = site.ReviewEvery
	}
	decodeEntry(o, &j.Entry)
	j.Cover = decodeImage(o, "cover", "cover_alt", "cover")
	j.Lanes = append(slices.Clone(site.Lanes), decodeLanes(o, site.Lanes, true)...)
	j.hidden = site.HideLanes
	for i, so := range o.tables("stage") {
		j.Stages = append(j.Stages, decodeStage(so, i, j, site))
	}
	o.done()
	j.owners = ownerNames(j)
	return j
}

// OwnerNames lists the teams a journey names (its owner, its touchpoints'
// and items' owners, custom items lanes' included), each once, in the order met. The hub's index is made
// from them on every build, and a journey is decoded once while its file
// is unchanged, so the list is kept from decoding.
func (j *Journey) OwnerNames() []string {
	if j.owners == nil {
		return ownerNames(j) // a journey made other than by decoding
	}
	return j.owners
}

func ownerNames(j *Journey) []string {
	var names []string
	add := func(n string) {
		if n != "" && !slices.Contains(names, n) {
			names = append(names, n)
		}
	}
	add(j.Owner)
	for _, st := range j.Stages {
		for _, tp := range st.Touchpoints {
			add(tp.Owner)
		}
		for _, it := range st.PainPoints {
			add(it.Owner)
		}
		for _, it := range st.Opportunities {
			add(it.Owner)
		}
		for _, l := range j.Lanes {
			if v := st.Lane(l.Key); v != nil {
				for _, it := range v.Items {
					add(it.Owner)
				}
			}
		}
	}
	return names
}

func decodePersonaRefs(o *obj, j *Journey) {
	one := o.str("persona")
	many := o.strs("personas")
	if one != "" && len(many) > 0 {
		o.d.errorf("personas", `persona = "lan" names one persona, personas = ["lan", "minh"] several`, "use either persona or personas, not both")
	}
	if one != "" {
		j.PersonaSlugs = []string{one}
		j.refs.personas = append(j.refs.personas, o.d.at("persona"))
		return
	}
	for i, s := range many {
		if slices.Contains(j.PersonaSlugs, s) {
			o.d.errorf(source.Elem("personas", i), "", "persona %q is listed twice", s)
			continue
		}
		j.PersonaSlugs = append(j.PersonaSlugs, s)
		j.refs.personas = append(j.refs.personas, o.d.at(source.Elem("personas", i)))
	}
}

func decodeStage(o *obj, i int, j *Journey, site *Config) *Stage {
	s := &Stage{
		Index:       i,
		Name:        o.requiredWord("name"),
		Description: o.str("description"),
		Duration:    o.word("duration"),
		Feeling:     o.str("feeling"),
		Thoughts:    o.strs("thoughts"),
		Questions:   o.strs("questions"),
	}
	decodeActions(o, s, j)
	s.Emotion = decodeEmotion(o, j)
	deriveEmotion(s, j)
	s.PainPoints = decodeItems(o, painPoints)
	s.Opportunities = decodeItems(o, opportunities)
	if v, ok := o.num("drop_off"); ok {
		if !(v >= 0 && v <= 1) {
			o.d.errorf(o.key("drop_off"), "drop_off is a share from 0 to 1: 0.35 means 35% of customers leave here",
				"drop_off must be between 0 and 1, not %v", v)
		}
		s.DropOff, s.HasDropOff = v, true
		s.Alert = v > site.DropOffAlert
	}
	for _, to := range o.tables("touchpoint") {
		s.Touchpoints = append(s.Touchpoints, decodeTouchpoint(to))
	}
	for _, mo := range o.tables("metric") {
		s.Metrics = append(s.Metrics, decodeMetric(mo))
	}
	if bo := o.table("blueprint"); bo != nil {
		s.Blueprint = &Blueprint{
			Evidence:   bo.strs("evidence"),
			Frontstage: bo.strs("frontstage"),
			Backstage:  bo.strs("backstage"),
			Support:    bo.strs("support"),
			Policies:   bo.strs("policies"),
			FailPoints: bo.strs("fail_points"),
			Wait:       bo.str("wait"),
		}
		bo.done()
	}
	s.Custom = decodeLaneValues(o, j.Lanes)
	s.Image = decodeImage(o, "image", "image_alt", "image")
	o.done()
	return s
}

const emotionHint = "emotion is a score from 1 (very negative) to 5 (very positive)"

// decodeEmotion reads a score, or a table of scores by persona slug.
func decodeEmotion(o *obj, j *Journey) map[string]float64 {
	v, ok := o.get("emotion")
	if !ok {
		return nil
	}
	check := func(path string, f float64) bool {
		if !(f >= 1 && f <= 5) { // NaN too
			o.d.errorf(path, emotionHint, "emotion must be between 1 and 5, not %v", f)
			return false
		}
		return true
	}
	switch v := v.(type) {
	case int64, float64:
		f := toFloat(v)
		if !check(o.key("emotion"), f) {
			return nil
		}
		out := map[string]float64{}
		if len(j.PersonaSlugs) == 0 {
			out[""] = f
		}
		for _, p := range j.PersonaSlugs {
			out[p] = f
		}
		return out
	case map[string]any:
		out := map[string]float64{}
		for _, k := range sortedKeys(v) {
			path := source.Join(o.key("emotion"), k)
			at := slices.Index(j.PersonaSlugs, k)
			if at < 0 {
				hint := "this journey has no personas; set persona = \"…\" first"
				if len(j.PersonaSlugs) > 0 {
					hint = "this journey's personas: " + strings.Join(j.PersonaSlugs, ", ")
				}
				o.d.errorf(path, hint, "emotion for %q, who is not a persona of this journey", k)
				continue
			}
			f, isNum := toNumber(v[k])
			if !isNum {
				o.d.errorf(path, emotionHint, "emotion must be a number, not %s", describe(v[k]))
				continue
			}
			if check(path, f) {
				out[j.PersonaSlugs[at]] = f // the slug's own copy, see own
			}
		}
		return out
	}
	o.typeErr("emotion", v, "a number from 1 to 5 or a table by persona", "emotion = 4 or emotion = { lan = 4, minh = 2 }")
	return nil
}

func decodeItems(o *obj, k string) []Item {
	v, ok := o.get(k)
	if !ok {
		return nil
	}
	list, ok := v.([]any)
	if !ok {
		if s, isStr := v.(string); isStr {
			return []Item{{Text: own(s)}}
		}
		o.typeErr(k, v, "a list", fmt.Sprintf(`%s = ["…", { text = "…", owner = "…", status = "open", severity = 2 }]`, k))
		return nil
	}
	items := make([]Item, 0, len(list))
	at := o.key(k)
	for i, e := range list {
		path := source.Elem(at, i)
		switch e := e.(type) {
		case string:
			it := Item{Text: own(e)}
			o.d.itemAt(&it, k, path)
			items = append(items, it)
		case map[string]any:
			io := &obj{d: o.d, path: path, what: "this item", m: e, root: o.top()}
			it := Item{Text: io.required("text"), Owner: io.word("owner"), Status: io.oneOf("status", Statuses())}
			if sev, ok := io.integer("severity"); ok {
				if sev < 1 || sev > 3 {
					o.d.errorf(io.key("severity"), "severity is 1 (minor), 2 (major) or 3 (critical)", "severity must be 1, 2 or 3, not %d", sev)
				}
				it.Severity = sev
			}
			it.Scores = decodeScores(io)
			it.Evidence = decodeEvidence(io)
			io.done()
			o.d.itemAt(&it, k, path)
			items = append(items, it)
		default:
			o.d.errorf(path, `an item is a string or { text = "…", owner = "…", status = "open", severity = 2, value = 4, effort = 2, evidence = ["…"] }`,
				"%s must hold strings or tables, not %s", k, describe(e))
		}
	}
	return items
}

func decodeTouchpoint(o *obj) *Touchpoint {
	t := &Touchpoint{
		Name:        o.requiredWord("name"),
		Channel:     o.word("channel"),
		Kind:        o.oneOf("kind", Kinds()),
		Owner:       o.word("owner"),
		Description: o.str("description"),
		FailPoint:   o.boolean("fail_point", false),
	}
	if v, ok := o.num("emotion"); ok {
		if !(v >= 1 && v <= 5) {
			o.d.errorf(o.key("emotion"), emotionHint, "emotion must be between 1 and 5, not %v", v)
		}
		t.Emotion, t.HasEmotion = v, true
	}
	o.done()
	return t
}

func decodeMetric(o *obj) *Metric {
	m := &Metric{Name: o.requiredWord("name"), Unit: o.word("unit")}
	m.Value, m.HasValue = o.num("value")
	m.Target, m.HasTarget = o.num("target")
	m.HigherIsBetter = o.boolean("higher_is_better", true)
	o.done()
	return m
}

func toFloat(v any) float64 {
	f, _ := toNumber(v)
	return f
}

func toNumber(v any) (float64, bool) {
	switch v := v.(type) {
	case int64:
		return float64(v), true
	case float64:
		return v, true
	}
	return 0, false
}

func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
