package generator

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/waymark-cx/waymark/bench/synth"
	"github.com/waymark-cx/waymark/generator/output"
)

// TestInterruptedRebuild: a rebuild from the last build hands over the
// open page first, and told to stop, leaves the hub's files as they were
// (Report.Pending); the next rebuild makes them, and gives what a full
// build gives.
func TestInterruptedRebuild(t *testing.T) {
	dir, b, build := interruptSite(t)
	_, first := build()
	edit := func(i int, rx, repl string) string {
		p := synth.JourneyPath(i)
		text, err := os.ReadFile(filepath.Join(dir, p))
		if err != nil {
			t.Fatal(err)
		}
		old := regexp.MustCompile(rx).Find(text)
		os.WriteFile(filepath.Join(dir, p), []byte(strings.Replace(string(text), string(old), repl, 1)), 0o644)
		return p
	}
	const page, csv = "journeys/journey-00003/index.html", "touchpoints/touchpoints.csv"
	var handed map[string]output.Blob
	var pending []string
	b.Early(map[string]bool{page: true}, func(made map[string]output.Blob, p []string) { handed, pending = made, p },
		func() bool { return true })
	rep, got := build(edit(3, `name = "Touchpoint [^"]*"`, `name = "Kiosk"`))
	if handed[page].Size() == 0 || !strings.Contains(string(handed[page].Bytes()), "Kiosk") {
		t.Fatal("the open page was not handed over first")
	}
	if !slices.Contains(pending, csv) || !slices.Contains(rep.Pending, csv) {
		t.Fatalf("the touchpoints file is not pending: handed over with %v; left %v", pending, rep.Pending)
	}
	if string(got[csv]) != string(first[csv]) {
		t.Error("a file left to the next build was written")
	}
	b.Early(nil, nil, nil)
	rep, got = build(edit(5, `emotion = \d`, `emotion = 2`))
	if len(rep.Pending) > 0 {
		t.Errorf("left again: %v", rep.Pending)
	}
	if !strings.Contains(string(got[csv]), "Kiosk") {
		t.Error("the next build did not make the file left to it")
	}
	if d := diffOutputs(got, fullBuild(t, dir), 5); d != "" {
		t.Errorf("after the interrupted rebuild and the next, not a full build's files:\n%s", d)
	}
}

// TestInterruptedAnywhere: wherever a rebuild is told to stop (between
// outputs, or in the middle of a file), the next one gives a full
// build's files.
func TestInterruptedAnywhere(t *testing.T) {
	dir, b, build := interruptSite(t)
	build()
	p := filepath.Join(dir, synth.JourneyPath(3))
	for k := range 40 {
		calls := 0
		b.Early(map[string]bool{"journeys/journey-00003/index.html": true}, func(map[string]output.Blob, []string) {},
			func() bool { calls++; return calls > k })
		text, _ := os.ReadFile(p)
		old := regexp.MustCompile(`name = "[^"]*"\n  channel`).Find(text)
		os.WriteFile(p, []byte(strings.Replace(string(text), string(old), fmt.Sprintf("name = \"Kiosk %d\"\n  channel", k), 1)), 0o644)
		rep, _ := build(synth.JourneyPath(3))
		if k == 0 && len(rep.Pending) == 0 {
			t.Fatal("told to stop at once, the rebuild left nothing")
		}
		b.Early(nil, nil, nil)
		text, _ = os.ReadFile(filepath.Join(dir, synth.JourneyPath(5)))
		os.WriteFile(filepath.Join(dir, synth.JourneyPath(5)), []byte(strings.Replace(string(text), "emotion = ", "emotion = 1\n# ", 1)), 0o644)
		_, got := build(synth.JourneyPath(5))
		if d := diffOutputs(got, fullBuild(t, dir), 5); d != "" {
			t.Fatalf("stopped after %d checks: not a full build's files:\n%s", k, d)
		}
		if calls <= k {
			break // the rebuild ended before the stop: every place was tried
		}
	}
}

// interruptSite is a Builder of a handbook of 40 journeys, built once,
// and a build with it.
func interruptSite(t *testing.T) (string, *Builder, func(changed ...string) (*Report, map[string][]byte)) {
	dir := t.TempDir()
	if err := synth.Write(dir, 40); err != nil {
		t.Fatal(err)
	}
	b := NewBuilder(testOptions(dir))
	return dir, b, func(changed ...string) (*Report, map[string][]byte) {
		t.Helper()
		mem := output.NewMemory()
		b.SetOutput(mem)
		rep, err := b.Build(context.Background(), changed)
		if err != nil {
			t.Fatal(err)
		}
		return rep, mem.Files()
	}
}

// fullBuild is a one-off build of dir into memory.
func fullBuild(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	mem := output.NewMemory()
	opts := testOptions(dir)
	opts.Output = mem
	if _, err := Build(context.Background(), opts); err != nil {
		t.Fatal(err)
	}
	return mem.Files()
}

