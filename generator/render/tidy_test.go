package render

import (
	"strings"
	"testing"

	"github.com/waymark-cx/waymark/generator/model"
)

func TestMinifyTemplate(t *testing.T) {
	tests := map[string]string{
		// A comment's apostrophe does not stop the rest from minifying.
		"{{- /* the page's title */ -}}\n<p>\n  <b>x</b>\n</p>": "{{- /**/ -}}<p><b>x</b></p>",
		// Actions, and tags, attribute values and text around them, stay.
		`<a class="a {{.C}}"  href="{{url .U}}">{{.T}} {{.U}}</a>`: `<a class="a {{.C}}"  href="{{url .U}}">{{.T}} {{.U}}</a>`,
		// Embedded CSS is minified, unless it holds an action: then only
		// trimmed.
		"<style>\na { color: red; }\n</style>":    "<style>a{color:red}</style>",
		"<style>\na { color: {{.C}}; }\n</style>": "<style>a { color: {{.C}}; }</style>",
		"<!DOCTYPE html>\n<html lang=\"{{.L}}\">": "<!doctype html><html lang=\"{{.L}}\">",
		"<pre>\n  kept\n</pre>":                   "<pre>\n  kept\n</pre>",
		// An HTML comment would go with its actions: the template stays.
		"<!-- {{if .A}} -->\n<p>x</p>\n<!-- {{end}} -->": "<!-- {{if .A}} -->\n<p>x</p>\n<!-- {{end}} -->",
	}
	for in, want := range tests {
		if got := minifyTemplate([]byte(in)); got != want {
			t.Errorf("minifyTemplate(%q)\n = %q\nwant %q", in, got, want)
		}
	}
}

// TestThemeMinified: the built-in theme's templates minify as they are
// parsed, and a page made by them is made as the templates as written
// make it. A theme whose templates do not parse once minified is used as
// written.
func TestThemeMinified(t *testing.T) {
	site := &model.Site{Config: model.Config{BasePath: "/", BaseURL: "/", Language: "en"}}
	eng, err := New(site, nil, Layer{Name: "themes/default", FS: defaultTheme(t)})
	if err != nil {
		t.Fatal(err)
	}
	if !eng.Minified() || eng.AsWritten() == eng {
		t.Fatal("the default theme's templates are not minified")
	}
	p := &Page{Kind: "page", Title: "A  <b>", Site: eng.Data()}
	got, err := eng.Bytes(p)
	if err != nil {
		t.Fatal(err)
	}
	written, err := eng.AsWritten().Bytes(p)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) >= len(written) || !strings.Contains(string(got), "<title>A  &lt;b&gt;") {
		t.Errorf("page from minified templates, %d bytes, as written %d:\n%s", len(got), len(written), got)
	}
}
