package model

import (
	"strings"
	"testing"

	"github.com/waymark-cx/waymark/generator/diag"
	"github.com/waymark-cx/waymark/generator/source"
)

const lanesConfig = `title = "t"
hide_lanes = ["questions"]

[[lane]]
key = "systems"
name = "Hệ thống"
kind = "list"
after = "touchpoints"
description = "Phần mềm nhân viên dùng"

[[lane]]
key = "effort"
name = "Customer effort"
kind = "score"
min = 1
max = 7
after = "kpis"

[[lane]]
key = "kpis"
name = "KPIs"
kind = "items"
after = "systems"
`

// lanesSite builds a site from waymark.toml text and content files.
func lanesSite(t *testing.T, config string, files map[string]string) (*Site, []*diag.Error) {
	t.Helper()
	cfg, err := source.Decode(source.ConfigFile, []byte(config), 1)
	if err != nil {
		t.Fatal(err)
	}
	set := &source.Set{Config: cfg}
	for name, text := range files {
		f, err := source.Split(name, []byte(text))
		if err != nil {
			t.Fatal(err)
		}
		set.Content = append(set.Content, f)
	}
	site, err := New(set, Options{Addresses: testAddresses{}})
	var errs []*diag.Error
	if err != nil {
		errs = err.(*diag.Errors).List
	}
	return site, errs
}

func TestLanes(t *testing.T) {
	site, errs := lanesSite(t, lanesConfig, map[string]string{"content/journeys/a.md": `+++
title = "A"

[[lane]]
key = "employee_actions"
name = "Employee actions"
kind = "text"
after = "actions"

[[stage]]
name = "One"
systems = ["SAP", "Zalo OA"]
kpis = ["Call rate", { text = "NPS", owner = "CX", status = "open" }]
effort = 6.5
employee_actions = "Calls the *customer* back."

[[stage]]
name = "Two"
+++
`})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	j := site.Journeys[0]
	var rows []string
	for _, r := range j.Rows() {
		rows = append(rows, r.Key)
	}
	want := "actions employee_actions thoughts touchpoints systems kpis effort emotion pain_points opportunities metrics drop_off"
	if got := strings.Join(rows, " "); got != want {
		t.Errorf("rows:\n%s\nwant:\n%s", got, want)
	}
	s := j.Stages[0]
	if got := s.Lane("systems").List; strings.Join(got, ",") != "SAP,Zalo OA" {
		t.Errorf("systems = %q", got)
	}
	if it := s.Lane("kpis").Items; len(it) != 2 || it[1].Owner != "CX" || it[1].Status != "open" {
		t.Errorf("kpis = %+v", it)
	}
	if v := s.Lane("effort"); !v.HasScore || v.Score != 6.5 {
		t.Errorf("effort = %+v", v)
	}
	if v := s.Lane("employee_actions"); v.Text != "Calls the *customer* back." {
		t.Errorf("employee_actions = %+v", v)
	}
	if !j.Stages[1].Lane("systems").Empty() || !j.Hidden("questions") || j.Hidden("actions") {
		t.Error("a blank lane or the hidden lanes are wrong")
	}
	if l := j.Lanes[0]; l.Name != "Hệ thống" || l.Description == "" || l.Journey || !j.Lanes[3].Journey {
		t.Errorf("lanes: %+v", j.Lanes)
	}
}

// TestLaneMistakes checks that every mistake about lanes is located and
// reported at once.
func TestLaneMistakes(t *testing.T) {
	config := `title = "t"
hide_lanes = ["question"]

[[lane]]
key = "systems"
name = "Systems"
kind = "list"

[[lane]]
key = "systems"
name = "Again"
kind = "text"

[[lane]]
key = "emotion"
name = "Clash"
kind = "text"

[[lane]]
key = "mood"
name = "Mood"
kind = "chart"

[[lane]]
key = "kpis"
name = "KPIs"
kind = "items"
after = "sytems"

[[lane]]
key = "Bad Key"
name = "Bad"
kind = "list"

[[lane]]
key = "effort"
name = "Effort"
kind = "list"
max = 7
`
	_, errs := lanesSite(t, config, map[string]string{"content/journeys/a.md": `+++
title = "A"

[[lane]]
key = "systems"
name = "Mine"
kind = "list"

[[lane]]
key = "csat"
name = "CSAT"
kind = "score"

[[stage]]
name = "One"
csat = "high"
kpis = [3]
systms = ["x"]

[[stage]]
name = "Two"
csat = 9
+++
`})
	var got []string
	for _, e := range errs {
		got = append(got, e.Error())
	}
	all := strings.Join(got, "\n")
	for _, want := range []string{
		`waymark.toml:2:15: "question" is no built-in lane (did you mean "questions"?)`,
		`waymark.toml:10:1: lane key "systems" is declared above already`,
		`waymark.toml:15:1: lane key "emotion" is one of a stage's own keys`,
		`waymark.toml:22:1: unknown kind "chart"`,
		`waymark.toml:28:1: lane "kpis" comes after "sytems", which is no lane (did you mean "systems"?)`,
		`waymark.toml:31:1: lane key "Bad Key" is not a plain key`,
		`waymark.toml:39:1: lane "effort" is a list lane: it has no max`,
		`content/journeys/a.md:5:1: lane key "systems" is declared in waymark.toml already`,
		`content/journeys/a.md:16:1: csat must be a number, not the string "high"`,
		`content/journeys/a.md:17:9: kpis must hold strings or tables, not the number 3`,
		`content/journeys/a.md:18:1: unknown key "systms" (did you mean "systems"?)`,
		`content/journeys/a.md:22:1: csat must be between 1 and 5, not 9`,
	} {
		if !strings.Contains(all, want) {
			t.Errorf("missing %s", want)
		}
	}
	if strings.Contains(all, "Bad Key, ") {
		t.Error("a lane whose key is a mistake is offered as a valid key")
	}
	if t.Failed() {
		t.Log(all)
	}
}
