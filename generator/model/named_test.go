package model

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/waymark-cx/waymark/generator/diag"
	"github.com/waymark-cx/waymark/generator/source"
)

// TestTablesNamedInHints: a mistake inside a table is told with the
// table's name as the author wrote it: an element of an array of tables
// ("this [[stage]]"), a table ("[stage.blueprint]"), an item.
func TestTablesNamedInHints(t *testing.T) {
	const text = `+++
title = "Buying"
[[stage]]
description = "no name"
  [[stage.touchpoint]]
  channel = "web"
  [stage.blueprint]
  frontstage = ["a"]
  backstag = ["b"]
  summary = "written late"
[[stage]]
name = "B"
pain_points = [{ owner = "x" }]
+++
`
	cfg, err := source.Decode(source.ConfigFile, []byte("title = \"t\"\n"), 1)
	if err != nil {
		t.Fatal(err)
	}
	f, err := source.Split("content/journeys/buy.md", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	_, err = New(&source.Set{Config: cfg, Content: []*source.File{f}}, Options{Addresses: testAddresses{}})
	var errs *diag.Errors
	if !errors.As(err, &errs) {
		t.Fatalf("want mistakes, got %v", err)
	}
	var got []string
	for _, e := range errs.List {
		got = append(got, fmt.Sprintf("%d:%d: %s | %s", e.Line, e.Col, e.Msg, e.Hint))
	}
	all := strings.Join(got, "\n")
	for _, want := range []string{
		`3:1: missing required key "name" | add name = "…" to this [[stage]]`,
		`5:3: missing required key "name" | add name = "…" to this [[touchpoint]]`,
		`9:3: unknown key "backstag" (did you mean "backstage"?) | valid keys here: backstage,`,
		`10:3: "summary" belongs to the front matter itself, but comes after a table header, so it was read as a key of [stage.blueprint] (line 7)`,
		`13:16: missing required key "text" | add text = "…" to this item`,
	} {
		if !strings.Contains(all, want) {
			t.Errorf("no %q in\n%s", want, all)
		}
	}
}
