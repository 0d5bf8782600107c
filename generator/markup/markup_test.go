package markup

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/waymark-cx/waymark/generator/diag"
)

// site is what the test converters resolve links against: site paths and
// source paths, as Options.Resolve documents.
var site = map[string]string{
	"":                               "",
	"personas/lan/":                  "personas/lan/",
	"journeys/x/":                    "journeys/x/",
	"img/a.png":                      "img/a.png",
	"content/journeys/x.md":          "journeys/x/",
	"content/personas/lan.md":        "personas/lan/",
	"content/guides/b.md":            "guides/b/",
	"content/_index.md":              "",
	"content/journeys/hành-trình.md": "journeys/hanh-trinh/",
	"img/my photo.png":               "img/my photo.png",
	"guides/a/":                      "guides/a/",
	"guides/b/":                      "guides/b/",
	"guides/a/flow.png":              "guides/a/flow.png",
}

// pages is what the test converters' PageURL knows: the page each source
// file makes.
var pages = map[string]string{
	"content/guides/a.md": "guides/a/",
	"content/_index.md":   "",
}

func pageURL(source string) (string, bool) {
	u, ok := pages[source]
	return u, ok
}

// newConverter returns a converter over site, and a function that lists
// the targets Resolve was asked about.
func newConverter(t *testing.T, opts Options) (*Converter, func() []string) {
	t.Helper()
	var mu sync.Mutex
	var asked []string
	opts.Resolve = func(target string) (string, bool) {
		mu.Lock()
		asked = append(asked, target)
		mu.Unlock()
		v, ok := site[target]
		return v, ok
	}
	return New(opts), func() []string {
		mu.Lock()
		defer mu.Unlock()
		return slices.Clone(asked)
	}
}

func convert(t *testing.T, c *Converter, src string) (string, []*diag.Error) {
	t.Helper()
	h, errs := c.Convert([]byte(src), "content/guides/a.md", 1)
	return string(h), errs
}

func noErrors(t *testing.T, errs []*diag.Error) {
	t.Helper()
	for _, e := range errs {
		t.Errorf("unexpected error: %v", e)
	}
}

func TestLinkRewriting(t *testing.T) {
	tests := []struct {
		name, base, src string
		want            string // an HTML fragment the output must hold
		ask             string // what Resolve must have been asked ("" = not asked)
	}{
		{"site-absolute page", "/hb/", "[Lan](/personas/lan/)", `<a href="/hb/personas/lan/">Lan</a>`, "personas/lan/"},
		{"site-absolute at root", "/", "[Lan](/personas/lan/)", `<a href="/personas/lan/">Lan</a>`, "personas/lan/"},
		{"home", "/hb/", "[Home](/)", `<a href="/hb/">Home</a>`, ""},
		{"query and fragment kept", "/hb/", "[Lan](/personas/lan/?a=1#goals)", `<a href="/hb/personas/lan/?a=1#goals">Lan</a>`, "personas/lan/"},
		{"image", "/hb/", "![Map](/img/a.png)", `<img src="/hb/img/a.png" alt="Map">`, "img/a.png"},
		{"source link up a folder", "/hb/", "[X](../journeys/x.md)", `<a href="/hb/journeys/x/">X</a>`, "content/journeys/x.md"},
		{"source link with fragment", "/hb/", "[X](../journeys/x.md#notes)", `<a href="/hb/journeys/x/#notes">X</a>`, "content/journeys/x.md"},
		{"source link beside", "/hb/", "[B](b.md)", `<a href="/hb/guides/b/">B</a>`, "content/guides/b.md"},
		{"source link with ./", "/hb/", "[B](./b.md)", `<a href="/hb/guides/b/">B</a>`, "content/guides/b.md"},
		{"source link to home", "/hb/", "[Home](../_index.md)", `<a href="/hb/">Home</a>`, "content/_index.md"},
		{"reference link", "/hb/", "[Lan][lan]\n\n[lan]: /personas/lan/", `<a href="/hb/personas/lan/">Lan</a>`, "personas/lan/"},
		{"link in a table cell", "/hb/", "| a |\n|---|\n| [Lan](/personas/lan/) |", `<td><a href="/hb/personas/lan/">Lan</a></td>`, "personas/lan/"},
		{"source link with Vietnamese letters", "/hb/", "[HT](../journeys/hành-trình.md)", `<a href="/hb/journeys/hanh-trinh/">HT</a>`, "content/journeys/hành-trình.md"},
		{"static file with a space", "/hb/", "![P](</img/my photo.png>)", `<img src="/hb/img/my%20photo.png" alt="P">`, "img/my photo.png"},
		{"link in a list", "/hb/", "- [Lan](/personas/lan/)", `<li><a href="/hb/personas/lan/">Lan</a></li>`, "personas/lan/"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, asked := newConverter(t, Options{BasePath: tt.base})
			h, errs := convert(t, c, tt.src)
			noErrors(t, errs)
			if !strings.Contains(h, tt.want) {
				t.Errorf("Convert(%q) =\n%s\nwant it to contain %s", tt.src, h, tt.want)
			}
			if tt.ask != "" && !slices.Contains(asked(), tt.ask) {
				t.Errorf("Resolve was asked %q, want %q among them", asked(), tt.ask)
			}
		})
	}
}

