package render

import (
	"fmt"
	"html/template"
	"math"
	"reflect"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/waymark-cx/waymark/generator/hub"
	"github.com/waymark-cx/waymark/generator/model"
	"github.com/waymark-cx/waymark/generator/slug"
)

// funcs returns the template functions, bound to one site. The theme
// documentation (content/docs/theming.md) lists them.
func (e *Engine) funcs() template.FuncMap {
	return template.FuncMap{
		"url":               e.url,
		"absURL":            e.absURL,
		"t":                 e.translate,
		"date":              e.date,
		"isoDate":           func(t time.Time) string { return t.Format(time.DateOnly) },
		"percent":           e.nums.share,
		"num":               e.nums.num,
		"measure":           e.nums.measure,
		"hasPrefix":         strings.HasPrefix,
		"thousands":         e.thousands,
		"initials":          initials,
		"curve":             NewCurve,
		"pairCurve":         NewPairCurve,
		"stageScore":        stageScore,
		"delta":             delta,
		"signed":            e.nums.signed,
		"points":            func(share float64) float64 { return math.Round(share*1000) / 10 },
		"needsReview":       func(j *model.Journey) bool { return j.NeedsReview(e.site.Now) },
		"lane":              lane,
		"slug":              slug.Make,
		"join":              strings.Join,
		"add":               func(a, b int) int { return a + b },
		"dict":              dict,
		"list":              func(v ...any) []any { return v },
		"typeName":          func(t model.MapType) string { return e.translate("type." + string(t)) },
		"painPointsByStage": func(p *model.Persona) []model.StageItems { return e.site.PainPointsByStage(p) },
		"pairOf":            func(j *model.Journey) *hub.Pair { return e.hub.PairOf(j) },
		"first":             first,
		"previewLimit": func() int {
			_, n := e.site.Config.HubLimits()
			return n
		},
		"hasBlueprint": hasBlueprint,
	}
}

// first is the first n entries of a list, or all of it when it is
// shorter: {{range first 10 .Site.Personas}}.
func first(n int, list any) (any, error) {
	v := reflect.ValueOf(list)
	switch v.Kind() {
	case reflect.Slice:
	case reflect.Invalid:
		return list, nil // nil: ranging over it shows nothing
	default:
		return nil, fmt.Errorf("first: %T is not a list", list)
	}
	if n < 0 {
		n = 0
	}
	if n >= v.Len() {
		return list, nil
	}
	return v.Slice(0, n).Interface(), nil
}

// url turns a path relative to the site root into a link that works under
// the base path: "personas/lan/" → "/cx-handbook/personas/lan/".
func (e *Engine) url(p string) string {
	if strings.Contains(p, "://") || strings.HasPrefix(p, "//") || strings.HasPrefix(p, "mailto:") || strings.HasPrefix(p, "#") {
		return p
	}
	return e.site.Config.BasePath + strings.TrimPrefix(p, "/")
}

// absURL is url with the scheme and host of base_url, for feeds and
// sitemaps; with a path-only base_url it is the same as url.
func (e *Engine) absURL(p string) string {
	if strings.Contains(p, "://") {
		return p
	}
	return strings.TrimSuffix(e.site.Config.BaseURL, "/") + "/" + strings.TrimPrefix(p, "/")
}

// Translate is the UI string key in the site's language, with args
// put in its verbs; "[key]" when the strings lack it.
func (e *Engine) Translate(key string, args ...any) string { return e.translate(key, args...) }

func (e *Engine) translate(key string, args ...any) string {
	s, ok := e.strings[key]
	if !ok {
		return "[" + key + "]"
	}
	if len(args) > 0 {
		return fmt.Sprintf(s, args...)
	}
	return s
}

func (e *Engine) date(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	if e.site.Config.Language == "vi" {
		// The written form: "ngày 5 tháng 3 năm 2024".
		return fmt.Sprintf("ngày %d tháng %d năm %d", t.Day(), int(t.Month()), t.Year())
	}
	return t.Format("2 January 2006")
}

// percent formats a share for CSS (a width): 0.35 → "35%", 0.125 →
// "12.5%". Readers get numbers.share, in the site's language.
func percent(f float64) string {
	p := f * 100
	if math.Abs(p-math.Round(p)) < 1e-9 {
		return strconv.Itoa(int(math.Round(p))) + "%"
	}
	return strconv.FormatFloat(math.Round(p*10)/10, 'f', -1, 64) + "%"
}

