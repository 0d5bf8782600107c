package sitetest

import (
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"
)

// The map as a canvas (issue 16): it fits a laptop's screen, scrolls
// inside its own frame beyond that, keeps one header on every page and
// draws a blueprint as one grid. The curve is checked in curve_test.go,
// the printed sheet in sheet_test.go, separators and the poster on screen
// in lines_test.go.

// exampleJourneys lists the path (below Base) of every journey page of the
// example handbook built in lang.
func exampleJourneys(t *testing.T, lang string) []string {
	t.Helper()
	re := regexp.MustCompile(`^(journeys/[^/]+/)index\.html$`)
	var out []string
	for name := range built(t, lang) {
		if m := re.FindStringSubmatch(name); m != nil {
			out = append(out, m[1])
		}
	}
	sort.Strings(out)
	if len(out) < 6 {
		t.Fatalf("the example has %d journeys; this test wants at least 6", len(out))
	}
	return out
}

// mapFacts measures the map on a journey page: the frame against the
// viewport, the stage columns against the frame, and anything inside a
// cell that sticks out of it (a card cut at the column's edge). It waits
// two frames first: the scroll-driven cue follows the layout a frame late,
// later still on a busy machine.
const mapFacts = `new Promise(ok => requestAnimationFrame(() => requestAnimationFrame(() => ok((() => {
  const f = document.querySelector(".timeline"), vw = document.documentElement.clientWidth;
  const fr = f.getBoundingClientRect(), heads = [...f.querySelectorAll("thead .stage-head")];
  const cut = [];
  for (const el of f.querySelectorAll("td *, th *")) {
    if (el.closest(".visually-hidden, svg") || !el.getClientRects().length) continue;
    const cell = el.closest("td, th").getBoundingClientRect(), r = el.getBoundingClientRect();
    if (r.width && (r.right > cell.right + 0.5 || r.left < cell.left - 0.5))
      cut.push(el.tagName.toLowerCase() + "." + String(el.className).trim().split(/\s+/).join(".") + " " + Math.round(r.right - cell.right) + " px out");
  }
  const cue = document.querySelector(".more-cue");
  return {
    viewport: vw, docWidth: document.documentElement.scrollWidth,
    frameLeft: fr.left, frameRight: fr.right, scrollWidth: f.scrollWidth, clientWidth: f.clientWidth,
    stages: heads.length, lastRight: heads.length ? heads[heads.length - 1].getBoundingClientRect().right : 0,
    cut: [...new Set(cut)].slice(0, 8),
    cue: !!cue && getComputedStyle(cue).visibility === "visible" && cue.getBoundingClientRect().width > 0,
  };
})()))))`

type mapFact struct {
	Viewport    float64  `json:"viewport"`
	DocWidth    float64  `json:"docWidth"`
	FrameLeft   float64  `json:"frameLeft"`
	FrameRight  float64  `json:"frameRight"`
	ScrollWidth float64  `json:"scrollWidth"`
	ClientWidth float64  `json:"clientWidth"`
	Stages      int      `json:"stages"`
	LastRight   float64  `json:"lastRight"`
	Cut         []string `json:"cut"`
	Cue         bool     `json:"cue"`
}

// scrollEnd scrolls the map's frame to its end, waits two frames (the
// scroll-driven cue follows a frame late) and says where the lane column
// and the last stage are.
const scrollEnd = `new Promise(ok => {
  const f = document.querySelector(".timeline");
  f.scrollLeft = f.scrollWidth;
  requestAnimationFrame(() => requestAnimationFrame(() => {
    const fr = f.getBoundingClientRect(), lane = f.querySelector("tbody th[scope=row]").getBoundingClientRect();
    const heads = f.querySelectorAll("thead .stage-head"), last = heads[heads.length - 1].getBoundingClientRect();
    const cue = document.querySelector(".more-cue");
    ok({ laneLeft: lane.left - fr.left, lastRight: last.right, frameRight: fr.right,
         cue: getComputedStyle(cue).visibility === "visible" });
  }));
})`

