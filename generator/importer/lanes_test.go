package importer_test

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/waymark-cx/waymark/generator/export"
	"github.com/waymark-cx/waymark/generator/importer"
)

const lanesSite = `title = "T"
base_url = "/"

[[lane]]
key = "systems"
name = "Hệ thống"
kind = "list"
after = "touchpoints"

[[lane]]
key = "effort"
name = "Effort"
kind = "score"
min = 1
max = 7
`

const lanesJourney = `+++
title = "Support"

[[lane]]
key = "employee_actions"
name = "Employee actions"
kind = "items"
after = "actions"

[[lane]]
key = "note"
name = "Note"
kind = "text"

[[stage]]
name = "Ask"
systems = ["Zendesk", "Zalo OA"]
effort = 5.5
employee_actions = ["Reads the ticket", { text = "Calls back", owner = "Support", status = "open", severity = 2, value = 4, effort = 2 }]
note = "Most tickets come *after 18:00*."

[[stage]]
name = "Wait"
systems = ["Zendesk"]
+++
Notes.
`

// TestLanesRoundTrip checks that a journey's custom lanes, the site's and
// its own, come back the same through its CSV (read with the journey's
// lanes, as import -s reads it with the site's) and its journey file.
func TestLanesRoundTrip(t *testing.T) {
	files := fstest.MapFS{
		"waymark.toml":                &fstest.MapFile{Data: []byte(lanesSite)},
		"content/journeys/support.md": &fstest.MapFile{Data: []byte(lanesJourney)},
	}
	j := build(t, files).Journeys[0]
	if len(j.Lanes) != 4 {
		t.Fatalf("lanes: %+v", j.Lanes)
	}
	csv := export.CSV(j, export.WordsFor("vi", nil))
	for _, row := range []string{"Hệ thống,Zendesk\nZalo OA,Zendesk", "Effort,5.5,", "Employee actions,", "Note,Most tickets"} {
		if !strings.Contains(strings.NewReplacer("\"", "", "\r\n", "\n").Replace(string(csv)), row) {
			t.Errorf("the CSV has no row %q:\n%s", row, csv)
		}
	}
	back, err := importer.CSVFor("support.csv", csv, importer.Site{Lanes: j.Lanes})
	if err != nil {
		t.Fatal(err)
	}
	files["content/journeys/support.md"] = &fstest.MapFile{Data: export.Markdown(back)}
	got := build(t, files).Journeys[0]
	want, have := export.NewDoc(j, ""), export.NewDoc(got, "")
	if !reflect.DeepEqual(want, have) {
		a, _ := json.Marshal(want)
		b, _ := json.Marshal(have)
		t.Errorf("the round trip changes the journey\nwant %s\ngot  %s", a, b)
	}
	md := string(export.Markdown(back))
	if strings.Contains(md, `key = "systems"`) || !strings.Contains(md, `key = "employee_actions"`) {
		t.Errorf("the journey file should declare its own lanes only:\n%s", md)
	}

	// Without the lanes, a custom lane's row is a located mistake.
	_, err = importer.CSV("support.csv", csv)
	if err == nil || !strings.Contains(err.Error(), `unknown row "Hệ thống"`) || !strings.Contains(err.Error(), "-s") {
		t.Errorf("err = %v", err)
	}
}

// TestActionsRoundTrip checks that actions with their own emotion and
// personas (a Mermaid task's score and actors) survive the CSV and the
// journey file, and show in the JSON export as objects.
func TestActionsRoundTrip(t *testing.T) {
	files := fstest.MapFS{
		"waymark.toml":            &fstest.MapFile{Data: []byte("title = \"T\"\nbase_url = \"/\"\n")},
		"content/personas/me.md":  &fstest.MapFile{Data: []byte("+++\nname = \"Me\"\n+++\n")},
		"content/personas/cat.md": &fstest.MapFile{Data: []byte("+++\nname = \"Cat\"\n+++\n")},
		"content/journeys/day.md": &fstest.MapFile{Data: []byte(`+++
title = "My day"
personas = ["me", "cat"]

[[stage]]
name = "Go to work"
actions = [{ text = "Make tea", emotion = 5, personas = ["me"] }, "Go upstairs | quickly", { text = "Do work", emotion = 1, personas = ["me", "cat"] }]
+++
`)},
	}
	j := build(t, files).Journeys[0]
	csv := string(export.CSV(j, nil))
	if !strings.Contains(csv, "Make tea | emotion: 5 | personas: me") {
		t.Errorf("the CSV does not keep the action's emotion and personas:\n%s", csv)
	}
	back, err := importer.CSVFor("day.csv", []byte(csv), importer.Site{})
	if err != nil {
		t.Fatal(err)
	}
	files["content/journeys/day.md"] = &fstest.MapFile{Data: export.Markdown(back)}
	got := build(t, files).Journeys[0]
	want, have := export.NewDoc(j, ""), export.NewDoc(got, "")
	if !reflect.DeepEqual(want, have) {
		a, _ := json.Marshal(want)
		b, _ := json.Marshal(have)
		t.Errorf("the round trip changes the journey\nwant %s\ngot  %s", a, b)
	}
	b, _ := json.Marshal(want.Stages[0].Actions)
	if string(b) != `[{"text":"Make tea","emotion":5,"personas":["me"]},"Go upstairs | quickly",{"text":"Do work","emotion":1,"personas":["me","cat"]}]` {
		t.Errorf("JSON actions: %s", b)
	}
}

// dropImages clears the cover and the stage images of d: what a CSV does
// not hold, for comparing a journey with its CSV round trip.
func dropImages(d *export.Doc) {
	d.Cover, d.CoverAlt = "", ""
	for i := range d.Stages {
		d.Stages[i].Image, d.Stages[i].ImageAlt = "", ""
	}
}
