package generator

import (
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/waymark-cx/waymark"
	"github.com/waymark-cx/waymark/generator/internal/browsertest"
	"github.com/waymark-cx/waymark/generator/output"
)

// TestPosterPrintsOnOnePage prints the workshop poster of every built-in
// template to PDF in headless Chromium, as a browser's Print command
// would, and checks that each is one A3 landscape page; and that a
// journey's print view is A3 landscape too.
func TestPosterPrintsOnOnePage(t *testing.T) {
	out := output.NewMemory()
	opts := testOptions("..")
	opts.Templates = waymark.Templates()
	opts.Output = out
	opts.BaseURL = "/"
	rep, err := Build(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	files := out.Files()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name := strings.TrimPrefix(r.URL.Path, "/")
		if name == "" || strings.HasSuffix(name, "/") {
			name += "index.html"
		}
		b, ok := files[name]
		if !ok {
			http.NotFound(w, r)
			return
		}
		http.ServeContent(w, r, name, fixedNow(), bytes.NewReader(b))
	}))
	defer srv.Close()
	ctx := browsertest.New(t, 1280, 900)
	print := func(url string) []byte {
		t.Helper()
		if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+url)); err != nil {
			t.Fatalf("opening %s: %v", url, err)
		}
		yes := true
		res, err := chromedp.Call(ctx, page.PrintToPDF, page.PrintToPDFParams{PreferCSSPageSize: &yes, PrintBackground: &yes})
		if err != nil {
			t.Fatalf("printing %s: %v", url, err)
		}
		pdf := res.Data
		return pdf
	}
	if len(rep.Site.Templates) == 0 {
		t.Fatal("no templates")
	}
	for _, tmpl := range rep.Site.Templates {
		url := "/" + tmpl.URL + "poster/"
		pdf := print(url)
		if n := pdfPages(pdf); n != 1 {
			t.Errorf("%s prints on %d pages, want 1", url, n)
		}
		if !isA3Landscape(pdf) {
			t.Errorf("%s: the page is not A3 landscape: %s", url, mediaBoxes.FindAll(pdf, 3))
		}
	}
	j := rep.Site.Journeys[0]
	if pdf := print("/" + j.URL + "print/"); pdfPages(pdf) < 1 || !isA3Landscape(pdf) {
		t.Errorf("the print view of %s is not on A3 landscape pages: %s", j.Slug, mediaBoxes.FindAll(pdf, 3))
	}
}

var (
	pageObjects = regexp.MustCompile(`/Type\s*/Page\b`)
	mediaBoxes  = regexp.MustCompile(`/MediaBox\s*\[\s*0 0 ([0-9.]+) ([0-9.]+)\s*\]`)
)

// pdfPages counts the page objects of a PDF (Chromium writes them
// uncompressed): /Type /Page, not /Type /Pages.
func pdfPages(pdf []byte) int { return len(pageObjects.FindAll(pdf, -1)) }

// isA3Landscape reports whether every page is 420 × 297 mm, that is
// 1190.55 × 841.89 points, give or take a point.
func isA3Landscape(pdf []byte) bool {
	boxes := mediaBoxes.FindAllSubmatch(pdf, -1)
	if len(boxes) == 0 {
		return false
	}
	for _, b := range boxes {
		w, h := string(b[1]), string(b[2])
		if !strings.HasPrefix(w, "1190") && !strings.HasPrefix(w, "1191") || !strings.HasPrefix(h, "841") && !strings.HasPrefix(h, "842") {
			return false
		}
	}
	return true
}
