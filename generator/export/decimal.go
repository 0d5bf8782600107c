package export

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Decimal reads a number as a spreadsheet of either language writes it:
// with a decimal point or a decimal comma ("0.25", "0,25": Vietnamese
// Excel writes the comma), and with its thousands grouped ("1,250.5",
// "1.250,5", "1.250.000"). One point is always a decimal point, as in the
// CSV Waymark writes ("1.250" is 1.25). One comma followed by exactly
// three digits ("1,250") is refused: English writes one thousand two
// hundred and fifty that way, Vietnamese one and a quarter.
func Decimal(s string) (float64, error) {
	s = strings.TrimSpace(s)
	if f, err := Number(s); err == nil {
		return f, nil
	}
	body := strings.TrimLeft(s, "+-")
	if len(s)-len(body) > 1 || !grouped(body) {
		return 0, fmt.Errorf("not a number: %q", s)
	}
	dec := byte(0) // the decimal separator, if any
	last := strings.LastIndexAny(body, ".,")
	dots, commas := strings.Count(body, "."), strings.Count(body, ",")
	switch {
	case dots > 0 && commas > 0:
		dec = body[last]
	case commas == 1:
		dec = ','
		if ambiguous(body) {
			return 0, errAmbiguous(s)
		}
	}
	whole, frac := body, ""
	if dec != 0 {
		if strings.Count(body, string(dec)) > 1 {
			return 0, fmt.Errorf("not a number: %q", s)
		}
		whole, frac = body[:last], body[last+1:]
	}
	if strings.ContainsAny(whole, ".,") && !thousands(whole) {
		return 0, fmt.Errorf("not a number: %q (thousands are grouped by three: 1.250.000 or 1,250,000)", s)
	}
	digits := strings.NewReplacer(".", "", ",", "").Replace(whole)
	if frac != "" {
		digits += "." + frac
	}
	f, err := strconv.ParseFloat(digits, 64)
	if err != nil || math.IsInf(f, 0) {
		return 0, fmt.Errorf("not a number: %q", s)
	}
	if s[0] == '-' {
		f = -f
	}
	return f, nil
}

// grouped reports whether s is digits with single points and commas
// between them.
func grouped(s string) bool {
	for _, part := range strings.FieldsFunc(s, func(r rune) bool { return r == '.' || r == ',' }) {
		if !digitsOnly(part) {
			return false
		}
	}
	return s != "" && digit(s[0]) && digit(s[len(s)-1]) && !strings.Contains(s, "..") &&
		!strings.Contains(s, ",,") && !strings.Contains(s, ".,") && !strings.Contains(s, ",.")
}

// thousands reports whether a whole part is grouped by three with one
// separator: "1.250.000", "1,250".
func thousands(s string) bool {
	sep := ","
	if strings.Contains(s, ".") {
		sep = "."
	}
	groups := strings.Split(s, sep)
	if len(groups) < 2 || len(groups[0]) > 3 {
		return false
	}
	for _, g := range groups[1:] {
		if len(g) != 3 || !digitsOnly(g) {
			return false
		}
	}
	return digitsOnly(groups[0])
}

// ambiguous reports whether s is like "1,250": a thousands comma or a
// decimal one.
func ambiguous(s string) bool {
	whole, frac, _ := strings.Cut(s, ",")
	return len(frac) == 3 && len(whole) <= 3 && whole[0] != '0'
}

func digit(b byte) bool { return b >= '0' && b <= '9' }

func digitsOnly(s string) bool {
	for i := 0; i < len(s); i++ {
		if !digit(s[i]) {
			return false
		}
	}
	return s != ""
}

type errAmbiguous string

func (e errAmbiguous) Error() string {
	n := strings.ReplaceAll(string(e), ",", "")
	d := strings.TrimRight(strings.TrimRight(strings.ReplaceAll(string(e), ",", "."), "0"), ".")
	return fmt.Sprintf("%q could mean %s or %s: write it as %s or %s", string(e), n, d, n, d)
}

// DecimalScore reads an emotion score from 1 to 5 written as Decimal
// reads it ("3,5").
func DecimalScore(s string) (float64, error) {
	f, err := Decimal(s)
	if err != nil {
		return 0, fmt.Errorf("emotion must be a number from 1 to 5, not %q", strings.TrimSpace(s))
	}
	if f < 1 || f > 5 {
		return 0, fmt.Errorf("emotion must be between 1 and 5, not %v", f)
	}
	return f, nil
}
