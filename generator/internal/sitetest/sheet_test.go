package sitetest

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// The map on paper (issue 16, point 4).

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
