// Package source reads a site's files: it splits the +++ front matter from
// the Markdown body, decodes the TOML into generic values, and indexes where
// every key stands so that later stages can report mistakes at their line.
package source

import (
	"bytes"
	"unicode/utf8"

	"github.com/waymark-cx/waymark/generator/diag"
)

// File is one Markdown file split into its TOML front matter and its body.
type File struct {
	Path      string // slash-separated, relative to the source folder
	Raw       []byte // the whole file as read; Front and Body are parts of it
	Front     []byte // the TOML between the +++ lines
	FrontLine int    // line number of the first front-matter line
	Body      []byte // the Markdown after the closing +++
	BodyLine  int    // line number of the first body line
}

const delim = "+++"

// Split separates front matter from body. The file must start (after an
// optional UTF-8 byte-order mark and blank lines) with a line holding only
// +++, and the front matter ends at the next such line.
func Split(path string, raw []byte) (*File, error) {
	data := bytes.TrimPrefix(raw, []byte("\xef\xbb\xbf"))
	line := 1
	rest := data
	for {
		l, next, ok := cutLine(rest)
		if !ok && len(l) == 0 {
			return nil, &diag.Error{Path: path, Line: 1, Col: 1,
				Msg:  "missing front matter",
				Hint: "start the file with a line holding only +++, then the TOML keys, then another +++ line"}
		}
		if len(bytes.TrimSpace(l)) == 0 && ok {
			rest, line = next, line+1
			continue
		}
		if string(bytes.TrimRight(l, " \t\r")) != delim {
			return nil, &diag.Error{Path: path, Line: line, Col: 1,
				Msg:  "missing front matter: the file must start with a +++ line",
				Hint: "put a line holding only +++ above the TOML keys and another below them"}
		}
		rest = next
		break
	}
	open := line
	f := &File{Path: path, Raw: raw, FrontLine: line + 1}
	start := len(data) - len(rest)
	for pos := start; ; {
		line++
		l, next, ok := cutLine(data[pos:])
		if string(bytes.TrimRight(l, " \t\r")) == delim {
			f.Front = data[start:pos]
			f.Body = next
			f.BodyLine = line + 1
			if !utf8.Valid(next) {
				return nil, notUTF8(path, next, f.BodyLine)
			}
			return f, nil
		}
		if !ok {
			return nil, &diag.Error{Path: path, Line: open, Col: 1,
				Msg:  "front matter is not closed",
				Hint: "add a line holding only +++ after the last TOML key"}
		}
		pos = len(data) - len(next)
	}
}

// notUTF8 locates the first byte of body (starting at line first) that
// is not UTF-8: a file saved in an older encoding (Windows-1258 for
// Vietnamese, say) would otherwise come out garbled.
func notUTF8(path string, body []byte, first int) *diag.Error {
	line, col := first, 1
	for len(body) > 0 {
		r, size := utf8.DecodeRune(body)
		if r == utf8.RuneError && size <= 1 {
			break
		}
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
		body = body[size:]
	}
	return &diag.Error{Path: path, Line: line, Col: col, Msg: "the text is not UTF-8",
		Hint: "save the file as UTF-8 (in your editor's encoding menu, or iconv -f WINDOWS-1258 -t UTF-8 for an old Vietnamese file)"}
}

// cutLine returns the first line of b (without its newline) and what follows
// it; ok is false when b has no newline, in which case line is all of b.
func cutLine(b []byte) (line, rest []byte, ok bool) {
	i := bytes.IndexByte(b, '\n')
	if i < 0 {
		return b, nil, false
	}
	return b[:i], b[i+1:], true
}
