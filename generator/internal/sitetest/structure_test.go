package sitetest

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// journeyPages are the page kinds that show a journey map.
func journeyPages() []Page {
	var out []Page
	for _, p := range Pages() {
		if strings.HasPrefix(p.Kind, "journey-") || p.Kind == "journey" {
			out = append(out, p)
		}
	}
	return out
}

// tableProblems lists what is wrong with the stage tables of a page: each
// needs a caption, a column header (scope=col) per stage, and a row header
// (scope=row) starting every row that has cells of its own.
const tableProblems = `(() => {
  const out = [];
  const tables = document.querySelectorAll(".stage-table");
  if (!tables.length) out.push("no .stage-table");
  for (const t of tables) {
    const cap = t.querySelector(":scope > caption");
    if (!cap || !cap.textContent.trim()) out.push("a stage table has no caption");
    const heads = t.querySelectorAll(":scope > thead > tr > th");
    if (heads.length < 2) out.push("a stage table has " + heads.length + " column headers");
    for (const th of heads) if (th.getAttribute("scope") !== "col") out.push("column header without scope=col: " + th.textContent.trim());
    for (const tr of t.querySelectorAll(":scope > tbody > tr")) {
      if (tr.cells.length === 1 && tr.cells[0].colSpan > 1) continue; // a blueprint line
      const th = tr.cells[0];
      if (th.tagName !== "TH" || th.getAttribute("scope") !== "row" || !th.textContent.trim())
        out.push("row without a scope=row header: " + tr.className);
      if (tr.cells.length !== heads.length && !tr.querySelector(".curve-cell"))
        out.push("row " + tr.className + " has " + tr.cells.length + " cells for " + heads.length + " columns");
    }
  }
  return out;
})()`

// curveFacts describes the emotion curves of a page: each SVG's accessible
// name and description, and the emotion scores the table shows as text.
const curveFacts = `(() => {
  const name = el => (el.getAttribute("aria-labelledby") || "").split(/\s+/).filter(Boolean)
    .map(id => (document.getElementById(id) || {}).textContent || "").join(" ").trim() || el.getAttribute("aria-label") || "";
  return [...document.querySelectorAll("svg.curve-svg")].map(svg => ({
    role: svg.getAttribute("role") || "",
    name: name(svg),
    markers: svg.querySelectorAll(".curve-marker").length,
    scores: [...svg.closest("table").querySelectorAll(".lane-emotion .emotion-score")].map(s => s.textContent.trim()),
    stages: [...svg.closest("table").querySelectorAll("thead .stage-name")].map(s => s.textContent.trim()),
  }));
})()`

type curveFact struct {
	Role    string   `json:"role"`
	Name    string   `json:"name"`
	Markers int      `json:"markers"`
	Scores  []string `json:"scores"`
	Stages  []string `json:"stages"`
}

// signalTexts gathers, for each colour-coded signal, the text a screen
// reader (and a colour-blind reader) gets with it.
const signalTexts = `(() => {
  const text = el => {
    // Visible or visually-hidden text, without aria-hidden parts.
    const c = el.cloneNode(true);
    c.querySelectorAll("[aria-hidden=true]").forEach(h => h.remove());
    return c.textContent.replace(/\s+/g, " ").trim();
  };
  const of = (sel, inner) => [...document.querySelectorAll(sel)].map(el => text(inner ? el.querySelector(inner) || document.createElement("i") : el));
  return {
    "drop-off alert": of(".dropoff.is-alert", ".dropoff-alert"),
    "stage alert": of(".stage-head.is-alert", ".stage-alert"),
    "off-target metric": of(".metric.is-off", ".metric-status"),
    "on-target metric": of(".metric.is-on", ".metric-status"),
    "fail-point touchpoint": of(".touchpoint.is-fail", ".chip-fail"),
    "blueprint fail point": of(".fail-points > li"),
    "severity": of(".chip-sev"),
    "status": of(".chip-status"),
    "emotion score": of(".emotion-score"),
  };
})()`

