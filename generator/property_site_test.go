package generator

import (
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/waymark-cx/waymark/bench/synth"
)

// propSite is the site the property test edits: its folder, and every
// file in it as the test last wrote it.
type propSite struct {
	t       *testing.T
	dir     string
	r       *rand.Rand
	files   map[string]string
	changed []string            // paths written since the last build
	saved   map[string]*string  // when set: each path's text before the first write (nil: absent)
	clock   time.Time           // modification time of the last write
	serial  int                 // for new names and new text
	bodies  map[string][]string // the bodies each file had, for undo
	// lastBody is the file whose body the last step edited, alone.
	lastBody string
	// sameTick lets a write keep the file's modification time.
	sameTick bool
}

func newPropSite(t *testing.T, seed uint64) *propSite {
	dir := t.TempDir()
	if err := synth.Write(dir, propertyJourneys); err != nil {
		t.Fatal(err)
	}
	// Four personas (synth gives a handbook this small one), a handbook
	// section and a top page that link to journeys and personas, list
	// introductions, a site template and a stylesheet.
	for i := 1; i < 4; i++ {
		writeTxtar(t, dir, fmt.Sprintf("-- content/personas/persona-%04d.md --\n", i)+synth.Persona(i))
	}
	tpl := synth.Journey(1, propertyJourneys, "Fill in a stage at a time.")
	tpl = strings.Replace(tpl, `title = "Journey 1"`, `title = "Workshop map"`, 1)
	tpl = regexp.MustCompile(`(?m)^(persona|last_reviewed) = .*\n`).ReplaceAllString(tpl, "")
	writeTxtar(t, dir, "-- templates/workshop.md --\n"+tpl+`
-- content/_index.md --
+++
title = "Welcome"
+++
The synthetic handbook. Meet [persona 1](/personas/persona-0001/) on [journey 2](/journeys/journey-00002/).
-- content/journeys/_index.md --
+++
title = "Every journey"
description = "The maps we keep"
+++
The maps, by type and by tag.
-- content/handbook/_index.md --
+++
title = "Handbook"
weight = 1
+++
How we work.
-- content/handbook/method.md --
+++
title = "Method"
weight = 2
description = "How we map"
+++
Start with [journey 3](/journeys/journey-00003/) and [persona 2](/personas/persona-0002/).
-- content/handbook/research.md --
+++
title = "Research"
weight = 1
+++
Interviews behind [journey 5](/journeys/journey-00005/). See also [the method](/handbook/method/).
-- content/handbook/deep/dive.md --
+++
title = "Deep dive"
+++
About [journey 7](/journeys/journey-00007/).
-- content/about.md --
+++
title = "About"
+++
Who keeps [journey 11](/journeys/journey-00011/) current.
-- static/css/site.css --
body { margin: 0 }
`)
	s := &propSite{t: t, dir: dir, r: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15)), files: map[string]string{}, bodies: map[string][]string{},
		clock: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		s.files[filepath.ToSlash(rel)] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	// Spread the journeys over the personas.
	for _, p := range s.list("content/journeys/") {
		s.sub(p, propRx.persona, func(string) string { return `persona = "` + propSlug(s.pick(s.list("content/personas/"), "")) + `"` })
	}
	s.take()
	return s
}

// put writes a file. Modification times are coarse: a save may keep
// the time the file had, as two saves within one tick of the clock do.
// The Builder is told the file changed then, and must not take it for
// unchanged; when it is not told (sameTick unset), it can only go by
// size and time, so the file gets a time of its own.
func (s *propSite) put(p, text string) {
	s.t.Helper()
	s.save(p)
	full := filepath.Join(s.dir, filepath.FromSlash(p))
	if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
		s.t.Fatal(err)
	}
	mtime := s.clock.Add(time.Second)
	if fi, err := os.Stat(full); err == nil && s.sameTick && s.r.IntN(3) == 0 {
		mtime = fi.ModTime()
	} else {
		s.clock = mtime
	}
	if err := os.WriteFile(full, []byte(text), 0o644); err != nil {
		s.t.Fatal(err)
	}
	if err := os.Chtimes(full, mtime, mtime); err != nil {
		s.t.Fatal(err)
	}
	s.files[p] = text
	s.touched(p)
}

