package importer_test

import (
	"context"
	"encoding/json"
	"io/fs"
	"maps"
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
		back, err := importer.CSVFor(j.Slug+".csv", export.CSV(j, nil), importer.Site{Lanes: j.Lanes})
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
		dropImages(want) // the CSV has no images
		have.ReviewEvery = ""
		if !reflect.DeepEqual(want, have) {
			a, _ := json.Marshal(want)
			b, _ := json.Marshal(have)
			t.Errorf("%s: the round trip changes the journey\nwant %s\ngot  %s", j.Slug, a, b)
		}
	}
}

// FuzzCSV: no input makes the importer panic, and what it accepts is a
// journey file that splits and decodes.
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

// TestErrors: malformed input gives every mistake at its file:line:col.
func TestErrors(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		want      []string
	}{
		{"a.csv", "Journey,T\nActions,a\n", []string{`a.csv:2:1: row "Actions" comes before the Stage row`, "a.csv:2:1: no Stage row"}},
		{"a.csv", "Journey,T\nStage,A,,C\n", []string{"a.csv:2:9: column 3 has no stage name"}},
		{"a.csv", "Journey,T\nType,as-is\nStage,A\n", []string{`a.csv:2:6: unknown type "as-is"`}},
		{"a.csv", "Stage,A\nStage,B\n", []string{`a.csv:2:1: row "Stage" again (first on line 1)`, "a.csv:1:1: the journey has no title"}},
		{"a.csv", "Journey,T\nStage,A,B\nTouchpoints,\"Ad | kind: robot\",\"x\ny | chanel: Web\"\n", []string{
			`a.csv:3:13: Touchpoints of stage "A": unknown kind "robot"`,
			`a.csv:4:1: Touchpoints of stage "B": unknown detail "chanel" (did you mean "channel"?)`,
		}},
		{"a.csv", "Journey,T\nStage,A\nDrop-off,140%\nEmotion (minh),3\n", []string{
			`a.csv:3:10: Drop-off of stage "A": drop-off must be a share from 0 to 1 (0.35) or a percentage (35%), not "140%"`,
			`a.csv:4:1: row "Emotion (minh)" is for a persona the journey does not have`,
		}},
		{"a.csv", "Journey,\"T\nStage,A\n", []string{"a.csv:2:9: extraneous or missing \" in quoted-field"}},
		{"a.csv", "Journey,Caf\xe9\n", []string{"a.csv:1:1: the file is not UTF-8 text"}},
	} {
		_, err := importer.CSV(tc.name, []byte(tc.src))
		if err == nil {
			t.Errorf("%q: no error", tc.src)
			continue
		}
		for _, w := range tc.want {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("%q: error\n%v\ndoes not contain %q", tc.src, err, w)
			}
		}
	}
}

// TestCSVFromSpreadsheets: semicolon- and tab-separated files, as
// spreadsheets in many locales save them, and a leading apostrophe.
func TestCSVFromSpreadsheets(t *testing.T) {
	for _, src := range []string{
		"Journey;\"A; b\"\nStage;One;Two\nActions;'=a;\"b\nc\"\n",
		"\ufeffJourney\t\"A; b\"\r\nStage\tOne\tTwo\r\nActions\t'=a\t\"b\r\nc\"\r\n",
	} {
		j, err := importer.CSV("s.csv", []byte(src))
		if err != nil {
			t.Fatalf("%q: %v", src, err)
		}
		if j.Title != "A; b" || len(j.Stages) != 2 || !reflect.DeepEqual(j.Stages[0].Actions, []string{"=a"}) ||
			!reflect.DeepEqual(j.Stages[1].Actions, []string{"b", "c"}) {
			t.Errorf("%q: %+v %+v %+v", src, j, j.Stages[0], j.Stages[1])
		}
	}
}

// TestRoundTripTemplates: a blank template's CSV, imported, is the same
// template again: what a workshop that changes nothing brings back.
func TestRoundTripTemplates(t *testing.T) {
	site := fstest.MapFS{"waymark.toml": &fstest.MapFile{Data: []byte("title = \"T\"\nbase_url = \"/\"\n")}}
	opts := generator.Options{Source: site, Templates: waymark.Templates(), Themes: themes.Get}
	rep, err := generator.Build(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	for _, tmpl := range rep.Site.Templates {
		back, err := importer.CSV(tmpl.Slug+".csv", export.CSV(tmpl, nil))
		if err != nil {
			t.Fatalf("%s: %v", tmpl.Slug, err)
		}
		own := maps.Clone(site)
		own[tmpl.Path] = &fstest.MapFile{Data: export.Markdown(back)}
		var got *model.Journey
		for _, g := range build(t, own).Templates {
			if g.Slug == tmpl.Slug {
				got = g
			}
		}
		if got == nil {
			t.Fatalf("%s: not built", tmpl.Slug)
		}
		if want, have := export.NewDoc(tmpl, ""), export.NewDoc(got, ""); !reflect.DeepEqual(want, have) {
			a, _ := json.Marshal(want)
			b, _ := json.Marshal(have)
			t.Errorf("%s: the round trip changes the template\nwant %s\ngot  %s", tmpl.Slug, a, b)
		}
	}
}
