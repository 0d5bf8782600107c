package generator

import (
	"testing"
	"testing/fstest"

	"github.com/waymark-cx/waymark/generator/diag"
	"github.com/waymark-cx/waymark/generator/plan"
)

// TestStaticMinify: a static file is minified as planned, and one the
// minifier cannot read is written as it was, though the minifier
// rewrites its input as it goes.
func TestStaticMinify(t *testing.T) {
	files := fstest.MapFS{
		"static/site.css": {Data: []byte("H1 { MARGIN: 0 0 0.5em; letter-spacing: -0.01em; }\n")},
		"static/bad.js":   {Data: []byte("VAR x = = ;\n")},
	}
	got := map[string]string{}
	write := func(name string, b []byte) error { got[name] = string(b); return nil }
	fail := func(e *diag.Error) { t.Fatal(e) }
	for _, name := range []string{"site.css", "bad.js"} {
		o := &plan.Output{Path: name, Copy: &plan.Copy{FS: files, Path: "static/" + name}, Minify: map[string]string{"site.css": "text/css", "bad.js": "application/javascript"}[name]}
		(&maker{min: newMinifier(), fail: fail}).file(o, write, nil, nil)
	}
	if want := "h1{margin:0 0 .5em;letter-spacing:-.01em}"; got["site.css"] != want {
		t.Errorf("site.css: %q, want %q", got["site.css"], want)
	}
	if want := string(files["static/bad.js"].Data); got["bad.js"] != want {
		t.Errorf("bad.js: %q, want it as it was, %q", got["bad.js"], want)
	}
}
