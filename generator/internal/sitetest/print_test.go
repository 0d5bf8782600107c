package sitetest

import (
	"bytes"
	"compress/zlib"
	"encoding/hex"
	"io"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/chromedp/chromedp"
	"golang.org/x/text/unicode/norm"
)

// Widths of a printed page's content box in CSS pixels (96 per inch): the
// journey poster is A3 landscape with 10 mm margins (400 mm), other pages
// A4 portrait with 15 mm margins (180 mm).
const (
	posterWidth = 1512
	a4Width     = 680
)

// printOverflow lists what sticks out of the page box at print media, with
// the viewport as wide as the page's content box: what would be cut off.
const printOverflow = `(() => {
  const vw = document.documentElement.clientWidth, out = [];
  for (const el of document.body.querySelectorAll("*")) {
    if (el.closest(".visually-hidden") || !el.getClientRects().length) continue;
    const r = el.getBoundingClientRect();
    if (r.width && (r.right > vw + 0.5 || r.left < -0.5))
      out.push(el.tagName.toLowerCase() + "." + (el.getAttribute("class") || "").trim().split(/\s+/).join(".") + " [" + Math.round(r.left) + ", " + Math.round(r.right) + "]");
  }
  for (const el of document.querySelectorAll(".timeline"))
    if (el.scrollWidth > el.clientWidth + 1) out.push("a timeline scrolls: " + el.scrollWidth + " > " + el.clientWidth);
  return { scrollWidth: document.documentElement.scrollWidth, out: out.slice(0, 8) };
})()`

// TestPrintJourney prints every journey page kind to PDF as Chromium's
// print dialog would with the theme's @page size (preferCSSPageSize), and
// checks the poster: A3 landscape, a few pages, every stage name in the
// PDF's text. Text in a PDF can lie outside the page and still be
// extracted, so the proof that nothing is cut off is the layout itself:
// at print media, with the viewport as wide as the A3 page's content box,
// no element may stick out of it and the timeline may not scroll.
func TestPrintJourney(t *testing.T) {
	t.Parallel()
	ctx := tab(t, 1280, 900)
	base := siteURL(t, "en")
	for _, p := range journeyPages() {
		t.Run(p.Kind, func(t *testing.T) {
			open(t, ctx, base+p.Path)
			stages := eval[[]string](t, ctx, `[...document.querySelectorAll(".timeline-section thead .stage-name")].map(s => s.textContent.trim())`)
			if len(stages) < 3 {
				t.Fatalf("found %d stages on the page", len(stages))
			}
			pdf, err := run(ctx, chromedp.PrintToPDF(chromedp.PDFPreferCSSPageSize(), chromedp.PDFPrintBackground()))
			if err != nil {
				t.Fatal(err)
			}
			doc := parsePDF(t, pdf)
			if len(doc.boxes) == 0 {
				t.Fatal("no pages in the PDF")
			}
			for i, b := range doc.boxes {
				// A3 landscape: 420 × 297 mm = 1190.6 × 841.9 pt.
				if b[0] <= b[1] || b[0] < 1180 || b[0] > 1200 || b[1] < 835 || b[1] > 850 {
					t.Errorf("page %d is %.1f × %.1f pt; want A3 landscape, 1190.6 × 841.9", i+1, b[0], b[1])
				}
			}
			if n := len(doc.boxes); n > 5 {
				t.Errorf("the poster has %d pages; want at most 5 (timeline, blueprint, notes)", n)
			}
			flat := strings.Join(strings.Fields(doc.text), "")
			for _, s := range stages {
				if !strings.Contains(flat, strings.Join(strings.Fields(s), "")) {
					t.Errorf("stage %q is not in the PDF's text", s)
				}
			}
			if !strings.Contains(flat, strings.Join(strings.Fields(eval[string](t, ctx, `document.querySelector("h1").textContent`)), "")) {
				t.Error("the title is not in the PDF's text")
			}

			// Nothing cut off: the layout at print media, poster-wide.
			if err := do(ctx, colorScheme("print"), chromedp.EmulateViewport(posterWidth, 1047)); err != nil {
				t.Fatal(err)
			}
			defer do(ctx, colorScheme("light"), chromedp.EmulateViewport(1280, 900))
			f := eval[struct {
				ScrollWidth float64  `json:"scrollWidth"`
				Out         []string `json:"out"`
			}](t, ctx, printOverflow)
			if f.ScrollWidth > posterWidth || len(f.Out) > 0 {
				t.Errorf("printed %d px wide, the page is %v px wide; cut off: %q", posterWidth, f.ScrollWidth, f.Out)
			}
			t.Logf("%d pages, %d stages", len(doc.boxes), len(stages))
		})
	}
}

