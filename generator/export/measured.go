package export

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Hinted is a mistake in a cell that knows how to put it right better
// than its lane's general hint: the importer shows Hint instead.
type Hinted struct {
	Msg, Hint string
}

func (e *Hinted) Error() string { return e.Msg }

// numbersInName refuses a metric whose value was written into its name,
// as people write a metric in prose ("CSAT 64% (mục tiêu 80%)",
// "NPS: 32"): kept as a name, it would be a metric with no value. A
// number followed by %, after a colon or an equals sign, or after the
// word target (or mục tiêu, chỉ tiêu) counts; other numbers are part of
// a name ("Top 3 reasons", "NPS 30 ngày").
func numbersInName(name string) error {
	nums := numbersIn(name)
	var value, target, unit string
	first := -1 // where the first number that counts starts
	for _, n := range nums {
		measured := n.percent || n.afterMark || n.afterTarget
		if !measured {
			continue
		}
		if first < 0 {
			first = n.start
		}
		if n.percent {
			unit = "%"
		}
		switch {
		case n.afterTarget && target == "":
			target = n.text
		case !n.afterTarget && value == "":
			value = n.text
		}
	}
	if value == "" && target == "" {
		return nil
	}
	short := strings.TrimRight(name[:first], " \t:=(–-")
	for _, w := range targetWords() {
		if strings.HasSuffix(strings.ToLower(short), w) {
			short = strings.TrimRight(short[:len(short)-len(w)], " \t:=(–-")
		}
	}
	if short == "" {
		short = "Name"
	}
	parts := []string{short}
	if value != "" {
		parts = append(parts, "value: "+value)
	}
	if target != "" {
		parts = append(parts, "target: "+target)
	}
	if unit != "" {
		parts = append(parts, "unit: "+unit)
	}
	return &Hinted{
		Msg:  fmt.Sprintf("metric %q has its numbers in its name, and no value", name),
		Hint: "write the numbers as details, so that they count: " + strings.Join(parts, sep),
	}
}

// targetWords are the words for a target, in lower case.
func targetWords() []string { return []string{"target", "mục tiêu", "chỉ tiêu"} }

// aNumber is a number met in a text.
type aNumber struct {
	text  string
	start int // byte offset in the text
	// percent: followed by %; afterMark: after ":" or "="; afterTarget:
	// after a word for target.
	percent, afterMark, afterTarget bool
}

// numbersIn finds the numbers of a text: digits, with points and commas
// between digits.
func numbersIn(s string) []aNumber {
	var out []aNumber
	for i := 0; i < len(s); {
		if !digit(s[i]) || (i > 0 && isWordByte(s, i)) {
			i++
			continue
		}
		j := i
		for j < len(s) && (digit(s[j]) || ((s[j] == '.' || s[j] == ',') && j+1 < len(s) && digit(s[j+1]))) {
			j++
		}
		before := strings.TrimRight(s[:i], " \t")
		n := aNumber{text: s[i:j], start: i}
		n.percent = strings.HasPrefix(strings.TrimLeft(s[j:], " \t"), "%")
		n.afterMark = strings.HasSuffix(before, ":") || strings.HasSuffix(before, "=")
		low := strings.ToLower(strings.TrimRight(before, " :=\t"))
		for _, w := range targetWords() {
			if strings.HasSuffix(low, w) {
				n.afterTarget = true
			}
		}
		out = append(out, n)
		i = j
	}
	return out
}

// isWordByte reports whether the byte before s[i] is a letter, so that
// the digits are part of a word ("P90", "B2C").
func isWordByte(s string, i int) bool {
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return unicode.IsLetter(r)
}
