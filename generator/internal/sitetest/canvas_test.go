package sitetest

import (
	"context"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// The map as a canvas (issue 16): it fits a laptop's screen, scrolls
// inside its own frame beyond that, prints on one sheet, and draws a
// blueprint as one grid.

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
// cell that sticks out of it (a card cut at the column's edge).
const mapFacts = `(() => {
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
})()`

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

// curveGeometry measures the curve against the stage columns: each
// marker's and drop-off arrow's centre, and each column's.
const curveGeometry = `(() => {
  const svg = document.querySelector(".curve-svg"), fig = svg.closest("figure");
  const heads = [...document.querySelectorAll(".timeline thead .stage-head")].map(h => { const r = h.getBoundingClientRect(); return (r.left + r.right) / 2; });
  const centre = el => { const r = el.getBoundingClientRect(); return (r.left + r.right) / 2; };
  const lines = [...svg.querySelectorAll(".curve-line")].map(g => ({
    stroke: getComputedStyle(g.querySelector(".curve-stroke line") || g.querySelector(".curve-marker")).stroke,
    dash: g.querySelector(".curve-stroke").getAttribute("stroke-dasharray") || "",
    marker: g.dataset.marker,
    xs: [...g.querySelectorAll(".curve-marker")].map(centre),
  }));
  const bands = [...svg.querySelectorAll(".band")].map(b => ({ name: b.getAttribute("class"), top: b.getBoundingClientRect().top, fill: getComputedStyle(b).fill }));
  const drops = [...svg.querySelectorAll(".curve-drops line")].map(centre);
  const dropCells = [...document.querySelectorAll(".lane-dropoff td")].map(td => { const v = td.querySelector(".dropoff-value"); return v ? v.textContent.trim() : ""; });
  return {
    heads, lines, bands, drops, dropCells,
    key: [...fig.querySelectorAll(".curve-legend li")].map(li => li.textContent.trim()),
    personas: [...document.querySelectorAll(".fact-personas .persona-chip > span:last-child")].map(a => a.textContent.trim()),
    feelings: [...document.querySelectorAll(".emotion-feeling")].map(e => e.textContent.trim()),
    visible: document.querySelector("main").innerText,
    height: svg.getBoundingClientRect().height,
  };
})()`

type curveGeo struct {
	Heads []float64 `json:"heads"`
	Lines []struct {
		Stroke string    `json:"stroke"`
		Dash   string    `json:"dash"`
		Marker string    `json:"marker"`
		Xs     []float64 `json:"xs"`
	} `json:"lines"`
	Bands []struct {
		Name string  `json:"name"`
		Top  float64 `json:"top"`
		Fill string  `json:"fill"`
	} `json:"bands"`
	Drops     []float64 `json:"drops"`
	DropCells []string  `json:"dropCells"`
	Key       []string  `json:"key"`
	Personas  []string  `json:"personas"`
	Feelings  []string  `json:"feelings"`
	Visible   string    `json:"visible"`
	Height    float64   `json:"height"`
}

// TestCurveReads checks the emotion curve of every journey of the example,
// light and dark, at 1280 and 375 px: positive, neutral and negative bands
// from top to bottom; each persona's line its own colour, dash and marker
// shape, named in the key; every marker and drop-off arrow on the centre
// of its stage's column; an arrow for every stage that loses customers;
// and each feeling word once on the page.
func TestCurveReads(t *testing.T) {
	t.Parallel()
	base := siteURL(t, "en")
	many := 0
	for _, width := range []int{1280, 375} {
		for _, scheme := range []string{"light", "dark"} {
			ctx := tab(t, width, 900)
			if err := do(ctx, colorScheme(scheme)); err != nil {
				t.Fatal(err)
			}
			for _, p := range exampleJourneys(t, "en") {
				t.Run(fmt.Sprintf("%d/%s/%s", width, scheme, strings.Trim(p, "/")), func(t *testing.T) {
					open(t, ctx, base+p)
					g := eval[curveGeo](t, ctx, curveGeometry)
					if len(g.Bands) != 3 || !strings.Contains(g.Bands[0].Name, "positive") || !strings.Contains(g.Bands[1].Name, "neutral") ||
						!strings.Contains(g.Bands[2].Name, "negative") || !(g.Bands[0].Top < g.Bands[1].Top && g.Bands[1].Top < g.Bands[2].Top) {
						t.Errorf("bands %+v; want positive, neutral and negative from top to bottom", g.Bands)
					} else if g.Bands[0].Fill == g.Bands[2].Fill {
						t.Errorf("the positive and negative bands are both %s", g.Bands[0].Fill)
					}
					if g.Height < 100 {
						t.Errorf("the curve is %v px high", g.Height)
					}
					styles, colours := map[string]bool{}, map[string]bool{}
					for i, l := range g.Lines {
						styles[l.Dash+"|"+l.Marker], colours[l.Stroke] = true, true
						for j, x := range l.Xs {
							if !nearAny(x, g.Heads, 1.5) {
								t.Errorf("line %d's marker %d is at x=%.1f, on no stage column's centre %v", i+1, j+1, x, g.Heads)
							}
						}
					}
					if len(styles) != len(g.Lines) || len(colours) != len(g.Lines) {
						t.Errorf("%d lines share styles or colours: %+v", len(g.Lines), g.Lines)
					}
					if len(g.Lines) > 1 {
						many++
					}
					for _, name := range g.Personas {
						if len(g.Lines) > 0 && !slices.Contains(g.Key, name) {
							t.Errorf("the key %q does not name persona %q", g.Key, name)
						}
					}
					losing := 0
					for _, v := range g.DropCells {
						if v != "" && strings.Trim(v, "0%  ,.\u00a0") != "" {
							losing++
						}
					}
					if len(g.Drops) != losing {
						t.Errorf("%d drop-off arrows on the curve; %d stages lose customers (%q)", len(g.Drops), losing, g.DropCells)
					}
					for _, x := range g.Drops {
						if !nearAny(x, g.Heads, 1.5) {
							t.Errorf("a drop-off arrow is at x=%.1f, on no stage column's centre %v", x, g.Heads)
						}
					}
					for _, f := range g.Feelings {
						if n := countWord(g.Visible, f); n != 1 {
							t.Errorf("the feeling %q shows %d times; want once", f, n)
						}
					}
				})
			}
		}
	}
	if many == 0 {
		t.Error("no journey has several personas' lines: distinct styles went unchecked")
	}
}

// countWord counts f in s where it stands as words of its own ("Loyal",
// not the start of "Loyalty").
func countWord(s, f string) int {
	return len(regexp.MustCompile(`(^|[^\pL\pN])`+regexp.QuoteMeta(f)+`($|[^\pL\pN])`).FindAllStringIndex(s, -1))
}

func nearAny(x float64, xs []float64, tol float64) bool {
	for _, v := range xs {
		if x-v <= tol && v-x <= tol {
			return true
		}
	}
	return false
}

// TestCurveColours: the persona line colours are told apart by readers
// with each common colour-vision deficiency (simulated with the Machado,
// Oliveira and Fernandes 2009 matrices at full severity), and each has at
// least 3:1 contrast with the plot, light and dark, as WCAG asks of
// graphics.
func TestCurveColours(t *testing.T) {
	t.Parallel()
	base := siteURL(t, "en")
	for _, scheme := range []string{"light", "dark"} {
		t.Run(scheme, func(t *testing.T) {
			ctx := tab(t, 1280, 900)
			if err := do(ctx, colorScheme(scheme)); err != nil {
				t.Fatal(err)
			}
			open(t, ctx, base+"journeys/mega-sale-11-11/")
			c := eval[struct {
				Lines [][3]float64 `json:"lines"`
				Bg    [3]float64   `json:"bg"`
			}](t, ctx, `(() => {
			  const rgb = s => s.match(/[\d.]+/g).slice(0, 3).map(Number);
			  const probe = document.createElement("span");
			  document.body.append(probe);
			  const lines = [1, 2, 3, 4].map(n => { probe.style.color = "var(--line-" + n + ")"; return rgb(getComputedStyle(probe).color); });
			  probe.style.color = "var(--surface)";
			  const bg = rgb(getComputedStyle(probe).color);
			  probe.remove();
			  return { lines, bg };
			})()`)
			sims := map[string][3][3]float64{
				"normal":       {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}},
				"protanopia":   {{0.152286, 1.052583, -0.204868}, {0.114503, 0.786281, 0.099216}, {-0.003882, -0.048116, 1.051998}},
				"deuteranopia": {{0.367322, 0.860646, -0.227968}, {0.280085, 0.672501, 0.047413}, {-0.011820, 0.042940, 0.968881}},
				"tritanopia":   {{1.255528, -0.076749, -0.178779}, {-0.078411, 0.930809, 0.147602}, {0.004733, 0.691367, 0.303900}},
			}
			for i, a := range c.Lines {
				if r := contrast(a, c.Bg); r < 3 {
					t.Errorf("line %d (%v) has %.2f:1 contrast with the plot (%v); want 3:1", i+1, a, r, c.Bg)
				}
				for j := i + 1; j < len(c.Lines); j++ {
					for name, m := range sims {
						if d := distance(simulate(m, a), simulate(m, c.Lines[j])); d < 0.12 {
							t.Errorf("with %s, lines %d and %d look alike (distance %.3f in linear RGB)", name, i+1, j+1, d)
						}
					}
				}
			}
		})
	}
}

