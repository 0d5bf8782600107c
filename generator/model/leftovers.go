package model

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/waymark-cx/waymark/generator/diag"
	"github.com/waymark-cx/waymark/generator/source"
)

// A journey started from a template (waymark new journey --template, or
// the template's file copied by hand) keeps the template's guidance until
// its author replaces it: prompts such as "What does the customer do?
// e.g. …", owners "Team?" and metrics with the template's value 0. Left
// in, they would be published as if they were findings. leftoverWarnings
// warns about each at its line, so that check --strict fails until every
// one is replaced.

// placeholders are the texts of every template: a journey's text equal
// to one of them, or starting with one of their prompts (the question
// before "e.g."/"VD:"), is a leftover, as is a metric still at a
// template metric's value 0.
type placeholders struct {
	texts   map[string]bool
	prompts map[string]bool
	zeros   map[[2]string]bool // name, unit of template metrics valued 0
}

// minPrompt is the shortest prompt matched by its start: "?" alone is
// too common a start for a real text.
const minPrompt = 8

func newPlaceholders(templates []*Journey) *placeholders {
	ph := &placeholders{texts: map[string]bool{}, prompts: map[string]bool{}, zeros: map[[2]string]bool{}}
	for _, t := range templates {
		eachText(t, func(_, s string) {
			ph.texts[s] = true
			if p, ok := prompt(s); ok {
				ph.prompts[p] = true
			}
		})
		for _, st := range t.Stages {
			for _, m := range st.Metrics {
				if m.HasValue && m.Value == 0 {
					ph.zeros[[2]string{m.Name, m.Unit}] = true
				}
			}
		}
	}
	return ph
}

// prompt is the question of a template text, before its example: "What
// do they do? e.g. …" → "What do they do?".
func prompt(s string) (string, bool) {
	for _, m := range [...]string{"VD:", "e.g.", "E.g.", "Ví dụ:"} { // where the example starts
		if i := strings.Index(s, m); i >= 0 {
			p := strings.TrimRight(s[:i], " (")
			return p, utf8.RuneCountInString(p) >= minPrompt
		}
	}
	return "", false
}

// leftover reports whether s is a template's text, or starts with one of
// their prompts and an example mark.
func (ph *placeholders) leftover(s string) bool {
	if ph.texts[s] {
		return true
	}
	p, ok := prompt(s)
	return ok && ph.prompts[p]
}

// eachText calls f with the key path and text of every text of j that a
// template fills with guidance. Stage names, channels and kinds are left
// out: a template's are meant to be kept.
func eachText(j *Journey, f func(path, s string)) {
	for _, kv := range [...]struct{ k, v string }{{"summary", j.Summary}, {"goal", j.Goal}, {"owner", j.Owner}} {
		if kv.v != "" {
			f(kv.k, kv.v)
		}
	}
	for i, st := range j.Stages {
		at := source.Elem("stage", i)
		for _, kv := range [...]struct{ k, v string }{{"description", st.Description}, {"duration", st.Duration}, {"feeling", st.Feeling}} {
			if kv.v != "" {
				f(source.Join(at, kv.k), kv.v)
			}
		}
		lists := [...]struct {
			k  string
			vs []string
		}{{"actions", st.Actions}, {"thoughts", st.Thoughts}, {"questions", st.Questions}}
		for _, l := range lists {
			for n, s := range l.vs {
				f(source.Elem(source.Join(at, l.k), n), s)
			}
		}
		for _, l := range [...]struct {
			k  string
			it []Item
		}{{"pain_points", st.PainPoints}, {"opportunities", st.Opportunities}} {
			for n, it := range l.it {
				f(source.Elem(source.Join(at, l.k), n), it.Text)
				if it.Owner != "" {
					f(source.Join(source.Elem(source.Join(at, l.k), n), "owner"), it.Owner)
				}
			}
		}
		for n, tp := range st.Touchpoints {
			tat := source.Elem(source.Join(at, "touchpoint"), n)
			for _, kv := range [...]struct{ k, v string }{{"name", tp.Name}, {"owner", tp.Owner}, {"description", tp.Description}} {
				if kv.v != "" {
					f(source.Join(tat, kv.k), kv.v)
				}
			}
		}
		if b := st.Blueprint; b != nil {
			bat := source.Join(at, "blueprint")
			for _, l := range [...]struct {
				k  string
				vs []string
			}{{"evidence", b.Evidence}, {"frontstage", b.Frontstage}, {"backstage", b.Backstage},
				{"support", b.Support}, {"policies", b.Policies}, {"fail_points", b.FailPoints}} {
				for n, s := range l.vs {
					f(source.Elem(source.Join(bat, l.k), n), s)
				}
			}
			if b.Wait != "" {
				f(source.Join(bat, "wait"), b.Wait)
			}
		}
	}
}

