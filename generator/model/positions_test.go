package model

import (
	"fmt"
	"strings"
	"testing"
)

// TestSparsePositions: a one-off build looks up the positions of only
// the items and evidence a message may be about, and each of those is
// exact; a build whose model is kept looks up every one.
func TestSparsePositions(t *testing.T) {
	files := map[string]string{
		"content/research/survey.md": "+++\ntitle = \"Survey\"\ndate = 2026-09-01\n+++\n",
		"content/journeys/a.md": `+++
title = "A"
[[stage]]
name = "Decision"
pain_points = [
  "Slow",
  { text = "Fees hidden", severity = 3, evidence = ["survey", "interview", "https://example.com"] },
]
opportunities = ["Total first", { text = "Scored", value = 3, effort = 2 }]
+++
`}
	// where each item and piece of evidence is written: line, column
	painAt := []place{{6, 3}, {7, 3}}
	oppAt := []place{{9, 18}, {9, 33}}
	evAt := []place{{7, 53}, {7, 63}, {7, 76}}

	positions := func(site *Site) (pains, opps, evs []place) {
		st := site.Journeys[0].Stages[0]
		for _, it := range st.PainPoints {
			pains = append(pains, it.at)
		}
		for _, it := range st.Opportunities {
			opps = append(opps, it.at)
		}
		for _, ev := range st.PainPoints[1].Evidence {
			evs = append(evs, ev.at)
		}
		return pains, opps, evs
	}
	check := func(name string, got, want []place) {
		t.Helper()
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("%s at %v, want %v", name, got, want)
		}
	}
	var none place

	for _, tc := range []struct {
		name, rules string
		cache       *Cache
		pains, opps []place
	}{
		{"one-off, no rules", "", nil, []place{none, none}, []place{none, none}},
		{"one-off, critical pain points", "[rules]\ncritical_needs_owner = true\n", nil, []place{none, painAt[1]}, []place{none, none}},
		{"one-off, critical pain points", "[rules]\ncritical_needs_evidence = true\n", nil, []place{none, painAt[1]}, []place{none, none}},
		{"one-off, scores", "[rules]\nopportunity_needs_score = true\n", nil, []place{none, none}, []place{oppAt[0], none}},
		{"kept", "", NewCache(), painAt, oppAt},
	} {
		site, errs := planSiteIn(t, tc.cache, tc.rules, files)
		got := messages(errs)
		// The evidence that names no note is a mistake at its place.
		if want := fmt.Sprintf("a.md:%d:%d: evidence %q names no research note", evAt[1][0], evAt[1][1], "interview"); len(errs) != 1 || !strings.Contains(got, want) {
			t.Fatalf("%s: want %q, got:\n%s", tc.name, want, got)
		}
		pains, opps, evs := positions(site)
		check(tc.name+": pain points", pains, tc.pains)
		check(tc.name+": opportunities", opps, tc.opps)
		if tc.cache != nil {
			check(tc.name+": evidence", evs, evAt)
		} else {
			check(tc.name+": evidence", evs, []place{none, evAt[1], none})
		}
		for _, w := range site.Warnings {
			if w.Line == 0 {
				t.Errorf("%s: a warning without its line: %v", tc.name, w)
			}
		}
	}
}
