package serve

import (
	"context"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/waymark-cx/waymark/generator/internal/browsertest"
)

// waitJS polls a JavaScript expression in the page until it is true.
func waitJS(t *testing.T, ctx context.Context, expr, what string) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](expr))
		if err == nil && ok {
			return
		}
		time.Sleep(5 * time.Millisecond)
	}
	t.Fatalf("timed out waiting for %s (%s)", what, expr)
}

// TestBrowserLiveReload opens a journey page in headless Chromium, edits
// its file and sees the page change by itself, keeping its scroll
// position; then breaks the file, sees the error overlay, fixes it and
// sees the overlay go.
func TestBrowserLiveReload(t *testing.T) {
	ctx := browsertest.New(t, 1200, 800)
	dir := t.TempDir()
	long := strings.Repeat("\n\nA paragraph of research notes that makes the page long enough to scroll.", 80)
	writeSite(t, dir, site)
	p := filepath.Join(dir, "content/journeys/buy.md")
	orig, _ := os.ReadFile(p)
	orig = append(orig, long+"\n"...)
	os.WriteFile(p, orig, 0o644)
	url, srv := startServer(t, dir, 0)
	if err := chromedp.Do(ctx, chromedp.Navigate(url+"journeys/buy/")); err != nil {
		t.Fatal(err)
	}
	waitJS(t, ctx, `document.body.innerText.includes("First version.")`, "the first version")
	// The script connects before we edit, saying where the page is: a
	// rebuild makes it first.
	waitJS(t, ctx, `document.documentElement.dataset.waymarkLive === "connected"`, "the event stream")
	if open := srv.openNames(); !open["journeys/buy/index.html"] {
		t.Errorf("the open page is not known to the server: %v", open)
	}
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[any](`window.scrollTo({ top: 600, behavior: "instant" })`)); err != nil {
		t.Fatal(err)
	}
	var latencies []time.Duration
	for i, text := range []string{"Second version.", "Third version.", "Fourth version.", "Fifth version.", "Sixth version."} {
		prev := []string{"First version.", "Second version.", "Third version.", "Fourth version.", "Fifth version."}[i]
		b, _ := os.ReadFile(p)
		start := time.Now()
		os.WriteFile(p, []byte(strings.Replace(string(b), prev, text, 1)), 0o644)
		waitJS(t, ctx, `document.body.innerText.includes("`+text+`")`, text)
		latencies = append(latencies, time.Since(start))
	}
	sort.Slice(latencies, func(i, j int) bool { return latencies[i] < latencies[j] })
	t.Logf("edit → page updated in the browser: median %s (of %d edits, with the default 20ms batching window)", latencies[len(latencies)/2], len(latencies))
	// The position is restored once the reloaded page has loaded.
	waitJS(t, ctx, `document.readyState === "complete" && window.scrollY > 500`, "the scroll position (about 600) after reload")

	// A TOML mistake: the overlay lists it, with the source line.
	os.WriteFile(p, []byte(strings.Replace(string(orig), `title = "Buying"`, `title = "Buying`, 1)), 0o644)
	waitJS(t, ctx, `!!document.getElementById("waymark-error-overlay")`, "the error overlay")
	text, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.getElementById("waymark-error-overlay").innerText`))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"content/journeys/buy.md:2:", "toml:", `title = "Buying`} {
		if !strings.Contains(text, want) {
			t.Errorf("overlay does not show %q:\n%s", want, text)
		}
	}
	// A page loaded while the mistake stands shows the overlay too.
	if err := chromedp.Do(ctx, chromedp.Navigate(url)); err != nil {
		t.Fatal(err)
	}
	waitJS(t, ctx, `!!document.getElementById("waymark-error-overlay")`, "the overlay on a newly loaded page")
	if err := chromedp.Do(ctx, chromedp.Navigate(url+"journeys/buy/")); err != nil {
		t.Fatal(err)
	}
	waitJS(t, ctx, `!!document.getElementById("waymark-error-overlay")`, "the overlay on the journey page")

	// Fixed: the overlay goes and the page shows the fixed content.
	os.WriteFile(p, []byte(strings.Replace(string(orig), "First version.", "Fixed version.", 1)), 0o644)
	waitJS(t, ctx, `!document.getElementById("waymark-error-overlay") && document.body.innerText.includes("Fixed version.")`, "the overlay to go")
}

// TestBrowserCSSSwap checks that a CSS-only change is applied without a
// full reload: a marker set on the window survives.
func TestBrowserCSSSwap(t *testing.T) {
	ctx := browsertest.New(t, 1000, 700)
	dir := t.TempDir()
	writeSite(t, dir, site)
	url, _ := startServer(t, dir, 0)
	if err := chromedp.Do(ctx, chromedp.Navigate(url+"journeys/buy/")); err != nil {
		t.Fatal(err)
	}
	waitJS(t, ctx, `document.documentElement.dataset.waymarkLive === "connected"`, "the event stream")
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[any](`window.waymarkMarker = 42`)); err != nil {
		t.Fatal(err)
	}
	css := filepath.Join(dir, "static/css/waymark.css")
	os.MkdirAll(filepath.Dir(css), 0o755)
	os.WriteFile(css, []byte("body { background: rgb(1, 2, 3) !important }\n"), 0o644)
	waitJS(t, ctx, `getComputedStyle(document.body).backgroundColor === "rgb(1, 2, 3)"`, "the new stylesheet")
	marker, err := chromedp.Run(ctx, chromedp.Evaluate[int](`window.waymarkMarker || 0`))
	if err != nil || marker != 42 {
		t.Errorf("the page was reloaded for a CSS-only change (marker %d, %v)", marker, err)
	}
}
