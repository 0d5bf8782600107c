package importer

import (
	"strings"
	"unicode/utf8"
)

// The lexer below is Mermaid 11's journey lexer (journey.jison, as
// compiled in mermaid.core), rule for rule and in its order: jison takes
// the first rule that matches, not the longest, and the grammar's
// keywords ignore case.
//
//	%(?!\{)[^\n]*            comment
//	[^\}]%%[^\n]*            comment
//	[\n]+                    NEWLINE
//	\s+                      skipped
//	#[^\n]*                  comment
//	journey\b                journey
//	title\s[^#\n;]+          title
//	accTitle\s*:\s*          then [^\n]* as its value
//	accDescr\s*:\s*          then [^\n]* as its value
//	accDescr\s*\{\s*         then [^\}]* as its value, up to }
//	section\s[^#:\n;]+       section
//	[^#:\n;]+                taskName
//	:[^#\n;]+                taskData
//	:                        a lone colon
//	.                        INVALID (a ;)
//
// An entity (#\w+;) is text: Mermaid hides it from the lexer.

type tokKind int

const (
	tEOF tokKind = iota
	tNewline
	tJourney
	tTitle
	tAccTitle
	tAccDescr
	tSection
	tTaskName
	tTaskData
	tColon
	tInvalid
	tOpenDescr // accDescr { never closed
)

type token struct {
	kind tokKind
	at   int    // byte offset of the token
	val  string // the value Mermaid's grammar takes from it
	vat  int    // byte offset of val
}

type lexer struct {
	s string
	p int
}

func (l *lexer) next() token {
	s := l.s
	for l.p < len(s) {
		p := l.p
		rest := s[p:]
		r, size := utf8.DecodeRuneInString(rest)
		switch {
		case r == '%' && !strings.HasPrefix(rest[1:], "{"):
			l.toLineEnd()
			continue
		case r != '}' && r <= 0xFFFF && strings.HasPrefix(rest[size:], "%%"):
			l.toLineEnd()
			continue
		case r == '\n':
			for l.p < len(s) && s[l.p] == '\n' {
				l.p++
			}
			return token{kind: tNewline, at: p}
		case isJSSpace(r):
			l.skipSpace()
			continue
		case r == '#' && entityAt(rest) == 0:
			l.toLineEnd()
			continue
		}
		if hasFold(rest, "journey") && !(len(rest) > 7 && isWordByte(rest[7])) {
			l.p += 7
			return token{kind: tJourney, at: p}
		}
		if t, ok := l.keyword(p, "title", false); ok {
			return t
		}
		if t, ok := l.acc(p); ok {
			return t
		}
		if t, ok := l.keyword(p, "section", true); ok {
			return t
		}
		if n := run(rest, true); n > 0 {
			l.p += n
			return token{kind: tTaskName, at: p, val: rest[:n], vat: p}
		}
		if r == ':' {
			if n := run(rest[1:], false); n > 0 {
				l.p += 1 + n
				return token{kind: tTaskData, at: p, val: rest[1 : 1+n], vat: p + 1}
			}
			l.p++
			return token{kind: tColon, at: p}
		}
		l.p += size
		return token{kind: tInvalid, at: p, val: string(r)}
	}
	return token{kind: tEOF, at: len(s)}
}

// keyword matches title\s[^#\n;]+ or section\s[^#:\n;]+.
func (l *lexer) keyword(p int, word string, stopColon bool) (token, bool) {
	rest := l.s[p:]
	if !hasFold(rest, word) {
		return token{}, false
	}
	r, size := utf8.DecodeRuneInString(rest[len(word):])
	if !isJSSpace(r) {
		return token{}, false
	}
	v := len(word) + size
	n := run(rest[v:], stopColon)
	if n == 0 {
		return token{}, false
	}
	l.p = p + v + n
	kind := tTitle
	if word == "section" {
		kind = tSection
	}
	return token{kind: kind, at: p, val: rest[v : v+n], vat: p + v}, true
}

// acc matches accTitle: and accDescr: with the rest of the line as their
// value, and accDescr { with the text up to }.
func (l *lexer) acc(p int) (token, bool) {
	rest := l.s[p:]
	kind := tAccTitle
	switch {
	case hasFold(rest, "accTitle"):
	case hasFold(rest, "accDescr"):
		kind = tAccDescr
	default:
		return token{}, false
	}
	i := p + 8
	i += spaceRun(l.s[i:])
	if i >= len(l.s) || (l.s[i] != ':' && !(kind == tAccDescr && l.s[i] == '{')) {
		return token{}, false
	}
	open := l.s[i] == '{'
	i++
	i += spaceRun(l.s[i:])
	if open {
		end := strings.IndexByte(l.s[i:], '}')
		if end < 0 {
			l.p = len(l.s)
			return token{kind: tOpenDescr, at: p}, true
		}
		l.p = i + end + 1
		if end == 0 {
			return token{kind: tNewline, at: p}, true // accDescr {}: no statement
		}
		return token{kind: tAccDescr, at: p, val: l.s[i : i+end], vat: i}, true
	}
	if i >= len(l.s) {
		// Mermaid's text ends in the \n it adds, which \s* took: its
		// value rule then meets the end of the text and fails.
		l.p = i
		return token{kind: tInvalid, at: p, val: rest[:8]}, true
	}
	end := strings.IndexByte(l.s[i:], '\n')
	if end < 0 {
		end = len(l.s) - i
	}
	l.p = i + end
	return token{kind: kind, at: p, val: l.s[i : i+end], vat: i}, true
}

func (l *lexer) toLineEnd() {
	if k := strings.IndexByte(l.s[l.p:], '\n'); k >= 0 {
		// [^\}]%% at a line end takes the \n too; both skip what follows.
		if k == 0 {
			l.p++
			if k2 := strings.IndexByte(l.s[l.p:], '\n'); k2 >= 0 {
				l.p += k2
				return
			}
			l.p = len(l.s)
			return
		}
		l.p += k
		return
	}
	l.p = len(l.s)
}

func (l *lexer) skipSpace() { l.p += spaceRun(l.s[l.p:]) }

// spaceRun is the length of the white space at the start of s.
func spaceRun(s string) int {
	n := 0
	for n < len(s) {
		r, size := utf8.DecodeRuneInString(s[n:])
		if !isJSSpace(r) {
			break
		}
		n += size
	}
	return n
}

// run is the length of [^#:\n;]* (or [^#\n;]* when colons are allowed)
// at the start of s, an entity counting as text.
func run(s string, stopColon bool) int {
	n := 0
	for n < len(s) {
		switch c := s[n]; {
		case c == '#':
			e := entityAt(s[n:])
			if e == 0 {
				return n
			}
			n += e
			continue
		case c == '\n' || c == ';' || c == ':' && stopColon:
			return n
		}
		n++
	}
	return n
}

// hasFold reports whether s starts with the ASCII word w, ignoring case.
func hasFold(s, w string) bool {
	return len(s) >= len(w) && strings.EqualFold(s[:len(w)], w)
}
