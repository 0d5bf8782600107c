package render

import (
	"regexp"
	"strings"
	"sync"

	"github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/css"
	"github.com/tdewolff/minify/v2/html"
	"github.com/tdewolff/minify/v2/js"
)

// Templates are minified once, as they are parsed, rather than every page
// they make: minifying each page took a tenth of a large build's time,
// and most of a page is its template's text. What a page shows of its
// data is not minified, apart from its Markdown (Minified).
//
// A template minifies with the settings of the pages' minifier
// (generator's minify.go) and tdewolff/minify's own rules for Go
// templates, which leave every {{action}}, and the text and attribute
// values around one, as they are. Templates that no longer parse
// once minified are used as written: the theme's pages are then minified
// whole (Minified says not).

// parseMinified parses the templates as written, so that their mistakes
// are reported at their lines, and minified, at once: a build waits for
// both.
func (e *Engine) parseMinified() error {
	var exact parsed
	var exactErr error
	done := make(chan struct{})
	go func() {
		defer close(done)
		exact, exactErr = e.parse(compact)
	}()
	minified, minErr := e.parse(minifyTemplate)
	<-done
	switch {
	case exactErr != nil:
		return exactErr
	case minErr != nil:
		e.use(exact)
	default:
		e.use(minified)
		e.minified, e.exact = true, &exactEngine{}
	}
	return nil
}

// Minified reports whether the pages e makes are minified already, but
// for what they show of Markdown (Page.Content), which a build minifies
// apart.
func (e *Engine) Minified() bool { return e.minified }

// minifyTemplate minifies a template's text: compact's work, then the
// minifier's.
func minifyTemplate(text []byte) string {
	s := compact(text)
	if !compacts(text) {
		return s
	}
	// The minifier reads an action's quotes, which a comment's
	// apostrophe would open: comments go, their trim markers stay.
	s = templateComment.ReplaceAllString(s, "{{$1/**/$2}}")
	// Embedded CSS and scripts are minified unless they hold an action
	// (tdewolff/minify leaves those); SVG elements are not, as the SVG
	// minifier does not know templates.
	m := minify.New()
	m.AddFunc("text/css", css.Minify)
	m.AddFuncRegexp(regexp.MustCompile("^(application|text)/(x-)?(java|ecma)script$"), js.Minify)
	var b strings.Builder
	h := &html.Minifier{KeepDocumentTags: true, KeepEndTags: true, KeepQuotes: true, TemplateDelims: html.GoTemplateDelims}
	if err := h.Minify(m, &b, strings.NewReader(s), nil); err != nil || strings.Count(b.String(), "{{") != strings.Count(s, "{{") {
		// An HTML comment goes with the actions in it, which may
		// be more than comments: such a template stays as written.
		return s
	}
	return b.String()
}

// AsWritten is e parsed from the templates as written: e itself, unless
// its templates were minified.
func (e *Engine) AsWritten() *Engine {
	if !e.minified {
		return e
	}
	if x := e.exact.get(e); x != nil {
		return x
	}
	return e
}

// templateComment is a template's comment, with its trim markers.
var templateComment = regexp.MustCompile(`(?s)\{\{(- )?/\*.*?\*/( -)?\}\}`)

// exactEngine is the engine parsed from the templates as written, made the
// first time a page fails.
type exactEngine struct {
	once sync.Once
	e    *Engine
}

func (x *exactEngine) get(e *Engine) *Engine {
	x.once.Do(func() {
		c := &Engine{files: e.files, origin: e.origin, site: e.site, hub: e.hub, data: e.data, nums: e.nums,
			sources: e.sources, strings: e.strings, md: e.md}
		if p, err := c.parse(compact); err == nil {
			c.use(p)
			x.e = c
		}
	})
	return x.e
}
