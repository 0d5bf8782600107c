package generator

import (
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"strings"

	"github.com/waymark-cx/waymark/bench/synth"
)

// propEdit is a kind of edit: do makes one and describes it, or returns
// "" when it cannot be made now.
type propEdit struct {
	name   string
	weight int
	do     func(s *propSite) string
}

// propRx finds the lines and items that edits change.
var propRx = struct {
	title, summary, tags, persona, personas, draft, owner, reviewed, typ, compare     *regexp.Regexp // journeys
	name, emotion, feeling, dropOff, stageDesc, status, itemOwner, severity, painText *regexp.Regexp // stages
	tpName, tpEmotion, tpFail, channel, tpOwner, target, value                        *regexp.Regexp // touchpoints, metrics
	avatar, quote, role, segment                                                      *regexp.Regexp // personas
	weight, desc, hubLimit, stages, baseURL, reviewEvery, language, link              *regexp.Regexp // pages, configuration
	scored, method, quotes                                                            *regexp.Regexp // scores and evidence, research notes
}{
	title:       regexp.MustCompile(`(?m)^title = "[^"\n]*"$`),
	summary:     regexp.MustCompile(`(?m)^summary = "[^"\n]*"$`),
	tags:        regexp.MustCompile(`(?m)^tags = \[[^\]\n]*\]$`),
	persona:     regexp.MustCompile(`(?m)^persona = "[^"\n]*"$`),
	personas:    regexp.MustCompile(`(?m)^personas = \[[^\]\n]*\]$`),
	draft:       regexp.MustCompile(`(?m)^draft = true\n`),
	owner:       regexp.MustCompile(`(?m)^owner = "[^"\n]*"$`),
	reviewed:    regexp.MustCompile(`(?m)^last_reviewed = [0-9-]+$`),
	dropOff:     regexp.MustCompile(`(?m)^drop_off = [0-9.]+$`),
	stageDesc:   regexp.MustCompile(`(?m)^description = "What happens[^"\n]*"$`),
	tpName:      regexp.MustCompile(`(?m)^  name = "Touchpoint[^"\n]*"$`),
	tpEmotion:   regexp.MustCompile(`(?m)^  kind = "[a-z]+"(\n  emotion = [0-9])?$`),
	tpFail:      regexp.MustCompile(`(?m)^  channel = "[^"\n]*"(\n  fail_point = true)?$`),
	target:      regexp.MustCompile(`(?m)^  target = [0-9.]+$`),
	painText:    regexp.MustCompile(`"Pain [^"\n]*"`),
	avatar:      regexp.MustCompile(`(?m)^avatar = "[^"\n]*"\n`),
	quote:       regexp.MustCompile(`(?m)^quote = "[^"\n]*"$`),
	reviewEvery: regexp.MustCompile(`(?m)^review_every = "[^"\n]*"\n`),
	language:    regexp.MustCompile(`(?m)^language = "[a-z]+"\n`),
	typ:         regexp.MustCompile(`(?m)^type = "[^"\n]*"$`),
	compare:     regexp.MustCompile(`(?m)^compare = "[^"\n]*"\n`),
	name:        regexp.MustCompile(`(?m)^name = "[^"\n]*"$`), // a stage's, or a persona's
	emotion:     regexp.MustCompile(`(?m)^emotion = [0-9.]+$`),
	feeling:     regexp.MustCompile(`(?m)^feeling = "[^"\n]*"$`),
	channel:     regexp.MustCompile(`(?m)^  channel = "[^"\n]*"$`),
	tpOwner:     regexp.MustCompile(`(?m)^  owner = "[^"\n]*"$`),
	status:      regexp.MustCompile(`status = "[a-z-]+"`),
	itemOwner:   regexp.MustCompile(`, owner = "[^"\n]*"`),
	severity:    regexp.MustCompile(`severity = [0-9]`),
	value:       regexp.MustCompile(`(?m)^  value = [0-9.]+$`),
	role:        regexp.MustCompile(`(?m)^role = "[^"\n]*"$`),
	segment:     regexp.MustCompile(`(?m)^segment = "[^"\n]*"$`),
	weight:      regexp.MustCompile(`(?m)^weight = [0-9]+$`),
	desc:        regexp.MustCompile(`(?m)^description = "[^"\n]*"\n`),
	hubLimit:    regexp.MustCompile(`(?m)^hub_limit = [0-9-]+\n`),
	stages:      regexp.MustCompile(`(?m)^stages = \[[^\]\n]*\]$`),
	baseURL:     regexp.MustCompile(`(?m)^base_url = "[^"\n]*"$`),
	link:        regexp.MustCompile(`\]\(/[^)\n]*\)`),
	scored:      regexp.MustCompile(`severity = [0-9](, value = [0-9], effort = [0-9](, confidence = 0\.[0-9])?)?(, evidence = \[[^\]\n]*\])?`),
	method:      regexp.MustCompile(`(?m)^method = "[^"\n]*"$`),
	quotes:      regexp.MustCompile(`(?m)^quotes = \[[^\n]*\]$`),
}