func linear(c float64) float64 {
	c /= 255
	if c <= 0.04045 {
		return c / 12.92
	}
	return math.Pow((c+0.055)/1.055, 2.4)
}

func simulate(m [3][3]float64, c [3]float64) [3]float64 {
	l := [3]float64{linear(c[0]), linear(c[1]), linear(c[2])}
	var out [3]float64
	for i := range out {
		out[i] = min(max(m[i][0]*l[0]+m[i][1]*l[1]+m[i][2]*l[2], 0), 1)
	}
	return out
}

func distance(a, b [3]float64) float64 {
	s := 0.0
	for i := range a {
		s += (a[i] - b[i]) * (a[i] - b[i])
	}
	return math.Sqrt(s)
}

func contrast(a, b [3]float64) float64 {
	lum := func(c [3]float64) float64 {
		return 0.2126*linear(c[0]) + 0.7152*linear(c[1]) + 0.0722*linear(c[2])
	}
	x, y := lum(a)+0.05, lum(b)+0.05
	return max(x, y) / min(x, y)
}

// TestPrintOneSheet prints every journey of the example to PDF as
// Chromium's print dialog would: the print view of a journey or blueprint
// of up to eight stages is one A3 landscape sheet; the journey page puts
// its header and whole map on the first sheet (its notes follow); every
// stage's name and the title are in the sheet's text.
func TestPrintOneSheet(t *testing.T) {
	t.Parallel()
	ctx := tab(t, 1280, 900)
	base := siteURL(t, "en")
	for _, p := range exampleJourneys(t, "en") {
		for _, view := range []string{"print/", ""} {
			t.Run(strings.Trim(p+view, "/"), func(t *testing.T) {
				open(t, ctx, base+p+view)
				stages := eval[[]string](t, ctx, `[...document.querySelectorAll(".timeline thead .stage-name")].map(s => s.textContent.trim())`)
				title := eval[string](t, ctx, `document.querySelector("h1").textContent.trim()`)
				lanes := eval[[]string](t, ctx, `[...document.querySelectorAll(".timeline tbody th[scope=row]")].map(s => s.textContent.trim())`)
				doc := printPDF(t, ctx)
				for i, b := range doc.boxes {
					if b[0] <= b[1] || b[0] < 1180 || b[0] > 1200 || b[1] < 835 || b[1] > 850 {
						t.Errorf("sheet %d is %.1f × %.1f pt; want A3 landscape", i+1, b[0], b[1])
					}
				}
				if len(stages) > 8 {
					t.Skipf("%d stages: more than one sheet is allowed", len(stages))
				}
				if view != "" && len(doc.pages) != 1 {
					t.Errorf("%d stages print on %d sheets; want 1", len(stages), len(doc.pages))
				}
				first := squash(doc.pages[0])
				// The header, every stage and every lane down to the last:
				// the whole map is on the first sheet.
				for _, s := range append(append(stages, title), lanes...) {
					if !strings.Contains(first, squash(s)) {
						t.Errorf("%q is not on the first sheet", s)
					}
				}
				t.Logf("%d stages: %d sheets", len(stages), len(doc.pages))
			})
		}
	}
}