func TestLinksLeftAlone(t *testing.T) {
	tests := []struct{ src, want string }{
		{"[ext](https://example.com/a/)", `<a href="https://example.com/a/">ext</a>`},
		{"[ext](http://example.com)", `<a href="http://example.com">ext</a>`},
		{"[mail](mailto:cx@example.com)", `<a href="mailto:cx@example.com">mail</a>`},
		{"[tel](tel:+84123456)", `<a href="tel:+84123456">tel</a>`},
		{"[frag](#notes)", `<a href="#notes">frag</a>`},
		{"[proto-relative](//cdn.example.com/a.css)", `<a href="//cdn.example.com/a.css">proto-relative</a>`},
		{"[relative](other/)", `<a href="other/">relative</a>`},
		{"[relative file](pic.png)", `<a href="pic.png">relative file</a>`},
		{"![relative image](pic.png)", `<img src="pic.png" alt="relative image">`},
		{"![remote](https://example.com/a.png)", `<img src="https://example.com/a.png" alt="remote">`},
	}
	for _, tt := range tests {
		t.Run(tt.src, func(t *testing.T) {
			c, asked := newConverter(t, Options{BasePath: "/hb/"})
			h, errs := convert(t, c, tt.src)
			noErrors(t, errs)
			if !strings.Contains(h, tt.want) {
				t.Errorf("Convert(%q) =\n%s\nwant it to contain %s", tt.src, h, tt.want)
			}
			if a := asked(); len(a) > 0 {
				t.Errorf("Resolve was asked %q for a link that is not internal", a)
			}
		})
	}
}

// TestRelativeLinks: with PageURL, a relative link is resolved against
// the address of its file's page, as a browser would, checked, and made
// site-absolute.
func TestRelativeLinks(t *testing.T) {
	tests := []struct {
		name, src, want, ask string
	}{
		{"up to another section", "[Lan](../../personas/lan/)", `<a href="/hb/personas/lan/">Lan</a>`, "personas/lan/"},
		{"a sibling page", "[B](../b/)", `<a href="/hb/guides/b/">B</a>`, "guides/b/"},
		{"the page itself", "[here](./)", `<a href="/hb/guides/a/">here</a>`, "guides/a/"},
		{"an image beside the page", "![Flow](flow.png)", `<img src="/hb/guides/a/flow.png" alt="Flow">`, "guides/a/flow.png"},
		{"query and fragment kept", "[Lan](../../personas/lan/?a=1#goals)", `<a href="/hb/personas/lan/?a=1#goals">Lan</a>`, "personas/lan/"},
		{"a static file with a space", "![P](<../../img/my%20photo.png>)", `<img src="/hb/img/my%20photo.png" alt="P">`, "img/my photo.png"},
		{"above the root stays at the root", "[Lan](../../../../personas/lan/)", `<a href="/hb/personas/lan/">Lan</a>`, "personas/lan/"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, asked := newConverter(t, Options{BasePath: "/hb/", PageURL: pageURL})
			h, errs := convert(t, c, tt.src)
			noErrors(t, errs)
			if !strings.Contains(h, tt.want) {
				t.Errorf("Convert(%q) =\n%s\nwant it to contain %s", tt.src, h, tt.want)
			}
			if !slices.Contains(asked(), tt.ask) {
				t.Errorf("Resolve was asked %q, want %q among them", asked(), tt.ask)
			}
		})
	}
	// A broken one is reported at its place, the target left as written.
	c, _ := newConverter(t, Options{BasePath: "/hb/", PageURL: pageURL})
	h, errs := convert(t, c, "See [x](../nope/) and ![y](pic.png).")
	if len(errs) != 2 || errs[0].Msg != `broken internal link "../nope/": no such page or file` || errs[0].Col != 5 ||
		errs[1].Msg != `broken internal image "pic.png": no such page or file` {
		t.Fatalf("errors = %v; want the link at 1:5 and the image", errs)
	}
	if !strings.Contains(h, `href="../nope/"`) {
		t.Errorf("the broken target was not left as written:\n%s", h)
	}
	// A file PageURL does not know keeps its relative links as written.
	out, errs := c.Convert([]byte("[x](nope/)"), "content/other.md", 1)
	noErrors(t, errs)
	if !strings.Contains(string(out), `href="nope/"`) {
		t.Errorf("a relative link of a file without a page was changed:\n%s", out)
	}
}