func (s *propSite) remove(p string) {
	s.t.Helper()
	s.save(p)
	if err := os.Remove(filepath.Join(s.dir, filepath.FromSlash(p))); err != nil {
		s.t.Fatal(err)
	}
	delete(s.files, p)
	s.touched(p)
}

func (s *propSite) save(p string) {
	if s.saved == nil {
		return
	}
	if _, ok := s.saved[p]; ok {
		return
	}
	if text, ok := s.files[p]; ok {
		s.saved[p] = &text
	} else {
		s.saved[p] = nil
	}
}

func (s *propSite) touched(p string) {
	if !slices.Contains(s.changed, p) {
		s.changed = append(s.changed, p)
	}
}

// take returns the paths changed since the last call, as the dev
// server's watcher reports them.
func (s *propSite) take() []string {
	c := s.changed
	s.changed = nil
	return c
}

// edit makes one edit of a kind picked from kinds by weight.
func (s *propSite) edit(kinds []propEdit) string {
	total := 0
	for _, k := range kinds {
		total += k.weight
	}
	for range 100 {
		n := s.r.IntN(total)
		for _, k := range kinds {
			if n -= k.weight; n < 0 {
				if d := k.do(s); d != "" {
					return k.name + ": " + strings.ReplaceAll(d, "\n", `\n`)
				}
				break
			}
		}
	}
	s.t.Fatal("no edit applies")
	return ""
}

// list is the Markdown files below dir, _index.md left out.
func (s *propSite) list(dir string) []string {
	var out []string
	for p := range s.files {
		if strings.HasPrefix(p, dir) && strings.HasSuffix(p, ".md") && path.Base(p) != "_index.md" {
			out = append(out, p)
		}
	}
	slices.Sort(out)
	return out
}

// handbook is every handbook page: the Markdown files of content/ that
// are not personas or journeys.
func (s *propSite) handbook(indexes bool) []string {
	var out []string
	for p := range s.files {
		// Research notes have edits of their own (propResearchEdit):
		// items cite them, so they are neither renamed nor deleted.
		if strings.HasPrefix(p, "content/") && strings.HasSuffix(p, ".md") && (indexes || path.Base(p) != "_index.md") &&
			!strings.HasPrefix(p, "content/journeys/") && !strings.HasPrefix(p, "content/personas/") &&
			!strings.HasPrefix(p, "content/research/") {
			out = append(out, p)
		}
	}
	slices.Sort(out)
	return out
}

// pick is a random element of list other than not; "" if there is none.
func (s *propSite) pick(list []string, not string) string {
	list = slices.DeleteFunc(slices.Clone(list), func(x string) bool { return x == not })
	if len(list) == 0 {
		return ""
	}
	return list[s.r.IntN(len(list))]
}

func (s *propSite) word(words ...string) string { return words[s.r.IntN(len(words))] }

func (s *propSite) next() int {
	s.serial++
	return s.serial
}

// sub replaces a random match of re in the file p with repl(match); it
// reports whether there was one to replace.
func (s *propSite) sub(p string, re *regexp.Regexp, repl func(string) string) bool {
	text := s.files[p]
	m := re.FindAllStringIndex(text, -1)
	if len(m) == 0 {
		return false
	}
	at := m[s.r.IntN(len(m))]
	s.put(p, text[:at[0]]+repl(text[at[0]:at[1]])+text[at[1]:])
	return true
}

// set is sub with a fixed replacement, describing the edit: "" when re
// does not match.
func (s *propSite) set(p string, re *regexp.Regexp, line string) string {
	if !s.sub(p, re, func(string) string { return line }) {
		return ""
	}
	if line == "" {
		return p + ": a line removed"
	}
	return p + ": " + line
}

