package sitetest

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"
)

// axeTags are the rule sets checked: WCAG 2.0 and 2.1, levels A and AA.
const axeTags = `["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]`

type axeViolation struct {
	ID     string `json:"id"`
	Impact string `json:"impact"`
	Help   string `json:"help"`
	Nodes  []struct {
		Target  string `json:"target"`
		HTML    string `json:"html"`
		Summary string `json:"summary"`
	} `json:"nodes"`
}

// axeJS loads axe-core from the test server into the page, once, and runs
// it on the whole document.
const axeJS = `(async () => {
  if (typeof axe === "undefined") {
    await new Promise((ok, fail) => {
      const s = document.createElement("script");
      s.src = "/_test/axe.min.js";
      s.onload = ok;
      s.onerror = () => fail(new Error("axe.min.js did not load"));
      document.head.appendChild(s);
    });
  }
  const r = await axe.run(document, {
    runOnly: { type: "tag", values: ` + axeTags + ` },
    resultTypes: ["violations"],
  });
  return r.violations.map(v => ({
    id: v.id, impact: v.impact || "", help: v.help,
    nodes: v.nodes.slice(0, 6).map(n => ({
      target: n.target.join(" "), html: n.html.slice(0, 240), summary: n.failureSummary || "",
    })),
  }));
})()`

// viAxeKinds are the page kinds also checked in Vietnamese: those with
// the most UI strings. Colours do not depend on the language, and every
// string's presence is checked in generator/render/i18n_test.go.
var viAxeKinds = []string{"home", "persona", "journey", "journey-blueprint", "templates", "hub", "touchpoints", "404"}

// TestAxe runs axe-core's WCAG 2.1 A and AA rules on every page kind, in
// the light and then the dark colour scheme (switched without reloading),
// and on the main kinds in Vietnamese, and expects no violation at all.
func TestAxe(t *testing.T) {
	t.Parallel()
	if AxePath() == "" {
		requireOrSkip(t, "axe-core not found: set WAYMARK_AXE to axe.min.js, or run npm install --prefix ~/.cache/waymark-npm axe-core@4")
	}
	ctx := tab(t, 1280, 900)
	for _, lang := range []string{"en", "vi"} {
		base := siteURL(t, lang)
		schemes := []string{"light", "dark"}
		if lang == "vi" {
			schemes = schemes[:1]
		}
		for _, p := range Pages() {
			if lang == "vi" && !slices.Contains(viAxeKinds, p.Kind) {
				continue
			}
			t.Run(lang+"/"+p.Kind, func(t *testing.T) {
				start := time.Now()
				if err := do(ctx, colorScheme("light")); err != nil {
					t.Fatal(err)
				}
				open(t, ctx, base+p.Path)
				for _, scheme := range schemes {
					if err := do(ctx, colorScheme(scheme)); err != nil {
						t.Fatal(err)
					}
					if !eval[bool](t, ctx, `matchMedia("(prefers-color-scheme: `+scheme+`)").matches`) {
						t.Fatalf("the page is not in the %s scheme", scheme)
					}
					for _, v := range eval[[]axeViolation](t, ctx, axeJS) {
						var b strings.Builder
						for _, n := range v.Nodes {
							fmt.Fprintf(&b, "\n\t%s\n\t\t%s\n\t\t%s", n.Target, n.HTML, strings.ReplaceAll(n.Summary, "\n", "\n\t\t"))
						}
						t.Errorf("%s: %s (%s): %s%s", scheme, v.ID, v.Impact, v.Help, b.String())
					}
				}
				t.Logf("checked in %s", time.Since(start).Round(time.Millisecond))
			})
		}
	}
}