// propStageEdits change a stage of a map: a journey's or a template's.
func propStageEdits() []func(s *propSite, p string) string {
	return []func(s *propSite, p string) string{
		func(s *propSite, p string) string {
			return s.set(p, propRx.emotion, "emotion = "+s.word("1", "2", "3", "4", "5", "3.5"))
		},
		func(s *propSite, p string) string {
			return s.set(p, propRx.feeling, fmt.Sprintf(`feeling = "%s %d"`, s.word("Calm", "Lost", "Annoyed", "Happy"), s.next()))
		},
		func(s *propSite, p string) string {
			return s.set(p, propRx.channel, fmt.Sprintf(`  channel = "%s"`, s.word("Website", "Email", "Store", "Phone", "App")))
		},
		func(s *propSite, p string) string {
			return s.set(p, propRx.tpOwner, fmt.Sprintf(`  owner = "Team %d"`, s.r.IntN(6)))
		},
		func(s *propSite, p string) string {
			return s.set(p, propRx.status, `status = "`+s.word("open", "planned", "in-progress", "done")+`"`)
		},
		func(s *propSite, p string) string {
			return s.set(p, propRx.itemOwner, `, owner = "`+s.word("Support", "Product", "Team 1", "Logistics")+`"`)
		},
		func(s *propSite, p string) string {
			return s.set(p, propRx.severity, "severity = "+s.word("1", "2", "3"))
		},
		func(s *propSite, p string) string { // an item's scores and evidence, or none
			item := "severity = " + s.word("1", "2", "3")
			if s.r.IntN(3) > 0 {
				item += fmt.Sprintf(", value = %d, effort = %d", 1+s.r.IntN(5), 1+s.r.IntN(5))
				if s.r.IntN(2) == 0 {
					item += fmt.Sprintf(", confidence = 0.%d", s.r.IntN(10))
				}
			}
			if notes := s.list("content/research/"); len(notes) > 0 && s.r.IntN(2) == 0 {
				item += `, evidence = ["` + propSlug(s.pick(notes, "")) + `", "https://example.com/study"]`
			}
			return s.set(p, propRx.scored, item)
		},
		func(s *propSite, p string) string {
			return s.set(p, propRx.value, fmt.Sprintf("  value = %d", s.r.IntN(40)))
		},
		func(s *propSite, p string) string {
			return s.set(p, propRx.name, fmt.Sprintf(`name = "%s"`, s.word("Awareness", "Consideration", "Decision", "Retention", "Advocacy", "Onboarding")))
		},
		func(s *propSite, p string) string {
			return s.set(p, propRx.dropOff, "drop_off = "+s.word("0.1", "0.35", "0.5", "0.05"))
		},
		func(s *propSite, p string) string {
			return s.set(p, propRx.stageDesc, fmt.Sprintf(`description = "What happens now %d."`, s.next()))
		},
		func(s *propSite, p string) string {
			return s.set(p, propRx.tpName, fmt.Sprintf(`  name = "Touchpoint %d"`, s.r.IntN(16)))
		},
		func(s *propSite, p string) string { // a touchpoint's own emotion, or none
			kind := `  kind = "` + s.word("digital", "people", "product") + `"`
			if s.r.IntN(2) == 0 {
				kind += "\n  emotion = " + s.word("1", "3", "5")
			}
			return s.set(p, propRx.tpEmotion, kind)
		},
		func(s *propSite, p string) string {
			line := `  channel = "` + s.word("Website", "Email", "Store") + `"`
			if s.r.IntN(2) == 0 {
				line += "\n  fail_point = true"
			}
			return s.set(p, propRx.tpFail, line)
		},
		func(s *propSite, p string) string {
			return s.set(p, propRx.target, fmt.Sprintf("  target = %d", 10+s.r.IntN(20)))
		},
		func(s *propSite, p string) string {
			return s.set(p, propRx.painText, fmt.Sprintf(`"Pain %s"`, s.word("slow", "rude", "late", "lost")))
		},
		func(s *propSite, p string) string { // add a stage
			front, body := splitFront(s.files[p])
			n := s.next()
			stage := fmt.Sprintf(`
[[stage]]
name = "Extra %d"
emotion = %d
feeling = "Surprised"
pain_points = [{ text = "Extra pain %d", owner = "Support", status = "open", severity = 1 }]

  [[stage.touchpoint]]
  name = "Touchpoint %d"
  channel = "Phone"
  owner = "Team %d"

  [[stage.metric]]
  name = "Satisfaction"
  value = %d
  target = 30
`, n, 1+s.r.IntN(5), n, s.r.IntN(14), s.r.IntN(6), s.r.IntN(40))
			s.put(p, front[:len(front)-4]+stage+"+++\n"+body)
			return p + ": a stage added"
		},
		func(s *propSite, p string) string { // remove a stage
			front, body := splitFront(s.files[p])
			starts := propStageStarts(front)
			if len(starts) < 2 {
				return ""
			}
			k := s.r.IntN(len(starts))
			end := len(front) - 4
			if k+1 < len(starts) {
				end = starts[k+1]
			}
			s.put(p, front[:starts[k]]+front[end:]+body)
			return fmt.Sprintf("%s: stage %d of %d removed", p, k+1, len(starts))
		},
	}
}

