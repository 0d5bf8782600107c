package sitetest

import (
	"regexp"
	"slices"
	"strings"
	"testing"
)

var bodyKindRE = regexp.MustCompile(`<body class="?kind-([a-z0-9-]+)`)

// TestEveryKindCovered reads the kind of every page of the example
// (<body class="kind-…">) and fails when a kind has no entry in Pages, so
// that a new kind of page cannot escape the browser checks.
func TestEveryKindCovered(t *testing.T) {
	files := built(t, "en")
	covered := map[string]bool{}
	for _, p := range Pages() {
		name := p.Path + "index.html"
		if p.Kind == "404" {
			name = "404.html"
		}
		m := bodyKindRE.FindSubmatch(files[name])
		if m == nil {
			t.Errorf("Pages: %s (%s) names no page of the example with a kind", p.Kind, p.Path)
			continue
		}
		covered[string(m[1])] = true
	}
	var missing []string
	for name, data := range files {
		if m := bodyKindRE.FindSubmatch(data); m != nil && !covered[string(m[1])] {
			missing = append(missing, string(m[1])+" (e.g. "+name+")")
		}
	}
	slices.Sort(missing)
	missing = slices.CompactFunc(missing, func(a, b string) bool { return strings.Fields(a)[0] == strings.Fields(b)[0] })
	for _, m := range missing {
		t.Errorf("page kind %s has no entry in Pages (sitetest.go): add one, so that the browser tests check it", m)
	}
}
