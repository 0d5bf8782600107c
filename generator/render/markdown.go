package render

import (
	"html/template"
	"strings"

	"github.com/waymark-cx/waymark/generator/markup"
)

// markdown renders a short Markdown text that front matter holds (a
// custom text lane's value), as the site's pages are rendered but never
// with raw HTML; site-absolute links get the base path, and links to
// source files (.md) become their pages' addresses once the build has
// given the engine its links (SetLinks).
func (e *Engine) markdown(s, path string) template.HTML {
	html, _ := e.md.Convert([]byte(s), path, 0)
	return html
}

// newMarkdown is the converter of markdown for a site's base path before
// the build knows its pages: a site path gets the base path in front; a
// link to a source file (.md) is left as written.
func newMarkdown(basePath string) *markup.Converter {
	return markup.New(markup.Options{BasePath: basePath, Resolve: func(target string) (string, bool) {
		return target, !strings.HasSuffix(target, ".md")
	}})
}

// LaneMarkdown is the converter of the text that front matter holds (a
// custom text lane's value), for a site's base path: the links of the
// site's pages (markup.Options.Resolve and PageURL), never raw HTML. The
// build checks those links with it, and gives it to the engine with
// SetLinks.
func LaneMarkdown(basePath string, resolve func(string) (string, bool), pageURL func(string) (string, bool)) *markup.Converter {
	return markup.New(markup.Options{BasePath: basePath, Resolve: resolve, PageURL: pageURL})
}

// SetLinks gives the engine the converter of front matter's Markdown
// for this build (LaneMarkdown), once the build knows its pages.
func (e *Engine) SetLinks(c *markup.Converter) { e.md = c }
