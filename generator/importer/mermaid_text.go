package importer

import (
	"html"
	"math"
	"math/big"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"
)

// This file holds what JavaScript gives Mermaid for free and Go has not
// in the same shape: its white space, its Number(), and the entities
// Mermaid hides from its lexer and decodes when it draws.

// isJSSpace is JavaScript's \s: white space and line terminators.
func isJSSpace(r rune) bool {
	switch r {
	case '\t', '\n', '\v', '\f', '\r', ' ', '\u00a0', '\u1680', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000', '\ufeff':
		return true
	}
	return r >= '\u2000' && r <= '\u200a'
}

// jsNumber is JavaScript's Number(s): white space around is ignored, an
// empty string is 0, decimal literals (with an optional sign, exponent,
// leading or trailing dot, or Infinity) and 0x, 0o, 0b integers are
// numbers; anything else is NaN.
func jsNumber(s string) float64 {
	s = strings.TrimFunc(s, isJSSpace)
	if s == "" {
		return 0
	}
	if len(s) > 2 && s[0] == '0' {
		base := 0
		switch s[1] {
		case 'x', 'X':
			base = 16
		case 'o', 'O':
			base = 8
		case 'b', 'B':
			base = 2
		}
		if base != 0 {
			n, ok := new(big.Int).SetString(s[2:], base)
			if !ok || strings.ContainsAny(s[2:], "_+-") {
				return math.NaN()
			}
			f, _ := new(big.Float).SetInt(n).Float64()
			return f
		}
	}
	sign, body := 1.0, s
	if body[0] == '+' || body[0] == '-' {
		if body[0] == '-' {
			sign = -1
		}
		body = body[1:]
	}
	if body == "Infinity" {
		return sign * math.Inf(1)
	}
	if !jsDecimal.MatchString(body) {
		return math.NaN()
	}
	f, err := strconv.ParseFloat(body, 64)
	if err != nil && !strings.Contains(err.Error(), "range") {
		return math.NaN()
	}
	return sign * f
}

var jsDecimal = regexp.MustCompile(`^(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$`)

// entityAt is the length of the Mermaid entity (#\w+;, such as #58; or
// #amp;) at the start of s, or 0. Mermaid replaces them before its lexer
// runs, so their # and ; are text, not a comment or a statement's end.
func entityAt(s string) int {
	if len(s) < 3 || s[0] != '#' {
		return 0
	}
	i := 1
	for i < len(s) && isWordByte(s[i]) {
		i++
	}
	if i == 1 || i >= len(s) || s[i] != ';' {
		return 0
	}
	return i + 1
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_'
}

var breakTag = regexp.MustCompile(`(?i)</?br\s*/?>`)

// drawn is a title, section, task or actor as Mermaid draws it: its
// entities decoded, a <br> as a space, runs of white space as one.
func drawn(s string) string {
	if strings.Contains(s, "#") {
		var b strings.Builder
		for i := 0; i < len(s); {
			if n := entityAt(s[i:]); n > 0 {
				// encodeEntities and decodeEntities: #35; is &#35;, #amp; &amp;.
				inner := s[i+1 : i+n]
				if strings.Trim(strings.TrimPrefix(inner, "+"), "0123456789") == ";" {
					b.WriteString("&#")
				} else {
					b.WriteString("&")
				}
				b.WriteString(inner)
				i += n
				continue
			}
			b.WriteByte(s[i])
			i++
		}
		s = b.String()
	}
	s = breakTag.ReplaceAllString(s, " ")
	if strings.Contains(s, "&") {
		s = html.UnescapeString(s)
	}
	return strings.Join(strings.FieldsFunc(s, isJSSpace), " ")
}

// column is the 1-based column, in characters, of byte offset at in line.
func column(line string, at int) int {
	if at > len(line) {
		at = len(line)
	}
	return utf8.RuneCountInString(line[:at]) + 1
}
