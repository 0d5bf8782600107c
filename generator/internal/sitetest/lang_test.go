package sitetest

import (
	"fmt"
	"io/fs"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/BurntSushi/toml"

	"github.com/waymark-cx/waymark/themes"
)

// wantDate is how each language writes a date.
var wantDate = map[string]func(time.Time) string{
	"en": func(d time.Time) string { return d.Format("2 January 2006") },
	"vi": func(d time.Time) string {
		return fmt.Sprintf("ngày %d tháng %d năm %d", d.Day(), int(d.Month()), d.Year())
	},
}

var (
	htmlLangRE = regexp.MustCompile(`<html[^>]*\slang="?([a-zA-Z-]+)`)
	skipRE     = regexp.MustCompile(`<a class="?skip-link"? href="?[^ >"]*"?>([^<]*)</a>`)
	timeRE     = regexp.MustCompile(`<time datetime="?(\d{4}-\d\d-\d\d)"?>([^<]*)</time>`)
	codeRE     = regexp.MustCompile(`(?s)<(pre|code)[\s>].*?</(pre|code)>`)
	tagRE      = regexp.MustCompile(`<[^>]*>`)
	missingRE  = regexp.MustCompile(`\[[a-z][a-z0-9-]*\.[a-z0-9.-]+\]`)
)

// TestLanguages builds the example with each UI language and reads every
// page it wrote: lang on <html>, the theme's strings in that language
// (the skip link), no "[key]" left by a missing string, and every date
// written the language's way. It needs no browser: these are facts of the
// HTML. (That every string exists in both languages is checked in
// generator/render/i18n_test.go.)
func TestLanguages(t *testing.T) {
	theme, ok := themes.Get("default")
	if !ok {
		t.Fatal("no default theme")
	}
	for _, lang := range []string{"en", "vi"} {
		t.Run(lang, func(t *testing.T) {
			var strs map[string]string
			b, err := fs.ReadFile(theme, "i18n/"+lang+".toml")
			if err != nil {
				t.Fatal(err)
			}
			if _, err := toml.Decode(string(b), &strs); err != nil {
				t.Fatal(err)
			}
			pages, dates := 0, 0
			for name, data := range built(t, lang) {
				if !strings.HasSuffix(name, ".html") {
					continue
				}
				html := string(data)
				m := htmlLangRE.FindStringSubmatch(html)
				if m == nil {
					continue // a fragment or a redirect, not a themed page
				}
				pages++
				if m[1] != lang {
					t.Errorf("%s: <html lang=%q>, want %q", name, m[1], lang)
				}
				// Pages with the site's header (not the bare print views)
				// start with the skip link.
				if s := skipRE.FindStringSubmatch(html); strings.Contains(html, "site-header") && (s == nil || s[1] != strs["nav.skip"]) {
					t.Errorf("%s: skip link %q, want %s.toml's %q", name, s, lang, strs["nav.skip"])
				}
				text := tagRE.ReplaceAllString(codeRE.ReplaceAllString(html, ""), " ")
				if miss := missingRE.FindAllString(text, -1); len(miss) > 0 {
					slices.Sort(miss)
					t.Errorf("%s: missing UI strings: %q", name, slices.Compact(miss))
				}
				for _, d := range timeRE.FindAllStringSubmatch(html, -1) {
					day, err := time.Parse("2006-01-02", d[1])
					if err != nil {
						t.Errorf("%s: <time datetime=%q>: %v", name, d[1], err)
						continue
					}
					dates++
					if want := wantDate[lang](day); d[2] != want {
						t.Errorf("%s: date %s is written %q, want %q", name, d[1], d[2], want)
					}
				}
			}
			if pages < len(Pages())-1 || dates == 0 {
				t.Errorf("checked %d pages and %d dates: is the test reading the pages?", pages, dates)
			}
			t.Logf("%d pages, %d dates", pages, dates)
		})
	}
}
