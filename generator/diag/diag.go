// Package diag holds the located errors and warnings that every stage of the
// pipeline reports: a mistake names its file, line and column, says what is
// wrong in lower case, and may carry a hint on how to fix it.
package diag

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode"
)

// Error is one mistake in the source, located at Path:Line:Col. Path is
// slash-separated and relative to the site's source folder. Line and Col
// start at 1; a zero Line means the whole file.
type Error struct {
	Path string
	Line int
	Col  int
	Msg  string
	Hint string
}

// Error formats the mistake as "path:line:col: message", followed by an
// indented "hint:" line when there is a hint. Each is one line: see
// OneLine.
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.Location())
	b.WriteString(": ")
	b.WriteString(OneLine(e.Msg))
	if e.Hint != "" {
		b.WriteString("\n\thint: ")
		b.WriteString(OneLine(e.Hint))
	}
	return b.String()
}

// Location is "path:line:col" (line and column 1 when unknown), on one
// line.
func (e *Error) Location() string {
	line, col := e.Line, e.Col
	if line <= 0 {
		line = 1
	}
	if col <= 0 {
		col = 1
	}
	return fmt.Sprintf("%s:%d:%d", OneLine(e.Path), line, col)
}

// OneLine writes the control characters of s (a line end in a file name
// or a title, say) as Go escapes ("\n"), so that what content holds can
// never start a line of its own in the output: a CI log reads a line that
// starts with "::" as a command to the runner.
func OneLine(s string) string {
	if !strings.ContainsFunc(s, isControl) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if isControl(r) {
			q := strconv.QuoteRune(r)
			b.WriteString(q[1 : len(q)-1])
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// isControl is a control character other than the tab, or a line or
// paragraph separator.
func isControl(r rune) bool {
	return r != '\t' && unicode.IsControl(r) || r == '\u2028' || r == '\u2029'
}

// List collects mistakes so that a build can report all of them at once.
// The zero value is ready to use.
type List struct {
	items []*Error
}

// Add appends a mistake.
func (l *List) Add(e *Error) { l.items = append(l.items, e) }

// Addf appends a mistake built from a format string.
func (l *List) Addf(path string, line, col int, hint, format string, args ...any) {
	l.Add(&Error{Path: path, Line: line, Col: col, Hint: hint, Msg: fmt.Sprintf(format, args...)})
}

// AddErr appends the located mistakes err holds (see Located); an error
// that holds none becomes one mistake at path, with hint. A nil err adds
// nothing.
func (l *List) AddErr(err error, path, hint string) {
	if err == nil {
		return
	}
	if located, ok := Located(err); ok {
		l.items = append(l.items, located...)
		return
	}
	l.Add(&Error{Path: path, Msg: err.Error(), Hint: hint})
}

// Located is the located mistakes err holds, an *Errors or one *Error
// (wrapped or not), and whether it holds any.
func Located(err error) ([]*Error, bool) {
	var many *Errors
	if errors.As(err, &many) {
		return many.List, true
	}
	var one *Error
	if errors.As(err, &one) {
		return []*Error{one}, true
	}
	return nil, false
}

// Merge appends every mistake of another list.
func (l *List) Merge(o *List) {
	if o != nil {
		l.items = append(l.items, o.items...)
	}
}

// Len is the number of mistakes.
func (l *List) Len() int { return len(l.items) }

// Items returns the mistakes in source order (path, line, column).
func (l *List) Items() []*Error {
	out := slices.Clone(l.items)
	Sort(out)
	return out
}

// Err returns nil when the list is empty, otherwise an *Errors holding the
// sorted mistakes.
func (l *List) Err() error {
	if len(l.items) == 0 {
		return nil
	}
	return &Errors{List: l.Items()}
}

// Sort orders mistakes by path, line and column, then message, so that
// output is the same whatever order the pipeline found them in.
func Sort(errs []*Error) {
	slices.SortStableFunc(errs, func(a, b *Error) int {
		return cmp.Or(
			cmp.Compare(a.Path, b.Path),
			cmp.Compare(a.Line, b.Line),
			cmp.Compare(a.Col, b.Col),
			cmp.Compare(a.Msg, b.Msg),
		)
	})
}

// Errors is the error a build returns when the content has mistakes.
type Errors struct {
	List []*Error
}

// Error lists every mistake, one per line (hints on their own lines).
func (e *Errors) Error() string {
	var b strings.Builder
	for i, err := range e.List {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(err.Error())
	}
	return b.String()
}
