// Package slug turns titles and file names, in any language with Latin
// letters (Vietnamese in particular), into the ASCII slugs used in URLs, and
// folds text for diacritic-insensitive comparison.
package slug

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Make returns the URL slug of s: letters transliterated to ASCII
// ("hành trình" → "hanh-trinh", "đặt hàng" → "dat-hang"), lower case, runs of
// anything else collapsed to one hyphen, no hyphen at either end.
func Make(s string) string {
	return hyphenate(Fold(s), func(r rune) bool { return r >= 'a' && r <= 'z' || r >= '0' && r <= '9' })
}

// hyphenate keeps the runes of s that keep says to, and turns every run
// of the others into one hyphen, none at either end.
func hyphenate(s string, keep func(rune) bool) string {
	var b strings.Builder
	b.Grow(len(s))
	hyphen := false
	for _, r := range s {
		if !keep(r) {
			hyphen = true
			continue
		}
		if hyphen && b.Len() > 0 {
			b.WriteByte('-')
		}
		hyphen = false
		b.WriteRune(r)
	}
	return b.String()
}

// File is the file name, without its extension, that a title is given
// (by waymark new): lower case, letters kept with their marks, as the
// docs recommend ("Chị Hạnh" → "chị-hạnh"), runs of anything but letters
// and digits one hyphen, no hyphen at either end. Its slug (Make) is the
// title's.
func File(s string) string {
	return hyphenate(strings.ToLower(s), func(r rune) bool {
		return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
	})
}

// Fold lower-cases s and removes diacritics, so that "Hành Trình" and
// "hanh trinh" compare equal. Letters that have no decomposition but an
// obvious ASCII twin (đ, ø, ß …) are replaced too.
func Fold(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			ascii = false
			break
		}
	}
	if ascii {
		return strings.ToLower(s)
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range norm.NFD.String(s) {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		if rep, ok := special(r); ok {
			b.WriteString(rep)
			continue
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

func special(r rune) (string, bool) {
	switch r {
	case 'đ', 'Đ', 'ð', 'Ð':
		return "d", true
	case 'ø', 'Ø':
		return "o", true
	case 'ß':
		return "ss", true
	case 'æ', 'Æ':
		return "ae", true
	case 'œ', 'Œ':
		return "oe", true
	case 'ł', 'Ł':
		return "l", true
	}
	return "", false
}
