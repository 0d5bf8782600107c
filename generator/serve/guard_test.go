package serve

import (
	"strings"
	"testing"
)

func TestFileFor(t *testing.T) {
	const base = "/hb/"
	for path, want := range map[string]string{
		"/hb/":                       "index.html",
		"/hb/journeys/buy/":          "journeys/buy/index.html",
		"/hb/css/waymark.css":        "css/waymark.css",
		"/hb/img/a%20b.png":          "img/a b.png",
		"/hb/templates/kotler-5a.md": "templates/kotler-5a.md",
		"/hb/../etc/passwd":          "",
		"/hb/%2e%2e/etc/passwd":      "",
		"/hb/%2E%2E%2Fetc":           "",
		"/hb/a%2fb":                  "",
		"/hb/..%5c..%5cwindows":      "",
		"/hb/a\\b":                   "",
		"/hb//etc/passwd":            "",
		"/hb/./index.html":           "",
		"/etc/passwd":                "",
		"/hb":                        "",
		"/hb/a%00.html":              "",
		"/hb/journeys/../../secret":  "",
		"/hb/journeys/x/..":          "",
	} {
		got, ok := fileFor(base, path)
		if ok != (want != "") || got != want {
			t.Errorf("fileFor(%q) = %q, %v; want %q", path, got, ok, want)
		}
	}
}

func FuzzFileFor(f *testing.F) {
	for _, s := range []string{"/hb/", "/hb/../x", "/hb/%2e%2e/", "/hb/a/b/c.css", "/hb/%zz"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, p string) {
		name, ok := fileFor("/hb/", p)
		if !ok {
			return
		}
		if strings.HasPrefix(name, "/") || hasDotSegment(name) || strings.Contains(name, "\\") || strings.Contains(name, "\x00") || strings.Contains(name, "//") {
			t.Fatalf("fileFor(%q) = %q escapes the site", p, name)
		}
	})
}