// TestMapFits opens every journey of the example, in English and in
// Vietnamese, at 1280 and 1600 px. Up to six stages fit at 1280 px and
// eight at 1600 px: the frame does not scroll, the last stage ends inside
// it and no cue shows. More stages scroll inside the frame (never the
// page), a cue says so, and at the end of the scroll the lane column is
// still at the frame's left edge and the cue is gone. In either case no
// card or chip sticks out of its cell.
func TestMapFits(t *testing.T) {
	t.Parallel()
	fitting := map[int]int{1280: 6, 1600: 8}
	scrolled := 0
	for _, lang := range []string{"en", "vi"} {
		base := siteURL(t, lang)
		for _, width := range []int{1280, 1600} {
			ctx := tab(t, width, 900)
			for _, p := range exampleJourneys(t, lang) {
				t.Run(fmt.Sprintf("%s/%d/%s", lang, width, strings.Trim(p, "/")), func(t *testing.T) {
					open(t, ctx, base+p)
					f := eval[mapFact](t, ctx, mapFacts)
					if f.DocWidth > f.Viewport {
						t.Errorf("the page is %v px wide in a %v px window: it scrolls sideways", f.DocWidth, f.Viewport)
					}
					if f.FrameRight > f.Viewport+0.5 {
						t.Errorf("the map's frame ends at %v px, beyond the %v px window", f.FrameRight, f.Viewport)
					}
					if len(f.Cut) > 0 {
						t.Errorf("cut at a column's edge: %q", f.Cut)
					}
					scrolls := f.ScrollWidth > f.ClientWidth+1
					t.Logf("%d stages: the map is %v px in a %v px frame; the page %v px in %v", f.Stages, f.ScrollWidth, f.ClientWidth, f.DocWidth, f.Viewport)
					if f.Stages <= fitting[width] {
						if scrolls || f.LastRight > f.FrameRight+0.5 {
							t.Errorf("%d stages at %d px: the map is %v px wide in a %v px frame; want it to fit", f.Stages, width, f.ScrollWidth, f.ClientWidth)
						}
						if f.Cue {
							t.Error("the more-stages cue shows, but every stage is in view")
						}
						return
					}
					if !scrolls {
						// More stages than promised fit: fine, if they do.
						if f.LastRight > f.FrameRight+0.5 {
							t.Errorf("the last stage ends at %v px, outside the frame (%v px), which does not scroll", f.LastRight, f.FrameRight)
						}
						return
					}
					scrolled++
					if !f.Cue {
						t.Error("the frame scrolls, but no cue says that more stages follow")
					}
					end := eval[struct {
						LaneLeft   float64 `json:"laneLeft"`
						LastRight  float64 `json:"lastRight"`
						FrameRight float64 `json:"frameRight"`
						Cue        bool    `json:"cue"`
					}](t, ctx, scrollEnd)
					if end.LaneLeft < -0.5 || end.LaneLeft > 2 {
						t.Errorf("scrolled to the end, the lane column is %v px from the frame's left edge; want it fixed there", end.LaneLeft)
					}
					if end.LastRight > end.FrameRight+0.5 {
						t.Errorf("scrolled to the end, the last stage ends at %v px, outside the frame (%v px)", end.LastRight, end.FrameRight)
					}
					if end.Cue {
						t.Error("scrolled to the end, the more-stages cue still shows")
					}
				})
			}
		}
	}
	if scrolled == 0 {
		t.Error("no journey of the example scrolls at any width: the scrolling case went unchecked")
	}
}

// headerFacts places the site header's parts.
const headerFacts = `(() => {
  const box = s => { const el = document.querySelector(s); if (!el) return null; const r = el.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; };
  return { inner: box(".site-header-inner"), brand: box(".brand"), search: box(".site-search"), nav: box(".site-nav") };
})()`