// splitFront cuts a content file into its front matter (with both +++ lines)
// and its body.
func splitFront(text string) (front, body string) {
	i := strings.Index(text[3:], "\n+++\n")
	if i < 0 {
		return text, ""
	}
	return text[:i+8], text[i+8:]
}

// published is every journey that is not a draft: only those may be
// linked to.
func (s *propSite) published() []string {
	return slices.DeleteFunc(s.list("content/journeys/"), func(p string) bool { return propRx.draft.MatchString(s.files[p]) })
}

// linked reports whether any file links to the page of the content file p.
func (s *propSite) linked(p string) bool {
	for _, text := range s.files {
		if strings.Contains(text, "]("+propURL(p)+")") {
			return true
		}
	}
	return false
}

// filesBelow is every file below dir, of any kind.
func (s *propSite) filesBelow(dir string) []string {
	var out []string
	for p := range s.files {
		if strings.HasPrefix(p, dir) {
			out = append(out, p)
		}
	}
	slices.Sort(out)
	return out
}

// used reports whether a persona shows the picture at p.
func (s *propSite) used(p string) bool {
	for _, text := range s.files {
		if strings.Contains(text, `avatar = "`+p+`"`) {
			return true
		}
	}
	return false
}

func propSlug(p string) string { return strings.TrimSuffix(path.Base(p), ".md") }

// propURL is the site path of a content file's page.
func propURL(p string) string {
	p = strings.TrimSuffix(strings.TrimPrefix(p, "content/"), ".md")
	p = strings.TrimSuffix(p, "_index")
	return "/" + strings.TrimSuffix(p, "/") + "/"
}

// link is a Markdown link to a random journey, persona or handbook page.
func (s *propSite) link() string {
	var p string
	switch s.r.IntN(3) {
	case 0:
		p = s.pick(s.list("content/personas/"), "")
	case 1:
		p = s.pick(s.handbook(false), "")
	}
	if p == "" {
		p = s.pick(s.published(), "")
	}
	return fmt.Sprintf("[%s](%s)", propSlug(p), propURL(p))
}

// retarget makes every reference to the content file old point to new
// instead (a rename); with new "", to another file of its kind, or for
// a pair, to none (a deletion).
func (s *propSite) retarget(old, new string) {
	kind := "page"
	switch {
	case strings.HasPrefix(old, "content/journeys/"):
		kind = "journey"
	case strings.HasPrefix(old, "content/personas/"):
		kind = "persona"
	}
	for _, p := range slices.Sorted(func(yield func(string) bool) {
		for p := range s.files {
			if strings.HasPrefix(p, "content/") && !yield(p) {
				return
			}
		}
	}) {
		text := s.files[p]
		to := new
		if to == "" {
			switch kind {
			case "journey":
				to = s.pick(s.published(), p)
			case "persona":
				to = s.pick(s.list("content/personas/"), "")
			default:
				to = s.pick(s.handbook(false), p)
			}
		}
		if to == "" {
			to = "content/journeys/_index.md"
		}
		text = strings.ReplaceAll(text, "]("+propURL(old)+")", "]("+propURL(to)+")")
		switch kind {
		case "persona":
			text = strings.ReplaceAll(text, `persona = "`+propSlug(old)+`"`, `persona = "`+propSlug(to)+`"`)
			text = propRx.personas.ReplaceAllStringFunc(text, func(line string) string {
				switch {
				case !strings.Contains(line, `"`+propSlug(old)+`"`):
					return line
				case new != "" && !strings.Contains(line, `"`+propSlug(new)+`"`):
					return strings.Replace(line, `"`+propSlug(old)+`"`, `"`+propSlug(new)+`"`, 1)
				}
				return `persona = "` + propSlug(to) + `"`
			})
		case "journey":
			if new != "" {
				text = strings.ReplaceAll(text, `compare = "`+propSlug(old)+`"`, `compare = "`+propSlug(new)+`"`)
			} else {
				text = strings.ReplaceAll(text, `compare = "`+propSlug(old)+`"`+"\n", "")
			}
		}
		if text != s.files[p] {
			s.put(p, text)
		}
	}
}
