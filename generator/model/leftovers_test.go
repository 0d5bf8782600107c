package model

import (
	"fmt"
	"strings"
	"testing"

	"github.com/waymark-cx/waymark/generator/source"
)

// TestLeftoverWarnings checks that a journey keeping a template's guidance
// (its texts as they are, a prompt with a new example, an owner "Team?",
// a metric at the template's 0) gets a warning at each one's line, and
// that what the author replaced, or a template's stage names, do not.
func TestLeftoverWarnings(t *testing.T) {
	const template = `+++
title = "Blank"
summary = "A blank map for a workshop."
[params]
language = "en"
[[stage]]
name = "Discover"
feeling = "?"
actions = ["What does the customer do? e.g. searches the web"]
pain_points = ["What gets in the way? e.g. prices are hidden"]
  [[stage.touchpoint]]
  name = "Touchpoint (e.g. website)"
  channel = "Web"
  owner = "Team?"
  [[stage.metric]]
  name = "CSAT"
  unit = "%"
  value = 0
  [stage.blueprint]
  backstage = ["What happens out of sight? e.g. stock is checked"]
+++
How to run the workshop.
`
	const journey = `+++
title = "Buying"
summary = "A blank map for a workshop."
[[stage]]
name = "Discover"
feeling = "Curious"
actions = [
  "Asks a friend",
  "What does the customer do? e.g. reads reviews",
]
pain_points = ["Delivery fees appear late"]
  [[stage.touchpoint]]
  name = "Touchpoint (e.g. website)"
  channel = "Web"
  owner = "Team?"
  [[stage.metric]]
  name = "CSAT"
  unit = "%"
  value = 0
  [[stage.metric]]
  name = "Complaints"
  value = 0
  [stage.blueprint]
  backstage = ["What happens out of sight? e.g. stock is checked"]
+++
Notes.
`
	site := leftoverSite(t, map[string]string{"templates/blank.md": template, "content/journeys/buying.md": journey})
	var got []string
	for _, w := range site.Warnings {
		if strings.Contains(w.Msg, "template's") {
			got = append(got, fmt.Sprintf("%d:%d %s", w.Line, w.Col, w.Msg))
		}
	}
	want := []string{
		`3:1 summary is still the template's placeholder "A blank map for a workshop."`,
		`9:3 stage "Discover": actions is still the template's placeholder "What does the customer do? e.g. reads reviews"`,
		`13:3 stage "Discover": touchpoint name is still the template's placeholder "Touchpoint (e.g. website)"`,
		`15:3 stage "Discover": touchpoint owner is still the template's placeholder "Team?"`,
		`19:3 stage "Discover": metric "CSAT" still has the template's value 0`,
		`24:16 stage "Discover": blueprint backstage is still the template's placeholder "What happens out of sight? e.g. stock is checked"`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for _, w := range site.Warnings {
		if w.Path != "content/journeys/buying.md" || w.Hint == "" {
			t.Errorf("warning %v: want it in the journey, with a hint", w)
		}
	}
}

// TestLeftoverWarningsNone checks that the templates themselves, and a
// site without templates, give none.
func TestLeftoverWarningsNone(t *testing.T) {
	site := leftoverSite(t, map[string]string{"templates/blank.md": "+++\ntitle = \"Blank\"\nowner = \"Team?\"\n[[stage]]\nname = \"A\"\n+++\n",
		"content/journeys/a.md": "+++\ntitle = \"A\"\nowner = \"CX\"\n[[stage]]\nname = \"A\"\nfeeling = \"?!\"\n+++\n"})
	if len(site.Warnings) > 0 {
		t.Errorf("warnings: %v", site.Warnings)
	}
}

func leftoverSite(t *testing.T, files map[string]string) *Site {
	t.Helper()
	cfg, err := source.Decode(source.ConfigFile, []byte("title = \"t\"\n"), 1)
	if err != nil {
		t.Fatal(err)
	}
	set := &source.Set{Config: cfg}
	for name, text := range files {
		f, err := source.Split(name, []byte(text))
		if err != nil {
			t.Fatal(err)
		}
		if strings.HasPrefix(name, "templates/") {
			set.Templates = append(set.Templates, f)
		} else {
			set.Content = append(set.Content, f)
		}
	}
	site, err := New(set, Options{Addresses: testAddresses{}})
	if err != nil {
		t.Fatal(err)
	}
	return site
}
