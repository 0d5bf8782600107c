package source

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/BurntSushi/toml"

	"github.com/waymark-cx/waymark/generator/diag"
)

// Doc is a decoded TOML document with the positions of its keys.
type Doc struct {
	Path string
	Data map[string]any
	// Line is the line in Path where the TOML text starts: 1 for a
	// waymark.toml, the line after the opening +++ for front matter.
	Line int

	// Positions: the document's own keys (before its first [table]) are
	// indexed at once, because the model keeps the positions of its
	// references; the rest only when a mistake needs one, since scanning
	// every key of a large handbook costs as much as a fifth of decoding
	// it.
	text []byte
	top  *Index
	once sync.Once
	all  *Index
}

// Decode parses TOML text that starts at line firstLine of path. A syntax
// error is returned as a *diag.Error located in path.
func Decode(path string, text []byte, firstLine int) (*Doc, error) {
	if err := CheckDepth(path, text, firstLine); err != nil {
		return nil, err
	}
	data := map[string]any{}
	// From the bytes: the decoder copies them in any case.
	if _, err := toml.NewDecoder(bytes.NewReader(text)).Decode(&data); err != nil {
		return nil, syntaxError(path, text, firstLine, err)
	}
	return &Doc{Path: path, Data: data, Line: firstLine, text: text, top: newIndex(text, firstLine, true)}, nil
}

// DecodeFile decodes a split Markdown file's front matter.
func DecodeFile(f *File) (*Doc, error) {
	return Decode(f.Path, f.Front, f.FrontLine)
}

// Pos returns the line and column of the value at a key path such as
// "stage[2].touchpoint[0].name", falling back to the nearest enclosing key
// or table that the index knows, and finally to the document's first line.
func (d *Doc) Pos(path string) (line, col int) {
	if d.top.Has(path) || !d.inTable(path) {
		return d.top.Pos(path)
	}
	d.once.Do(func() { d.all = NewIndex(d.text, d.Line) })
	return d.all.Pos(path)
}

// inTable reports whether path is in a table or an array of tables: not
// among the document's own keys, which come before every [table].
func (d *Doc) inTable(path string) bool {
	if i := strings.IndexAny(path, ".["); i >= 0 {
		path = path[:i]
	}
	switch v := d.Data[path].(type) {
	case map[string]any, []map[string]any:
		return true
	case []any:
		for _, e := range v {
			if _, ok := e.(map[string]any); ok {
				return true
			}
		}
	}
	return false
}

func syntaxError(path string, text []byte, firstLine int, err error) error {
	var pe toml.ParseError
	if errors.As(err, &pe) {
		msg := pe.Message
		if msg == "" {
			msg = err.Error()
		}
		e := &diag.Error{Path: path, Line: pe.Position.Line + firstLine - 1, Col: charCol(text, pe.Position),
			Msg: "toml: " + lowerFirst(msg)}
		e.Hint = syntaxHint(msg)
		subTableFirst(e, text, firstLine, msg)
		return e
	}
	return &diag.Error{Path: path, Line: firstLine, Col: 1, Msg: "toml: " + err.Error()}
}

// charCol is the 1-based column in characters of the place a TOML
// syntax error points at in text: BurntSushi/toml counts bytes (a
// Vietnamese letter is two or three bytes, one character on the screen),
// and its place may start with the blanks before the word it is about.
func charCol(text []byte, pos toml.Position) int {
	start := pos.Start
	if start < 0 || start > len(text) {
		return max(pos.Col, 1)
	}
	for end := start + pos.Len - 1; start < end && start < len(text) && (text[start] == ' ' || text[start] == '\t'); {
		start++
	}
	line := bytes.LastIndexByte(text[:start], '\n') + 1
	return utf8.RuneCount(text[line:start]) + 1
}

// subTableFirst explains, in plain words and at its own line, a
// sub-table written before the table it belongs to ([[stage.touchpoint]]
// before any [[stage]]), which the TOML library reports as a table
// "already created" at the [[stage]] that follows.
func subTableFirst(e *diag.Error, text []byte, firstLine int, msg string) {
	_, rest, ok := strings.Cut(strings.ToLower(msg), "key '")
	name, _, ok2 := strings.Cut(rest, "' was already created")
	if !ok || !ok2 || !strings.Contains(msg, "cannot be used as an array") {
		return
	}
	for i, line := range strings.Split(string(text), "\n") {
		h := strings.TrimSpace(line)
		if !strings.HasPrefix(h, "[") {
			continue
		}
		inner := strings.TrimSpace(strings.Trim(h, "[]"))
		if sub, ok := strings.CutPrefix(inner, name+"."); ok {
			e.Line, e.Col = firstLine+i, strings.Index(line, "[")+1
			e.Msg = fmt.Sprintf("%s comes before any [[%s]]: it must follow the [[%s]] it is part of (TOML: %s)",
				h, name, name, strings.TrimSuffix(lowerFirst(msg), "."))
			e.Hint = fmt.Sprintf("move it below its [[%s]]: each %s belongs to the last [[%s]] above it", name, sub, name)
			return
		}
		if inner == name {
			return // the table came first after all
		}
	}
}

func syntaxHint(msg string) string {
	switch {
	case strings.Contains(msg, "has already been defined"), strings.Contains(msg, "already defined"):
		return "each key may appear once per table; use [[stage]] for each new stage"
	case strings.Contains(msg, "expected value"), strings.Contains(msg, "bare keys"):
		return `strings need quotes: name = "Awareness"`
	case strings.Contains(msg, "unexpected EOF"), strings.Contains(msg, "unclosed"), strings.Contains(msg, "unterminated"):
		return "a string, array or table is not closed"
	case strings.Contains(msg, "cannot contain newlines"):
		return `close the string on the same line, or use """ … """ for text over several lines`
	}
	return `check the TOML near this spot: key = "text", key = 3, list = ["a", "b"], one key per line`
}

func lowerFirst(s string) string {
	if s == "" || !('A' <= s[0] && s[0] <= 'Z') || (len(s) > 1 && 'A' <= s[1] && s[1] <= 'Z') {
		return s
	}
	return strings.ToLower(s[:1]) + s[1:]
}

// OpensBlock reports whether line (of Path) ends by opening a multi-line
// string (""" or ”'), whose text then starts on the next line: TOML
// drops a newline right after the quotes.
func (d *Doc) OpensBlock(line int) bool {
	i := line - d.Line
	if i < 0 {
		return false
	}
	rest := d.text
	for ; i > 0; i-- {
		nl := bytes.IndexByte(rest, '\n')
		if nl < 0 {
			return false
		}
		rest = rest[nl+1:]
	}
	if nl := bytes.IndexByte(rest, '\n'); nl >= 0 {
		rest = rest[:nl]
	}
	rest = bytes.TrimRight(rest, " \t\r")
	return bytes.HasSuffix(rest, []byte(`"""`)) || bytes.HasSuffix(rest, []byte("'''"))
}
