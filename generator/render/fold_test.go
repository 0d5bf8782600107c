package render

import (
	"bytes"
	"html/template"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
	"text/template/parse"

	"github.com/waymark-cx/waymark/generator/model"
)

// TestFoldStrings: {{t "key"}} becomes the string itself as the templates
// are parsed, escaped where it lands as html/template escapes what t
// returned; a call with arguments, or fed by a pipe, stays a call.
func TestFoldStrings(t *testing.T) {
	const raw = `Tom & "Jerry" <b>'s</b>`
	layout := `<p title="{{t "x"}}">{{t "x"}}</p><a href="/q?s={{t "x"}}">{{t "x" | printf "%s!"}}</a>{{with t "x"}}<i>{{.}}</i>{{end}}` +
		`<em>{{t "fmt" 3}}</em><u>{{"x" | t}}</u><link href="{{url "css/a b.css"}}"><a href="{{url .Title}}">.</a>`
	own := fstest.MapFS{
		"layouts/page.html": {Data: []byte(layout)},
		"i18n/en.toml":      {Data: []byte("x = " + strconv.Quote(raw) + "\nfmt = \"%d items\"\n")},
	}
	site := &model.Site{Config: model.Config{BasePath: "/cx/", BaseURL: "/cx/", Language: "en"}}
	eng, err := New(site, nil, Layer{Name: "", FS: own})
	if err != nil {
		t.Fatal(err)
	}
	calls := 0
	var pipe func(*parse.PipeNode)
	pipe = func(p *parse.PipeNode) {
		for _, c := range p.Cmds {
			for _, a := range c.Args {
				switch a := a.(type) {
				case *parse.IdentifierNode:
					if a.Ident == "t" || a.Ident == "url" {
						calls++
					}
				case *parse.PipeNode:
					pipe(a)
				}
			}
		}
	}
	var walk func(parse.Node)
	walk = func(n parse.Node) {
		switch n := n.(type) {
		case *parse.ListNode:
			for _, c := range n.Nodes {
				walk(c)
			}
		case *parse.ActionNode:
			pipe(n.Pipe)
		case *parse.WithNode:
			pipe(n.Pipe)
			walk(n.List)
		}
	}
	for _, tm := range eng.sets["page"].Templates() {
		walk(tm.Tree.Root)
	}
	if calls != 3 { // {{t "fmt" 3}}, {{"x" | t}} and {{url .Title}}
		t.Errorf("%d calls of t and url left, want 3", calls)
	}
	got, err := eng.Bytes(&Page{Kind: "page", Title: "personas/lan/", Site: eng.Data()})
	if err != nil {
		t.Fatal(err)
	}
	want := template.Must(template.New("").Parse(strings.NewReplacer(`t "x"`, ".S", `t "fmt" 3`, `.N`, `"x" | t`, `.S`,
		`url "css/a b.css"`, ".C", `url .Title`, ".P").Replace(layout)))
	var b bytes.Buffer
	if err := want.Execute(&b, map[string]string{"S": raw, "N": "3 items", "C": "/cx/css/a b.css", "P": "/cx/personas/lan/"}); err != nil {
		t.Fatal(err)
	}
	if string(got) != b.String() {
		t.Errorf("folded:\n%s\nas t's value:\n%s", got, b.String())
	}
}

// TestReuseNewBasePath: an engine whose templates hold the addresses of
// one base path is not reused for another.
func TestReuseNewBasePath(t *testing.T) {
	own := fstest.MapFS{"layouts/page.html": {Data: []byte(`<link href="{{url "css/a.css"}}">`)}}
	render := func(prev *Engine, base string) (*Engine, string) {
		t.Helper()
		site := &model.Site{Config: model.Config{BasePath: base, BaseURL: base, Language: "en"}}
		eng, err := Reuse(prev, site, nil, Layer{Name: "", FS: own})
		if err != nil {
			t.Fatal(err)
		}
		b, err := eng.Bytes(&Page{Kind: "page", Site: eng.Data()})
		if err != nil {
			t.Fatal(err)
		}
		return eng, string(b)
	}
	first, _ := render(nil, "/a/")
	if same, _ := render(first, "/a/"); same != first {
		t.Error("not reused for the same base path")
	}
	if _, page := render(first, "/b/"); page != `<link href="/b/css/a.css">` {
		t.Errorf("under another base path: %s", page)
	}
}
