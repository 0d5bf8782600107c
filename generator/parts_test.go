package generator

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A site that redraws a part of the stage table, the blueprint or a
// journey card with its own partial sees it there too, not only where
// templates call the partial: the built-in components draw that part by
// the site's partial (render/parts.go).
func TestRedrawnParts(t *testing.T) {
	src := t.TempDir()
	writeTxtar(t, src, goodSite)
	writeTxtar(t, src, `
-- content/journeys/buy.md --
+++
title = "Buying"
persona = "lan"
last_reviewed = 2025-01-01
review_every = "3m"

[[stage]]
name = "Awareness"
emotion = 4
actions = ["Sees an ad"]
pain_points = [{ text = "Too many ads", severity = 2 }]
[stage.blueprint]
frontstage = ["Ad team"]

[[stage]]
name = "Decision"
emotion = 2
+++
Notes.
-- layouts/partials/items.html --
{{- /* Dot: dict "Items" "Class". */ -}}
<ul class="my-items {{.Class}}">{{range .Items}}<li>MINE: {{.Text}} ({{.Severity}})</li>{{end}}</ul>
-- layouts/partials/stage-head.html --
<th scope="col" class="my-head"{{with .ID}} id="{{.}}"{{end}}>{{.Stage.Name}}</th>
-- layouts/partials/strings.html --
{{if .}}<ol class="my-list">{{range .}}<li>{{.}}</li>{{end}}</ol>{{end}}
-- layouts/partials/review-badge.html --
{{if needsReview .}}<span class="my-badge">Review due {{isoDate .ReviewDue}}</span>{{end}}
`)
	if _, err := buildDir(t, src); err != nil {
		t.Fatal(err)
	}
	read := func(name string) string {
		b, err := os.ReadFile(filepath.Join(src, "public", filepath.FromSlash(name)))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	for _, page := range []string{"journeys/buy/index.html", "journeys/buy/print/index.html"} {
		html := read(page)
		for _, want := range []string{
			`<ul class="my-items pain-points"><li>MINE: Too many ads (2)</li></ul>`, // the timeline's pain points
			`<th scope="col" class="my-head" id="stage-1">Awareness</th>`,           // the timeline's headings keep their ids
			`<ol class="my-list"><li>Sees an ad</li></ol>`,                          // actions
			`<ol class="my-list"><li>Ad team</li></ol>`,                             // a blueprint layer
		} {
			if !strings.Contains(html, want) {
				t.Errorf("%s lacks %s", page, want)
			}
		}
		// One grid: the blueprint's layers are rows of the same table,
		// so each stage is headed once.
		if n := strings.Count(html, `class="my-head"`); n != 2 {
			t.Errorf("%s heads its 2 stages %d times, want once each", page, n)
		}
		if strings.Contains(html, `class="stage-head`) || strings.Contains(html, `class=stage-head`) {
			t.Errorf("%s still has the built-in stage heads", page)
		}
	}
	// Journey cards (the journeys list, the home page, the persona) show
	// the site's badge.
	for _, page := range []string{"journeys/index.html", "personas/lan/index.html"} {
		if html := read(page); !strings.Contains(html, `<span class="my-badge">Review due 2025-04-01</span>`) {
			i := strings.Index(html, "card-eyebrow")
			t.Errorf("%s: a journey card lacks the site's review badge: %.300s", page, html[max(i, 0):])
		}
	}
}