// leftoverWarnings warns about every template leftover in the site's
// journeys, each at its line.
func leftoverWarnings(site *Site) {
	if len(site.Templates) == 0 {
		return
	}
	var ph *placeholders // made when a journey is looked through
	for _, j := range site.Journeys {
		m := j.leftovers
		if m == nil || m.of != j || !slices.Equal(m.templates, site.Templates) {
			if ph == nil {
				ph = newPlaceholders(site.Templates)
			}
			m = &leftoverMemo{of: j, templates: slices.Clone(site.Templates), found: ph.in(j)}
			j.leftovers = m
		}
		if found := m.found; len(found) > 0 {
			site.Warnings = append(site.Warnings, leftovers(j, found, site.front)...)
		}
	}
}

// in finds the leftovers of j.
func (ph *placeholders) in(j *Journey) []leftoverAt {
	var found []leftoverAt
	eachText(j, func(path, s string) {
		if ph.leftover(s) {
			found = append(found, leftoverAt{path: path, text: s})
		}
	})
	for i, st := range j.Stages {
		for n, m := range st.Metrics {
			if m.HasValue && m.Value == 0 && ph.zeros[[2]string{m.Name, m.Unit}] {
				found = append(found, leftoverAt{path: source.Join(source.Elem(source.Join(source.Elem("stage", i), "metric"), n), "value"), metric: m.Name})
			}
		}
	}
	return found
}

// leftoverMemo is what leftoverWarnings found in a journey, against the
// templates it was looked through with. The model cache hands out the
// same journey and templates while their files are unchanged: the dev
// server looks through every text of every journey once, not on every
// edit (~27 ms of each rebuild at 1,000 journeys).
type leftoverMemo struct {
	of        *Journey
	templates []*Journey
	found     []leftoverAt
}

// leftoverAt is one leftover: a text at a key path, or a metric's value.
type leftoverAt struct {
	path, text, metric string
}

// leftovers locates a journey's leftovers: its front matter (front, for
// one released) is indexed again, for the few journeys that have any.
func leftovers(j *Journey, found []leftoverAt, front func(*Entry) []byte) []*diag.Error {
	text := j.Front
	if j.Released && front != nil {
		text = front(&j.Entry)
	}
	var ix *source.Index
	if text != nil {
		ix = source.NewIndex(text, j.frontLine)
	}
	out := make([]*diag.Error, 0, len(found))
	for _, l := range found {
		e := &diag.Error{Path: j.Path, Line: max(j.frontLine, 1), Col: 1}
		if ix != nil {
			e.Line, e.Col = ix.Pos(l.path)
		}
		where := leftoverWhere(j, l.path)
		if l.metric != "" {
			e.Msg = fmt.Sprintf("%smetric %q still has the template's value 0", where, l.metric)
			e.Hint = "set value to what you measured, or remove the value line until you have a measurement"
		} else {
			e.Msg = fmt.Sprintf("%s%s is still the template's placeholder %q", where, leftoverKey(l.path), clip(l.text, 60))
			e.Hint = "write what your research found in its place, or delete it"
		}
		out = append(out, e)
	}
	return out
}

// leftoverWhere names the stage a path is in: `stage "Pay": `.
func leftoverWhere(j *Journey, path string) string {
	var i int
	if _, err := fmt.Sscanf(path, "stage[%d]", &i); err == nil && i < len(j.Stages) {
		return fmt.Sprintf("stage %q: ", j.Stages[i].Name)
	}
	return ""
}

// leftoverKey is a path's key without the stage and element numbers:
// stage[1].touchpoint[0].owner → touchpoint owner.
func leftoverKey(path string) string {
	var parts []string
	for i, p := range strings.Split(path, ".") {
		if i == 0 && strings.HasPrefix(p, "stage[") {
			continue
		}
		if k, _, ok := strings.Cut(p, "["); ok {
			p = k
		}
		parts = append(parts, strings.ReplaceAll(p, "_", " "))
	}
	return strings.Join(parts, " ")
}

// clip shortens s to n characters, with "…".
func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n-1]) + "…"
}
