package export_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/waymark-cx/waymark"
	"github.com/waymark-cx/waymark/generator"
	"github.com/waymark-cx/waymark/generator/export"
	"github.com/waymark-cx/waymark/generator/model"
	"github.com/waymark-cx/waymark/themes"
)

var update = flag.Bool("update", false, "rewrite the golden exports in testdata/golden")

// example builds the example handbook's model.
func example(t testing.TB) *model.Site {
	t.Helper()
	rep, err := generator.Build(context.Background(), generator.Options{
		Source: waymark.Example(), Templates: waymark.Templates(), Themes: themes.Get,
		Now: func() time.Time { return time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC) },
	})
	if err != nil {
		t.Fatalf("the example handbook does not build: %v", err)
	}
	return rep.Site
}

func journey(t testing.TB, site *model.Site, slug string) *model.Journey {
	t.Helper()
	for _, j := range append(site.Journeys, site.Templates...) {
		if j.Slug == slug {
			return j
		}
	}
	t.Fatalf("no journey %q", slug)
	return nil
}

// TestGolden compares the exports of two example journeys (one persona
// with a blueprint, two personas) and two templates (the Vietnamese one
// labels its CSV rows in Vietnamese), in every format made from the
// model, with testdata/golden; go test ./generator/export -update
// rewrites them. A new format fails here until it has its golden files.
func TestGolden(t *testing.T) {
	site := example(t)
	for _, slug := range []string{"merchant-onboarding-blueprint", "mega-sale-11-11", "b2c-ecommerce", "service-blueprint-vi"} {
		j := journey(t, site, slug)
		in := export.Input{SchemaURL: "https://example.com/schema/journey.schema.json",
			Words: export.WordsFor(export.Language(j, site.Config.Language), nil)}
		for _, f := range export.Formats() {
			if f.Verbatim {
				continue // the author's file: nothing of ours to compare
			}
			ext, got := f.Ext, f.Write(nil, j, in)
			name := filepath.Join("testdata", "golden", slug+"."+ext)
			if *update {
				os.MkdirAll(filepath.Dir(name), 0o755)
				if err := os.WriteFile(name, got, 0o644); err != nil {
					t.Fatal(err)
				}
				continue
			}
			want, err := os.ReadFile(name)
			if err != nil {
				t.Fatalf("%v (run go test ./generator/export -update)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s differs from %s; run go test ./generator/export -update and review the diff", slug+"."+ext, name)
			}
		}
	}
}

// TestCSVReadBack reads every export of the example with encoding/csv:
// a BOM, then rows of equal width, the facts, the stage row and the lanes
// in order, every item on its own line.
func TestCSVReadBack(t *testing.T) {
	site := example(t)
	for _, j := range append(site.Journeys, site.Templates...) {
		b := export.CSV(j, nil)
		if !bytes.HasPrefix(b, []byte(export.BOM)) {
			t.Fatalf("%s: no byte-order mark", j.Slug)
		}
		rows, err := csv.NewReader(bytes.NewReader(b[len(export.BOM):])).ReadAll() // fails on uneven rows
		if err != nil {
			t.Fatalf("%s: encoding/csv cannot read the export: %v", j.Slug, err)
		}
		if got, want := len(rows[0]), len(j.Stages)+1; got != want {
			t.Errorf("%s: %d columns, want %d", j.Slug, got, want)
		}
		byLabel := map[string][]string{}
		for _, r := range rows {
			byLabel[r[0]] = r[1:]
		}
		if byLabel["Journey"][0] != j.Title {
			t.Errorf("%s: title %q", j.Slug, byLabel["Journey"][0])
		}
		for i, s := range j.Stages {
			if byLabel["Stage"][i] != s.Name {
				t.Errorf("%s: stage %d is %q, want %q", j.Slug, i, byLabel["Stage"][i], s.Name)
			}
			if got := strings.Split(byLabel["Actions"][i], "\n"); len(s.Actions) > 0 && len(got) != len(s.Actions) {
				t.Errorf("%s: stage %q has %d action lines, want %d", j.Slug, s.Name, len(got), len(s.Actions))
			}
		}
		for _, l := range export.Lanes() {
			if _, ok := byLabel[export.WordsFor("en", nil).Of(l.Key)]; !ok {
				t.Errorf("%s: no %s row", j.Slug, l.Key)
			}
		}
	}
}

