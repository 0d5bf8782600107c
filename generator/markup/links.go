package markup

import (
	"fmt"
	"path"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"

	"github.com/waymark-cx/waymark/generator/diag"
)

// linkChecker checks and rewrites internal links and images:
//   - a site-absolute target, "/personas/lan/" or "/img/map.png", must be a
//     page or static file of the site, and gets the base path in front;
//   - a relative target ending in .md (with an optional #fragment),
//     "../personas/lan.md", names a source file: it becomes that page's URL,
//     so links work both on the site and when browsing the repository.
//
// Other links (external, relative, fragments) are left as written.
type linkChecker struct {
	c *Converter
}

func (lc *linkChecker) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	st, _ := pc.Get(lc.c.key).(*state)
	if st == nil {
		return
	}
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Link:
			n.Destination = lc.rewrite(st, n, n.Destination)
		case *ast.Image:
			n.Destination = lc.rewrite(st, n, n.Destination)
		}
		return ast.WalkContinue, nil
	})
}

func (lc *linkChecker) rewrite(st *state, n ast.Node, dest []byte) []byte {
	target := string(dest)
	if target == "" || strings.HasPrefix(target, "#") || strings.HasPrefix(target, "//") || hasScheme(target) {
		return dest
	}
	rest := ""
	if i := strings.IndexAny(target, "?#"); i >= 0 {
		target, rest = target[:i], target[i:]
	}
	var lookup string
	switch {
	case strings.HasPrefix(target, "/"):
		lookup = strings.TrimPrefix(target, "/")
	case strings.HasSuffix(target, ".md"):
		lookup = path.Join(path.Dir(st.path), target)
	default:
		return dest
	}
	resolved, ok := lc.c.opts.Resolve(lookup)
	if !ok {
		line, col := st.at(offsetOf(n))
		kind := "link"
		if _, img := n.(*ast.Image); img {
			kind = "image"
		}
		st.errs = append(st.errs, &diag.Error{Path: st.path, Line: line, Col: col,
			Msg:  fmt.Sprintf("broken internal %s %q: no such page or file", kind, string(dest)),
			Hint: "link to a page by its URL (/journeys/<slug>/) or its source file (../journeys/<file>.md); files under static/ by their path (/img/a.png)"})
		return dest
	}
	return []byte(lc.c.opts.BasePath + resolved + rest)
}

func hasScheme(s string) bool {
	i := strings.IndexByte(s, ':')
	if i <= 0 {
		return false
	}
	for _, r := range s[:i] {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '+' || r == '-' || r == '.') {
			return false
		}
	}
	return true
}

// offsetOf finds a byte offset for an inline node: its first text
// segment, else its nearest block's first line.
func offsetOf(n ast.Node) int {
	for c := n.FirstChild(); c != nil; c = c.FirstChild() {
		if t, ok := c.(*ast.Text); ok {
			// The link text starts one byte after "[".
			return max(t.Segment.Start-1, 0)
		}
	}
	for p := n.Parent(); p != nil; p = p.Parent() {
		if p.Type() == ast.TypeBlock && p.Lines().Len() > 0 {
			return p.Lines().At(0).Start
		}
	}
	return 0
}
