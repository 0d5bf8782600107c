package generator

import (
	"regexp"
	"strings"
	"testing"
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