// TestCSVFormulas: cells a spreadsheet would run get an apostrophe, and
// nothing else does.
func TestCSVFormulas(t *testing.T) {
	risky := []string{"=HYPERLINK(\"http://evil\")", "+1 555 0100", "-2 points", "@SUM(A1:A2)", "\tindented"}
	j := &model.Journey{Title: "=cmd|' /C calc'!A0", Type: model.CurrentState, Stages: []*model.Stage{
		{Name: "-Stage", Actions: risky, Feeling: "+happy", Description: "safe = fine", Duration: "\r2 days"},
	}}
	rows, err := csv.NewReader(bytes.NewReader(export.CSV(j, nil)[len(export.BOM):])).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	cells := map[string]string{}
	for _, r := range rows {
		cells[r[0]] = r[1]
	}
	for label, want := range map[string]string{
		"Journey":     "'=cmd|' /C calc'!A0",
		"Stage":       "'-Stage",
		"Feeling":     "'+happy",
		"Description": "safe = fine",
		"Duration":    "'\n2 days", // a carriage return is a line break in the file, defused
		"Actions":     "'" + strings.Join(risky, "\n"),
	} {
		if cells[label] != want {
			t.Errorf("%s: %q, want %q", label, cells[label], want)
		}
		if export.Undefuse(cells[label]) != strings.TrimPrefix(want, "'") && strings.HasPrefix(want, "'") {
			t.Errorf("%s: Undefuse gives %q", label, export.Undefuse(cells[label]))
		}
	}
	for _, c := range append(risky, "\rreturn", "\n=HYPERLINK(\"http://evil\")", "\x00nul") {
		if d := export.Defuse(c); d != "'"+c || export.Undefuse(d) != c {
			t.Errorf("Defuse(%q) = %q", c, d)
		}
	}
	for _, c := range []string{"", "plain", "'quoted", "3 = 3", "Tết"} {
		if d := export.Defuse(c); d != c || export.Undefuse(c) != c {
			t.Errorf("Defuse(%q) = %q, Undefuse = %q", c, d, export.Undefuse(c))
		}
	}
}

func compileSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(export.Schema))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("journey.schema.json", doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile("journey.schema.json")
	if err != nil {
		t.Fatalf("the schema does not compile: %v", err)
	}
	return s
}

