package importer

import (
	"math"
	"slices"
	"strings"

	"github.com/waymark-cx/waymark/generator/diag"
	"github.com/waymark-cx/waymark/generator/export"
	"github.com/waymark-cx/waymark/generator/model"
	"github.com/waymark-cx/waymark/generator/slug"
)

const taskHint = "a task is written `Task name: 5: Actor, Actor`: a name, a score from 1 to 5 and, optionally, who does it"

// Mermaid reads a Mermaid journey diagram:
//
//	journey
//	    title My working day
//	    section Go to work
//	      Make tea: 5: Me
//	      Do work: 1: Me, Cat
//
// Each section becomes a stage and each task one of its actions. Actors
// become personas (by slug: "Me" → "me"), and a stage's emotion is, for
// each persona, the mean score of the tasks they are in (of all tasks when
// no task names an actor). A section whose only task is named like the
// section has no actions: that is how export.Mermaid writes a stage
// without any. Comments (%% …), directives, front matter (--- … ---) and
// accessibility titles are skipped; accDescr becomes the summary.
//
// personas, if not nil, maps the folded name of each persona of the site
// (slug.Fold("Sarah Chen")) to its slug ("sarah"), so that an actor named
// like a persona becomes that persona.
func Mermaid(path string, src []byte, personas map[string]string) (*model.Journey, error) {
	p := &mermaidParser{path: path, known: personas}
	p.parse(string(src))
	if p.errs.Len() > 0 {
		return nil, p.errs.Err()
	}
	return p.journey(), nil
}

type task struct {
	name   string
	score  float64
	actors []string // persona slugs
}

type section struct {
	name  string
	tasks []task
}

type mermaidParser struct {
	path     string
	errs     diag.List
	title    string
	summary  string
	sections []*section
	personas []string
	known    map[string]string // folded persona name → slug
}

func (p *mermaidParser) errorf(line, col int, hint, format string, args ...any) {
	p.errs.Addf(p.path, line, col, hint, format, args...)
}

func (p *mermaidParser) parse(src string) {
	src = strings.TrimPrefix(src, export.BOM)
	lines := strings.Split(src, "\n")
	seenHeader := false
	inFront, inDescr := false, false
	descrLine, descrCol := 0, 0
	var descr []string
	for i, raw := range lines {
		n := i + 1
		line := strings.TrimRight(raw, "\r")
		trimmed := strings.TrimSpace(line)
		col := len(line) - len(strings.TrimLeft(line, " \t")) + 1
		switch {
		case inFront:
			if trimmed == "---" {
				inFront = false
			} else if k, v, ok := strings.Cut(trimmed, ":"); ok && strings.TrimSpace(k) == "title" && p.title == "" {
				p.title = strings.Trim(strings.TrimSpace(v), `"'`)
			}
			continue
		case inDescr:
			before, _, closed := strings.Cut(line, "}")
			if s := strings.TrimSpace(before); s != "" {
				descr = append(descr, s)
			}
			if closed {
				inDescr = false
				p.summary = strings.Join(descr, " ")
			}
			continue
		case trimmed == "", strings.HasPrefix(trimmed, "%%"):
			continue
		case !seenHeader && trimmed == "---":
			inFront = true
			continue
		}
		trimmed = strings.TrimSpace(stripComment(trimmed))
		if trimmed == "" {
			continue
		}
		word, rest, _ := strings.Cut(trimmed, " ")
		lower := strings.ToLower(word)
		if !seenHeader {
			if lower != "journey" || strings.TrimSpace(rest) != "" {
				p.errorf(n, col, "waymark imports Mermaid user-journey diagrams, which start with the line `journey`",
					"expected `journey`, not %q", clip(trimmed))
				return
			}
			seenHeader = true
			continue
		}
		switch {
		case lower == "title":
			p.title = text(rest)
		case strings.HasPrefix(strings.ToLower(trimmed), "acctitle"):
			// An accessibility title: the diagram's title says the same.
		case strings.HasPrefix(strings.ToLower(trimmed), "accdescr"):
			after := strings.TrimSpace(trimmed[len("accdescr"):])
			switch {
			case strings.HasPrefix(after, ":"):
				p.summary = text(after[1:])
			case strings.HasPrefix(after, "{"):
				body, _, closed := strings.Cut(after[1:], "}")
				if s := strings.TrimSpace(body); s != "" {
					descr = append(descr, s)
				}
				if closed {
					p.summary = strings.Join(descr, " ")
				} else {
					inDescr, descrLine, descrCol = true, n, col
				}
			default:
				p.errorf(n, col, "write `accDescr: text` or `accDescr { text }`", "cannot read %q", clip(trimmed))
			}
		case lower == "section":
			name := text(rest)
			if name == "" {
				p.errorf(n, col, "write `section Stage name`", "a section needs a name")
				continue
			}
			p.sections = append(p.sections, &section{name: name})
		default:
			p.task(n, col, trimmed)
		}
	}
	if inDescr {
		p.errorf(descrLine, descrCol, "close it with `}`", "accDescr { is never closed")
	}
	if !seenHeader {
		p.errorf(1, 1, "a Mermaid user-journey diagram starts with the line `journey`", "this file has no diagram")
		return
	}
	if p.title == "" {
		p.errorf(1, 1, "add a line `title Buying on the marketplace` after `journey`", "the diagram has no title")
	}
	if len(p.sections) == 0 {
		p.errorf(1, 1, "each `section Name` line starts a stage", "the diagram has no sections")
	}
}

