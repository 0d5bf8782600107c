package export

import (
	"math"
	"strconv"
	"strings"

	"github.com/waymark-cx/waymark/generator/model"
)

// mermaidFormat offers a journey as a diagram for wikis and slides. It
// is served as plain text so that a browser shows it instead of saving it.
func mermaidFormat() Format {
	return Format{
		Ext: "mmd", MediaType: "text/vnd.mermaid", ContentType: "text/plain; charset=utf-8",
		Label: "download.mermaid",
		Write: func(j *model.Journey, _ Input) []byte { return Mermaid(j) },
	}
}

// Mermaid writes j as a Mermaid "journey" diagram: the title, a section
// per stage and a task per customer action. A task's score is the stage's
// emotion, rounded to a whole number (Mermaid takes 0–5); its actors are
// the personas, by name. When the personas of a stage feel differently,
// each action is written once per score, with the personas who gave it;
// the importer merges them again. A stage with no action gets one task
// named after the stage, so that its score still shows.
func Mermaid(j *model.Journey) []byte {
	var b strings.Builder
	b.WriteString("journey\n")
	b.WriteString("    title " + MermaidEscape(j.Title) + "\n")
	names := map[string]string{} // persona slug → actor name
	for _, s := range j.PersonaSlugs {
		names[s] = s
		if p := j.PersonaBySlug(s); p != nil && p.Name != "" {
			names[s] = p.Name
		}
	}
	for _, s := range j.Stages {
		b.WriteString("    section " + MermaidEscape(s.Name) + "\n")
		groups := scoreGroups(j, s, names)
		tasks := s.Actions
		if len(tasks) == 0 {
			tasks = []string{s.Name}
		}
		for _, t := range tasks {
			for _, g := range groups {
				b.WriteString("      " + MermaidEscape(t) + ": " + strconv.Itoa(g.score))
				if len(g.actors) > 0 {
					b.WriteString(": " + strings.Join(g.actors, ", "))
				}
				b.WriteByte('\n')
			}
		}
	}
	return []byte(b.String())
}

type scoreGroup struct {
	score  int
	actors []string
}

// scoreGroups groups the personas of a stage by their rounded score, in
// the order of the personas. A stage without an emotion scores 3, the
// middle of the scale.
func scoreGroups(j *model.Journey, s *model.Stage, names map[string]string) []scoreGroup {
	var groups []scoreGroup
	slugs := j.PersonaSlugs
	if len(slugs) == 0 {
		slugs = []string{""}
	}
	for _, p := range slugs {
		score := 3
		if f, ok := s.Emotion[p]; ok {
			score = int(math.Round(f))
		}
		i := 0
		for i < len(groups) && groups[i].score != score {
			i++
		}
		if i == len(groups) {
			groups = append(groups, scoreGroup{score: score})
		}
		if p != "" {
			groups[i].actors = append(groups[i].actors, MermaidEscape(names[p]))
		}
	}
	return groups
}

// mermaidEntities are the characters Mermaid's journey grammar gives a
// meaning (# starts a comment; : and ; end a task name or a statement; a
// comma separates actors; braces hold an accessible description), written
// as the numeric entities Mermaid decodes before drawing.
var mermaidEntities = strings.NewReplacer(
	"#", "#35;", ":", "#58;", ";", "#59;", ",", "#44;", "%", "#37;", "{", "#123;", "}", "#125;",
	"\r\n", " ", "\n", " ", "\r", " ", "\t", " ",
)

// MermaidEscape makes s safe as a Mermaid title, section, task or actor.
// Text starting with a word the grammar reads as a statement (a task
// "title Hijacked" would retitle the diagram, "section X" start a
// stage; it ignores case) has its first letter written as an entity.
func MermaidEscape(s string) string {
	s = strings.TrimSpace(mermaidEntities.Replace(s))
	for _, k := range [...]string{"title", "section", "acctitle", "accdescr", "journey"} {
		if len(s) >= len(k) && strings.EqualFold(s[:len(k)], k) {
			return "#" + strconv.Itoa(int(s[0])) + ";" + s[1:]
		}
	}
	return s
}

// MermaidUnescape decodes the numeric entities (#35; or #x23;) and the
// few named ones (#amp;) Mermaid accepts, and turns <br> into a space.
func MermaidUnescape(s string) string {
	if !strings.ContainsAny(s, "#<") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '<' {
			if end := strings.IndexByte(s[i:], '>'); end > 0 && isBreak(s[i:i+end+1]) {
				b.WriteByte(' ')
				i += end
				continue
			}
		}
		if s[i] == '#' {
			if end := strings.IndexByte(s[i:], ';'); end > 1 && end < 12 {
				if r, ok := entity(s[i+1 : i+end]); ok {
					b.WriteRune(r)
					i += end
					continue
				}
			}
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

func isBreak(tag string) bool {
	t := strings.ToLower(strings.Join(strings.Fields(tag), ""))
	return t == "<br>" || t == "<br/>" || t == "</br>" || t == "</br/>"
}

func entity(name string) (rune, bool) {
	switch name {
	case "amp":
		return '&', true
	case "lt":
		return '<', true
	case "gt":
		return '>', true
	case "quot":
		return '"', true
	case "nbsp":
		return ' ', true
	}
	base, digits := 10, name
	if len(name) > 1 && (name[0] == 'x' || name[0] == 'X') {
		base, digits = 16, name[1:]
	}
	n, err := strconv.ParseUint(digits, base, 32)
	if err != nil || n == 0 || n > 0x10FFFF || (n >= 0xD800 && n <= 0xDFFF) {
		return 0, false
	}
	return rune(n), true
}
