package serve

import (
	"io/fs"
	"strings"
	"testing"

	"github.com/waymark-cx/waymark/generator/diag"
	"github.com/waymark-cx/waymark/themes"
)

// The overlay quotes the lines around a mistake from the site folder, or
// from a built-in theme's file when a built-in template failed; nothing
// outside either.
func TestOverlaySnippets(t *testing.T) {
	root := t.TempDir()
	writeSite(t, root, site)
	theme, _ := themes.Get("default")
	journey, err := fs.ReadFile(theme, "layouts/journey.html")
	if err != nil {
		t.Fatal(err)
	}
	line3 := strings.Split(string(journey), "\n")[2]
	errs := &diag.Errors{List: []*diag.Error{
		{Path: "content/journeys/buy.md", Line: 5, Col: 1, Msg: "in the site"},
		{Path: "(built-in) themes/default/layouts/journey.html", Line: 3, Col: 1, Msg: "in the theme"},
		{Path: "(built-in) themes/default/../../go.mod", Line: 1, Col: 1, Msg: "out of the theme"},
		{Path: "(built-in) themes/nope/layouts/journey.html", Line: 1, Col: 1, Msg: "no such theme"},
		{Path: "../outside.md", Line: 1, Col: 1, Msg: "out of the site"},
	}}
	got := overlayErrors(root, themes.Get, errs)
	if len(got) != 5 {
		t.Fatalf("%d entries, want 5", len(got))
	}
	current := func(oe overlayError) string {
		for _, l := range oe.Snippet {
			if l.Current {
				return l.Text
			}
		}
		return ""
	}
	if c := current(got[0]); c != "[[stage]]" {
		t.Errorf("site file: current line %q", c)
	}
	if c := current(got[1]); c != line3 || len(got[1].Snippet) != 5 {
		t.Errorf("built-in theme: current line %q (want %q), %d lines", c, line3, len(got[1].Snippet))
	}
	for _, oe := range got[2:] {
		if oe.Snippet != nil {
			t.Errorf("%s: quoted %v", oe.Message, oe.Snippet)
		}
	}
}
