package sitetest

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/chromedp/chromedp"
)

var screenshots = flag.String("screenshots", "", "write PNG screenshots of every page kind to this `folder` (TestScreenshots)")

// TestScreenshots renders every page kind at phone (375 px), laptop
// (1280 px) and wide (1600 px) widths, in the light and the dark scheme,
// and the journey, persona and poster pages as printed, to PNG files (the
// printed page at print media, as wide as the sheet's content box) and to
// the PDF Chromium prints, so that a change to the theme can be looked at:
//
//	go test ./generator/internal/sitetest -run TestScreenshots -screenshots /tmp/shots
//
// Files are named LANG-KIND-WIDTH-SCHEME.png, and LANG-KIND.pdf. -run TestScreenshots/journey
// takes only the kinds that match; WAYMARK_SCREENSHOT_LANG=vi builds the
// site in Vietnamese. Without -screenshots the test is skipped.
func TestScreenshots(t *testing.T) {
	if *screenshots == "" {
		t.Skip("no -screenshots folder given")
	}
	lang := os.Getenv("WAYMARK_SCREENSHOT_LANG")
	if lang == "" {
		lang = "en"
	}
	if err := os.MkdirAll(*screenshots, 0o755); err != nil {
		t.Fatal(err)
	}
	base := siteURL(t, lang)
	n := 0
	shoot := func(t *testing.T, width int, scheme string, p Page) {
		t.Helper()
		ctx := tab(t, width, 900)
		if err := do(ctx, colorScheme(scheme)); err != nil {
			t.Fatal(err)
		}
		open(t, ctx, base+p.Path)
		png, err := run(ctx, chromedp.FullScreenshot(100))
		if err != nil {
			t.Fatal(err)
		}
		name := filepath.Join(*screenshots, fmt.Sprintf("%s-%s-%d-%s.png", lang, p.Kind, width, scheme))
		if err := os.WriteFile(name, png, 0o644); err != nil {
			t.Fatal(err)
		}
		n++
	}
	print := func(t *testing.T, p Page) {
		t.Helper()
		ctx := tab(t, 1280, 900)
		open(t, ctx, base+p.Path)
		pdf, err := run(ctx, chromedp.PrintToPDF(chromedp.PDFPreferCSSPageSize(), chromedp.PDFPrintBackground()))
		if err != nil {
			t.Fatal(err)
		}
		name := filepath.Join(*screenshots, fmt.Sprintf("%s-%s.pdf", lang, p.Kind))
		if err := os.WriteFile(name, pdf, 0o644); err != nil {
			t.Fatal(err)
		}
		n++
	}
	for _, p := range Pages() {
		t.Run(p.Kind, func(t *testing.T) {
			for _, width := range []int{375, 1280, 1600} {
				for _, scheme := range []string{"light", "dark"} {
					shoot(t, width, scheme, p)
				}
			}
			// As printed: the viewport is the width of the printed page's
			// content box (A3 landscape for journeys, A4 otherwise).
			switch {
			case p.Kind == "journey" || len(p.Kind) > 8 && p.Kind[:8] == "journey-":
				shoot(t, posterWidth, "print", p)
				print(t, p)
			case p.Kind == "persona" || p.Kind == "persona-initials":
				shoot(t, a4Width, "print", p)
				print(t, p)
			case p.Kind == "template-poster":
				print(t, p)
			}
		})
	}
	t.Logf("%d screenshots in %s", n, *screenshots)
}
