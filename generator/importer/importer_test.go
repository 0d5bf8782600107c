package importer_test

import (
	"context"
	"encoding/json"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/waymark-cx/waymark"
	"github.com/waymark-cx/waymark/generator"
	"github.com/waymark-cx/waymark/generator/export"
	"github.com/waymark-cx/waymark/generator/importer"
	"github.com/waymark-cx/waymark/generator/model"
	"github.com/waymark-cx/waymark/generator/source"
	"github.com/waymark-cx/waymark/themes"
)

func build(t *testing.T, fsys fstest.MapFS) *model.Site {
	t.Helper()
	rep, err := generator.Build(context.Background(), generator.Options{Source: fsys, Themes: themes.Get,
		Now: func() time.Time { return time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC) }})
	if err != nil {
		t.Fatalf("build: %v", err)
	}
	return rep.Site
}

// TestMermaidDocs reads the examples of Mermaid's own documentation and
// parser tests (testdata/mermaid).
func TestMermaidDocs(t *testing.T) {
	read := func(name string) *model.Journey {
		b, err := os.ReadFile(filepath.Join("testdata", "mermaid", name))
		if err != nil {
			t.Fatal(err)
		}
		j, err := importer.Mermaid(name, b, nil)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		return j
	}
	j := read("docs-working-day.mmd")
	if j.Title != "My working day" || !reflect.DeepEqual(j.PersonaSlugs, []string{"me", "cat"}) || len(j.Stages) != 2 {
		t.Fatalf("working day: %+v", j)
	}
	if s := j.Stages[0]; s.Name != "Go to work" || len(s.Actions) != 3 || s.Emotion["me"] != 3 || s.Emotion["cat"] != 1 {
		t.Errorf("stage 1: %+v", s)
	}
	j = read("docs-tasks.mmd")
	if j.Summary != "A user journey for family shopping" || j.Stages[0].Name != "Documentation and tests" || len(j.Stages[0].Actions) != 5 {
		t.Errorf("tasks: %+v %+v", j, j.Stages[0])
	}
}

// TestRoundTrip: every example journey, exported to CSV, imported and
// built again, has the same stages, lanes and touchpoints.
func TestRoundTrip(t *testing.T) {
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
	for _, j := range rep.Site.Journeys {
		back, err := importer.CSV(j.Slug+".csv", export.CSV(j))
		if err != nil {
			t.Fatalf("%s: %v", j.Slug, err)
		}
		site := maps.Clone(files)
		site[j.Path] = &fstest.MapFile{Data: export.Markdown(back)}
		var got *model.Journey
		for _, g := range build(t, site).Journeys {
			if g.Slug == j.Slug {
				got = g
			}
		}
		want := export.NewDoc(j, "")
		have := export.NewDoc(got, "")
		want.Compare, want.LastReviewed, want.ReviewEvery = "", "", ""
		have.ReviewEvery = ""
		if !reflect.DeepEqual(want, have) {
			a, _ := json.Marshal(want)
			b, _ := json.Marshal(have)
			t.Errorf("%s: the round trip changes the journey\nwant %s\ngot  %s", j.Slug, a, b)
		}
		// Through Mermaid: stages, actions, emotions (whole numbers).
		mj, err := importer.Mermaid(j.Slug+".mmd", export.Mermaid(j), map[string]string{})
		if err != nil {
			t.Fatalf("%s: %v", j.Slug, err)
		}
		if len(mj.Stages) != len(j.Stages) || mj.Title != j.Title {
			t.Errorf("%s: Mermaid gives %d stages, %q", j.Slug, len(mj.Stages), mj.Title)
			continue
		}
		for i, s := range j.Stages {
			if mj.Stages[i].Name != s.Name || len(mj.Stages[i].Actions) != len(s.Actions) {
				t.Errorf("%s: stage %q comes back as %q with %d actions", j.Slug, s.Name, mj.Stages[i].Name, len(mj.Stages[i].Actions))
			}
		}
	}
}

// FuzzMermaid and FuzzCSV: no input makes an importer panic, and what
// they accept is a journey file that splits and decodes.
func FuzzMermaid(f *testing.F) {
	for _, n := range []string{"docs-working-day.mmd", "docs-tasks.mmd"} {
		b, _ := os.ReadFile(filepath.Join("testdata", "mermaid", n))
		f.Add(b)
	}
	f.Add([]byte("journey\ntitle x\nsection a#58;b\nt: 0: q\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		j, err := importer.Mermaid("f.mmd", b, nil)
		if err == nil {
			decodes(t, j)
		}
	})
}

func FuzzCSV(f *testing.F) {
	f.Add([]byte("Journey,X\nStage,A,B\nActions,\"a\nb\",c\nEmotion,3,4\nTouchpoints,T | kind: digital,\n"))
	f.Add([]byte("\ufeffJourney,X\nPersonas,\"lan\nminh\"\nStage,A\nEmotion (lan),'=1\nDrop-off,35%\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		j, err := importer.CSV("f.csv", b)
		if err == nil {
			decodes(t, j)
		}
	})
}

func decodes(t *testing.T, j *model.Journey) {
	t.Helper()
	text := export.Markdown(j)
	f, err := source.Split("content/journeys/x.md", text)
	if err != nil {
		t.Fatalf("the journey file does not split: %v\n%s", err, text)
	}
	if _, err := source.DecodeFile(f); err != nil {
		t.Fatalf("the journey file does not decode: %v\n%s", err, text)
	}
}