// TestPrintPersona prints persona pages on A4 and on US Letter: each fits
// on one page.
func TestPrintPersona(t *testing.T) {
	t.Parallel()
	ctx := tab(t, 1280, 900)
	base := siteURL(t, "en")
	for _, p := range Pages() {
		if p.Kind != "persona" && p.Kind != "persona-initials" {
			continue
		}
		t.Run(p.Kind, func(t *testing.T) {
			open(t, ctx, base+p.Path)
			name := eval[string](t, ctx, `document.querySelector("h1").textContent.trim()`)
			for paper, size := range map[string]chromedp.PaperSize{"A4": chromedp.PaperA4, "Letter": chromedp.PaperLetter} {
				pdf, err := run(ctx, chromedp.PrintToPDF(chromedp.PDFPreferCSSPageSize(), chromedp.PDFPrintBackground(), chromedp.PDFPaper(size)))
				if err != nil {
					t.Fatal(err)
				}
				doc := parsePDF(t, pdf)
				if n := len(doc.boxes); n != 1 {
					t.Errorf("on %s, the persona prints on %d pages; want 1", paper, n)
				} else if b := doc.boxes[0]; b[0] >= b[1] {
					t.Errorf("on %s, the page is %.1f × %.1f pt; want portrait", paper, b[0], b[1])
				}
				if !strings.Contains(doc.text, name) {
					t.Errorf("on %s, the name %q is not in the PDF's text", paper, name)
				}
			}
		})
	}
}

// A pdfDoc is what the tests read from a PDF: page sizes (points) and
// text, all of it and page by page in the document's page order.
type pdfDoc struct {
	boxes [][2]float64
	text  string
	pages []string
}

var (
	pdfObjRE    = regexp.MustCompile(`(?s)(\d+) 0 obj\s*(.*?)endobj`)
	pdfStreamRE = regexp.MustCompile(`(?s)^(<<.*?>>)\s*stream\r?\n(.*?)\r?\nendstream`)
	pdfPageRE   = regexp.MustCompile(`/Type\s*/Page\b[^s]`)
	pdfRootRE   = regexp.MustCompile(`/Type\s*/Catalog\b[\s\S]*?/Pages\s+(\d+) 0 R|/Pages\s+(\d+) 0 R[\s\S]*?/Type\s*/Catalog\b`)
	pdfKidsRE   = regexp.MustCompile(`/Kids\s*\[([^\]]*)\]`)
	pdfRefRE    = regexp.MustCompile(`(\d+) 0 R`)
	pdfBoxRE    = regexp.MustCompile(`/MediaBox\s*\[\s*([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s*\]`)
	pdfFontRE   = regexp.MustCompile(`/(F\d+)\s+(\d+) 0 R`)
	pdfToUniRE  = regexp.MustCompile(`/ToUnicode\s+(\d+) 0 R`)
	pdfTextRE   = regexp.MustCompile(`(?s)/(F\d+)\s+[\d.]+\s+Tf|<([0-9A-Fa-f\s]*)>\s*Tj|\[((?:[^\]\\]|\\.)*)\]\s*TJ|\bET\b`)
	pdfHexRE    = regexp.MustCompile(`<([0-9A-Fa-f\s]*)>`)
	bfcharRE    = regexp.MustCompile(`(?s)beginbfchar(.*?)endbfchar`)
	bfrangeRE   = regexp.MustCompile(`(?s)beginbfrange(.*?)endbfrange`)
	cmapPairRE  = regexp.MustCompile(`<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>`)
	cmapRangeRE = regexp.MustCompile(`<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(<[0-9A-Fa-f]+>|\[[^\]]*\])`)
)

