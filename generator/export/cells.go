package export

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/waymark-cx/waymark/generator/diag"
	"github.com/waymark-cx/waymark/generator/model"
)

// sep separates an item's text from its details in a cell:
// "Prices unclear | owner: Pricing | status: open | severity: 2".
const sep = " | "

// oneLine keeps an item on its own line of a cell: line breaks inside it
// would make it two items.
func oneLine(s string) string {
	if !strings.ContainsAny(s, "\r\n") {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}

func num(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

// line builds a cell's line: a text, then its details after sep, in the
// language of w.
type line struct {
	strings.Builder
	w Words
}

// detail adds "key: value", the key in words (cellWords); with no value,
// key alone (a flag).
func (l *line) detail(key string, value ...string) {
	l.WriteString(sep)
	l.WriteString(l.w.Of(key))
	if len(value) > 0 {
		l.WriteString(": ")
		for _, v := range value {
			l.WriteString(v)
		}
	}
}

// FormatItem writes a pain point or opportunity as one line, its details
// in w's language (nil: English).
func FormatItem(it model.Item, w Words) string {
	l := line{w: w}
	l.Grow(len(it.Text) + 64)
	l.WriteString(oneLine(it.Text))
	if it.Owner != "" {
		l.detail("detail.owner", oneLine(it.Owner))
	}
	if it.Status != "" {
		l.detail("detail.status", w.Value("status", it.Status))
	}
	if it.Severity != 0 {
		l.detail("detail.severity", strconv.Itoa(it.Severity))
	}
	for _, s := range [...]struct {
		key string
		n   int
	}{{"detail.value", it.Value}, {"detail.business_value", it.BusinessValue}, {"detail.effort", it.Effort}} {
		if s.n != 0 {
			l.detail(s.key, strconv.Itoa(s.n))
		}
	}
	if it.HasConfidence {
		l.detail("detail.confidence", num(it.Confidence))
	}
	for i, ev := range it.Evidence {
		if i == 0 {
			l.detail("detail.evidence", oneLine(ev.Ref))
		} else {
			l.WriteString("; ")
			l.WriteString(oneLine(ev.Ref))
		}
	}
	return l.String()
}

// FormatTouchpoint writes a touchpoint as one line, its details in w's
// language (nil: English).
func FormatTouchpoint(t *model.Touchpoint, w Words) string {
	l := line{w: w}
	l.Grow(len(t.Name) + len(t.Channel) + len(t.Kind) + len(t.Owner) + len(t.Description) + 64)
	l.WriteString(oneLine(t.Name))
	add := func(k, v string) {
		if v != "" {
			l.detail(k, oneLine(v))
		}
	}
	add("detail.channel", t.Channel)
	if t.Kind != "" {
		add("detail.kind", w.Value("kind", t.Kind))
	}
	add("detail.owner", t.Owner)
	if t.HasEmotion {
		add("detail.emotion", num(t.Emotion))
	}
	if t.FailPoint {
		l.detail("detail.fail_point")
	}
	add("detail.description", t.Description)
	return l.String()
}

// FormatMetric writes a metric as one line, its details in w's language
// (nil: English).
func FormatMetric(m *model.Metric, w Words) string {
	l := line{w: w}
	l.Grow(len(m.Name) + len(m.Unit) + 64)
	l.WriteString(oneLine(m.Name))
	if m.HasValue {
		l.detail("detail.metric_value", num(m.Value))
	}
	if m.HasTarget {
		l.detail("detail.target", num(m.Target))
	}
	if m.Unit != "" {
		l.detail("detail.unit", oneLine(m.Unit))
	}
	if !m.HigherIsBetter {
		l.detail("detail.lower_is_better")
	}
	return l.String()
}

// details splits a line into its text and its details, "key: value",
// by key (cellWords): each of keys written in either language, and the
// flags (details without a value), which map to "".
func details(line string, keys, flags []string) (string, map[string]string, error) {
	parts := strings.Split(line, sep)
	text := strings.TrimSpace(parts[0])
	m := map[string]string{}
	for _, p := range parts[1:] {
		p = strings.TrimSpace(p)
		k, v, ok := strings.Cut(p, ":")
		if !ok {
			key := cellWord(k, flags...)
			if key == "" {
				return "", nil, unknownDetail(p, keys, flags)
			}
			m[key] = ""
			continue
		}
		key := cellWord(k, keys...)
		if key == "" {
			return "", nil, unknownDetail(strings.TrimSpace(k), keys, flags)
		}
		m[key] = strings.TrimSpace(v)
	}
	return text, m, nil
}

// unknownDetail reports a detail whose key, k, is none of keys or flags
// in either language.
func unknownDetail(k string, keys, flags []string) error {
	en, vi := cellSpellings(append(slices.Clone(keys), flags...)...)
	return fmt.Errorf("unknown detail %q%s (details are written key: value, the key one of %s; or in Vietnamese %s)",
		k, diag.DidYouMean(strings.ToLower(k), append(slices.Clone(en), vi...)), strings.Join(en, ", "), strings.Join(vi, ", "))
}

// valueOf reads one of Waymark's own values of a group in a cell
// (ParseValue), or says which it may be, in both languages.
func valueOf(group, s string) (string, error) {
	if v, ok := ParseValue(group, s); ok {
		return v, nil
	}
	en, vi := ValueSpellings(group)
	return "", fmt.Errorf("unknown %s %q%s (%s is %s; or in Vietnamese %s)", group, s,
		diag.DidYouMean(strings.ToLower(s), append(slices.Clone(en), vi...)), group, diag.OneOf(en), diag.OneOf(vi))
}

// ParseItem reads a line written by FormatItem.
func ParseItem(line string) (model.Item, error) {
	text, m, err := details(line, []string{"detail.owner", "detail.status", "detail.severity", "detail.value", "detail.business_value",
		"detail.effort", "detail.confidence", "detail.evidence"}, nil)
	if err != nil {
		return model.Item{}, err
	}
	it := model.Item{Text: text, Owner: m["detail.owner"]}
	if s := m["detail.status"]; s != "" {
		status, err := valueOf("status", s)
		if err != nil {
			return it, err
		}
		it.Status = status
	}
	if s, ok := m["detail.severity"]; ok {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 || n > 3 {
			return it, fmt.Errorf("severity must be 1, 2 or 3, not %q", s)
		}
		it.Severity = n
	}
	if err := parseScores(&it, m); err != nil {
		return it, err
	}
	return it, nil
}

// parseScores reads an item's scores and evidence from its details, as
// FormatItem writes them: "value: 4 | effort: 2 | evidence: a; https://…".
func parseScores(it *model.Item, m map[string]string) error {
	for _, k := range []struct {
		key, name string
		to        *int
	}{{"detail.value", "value", &it.Value}, {"detail.business_value", "business_value", &it.BusinessValue}, {"detail.effort", "effort", &it.Effort}} {
		s, ok := m[k.key]
		if !ok {
			continue
		}
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || n < 1 || n > 5 {
			return fmt.Errorf("%s must be a whole number from 1 to 5, not %q", k.name, s)
		}
		*k.to = n
	}
	if s, ok := m["detail.confidence"]; ok {
		f, err := Decimal(strings.TrimSpace(s))
		if err != nil || f < 0 || f > 1 {
			return fmt.Errorf("confidence must be a number from 0 to 1, not %q", s)
		}
		it.Confidence, it.HasConfidence = f, true
	}
	for _, r := range strings.Split(m["detail.evidence"], ";") {
		if r = strings.TrimSpace(r); r != "" {
			it.Evidence = append(it.Evidence, model.Evidence{Ref: r, URL: external(r), External: external(r) != ""})
		}
	}
	return nil
}

// external is ref when it is an outside address, else "".
func external(ref string) string {
	if strings.Contains(ref, "://") {
		return ref
	}
	return ""
}

// ParseTouchpoint reads a line written by FormatTouchpoint.
func ParseTouchpoint(line string) (*model.Touchpoint, error) {
	name, m, err := details(line, []string{"detail.channel", "detail.kind", "detail.owner", "detail.emotion", "detail.description"}, []string{"detail.fail_point"})
	if err != nil {
		return nil, err
	}
	t := &model.Touchpoint{Name: name, Channel: m["detail.channel"], Owner: m["detail.owner"], Description: m["detail.description"]}
	_, t.FailPoint = m["detail.fail_point"]
	if s := m["detail.kind"]; s != "" {
		kind, err := valueOf("kind", s)
		if err != nil {
			return nil, err
		}
		t.Kind = kind
	}
	if s, ok := m["detail.emotion"]; ok {
		f, err := DecimalScore(s)
		if err != nil {
			return nil, err
		}
		t.Emotion, t.HasEmotion = f, true
	}
	return t, nil
}

// ParseMetric reads a line written by FormatMetric.
func ParseMetric(line string) (*model.Metric, error) {
	name, m, err := details(line, []string{"detail.metric_value", "detail.target", "detail.unit"}, []string{"detail.lower_is_better"})
	if err != nil {
		return nil, err
	}
	met := &model.Metric{Name: name, Unit: m["detail.unit"], HigherIsBetter: true}
	_, lower := m["detail.lower_is_better"]
	met.HigherIsBetter = !lower
	for _, f := range []struct {
		key, name string
		v         *float64
		has       *bool
	}{{"detail.metric_value", "value", &met.Value, &met.HasValue}, {"detail.target", "target", &met.Target, &met.HasTarget}} {
		s, ok := m[f.key]
		if !ok {
			continue
		}
		v, err := metricNumber(s, met)
		if err != nil {
			return nil, fmt.Errorf("%s %w", f.name, err)
		}
		*f.v, *f.has = v, true
	}
	if !met.HasValue && !met.HasTarget {
		if err := numbersInName(name); err != nil {
			return nil, err
		}
	}
	return met, nil
}

// metricNumber reads a metric's value or target: a Decimal, which may
// end with the metric's unit ("120/tháng") or with % ("64%", which makes
// % the unit of a metric without one).
func metricNumber(s string, met *model.Metric) (float64, error) {
	orig := s
	s = strings.TrimSpace(s)
	if met.Unit != "" {
		s = strings.TrimSpace(strings.TrimSuffix(s, met.Unit))
	}
	if rest, ok := strings.CutSuffix(s, "%"); ok {
		if met.Unit != "" && met.Unit != "%" {
			return 0, fmt.Errorf("is a percentage, but the unit is %q", met.Unit)
		}
		met.Unit, s = "%", strings.TrimSpace(rest)
	}
	f, err := Decimal(s)
	var amb errAmbiguous
	if errors.As(err, &amb) {
		return 0, err
	}
	if err != nil {
		return 0, fmt.Errorf("must be a number, not %q", orig)
	}
	return f, nil
}

// Score reads an emotion score from 1 to 5.
func Score(s string) (float64, error) {
	f, err := Number(s)
	if err != nil {
		return 0, fmt.Errorf("emotion must be a number from 1 to 5, not %q", s)
	}
	if f < 1 || f > 5 {
		return 0, fmt.Errorf("emotion must be between 1 and 5, not %v", f)
	}
	return f, nil
}

// Number reads a finite number: TOML and JSON have no room for NaN.
func Number(s string) (float64, error) {
	f, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
		return 0, fmt.Errorf("not a number: %q", s)
	}
	return f, nil
}

// FormatAction writes an action as one line: its text, then its own
// emotion and personas, when it has them ("Pays | emotion: 2 | personas:
// lan, minh"), in w's language (nil: English).
func FormatAction(a model.Action, w Words) string {
	l := line{w: w}
	l.WriteString(oneLine(a.Text))
	if a.HasEmotion {
		l.detail("detail.emotion", num(a.Emotion))
	}
	if len(a.Personas) > 0 {
		l.detail("detail.personas", strings.Join(a.Personas, ", "))
	}
	return l.String()
}

// ParseAction reads a line written by FormatAction. A line whose parts
// after the first are not all "emotion:" or "personas:" is an action's
// text as it is, " | " and all.
func ParseAction(line string) (model.Action, error) {
	text, m, err := details(line, []string{"detail.emotion", "detail.personas"}, nil)
	if err != nil {
		return model.Action{Text: strings.TrimSpace(line)}, nil
	}
	a := model.Action{Text: text}
	if s, ok := m["detail.emotion"]; ok {
		f, err := DecimalScore(s)
		if err != nil {
			return a, err
		}
		a.Emotion, a.HasEmotion = f, true
	}
	for _, p := range strings.Split(m["detail.personas"], ",") {
		if p = strings.TrimSpace(p); p != "" {
			a.Personas = append(a.Personas, p)
		}
	}
	return a, nil
}