func TestBrokenLinks(t *testing.T) {
	tests := []struct {
		name      string
		src       string
		firstLine int
		line, col int
		kind      string // "link" or "image"
		target    string
	}{
		{"third body line", "Intro.\n\nSee [the map](/journeys/nope/) here.", 5, 7, 5, "link", "/journeys/nope/"},
		{"first line", "[x](/nope/)", 1, 1, 1, "link", "/nope/"},
		{"after Vietnamese text counts runes", "Điểm chạm: [x](/nope/)", 3, 3, 12, "link", "/nope/"},
		{"source link", "Text\n[x](../journeys/missing.md#a)", 10, 11, 1, "link", "../journeys/missing.md#a"},
		{"source link beside", "[x](missing.md)", 2, 2, 1, "link", "missing.md"},
		{"image reported at its [", "Look: ![map](/img/missing.png)", 4, 4, 8, "image", "/img/missing.png"},
		{"in a list item", "- one\n- two [x](/nope/)", 1, 2, 7, "link", "/nope/"},
		{"in a footnote", "Note[^1].\n\n[^1]: A [x](/nope/) note.", 20, 22, 9, "link", "/nope/"},
		// A link whose text does not start with plain text is still
		// reported at its "[".
		{"text starting with emphasis", "x [**b**](/nope/)", 1, 1, 3, "link", "/nope/"},
		{"text starting with code", "x [`c`](/nope/)", 1, 1, 3, "link", "/nope/"},
		{"empty text", "x [](/nope/)", 1, 1, 3, "link", "/nope/"},
		{"image without alt", "x ![](/nope.png)", 1, 1, 4, "image", "/nope.png"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, _ := newConverter(t, Options{BasePath: "/hb/"})
			out, errs := c.Convert([]byte(tt.src), "content/guides/a.md", tt.firstLine)
			h := string(out)
			if len(errs) != 1 {
				t.Fatalf("got %d errors %v, want 1", len(errs), errs)
			}
			e := errs[0]
			if e.Path != "content/guides/a.md" {
				t.Errorf("Path = %q", e.Path)
			}
			wantMsg := fmt.Sprintf("broken internal %s %q", tt.kind, tt.target)
			if !strings.Contains(e.Msg, wantMsg) {
				t.Errorf("Msg = %q, want it to contain %s", e.Msg, wantMsg)
			}
			if e.Hint == "" {
				t.Error("no hint")
			}
			// The HTML is still produced, with the target as written.
			if !strings.Contains(h, tt.target) {
				t.Errorf("HTML lost the broken target %q:\n%s", tt.target, h)
			}
			if e.Line != tt.line || e.Col != tt.col {
				t.Errorf("error at %d:%d, want %d:%d", e.Line, e.Col, tt.line, tt.col)
			}
		})
	}
}

func TestPercentEncodedLinks(t *testing.T) {
	// GitHub, and editors that insert links to files, percent-encode spaces
	// and often non-ASCII letters; such a link works when browsing the
	// repository, so it should resolve on the site too.
	tests := []struct{ src, want string }{
		{"[HT](../journeys/h%C3%A0nh-tr%C3%ACnh.md)", `<a href="/hb/journeys/hanh-trinh/">HT</a>`},
		{"[HT](../journeys/h%C3%A0nh-tr%C3%ACnh.md#notes)", `<a href="/hb/journeys/hanh-trinh/#notes">HT</a>`},
		{"![P](/img/my%20photo.png)", `<img src="/hb/img/my%20photo.png" alt="P">`},
	}
	for _, tt := range tests {
		t.Run(tt.src, func(t *testing.T) {
			c, asked := newConverter(t, Options{BasePath: "/hb/"})
			h, errs := convert(t, c, tt.src)
			if len(errs) > 0 || !strings.Contains(h, tt.want) {
				t.Errorf("a percent-encoded internal link target is not resolved (Resolve got %q): errors %v, HTML %s", asked(), errs, h)
			}
		})
	}
}

