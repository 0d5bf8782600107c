package main

import (
	"bytes"
	"testing"

	"github.com/waymark-cx/waymark/generator/diag"
)

// Workflow commands escape what GitHub's parser would read as syntax:
// % and line ends everywhere, and the , and : that separate properties in
// a property's value. A file that is not in the workspace is not named as
// one.
func TestAnnotateEscapes(t *testing.T) {
	for _, c := range []struct {
		root, workspace string
		e               diag.Error
		want            string
	}{
		{"site", "", diag.Error{Path: "content/a,b:c%.md", Line: 2, Col: 5, Msg: "100% wrong\r\nreally", Hint: "fix: it"},
			"::error file=site/content/a%2Cb%3Ac%25.md,line=2,col=5,title=waymark::100%25 wrong%0D%0Areally%0Ahint: fix: it\n"},
		{".", "", diag.Error{Path: "(built-in) themes/default/layouts/journey.html", Line: 3, Col: 7, Msg: "broken"},
			"::error title=waymark::(built-in) themes/default/layouts/journey.html:3:7: broken\n"},
		{".", "", diag.Error{Path: "layouts", Msg: "no layouts"},
			"::error file=layouts,title=waymark::no layouts\n"},
		{"/ws/handbook", "/ws", diag.Error{Path: "waymark.toml", Line: 1, Col: 1, Msg: "m"},
			"::error file=handbook/waymark.toml,line=1,col=1,title=waymark::m\n"},
		{"/elsewhere", "/ws", diag.Error{Path: "waymark.toml", Line: 1, Col: 1, Msg: "m"},
			"::error title=waymark::waymark.toml:1:1: m\n"},
		{".", "", diag.Error{Msg: "no path"}, "::error title=waymark::no path\n"},
	} {
		var out bytes.Buffer
		m := &Main{Stdout: &out, Annotate: true, Workspace: c.workspace}
		m.annotate("error", c.root, &c.e)
		if out.String() != c.want {
			t.Errorf("%+v:\n got %q\nwant %q", c.e, out.String(), c.want)
		}
	}
	var out bytes.Buffer
	(&Main{Stdout: &out}).annotate("error", ".", &diag.Error{Path: "x.md", Msg: "m"})
	if out.Len() != 0 {
		t.Errorf("annotated outside GitHub Actions: %q", out.String())
	}
}
