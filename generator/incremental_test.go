package generator

import (
	"context"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/waymark-cx/waymark/bench/synth"
	"github.com/waymark-cx/waymark/generator/output"
)

// TestIncrementalEqualsFull edits a site in many ways and checks, after
// each edit, that a Builder's rebuild gives exactly what a fresh full
// build gives.
func TestIncrementalEqualsFull(t *testing.T) {
	dir := t.TempDir()
	if err := synth.Write(dir, 40); err != nil {
		t.Fatal(err)
	}
	writeTxtar(t, dir, `
-- content/guides/method.md --
+++
title = "Method"
+++
See [journey 3](/journeys/journey-00003/).
-- static/css/site.css --
body { margin: 0 }
`)
	b := NewBuilder(testOptions(dir))
	var rendered int
	rebuild := func(changed ...string) map[string][]byte {
		t.Helper()
		mem := output.NewMemory()
		b.SetOutput(mem)
		rep, err := b.Build(context.Background(), changed)
		if err != nil {
			t.Fatalf("incremental build (after %d quick): %v", b.quick, err)
		}
		rendered = rep.Rendered
		return mem.Files()
	}
	full := func() map[string][]byte {
		t.Helper()
		mem := output.NewMemory()
		opts := testOptions(dir)
		opts.Output = mem
		if _, err := Build(context.Background(), opts); err != nil {
			t.Fatalf("full build: %v", err)
		}
		return mem.Files()
	}
	edit := func(rel, old, new string) {
		t.Helper()
		p := filepath.Join(dir, rel)
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(b), old) {
			t.Fatalf("%s has no %q", rel, old)
		}
		os.WriteFile(p, []byte(strings.Replace(string(b), old, new, 1)), 0o644)
	}
	rebuild()
	j3 := synth.JourneyPath(3)
	// The edits made from the last build's model and files (bodyedit.go):
	// the text below the front matter, and a journey's map where what
	// lists show of it is unchanged.
	fromLast := map[string]bool{"body edit": true, "body edit again": true, "feeling edit": true, "persona story": true,
		"same-size emotion edit": true, "page edit": true, "paired emotion edit": true, "action added": true,
		"touchpoint edit": true, "metric edit": true, "pain point edit": true}
	for _, step := range []struct {
		name string
		do   func()
		path string
		most int // pages it may re-render; 0: any number
	}{
		// A journey's edit re-renders its page and its print view; its
		// exports (CSV, JSON, Mermaid, source) are written on every build
		// and compared with the full build's below like every other file.
		{"body edit", func() { edit(j3, "## Finding 1", "## Finding one") }, j3, 2},
		{"body edit again", func() { edit(j3, "## Finding 2", "## Finding two") }, j3, 1},
		// A feeling shows on the journey's page and print view alone; a
		// pain point on the hub's views as well.
		{"feeling edit", func() { edit(j3, `feeling = "Feeling 1"`, `feeling = "Feeling one"`) }, j3, 2},
		{"pain point edit", func() { edit(j3, `"Pain 1.1"`, `"Pain one"`) }, j3, 0},
		{"touchpoint edit", func() { edit(j3, `name = "Touchpoint 4"`, `name = "Touchpoint four"`) }, j3, 0},
		{"metric edit", func() { edit(j3, "target = 20", "target = 21") }, j3, 0},
		// A body edit's page is rendered again by the next full rebuild:
		// the fingerprints do not know its new text.
		{"persona story", func() { edit("content/personas/persona-0001.md", "Persona 1's story.", "Persona 1's story, retold.") }, "content/personas/persona-0001.md", 1},
		// Front matter: the hub's views show it too.
		{"same-size emotion edit", func() { edit(j3, "emotion = 4", "emotion = 5") }, j3, 0},
		{"title edit", func() { edit(j3, `title = "Journey 3"`, `title = "Journey three"`) }, j3, 0},
		{"persona rename", func() { edit("content/personas/persona-0001.md", `name = "Persona 1"`, `name = "Persona one"`) }, "content/personas/persona-0001.md", 0},
		{"compare added", func() { edit(j3, `owner = "Team 3"`, `owner = "Team 3"`+"\ncompare = \"journey-00004\"") }, j3, 0},
		{"paired emotion edit", func() { edit(j3, "emotion = 5", "emotion = 1") }, j3, 0},
		{"action added", func() { edit(j3, "actions = [", "actions = [\"Calls the shop\",\n  ") }, j3, 0},
		{"journey added", func() {
			os.WriteFile(filepath.Join(dir, "content/journeys/new.md"), []byte("+++\ntitle = \"Brand new\"\npersona = \"persona-0000\"\n+++\nNew.\n"), 0o644)
		}, "content/journeys/new.md", 0},
		{"journey removed", func() { os.Remove(filepath.Join(dir, synth.JourneyPath(7))) }, synth.JourneyPath(7), 0},
		{"page edit", func() { edit("content/guides/method.md", "See", "Read") }, "content/guides/method.md", 1},
		{"page title edit", func() { edit("content/guides/method.md", `title = "Method"`, `title = "Our method"`) }, "content/guides/method.md", 0},
		{"draft", func() { edit(synth.JourneyPath(9), "+++\ntitle", "+++\ndraft = true\ntitle") }, synth.JourneyPath(9), 0},
		// A stage image's size is read from its file: a picture replaced
		// by one of another size changes the pages that give its size.
		{"stage image", func() {
			os.MkdirAll(filepath.Join(dir, "static/img"), 0o755)
			os.WriteFile(filepath.Join(dir, "static/img/s.svg"), []byte(`<svg xmlns="http://www.w3.org/2000/svg" width="320" height="180"></svg>`), 0o644)
			edit(j3, `feeling = "Feeling one"`, `feeling = "Feeling one"`+"\nimage = \"img/s.svg\"\nimage_alt = \"A sketch\"")
		}, j3, 0},
		{"stage image resized", func() {
			os.WriteFile(filepath.Join(dir, "static/img/s.svg"), []byte(`<svg xmlns="http://www.w3.org/2000/svg" width="640" height="480"></svg>`), 0o644)
		}, "static/img/s.svg", 0},
		{"css", func() { os.WriteFile(filepath.Join(dir, "static/css/site.css"), []byte("body { margin: 1px }"), 0o644) }, "static/css/site.css", 0},
		{"unchanged", func() {}, "", -1},
		{"layout override", func() {
			os.MkdirAll(filepath.Join(dir, "layouts/partials"), 0o755)
			b, _ := os.ReadFile("../themes/default/layouts/partials/journey-card.html")
			os.WriteFile(filepath.Join(dir, "layouts/partials/journey-card.html"), append(b, "<!-- custom -->"...), 0o644)
		}, "layouts/partials/journey-card.html", 0},
		{"config", func() { edit("waymark.toml", `title = "Synthetic`, `title = "Renamed synthetic`) }, "waymark.toml", 0},
	} {
		step.do()
		quick := b.quick
		var changed []string
		if step.path != "" {
			changed = []string{step.path}
		}
		got, want := rebuild(changed...), full()
		if was, want := b.quick > quick, fromLast[step.name]; was != want {
			t.Errorf("%s: made from the last build: %v, want %v", step.name, was, want)
		}
		if step.most != 0 && rendered > max(step.most, 0) {
			t.Errorf("%s: re-rendered %d pages, want at most %d", step.name, rendered, max(step.most, 0))
		}
		if !maps.EqualFunc(got, want, func(a, b []byte) bool { return string(a) == string(b) }) {
			var diff []string
			for n := range want {
				if string(got[n]) != string(want[n]) {
					diff = append(diff, n)
				}
			}
			for n := range got {
				if _, ok := want[n]; !ok {
					diff = append(diff, n+" (extra)")
				}
			}
			slices.Sort(diff)
			t.Errorf("%s: incremental build differs from a full build in %d files: %v", step.name, len(diff), diff[:min(len(diff), 10)])
		}
	}

	// A body edit that breaks a link is reported, and fixing it gives the
	// full build's files again.
	edit("content/guides/method.md", "/journeys/journey-00003/", "/journeys/no-such-journey/")
	b.SetOutput(output.NewMemory())
	if _, err := b.Build(context.Background(), []string{"content/guides/method.md"}); err == nil || !strings.Contains(err.Error(), "no-such-journey") {
		t.Errorf("a broken link in a body edit: got %v, want an error naming it", err)
	}
	edit("content/guides/method.md", "/journeys/no-such-journey/", "/journeys/journey-00003/")
	if got, want := rebuild("content/guides/method.md"), full(); !maps.EqualFunc(got, want, func(a, b []byte) bool { return string(a) == string(b) }) {
		t.Errorf("after fixing the link, the incremental build differs from a full build")
	}
}