// parsePDF reads the PDFs Chromium (Skia) writes: uncompressed object
// dictionaries, Flate-compressed content streams, and text in Type0 fonts
// whose glyph codes map to Unicode through each font's ToUnicode CMap.
// That is enough to list the pages and to extract the text in drawing
// order, with no PDF library.
func parsePDF(t *testing.T, pdf []byte) pdfDoc {
	t.Helper()
	var doc pdfDoc
	dicts := map[string][]byte{}
	streams := map[string][]byte{}
	for _, m := range pdfObjRE.FindAllSubmatch(pdf, -1) {
		num, body := string(m[1]), m[2]
		s := pdfStreamRE.FindSubmatch(body)
		if s == nil {
			dicts[num] = body
			continue
		}
		dicts[num] = s[1]
		data := s[2]
		if bytes.Contains(s[1], []byte("/FlateDecode")) {
			r, err := zlib.NewReader(bytes.NewReader(data))
			if err != nil {
				continue // an image or font program we do not need
			}
			data, _ = io.ReadAll(r)
		}
		streams[num] = data
	}
	// Fonts: resource name → object → ToUnicode map.
	cmaps := map[string]map[uint32]string{}
	// Pages in the order of the page tree, walked from the catalogue,
	// so that page 1 is the first sheet.
	var order []string
	var walk func(num string, depth int)
	walk = func(num string, depth int) {
		d := dicts[num]
		if pdfPageRE.Match(d) || depth > 32 {
			order = append(order, num)
			return
		}
		if k := pdfKidsRE.FindSubmatch(d); k != nil {
			for _, r := range pdfRefRE.FindAllSubmatch(k[1], -1) {
				walk(string(r[1]), depth+1)
			}
		}
	}
	for _, d := range dicts {
		if r := pdfRootRE.FindSubmatch(d); r != nil {
			walk(string(r[1])+string(r[2]), 0)
		}
	}
	var contents []string
	for _, num := range order {
		d := dicts[num]
		if pdfPageRE.Match(d) {
			b := pdfBoxRE.FindSubmatch(d)
			if b == nil {
				t.Fatalf("PDF page object %s has no MediaBox", num)
			}
			var v [4]float64
			for i := range v {
				v[i], _ = strconv.ParseFloat(string(b[i+1]), 64)
			}
			doc.boxes = append(doc.boxes, [2]float64{v[2] - v[0], v[3] - v[1]})
			if c := regexp.MustCompile(`/Contents\s+(\d+) 0 R`).FindSubmatch(d); c != nil {
				contents = append(contents, string(c[1]))
			} else {
				contents = append(contents, "")
			}
		}
	}
	for _, d := range dicts {
		for _, f := range pdfFontRE.FindAllSubmatch(d, -1) {
			if tu := pdfToUniRE.FindSubmatch(dicts[string(f[2])]); tu != nil {
				if _, ok := cmaps[string(f[1])]; !ok {
					cmaps[string(f[1])] = parseCMap(streams[string(tu[1])])
				}
			}
		}
	}
	var text strings.Builder
	for _, c := range contents {
		start := text.Len()
		cmap := map[uint32]string(nil)
		for _, m := range pdfTextRE.FindAllSubmatch(streams[c], -1) {
			switch {
			case m[1] != nil:
				cmap = cmaps[string(m[1])]
			case m[2] != nil:
				text.WriteString(decodeGlyphs(m[2], cmap))
			case m[3] != nil:
				for _, h := range pdfHexRE.FindAllSubmatch(m[3], -1) {
					text.WriteString(decodeGlyphs(h[1], cmap))
				}
			default: // ET: the end of a text object
				text.WriteByte(' ')
			}
		}
		text.WriteString("\n")
		doc.pages = append(doc.pages, norm.NFKC.String(text.String()[start:]))
	}
	// Ligatures (ﬀ, ﬁ) come out as one character: unfold them.
	doc.text = norm.NFKC.String(text.String())
	return doc
}

// parseCMap reads the bfchar and bfrange entries of a ToUnicode CMap.
func parseCMap(b []byte) map[uint32]string {
	m := map[uint32]string{}
	for _, sec := range bfcharRE.FindAllSubmatch(b, -1) {
		for _, p := range cmapPairRE.FindAllSubmatch(sec[1], -1) {
			m[hexNum(p[1])] = utf16Hex(p[2])
		}
	}
	for _, sec := range bfrangeRE.FindAllSubmatch(b, -1) {
		for _, r := range cmapRangeRE.FindAllSubmatch(sec[1], -1) {
			lo, hi := hexNum(r[1]), hexNum(r[2])
			if r[3][0] == '[' {
				for i, h := range pdfHexRE.FindAllSubmatch(r[3], -1) {
					m[lo+uint32(i)] = utf16Hex(h[1])
				}
				continue
			}
			dst := []rune(utf16Hex(r[3][1 : len(r[3])-1]))
			for c := lo; c <= hi && c-lo < 65536 && len(dst) > 0; c++ {
				d := append([]rune(nil), dst...)
				d[len(d)-1] += rune(c - lo)
				m[c] = string(d)
			}
		}
	}
	return m
}

func hexNum(h []byte) uint32 {
	n, _ := strconv.ParseUint(string(h), 16, 32)
	return uint32(n)
}

func utf16Hex(h []byte) string {
	b, err := hex.DecodeString(string(h))
	if err != nil || len(b)%2 != 0 {
		return ""
	}
	u := make([]uint16, len(b)/2)
	for i := range u {
		u[i] = uint16(b[2*i])<<8 | uint16(b[2*i+1])
	}
	return string(utf16.Decode(u))
}

// decodeGlyphs maps the 2-byte glyph codes of an Identity-H string to text.
func decodeGlyphs(h []byte, cmap map[uint32]string) string {
	b, err := hex.DecodeString(strings.Join(strings.Fields(string(h)), ""))
	if err != nil {
		return ""
	}
	var s strings.Builder
	for i := 0; i+1 < len(b); i += 2 {
		s.WriteString(cmap[uint32(b[i])<<8|uint32(b[i+1])])
	}
	return s.String()
}

// TestPrintPriorities prints the priorities view: one A4 landscape page,
// with the matrix and every ranked opportunity of the example on it.
func TestPrintPriorities(t *testing.T) {
	t.Parallel()
	ctx := tab(t, 1280, 900)
	base := siteURL(t, "en")
	open(t, ctx, base+"priorities/")
	first := eval[string](t, ctx, `document.querySelector(".priority-table tbody th").textContent.trim()`)
	last := eval[string](t, ctx, `[...document.querySelectorAll(".priority-table tbody th .item-text")].pop().textContent.trim()`)
	pdf, err := run(ctx, chromedp.PrintToPDF(chromedp.PDFPreferCSSPageSize(), chromedp.PDFPrintBackground(), chromedp.PDFPaper(chromedp.PaperA4)))
	if err != nil {
		t.Fatal(err)
	}
	doc := parsePDF(t, pdf)
	if n := len(doc.boxes); n != 1 {
		t.Fatalf("the priorities print on %d pages; want 1", n)
	}
	if b := doc.boxes[0]; b[0] < 840 || b[0] > 843 || b[1] < 594 || b[1] > 596 {
		t.Errorf("the page is %.1f × %.1f pt; want A4 landscape (841.9 × 595.3)", b[0], b[1])
	}
	text := strings.Join(strings.Fields(doc.text), " ")
	for _, want := range []string{"Quick wins", "Time sinks", strings.Join(strings.Fields(last), " ")} {
		if !strings.Contains(text, want) {
			t.Errorf("%q is not in the PDF's text", want)
		}
	}
	if first == "" {
		t.Error("no ranked opportunity on the page")
	}
}
