package generator

import (
	"bytes"
	"regexp"

	"github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/css"
	"github.com/tdewolff/minify/v2/html"
	"github.com/tdewolff/minify/v2/js"
	"github.com/tdewolff/minify/v2/json"
	"github.com/tdewolff/minify/v2/svg"
	"github.com/tdewolff/parse/v2/buffer"
)

// minifier wraps tdewolff/minify with the settings Waymark's output needs:
// document and end tags are kept, so that the HTML stays valid for
// validators and readable for diffs of golden files.
type minifier struct {
	m *minify.M
}

func newMinifier() *minifier {
	m := minify.New()
	m.Add("text/html", &html.Minifier{KeepDocumentTags: true, KeepEndTags: true, KeepQuotes: true, KeepSpecialComments: false})
	m.AddFunc("text/css", css.Minify)
	m.AddFunc("image/svg+xml", svg.Minify)
	m.AddFuncRegexp(regexp.MustCompile("^(application|text)/(x-)?(java|ecma)script$"), js.Minify)
	m.AddFuncRegexp(regexp.MustCompile("[/+]json$"), json.Minify)
	return &minifier{m: m}
}

// bytes minifies b as mediaType. On failure b may have been changed: the
// minifier rewrites its input in place as it lexes.
func (m *minifier) bytes(mediaType string, b []byte) ([]byte, error) {
	return m.m.Bytes(mediaType, b)
}

// contentTo minifies the HTML of a page's Markdown, h, into buf, for
// templates that were minified as they were parsed
// (render.Engine.Minified). The minifier rewrites h as it lexes: when it
// fails (false), h is to be made again and used as it is.
func (m *minifier) contentTo(buf *bytes.Buffer, h []byte) bool {
	buf.Grow(len(h))
	return m.m.Minify("text/html", buf, buffer.NewReader(h)) == nil
}
