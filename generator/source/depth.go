package source

import (
	"fmt"

	"github.com/waymark-cx/waymark/generator/diag"
)

// The deepest nesting and the most key parts on a line that front matter
// may have. Waymark's own format nests two levels and names keys of two
// parts; [params] leaves room for more.
const (
	maxDepth    = 32
	maxKeyParts = 64
)

// CheckDepth finds where TOML text nests arrays and inline tables deeper
// than maxDepth, or names a key of more than maxKeyParts parts on one
// line. BurntSushi/toml recurses once a level and keeps every level's
// whole key path: a few hundred kilobytes nested fifty thousand deep
// take gigabytes, and millions of levels overflow the stack, which no
// recover catches. Strings and comments are skipped; a dot between two
// digits (a number, a time) is not a key part.
func CheckDepth(path string, text []byte, firstLine int) *diag.Error {
	const (
		plain = iota
		basic
		literal
		mlBasic
		mlLiteral
		comment
	)
	state, depth, dots := plain, 0, 0
	line, col := firstLine, 0
	at := func(msg, hint string) *diag.Error {
		return &diag.Error{Path: path, Line: line, Col: col, Msg: msg, Hint: hint}
	}
	for i := 0; i < len(text); i++ {
		c := text[i]
		col++
		if c == '\n' {
			line, col, dots = line+1, 0, 0
			if state == comment || state == basic || state == literal {
				state = plain // a single-line string cannot go on: TOML reports it
			}
			continue
		}
		switch state {
		case comment:
		case basic:
			if c == '\\' && i+1 < len(text) && text[i+1] != '\n' {
				i++
				col++
			} else if c == '"' {
				state = plain
			}
		case literal:
			if c == '\'' {
				state = plain
			}
		case mlBasic:
			if c == '\\' && i+1 < len(text) && text[i+1] != '\n' {
				i++
				col++
			} else if hasAt(text, i, `"""`) {
				state = plain
				i += 2
				col += 2
			}
		case mlLiteral:
			if hasAt(text, i, `'''`) {
				state = plain
				i += 2
				col += 2
			}
		default:
			switch c {
			case '#':
				state = comment
			case '"', '\'':
				ml, single, triple := mlBasic, basic, `"""`
				if c == '\'' {
					ml, single, triple = mlLiteral, literal, "'''"
				}
				if hasAt(text, i, triple) {
					state = ml
					i += 2
					col += 2
				} else {
					state = single
				}
			case '[', '{':
				if depth++; depth > maxDepth {
					return at(fmt.Sprintf("arrays and tables nested more than %d deep", maxDepth),
						"a journey's front matter nests two levels; flatten the data")
				}
			case ']', '}':
				depth--
			case '.':
				if !(i > 0 && isDigit(text[i-1]) && i+1 < len(text) && isDigit(text[i+1])) {
					if dots++; dots >= maxKeyParts {
						return at(fmt.Sprintf("a key of more than %d parts", maxKeyParts),
							"name the value with fewer dotted parts")
					}
				}
			}
		}
	}
	return nil
}

func hasAt(text []byte, i int, s string) bool {
	return len(text)-i >= len(s) && string(text[i:i+len(s)]) == s
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }
