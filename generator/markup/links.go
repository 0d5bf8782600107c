package markup

import (
	"bytes"
	"fmt"
	"net/url"
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
//     so links work both on the site and when browsing the repository;
//   - another relative target, "../personas/lan/" or "diagram.png", is
//     resolved against the address of the file's page (Options.PageURL),
//     must be a page or file there, and gets the base path in front.
//
// Other links (external, fragments) are left as written.
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
	// What the target names, its percent-encoding undone:
	// "/img/my%20photo.png" names "img/my photo.png", and GitHub writes
	// file links encoded.
	name := target
	if u, err := url.PathUnescape(name); err == nil {
		name = u
	}
	var lookup string
	switch {
	case strings.HasPrefix(target, "/"):
		lookup = strings.TrimPrefix(name, "/")
	case strings.HasSuffix(target, ".md"):
		lookup = path.Join(path.Dir(st.path), name)
	default:
		page, ok := "", false
		if lc.c.opts.PageURL != nil {
			page, ok = lc.c.opts.PageURL(st.path)
		}
		if !ok {
			return dest
		}
		lookup = strings.TrimPrefix(path.Join("/"+page, name), "/")
		if strings.HasSuffix(name, "/") && lookup != "" {
			lookup += "/"
		}
	}
	resolved, ok := lc.c.opts.Resolve(lookup)
	if !ok {
		line, col := st.at(offsetOf(n, st.src))
		kind := "link"
		if _, img := n.(*ast.Image); img {
			kind = "image"
		}
		st.errs = append(st.errs, &diag.Error{Path: st.path, Line: line, Col: col,
			Msg:  fmt.Sprintf("broken internal %s %q: no such page or file", kind, string(dest)),
			Hint: "link to a page by its URL (/journeys/<slug>/, or relative to this page's own: ../<slug>/) or its source file (../journeys/<file>.md); files under static/ by their path (/img/a.png)"})
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

// offsetOf finds the byte offset of an inline link or image: the "[" that
// opens it. Inline nodes carry no position of their own, so it
// starts from the first text inside the link, or else from the end of the
// text before it, and looks back for the bracket.
func offsetOf(n ast.Node, src []byte) int {
	from := -1
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := c.(*ast.Text); ok && entering && c != n {
			from = t.Segment.Start
			return ast.WalkStop, nil
		}
		return ast.WalkContinue, nil
	})
	if from < 0 {
		// An empty link: its "[" is the first one after the text before it.
		if t, ok := n.PreviousSibling().(*ast.Text); ok && t.Segment.Stop <= len(src) {
			if i := bytes.IndexByte(src[t.Segment.Stop:], '['); i >= 0 {
				return t.Segment.Stop + i
			}
		}
	}
	if from < 0 {
		for p := n.Parent(); p != nil; p = p.Parent() {
			if p.Type() == ast.TypeBlock && p.Lines().Len() > 0 {
				from = p.Lines().At(0).Start + 1
				break
			}
		}
	}
	from = min(max(from, 0), len(src))
	i := bytes.LastIndexByte(src[:from], '[')
	if i < 0 {
		return max(from-1, 0)
	}
	return i
}