func squash(s string) string { return strings.Join(strings.Fields(s), "") }

// printPDF prints the open page as the print dialog would (the theme's
// @page size) and reads the PDF.
func printPDF(t *testing.T, ctx context.Context) pdfDoc {
	t.Helper()
	pdf, err := run(ctx, chromedp.PrintToPDF(chromedp.PDFPreferCSSPageSize(), chromedp.PDFPrintBackground()))
	if err != nil {
		t.Fatal(err)
	}
	doc := parsePDF(t, pdf)
	if len(doc.pages) == 0 || len(doc.pages) != len(doc.boxes) {
		t.Fatalf("read %d pages and %d page boxes from the PDF", len(doc.pages), len(doc.boxes))
	}
	return doc
}

// separatorsAtLineStart lists the separators ("·" in text, "·" or "/"
// drawn by CSS) that a line starts with: wrapped to the start of a line,
// a separator reads as a bullet of what follows ("· Điểm đau").
const separatorsAtLineStart = `(() => {
  const out = [];
  // The box whose lines hold el: its block container, or the flex
  // container it is an item of.
  const lineBox = el => {
    for (let e = el; e; e = e.parentElement) {
      const p = e.parentElement, pd = p ? getComputedStyle(p).display : "";
      if (pd.includes("flex")) return p;
      if (!getComputedStyle(e).display.startsWith("inline") && getComputedStyle(e).display !== "contents") return e;
    }
    return document.body;
  };
  const startsLine = (left, el) => {
    const b = lineBox(el), r = b.getBoundingClientRect(), cs = getComputedStyle(b);
    return left - (r.left + parseFloat(cs.borderLeftWidth) + parseFloat(cs.paddingLeft)) < 1.5;
  };
  const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n; (n = walk.nextNode()); ) {
    if (!n.data.includes("·") || n.parentElement.closest(".visually-hidden, script, style, svg")) continue;
    for (let k = n.data.indexOf("·"); k >= 0; k = n.data.indexOf("·", k + 1)) {
      const range = document.createRange();
      range.setStart(n, k); range.setEnd(n, k + 1);
      const r = range.getBoundingClientRect();
      if (r.width && startsLine(r.left, n.parentElement)) out.push("“" + n.data.slice(k, k + 24).trim() + "”");
    }
  }
  for (const el of document.body.querySelectorAll("*")) {
    if (!/^"[·\/]"$/.test(getComputedStyle(el, "::before").content)) continue;
    const r = el.getBoundingClientRect();
    if (r.width && el.parentElement && startsLine(r.left, el.parentElement)) out.push(el.tagName.toLowerCase() + "::before “" + el.textContent.trim().slice(0, 20) + "”");
  }
  return out.slice(0, 8);
})()`

