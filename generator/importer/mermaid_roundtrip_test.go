package importer_test

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/waymark-cx/waymark"
	"github.com/waymark-cx/waymark/generator"
	"github.com/waymark-cx/waymark/generator/export"
	"github.com/waymark-cx/waymark/generator/importer"
	"github.com/waymark-cx/waymark/generator/model"
	"github.com/waymark-cx/waymark/themes"
)

var update = flag.Bool("update", false, "rewrite testdata/mermaid-export from the example handbook")

const exports = "testdata/mermaid-export"

// exampleSite is the example handbook's files and its build.
func exampleSite(t *testing.T) (fstest.MapFS, *model.Site) {
	t.Helper()
	files := fstest.MapFS{}
	ex := waymark.Example()
	err := fs.WalkDir(ex, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.HasPrefix(p, "templates/") {
			return err
		}
		b, err := fs.ReadFile(ex, p)
		files[p] = &fstest.MapFile{Data: b}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	rep, err := generator.Build(context.Background(), generator.Options{Source: ex, Themes: themes.Get})
	if err != nil {
		t.Fatal(err)
	}
	return files, rep.Site
}

// TestMermaidExports: every .mmd the example handbook offers is in
// testdata/mermaid-export (go test -update rewrites them), Mermaid itself
// reads each (reading.json there, recorded by reference.mjs) as Waymark
// does, and Mermaid's reading is the journey: a section per stage, a task
// per action with its own score ("-" for none: NaN) and personas by name,
// and the stage's own emotion as tasks named after it. Read back by
// Waymark and built, the file is the same journey again.
func TestMermaidExports(t *testing.T) {
	files, site := exampleSite(t)
	want := loadReadings(t, filepath.Join(exports, "reading.json"))
	for _, j := range site.Journeys {
		name := j.Slug + ".mmd"
		got := export.Mermaid(j)
		path := filepath.Join(exports, name)
		if *update {
			if err := os.WriteFile(path, got, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		if b, err := os.ReadFile(path); err != nil || !bytes.Equal(b, got) {
			t.Errorf("%s differs from %s: run go test ./generator/importer -update, then reference.mjs", name, path)
			continue
		}
		w, ok := want[name]
		if !ok || !w.OK {
			t.Errorf("%s: Mermaid's reading is missing or refuses it: %+v", name, w)
			continue
		}
		d, err := importer.ReadMermaid(name, got)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if r := waymarkReading(d); !reflect.DeepEqual(r, normal(w)) {
			a, _ := json.Marshal(normal(w))
			b, _ := json.Marshal(r)
			t.Errorf("%s: Waymark reads it otherwise than Mermaid\nMermaid %s\nWaymark %s", name, a, b)
		}
		if r, e := normal(w), journeyReading(j); !reflect.DeepEqual(r.Sections, e.Sections) || !reflect.DeepEqual(r.Tasks, e.Tasks) || r.Title != j.Title || r.AccDescr != strings.Join(strings.Fields(j.Summary), " ") {
			a, _ := json.Marshal(r)
			b, _ := json.Marshal(e)
			t.Errorf("%s: Mermaid reads another journey\nMermaid %s\njourney %s", name, a, b)
		}
		// Waymark → Mermaid → Waymark: the same journey.
		im, err := importer.Mermaid(name, got, sitePersonas(site))
		if err != nil || len(im.Warnings) > 0 {
			t.Errorf("%s: %v %v", name, err, im.Warnings)
			continue
		}
		own := maps.Clone(files)
		im.Journey.Body = j.Body
		im.Journey.Type, im.Journey.Goal, im.Journey.Owner, im.Journey.Tags = j.Type, j.Goal, j.Owner, j.Tags
		own[j.Path] = &fstest.MapFile{Data: export.Markdown(im.Journey)}
		back := built(t, own, j.Slug)
		for i, s := range j.Stages {
			b := back.Stages[i]
			if s.Name != b.Name || !reflect.DeepEqual(s.Emotion, b.Emotion) || !slices.Equal(s.Actions, b.Actions) ||
				!reflect.DeepEqual(s.ActionDetails, b.ActionDetails) {
				t.Errorf("%s: stage %q comes back as %q, emotion %v (was %v), actions %q (was %q)", name, s.Name, b.Name, b.Emotion, s.Emotion, b.Actions, s.Actions)
			}
		}
		if back.Title != j.Title || back.Summary != strings.Join(strings.Fields(j.Summary), " ") || !slices.Equal(back.PersonaSlugs, j.PersonaSlugs) {
			t.Errorf("%s: comes back as %q, %q, %v", name, back.Title, back.Summary, back.PersonaSlugs)
		}
	}
}

func sitePersonas(site *model.Site) []importer.SitePersona {
	var out []importer.SitePersona
	for _, p := range site.Personas {
		out = append(out, importer.SitePersona{Slug: p.Slug, Name: p.Name})
	}
	return out
}

func built(t *testing.T, files fstest.MapFS, slug string) *model.Journey {
	t.Helper()
	for _, g := range build(t, files).Journeys {
		if g.Slug == slug {
			return g
		}
	}
	t.Fatalf("%s: not built", slug)
	return nil
}

// journeyReading is what Mermaid should read in j's export.
func journeyReading(j *model.Journey) reading {
	r := reading{Sections: []string{}, Tasks: []readingTask{}}
	name := func(p string) string {
		if per := j.PersonaBySlug(p); per != nil && per.Name != "" {
			return per.Name
		}
		return p
	}
	names := func(slugs []string) []string {
		out := []string{}
		for _, p := range slugs {
			if p != "" {
				out = append(out, name(p))
			}
		}
		return out
	}
	for _, s := range j.Stages {
		r.Sections = append(r.Sections, s.Name)
		if !s.EmotionFromActions {
			slugs := j.PersonaSlugs
			if len(slugs) == 0 {
				slugs = []string{""}
			}
			var scores []float64
			by := map[float64][]string{}
			for _, p := range slugs {
				if f, ok := s.Emotion[p]; ok {
					if _, seen := by[f]; !seen {
						scores = append(scores, f)
					}
					by[f] = append(by[f], p)
				}
			}
			for _, f := range scores {
				r.Tasks = append(r.Tasks, readingTask{Section: s.Name, Task: s.Name, Score: f, People: names(by[f])})
			}
		}
		for i := range s.Actions {
			a := s.ActionAt(i)
			var score any = "NaN"
			if a.HasEmotion {
				score = a.Emotion
			}
			r.Tasks = append(r.Tasks, readingTask{Section: s.Name, Task: strings.Join(strings.Fields(a.Text), " "), Score: score, People: names(a.Personas)})
		}
	}
	return r
}

// TestMermaidThereAndBack: every diagram of the corpus that Mermaid
// accepts, imported, built and exported, is read by Mermaid (as recorded
// for the corpus, and as Waymark reads it) with the same sections, and
// the same tasks in order with the same scores and actors; what differs
// is what the import warned of.
func TestMermaidThereAndBack(t *testing.T) {
	want := loadReadings(t, filepath.Join(corpus, "reading.json"))
	for name, w := range want {
		if !w.OK {
			continue
		}
		src, _ := os.ReadFile(filepath.Join(corpus, name))
		im, err := importer.Mermaid(name, src, nil)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		warned := map[int]bool{}
		outOf10 := false
		for _, w := range im.Warnings {
			warned[w.Line] = true
			outOf10 = outOf10 || strings.Contains(w.Msg, "scored out of 10")
		}
		files := fstest.MapFS{
			"waymark.toml":          {Data: []byte("title = \"T\"\nbase_url = \"/\"\n")},
			"content/journeys/j.md": {Data: export.Markdown(im.Journey)},
		}
		for _, p := range im.Personas {
			files["content/personas/"+p.Slug+".md"] = &fstest.MapFile{Data: []byte("+++\nname = " + export.Quote(p.Name) + "\n+++\n")}
		}
		j := built(t, files, "j")
		d, err := importer.ReadMermaid(name, export.Mermaid(j))
		if err != nil {
			t.Errorf("%s: the export does not read back: %v\n%s", name, err, export.Mermaid(j))
			continue
		}
		orig, _ := importer.ReadMermaid(name, src)
		if pre := len(orig.Tasks) > 0 && orig.Tasks[0].Section < 0; !pre && !reflect.DeepEqual(names(d.Sections), names(orig.Sections)) {
			t.Errorf("%s: sections %q, were %q", name, names(d.Sections), names(orig.Sections))
		}
		if len(d.Tasks) != len(orig.Tasks) {
			t.Errorf("%s: %d tasks, were %d\n%s", name, len(d.Tasks), len(orig.Tasks), export.Mermaid(j))
			continue
		}
		for i, o := range orig.Tasks {
			g := d.Tasks[i]
			if g.Name != o.Name && !(o.Name == "" && warned[o.Line]) {
				t.Errorf("%s: task %d is %q, was %q", name, i, g.Name, o.Name)
			}
			if !slices.Equal(g.Actors, people(o.Actors)) && !(len(g.Actors) == 0 && len(people(o.Actors)) == 0) {
				t.Errorf("%s: task %q has actors %q, had %q", name, o.Name, g.Actors, o.Actors)
			}
			same := fmt.Sprint(jsonScore(g.Score)) == fmt.Sprint(jsonScore(o.Score))
			if !same && !warned[o.Line] && !outOf10 {
				t.Errorf("%s: task %q scores %v, scored %v, with no warning", name, o.Name, g.Score, o.Score)
			}
		}
	}
}

func names(ss []importer.MermaidSection) []string {
	out := []string{}
	for _, s := range ss {
		out = append(out, s.Name)
	}
	return out
}

// people is a task's actors as Waymark keeps them: no empty ones, each once.
func people(as []string) []string {
	var out []string
	for _, a := range as {
		if a != "" && !slices.Contains(out, a) {
			out = append(out, a)
		}
	}
	return out
}

// TestMermaidLive runs Mermaid itself (reference.mjs under Node, with
// $WAYMARK_MERMAID the node_modules holding mermaid@11 and jsdom@24) over
// the corpus and the exports, and compares its reading with the recorded
// one. Without Node or those modules it is skipped, unless
// WAYMARK_REQUIRE_TOOLS=1.
func TestMermaidLive(t *testing.T) {
	modules := os.Getenv("WAYMARK_MERMAID")
	if modules == "" {
		if home, err := os.UserHomeDir(); err == nil {
			modules = filepath.Join(home, ".cache", "waymark-npm", "node_modules")
		}
	}
	node, err := exec.LookPath("node")
	if _, serr := os.Stat(filepath.Join(modules, "mermaid", "package.json")); err != nil || serr != nil {
		msg := "Mermaid's parser not found: set WAYMARK_MERMAID to a node_modules with mermaid@11 and jsdom@24"
		if os.Getenv("WAYMARK_REQUIRE_TOOLS") == "1" {
			t.Fatal(msg + ", and WAYMARK_REQUIRE_TOOLS=1")
		}
		t.Skip(msg)
	}
	for _, dir := range []string{corpus, exports} {
		files, _ := filepath.Glob(filepath.Join(dir, "*.mmd"))
		args := append([]string{filepath.Join(corpus, "reference.mjs"), modules}, files...)
		out, err := exec.Command(node, args...).Output()
		if err != nil {
			t.Fatalf("reference.mjs: %v", err)
		}
		var live map[string]reading
		if err := json.Unmarshal(out, &live); err != nil {
			t.Fatal(err)
		}
		recorded := loadReadings(t, filepath.Join(dir, "reading.json"))
		for name, r := range recorded {
			l := live[name]
			if l.OK != r.OK || (r.OK && !reflect.DeepEqual(normal(l), normal(r))) {
				t.Errorf("%s/%s: Mermaid now reads it otherwise than recorded (ok %v, was %v): re-record reading.json", dir, name, l.OK, r.OK)
			}
		}
		if len(live) != len(recorded) {
			t.Errorf("%s: %d diagrams, %d recorded: re-record reading.json", dir, len(live), len(recorded))
		}
	}
}
