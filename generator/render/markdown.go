package render

import (
	"html/template"
	"strings"

	"github.com/waymark-cx/waymark/generator/markup"
)

// markdown renders a short Markdown text that front matter holds (a
// custom text lane's value), as the site's pages are rendered but never
// with raw HTML; site-absolute links get the base path. The links of such
// a text are not checked.
func (e *Engine) markdown(s, path string) template.HTML {
	html, _ := e.md.Convert([]byte(s), path, 0)
	return html
}

// newMarkdown is the converter of markdown for a site's base path: a
// site path gets the base path in front; a link to a source file (.md)
// is left as written.
func newMarkdown(basePath string) *markup.Converter {
	return markup.New(markup.Options{BasePath: basePath, Resolve: func(target string) (string, bool) {
		return target, !strings.HasSuffix(target, ".md")
	}})
}
