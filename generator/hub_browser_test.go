package generator

import (
	"context"
	"mime"
	"net/http"
	"net/http/httptest"
	"path"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/waymark-cx/waymark/generator/internal/browsertest"
)

// hubBase is the sub-path the search test serves the example under, as
// GitHub Pages serves a project site: a link or fetch that forgets the
// base path breaks.
const hubBase = "/cx/"

// serveFiles serves built files (as output.Memory holds them) under
// hubBase: "dir/" answers dir/index.html, anything unknown 404.
func serveFiles(t *testing.T, files map[string][]byte) string {
	t.Helper()
	mux := http.NewServeMux()
	mux.HandleFunc(hubBase, func(w http.ResponseWriter, r *http.Request) {
		name := strings.TrimPrefix(r.URL.Path, hubBase)
		if name == "" || strings.HasSuffix(name, "/") {
			name += "index.html"
		}
		b, ok := files[name]
		if !ok {
			http.NotFound(w, r)
			return
		}
		if ct := mime.TypeByExtension(path.Ext(name)); ct != "" {
			w.Header().Set("Content-Type", ct)
		}
		w.Write(b)
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv.URL + hubBase
}

// evalJS evaluates a JavaScript expression in the page.
func evalJS[T any](t *testing.T, ctx context.Context, expr string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr))
	if err != nil {
		t.Fatalf("evaluating %s: %v", expr, err)
	}
	return v
}

// waitFor polls a JavaScript expression until it is true.
func waitFor(t *testing.T, ctx context.Context, expr, what string) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		if ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](expr)); err == nil && ok {
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatalf("timed out waiting for %s (%s)", what, expr)
}

func do(t *testing.T, ctx context.Context, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(ctx, steps...); err != nil {
		t.Fatal(err)
	}
}

// focusEmulation makes the tab behave as if focused, so that key events
// and focus work whichever tab the browser shows.
var focusEmulation = chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
	_, err := cdp.Call(ctx, tg, emulation.SetFocusEmulationEnabled, emulation.SetFocusEmulationEnabledParams{Enabled: true})
	return err
})

// A search result as the page shows it.
type searchHit struct {
	Title string `json:"title"`
	Href  string `json:"href"`
	Kind  string `json:"kind"`
}

const readHits = `[...document.querySelectorAll("#search-results li")].map(li => ({
  title: li.querySelector("a").textContent,
  href: li.querySelector("a").getAttribute("href"),
  kind: li.querySelector(".search-kind").textContent,
}))`