// thousands writes a whole number with the language's thousands
// separator: 4000 → "4,000" (en), "4.000" (vi).
func (e *Engine) thousands(n int) string {
	sep := ","
	if e.site.Config.Language == "vi" {
		sep = "."
	}
	s := strconv.Itoa(n)
	neg := n < 0
	if neg {
		s = s[1:]
	}
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteString(sep)
		}
		b.WriteRune(c)
	}
	return b.String()
}

// stageScore is the mean emotion score of a stage over its personas,
// rounded to one decimal; 0 when the stage has no score.
func stageScore(s *model.Stage) float64 {
	if s == nil || len(s.Emotion) == 0 {
		return 0
	}
	sum := 0.0
	for _, v := range s.Emotion {
		sum += v
	}
	return math.Round(sum/float64(len(s.Emotion))*10) / 10
}

// delta is to − from, without the float noise of the subtraction:
// delta 0.35 0.27 is -0.08, not -0.07999999999999996. It takes whole
// numbers too (counts), so that templates need no conversion.
func delta(from, to any) (float64, error) {
	a, err := toFloat(from)
	if err != nil {
		return 0, err
	}
	b, err := toFloat(to)
	if err != nil {
		return 0, err
	}
	return math.Round((b-a)*1e6) / 1e6, nil
}

func toFloat(v any) (float64, error) {
	switch n := v.(type) {
	case float64:
		return n, nil
	case int:
		return float64(n), nil
	}
	return 0, fmt.Errorf("delta needs numbers, not %T", v)
}

// initials gives up to two capital letters for an avatar placeholder,
// from the name without the honorifics or titles it starts with: "L" for
// Chị Lan, "TC" for Dr. Tuấn Châu.
func initials(name string) string {
	words := strings.Fields(name)
	for len(words) > 1 && honorific(words[0]) {
		words = words[1:]
	}
	var out []rune
	for _, w := range words {
		r := []rune(w)
		if len(r) > 0 && unicode.IsLetter(r[0]) {
			out = append(out, unicode.ToUpper(r[0]))
		}
	}
	if len(out) > 2 {
		out = []rune{out[0], out[len(out)-1]}
	}
	return string(out)
}

// honorific reports whether a word is a form of address that may come
// before a name: Vietnamese kinship terms (as written, with their
// diacritics: Chi and Cô-less Co are names too) and English titles.
func honorific(w string) bool {
	switch strings.TrimSuffix(strings.ToLower(w), ".") {
	case "chị", "anh", "em", "cô", "chú", "bác", "ông", "bà", "cậu", "dì", "thầy", "mợ",
		"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "madam":
		return true
	}
	return false
}

// lane reports whether any stage of j has something in the named lane, so
// that templates can leave out empty rows; a lane the site hides
// (hide_lanes) has nothing.
func lane(j *model.Journey, name string) bool {
	if j.Hidden(name) {
		return false
	}
	for _, s := range j.Stages {
		var has bool
		switch name {
		case "description":
			has = s.Description != ""
		case "duration":
			has = s.Duration != ""
		case "actions":
			has = len(s.Actions) > 0
		case "thoughts":
			has = len(s.Thoughts) > 0
		case "questions":
			has = len(s.Questions) > 0
		case "touchpoints":
			has = len(s.Touchpoints) > 0
		case "emotion":
			has = len(s.Emotion) > 0 || s.Feeling != ""
		case "pain_points":
			has = len(s.PainPoints) > 0
		case "opportunities":
			has = len(s.Opportunities) > 0
		case "metrics":
			has = len(s.Metrics) > 0
		case "drop_off":
			has = s.HasDropOff
		case "blueprint":
			has = s.Blueprint != nil
		}
		if has {
			return true
		}
	}
	return false
}

// dict builds a map from key/value pairs, for passing several values to a
// partial: {{template "card" dict "Page" . "Journey" $j}}.
func dict(kv ...any) (map[string]any, error) {
	if len(kv)%2 != 0 {
		return nil, fmt.Errorf("dict needs key/value pairs")
	}
	m := make(map[string]any, len(kv)/2)
	for i := 0; i < len(kv); i += 2 {
		k, ok := kv[i].(string)
		if !ok {
			return nil, fmt.Errorf("dict keys must be strings")
		}
		m[k] = kv[i+1]
	}
	return m, nil
}
