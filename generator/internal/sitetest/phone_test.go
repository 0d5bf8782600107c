package sitetest

import "testing"

// scrollRegions are the elements allowed to scroll sideways on a phone:
// the timeline, and any other labelled, keyboard-focusable scroll region
// (a wide table wrapped as the timeline is).
const scrollRegions = `.timeline, [role=region][tabindex="0"]`

// phoneFacts measures a page at phone width: how wide the document is,
// which elements stick out of the viewport (outside a scroll region), and
// the base font size.
const phoneFacts = `(() => {
  const vw = document.documentElement.clientWidth;
  const out = [];
  for (const el of document.body.querySelectorAll("*")) {
    const r = el.getBoundingClientRect(), region = el.parentElement.closest(` + "`" + scrollRegions + "`" + `);
    if (region) {
      // Inside a scroll region, only what escapes its clip counts: an
      // absolutely positioned element whose containing block is outside.
      if (r.right > vw + 0.5 && getComputedStyle(el).position === "absolute" && !region.contains(el.offsetParent))
        out.push(el.tagName.toLowerCase() + "." + String(el.className).trim() + " escapes its scroll region, which needs position: relative");
      continue;
    }
    if (r.width && (r.right > vw + 0.5 || r.left < -0.5))
      out.push(el.tagName.toLowerCase() + (el.className && typeof el.className === "string" ? "." + el.className.trim().split(/\s+/).join(".") : "") +
        " [" + Math.round(r.left) + ", " + Math.round(r.right) + "]");
  }
  for (const el of document.querySelectorAll(` + "`" + scrollRegions + "`" + `))
    if (getComputedStyle(el).overflowX === "visible")
      out.push("a scroll region that does not scroll (overflow-x: visible): " + el.tagName.toLowerCase() + "." + String(el.className).trim().split(/\s+/).join("."));
  const timelines = [...document.querySelectorAll(".timeline")];
  return {
    viewport: vw,
    scrollWidth: document.documentElement.scrollWidth,
    overflowing: [...new Set(out)].slice(0, 8),
    fontSize: parseFloat(getComputedStyle(document.documentElement).fontSize),
    bodyFontSize: parseFloat(getComputedStyle(document.body).fontSize),
    timelinesFit: timelines.every(el => el.getBoundingClientRect().right <= vw + 0.5),
    timelinesScroll: timelines.every(el => el.scrollWidth > el.clientWidth),
    timelines: timelines.length,
  };
})()`

type phoneFact struct {
	Viewport        float64  `json:"viewport"`
	ScrollWidth     float64  `json:"scrollWidth"`
	Overflowing     []string `json:"overflowing"`
	FontSize        float64  `json:"fontSize"`
	BodyFontSize    float64  `json:"bodyFontSize"`
	TimelinesFit    bool     `json:"timelinesFit"`
	TimelinesScroll bool     `json:"timelinesScroll"`
	Timelines       int      `json:"timelines"`
}

// TestPhone opens every page kind, in both languages, 375 px wide: no page
// scrolls sideways (only the timeline, or another labelled scroll region,
// scrolls inside its own frame, which fits the screen), and the text is
// at least 16 px, readable without zooming.
func TestPhone(t *testing.T) {
	t.Parallel()
	const width = 375
	ctx := tab(t, width, 812)
	for _, lang := range []string{"en", "vi"} {
		base := siteURL(t, lang)
		for _, p := range Pages() {
			t.Run(lang+"/"+p.Kind, func(t *testing.T) {
				if p.Kind == "template-poster" {
					t.Skip("the blank workshop poster is a fixed A3 sheet, made to be printed")
				}
				open(t, ctx, base+p.Path)
				f := eval[phoneFact](t, ctx, phoneFacts)
				if f.Viewport != width {
					t.Fatalf("viewport is %v px wide, want %d", f.Viewport, width)
				}
				if f.ScrollWidth > width || len(f.Overflowing) > 0 {
					t.Errorf("the page is %v px wide at %d px, so it scrolls sideways; elements outside the viewport: %q", f.ScrollWidth, width, f.Overflowing)
				}
				if f.FontSize < 16 || f.BodyFontSize < 16 {
					t.Errorf("base font size %v px, body %v px; want at least 16 px", f.FontSize, f.BodyFontSize)
				}
				if f.Timelines > 0 && (!f.TimelinesFit || !f.TimelinesScroll) {
					t.Errorf("%d timelines: fit the screen %v, scroll inside %v; want both", f.Timelines, f.TimelinesFit, f.TimelinesScroll)
				}
				if p.Kind == "journey" && f.Timelines == 0 {
					t.Error("no timeline on a journey page")
				}
			})
		}
	}
}
