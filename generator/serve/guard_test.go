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

// A server on a loopback address answers only to loopback names (no DNS
// rebinding); one shared on the network answers to any.
func TestHostAllowed(t *testing.T) {
	for _, c := range []struct {
		listen, host string
		want         bool
	}{
		{"127.0.0.1:1313", "127.0.0.1:1313", true},
		{"127.0.0.1:1313", "localhost:1313", true},
		{"127.0.0.1:1313", "LOCALHOST", true},
		{"127.0.0.1:1313", "cx.localhost:1313", true},
		{"127.0.0.1:1313", "[::1]:1313", true},
		{"127.0.0.1:1313", "127.0.0.2", true},
		{"127.0.0.1:1313", "evil.example:1313", false},
		{"127.0.0.1:1313", "evil.example", false},
		{"127.0.0.1:1313", "192.168.1.10:1313", false},
		{"127.0.0.1:1313", "", false},
		{"localhost:1313", "evil.example", false},
		{"[::1]:1313", "[::1]:1313", true},
		{"0.0.0.0:1313", "my-laptop.lan:1313", true},
		{"192.168.1.10:1313", "anything", true},
		{":1313", "anything", true},
	} {
		if got := hostAllowed(c.listen, c.host); got != c.want {
			t.Errorf("hostAllowed(%q, %q) = %v, want %v", c.listen, c.host, got, c.want)
		}
	}
}
