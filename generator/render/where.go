package render

import (
	"errors"
	"strconv"
	"strings"
	"text/template"
	"unicode/utf8"
)

// Failure is where a template failed while rendering a page: the layout
// or partial file as the author knows it ("layouts/journey.html", or
// "(built-in) themes/default/layouts/journey.html"), the line and column
// (from 1, in characters) of the action that failed in it, and what went
// wrong there.
type Failure struct {
	File      string
	Line, Col int
	Msg       string
}

// Where finds the file and position of a template execution error that
// Execute returned. text/template names the template and gives a byte
// offset into the template as parsed, which lost each line's indentation
// (compact); ok is false for other errors. When a component failed in a
// partial it draws by (parts.go), the partial is where.
func (e *Engine) Where(err error) (f Failure, ok bool) {
	var ee template.ExecError
	if !errors.As(err, &ee) {
		return Failure{}, false
	}
	for {
		var inner template.ExecError
		if !errors.As(ee.Err, &inner) {
			break
		}
		ee = inner
	}
	// "template: journey:3:14: executing …", named by the file the
	// action was parsed from (ee.Name may be a {{define}} in it).
	rest, found := strings.CutPrefix(ee.Err.Error(), "template: ")
	name, rest, _ := strings.Cut(rest, ":")
	lineStr, rest, _ := strings.Cut(rest, ":")
	colStr, msg, found2 := strings.Cut(rest, ": ")
	line, err1 := strconv.Atoi(lineStr)
	offset, err2 := strconv.Atoi(colStr)
	if !found || !found2 || err1 != nil || err2 != nil || line < 1 || offset < 0 {
		return Failure{}, false
	}
	p := "layouts/" + name
	if !strings.HasSuffix(p, ".html") {
		p += ".html"
	}
	text, known := e.files[p]
	if !known {
		return Failure{}, false
	}
	lines := strings.Split(string(text), "\n")
	if line > len(lines) {
		return Failure{}, false
	}
	src := lines[line-1]
	if compacts(text) {
		offset += len(src) - len(strings.TrimLeft(src, " \t"))
	}
	offset = min(offset, len(src))
	return Failure{File: e.origin[p], Line: line, Col: utf8.RuneCountInString(src[:offset]) + 1, Msg: msg}, true
}
