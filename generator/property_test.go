package generator

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/waymark-cx/waymark/bench/synth"
	"github.com/waymark-cx/waymark/generator/output"
	"github.com/waymark-cx/waymark/themes"
)

var (
	propertySeed  = flag.Uint64("property.seed", 0, "seed of TestPropertyIncremental's edits (0: a fixed seed)")
	propertyEdits = flag.Int("property.edits", 0, "how many edits TestPropertyIncremental makes (0: 200, 40 with -short)")
)

// propertyJourneys is the size of the synthetic handbook the property
// test edits: small enough for a full build after every edit.
const propertyJourneys = 12

// TestPropertyIncremental is issue 15's property: random edits of every
// kind a handbook's author makes (journeys, personas, pages, templates,
// configuration, theme overrides, static files; new, renamed and deleted
// files) are applied to a site while a Builder rebuilds it as the dev
// server does, and after each edit its output must be exactly a fresh
// full build's. A few edits break the site: the Builder must report it,
// and give a full build's output again once it is fixed.
//
// A failure names the seed; -property.seed replays it, -property.edits
// sets how many edits are made.
func TestPropertyIncremental(t *testing.T) {
	seed := *propertySeed
	if seed == 0 {
		seed = 6
	}
	edits := 200
	if testing.Short() {
		edits = 40
	}
	if *propertyEdits > 0 {
		edits = *propertyEdits
	}
	s := newPropSite(t, seed)
	ctx := context.Background()
	b := NewBuilder(testOptions(s.dir))
	var incTime, fullTime time.Duration
	build := func(changed []string) (map[string][]byte, error) {
		defer func(start time.Time) { incTime += time.Since(start) }(time.Now())
		mem := output.NewMemory()
		b.SetOutput(mem)
		_, err := b.Build(ctx, changed)
		return mem.Files(), err
	}
	full := func() (map[string][]byte, error) {
		defer func(start time.Time) { fullTime += time.Since(start) }(time.Now())
		opts := testOptions(s.dir)
		mem := output.NewMemory()
		opts.Output = mem
		_, err := Build(ctx, opts)
		return mem.Files(), err
	}
	defer func() { t.Logf("seed %d: the Builder's builds took %v, the full builds %v", seed, incTime, fullTime) }()
	var history []string
	fail := func(i int, format string, args ...any) {
		t.Helper()
		t.Fatalf("seed %d, edit %d of %d: %s\nthe edits so far, last first:\n\t%s\nreplay: go test ./generator -run TestPropertyIncremental -property.seed=%d",
			seed, i, edits, fmt.Sprintf(format, args...), strings.Join(propLastFirst(history, 12), "\n\t"), seed)
	}
	// check rebuilds after the changes to changed and compares with a
	// full build.
	check := func(i int, what string, changed []string) {
		t.Helper()
		got, err := build(changed)
		if err != nil {
			fail(i, "%s: the incremental build failed: %v", what, err)
		}
		want, err := full()
		if err != nil {
			fail(i, "%s: the full build failed (the test made an invalid edit): %v", what, err)
		}
		if d := diffOutputs(got, want, 5); d != "" {
			fail(i, "%s: the incremental build differs from a full build:\n%s", what, d)
		}
	}
	check(0, "the first build", nil)
	for i := 1; i <= edits; i++ {
		if s.r.IntN(15) == 0 {
			s.breakAndFix(i, &history, build, full, fail, check)
			continue
		}
		// Mostly one edit; now and then a batch, as the watcher gives
		// the edits of a few moments (a save of several files, a git
		// checkout).
		batch := 1
		if s.r.IntN(5) == 0 {
			batch = 2 + s.r.IntN(3)
		}
		// Now and then the Builder is not told what changed, as after
		// the watcher lost events.
		unknown := s.r.IntN(8) == 0
		s.sameTick = !unknown
		var descs []string
		// An author types, then takes it back, maybe while another file
		// is saved.
		if p := s.lastBody; p != "" && s.r.IntN(3) == 0 {
			if d := s.undo(p); d != "" {
				descs, batch = append(descs, "undo: "+d), s.r.IntN(2)
			}
		}
		s.lastBody = ""
		for range batch {
			descs = append(descs, s.edit(propEdits()))
		}
		if len(descs) > 1 {
			s.lastBody = ""
		}
		changed := s.take()
		what := strings.Join(descs, "; ")
		if unknown {
			changed, what = nil, what+" [changed paths unknown]"
		}
		history = append(history, fmt.Sprintf("%d: %s", i, what))
		if testing.Verbose() {
			t.Logf("edit %d: %s", i, what)
		}
		check(i, what, changed)
	}
}