// TestJourneyStructure checks the journey pages' tables, emotion curves
// and colour-coded signals in the DOM the browser built.
func TestJourneyStructure(t *testing.T) {
	t.Parallel()
	ctx := tab(t, 1280, 900)
	base := siteURL(t, "en")
	seen := map[string]int{}
	for _, p := range journeyPages() {
		t.Run(p.Kind, func(t *testing.T) {
			open(t, ctx, base+p.Path)
			for _, problem := range eval[[]string](t, ctx, tableProblems) {
				t.Error(problem)
			}
			curves := eval[[]curveFact](t, ctx, curveFacts)
			if len(curves) == 0 {
				t.Error("no emotion curve")
			}
			for _, c := range curves {
				if c.Role != "img" || c.Name == "" {
					t.Errorf("emotion curve: role %q, accessible name %q; want role img and a name", c.Role, c.Name)
				}
				// The curve's equivalent: a score as text in the table for
				// every point, and every stage named in the description.
				if len(c.Scores) != c.Markers {
					t.Errorf("emotion curve has %d points but the table shows %d scores as text: %q", c.Markers, len(c.Scores), c.Scores)
				}
				for _, s := range c.Scores {
					if !strings.Contains(s, "/5") {
						t.Errorf("emotion score %q is not a score out of 5", s)
					}
				}
				for _, st := range c.Stages {
					if !strings.Contains(c.Name, st) {
						t.Errorf("the curve's accessible text does not name stage %q: %s", st, c.Name)
					}
				}
			}
			for kind, texts := range eval[map[string][]string](t, ctx, signalTexts) {
				seen[kind] += len(texts)
				for _, s := range texts {
					if len([]rune(s)) < 2 {
						t.Errorf("a %s carries no text, only colour (text %q)", kind, s)
					}
				}
			}
		})
	}
	// The example handbook must show every signal somewhere, or this test
	// checks nothing.
	for _, kind := range []string{"drop-off alert", "stage alert", "off-target metric", "on-target metric", "fail-point touchpoint", "blueprint fail point", "severity", "status", "emotion score"} {
		if seen[kind] == 0 {
			t.Errorf("no %s on any journey page of the example: the test cannot check it", kind)
		}
	}
}

// focusState describes the focused element.
const focusState = `(() => {
  const el = document.activeElement;
  if (!el || el === document.body) return { tag: "BODY" };
  const cs = getComputedStyle(el), r = el.getBoundingClientRect();
  return {
    tag: el.tagName, id: el.id, cls: el.className && el.className.baseVal === undefined ? el.className : "",
    text: (el.textContent || "").trim().slice(0, 60), k: el.dataset.k ? +el.dataset.k : -1,
    outline: cs.outlineStyle + " " + cs.outlineWidth,
    visible: r.width > 0 && r.height > 0 && r.bottom > 0 && r.right > 0 && r.top < innerHeight && r.left < innerWidth,
  };
})()`

type focused struct {
	Tag     string `json:"tag"`
	ID      string `json:"id"`
	Class   string `json:"cls"`
	Text    string `json:"text"`
	K       int    `json:"k"`
	Outline string `json:"outline"`
	Visible bool   `json:"visible"`
}

func press(t *testing.T, ctx context.Context, key string) focused {
	t.Helper()
	if err := do(ctx, chromedp.KeyEvent(key)); err != nil {
		t.Fatalf("pressing %q: %v", key, err)
	}
	return eval[focused](t, ctx, focusState)
}

// TestSkipLink: the first Tab shows the skip link, and Enter on it moves
// focus to the main content, on every page kind but the bare print views.
func TestSkipLink(t *testing.T) {
	t.Parallel()
	ctx := tab(t, 1280, 900)
	base := siteURL(t, "en")
	for _, p := range Pages() {
		if p.Bare {
			continue
		}
		t.Run(p.Kind, func(t *testing.T) {
			open(t, ctx, base+p.Path)
			f := press(t, ctx, kb.Tab)
			if !strings.Contains(f.Class, "skip-link") || !f.Visible {
				t.Fatalf("first Tab focused %+v; want the skip link, visible", f)
			}
			if strings.HasPrefix(f.Outline, "none") {
				t.Errorf("the focused skip link has no outline (%s)", f.Outline)
			}
			f = press(t, ctx, kb.Enter)
			if f.Tag != "MAIN" || f.ID != "main" {
				t.Errorf("Enter on the skip link focused %+v; want main#main", f)
			}
			// The next Tab goes to the first link in the content.
			f = press(t, ctx, kb.Tab)
			in := eval[bool](t, ctx, `document.querySelector("main").contains(document.activeElement)`)
			if !in && p.Kind != "404" {
				t.Errorf("Tab after the skip link focused %+v, outside main", f)
			}
		})
	}
}