func propStageStarts(front string) []int {
	var out []int
	for i := 0; ; {
		j := strings.Index(front[i:], "\n[[stage]]\n")
		if j < 0 {
			return out
		}
		out = append(out, i+j+1)
		i += j + 1
	}
}

// propJourneyEdits change a journey's front matter beyond its stages.
func propJourneyEdits() []func(s *propSite, p string) string {
	return []func(s *propSite, p string) string{
		func(s *propSite, p string) string {
			return s.set(p, propRx.title, fmt.Sprintf(`title = "%s journey %d"`, s.word("A", "The", "Zebra", "Ärger"), s.next()))
		},
		func(s *propSite, p string) string {
			return s.set(p, propRx.summary, fmt.Sprintf(`summary = "Summary %d."`, s.next()))
		},
		func(s *propSite, p string) string {
			var tags []string
			for range s.r.IntN(4) {
				t := `"` + s.word("bench", "tag-1", "tag-2", "VIP", "Self service", "self-service", "Returns") + `"`
				if !slices.Contains(tags, t) {
					tags = append(tags, t)
				}
			}
			return s.set(p, propRx.tags, "tags = ["+strings.Join(tags, ", ")+"]")
		},
		func(s *propSite, p string) string {
			return s.set(p, propRx.persona, `persona = "`+propSlug(s.pick(s.list("content/personas/"), ""))+`"`)
		},
		func(s *propSite, p string) string {
			return s.set(p, propRx.typ, `type = "`+s.word("current-state", "future-state", "day-in-the-life", "service-blueprint")+`"`)
		},
		func(s *propSite, p string) string {
			return s.set(p, propRx.owner, fmt.Sprintf(`owner = "Team %d"`, s.r.IntN(6)))
		},
		func(s *propSite, p string) string { // due for review, or not
			return s.set(p, propRx.reviewed, "last_reviewed = "+s.word("2026-10-01", "2026-01-15", "2025-06-30", "2026-11-20"))
		},
		func(s *propSite, p string) string { // several personas, or one
			ps := s.list("content/personas/")
			if propRx.draft.MatchString(s.files[p]) || len(ps) < 2 {
				return ""
			}
			s.r.Shuffle(len(ps), func(i, j int) { ps[i], ps[j] = ps[j], ps[i] })
			line := `persona = "` + propSlug(ps[0]) + `"`
			if s.r.IntN(2) == 0 {
				line = `personas = ["` + propSlug(ps[0]) + `", "` + propSlug(ps[1]) + `"]`
			}
			text := propRx.personas.ReplaceAllString(propRx.persona.ReplaceAllString(s.files[p], line), line)
			s.put(p, text)
			return p + ": " + line
		},
		func(s *propSite, p string) string { // a draft, or not: only a journey no page links to
			if propRx.draft.MatchString(s.files[p]) {
				s.put(p, propRx.draft.ReplaceAllString(s.files[p], ""))
				return p + ": no longer a draft"
			}
			if s.linked(p) || len(s.published()) < 6 {
				return ""
			}
			return s.set(p, propRx.title, "draft = true\n"+propRx.title.FindString(s.files[p]))
		},
		func(s *propSite, p string) string { // pair it, or unpair it
			if propRx.compare.MatchString(s.files[p]) {
				s.put(p, propRx.compare.ReplaceAllString(s.files[p], ""))
				return p + ": compare removed"
			}
			other := propSlug(s.pick(s.list("content/journeys/"), p))
			return s.set(p, propRx.typ, `compare = "`+other+`"`+"\n"+`type = "future-state"`)
		},
	}
}