// TestSeparatorsStayInLine opens every page kind, in both languages, at
// 375 and 1280 px: no line starts with a separator.
func TestSeparatorsStayInLine(t *testing.T) {
	t.Parallel()
	for _, lang := range []string{"en", "vi"} {
		base := siteURL(t, lang)
		for _, width := range []int{375, 1280} {
			ctx := tab(t, width, 900)
			for _, p := range Pages() {
				t.Run(fmt.Sprintf("%s/%d/%s", lang, width, p.Kind), func(t *testing.T) {
					open(t, ctx, base+p.Path)
					if out := eval[[]string](t, ctx, separatorsAtLineStart); len(out) > 0 {
						t.Errorf("lines start with a separator: %q", out)
					}
				})
			}
		}
	}
}

// TestPosterOnScreen: the workshop poster of a template fits the window
// at 1280 and 1600 px, with nothing cut off inside it.
func TestPosterOnScreen(t *testing.T) {
	t.Parallel()
	base := siteURL(t, "vi")
	for _, width := range []int{1280, 1600} {
		t.Run(fmt.Sprint(width), func(t *testing.T) {
			ctx := tab(t, width, 900)
			open(t, ctx, base+"templates/current-state-b2b/poster/")
			f := eval[struct {
				Doc, View, Right float64
				Clipped          []string
			}](t, ctx, `(() => {
			  const p = document.querySelector("main.poster"), r = p.getBoundingClientRect(), clipped = [];
			  for (const el of p.querySelectorAll("h1, dt, .stage, .lane, .corner, .poster-foot span"))
			    if (el.scrollWidth > el.clientWidth + 1 || el.getBoundingClientRect().right > r.right + 0.5) clipped.push(el.textContent.trim().slice(0, 30));
			  return { Doc: document.documentElement.scrollWidth, View: document.documentElement.clientWidth, Right: r.right, Clipped: clipped };
			})()`)
			if f.Doc > f.View || f.Right > f.View {
				t.Errorf("the poster ends at %v px in a %v px window (the page is %v px wide)", f.Right, f.View, f.Doc)
			}
			if len(f.Clipped) > 0 {
				t.Errorf("cut off on the poster: %q", f.Clipped)
			}
		})
	}
}

