package generator

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/waymark-cx/waymark/bench/synth"
	"github.com/waymark-cx/waymark/generator/output"
)

// TestShelf checks that a Builder (the dev server's) keeps its journeys'
// files compressed from build to build (texts.shelve): each journey's
// entry and file let go of their text, the .md download in memory is the
// very bytes kept, a draft and a journey with a mistake keep theirs, and
// what needs the text still gets it: template leftovers are warned about
// at their lines (also when new templates look through a journey again)
// and a new configuration decodes every file again from whole text.
// Each build gives what a one-off build of the same files gives.
func TestShelf(t *testing.T) {
	dir := t.TempDir()
	if err := synth.Write(dir, 12); err != nil {
		t.Fatal(err)
	}
	writeTxtar(t, dir, `
-- templates/blank.md --
+++
title = "Blank"
summary = "A blank map for a workshop."
[[stage]]
name = "Discover"
actions = ["What does the customer do? e.g. searches the web"]
  [[stage.touchpoint]]
  name = "Touchpoint (e.g. website)"
  owner = "Team?"
+++
How to run the workshop.
-- content/journeys/from-blank.md --
+++
title = "From the blank map"
persona = "persona-0000"
summary = "A blank map for a workshop."
[[stage]]
name = "Discover"
emotion = 3
actions = [
  "Asks a friend",
  "What does the customer do? e.g. reads reviews",
]
  [[stage.touchpoint]]
  name = "Touchpoint (e.g. website)"
  owner = "Team?"
+++
Notes from the workshop.
-- content/journeys/draft.md --
+++
title = "Not yet"
draft = true
persona = "persona-0000"
+++
Draft.
`)
	b := NewBuilder(testOptions(dir))
	build := func(changed ...string) (*Report, *output.Memory, error) {
		t.Helper()
		mem := output.NewMemory()
		b.SetOutput(mem)
		rep, err := b.Build(context.Background(), changed)
		return rep, mem, err
	}
	full := func() (*Report, map[string][]byte) {
		t.Helper()
		mem := output.NewMemory()
		opts := testOptions(dir)
		opts.Output = mem
		rep, err := Build(context.Background(), opts)
		if err != nil {
			t.Fatalf("full build: %v", err)
		}
		return rep, mem.Files()
	}
	check := func(step string, rep *Report, mem *output.Memory) {
		t.Helper()
		fullRep, want := full()
		if got := mem.Files(); !slices.Equal(manifest(got), manifest(want)) {
			t.Errorf("%s: differs from a full build:\n%s", step, diffLines(manifest(got), manifest(want)))
		}
		if got, want := leftoverLines(rep), leftoverLines(fullRep); !slices.Equal(got, want) || len(want) != 4 {
			t.Errorf("%s: leftover warnings:\n%s\nwant (a full build's, 4):\n%s", step, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
		if n := len(rep.Site.Journeys); n != 13 {
			t.Fatalf("%s: %d journeys, want 13", step, n)
		}
		for _, j := range rep.Site.Journeys {
			k := b.shelf[&j.Entry]
			if !j.Released || j.Front != nil || j.Body != nil || k == nil {
				t.Errorf("%s: %s: released %v, on the shelf %v, want its text let go and kept", step, j.Path, j.Released, k != nil)
				continue
			}
			if k.whole.file.Raw != nil {
				t.Errorf("%s: %s: its source file still holds its text", step, j.Path)
			}
			blob, _ := mem.Blob(j.Download("md"))
			if !blob.Identical(k.text) || !k.text.Packed() {
				t.Errorf("%s: %s: the .md download in memory is not the blob kept (packed %v)", step, j.Path, k.text.Packed())
			}
			disk, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(j.Path)))
			if err != nil || string(blob.Bytes()) != string(disk) {
				t.Errorf("%s: %s: the .md download is not the file as written (%v)", step, j.Path, err)
			}
		}
		if len(b.shelf) != 13 {
			t.Errorf("%s: %d texts on the shelf, want the 13 journeys'", step, len(b.shelf))
		}
	}
	rep, mem, err := build()
	if err != nil {
		t.Fatal(err)
	}
	check("first build", rep, mem)

	edit := func(rel, old, new string) {
		t.Helper()
		p := filepath.Join(dir, filepath.FromSlash(rel))
		text, err := os.ReadFile(p)
		if err != nil || !strings.Contains(string(text), old) {
			t.Fatalf("%s has no %q (%v)", rel, old, err)
		}
		if err := os.WriteFile(p, []byte(strings.Replace(string(text), old, new, 1)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// New templates: the journeys are looked through again, from their
	// text on the shelf.
	edit("templates/blank.md", "How to run", "How we run")
	if rep, mem, err = build("templates/blank.md"); err != nil {
		t.Fatal(err)
	}
	check("templates changed", rep, mem)

	// A mistake: that journey keeps its text and is decoded again once
	// mended; the others stay on the shelf.
	bad := synth.JourneyPath(4)
	edit(bad, "emotion = ", "emotion = 9")
	if _, _, err = build(bad); err == nil || !strings.Contains(err.Error(), bad) {
		t.Fatalf("a journey with a mistake: %v, want its error", err)
	}
	edit(bad, "emotion = 9", "emotion = ")
	if rep, mem, err = build(bad); err != nil {
		t.Fatal(err)
	}
	check("mistake mended", rep, mem)

	// A new configuration types every journey again, from whole files.
	edit("waymark.toml", `title = "Synthetic`, `title = "Renamed synthetic`)
	if rep, mem, err = build("waymark.toml"); err != nil {
		t.Fatal(err)
	}
	check("configuration changed", rep, mem)
	if !strings.Contains(string(mem.Files()["journeys/journey-00003/index.html"]), "Renamed synthetic") {
		t.Error("configuration changed: a journey's page does not show the new title")
	}

	// A body edit is made from the last build: the journey's entry then
	// holds the new text, which a full build later keeps on the shelf.
	edit(synth.JourneyPath(5), "## Finding 1", "## Finding one")
	quick := b.quick
	if rep, mem, err = build(synth.JourneyPath(5)); err != nil || b.quick != quick+1 {
		t.Fatalf("body edit: %v, made from the last build: %v", err, b.quick > quick)
	}
	if got := string(mem.Files()["journeys/journey-00005/index.html"]); !strings.Contains(got, "Finding one") {
		t.Error("body edit: the journey's page does not show the new text")
	}
	edit("content/personas/persona-0000.md", `name = "Persona 0"`, `name = "Persona zero"`)
	if rep, mem, err = build("content/personas/persona-0000.md"); err != nil {
		t.Fatal(err)
	}
	_, want := full()
	if got := mem.Files(); !slices.Equal(manifest(got), manifest(want)) {
		t.Errorf("after a body edit and a full build: differs from a full build:\n%s", diffLines(manifest(got), manifest(want)))
	}
}

// leftoverLines are a build's template-leftover warnings, where they are.
func leftoverLines(rep *Report) []string {
	var out []string
	for _, w := range rep.Warnings {
		if strings.Contains(w.Msg, "template's") {
			out = append(out, fmt.Sprintf("%s:%d:%d %s", w.Path, w.Line, w.Col, w.Msg))
		}
	}
	return out
}
