package source

import (
	"strconv"
	"strings"
)

// Index maps key paths of a TOML document to where they stand in the text.
//
// BurntSushi/toml reports positions for syntax errors only, and per key
// path rather than per array element, so the index is built by a small
// scanner of its own. Paths name array elements by number:
// "stage[2].touchpoint[0].name", "stage[0].pain_points[1].status". The
// scanner is best-effort: it never fails, and text the TOML decoder has
// already accepted is all it needs to understand.
type Index struct {
	pos   map[string]Pos
	first int
}

// Pos is a 1-based line and column (counted in characters).
type Pos struct{ Line, Col int }

// NewIndex scans TOML text whose first line is line firstLine of its file.
func NewIndex(text []byte, firstLine int) *Index {
	return newIndex(text, firstLine, false)
}

// newIndex scans the whole text, or with top only the keys before the
// first [table] header: the document's own keys, which TOML requires to
// come first.
func newIndex(text []byte, firstLine int, top bool) *Index {
	ix := &Index{pos: map[string]Pos{}, first: firstLine}
	s := &scanner{src: text, line: firstLine, col: 1, ix: ix, arrays: map[string]int{}, top: top}
	s.document()
	return ix
}

// Pos returns the position of path, or of the nearest enclosing element,
// key or table the index knows, or else the document's first line.
func (ix *Index) Pos(path string) (line, col int) {
	for path != "" {
		if p, ok := ix.pos[path]; ok {
			return p.Line, p.Col
		}
		path = parent(path)
	}
	return ix.first, 1
}

// Has reports whether the exact path was indexed.
func (ix *Index) Has(path string) bool {
	_, ok := ix.pos[path]
	return ok
}

func parent(path string) string {
	if strings.HasSuffix(path, "]") {
		if i := strings.LastIndexByte(path, '['); i >= 0 {
			return path[:i]
		}
	}
	if i := strings.LastIndexByte(path, '.'); i >= 0 {
		return path[:i]
	}
	return ""
}

// Join appends a key to a path.
func Join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// Elem appends an array index to a path.
func Elem(path string, i int) string {
	return path + "[" + strconv.Itoa(i) + "]"
}

type scanner struct {
	src    []byte
	i      int
	line   int
	col    int
	ix     *Index
	arrays map[string]int // array-of-tables path → elements seen
	table  string         // path of the current [table]
	top    bool           // stop at the first [table] header
}

func (s *scanner) eof() bool { return s.i >= len(s.src) }

func (s *scanner) peek() byte {
	if s.eof() {
		return 0
	}
	return s.src[s.i]
}

func (s *scanner) next() {
	if s.eof() {
		return
	}
	c := s.src[s.i]
	s.i++
	switch {
	case c == '\n':
		s.line++
		s.col = 1
	case c&0xC0 != 0x80:
		// A column per character: count the first byte of each UTF-8 sequence.
		s.col++
	}
}

func (s *scanner) here() Pos { return Pos{s.line, s.col} }

func (s *scanner) mark(path string, p Pos) {
	if _, dup := s.ix.pos[path]; !dup {
		s.ix.pos[path] = p
	}
}

func (s *scanner) skipBlank(newlines bool) {
	for !s.eof() {
		switch s.peek() {
		case ' ', '\t', '\r':
			s.next()
		case '\n':
			if !newlines {
				return
			}
			s.next()
		case '#':
			for !s.eof() && s.peek() != '\n' {
				s.next()
			}
		default:
			return
		}
	}
}

func (s *scanner) skipLine() {
	for !s.eof() && s.peek() != '\n' {
		s.next()
	}
	s.next()
}

func (s *scanner) document() {
	for {
		s.skipBlank(true)
		if s.eof() {
			return
		}
		start := s.i
		if s.peek() == '[' {
			if s.top {
				return
			}
			s.header()
		} else {
			s.keyval(s.table, true)
		}
		if s.i == start {
			s.skipLine()
		}
	}
}