// bodyEdit changes the text below a content file's front matter.
func (s *propSite) bodyEdit(p string) string {
	front, body := splitFront(s.files[p])
	var what string
	switch s.r.IntN(4) {
	case 0:
		what = fmt.Sprintf("paragraph %d added", s.next())
		body += "\n" + what + ".\n"
	case 1: // a link changed, or added
		l := s.link()
		if m := propRx.link.FindAllStringIndex(body, -1); len(m) > 0 {
			at := m[s.r.IntN(len(m))]
			body = body[:at[0]] + l[strings.Index(l, "]"):] + body[at[1]:]
			what = "a link now to " + l
		} else {
			body += "\nSee " + l + ".\n"
			what = "a link to " + l + " added"
		}
	case 2:
		what = "a heading"
		body += fmt.Sprintf("\n## Note %d\n\nNoted.\n", s.next())
	default: // as many bytes as before
		i := strings.IndexAny(body, "abcdefghijklmnopqrstuvwxyz")
		if i < 0 {
			return ""
		}
		c := byte('a' + s.r.IntN(26))
		body = body[:i] + string(c) + body[i+1:]
		what = fmt.Sprintf("a letter now %q, same size", c)
	}
	_, was := splitFront(s.files[p])
	s.bodies[p] = append(s.bodies[p], was)
	s.lastBody = p
	s.put(p, front+body)
	return p + ": body: " + what
}