func TestBrokenLinksAllReported(t *testing.T) {
	c, _ := newConverter(t, Options{BasePath: "/"})
	src := "[a](/one/) [ok](/personas/lan/)\n\n![b](/two.png)\n\n[c](three.md)"
	_, errs := c.Convert([]byte(src), "content/guides/a.md", 1)
	var got []string
	for _, e := range errs {
		got = append(got, fmt.Sprintf("%d:%d", e.Line, e.Col))
	}
	want := []string{"1:1", "3:2", "5:1"}
	if !slices.Equal(got, want) {
		t.Errorf("errors at %v, want %v (%v)", got, want, errs)
	}
}

func TestRawHTML(t *testing.T) {
	src := "<script>alert(1)</script>\n\nText <span class=\"x\">inline</span> and <script>b()</script>.\n\n<div class=\"box\">block</div>"
	t.Run("safe", func(t *testing.T) {
		c, _ := newConverter(t, Options{})
		h, errs := convert(t, c, src)
		noErrors(t, errs)
		for _, bad := range []string{"<script", "<span", "<div"} {
			if strings.Contains(h, bad) {
				t.Errorf("raw HTML %s rendered without UnsafeHTML:\n%s", bad, h)
			}
		}
		if !strings.Contains(h, "<!-- raw HTML omitted -->") {
			t.Errorf("no placeholder for omitted HTML:\n%s", h)
		}
		if !strings.Contains(h, "inline") {
			t.Errorf("text around raw inline HTML lost:\n%s", h)
		}
	})
	t.Run("unsafe", func(t *testing.T) {
		c, _ := newConverter(t, Options{UnsafeHTML: true})
		h, errs := convert(t, c, src)
		noErrors(t, errs)
		for _, want := range []string{"<script>alert(1)</script>", `<span class="x">inline</span>`, "<script>b()</script>", `<div class="box">block</div>`} {
			if !strings.Contains(h, want) {
				t.Errorf("UnsafeHTML output lacks %s:\n%s", want, h)
			}
		}
	})
}

func TestDangerousLinks(t *testing.T) {
	hrefs := regexp.MustCompile(`(?:href|src)="([^"]*)"`)
	for _, src := range []string{
		"[a](javascript:alert(1))",
		"[a](JavaScript:alert(1))",
		"[a](<javascript:alert(1)>)",
		"[a](javascript&#58;alert(1))",
		"[a](vbscript:msgbox(1))",
		"[a](data:text/html;base64,PHNjcmlwdD4=)",
		"![a](javascript:alert(1))",
	} {
		t.Run(src, func(t *testing.T) {
			c, asked := newConverter(t, Options{BasePath: "/hb/"})
			h, errs := convert(t, c, src)
			noErrors(t, errs)
			if !strings.Contains(h, "<a ") && !strings.Contains(h, "<img ") {
				t.Fatalf("not parsed as a link or image: %s", h)
			}
			for _, m := range hrefs.FindAllStringSubmatch(h, -1) {
				l := strings.ToLower(m[1])
				if strings.Contains(l, "script:") || strings.HasPrefix(l, "data:") {
					t.Errorf("live dangerous link rendered: %s", h)
				}
			}
			if a := asked(); len(a) > 0 {
				t.Errorf("Resolve asked %q for a link with a scheme", a)
			}
		})
	}
}

func TestHeadingIDs(t *testing.T) {
	c, _ := newConverter(t, Options{})
	src := "## Điểm chạm\n\nText.\n\n## Điểm chạm\n\n### Đặt hàng & thanh toán\n\n## !!!\n\n## A\n\n## A-1\n\n## A\n\n# Hành trình mua hàng"
	h, errs := convert(t, c, src)
	noErrors(t, errs)
	for _, want := range []string{
		`<h2 id="diem-cham">Điểm chạm</h2>`,
		`<h2 id="diem-cham-1">Điểm chạm</h2>`,
		`<h3 id="dat-hang-thanh-toan">Đặt hàng &amp; thanh toán</h3>`,
		`<h2 id="section">!!!</h2>`,
		`<h2 id="a">A</h2>`,
		`<h2 id="a-1">A-1</h2>`,
		`<h2 id="a-2">A</h2>`,
		`<h1 id="hanh-trinh-mua-hang">Hành trình mua hàng</h1>`,
	} {
		if !strings.Contains(h, want) {
			t.Errorf("output lacks %s:\n%s", want, h)
		}
	}
	// Every id is ASCII and unique.
	ids := regexp.MustCompile(` id="([^"]*)"`).FindAllStringSubmatch(h, -1)
	seen := map[string]bool{}
	for _, m := range ids {
		if seen[m[1]] {
			t.Errorf("id %q used twice", m[1])
		}
		seen[m[1]] = true
		if !regexp.MustCompile(`^[a-z0-9-]+$`).MatchString(m[1]) {
			t.Errorf("id %q is not an ASCII slug", m[1])
		}
	}

	// Ids are per conversion: a second document starts afresh.
	h2, _ := convert(t, c, "## Điểm chạm")
	if !strings.Contains(h2, `id="diem-cham"`) {
		t.Errorf("second conversion got %s, want id=\"diem-cham\" again", h2)
	}
}