// TestOpenFirstFullBuild: an edit of what lists show of a journey (its
// title) is a full build, which still hands over the open page first,
// with every other file it makes still to come; the result is a full
// build's.
func TestOpenFirstFullBuild(t *testing.T) {
	dir, b, build := interruptSite(t)
	build()
	const page = "journeys/journey-00003/index.html"
	var handed map[string]output.Blob
	var pending []string
	b.Early(map[string]bool{page: true}, func(made map[string]output.Blob, p []string) { handed, pending = made, p }, nil)
	p := filepath.Join(dir, synth.JourneyPath(3))
	text, _ := os.ReadFile(p)
	os.WriteFile(p, []byte(strings.Replace(string(text), `title = "Journey 3"`, `title = "Zebra crossing"`, 1)), 0o644)
	quick := b.quick
	_, got := build(synth.JourneyPath(3))
	if b.quick != quick {
		t.Fatal("a title edit was made from the last build")
	}
	if !strings.Contains(string(handed[page].Bytes()), "Zebra crossing") {
		t.Fatal("the open page was not handed over first, with the new title")
	}
	if !slices.Contains(pending, "journeys/index.html") || slices.Contains(pending, page) || slices.Contains(pending, "css/waymark.css") {
		t.Errorf("pending: the journeys list %v, the open page %v, a static file %v",
			slices.Contains(pending, "journeys/index.html"), slices.Contains(pending, page), slices.Contains(pending, "css/waymark.css"))
	}
	if d := diffOutputs(got, fullBuild(t, dir), 5); d != "" {
		t.Errorf("not a full build's files:\n%s", d)
	}
}

// TestPreviewEqualsFull: after an edit of what lists show of a journey
// (its title, summary, tags, owner, review date, personas), its open pages are handed over before the full build plans the site
// again (Builder.preview), drawn as that build draws them, with every
// other file still to come; then the full build's files, which hands
// them over again (the dev server takes the first).
func TestPreviewEqualsFull(t *testing.T) {
	dir, b, build := interruptSite(t)
	build()
	const page, print = "journeys/journey-00003/index.html", "journeys/journey-00003/print/index.html"
	for _, edit := range []struct{ from, to, want string }{
		{`title = "Journey 3"`, `title = "Zebra crossing"`, "Zebra crossing"}, // last in every list now
		{`title = "Zebra crossing"`, `title = "Aardvark"`, "Aardvark"},        // first
		{`summary = "`, `summary = "Told again. `, "Told again."},
		{`tags = ["tag-3", "bench"]`, `tags = ["tag-3", "bench", "new tag"]`, "new-tag/"},            // a tag no journey had
		{`owner = "Team 3"`, "goal = \"Buy in one visit\"\nowner = \"Team 99\"", "Buy in one visit"}, // a new team
		{`last_reviewed = 2026-10-01`, `last_reviewed = 2026-06-01`, "2026"},                         // due for review
		{`persona = "persona-0001"`, `personas = ["persona-0000", "persona-0001"]`, "personas/persona-0000/"},
	} {
		var handed []map[string]output.Blob
		var pending [][]string
		b.Early(map[string]bool{page: true, print: true, "personas/index.html": true}, func(made map[string]output.Blob, p []string) {
			handed, pending = append(handed, made), append(pending, p)
		}, nil)
		p := filepath.Join(dir, synth.JourneyPath(3))
		text, _ := os.ReadFile(p)
		os.WriteFile(p, []byte(strings.Replace(string(text), edit.from, edit.to, 1)), 0o644)
		_, got := build(synth.JourneyPath(3))
		if len(handed) != 2 {
			t.Fatalf("%s: %d hand-overs, want the preview's and the full build's", edit.want, len(handed))
		}
		if _, list := handed[0]["personas/index.html"]; len(handed[0]) != 2 || list {
			t.Errorf("%s: the preview handed over %d pages, want the journey's two open ones", edit.want, len(handed[0]))
		}
		for _, name := range []string{page, print} {
			b := handed[0][name].Bytes()
			if string(b) != string(got[name]) {
				i := diffAt(b, got[name])
				t.Errorf("%s: %s as previewed is not the full build's:\n…%s\nfull:\n…%s", edit.want, name, around(b, i), around(got[name], i))
			}
			if name == page && !strings.Contains(string(b), edit.want) {
				t.Errorf("%s: not on the page as previewed", edit.want)
			}
		}
		if !slices.Contains(pending[0], "journeys/index.html") || !slices.Contains(pending[0], "personas/index.html") ||
			slices.Contains(pending[0], page) || slices.Contains(pending[0], "css/waymark.css") {
			t.Errorf("%s: pending after the preview: %d files", edit.want, len(pending[0]))
		}
		if d := diffOutputs(got, fullBuild(t, dir), 5); d != "" {
			t.Errorf("%s: not a full build's files:\n%s", edit.want, d)
		}
	}
}
