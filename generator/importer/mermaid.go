package importer

import (
	"fmt"
	"math"
	"path"
	"slices"
	"strconv"
	"strings"

	"github.com/waymark-cx/waymark/generator/diag"
	"github.com/waymark-cx/waymark/generator/model"
	"github.com/waymark-cx/waymark/generator/slug"
)

// SitePersona is a persona a site already has, for actors to become.
type SitePersona struct {
	Slug string
	Name string
}

// Persona is a persona an imported journey names: one of the site's, or
// a new one (New) made from an actor, to be written as a persona file.
type Persona struct {
	Slug  string
	Name  string // the actor's name, as the diagram writes it
	New   bool
	Actor string
}

// Imported is a journey read from a Mermaid diagram, with what the import
// had to decide.
type Imported struct {
	Journey  *model.Journey
	Personas []Persona     // in the journey's order
	Warnings []*diag.Error // what Waymark could not hold as Mermaid has it, and what it did
	Notes    []string      // what the diagram says that has no key in a journey, for its text
}

// Mermaid reads a Mermaid journey diagram as Mermaid 11 does (see
// ReadMermaid) and makes it a journey:
//
//	journey
//	    title My working day
//	    section Go to work
//	      Make tea: 5: Me
//	      Do work: 1: Me, Cat
//
// Each section becomes a stage, each task one of its actions with its own
// score as its emotion and its actors as its personas; the stage's
// emotion is derived from them when the journey is built. Distinct actors
// (by exact name: Me and me are two) become distinct personas: a persona
// of the site whose name is the actor's, or whose slug is the actor's
// slug, else a new one (Persona.New). The title is the diagram's title,
// else its accTitle, else the file's name; accDescr is the summary.
//
// What Waymark cannot hold as Mermaid has it comes with a warning at its
// line: a score that is not a number (imported without one; "-" is how
// Waymark writes no score and needs no warning), scores outside 1–5
// (above 5 the diagram is read as scored out of 10), tasks before the
// first section (a stage of their own), an accTitle unlike the title.
func Mermaid(file string, src []byte, site []SitePersona) (*Imported, error) {
	d, err := ReadMermaid(file, src)
	if err != nil {
		return nil, err
	}
	c := &converter{file: file, d: d, site: site, out: &Imported{}}
	c.convert()
	return c.out, nil
}

type converter struct {
	file   string
	d      *MermaidDiagram
	site   []SitePersona
	out    *Imported
	actors map[string]string // actor name → persona slug
	warns  diag.List
	scale  float64 // 0: scores are kept; else out of 10
}

func (c *converter) warnf(line, col int, hint, format string, args ...any) {
	c.warns.Addf(c.file, line, col, hint, format, args...)
}

func (c *converter) convert() {
	d := c.d
	j := &model.Journey{Title: d.Title, Summary: d.AccDescr, Type: model.CurrentState}
	c.out.Journey = j
	switch {
	case j.Title == "" && d.AccTitle != "":
		j.Title = d.AccTitle
	case j.Title == "":
		j.Title = strings.TrimSuffix(path.Base(c.file), path.Ext(c.file))
		c.warnf(1, 1, "add a line `title …` after `journey`", "the diagram has no title: the journey is titled %q after its file", j.Title)
	case d.AccTitle != "" && d.AccTitle != d.Title:
		c.out.Notes = append(c.out.Notes, "Accessible title: "+d.AccTitle)
		c.warnf(1, 1, "Waymark's export writes the journey's title as accTitle", "accTitle %q differs from the title: it is kept in the journey's text", d.AccTitle)
	}
	c.actors = map[string]string{}
	c.pickScale()
	var pre *model.Stage
	for _, t := range d.Tasks {
		if t.Section >= 0 {
			break
		}
		if pre == nil {
			pre = &model.Stage{Name: t.Name}
			c.warnf(t.Line, t.Col, "add a line `section Stage name` above it",
				"task %q comes before the first section: it goes in a stage of its own, named after it", t.Name)
			j.Stages = append(j.Stages, pre)
		}
		c.addTask(j, pre, t)
	}
	for si, sec := range d.Sections {
		name := sec.Name
		if name == "" {
			name = "Section " + strconv.Itoa(si+1)
			c.warnf(sec.Line, 1, "", "section %d has no name: it is named %q", si+1, name)
		}
		stage := &model.Stage{Name: name}
		j.Stages = append(j.Stages, stage)
		for _, t := range d.Tasks {
			if t.Section == si {
				c.addTask(j, stage, t)
			}
		}
	}
	for i, s := range j.Stages {
		s.Index = i
		if !slices.ContainsFunc(s.ActionDetails, func(a model.Action) bool { return a.HasEmotion || len(a.Personas) > 0 }) {
			s.ActionDetails = nil
		}
	}
	c.out.Warnings = c.warns.Items()
}

