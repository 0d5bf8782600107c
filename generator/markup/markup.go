// Package markup converts Markdown bodies to HTML with goldmark: CommonMark
// plus GitHub tables, task lists, strikethrough, autolinks and footnotes.
// Its own extensions, one per file, check and rewrite internal links
// (links.go), give headings ASCII ids (ids.go) and name task-list check
// boxes (tasks.go).
package markup

import (
	"bytes"
	"html/template"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	gmutil "github.com/yuin/goldmark/util"

	"github.com/waymark-cx/waymark/generator/diag"
)

// Options configure a converter.
type Options struct {
	// UnsafeHTML renders raw HTML in Markdown; off by default, it is
	// replaced by an HTML comment.
	UnsafeHTML bool
	// BasePath prefixes site-absolute links: "/cx-handbook/".
	BasePath string
	// Resolve maps a link target to a page or file of the site. It gets
	// either a site path ("personas/lan/", "img/a.png") or a source path
	// ending in .md ("content/personas/lan.md"), and returns the site path
	// to link to, or false when there is no such page.
	Resolve func(target string) (string, bool)
	// PageURL gives the site path of the page made from a source file
	// ("content/guides/method.md" → "guides/method/"): a relative link
	// in that file ("../personas/lan/", "diagram.png") is resolved
	// against it as a browser would, checked, and made site-absolute, so
	// that it also works where the page's text is shown at another
	// address. Without it, or for a file it does not know, relative links
	// are left as written.
	PageURL func(source string) (string, bool)
}

// Converter turns Markdown into HTML. It is safe for concurrent use.
type Converter struct {
	md   goldmark.Markdown
	opts Options
	key  parser.ContextKey
}

// New returns a converter.
func New(opts Options) *Converter {
	c := &Converter{opts: opts, key: parser.NewContextKey()}
	rendererOpts := []goldmark.Option{goldmark.WithRendererOptions(renderer.WithNodeRenderers(taskBoxRenderer()))}
	if opts.UnsafeHTML {
		rendererOpts = append(rendererOpts, goldmark.WithRendererOptions(html.WithUnsafe()))
	}
	c.md = goldmark.New(append(rendererOpts,
		goldmark.WithExtensions(extension.GFM, extension.Footnote),
		goldmark.WithParserOptions(
			parser.WithAutoHeadingID(),
			parser.WithASTTransformers(util{Value: &linkChecker{c: c}, Priority: 100}.pair()),
		),
	)...)
	return c
}

// Convert renders the Markdown body of the file at path, whose first line
// is line firstLine of that file. Broken internal links come back as
// located errors; the HTML is still returned.
func (c *Converter) Convert(src []byte, path string, firstLine int) (template.HTML, []*diag.Error) {
	var out htmlOut
	out.Grow(len(src) * 3 / 2)
	errs := c.convert(&out, src, path, firstLine)
	return template.HTML(out.String()), errs
}

// ConvertTo is Convert, appending the HTML to buf: for a caller that uses
// one buffer for page after page.
func (c *Converter) ConvertTo(buf *bytes.Buffer, src []byte, path string, firstLine int) []*diag.Error {
	buf.Grow(len(src) * 3 / 2)
	return c.convert(bufOut{buf}, src, path, firstLine)
}

func (c *Converter) convert(out gmutil.BufWriter, src []byte, path string, firstLine int) []*diag.Error {
	st := &state{path: path, firstLine: firstLine, src: src}
	ctx := parser.NewContext(parser.WithIDs(newIDs()))
	ctx.Set(c.key, st)
	doc := c.md.Parser().Parse(text.NewReader(src), parser.WithContext(ctx))
	if err := c.md.Renderer().Render(out, src, doc); err != nil {
		st.errs = append(st.errs, &diag.Error{Path: path, Line: firstLine, Col: 1, Msg: "markdown: " + err.Error()})
	}
	return st.errs
}

// bufOut is htmlOut's counterpart over a bytes.Buffer.
type bufOut struct{ *bytes.Buffer }

func (o bufOut) Buffered() int { return 0 }
func (o bufOut) Flush() error  { return nil }

// htmlOut collects a conversion's HTML. goldmark writes straight into a
// util.BufWriter, where it would put a bufio.Writer of its own in front
// of any other writer, and a strings.Builder hands its text over without
// the copy a bytes.Buffer makes: a third of the Markdown's allocation.
type htmlOut struct{ strings.Builder }

func (o *htmlOut) Available() int { return o.Cap() - o.Len() }
func (o *htmlOut) Buffered() int  { return 0 }
func (o *htmlOut) Flush() error   { return nil }

// state is what one conversion collects.
type state struct {
	path      string
	firstLine int
	src       []byte
	errs      []*diag.Error
}

// at converts a byte offset of the body to a file line and column.
func (st *state) at(offset int) (line, col int) {
	if offset > len(st.src) {
		offset = len(st.src)
	}
	line = st.firstLine
	start := 0
	for i := 0; i < offset; i++ {
		if st.src[i] == '\n' {
			line++
			start = i + 1
		}
	}
	return line, len([]rune(string(st.src[start:offset]))) + 1
}