// undo gives the file p (a random one if "") a body it had before, as
// an editor's undo or a git checkout does: the Builder has seen it.
func (s *propSite) undo(p string) string {
	if p == "" {
		var files []string
		for p := range s.bodies {
			if _, ok := s.files[p]; ok {
				files = append(files, p)
			}
		}
		slices.Sort(files)
		if p = s.pick(files, ""); p == "" {
			return ""
		}
	}
	if _, ok := s.files[p]; !ok {
		return ""
	}
	front, cur := splitFront(s.files[p])
	// Mostly the body before the last edit, as an editor's undo.
	bodies := s.bodies[p]
	old := bodies[len(bodies)-1]
	if s.r.IntN(3) == 0 {
		old = bodies[s.r.IntN(len(bodies))]
	}
	if old == cur {
		return ""
	}
	for _, l := range propRx.link.FindAllString(old, -1) {
		if !s.target(l[2 : len(l)-1]) {
			return "" // it links to a page that is gone
		}
	}
	s.bodies[p] = append(s.bodies[p], cur)
	s.put(p, front+old)
	return p + ": an earlier body"
}

// target reports whether a link to the site path url may be made now.
func (s *propSite) target(url string) bool {
	if url == "/journeys/" {
		return true
	}
	for p := range s.files {
		if strings.HasPrefix(p, "content/") && propURL(p) == url {
			return !strings.HasPrefix(p, "content/journeys/") || slices.Contains(s.published(), p)
		}
	}
	return false
}

// propEdits are the valid edits, by how often an author makes them.
func propEdits() []propEdit {
	return append(propFieldEdits(), []propEdit{
		{"new file", 5, func(s *propSite) string {
			n := s.next()
			var p, text string
			switch s.r.IntN(5) {
			case 0, 1:
				p = fmt.Sprintf("content/journeys/new-journey-%d.md", n)
				text = propRx.persona.ReplaceAllString(synth.Journey(100+n, propertyJourneys, "New."),
					`persona = "`+propSlug(s.pick(s.list("content/personas/"), ""))+`"`)
				text = propRx.title.ReplaceAllString(text, fmt.Sprintf(`title = "New journey %d"`, n))
			case 2:
				p = fmt.Sprintf("content/personas/new-persona-%d.md", n)
				text = propRx.name.ReplaceAllString(synth.Persona(n), fmt.Sprintf(`name = "New persona %d"`, n))
			case 3:
				p = fmt.Sprintf("templates/new-template-%d.md", n)
				text = propRx.title.ReplaceAllString(s.files["templates/workshop.md"], fmt.Sprintf(`title = "Template %d"`, n))
				if text == "" {
					return ""
				}
			default:
				p = s.word("content/handbook/", "content/", "content/handbook/deep/", fmt.Sprintf("content/section-%d/", n)) + fmt.Sprintf("page-%d.md", n)
				text = fmt.Sprintf("+++\ntitle = \"Page %d\"\nweight = %d\n+++\nAbout %s.\n", n, s.r.IntN(4), s.link())
				if dir := path.Dir(p); !s.hasDir(dir) {
					s.touched(dir) // the watcher reports the new folder too
				}
			}
			s.put(p, text)
			return p
		}},
		{"research", 4, propResearchEdit},
		{"rename", 4, func(s *propSite) string {
			var from string
			switch s.r.IntN(3) {
			case 0:
				from = s.pick(s.list("content/journeys/"), "")
			case 1:
				from = s.pick(s.list("content/personas/"), "")
			default:
				from = s.pick(s.handbook(false), "")
			}
			if from == "" {
				return ""
			}
			to := path.Dir(from) + fmt.Sprintf("/renamed-%d.md", s.next())
			text := s.files[from]
			s.remove(from)
			s.put(to, text)
			s.retarget(from, to)
			return from + " → " + to
		}},
		{"delete", 5, func(s *propSite) string {
			var p string
			switch s.r.IntN(4) {
			case 0:
				if len(s.published()) > 6 {
					js := s.list("content/journeys/")
					p = s.pick(js, "")
				}
			case 1:
				if ps := s.list("content/personas/"); len(ps) > 1 {
					p = s.pick(ps, "")
				}
			case 2:
				p = s.pick(s.list("templates/"), "")
			default:
				if hs := s.handbook(false); len(hs) > 2 {
					p = s.pick(hs, "")
				}
			}
			if p == "" {
				return ""
			}
			s.remove(p)
			s.retarget(p, "")
			return p
		}},
	}...)
}

