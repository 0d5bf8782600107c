package export

import (
	"fmt"
	"strings"
	"time"

	"github.com/waymark-cx/waymark/generator/model"
)

// sourceFormat offers a journey's file as its author wrote it, comments
// and all, rather than Markdown(j): the download is for copying a map to
// start another.
func sourceFormat() Format {
	return Format{
		Ext: "md", MediaType: "text/markdown", ContentType: "text/markdown; charset=utf-8",
		Label: "download.source", Verbatim: true,
		Write: func(dst []byte, _ *model.Journey, in Input) []byte { return AppendHeld(dst, in.Source) },
	}
}

// AppendHeld is b appended to dst, or b itself when dst is nil: what a
// Format's Write, or a planned file's Bytes, gives of bytes it holds.
func AppendHeld(dst, b []byte) []byte {
	if dst == nil {
		return b
	}
	return append(dst, b...)
}

// Markdown writes j in the journey format: TOML front matter between +++
// lines, then j.Body. Keys come in the order of the format reference;
// empty ones are left out. [params] is not written.
func Markdown(j *model.Journey) []byte {
	var b strings.Builder
	w := &tomlWriter{b: &b}
	b.WriteString("+++\n")
	w.str("title", j.Title)
	switch len(j.PersonaSlugs) {
	case 0:
	case 1:
		w.str("persona", j.PersonaSlugs[0])
	default:
		w.list("personas", j.PersonaSlugs)
	}
	if j.Type != "" {
		w.str("type", string(j.Type))
	}
	w.str("summary", j.Summary)
	w.str("goal", j.Goal)
	w.str("owner", j.Owner)
	w.list("tags", j.Tags)
	w.str("compare", j.CompareSlug)
	if !j.LastReviewed.IsZero() {
		w.raw("last_reviewed", j.LastReviewed.Format(time.DateOnly))
	}
	if !j.ReviewEvery.IsZero() {
		w.str("review_every", j.ReviewEvery.String())
	}
	if j.Cover != nil {
		w.str("cover", j.Cover.Path)
		w.str("cover_alt", j.Cover.Alt)
	}
	for _, l := range j.Lanes {
		if !l.Journey {
			continue // the site's: declared in waymark.toml
		}
		b.WriteString("\n[[lane]]\n")
		w.str("key", l.Key)
		w.str("name", l.Name)
		w.str("kind", string(l.Kind))
		w.str("description", l.Description)
		w.str("after", l.After)
		if l.Kind == model.LaneScore && (l.Min != 1 || l.Max != 5) {
			w.raw("min", num(l.Min))
			w.raw("max", num(l.Max))
		}
	}
	for _, s := range j.Stages {
		b.WriteString("\n[[stage]]\n")
		w.str("name", s.Name)
		w.str("description", s.Description)
		w.str("duration", s.Duration)
		if !s.EmotionFromActions {
			w.emotion(j, s.Emotion)
		}
		w.str("feeling", s.Feeling)
		w.actions(s)
		w.list("thoughts", s.Thoughts)
		w.list("questions", s.Questions)
		w.items("pain_points", s.PainPoints)
		w.items("opportunities", s.Opportunities)
		if s.HasDropOff {
			w.raw("drop_off", num(s.DropOff))
		}
		for _, l := range j.Lanes {
			w.lane(l, s.Lane(l.Key))
		}
		if s.Image != nil {
			w.str("image", s.Image.Path)
			w.str("image_alt", s.Image.Alt)
		}
		w.indent = "  "
		for _, t := range s.Touchpoints {
			b.WriteString("\n  [[stage.touchpoint]]\n")
			w.str("name", t.Name)
			w.str("channel", t.Channel)
			w.str("kind", t.Kind)
			w.str("owner", t.Owner)
			if t.HasEmotion {
				w.raw("emotion", num(t.Emotion))
			}
			w.str("description", t.Description)
			if t.FailPoint {
				w.raw("fail_point", "true")
			}
		}
		for _, m := range s.Metrics {
			b.WriteString("\n  [[stage.metric]]\n")
			w.str("name", m.Name)
			if m.HasValue {
				w.raw("value", num(m.Value))
			}
			if m.HasTarget {
				w.raw("target", num(m.Target))
			}
			w.str("unit", m.Unit)
			if !m.HigherIsBetter {
				w.raw("higher_is_better", "false")
			}
		}
		if bp := s.Blueprint; bp != nil {
			b.WriteString("\n  [stage.blueprint]\n")
			w.list("evidence", bp.Evidence)
			w.list("frontstage", bp.Frontstage)
			w.list("backstage", bp.Backstage)
			w.list("support", bp.Support)
			w.list("policies", bp.Policies)
			w.list("fail_points", bp.FailPoints)
			w.str("wait", bp.Wait)
		}
		w.indent = ""
	}
	b.WriteString("+++\n")
	b.Write(j.Body)
	return []byte(b.String())
}