// tabOrder marks every element that should take focus, in document order,
// with data-k, and returns how many there are and which is the timeline.
const tabOrder = `(() => {
  const els = [...document.querySelectorAll("a[href], button, input, select, textarea, summary, [tabindex]")]
    .filter(el => el.tabIndex >= 0 && !el.disabled && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== "hidden");
  els.forEach((el, i) => el.dataset.k = i);
  return { n: els.length, timeline: els.findIndex(el => el.classList.contains("timeline")) };
})()`

// TestKeyboardJourney tabs through a whole journey page: focus visits the
// skip link, every link and the timeline's scroll region in document
// order, each with a visible outline; the timeline scrolls with the arrow
// keys; after the last element focus leaves the page (no trap).
func TestKeyboardJourney(t *testing.T) {
	t.Parallel()
	ctx := tab(t, 1280, 900)
	base := siteURL(t, "en")
	// Seven stages scroll at 1280 px; the blueprint's six fit.
	for _, p := range []string{"journeys/a-day-in-hanhs-shop/", "journeys/merchant-onboarding-blueprint/"} {
		t.Run(strings.Trim(p, "/"), func(t *testing.T) {
			open(t, ctx, base+p)
			order := eval[struct {
				N        int `json:"n"`
				Timeline int `json:"timeline"`
			}](t, ctx, tabOrder)
			if order.N < 10 || order.Timeline < 0 {
				t.Fatalf("%d focusable elements, timeline at %d: the page is not what this test expects", order.N, order.Timeline)
			}
			for i := 0; i < order.N; i++ {
				f := press(t, ctx, kb.Tab)
				if f.K != i {
					t.Fatalf("Tab %d focused %+v; want element %d of %d in document order", i+1, f, i, order.N)
				}
				if strings.HasPrefix(f.Outline, "none") || strings.HasPrefix(f.Outline, "solid 0px") {
					t.Errorf("focused element %d (%s %q) has no visible outline: %s", i, f.Tag, f.Text, f.Outline)
				}
				if !f.Visible {
					t.Errorf("focused element %d (%s %q) is not scrolled into view", i, f.Tag, f.Text)
				}
				if i == order.Timeline {
					reachEveryStage(t, ctx)
				}
			}
			if f := press(t, ctx, kb.Tab); f.K >= 1 {
				t.Errorf("after the last element, Tab focused %+v: focus is trapped", f)
			}
		})
	}
}

// reachEveryStage: from the focused map, the keyboard brings every stage
// into the frame. A frame that scrolls moves with ArrowRight (animated:
// each press is waited for) until the last stage is in view; one that
// does not already shows every stage.
func reachEveryStage(t *testing.T, ctx context.Context) {
	t.Helper()
	const lastIn = `(() => {
	  const f = document.activeElement, heads = f.querySelectorAll("thead .stage-head");
	  const r = heads[heads.length - 1].getBoundingClientRect(), fr = f.getBoundingClientRect();
	  return r.right <= fr.right + 1 && r.left >= fr.left;
	})()`
	if !eval[bool](t, ctx, `document.activeElement.scrollWidth > document.activeElement.clientWidth + 1`) {
		if !eval[bool](t, ctx, lastIn) {
			t.Error("the map does not scroll, yet its last stage is outside the frame")
		}
		return
	}
	for range 40 {
		if eval[bool](t, ctx, lastIn) {
			return
		}
		before := eval[float64](t, ctx, `document.activeElement.scrollLeft`)
		press(t, ctx, kb.ArrowRight)
		moved := eval[bool](t, ctx, `new Promise(ok => {
		  const el = document.activeElement, end = Date.now() + 5000; // smooth scrolling on a busy machine
		  (function poll() { if (el.scrollLeft > `+fmt.Sprint(before)+` || Date.now() > end) ok(el.scrollLeft > `+fmt.Sprint(before)+`); else setTimeout(poll, 20); })();
		})`)
		if !moved {
			t.Fatal("ArrowRight on the focused map did not scroll it, and its last stage is not in view")
		}
	}
	t.Error("40 presses of ArrowRight did not bring the last stage into view")
}
