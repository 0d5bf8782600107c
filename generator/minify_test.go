package generator

import "testing"

// TestMinifierStaticCache: an unchanged static file is minified once, even
// though the minifier rewrites its input as it goes.
func TestMinifierStaticCache(t *testing.T) {
	const css = "h1 { margin: 0 0 0.5em; letter-spacing: -0.01em; }\n"
	m := newMinifier()
	// Read as fs.ReadFile reads: with room to spare, which the minifier
	// then works in.
	read := func(s string) []byte { return append(make([]byte, 0, len(s)+512), s...) }
	first := m.static("css/site.css", "text/css", read(css))
	again := m.static("css/site.css", "text/css", read(css))
	if len(first) == 0 || &first[0] != &again[0] {
		t.Errorf("the unchanged stylesheet was minified again: %q then %q", first, again)
	}
	changed := m.static("css/site.css", "text/css", read(css+"p{margin:1px}"))
	if string(changed) == string(first) {
		t.Errorf("a changed stylesheet kept its old minified form %q", changed)
	}
}
