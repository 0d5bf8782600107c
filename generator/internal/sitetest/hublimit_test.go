package sitetest

import (
	"context"
	"fmt"
	"maps"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
)

// TestAxeCutHubLists builds the example handbook with hub_limit = 1, so
// that every hub list is cut and ends with its "Showing 1 of N" note and
// CSV link, and runs axe-core on the hub pages that have such lists, in
// the light and the dark scheme.
func TestAxeCutHubLists(t *testing.T) {
	t.Parallel()
	if AxePath() == "" {
		requireOrSkip(t, "axe-core not found: set WAYMARK_AXE to axe.min.js, or run npm install --prefix ~/.cache/waymark-npm axe-core@4")
	}
	files, err := BuildWith(context.Background(), "en", "hub_limit = 1\n")
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(Handler(files, extras()))
	defer srv.Close()
	paths := []string{"pain-points/", "touchpoints/", "metrics/", "matrix/"}
	// and the first team's page that has a cut list
	for _, name := range slices.Sorted(maps.Keys(files)) {
		if strings.HasPrefix(name, "owners/") && strings.Count(name, "/") == 2 && strings.Contains(string(files[name]), "hub-more") {
			paths = append(paths, strings.TrimSuffix(name, "index.html"))
			break
		}
	}
	if len(paths) < 5 {
		t.Fatal("no team's page has a cut list")
	}
	ctx := tab(t, 1280, 900)
	for _, path := range paths {
		t.Run(path, func(t *testing.T) {
			page := string(files[path+"index.html"])
			if !strings.Contains(page, "hub-more") {
				t.Fatalf("%s has no cut list: hub_limit = 1 should cut one", path)
			}
			open(t, ctx, srv.URL+Base+path)
			for _, scheme := range []string{"light", "dark"} {
				if err := do(ctx, colorScheme(scheme)); err != nil {
					t.Fatal(err)
				}
				for _, v := range eval[[]axeViolation](t, ctx, axeJS) {
					var b strings.Builder
					for _, n := range v.Nodes {
						fmt.Fprintf(&b, "\n\t%s\n\t\t%s", n.Target, n.HTML)
					}
					t.Errorf("%s: %s (%s): %s%s", scheme, v.ID, v.Impact, v.Help, b.String())
				}
			}
		})
	}
}