// TestHubSearchInBrowser builds the example handbook for a base URL with a
// sub-path, serves it there and searches it in headless Chromium: typing
// without diacritics finds the Vietnamese journey and its stages, a stage
// result lands on the stage's column, the results are announced and
// reachable from the keyboard, the header form lands on the search page,
// and without JavaScript the page says so and links to the lists.
func TestHubSearchInBrowser(t *testing.T) {
	ctx := browsertest.New(t, 1280, 900)
	_, files := buildExample(t, "https://handbook.example"+hubBase)
	base := serveFiles(t, files)
	do(t, ctx, focusEmulation)

	const (
		viTitle = "Hành trình đặt hàng và đổi trả của Minh"
		viURL   = hubBase + "journeys/hanh-trinh-dat-hang-va-doi-tra/"
	)

	// Typing "hanh trinh" finds "Hành trình …": the journey comes first.
	do(t, ctx, chromedp.Navigate(base+"search/"))
	waitFor(t, ctx, `document.getElementById("search-app").classList.contains("is-loaded")`, "the search index")
	if hidden := evalJS[bool](t, ctx, `document.querySelector(".search-form").hidden`); hidden {
		t.Fatal("with JavaScript, the search form is still hidden")
	}
	do(t, ctx, chromedp.SendKeys("#search-q", "hanh trinh"))
	// Results follow the typing after a short pause; wait for the whole query's.
	waitFor(t, ctx, `document.getElementById("search-status").textContent.includes("“hanh trinh”") &&
	  new URLSearchParams(location.search).get("q") === "hanh trinh"`, "results for hanh trinh")
	hits := evalJS[[]searchHit](t, ctx, readHits)
	if hits[0].Title != viTitle || hits[0].Href != viURL || hits[0].Kind != "Journey" {
		t.Errorf("first result for %q = %+v; want the journey %q at %s", "hanh trinh", hits[0], viTitle, viURL)
	}
	status := evalJS[string](t, ctx, `document.getElementById("search-status").textContent`)
	if want := `results for “hanh trinh”`; !strings.Contains(status, want) {
		t.Errorf("status = %q; want the count of %s", status, want)
	}
	live := evalJS[string](t, ctx, `(s => s.getAttribute("role") + " " + s.getAttribute("aria-live"))(document.getElementById("search-status"))`)
	if live != "status polite" {
		t.Errorf("the result count is in role/aria-live %q; want status polite", live)
	}
	marked := evalJS[string](t, ctx, `[...document.querySelectorAll("#search-results li:first-child a mark")].map(m => m.textContent).join("|")`)
	if marked != "Hành|trình" {
		t.Errorf("the first result marks %q; want Hành|trình", marked)
	}
	if q := evalJS[string](t, ctx, `new URLSearchParams(location.search).get("q")`); q != "hanh trinh" {
		t.Errorf("the address keeps q=%q; want hanh trinh", q)
	}

	// Every word must match: "doi tra" (đ folded to d) finds the return
	// stage; "tim san pham" finds stage 1, and its link lands on the
	// stage's column, under the base path.
	do(t, ctx, chromedp.Navigate(base+"search/?q=doi+tra"))
	waitFor(t, ctx, `document.querySelectorAll("#search-results a").length > 0`, "results for doi tra")
	hits = evalJS[[]searchHit](t, ctx, readHits)
	found := false
	for _, h := range hits {
		found = found || h.Title == "Yêu cầu đổi trả" && h.Kind == "Stage" && h.Href == viURL+"#stage-5"
		if !strings.HasPrefix(h.Href, hubBase) {
			t.Errorf("result %+v links outside %s", h, hubBase)
		}
	}
	if !found {
		t.Errorf("no stage result “Yêu cầu đổi trả” → %s#stage-5 for “doi tra” in %+v", viURL, hits)
	}
	do(t, ctx, chromedp.Navigate(base+"search/?q=tim+san+pham"))
	waitFor(t, ctx, `document.querySelectorAll("#search-results a").length > 0`, "results for tim san pham")
	hits = evalJS[[]searchHit](t, ctx, readHits)
	if h := hits[0]; h.Title != "Tìm sản phẩm" || h.Kind != "Stage" || h.Href != viURL+"#stage-1" {
		t.Fatalf("first result for “tim san pham” = %+v; want the stage Tìm sản phẩm at %s#stage-1", h, viURL)
	}
	do(t, ctx, chromedp.Click("#search-results li:first-child a"))
	waitFor(t, ctx, `location.pathname === "`+viURL+`" && document.readyState === "complete"`, "the journey page")
	target := evalJS[string](t, ctx, `(el => el ? el.tagName + " " + el.querySelector(".stage-name").textContent : "none")(document.getElementById(location.hash.slice(1)))`)
	if target != "TH Tìm sản phẩm" {
		t.Errorf("the stage link's target %q is %q; want the stage's column header TH Tìm sản phẩm", evalJS[string](t, ctx, `location.hash`), target)
	}
	if n := evalJS[int](t, ctx, `document.querySelectorAll("[id^=stage-]").length`); n != 6 {
		t.Errorf("the journey has %d stage anchors; want one per stage (6)", n)
	}

	// Keyboard: ↓ from the field focuses the first result, ↓ and Tab move
	// on, ↑ from the first result returns to the field.
	do(t, ctx, chromedp.Navigate(base+"search/?q=checkout"))
	waitFor(t, ctx, `document.querySelectorAll("#search-results a").length > 2`, "results for checkout")
	focused := func() string {
		return evalJS[string](t, ctx, `(a => a.id || a.getAttribute("href") || a.tagName)(document.activeElement)`)
	}
	links := evalJS[[]string](t, ctx, `[...document.querySelectorAll("#search-results a")].map(a => a.getAttribute("href"))`)
	do(t, ctx, chromedp.Focus("#search-q"), chromedp.KeyEvent(kb.ArrowDown))
	if f := focused(); f != links[0] {
		t.Errorf("↓ in the field focused %q; want the first result %q", f, links[0])
	}
	do(t, ctx, chromedp.KeyEvent(kb.ArrowDown))
	if f := focused(); f != links[1] {
		t.Errorf("↓ on the first result focused %q; want the second %q", f, links[1])
	}
	do(t, ctx, chromedp.KeyEvent(kb.Tab))
	if f := focused(); f != links[2] {
		t.Errorf("Tab on the second result focused %q; want the third %q", f, links[2])
	}
	do(t, ctx, chromedp.Focus("#search-results li:first-child a"), chromedp.KeyEvent(kb.ArrowUp))
	if f := focused(); f != "search-q" {
		t.Errorf("↑ on the first result focused %q; want the search field", f)
	}
	// Tab alone reaches the results too: field, button, first result.
	do(t, ctx, chromedp.Focus("#search-q"), chromedp.KeyEvent(kb.Tab), chromedp.KeyEvent(kb.Tab))
	if f := focused(); f != links[0] {
		t.Errorf("two Tabs from the field focused %q; want the first result %q", f, links[0])
	}
	if outline := evalJS[string](t, ctx, `getComputedStyle(document.activeElement).outlineStyle`); outline == "none" {
		t.Error("the focused result has no outline")
	}

	// The header's search form, on any page, lands on the search page.
	do(t, ctx, chromedp.Navigate(base+"journeys/"))
	if action := evalJS[string](t, ctx, `document.querySelector("header form[role=search]").getAttribute("action")`); action != hubBase+"search/" {
		t.Errorf("the header form posts to %q; want %s", action, hubBase+"search/")
	}
	do(t, ctx, chromedp.SendKeys("#site-search-q", "doi tra"), chromedp.KeyEvent(kb.Enter))
	waitFor(t, ctx, `location.pathname === "`+hubBase+`search/" && document.querySelectorAll("#search-results a").length > 0`, "the search page with results")
	if v := evalJS[string](t, ctx, `document.getElementById("search-q").value`); v != "doi tra" {
		t.Errorf("the search page's field holds %q; want the query doi tra", v)
	}

	// Without JavaScript the page explains that search needs it and links
	// to the lists; the (useless) form stays hidden.
	noJS, cancel := chromedp.NewContext(ctx)
	defer cancel()
	do(t, noJS, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true})
		return err
	}), chromedp.Navigate(base+"search/?q=hanh+trinh"))
	text, err := chromedp.Run(noJS, chromedp.Text("main"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(text, "needs JavaScript") {
		t.Errorf("without JavaScript the search page does not say it needs it:\n%s", text)
	}
	if visible, err := chromedp.Run(noJS, chromedp.Evaluate[bool](`document.querySelector(".search-form").getClientRects().length > 0`)); err != nil || visible {
		t.Errorf("without JavaScript the search form shows (%v)", err)
	}
	lists, err := chromedp.Run(noJS, chromedp.Evaluate[[]string](`[...document.querySelectorAll(".search-lists a")].map(a => a.getAttribute("href"))`))
	if err != nil || !containsAll(lists, hubBase+"journeys/", hubBase+"personas/", hubBase+"touchpoints/") {
		t.Errorf("without JavaScript the page links %q (%v); want the journeys, personas and touchpoints lists", lists, err)
	}
}

func containsAll(have []string, want ...string) bool {
	for _, w := range want {
		ok := false
		for _, h := range have {
			ok = ok || h == w
		}
		if !ok {
			return false
		}
	}
	return true
}
