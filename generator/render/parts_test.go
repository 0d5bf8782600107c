package render

import (
	"testing"
	"text/template/parse"
)

// A partial is drawn in Go only when it is exactly the default theme's
// call; one that calls the component otherwise, or adds anything, is run.
func TestOnly(t *testing.T) {
	for _, c := range []struct {
		text string
		want bool
	}{
		{"{{itemList .Items .Class}}", true},
		{"{{- /* a comment */ -}}\n{{ itemList  .Items   .Class }}\n", true},
		{"{{itemList .Items \"mine\"}}", false},
		{"<div>{{itemList .Items .Class}}</div>", false},
		{"{{itemList .Items .Class}}{{itemList .Items .Class}}", false},
		{"{{if .Items}}{{itemList .Items .Class}}{{end}}", false},
		{"{{$x := itemList .Items .Class}}{{$x}}", false},
		{"", false},
	} {
		trees, err := parse.Parse("p", c.text, "", "", map[string]any{"itemList": func() string { return "" }})
		if err != nil {
			t.Fatalf("%q: %v", c.text, err)
		}
		root := trees["p"].Root
		if got := only(root, `{{itemList .Items .Class}}`); got != c.want {
			t.Errorf("only(%q) = %v, want %v", c.text, got, c.want)
		}
	}
}