// TestHeaderSame: at 1280 and 1600 px, in both languages, the site header
// is the same box on every page with one, and holds the brand, the
// navigation and the search box on one row.
func TestHeaderSame(t *testing.T) {
	t.Parallel()
	for _, lang := range []string{"en", "vi"} {
		base := siteURL(t, lang)
		for _, width := range []int{1280, 1600} {
			ctx := tab(t, width, 900)
			var first []float64
			firstKind := ""
			for _, p := range Pages() {
				if p.Bare {
					continue
				}
				t.Run(fmt.Sprintf("%s/%d/%s", lang, width, p.Kind), func(t *testing.T) {
					open(t, ctx, base+p.Path)
					h := eval[map[string][]float64](t, ctx, headerFacts)
					if h["inner"] == nil || h["brand"] == nil || h["nav"] == nil {
						t.Fatalf("no header, brand or navigation: %v", h)
					}
					if first == nil {
						first, firstKind = h["inner"], p.Kind
					} else if !slices.EqualFunc(first, h["inner"], func(a, b float64) bool { return a-b < 0.5 && b-a < 0.5 }) {
						t.Errorf("the header is %v here and %v on the %s page", h["inner"], first, firstKind)
					}
					brand := h["brand"]
					for _, part := range []string{"nav", "search"} {
						if b := h[part]; b != nil && (b[1] >= brand[3] || b[3] <= brand[1]) {
							t.Errorf("the %s (%v) is not on the brand's row (%v): the header wraps", part, b, brand)
						}
					}
				})
			}
		}
	}
}

// rowFacts lists each stage table's row headers and stage names, and the
// blueprint's lines in order.
const rowFacts = `[...document.querySelectorAll(".stage-table")].map(t => ({
  rows: [...t.querySelectorAll("tbody tr")].map(tr => tr.classList.contains("bp-line") ? "line:" + tr.className.replace(/.*bp-line-/, "") : (tr.querySelector("th[scope=row]") || {}).textContent || ""),
  layers: [...t.querySelectorAll("tbody tr")].map(tr => (tr.className.match(/\b(layer-\w+|bp-line-\w+)\b/) || [""])[0]).filter(Boolean),
  stages: [...t.querySelectorAll("thead .stage-name")].map(s => s.textContent.trim()),
}))`

type tableRows struct {
	Rows   []string `json:"rows"`
	Layers []string `json:"layers"`
	Stages []string `json:"stages"`
}

// TestBlueprintOneGrid: a service blueprint is one table, its stages
// headed once, with the blueprint's layers in order between the three
// lines; on every journey page no lane appears twice and each stage's
// name heads one column.
func TestBlueprintOneGrid(t *testing.T) {
	t.Parallel()
	ctx := tab(t, 1280, 900)
	for _, lang := range []string{"en", "vi"} {
		base := siteURL(t, lang)
		for _, p := range exampleJourneys(t, lang) {
			t.Run(lang+"/"+strings.Trim(p, "/"), func(t *testing.T) {
				open(t, ctx, base+p)
				tables := eval[[]tableRows](t, ctx, rowFacts)
				if len(tables) != 1 {
					t.Fatalf("%d stage tables; want the map as one", len(tables))
				}
				tb := tables[0]
				seen := map[string]bool{}
				for _, r := range tb.Rows {
					if seen[r] {
						t.Errorf("the lane %q appears twice", r)
					}
					seen[r] = true
				}
				names := eval[[]string](t, ctx, `[...document.querySelectorAll("main .stage-name")].map(s => s.textContent.trim())`)
				if !slices.Equal(names, tb.Stages) {
					t.Errorf("stage names on the page %q; want each once, as the table heads them: %q", names, tb.Stages)
				}
				if !strings.Contains(p, "blueprint") {
					return
				}
				want := []string{"layer-evidence", "layer-actions", "bp-line-interaction", "layer-frontstage", "bp-line-visibility",
					"layer-backstage", "bp-line-internal", "layer-support"}
				var got []string
				for _, l := range tb.Layers {
					if slices.Contains(want, l) {
						got = append(got, l)
					}
				}
				if !slices.Equal(got, want) {
					t.Errorf("the blueprint's layers run %q; want %q", got, want)
				}
			})
		}
	}
}
