package sitetest

import (
	"fmt"
	"testing"
)

// Separators and the workshop poster on screen (issue 16).

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
