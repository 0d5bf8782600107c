package export

import (
	"bytes"
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
		Write: func(dst []byte, j *model.Journey, _ Input) []byte { return appendMermaid(dst, j) },
	}
}

// MermaidNoScore is what a task's score is when the journey has none:
// Mermaid reads it as NaN and draws no face; Waymark's import reads it
// back as no score.
const MermaidNoScore = "-"

// mermaidLegend is the comment that tells a reader (and Waymark's
// import) what Mermaid has no words for. Mermaid skips %% lines.
const mermaidLegend = `    %% waymark: a score "-" is no score; a task after "%% waymark: stage" is the stage's own emotion, not an action` + "\n"

// Mermaid writes j as a Mermaid "journey" diagram, one that Mermaid reads
// back as the same journey (generator/importer tests both ways):
//
//   - the title as title and accTitle, the summary as accDescr;
//   - a section per stage, and a task line per action, with the action's
//     own emotion as its score ("-" when it has none) and its personas, by
//     name, as its actors;
//   - a stage's own emotion (not derived from its actions) as tasks named
//     after the stage, one per score, each with the personas who gave it,
//     after a `%% waymark: stage` line; a persona without a score at a
//     stage has none written, and a stage without actions or emotion is
//     a bare section.
func Mermaid(j *model.Journey) []byte { return appendMermaid(nil, j) }

// appendMermaid appends Mermaid(j) to dst.
func appendMermaid(dst []byte, j *model.Journey) []byte {
	b := bytes.NewBuffer(dst)
	line := func(parts ...string) {
		for _, p := range parts {
			b.WriteString(p)
		}
		b.WriteByte('\n')
	}
	title := MermaidEscape(j.Title)
	line("journey")
	line("    title ", title)
	line("    accTitle: ", title)
	if j.Summary != "" {
		line("    accDescr: ", MermaidEscape(j.Summary))
	}
	b.WriteString(mermaidLegend)
	names := map[string]string{} // persona slug → actor name
	for _, s := range j.PersonaSlugs {
		names[s] = s
		if p := j.PersonaBySlug(s); p != nil && p.Name != "" {
			names[s] = p.Name
		}
	}
	actors := func(slugs []string) string {
		if len(slugs) == 0 {
			return ""
		}
		out := make([]string, len(slugs))
		for i, p := range slugs {
			out[i] = MermaidEscape(names[p])
		}
		return ": " + strings.Join(out, ", ")
	}
	for _, s := range j.Stages {
		name := MermaidEscape(s.Name)
		line("    section ", name)
		if !s.EmotionFromActions {
			for _, g := range scoreGroups(j, s) {
				line("      %% waymark: stage")
				line("      ", name, ": ", num(g.score), actors(g.personas))
			}
		}
		for i := range s.Actions {
			a := s.ActionAt(i)
			score := MermaidNoScore
			if a.HasEmotion {
				score = num(a.Emotion)
			}
			line("      ", MermaidEscape(a.Text), ": ", score, actors(a.Personas))
		}
	}
	return b.Bytes()
}

type scoreGroup struct {
	score    float64
	personas []string
}

// scoreGroups groups the personas of a stage by their score, in the order
// of the personas; a persona without a score at the stage is in none.
func scoreGroups(j *model.Journey, s *model.Stage) []scoreGroup {
	var groups []scoreGroup
	slugs := j.PersonaSlugs
	if len(slugs) == 0 {
		slugs = []string{""}
	}
	for _, p := range slugs {
		f, ok := s.Emotion[p]
		if !ok {
			continue
		}
		i := 0
		for i < len(groups) && groups[i].score != f {
			i++
		}
		if i == len(groups) {
			groups = append(groups, scoreGroup{score: f})
		}
		if p != "" {
			groups[i].personas = append(groups[i].personas, p)
		}
	}
	return groups
}

// mermaidEntities are the characters Mermaid's journey grammar gives a
// meaning (# starts a comment; : and ; end a task name or a statement; a
// comma separates actors; braces hold an accessible description), written
// as the numeric entities Mermaid decodes before drawing.
var mermaidEntities = strings.NewReplacer(
	"#", "#35;", "&", "#38;", "<", "#60;", ":", "#58;", ";", "#59;", ",", "#44;", "%", "#37;", "{", "#123;", "}", "#125;",
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
