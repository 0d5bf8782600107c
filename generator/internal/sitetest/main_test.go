package sitetest

import (
	"context"
	"net/http/httptest"
	"os"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"github.com/waymark-cx/waymark/generator/internal/browsertest"
)

// One browser for the whole package: starting Chromium costs about a
// second, and each test opens its own tab in it.
var shared struct {
	once sync.Once
	ctx  context.Context
	stop context.CancelFunc
	dir  string
	path string
	err  error
}

// One build and one server per UI language, and one of the English
// example with longer journeys (longSite).
var sites = map[string]*site{"en": {}, "vi": {}, longSite: {}}

// longSite names the build of the example with two longer journeys added:
// eight stages (journeys/eight-stages/) and twelve (journeys/twelve-stages/).
const longSite = "long"

type site struct {
	once  sync.Once
	files map[string][]byte
	srv   *httptest.Server
	err   error
}

func TestMain(m *testing.M) {
	code := m.Run()
	if shared.stop != nil {
		shared.stop()
		os.RemoveAll(shared.dir)
	}
	for _, s := range sites {
		if s.srv != nil {
			s.srv.Close()
		}
	}
	os.Exit(code)
}

// requireOrSkip skips t for a missing tool, or fails it when
// WAYMARK_REQUIRE_BROWSER=1.
func requireOrSkip(t *testing.T, msg string) {
	t.Helper()
	if os.Getenv("WAYMARK_REQUIRE_BROWSER") == "1" {
		t.Fatal(msg + ", and WAYMARK_REQUIRE_BROWSER=1")
	}
	t.Skip(msg + "; set WAYMARK_REQUIRE_BROWSER=1 to fail instead")
}

// browser returns the shared browser, started on first use.
func browser(t *testing.T) context.Context {
	t.Helper()
	shared.once.Do(func() {
		shared.path = browsertest.Path()
		if shared.path == "" {
			return
		}
		shared.dir, shared.err = os.MkdirTemp("", "waymark-sitetest-")
		if shared.err != nil {
			return
		}
		shared.ctx, shared.stop, shared.err = browsertest.Start(shared.path, shared.dir, 1280, 900)
	})
	if shared.path == "" {
		requireOrSkip(t, "no Chromium found (apt-get install chromium)")
	}
	if shared.err != nil {
		t.Fatalf("starting Chromium at %s: %v", shared.path, shared.err)
	}
	return shared.ctx
}

// tab opens a new tab of width×height CSS pixels in the shared browser,
// closed when t ends.
func tab(t *testing.T, width, height int) context.Context {
	t.Helper()
	ctx, cancel := chromedp.NewContext(browser(t))
	t.Cleanup(cancel)
	// Focus emulation: the tab behaves as if focused, so that focus
	// styles and key events work whichever tab the browser shows.
	focus := chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, emulation.SetFocusEmulationEnabled, emulation.SetFocusEmulationEnabledParams{Enabled: true})
		return err
	})
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(int64(width), int64(height)), focus, colorScheme("light")); err != nil {
		t.Fatalf("opening a tab: %v", err)
	}
	return ctx
}

// actionTimeout bounds each step of a test in the browser (a navigation,
// an evaluation, a key), so that a hung page fails its own subtest.
const actionTimeout = time.Minute

// run runs a chromedp action with actionTimeout.
func run[T any](ctx context.Context, a chromedp.Action[T]) (T, error) {
	ctx, cancel := context.WithTimeout(ctx, actionTimeout)
	defer cancel()
	return chromedp.Run(ctx, a)
}

// do runs chromedp actions with actionTimeout.
func do(ctx context.Context, steps ...chromedp.Action[chromedp.Void]) error {
	_, err := run(ctx, chromedp.Steps(steps...))
	return err
}

// built builds the example handbook in lang once and returns its files.
func built(t *testing.T, lang string) map[string][]byte {
	t.Helper()
	s := sites[lang]
	s.once.Do(func() {
		if lang == longSite {
			s.files, s.err = BuildFiles(context.Background(), "en", "", map[string]string{
				"content/journeys/eight-stages.md":  LongJourney("Eight stages", 8),
				"content/journeys/twelve-stages.md": LongJourney("Twelve stages", 12),
			})
		} else {
			s.files, s.err = Build(context.Background(), lang)
		}
		if s.err == nil {
			s.srv = httptest.NewServer(Handler(s.files, extras()))
		}
	})
	if s.err != nil {
		t.Fatalf("building the example handbook in %s:\n%v", lang, s.err)
	}
	return s.files
}

// siteURL returns the URL of Base on the server of the example handbook
// built in lang.
func siteURL(t *testing.T, lang string) string {
	t.Helper()
	built(t, lang)
	return sites[lang].srv.URL + Base
}

// extras are the files the tests serve beside the site: axe-core, when
// found.
func extras() map[string][]byte {
	out := map[string][]byte{}
	if p := AxePath(); p != "" {
		if b, err := os.ReadFile(p); err == nil {
			out["axe.min.js"] = b
		}
	}
	return out
}

// colorScheme emulates prefers-color-scheme: "light" or "dark"; "print"
// emulates print media instead. Every tab starts light; all prefer reduced
// motion.
func colorScheme(scheme string) chromedp.Action[chromedp.Void] {
	return func(ctx context.Context, tg *chromedp.Target) (chromedp.Void, error) {
		p := emulation.SetEmulatedMediaParams{}
		switch scheme {
		case "print":
			p.Media = "print"
		case "light", "dark":
			p.Features = []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}}
		}
		// No smooth scrolling: a test reads positions right after a key.
		p.Features = append(p.Features, &emulation.MediaFeature{Name: "prefers-reduced-motion", Value: "reduce"})
		_, err := cdp.Call(ctx, tg, emulation.SetEmulatedMedia, p)
		return chromedp.Void{}, err
	}
}

// open navigates to url and waits until the page's fonts are ready.
func open(t *testing.T, ctx context.Context, url string) {
	t.Helper()
	if err := do(ctx, chromedp.Navigate(url)); err != nil {
		t.Fatalf("opening %s: %v", url, err)
	}
	if _, err := run(ctx, chromedp.Evaluate[bool](`document.fonts.ready.then(() => true)`, chromedp.EvalAwaitPromise)); err != nil {
		t.Fatalf("waiting for %s: %v", url, err)
	}
}

// eval evaluates a JavaScript expression and decodes its value into T.
func eval[T any](t *testing.T, ctx context.Context, js string) T {
	t.Helper()
	v, err := run(ctx, chromedp.Evaluate[T](js, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("evaluating %.80s…: %v", js, err)
	}
	return v
}
