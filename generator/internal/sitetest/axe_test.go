package sitetest

import (
	"fmt"
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

// TestAxe runs axe-core's WCAG 2.1 A and AA rules on every page kind, in
// the light and the dark colour scheme (and in Vietnamese, light), and
// expects no violation at all.
func TestAxe(t *testing.T) {
	t.Parallel()
	if AxePath() == "" {
		requireOrSkip(t, "axe-core not found: set WAYMARK_AXE to axe.min.js, or run npm install --prefix ~/.cache/waymark-npm axe-core@4")
	}
	ctx := tab(t, 1280, 900)
	for _, lang := range []string{"en", "vi"} {
		base := siteURL(t, lang)
		for _, scheme := range []string{"light", "dark"} {
			if err := do(ctx, colorScheme(scheme)); err != nil {
				t.Fatal(err)
			}
			for _, p := range Pages {
				if lang == "vi" && scheme == "dark" {
					continue // the colours do not depend on the language
				}
				t.Run(lang+"/"+scheme+"/"+p.Kind, func(t *testing.T) {
					start := time.Now()
					open(t, ctx, base+p.Path)
					vs := eval[[]axeViolation](t, ctx, axeJS)
					for _, v := range vs {
						var b strings.Builder
						for _, n := range v.Nodes {
							fmt.Fprintf(&b, "\n\t%s\n\t\t%s\n\t\t%s", n.Target, n.HTML, strings.ReplaceAll(n.Summary, "\n", "\n\t\t"))
						}
						t.Errorf("%s (%s): %s%s", v.ID, v.Impact, v.Help, b.String())
					}
					t.Logf("checked in %s", time.Since(start).Round(time.Millisecond))
				})
			}
		}
	}
}