// TestPropertyRegressions replays, step by step, what the property test
// found: after each step the Builder's output must be a full build's, or
// both must fail.
func TestPropertyRegressions(t *testing.T) {
	const page, css = "content/guides/method.md", "static/css/site.css"
	j1 := synth.JourneyPath(1)
	// step edits the site in dir, and says what the watcher reports.
	type step func(dir string) []string
	for _, c := range []struct {
		name  string
		steps []step
	}{
		// A body edit takes the fast path, which makes the page's part of
		// the search index again but keeps it under the old text's key;
		// when a later build finds the old text again, it takes the part
		// for up to date.
		{"body edit, then undone with another edit", []step{
			func(dir string) []string {
				propReplace(t, dir, page, "Alpha", "Bravo")
				return []string{page}
			},
			func(dir string) []string {
				propReplace(t, dir, page, "Bravo", "Alpha")
				propReplace(t, dir, j1, `feeling = "Feeling 1"`, `feeling = "Feeling one"`)
				return []string{page, j1}
			},
		}},
		// Two saves of a static file within one tick of the file clock:
		// the same size and time, but the watcher says it changed.
		{"static file saved twice in one tick", []step{
			func(dir string) []string {
				full := filepath.Join(dir, css)
				fi, err := os.Stat(full)
				if err != nil {
					t.Fatal(err)
				}
				propReplace(t, dir, css, "margin: 0", "margin: 1")
				if err := os.Chtimes(full, fi.ModTime(), fi.ModTime()); err != nil {
					t.Fatal(err)
				}
				return []string{css}
			},
		}},
		// A static file changed while the site is broken; the build that
		// was told so failed, and the one after the fix is told only of
		// the fix.
		{"static file edited while the site is broken", []step{
			func(dir string) []string {
				propReplace(t, dir, j1, `persona = "persona-0000"`, `persona = "nobody"`)
				propReplace(t, dir, css, "margin: 0", "margin: 1")
				return []string{j1, css}
			},
			func(dir string) []string {
				propReplace(t, dir, j1, `persona = "nobody"`, `persona = "persona-0000"`)
				return []string{j1}
			},
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			if err := synth.Write(dir, 3); err != nil {
				t.Fatal(err)
			}
			writeTxtar(t, dir, `
-- content/guides/method.md --
+++
title = "Method"
+++
Alpha text.
-- static/css/site.css --
body { margin: 0 }
`)
			b := NewBuilder(testOptions(dir))
			for i, step := range append([]step{func(string) []string { return nil }}, c.steps...) {
				changed := step(dir)
				mem := output.NewMemory()
				b.SetOutput(mem)
				_, err := b.Build(context.Background(), changed)
				opts := testOptions(dir)
				full := output.NewMemory()
				opts.Output = full
				_, ferr := Build(context.Background(), opts)
				switch {
				case (err == nil) != (ferr == nil):
					t.Fatalf("step %d: the incremental build says %v, a full build %v", i, err, ferr)
				case err != nil:
					continue
				}
				if d := diffOutputs(mem.Files(), full.Files(), 5); d != "" {
					t.Errorf("step %d: the incremental build differs from a full build: %s", i, d)
				}
			}
		})
	}
}