// propResearchEdit adds a research note, or changes one: its title
// (which item cards show), its method, its quotes or its body.
func propResearchEdit(s *propSite) string {
	notes := s.list("content/research/")
	p := s.pick(notes, "")
	switch k := s.r.IntN(5); {
	case k == 0 || p == "":
		n := s.next()
		p = fmt.Sprintf("content/research/note-%d.md", n)
		if !s.hasDir("content/research") {
			s.touched("content/research")
		}
		s.put(p, fmt.Sprintf("+++\ntitle = \"Research %d\"\nmethod = \"Interviews\"\ndate = 2026-0%d-1%d\nparticipants = %d\nquotes = [\"Quote %d\"]\n+++\nWhat we learnt.\n",
			n, 1+s.r.IntN(9), s.r.IntN(10), 1+s.r.IntN(20), n))
		return p + ": a research note"
	case k == 1:
		return s.set(p, propRx.title, fmt.Sprintf(`title = "Research now %d"`, s.next()))
	case k == 2:
		return s.set(p, propRx.method, `method = "`+s.word("Survey", "Interviews", "Diary study")+`"`)
	case k == 3:
		return s.set(p, propRx.quotes, fmt.Sprintf(`quotes = ["Said %d", { text = "Also %d", who = "Lan" }]`, s.next(), s.next()))
	}
	return s.bodyEdit(p)
}

// hasDir reports whether any file the test knows is below dir.
func (s *propSite) hasDir(dir string) bool {
	for p := range s.files {
		if strings.HasPrefix(p, dir+"/") {
			return true
		}
	}
	return false
}

