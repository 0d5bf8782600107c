package generator

import (
	"bytes"
	"regexp"
	"sync"

	"github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/css"
	"github.com/tdewolff/minify/v2/html"
	"github.com/tdewolff/minify/v2/js"
	"github.com/tdewolff/minify/v2/json"
	"github.com/tdewolff/minify/v2/svg"
)

// minifier wraps tdewolff/minify with the settings Waymark's output needs:
// document and end tags are kept, so that the HTML stays valid for
// validators and readable for diffs of golden files.
type minifier struct {
	m *minify.M

	mu    sync.Mutex
	cache map[string]cachedMin // static file name → its last minified form
}

type cachedMin struct {
	in, out []byte
}

// static minifies a static file, remembering the result so that an
// unchanged stylesheet is not minified again on every rebuild.
func (m *minifier) static(name, mediaType string, b []byte) []byte {
	m.mu.Lock()
	c, ok := m.cache[name]
	m.mu.Unlock()
	if ok && bytes.Equal(c.in, b) {
		return c.out
	}
	// The minifier may rewrite its input in place (tdewolff/parse
	// lowercases as it lexes), so the cache keeps a copy made first.
	in := bytes.Clone(b)
	out, err := m.bytes(mediaType, b)
	if err != nil {
		return in
	}
	m.mu.Lock()
	if m.cache == nil {
		m.cache = map[string]cachedMin{}
	}
	m.cache[name] = cachedMin{in: in, out: out}
	m.mu.Unlock()
	return out
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

func (m *minifier) bytes(mediaType string, b []byte) ([]byte, error) {
	return m.m.Bytes(mediaType, b)
}