// TestJSONSchema validates the JSON export of every example journey and
// template against the published schema, and checks that the schema
// catches a wrong document.
func TestJSONSchema(t *testing.T) {
	schema := compileSchema(t)
	site := example(t)
	for _, j := range append(site.Journeys, site.Templates...) {
		v, err := jsonschema.UnmarshalJSON(bytes.NewReader(export.JSON(j, "https://example.com/schema/journey.schema.json")))
		if err != nil {
			t.Fatal(err)
		}
		if err := schema.Validate(v); err != nil {
			t.Errorf("%s: %v", j.Slug, err)
		}
	}
	for name, bad := range map[string]string{
		"emotion 9":     `{"version":2,"slug":"x","title":"X","type":"current-state","personas":[],"stages":[{"name":"A","emotion":[{"score":9}]}]}`,
		"unknown key":   `{"version":2,"slug":"x","title":"X","type":"current-state","personas":[],"stages":[],"titel":"X"}`,
		"no stages":     `{"version":2,"slug":"x","title":"X","type":"current-state","personas":[]}`,
		"bad type":      `{"version":2,"slug":"x","title":"X","type":"as-is","personas":[],"stages":[]}`,
		"version 1":     `{"version":1,"slug":"x","title":"X","type":"current-state","personas":[],"stages":[]}`,
		"bad lane key":  `{"version":2,"slug":"x","title":"X","type":"current-state","personas":[],"stages":[{"name":"A","lanes":{"Bad Key":["x"]}}]}`,
		"lane object":   `{"version":2,"slug":"x","title":"X","type":"current-state","personas":[],"stages":[{"name":"A","lanes":{"systems":{"a":1}}}]}`,
		"bad lane kind": `{"version":2,"slug":"x","title":"X","type":"current-state","personas":[],"lanes":[{"key":"x","name":"X","kind":"chart"}],"stages":[]}`,
		"value six":     `{"version":2,"slug":"x","title":"X","type":"current-state","personas":[],"stages":[{"name":"A","opportunities":[{"text":"T","value":6}]}]}`,
		"effort 2.5":    `{"version":2,"slug":"x","title":"X","type":"current-state","personas":[],"stages":[{"name":"A","opportunities":[{"text":"T","effort":2.5}]}]}`,
		"confidence 80": `{"version":2,"slug":"x","title":"X","type":"current-state","personas":[],"stages":[{"name":"A","opportunities":[{"text":"T","confidence":80}]}]}`,
		"drop-off 35":   `{"version":2,"slug":"x","title":"X","type":"current-state","personas":[],"stages":[{"name":"A","drop_off":35}]}`,
		"bad kind":      `{"version":2,"slug":"x","title":"X","type":"current-state","personas":[],"stages":[{"name":"A","touchpoints":[{"name":"T","kind":"robot"}]}]}`,
		"severity four": `{"version":2,"slug":"x","title":"X","type":"current-state","personas":[],"stages":[{"name":"A","pain_points":[{"text":"T","severity":4}]}]}`,
	} {
		v, err := jsonschema.UnmarshalJSON(strings.NewReader(bad))
		if err != nil {
			t.Fatal(err)
		}
		if schema.Validate(v) == nil {
			t.Errorf("%s: the schema accepts %s", name, bad)
		}
	}
}

// TestJSONShape checks the export against the Go types it documents.
func TestJSONShape(t *testing.T) {
	j := journey(t, example(t), "mega-sale-11-11")
	var d export.Doc
	if err := json.Unmarshal(export.JSON(j, ""), &d); err != nil {
		t.Fatal(err)
	}
	if d.Version != export.SchemaVersion || d.Schema != "" || len(d.Personas) != 2 || d.Personas[0].Name == "" {
		t.Errorf("unexpected document head: %+v", d)
	}
	if s := d.Stages[0]; len(s.Emotion) != 2 || s.Emotion[0].Persona != "lan" {
		t.Errorf("emotion by persona: %+v", s.Emotion)
	}
}

// TestMermaidEscapes: characters the journey grammar gives a meaning are
// written as entities (generator/importer reads them back, as Mermaid
// does), a stage's own emotion as tasks after a `%% waymark: stage` line.
func TestMermaidEscapes(t *testing.T) {
	j := &model.Journey{Title: "Buy: now # 1; ok", Summary: "A & <b>", PersonaSlugs: []string{"a"},
		Personas: []*model.Persona{{Entry: model.Entry{Slug: "a"}, Name: "Lan, the buyer"}},
		Stages: []*model.Stage{{Name: "Stage: one", Emotion: map[string]float64{"a": 4.4},
			Actions: []string{"Pays 100% \nby card: fast"}}}}
	got := string(export.Mermaid(j))
	want := "journey\n    title Buy#58; now #35; 1#59; ok\n    accTitle: Buy#58; now #35; 1#59; ok\n    accDescr: A #38; #60;b>\n" +
		"    %% waymark: a score \"-\" is no score; a task after \"%% waymark: stage\" is the stage's own emotion, not an action\n" +
		"    section Stage#58; one\n      %% waymark: stage\n      Stage#58; one: 4.4: Lan#44; the buyer\n      Pays 100#37;  by card#58; fast: -\n"
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	// Text that starts like a statement cannot become one.
	for in, want := range map[string]string{
		"title Hijacked": "#116;itle Hijacked", "Section Injected": "#83;ection Injected",
		"accDescr { x }": "#97;ccDescr #123; x #125;", "JOURNEY": "#74;OURNEY", "titles": "#116;itles",
		"Subtitle": "Subtitle",
	} {
		if got := export.MermaidEscape(in); got != want {
			t.Errorf("MermaidEscape(%q) = %q, want %q", in, got, want)
		}
	}
}