// propFieldEdits change what is in files, leaving every file where it is.
func propFieldEdits() []propEdit {
	return []propEdit{
		{"stage", 20, func(s *propSite) string {
			edits := propStageEdits()
			return edits[s.r.IntN(len(edits))](s, s.pick(s.list("content/journeys/"), ""))
		}},
		{"journey", 12, func(s *propSite) string {
			edits := propJourneyEdits()
			return edits[s.r.IntN(len(edits))](s, s.pick(s.list("content/journeys/"), ""))
		}},
		{"journey notes", 10, func(s *propSite) string { return s.bodyEdit(s.pick(s.list("content/journeys/"), "")) }},
		{"persona", 8, func(s *propSite) string {
			p := s.pick(s.list("content/personas/"), "")
			switch s.r.IntN(6) {
			case 0:
				return s.set(p, propRx.name, fmt.Sprintf(`name = "%s %d"`, s.word("Anna", "Bảo", "Zoe", "Lan"), s.next()))
			case 1:
				return s.set(p, propRx.role, fmt.Sprintf(`role = "Role %d"`, s.next()))
			case 2:
				return s.set(p, propRx.segment, `segment = "`+s.word("B2B", "B2C", "Admin")+`"`)
			case 3:
				return s.set(p, propRx.quote, fmt.Sprintf(`quote = "Said %d."`, s.next()))
			case 4: // a picture from static/, or none
				text := propRx.avatar.ReplaceAllString(s.files[p], "")
				pics := s.filesBelow("static/img/")
				if len(pics) > 0 && s.r.IntN(3) > 0 {
					text = strings.Replace(text, "\n+++\n", "\n"+`avatar = "`+strings.TrimPrefix(s.pick(pics, ""), "static/")+`"`+"\n+++\n", 1)
				}
				s.put(p, text)
				return p + ": avatar " + propRx.avatar.FindString(text)
			}
			return s.bodyEdit(p)
		}},
		{"handbook page", 10, func(s *propSite) string {
			p := s.pick(s.handbook(true), "")
			switch s.r.IntN(4) {
			case 0:
				if d := s.set(p, propRx.title, fmt.Sprintf(`title = "%s %d"`, s.word("Guide", "Notes", "Älter"), s.next())); d != "" {
					return d
				}
			case 1:
				if d := s.set(p, propRx.weight, fmt.Sprintf("weight = %d", s.r.IntN(4))); d != "" {
					return d
				}
			}
			return s.bodyEdit(p)
		}},
		{"template", 4, func(s *propSite) string {
			p := s.pick(s.list("templates/"), "")
			if p == "" {
				return ""
			}
			if s.r.IntN(3) == 0 {
				return s.set(p, propRx.title, fmt.Sprintf(`title = "Template %d"`, s.next()))
			}
			edits := propStageEdits()
			return edits[s.r.IntN(len(edits))](s, p)
		}},
		{"config", 5, func(s *propSite) string {
			const p = "waymark.toml"
			switch s.r.IntN(8) {
			case 7:
				// A custom lane added, renamed, moved or removed: every map's
				// downloads (a CSV row, the JSON's lanes) change with it.
				text, _, _ := strings.Cut(s.files[p], "\n[[lane]]")
				text = strings.TrimRight(text, "\n") + "\n"
				if s.r.IntN(3) == 0 {
					s.put(p, text)
					return p + ": the lane removed"
				}
				lane := fmt.Sprintf("\n[[lane]]\nkey = \"systems\"\nname = \"Systems %d\"\nkind = \"%s\"\nafter = \"%s\"\n",
					s.next(), s.word("list", "text", "items", "score"), s.word("actions", "touchpoints", "drop_off"))
				s.put(p, text+lane)
				return p + ": a lane " + strings.ReplaceAll(strings.TrimSpace(lane), "\n", "; ")
			case 0:
				return s.set(p, propRx.title, fmt.Sprintf(`title = "Handbook %d"`, s.next()))
			case 5:
				line := "language = \"" + s.word("en", "vi") + "\"\n"
				s.put(p, aboveTables(propRx.language.ReplaceAllString(s.files[p], ""), line))
				return p + ": " + strings.TrimSpace(line)
			case 6:
				line := "review_every = \"" + s.word("30d", "90d", "400d") + "\"\n"
				s.put(p, aboveTables(propRx.reviewEvery.ReplaceAllString(s.files[p], ""), line))
				return p + ": " + strings.TrimSpace(line)
			case 1:
				text := propRx.desc.ReplaceAllString(s.files[p], "")
				line := ""
				if s.r.IntN(3) > 0 {
					line = fmt.Sprintf("description = \"Described %d\"\n", s.next())
				}
				s.put(p, aboveTables(text, line))
				return p + ": description " + strings.TrimSpace(line)
			case 2:
				st := synth.Stages()
				s.r.Shuffle(len(st), func(i, j int) { st[i], st[j] = st[j], st[i] })
				return s.set(p, propRx.stages, `stages = ["`+strings.Join(st[:2+s.r.IntN(4)], `", "`)+`"]`)
			case 3:
				line := "hub_limit = " + s.word("0", "1", "2", "3", "5", "200") + "\n"
				s.put(p, aboveTables(propRx.hubLimit.ReplaceAllString(s.files[p], ""), line))
				return p + ": " + strings.TrimSpace(line)
			}
			return s.set(p, propRx.baseURL, `base_url = "`+s.word("https://example.org/bench/", "/", "/docs/", "https://cx.example.com/")+`"`)
		}},
		{"theme override", 3, func(s *propSite) string {
			var p, text string
			if s.r.IntN(2) == 0 {
				p = "layouts/partials/journey-card.html"
				b, err := fs.ReadFile(propTheme(s.t), p)
				if err != nil {
					s.t.Fatal(err)
				}
				text = string(b) + fmt.Sprintf("<!-- site card %d -->", s.next())
			} else {
				p = "i18n/" + s.word("en", "vi") + ".toml"
				text = fmt.Sprintf("\"nav.home\" = \"Start %d\"\n", s.next())
			}
			// An override of the theme's templates or strings turns reuse off
			// while it is there: do not keep it long.
			if _, ok := s.files[p]; ok && s.r.IntN(4) > 0 {
				s.remove(p)
				return p + " removed"
			}
			s.put(p, text)
			return p
		}},
		{"static file", 5, func(s *propSite) string {
			switch s.r.IntN(4) {
			case 0:
				s.put("static/css/site.css", fmt.Sprintf("body { margin: %dpx }\n", s.next()))
				return "static/css/site.css"
			case 1: // the site's stylesheet in place of the theme's
				const p = "static/css/waymark.css"
				if _, ok := s.files[p]; ok {
					s.remove(p)
					return p + " removed"
				}
				s.put(p, "body { color: red }\n")
				return p
			case 2:
				return s.linkedFile()
			}
			p := fmt.Sprintf("static/img/pic-%d.svg", s.r.IntN(3))
			if _, ok := s.files[p]; ok {
				if s.used(strings.TrimPrefix(p, "static/")) {
					return ""
				}
				s.remove(p)
				return p + " removed"
			}
			s.put(p, `<svg xmlns="http://www.w3.org/2000/svg"/>`)
			return p
		}},
		{"undo", 3, func(s *propSite) string { return s.undo("") }},
		{"saved unchanged", 2, func(s *propSite) string {
			ps := slices.Sorted(func(yield func(string) bool) {
				for p := range s.files {
					if !yield(p) {
						return
					}
				}
			})
			p := s.pick(ps, "")
			s.put(p, s.files[p])
			return p
		}},
	}
}