// pickScale reads a diagram whose scores go above 5 as scored out of 10.
func (c *converter) pickScale() {
	for _, t := range c.d.Tasks {
		if !math.IsInf(t.Score, 0) && t.Score > 5 {
			c.scale = 10
			c.warnf(t.Line, t.ScoreCol, "Waymark's emotion scale is 1 (very negative) to 5 (very positive)",
				"score %s is above 5: the diagram is read as scored out of 10, and every score s becomes 1 + 0.4 × s (0 → 1, 5 → 3, 10 → 5)", t.ScoreText)
			return
		}
	}
}

// score is a task's score on Waymark's scale, if it has one.
func (c *converter) score(t MermaidTask) (float64, bool) {
	switch {
	case t.ScoreText == "-":
		return 0, false // Waymark's own export: no score
	case math.IsNaN(t.Score):
		c.warnf(t.Line, t.ScoreCol, "a score is a number: 1 (very negative) to 5 (very positive)",
			"score %q of task %q is not a number (Mermaid reads NaN): the action is imported without an emotion", t.ScoreText, t.Name)
		return 0, false
	}
	f := t.Score
	if c.scale == 10 && !math.IsInf(f, 0) {
		f = math.Round((1+0.4*f)*100) / 100
	}
	if f < 1 || f > 5 {
		to := math.Max(1, math.Min(5, f))
		c.warnf(t.Line, t.ScoreCol, "Waymark's emotion scale is 1 (very negative) to 5 (very positive)",
			"score %s of task %q is outside Waymark's scale: imported as %s", t.ScoreText, t.Name, strconv.FormatFloat(to, 'f', -1, 64))
		f = to
	}
	return f, true
}

func (c *converter) addTask(j *model.Journey, s *model.Stage, t MermaidTask) {
	if t.Extra != "" {
		c.warnf(t.Line, t.Col, "actors are separated by commas; a third colon ends what Mermaid reads",
			"Mermaid ignores %q after the third colon of task %q, and so does Waymark", t.Extra, t.Name)
	}
	var personas []string
	for _, a := range t.Actors {
		if a == "" {
			continue
		}
		p := c.persona(j, a)
		if !slices.Contains(personas, p) {
			personas = append(personas, p)
		}
	}
	f, ok := c.score(t)
	if t.Stage {
		if !ok {
			return
		}
		if s.Emotion == nil {
			s.Emotion = map[string]float64{}
		}
		if len(personas) == 0 {
			personas = []string{""}
		}
		for _, p := range personas {
			s.Emotion[p] = f
		}
		return
	}
	name := t.Name
	if name == "" {
		name = "Task"
		c.warnf(t.Line, t.Col, "", "a task has no name: it is named %q", name)
	}
	s.Actions = append(s.Actions, name)
	s.ActionDetails = append(s.ActionDetails, model.Action{Text: name, Emotion: f, HasEmotion: ok, Personas: personas})
}

// persona is the slug of the persona actor a becomes, the same for the
// same actor, another for another.
func (c *converter) persona(j *model.Journey, a string) string {
	if s, ok := c.actors[a]; ok {
		return s
	}
	taken := func(s string) bool {
		for _, p := range c.out.Personas {
			if p.Slug == s {
				return true
			}
		}
		return false
	}
	pick := func(match func(SitePersona) bool) string {
		for _, sp := range c.site {
			if match(sp) && !taken(sp.Slug) {
				return sp.Slug
			}
		}
		return ""
	}
	s := pick(func(sp SitePersona) bool { return sp.Name == a })
	if s == "" {
		s = pick(func(sp SitePersona) bool { return slug.Fold(sp.Name) == slug.Fold(a) })
	}
	if s == "" && slug.Make(a) != "" {
		s = pick(func(sp SitePersona) bool { return sp.Slug == slug.Make(a) })
	}
	p := Persona{Slug: s, Name: a, Actor: a}
	if s == "" {
		p.New = true
		p.Slug = c.newSlug(a, taken)
	}
	c.actors[a] = p.Slug
	c.out.Personas = append(c.out.Personas, p)
	j.PersonaSlugs = append(j.PersonaSlugs, p.Slug)
	return p.Slug
}

// newSlug is a slug no persona of the site or of this import has: the
// actor's own (Latin letters transliterated), else "persona" for a name
// in a script that has no ASCII slug, numbered when taken.
func (c *converter) newSlug(a string, taken func(string) bool) string {
	base := slug.Make(a)
	if base == "" {
		base = "persona"
	}
	used := func(s string) bool {
		return taken(s) || slices.ContainsFunc(c.site, func(sp SitePersona) bool { return sp.Slug == s })
	}
	s := base
	for n := 2; used(s); n++ {
		s = fmt.Sprintf("%s-%d", base, n)
	}
	return s
}

// clip shortens what an error quotes.
func clip(s string) string {
	if r := []rune(s); len(r) > 60 {
		return string(r[:57]) + "…"
	}
	return s
}