// TestLongMaps uses journeys longer than the example's: eight stages fit
// without scrolling at 1600 px and scroll at 1280 px with the cue; twelve
// scroll at both. Printed, eight stages are one sheet; twelve take the
// fewest sheets with every stage column whole: the map is fitted to the
// sheet's width (nothing sticks out, the frame does not scroll), so no
// column is split between sheets.
func TestLongMaps(t *testing.T) {
	t.Parallel()
	base := siteURL(t, longSite)
	for _, c := range []struct {
		path   string
		stages int
	}{{"journeys/eight-stages/", 8}, {"journeys/twelve-stages/", 12}} {
		for _, width := range []int{1280, 1600} {
			t.Run(fmt.Sprintf("%d/%s", width, strings.Trim(c.path, "/")), func(t *testing.T) {
				ctx := tab(t, width, 900)
				open(t, ctx, base+c.path)
				f := eval[mapFact](t, ctx, mapFacts)
				if f.Stages != c.stages {
					t.Fatalf("%d stages on the page, want %d", f.Stages, c.stages)
				}
				scrolls := f.ScrollWidth > f.ClientWidth+1
				if want := c.stages > 8 || width < 1600; scrolls != want || f.Cue != want {
					t.Errorf("%d stages at %d px: the frame scrolls: %v, the cue shows: %v; want %v", c.stages, width, scrolls, f.Cue, want)
				}
				if f.DocWidth > f.Viewport || len(f.Cut) > 0 {
					t.Errorf("the page is %v px wide in %v px; cut: %q", f.DocWidth, f.Viewport, f.Cut)
				}
			})
		}
		t.Run("print/"+strings.Trim(c.path, "/"), func(t *testing.T) {
			ctx := tab(t, 1280, 900)
			open(t, ctx, base+c.path+"print/")
			doc := printPDF(t, ctx)
			if *screenshots != "" { // -screenshots: keep the PDF to look at
				pdf, err := run(ctx, chromedp.PrintToPDF(chromedp.PDFPreferCSSPageSize(), chromedp.PDFPrintBackground()))
				if err == nil {
					err = os.WriteFile(filepath.Join(*screenshots, "long-"+strings.Trim(strings.TrimPrefix(c.path, "journeys/"), "/")+".pdf"), pdf, 0o644)
				}
				if err != nil {
					t.Fatal(err)
				}
			}
			if c.stages <= 8 && len(doc.pages) != 1 {
				t.Errorf("%d stages print on %d sheets; want 1", c.stages, len(doc.pages))
			}
			if c.stages > 8 && len(doc.pages) > 2 {
				t.Errorf("%d stages print on %d sheets; want at most 2", c.stages, len(doc.pages))
			}
			first := squash(doc.pages[0])
			for i := 1; i <= c.stages; i++ {
				if s := fmt.Sprintf("Step %d of the way", i); !strings.Contains(first, squash(s)) {
					t.Errorf("the first sheet lacks the column of %q", s)
				}
			}
			if err := do(ctx, colorScheme("print"), chromedp.EmulateViewport(posterWidth, 1047)); err != nil {
				t.Fatal(err)
			}
			f := eval[struct {
				ScrollWidth float64  `json:"scrollWidth"`
				Out         []string `json:"out"`
			}](t, ctx, printOverflow)
			if f.ScrollWidth > posterWidth || len(f.Out) > 0 {
				t.Errorf("printed %d px wide, the page is %v px wide; cut off: %q", posterWidth, f.ScrollWidth, f.Out)
			}
			t.Logf("%d stages: %d sheets", c.stages, len(doc.pages))
		})
	}
}

// TestPrintLightInDark: a reader whose screen is dark prints the map in
// its light colours: white paper, light bands, the light line colours.
func TestPrintLightInDark(t *testing.T) {
	t.Parallel()
	ctx := tab(t, 1280, 900)
	open(t, ctx, siteURL(t, "en")+"journeys/mega-sale-11-11/")
	got := map[string]string{}
	for _, media := range []string{"screen", "print"} {
		err := do(ctx, func(ctx context.Context, tg *chromedp.Target) (chromedp.Void, error) {
			p := emulation.SetEmulatedMediaParams{Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: "dark"}}}
			if media == "print" {
				p.Media = "print"
			}
			_, err := cdp.Call(ctx, tg, emulation.SetEmulatedMedia, p)
			return chromedp.Void{}, err
		})
		if err != nil {
			t.Fatal(err)
		}
		got[media] = eval[string](t, ctx, `[getComputedStyle(document.body).backgroundColor,
		  getComputedStyle(document.querySelector(".band-negative")).fill,
		  getComputedStyle(document.querySelector(".curve-line.line-1 .curve-stroke")).stroke].join(" | ")`)
	}
	if want := "rgb(255, 255, 255) | rgb(252, 235, 234) | rgb(0, 114, 178)"; got["print"] != want {
		t.Errorf("printed from a dark screen: %s; want %s", got["print"], want)
	}
	if got["screen"] == got["print"] {
		t.Errorf("the dark screen shows %s, as print does: the test does not see the dark scheme", got["screen"])
	}
}
