package generator

import (
	"context"
	"regexp"
	"strings"
	"testing"

	"github.com/waymark-cx/waymark/generator/output"
)

// TestNoBrokenLinks builds the example handbook under a sub-path, as on
// GitHub Pages, and follows every internal link, image, script and
// stylesheet of every page: each must name a file the build wrote, and
// each #fragment an id on the page it points to.
func TestNoBrokenLinks(t *testing.T) {
	for _, base := range []string{"https://example.org/cx-handbook/", "https://handbook.example.org/"} {
		_, files := buildExample(t, base)
		prefix := strings.TrimPrefix(base, "https://example.org")
		prefix = strings.TrimPrefix(prefix, "https://handbook.example.org")
		attr := regexp.MustCompile(`(?:href|src)="([^"]*)"`)
		idAttr := regexp.MustCompile(`\sid="([^"]+)"`)
		ids := func(page string) map[string]bool {
			out := map[string]bool{}
			for _, m := range idAttr.FindAllStringSubmatch(string(files[page]), -1) {
				out[m[1]] = true
			}
			return out
		}
		checked := 0
		for name, data := range files {
			if !strings.HasSuffix(name, ".html") {
				continue
			}
			for _, m := range attr.FindAllStringSubmatch(string(data), -1) {
				link := strings.ReplaceAll(m[1], "&amp;", "&")
				if link == "" || strings.Contains(link, "://") || strings.HasPrefix(link, "mailto:") || strings.HasPrefix(link, "data:") {
					continue
				}
				target, frag, _ := strings.Cut(link, "#")
				target, _, _ = strings.Cut(target, "?")
				file := name
				if target != "" {
					if !strings.HasPrefix(target, prefix) {
						t.Errorf("%s (base %s): link %q is outside the site's path %s", name, base, link, prefix)
						continue
					}
					file = strings.TrimPrefix(target, prefix)
					if file == "" || strings.HasSuffix(file, "/") {
						file += "index.html"
					}
				}
				if _, ok := files[file]; !ok {
					t.Errorf("%s (base %s): broken link %q", name, base, link)
					continue
				}
				if frag != "" && strings.HasSuffix(file, ".html") && !ids(file)[frag] {
					t.Errorf("%s (base %s): link %q names no id %q in %s", name, base, link, frag, file)
				}
				checked++
			}
		}
		if checked < 500 {
			t.Errorf("only %d links checked: is the crawler reading the pages?", checked)
		}
	}
}

// TestPagesFiles checks the files GitHub Pages and crawlers look for.
func TestPagesFiles(t *testing.T) {
	_, files := buildExample(t, "https://acme.github.io/cx-handbook/")
	for _, name := range []string{".nojekyll", "404.html", "sitemap.xml", "robots.txt", "favicon.svg"} {
		if _, ok := files[name]; !ok {
			t.Errorf("%s is missing", name)
		}
	}
	sm := string(files["sitemap.xml"])
	for _, want := range []string{"<loc>https://acme.github.io/cx-handbook/</loc>", "<loc>https://acme.github.io/cx-handbook/journeys/mega-sale-11-11/</loc><lastmod>2026-11-14</lastmod>"} {
		if !strings.Contains(sm, want) {
			t.Errorf("sitemap.xml lacks %s", want)
		}
	}
	if strings.Contains(sm, "404") {
		t.Error("sitemap.xml lists the 404 page")
	}
	if got := string(files["robots.txt"]); !strings.Contains(got, "Sitemap: https://acme.github.io/cx-handbook/sitemap.xml") {
		t.Errorf("robots.txt = %q", got)
	}
	if _, ok := files["CNAME"]; ok {
		t.Error("CNAME written without cname set")
	}
}

// TestReproducible: the same input gives byte-identical output whatever
// the number of workers.
func TestReproducible(t *testing.T) {
	var first map[string][]byte
	for _, workers := range []int{1, 4, 13} {
		mem := output.NewMemory()
		opts := testOptions("..")
		opts.Output, opts.Workers = mem, workers
		if _, err := Build(context.Background(), opts); err != nil {
			t.Fatal(err)
		}
		files := mem.Files()
		if first == nil {
			first = files
			continue
		}
		if len(files) != len(first) {
			t.Fatalf("%d workers: %d files, want %d", workers, len(files), len(first))
		}
		for n, b := range files {
			if string(b) != string(first[n]) {
				t.Errorf("%d workers: %s differs", workers, n)
			}
		}
	}
}