// propReplace replaces old with new in the file rel below dir.
func propReplace(t *testing.T, dir, rel, old, new string) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(rel))
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), old) {
		t.Fatalf("%s has no %q", rel, old)
	}
	if err := os.WriteFile(p, []byte(strings.Replace(string(b), old, new, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
}

// breakAndFix makes an edit that breaks the site, checks that the Builder
// reports it as a full build does, maybe makes a valid edit while it is
// broken, then undoes the breaking edit and checks the Builder is back to
// a full build's output.
func (s *propSite) breakAndFix(i int, history *[]string, build func([]string) (map[string][]byte, error),
	full func() (map[string][]byte, error), fail func(int, string, ...any), check func(int, string, []string)) {
	s.saved = map[string]*string{}
	breaking := s.edit(propBreaks())
	broken := s.saved
	s.saved = nil
	what := breaking + " (the site is broken)"
	for round := 0; ; round++ {
		changed := s.take()
		*history = append(*history, fmt.Sprintf("%d: %s", i, what))
		if testing.Verbose() {
			s.t.Logf("edit %d: %s", i, what)
		}
		_, err := build(changed)
		_, ferr := full()
		switch {
		case ferr == nil:
			fail(i, "%s: the full build succeeded: the test's edit does not break the site", what)
		case err == nil:
			fail(i, "%s: the incremental build succeeded, but a full build fails: %v", what, ferr)
		case err.Error() != ferr.Error():
			fail(i, "%s: the incremental build's error differs from a full build's:\n got: %v\nwant: %v", what, err, ferr)
		}
		if round > 0 || s.r.IntN(3) == 0 {
			break
		}
		// An edit elsewhere while the site is broken is not lost.
		s.saved = map[string]*string{}
		what = s.edit(propWhileBroken()) + " (the site still broken)"
		extra := s.saved
		s.saved = nil
		if slices.ContainsFunc(slices.Collect(maps.Keys(extra)), func(p string) bool { _, ok := broken[p]; return ok }) {
			s.restore(extra) // it changed a broken file: not elsewhere
			s.take()
			break
		}
	}
	s.restore(broken)
	what = "fixed: undo " + breaking
	*history = append(*history, fmt.Sprintf("%d: %s", i, what))
	if testing.Verbose() {
		s.t.Logf("edit %d: %s", i, what)
	}
	check(i, what, s.take())
}

// restore gives files the texts saved of them (nil: removes them).
func (s *propSite) restore(saved map[string]*string) {
	for _, p := range slices.Sorted(maps.Keys(saved)) {
		if text := saved[p]; text == nil {
			s.remove(p)
		} else {
			s.put(p, *text)
		}
	}
}

// propWhileBroken are the edits made while the site is broken: a new
// file, or a change that leaves every file where it is (so that undoing
// the breaking edit gives a valid site), most often of what the Builder
// does not keep in its cache of sources.
func propWhileBroken() []propEdit {
	var kinds []propEdit
	for _, k := range propEdits() {
		switch k.name {
		case "static file", "theme override", "config":
			k.weight *= 4
		case "rename", "delete", "undo":
			continue
		}
		kinds = append(kinds, k)
	}
	return kinds
}

// linkedFile adds a static file that is a symbolic link to a file
// elsewhere in the site, edits that file, or removes the link. The
// watcher reports the file once a build has said static/ leads to it
// (Report.Linked).
func (s *propSite) linkedFile() string {
	const link, target = "static/img/linked.svg", "assets/logo.svg"
	full := filepath.Join(s.dir, filepath.FromSlash(link))
	svg := fmt.Sprintf(`<svg xmlns="http://www.w3.org/2000/svg" id="logo-%d"/>`, s.next())
	if _, err := os.Lstat(full); err != nil {
		s.put(target, svg)
		s.changed = slices.DeleteFunc(s.changed, func(p string) bool { return p == target }) // not watched yet
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			s.t.Fatal(err)
		}
		if err := os.Symlink("../../"+target, full); err != nil {
			s.t.Fatal(err)
		}
		s.touched(link)
		return link + " → " + target
	}
	if s.r.IntN(4) == 0 {
		if err := os.Remove(full); err != nil {
			s.t.Fatal(err)
		}
		s.touched(link)
		return link + " removed"
	}
	s.put(target, svg)
	return target + ", which " + link + " leads to"
}

func propTheme(t testing.TB) fs.FS {
	f, ok := themes.Get("default")
	if !ok {
		t.Fatal("no default theme")
	}
	return f
}

func propLastFirst(list []string, n int) []string {
	out := slices.Clone(list[max(0, len(list)-n):])
	slices.Reverse(out)
	return out
}

// diffOutputs describes how two builds' files differ, the first most
// files by name; "" when they are the same.
func diffOutputs(got, want map[string][]byte, most int) string {
	var names []string
	for n, w := range want {
		if g, ok := got[n]; !ok || !bytes.Equal(g, w) {
			names = append(names, n)
		}
	}
	for n := range got {
		if _, ok := want[n]; !ok {
			names = append(names, n)
		}
	}
	if len(names) == 0 {
		return ""
	}
	slices.Sort(names)
	var b strings.Builder
	fmt.Fprintf(&b, "%d files differ", len(names))
	for _, n := range names[:min(most, len(names))] {
		g, gok := got[n]
		w, wok := want[n]
		switch {
		case !gok:
			fmt.Fprintf(&b, "\n\t%s: missing", n)
		case !wok:
			fmt.Fprintf(&b, "\n\t%s: not in a full build", n)
		default:
			fmt.Fprintf(&b, "\n\t%s: %s", n, diffLine(g, w))
		}
	}
	return b.String()
}

// diffLine is the first line that differs, after a line break after
// every tag.
func diffLine(got, want []byte) string {
	lines := func(b []byte) []string { return strings.Split(strings.ReplaceAll(string(b), ">", ">\n"), "\n") }
	cut := func(s string) string {
		if len(s) > 200 {
			return s[:200] + "…"
		}
		return s
	}
	g, w := lines(got), lines(want)
	for i := range max(len(g), len(w)) {
		var a, b string
		if i < len(g) {
			a = g[i]
		}
		if i < len(w) {
			b = w[i]
		}
		if a != b || i >= len(g) || i >= len(w) {
			// A long line (JSON, CSV) from a little before it differs.
			at := 0
			for at < min(len(a), len(b)) && a[at] == b[at] {
				at++
			}
			if from := max(0, at-80); from > 0 {
				a, b = "…"+a[from:], "…"+b[from:]
			}
			return fmt.Sprintf("line %d:\n\t\tgot:  %q\n\t\twant: %q", i+1, cut(a), cut(b))
		}
	}
	return "same lines"
}