func (s *scanner) header() {
	p := s.here()
	s.next()
	isArray := s.peek() == '['
	if isArray {
		s.next()
	}
	parts := s.key()
	if len(parts) == 0 {
		s.skipLine()
		return
	}
	res := ""
	for i, part := range parts {
		res = Join(res, part)
		last := i == len(parts)-1
		if last && isArray {
			// The array itself is where its first element starts: an
			// unknown [[key]] is reported there.
			s.mark(res, p)
			s.arrays[res]++
			res = Elem(res, s.arrays[res]-1)
			continue
		}
		if n, ok := s.arrays[res]; ok {
			res = Elem(res, n-1)
		}
	}
	s.table = res
	s.mark(res, p)
	s.skipLine()
}

// keyval scans "key = value" with the key relative to prefix.
func (s *scanner) keyval(prefix string, toEOL bool) {
	p := s.here()
	parts := s.key()
	s.skipBlank(false)
	if len(parts) == 0 || s.peek() != '=' {
		if toEOL {
			s.skipLine()
		}
		return
	}
	s.next()
	path := prefix
	for _, part := range parts {
		path = Join(path, part)
	}
	s.mark(path, p)
	s.skipBlank(false)
	s.value(path)
	if toEOL {
		s.skipLine()
	}
}

// key scans a bare, quoted or dotted key and returns its parts.
func (s *scanner) key() []string {
	var parts []string
	for {
		s.skipBlank(false)
		switch c := s.peek(); {
		case c == '"' || c == '\'':
			parts = append(parts, s.str())
		case isBare(c):
			start := s.i
			for !s.eof() && isBare(s.peek()) {
				s.next()
			}
			parts = append(parts, string(s.src[start:s.i]))
		default:
			return parts
		}
		s.skipBlank(false)
		if s.peek() != '.' {
			return parts
		}
		s.next()
	}
}

func isBare(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-'
}

// str scans a string of any kind and returns its raw contents (escapes are
// left as written: keys with escapes are rare enough to be approximate).
func (s *scanner) str() string {
	q := s.peek()
	if s.i+2 < len(s.src) && s.src[s.i+1] == q && s.src[s.i+2] == q {
		s.next()
		s.next()
		s.next()
		start := s.i
		for !s.eof() {
			if s.peek() == '\\' && q == '"' {
				s.next()
				s.next()
				continue
			}
			if s.i+2 < len(s.src) && s.src[s.i] == q && s.src[s.i+1] == q && s.src[s.i+2] == q {
				out := string(s.src[start:s.i])
				s.next()
				s.next()
				s.next()
				// A closing delimiter may be followed by up to two more quotes.
				for s.peek() == q {
					s.next()
				}
				return out
			}
			s.next()
		}
		return string(s.src[start:])
	}
	s.next()
	start := s.i
	for !s.eof() && s.peek() != '\n' {
		c := s.peek()
		if c == '\\' && q == '"' {
			s.next()
			s.next()
			continue
		}
		if c == q {
			out := string(s.src[start:s.i])
			s.next()
			return out
		}
		s.next()
	}
	return string(s.src[start:s.i])
}

func (s *scanner) value(path string) {
	switch s.peek() {
	case '"', '\'':
		s.str()
	case '[':
		s.next()
		s.array(path)
	case '{':
		s.next()
		s.inline(path)
	default:
		for !s.eof() {
			switch s.peek() {
			case ',', ']', '}', '\n', '#', ' ', '\t', '\r':
				return
			}
			s.next()
		}
	}
}

func (s *scanner) array(path string) {
	for n := 0; ; {
		s.skipBlank(true)
		switch s.peek() {
		case 0:
			return
		case ']':
			s.next()
			return
		case ',':
			s.next()
			continue
		case '}':
			return
		}
		el := Elem(path, n)
		s.mark(el, s.here())
		start := s.i
		s.value(el)
		if s.i == start {
			s.next()
		}
		n++
	}
}

func (s *scanner) inline(path string) {
	for {
		s.skipBlank(true)
		switch s.peek() {
		case 0:
			return
		case '}':
			s.next()
			return
		case ',':
			s.next()
			continue
		case ']':
			return
		}
		start := s.i
		s.keyval(path, false)
		if s.i == start {
			s.next()
		}
	}
}