func TestGFMAndFootnotes(t *testing.T) {
	tests := []struct {
		name, src string
		want      []string
	}{
		{"table", "| Stage | Score |\n|:--|--:|\n| Buy | 4 |",
			[]string{"<table>", "<th", "Stage", `<td style="text-align:right">4</td>`}},
		{"task list", "- [x] done\n- [ ] todo",
			[]string{`<input type="checkbox" disabled checked aria-label="done"> done`, `<input type="checkbox" disabled aria-label="todo"> todo`}},
		// The check box is named by its item's text, formatting dropped.
		{"task list name", "- [x] Call **Bao** about `fees` & [terms](https://example.com)\n  next week",
			[]string{`<input type="checkbox" disabled checked aria-label="Call Bao about fees &amp; terms next week">`}},
		{"strikethrough", "~~old~~ new", []string{"<del>old</del> new"}},
		{"autolink url", "See https://example.com/x now", []string{`<a href="https://example.com/x">https://example.com/x</a>`}},
		{"autolink www", "See www.example.org now", []string{`<a href="http://www.example.org">www.example.org</a>`}},
		{"angle autolink", "<https://example.com>", []string{`<a href="https://example.com">https://example.com</a>`}},
		{"footnote", "Claim[^src].\n\n[^src]: Survey 2024.",
			[]string{`<sup id="fnref:1"><a href="#fn:1" class="footnote-ref" role="doc-noteref">1</a></sup>`,
				`class="footnotes"`, `<li id="fn:1">`, "Survey 2024.", `href="#fnref:1"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, asked := newConverter(t, Options{BasePath: "/hb/"})
			h, errs := convert(t, c, tt.src)
			noErrors(t, errs)
			for _, w := range tt.want {
				if !strings.Contains(h, w) {
					t.Errorf("output lacks %s:\n%s", w, h)
				}
			}
			if a := asked(); len(a) > 0 {
				t.Errorf("Resolve asked %q", a)
			}
		})
	}
}

func TestFootnoteLinksChecked(t *testing.T) {
	c, _ := newConverter(t, Options{BasePath: "/hb/"})
	h, errs := convert(t, c, "Claim[^1].\n\n[^1]: See [Lan](/personas/lan/).")
	noErrors(t, errs)
	if !strings.Contains(h, `<a href="/hb/personas/lan/">Lan</a>`) {
		t.Errorf("link in a footnote not rewritten:\n%s", h)
	}
}

func TestConcurrentConvert(t *testing.T) {
	c, _ := newConverter(t, Options{BasePath: "/hb/"})
	var wg sync.WaitGroup
	for i := range 16 {
		wg.Go(func() {
			src := fmt.Sprintf("## Điểm chạm\n\n## Điểm chạm\n\n[x](/personas/lan/)\n\n%s[y](/nope/)", strings.Repeat("\n", i))
			h, errs := c.Convert([]byte(src), "content/a.md", 1)
			if !strings.Contains(string(h), `id="diem-cham-1"`) || strings.Contains(string(h), `id="diem-cham-2"`) {
				t.Errorf("ids leaked between conversions:\n%s", h)
			}
			if len(errs) != 1 || errs[0].Line != 7+i {
				t.Errorf("goroutine %d: errors %v, want one at line %d", i, errs, 7+i)
			}
		})
	}
	wg.Wait()
}

func TestHasScheme(t *testing.T) {
	for s, want := range map[string]bool{
		"https://x":   true,
		"mailto:a@b":  true,
		"tel:+1":      true,
		"git+ssh://x": true,
		"/a:b":        false,
		"a/b:c":       false,
		":x":          false,
		"x.md":        false,
		"":            false,
	} {
		if got := hasScheme(s); got != want {
			t.Errorf("hasScheme(%q) = %v, want %v", s, got, want)
		}
	}
}