// propBreaks are edits that make the site invalid.
func propBreaks() []propEdit {
	return []propEdit{
		{"unclosed string", 1, func(s *propSite) string {
			return s.set(s.pick(s.published(), ""), propRx.title, `title = "Unclosed`)
		}},
		{"unknown persona", 1, func(s *propSite) string {
			return s.set(s.pick(s.published(), ""), propRx.persona, `persona = "nobody-at-all"`)
		}},
		{"emotion out of range", 1, func(s *propSite) string {
			return s.set(s.pick(s.published(), ""), propRx.emotion, "emotion = 9")
		}},
		{"self-compare", 1, func(s *propSite) string {
			p := s.pick(s.published(), "")
			return s.set(p, propRx.typ, `compare = "`+propSlug(p)+`"`+"\n"+`type = "future-state"`)
		}},
		{"persona without a name", 1, func(s *propSite) string {
			return s.set(s.pick(s.list("content/personas/"), ""), propRx.name, "")
		}},
		{"missing avatar", 1, func(s *propSite) string {
			return s.set(s.pick(s.list("content/personas/"), ""), propRx.role, `role = "Gone"`+"\n"+`avatar = "img/none.svg"`)
		}},
		{"broken link in notes", 2, func(s *propSite) string {
			p := s.pick(append(s.published(), s.handbook(false)...), "")
			s.put(p, s.files[p]+"\nSee [gone](/journeys/no-such-journey/).\n")
			return p
		}},
		{"negative hub_limit", 1, func(s *propSite) string {
			s.put("waymark.toml", propRx.hubLimit.ReplaceAllString(s.files["waymark.toml"], "")+"hub_limit = -1\n")
			return "waymark.toml"
		}},
		{"template that does not parse", 1, func(s *propSite) string {
			s.put("layouts/partials/broken.html", "{{if}}")
			return "layouts/partials/broken.html"
		}},
	}
}

// aboveTables adds a line of keys to a TOML text above its first table
// (a [[lane]]), where it stays a key of the document.
func aboveTables(text, line string) string {
	if i := strings.Index(text, "\n[["); i >= 0 {
		return text[:i+1] + line + text[i+1:]
	}
	return text + line
}
