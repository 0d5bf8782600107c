// Package browsertest starts a real headless Chromium for tests, driven
// with chromedp. Without a browser the tests that need one are skipped,
// unless WAYMARK_REQUIRE_BROWSER=1 (as in CI), which makes that a failure.
package browsertest

import (
	"context"
	"os"
	"os/exec"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// Path finds Chromium: $WAYMARK_CHROMIUM, else Debian's /usr/bin/chromium,
// else chromium or google-chrome on the PATH.
func Path() string {
	if p := os.Getenv("WAYMARK_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"/usr/bin/chromium", "chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// New starts a headless browser for t and returns a context for its first
// tab, cancelled (and the browser stopped) when t ends.
func New(t testing.TB, width, height int) context.Context {
	t.Helper()
	path := Path()
	if path == "" {
		if os.Getenv("WAYMARK_REQUIRE_BROWSER") == "1" {
			t.Fatal("no Chromium found, and WAYMARK_REQUIRE_BROWSER=1: install it with apt-get install chromium")
		}
		t.Skip("no Chromium found (apt-get install chromium); set WAYMARK_REQUIRE_BROWSER=1 to fail instead")
	}
	ctx, cancel, err := Start(path, t.TempDir(), width, height)
	t.Cleanup(cancel)
	if err != nil {
		t.Fatalf("starting Chromium at %s: %v", path, err)
	}
	ctx, cancelTimeout := context.WithTimeout(ctx, 3*time.Minute)
	t.Cleanup(cancelTimeout)
	return ctx
}

// Start starts the headless browser at path outside any one test, so that
// a package can share one browser across its tests (from TestMain, say),
// and returns a context for its first tab and the function that stops it.
// The context has no time limit; New's has one of three minutes.
func Start(path, userDataDir string, width, height int) (context.Context, context.CancelFunc, error) {
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(path),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.UserDataDir(userDataDir),
		chromedp.WindowSize(width, height),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("hide-scrollbars", true),
	}
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(alloc)
	// Close the browser gracefully before the contexts go: killed, as
	// cancelling alone does, Chromium leaves its singleton-socket folder
	// (/tmp/org.chromium.Chromium.*) behind for every run.
	stop := func() {
		_ = chromedp.Cancel(ctx)
		cancel()
		cancelAlloc()
	}
	if err := chromedp.Do(ctx); err != nil { // start the browser now
		stop()
		return nil, func() {}, err
	}
	return ctx, stop, nil
}