// TestBodyEditNewDay: a body edit on a later day than the last build is
// a full rebuild, since review badges may have changed on any page.
func TestBodyEditNewDay(t *testing.T) {
	dir := t.TempDir()
	if err := synth.Write(dir, 10); err != nil {
		t.Fatal(err)
	}
	today := fixedNow()
	opts := testOptions(dir)
	opts.Now = func() time.Time { return today }
	b := NewBuilder(opts)
	b.SetOutput(output.NewMemory())
	if _, err := b.Build(context.Background(), nil); err != nil {
		t.Fatal(err)
	}
	today = today.AddDate(0, 0, 100) // every synthetic journey is now overdue for review
	path := synth.JourneyPath(3)
	if err := os.WriteFile(filepath.Join(dir, path), []byte(synth.Journey(3, 10, "Later notes.")), 0o644); err != nil {
		t.Fatal(err)
	}
	mem := output.NewMemory()
	b.SetOutput(mem)
	if _, err := b.Build(context.Background(), []string{path}); err != nil {
		t.Fatal(err)
	}
	full := output.NewMemory()
	fo := testOptions(dir)
	fo.Now, fo.Output = opts.Now, full
	if _, err := Build(context.Background(), fo); err != nil {
		t.Fatal(err)
	}
	got, want := mem.Files(), full.Files()
	if !maps.EqualFunc(got, want, func(a, b []byte) bool { return string(a) == string(b) }) {
		t.Errorf("a body edit on a new day differs from a full build")
	}
	if !strings.Contains(string(got["journeys/journey-00005/index.html"]), "notice-review") {
		t.Errorf("another journey's page does not show its review is due")
	}
}