func (p *mermaidParser) task(n, col int, line string) {
	name, data, ok := strings.Cut(line, ":")
	if !ok {
		p.errorf(n, col, taskHint, "%q is not a title, a section or a task", clip(line))
		return
	}
	name = text(name)
	if name == "" {
		p.errorf(n, col, taskHint, "a task needs a name")
		return
	}
	if len(p.sections) == 0 {
		p.errorf(n, col, "add a line `section Stage name` above it: every stage of a journey has a name", "task %q is not in a section", name)
		return
	}
	scoreText, actorText, _ := strings.Cut(data, ":")
	scoreCol := col + len(line) - len(data)
	score, err := export.Score(scoreText)
	if strings.TrimSpace(scoreText) == "" {
		p.errorf(n, scoreCol, taskHint, "task %q has no score", name)
		return
	}
	if err != nil {
		p.errorf(n, scoreCol, "Waymark's emotion scale is 1 (very negative) to 5 (very positive); "+taskHint,
			"the score of task %q: %v", name, err)
		return
	}
	t := task{name: name, score: score}
	for a := range strings.SplitSeq(actorText, ",") {
		a = text(a)
		if a == "" {
			continue
		}
		s, ok := p.known[slug.Fold(a)]
		if !ok {
			s = slug.Make(a)
		}
		if s == "" {
			p.errorf(n, scoreCol, "an actor becomes a persona, named by a slug of its letters and digits", "actor %q gives an empty persona slug", a)
			continue
		}
		if !slices.Contains(t.actors, s) {
			t.actors = append(t.actors, s)
		}
		if !slices.Contains(p.personas, s) {
			p.personas = append(p.personas, s)
		}
	}
	sec := p.sections[len(p.sections)-1]
	sec.tasks = append(sec.tasks, t)
}

func (p *mermaidParser) journey() *model.Journey {
	j := &model.Journey{Title: p.title, Summary: p.summary, Type: model.CurrentState, PersonaSlugs: p.personas}
	for i, sec := range p.sections {
		s := &model.Stage{Index: i, Name: sec.name}
		if !(len(sec.tasks) > 0 && allNamed(sec.tasks, sec.name)) {
			for _, t := range sec.tasks {
				if !slices.Contains(s.Actions, t.name) {
					s.Actions = append(s.Actions, t.name)
				}
			}
		}
		s.Emotion = emotions(sec.tasks, p.personas)
		j.Stages = append(j.Stages, s)
	}
	return j
}

func allNamed(ts []task, name string) bool {
	for _, t := range ts {
		if t.name != name {
			return false
		}
	}
	return true
}

// emotions gives each persona the mean score of its tasks; with no
// personas, the mean of all tasks goes to "".
func emotions(ts []task, personas []string) map[string]float64 {
	if len(ts) == 0 {
		return nil
	}
	out := map[string]float64{}
	mean := func(keep func(t task) bool) (float64, bool) {
		sum, n := 0.0, 0
		for _, t := range ts {
			if keep(t) {
				sum += t.score
				n++
			}
		}
		if n == 0 {
			return 0, false
		}
		return math.Round(sum/float64(n)*100) / 100, true
	}
	if len(personas) == 0 {
		out[""], _ = mean(func(task) bool { return true })
		return out
	}
	for _, per := range personas {
		if f, ok := mean(func(t task) bool { return slices.Contains(t.actors, per) }); ok {
			out[per] = f
		}
	}
	return out
}

// stripComment cuts a line at a # that starts a Mermaid comment, keeping
// entities such as #58;.
func stripComment(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] != '#' {
			continue
		}
		end := strings.IndexByte(s[i:], ';')
		if end > 1 && end < 12 && isWord(s[i+1:i+end]) {
			i += end
			continue
		}
		return s[:i]
	}
	return s
}

func isWord(s string) bool {
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
			return false
		}
	}
	return true
}

// text is a title, section, task or actor with its entities decoded.
func text(s string) string {
	return strings.Join(strings.Fields(export.MermaidUnescape(s)), " ")
}

// clip shortens what an error quotes.
func clip(s string) string {
	if r := []rune(s); len(r) > 60 {
		return string(r[:57]) + "…"
	}
	return s
}