// lane writes a stage's value of a custom lane by its key.
func (w *tomlWriter) lane(l *model.Lane, v *model.LaneValue) {
	if v.Empty() {
		return
	}
	switch l.Kind {
	case model.LaneList:
		w.list(l.Key, v.List)
	case model.LaneText:
		w.str(l.Key, v.Text)
	case model.LaneItems:
		w.items(l.Key, v.Items)
	case model.LaneScore:
		w.raw(l.Key, num(v.Score))
	}
}

type tomlWriter struct {
	b      *strings.Builder
	indent string
}

func (w *tomlWriter) raw(k, v string) {
	w.b.WriteString(w.indent + k + " = " + v + "\n")
}

func (w *tomlWriter) str(k, v string) {
	if v != "" {
		w.raw(k, Quote(v))
	}
}

func (w *tomlWriter) list(k string, vs []string) {
	if len(vs) == 0 {
		return
	}
	q := make([]string, len(vs))
	for i, v := range vs {
		q[i] = Quote(v)
	}
	w.raw(k, "["+strings.Join(q, ", ")+"]")
}

func (w *tomlWriter) items(k string, its []model.Item) {
	if len(its) == 0 {
		return
	}
	q := make([]string, len(its))
	for i, it := range its {
		if it.Owner == "" && it.Status == "" && it.Severity == 0 && !it.Any() && len(it.Evidence) == 0 {
			q[i] = Quote(it.Text)
			continue
		}
		parts := []string{"text = " + Quote(it.Text)}
		if it.Owner != "" {
			parts = append(parts, "owner = "+Quote(it.Owner))
		}
		if it.Status != "" {
			parts = append(parts, "status = "+Quote(it.Status))
		}
		if it.Severity != 0 {
			parts = append(parts, fmt.Sprintf("severity = %d", it.Severity))
		}
		parts = append(parts, scoreParts(it)...)
		q[i] = "{ " + strings.Join(parts, ", ") + " }"
	}
	w.raw(k, "["+strings.Join(q, ", ")+"]")
}

// actions writes a stage's actions: a list of strings, or, when any has
// its own emotion or personas, one action a line.
func (w *tomlWriter) actions(s *model.Stage) {
	if s.ActionDetails == nil {
		w.list("actions", s.Actions)
		return
	}
	w.b.WriteString(w.indent + "actions = [\n")
	for i := range s.Actions {
		a := s.ActionAt(i)
		w.b.WriteString(w.indent + "  ")
		if !a.HasEmotion && len(a.Personas) == 0 {
			w.b.WriteString(Quote(a.Text) + ",\n")
			continue
		}
		parts := []string{"text = " + Quote(a.Text)}
		if a.HasEmotion {
			parts = append(parts, "emotion = "+num(a.Emotion))
		}
		if len(a.Personas) > 0 {
			q := make([]string, len(a.Personas))
			for k, p := range a.Personas {
				q[k] = Quote(p)
			}
			parts = append(parts, "personas = ["+strings.Join(q, ", ")+"]")
		}
		w.b.WriteString("{ " + strings.Join(parts, ", ") + " },\n")
	}
	w.b.WriteString(w.indent + "]\n")
}

// emotion writes one score when every persona has the same, else a table.
func (w *tomlWriter) emotion(j *model.Journey, e map[string]float64) {
	if len(e) == 0 {
		return
	}
	slugs := j.PersonaSlugs
	if len(slugs) == 0 {
		slugs = []string{""}
	}
	first, same, all := 0.0, true, true
	var parts []string
	for i, p := range slugs {
		f, ok := e[p]
		if !ok {
			all = false
			continue
		}
		if i == 0 {
			first = f
		} else if f != first {
			same = false
		}
		parts = append(parts, Quote(p)+" = "+num(f))
	}
	if len(parts) == 0 {
		return
	}
	if same && all {
		w.raw("emotion", num(first))
		return
	}
	w.raw("emotion", "{ "+strings.Join(parts, ", ")+" }")
}

// Quote writes s as a TOML basic string.
func Quote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"':
			b.WriteString(`\"`)
		case r == '\\':
			b.WriteString(`\\`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteString(`\t`)
		case r == '\r':
			b.WriteString(`\r`)
		case r < 0x20 || r == 0x7f || r == 0xfffd:
			if r == 0xfffd {
				b.WriteRune(r)
				continue
			}
			fmt.Fprintf(&b, `\u%04X`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// scoreParts are an item's scores and evidence as TOML keys.
func scoreParts(it model.Item) []string {
	var parts []string
	for _, s := range []struct {
		key string
		n   int
	}{{"value", it.Value}, {"business_value", it.BusinessValue}, {"effort", it.Effort}} {
		if s.n != 0 {
			parts = append(parts, fmt.Sprintf("%s = %d", s.key, s.n))
		}
	}
	if it.HasConfidence {
		parts = append(parts, "confidence = "+num(it.Confidence))
	}
	if len(it.Evidence) > 0 {
		q := make([]string, len(it.Evidence))
		for i, ev := range it.Evidence {
			q[i] = Quote(ev.Ref)
		}
		parts = append(parts, "evidence = ["+strings.Join(q, ", ")+"]")
	}
	return parts
}
