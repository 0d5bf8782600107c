package render

import (
	"math"
	"strconv"
	"strings"
)

// numbers writes numbers for readers, the site language's way: English
// 1,250.5 and 12.5%; Vietnamese 1.250,5 and 12,5 % (the sign after a
// space that does not break). What machines read (CSS widths, SVG
// coordinates, the downloads) keeps Go's own form.
type numbers struct {
	decimal, group, percent string
}

func numbersFor(lang string) numbers {
	if lang == "vi" {
		return numbers{decimal: ",", group: ".", percent: "\u00a0%"}
	}
	return numbers{decimal: ".", group: ",", percent: "%"}
}

// num writes f without trailing zeros, its whole part grouped by
// thousands: 4 → "4", 1.80 → "1.8", 1250 → "1,250" (vi: "1,8", "1.250").
func (n numbers) num(f float64) string {
	s := strconv.FormatFloat(f, 'f', -1, 64)
	sign := ""
	if strings.HasPrefix(s, "-") {
		sign, s = "-", s[1:]
	}
	whole, frac, hasFrac := strings.Cut(s, ".")
	var b strings.Builder
	b.WriteString(sign)
	for i, c := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteString(n.group)
		}
		b.WriteRune(c)
	}
	if hasFrac {
		b.WriteString(n.decimal)
		b.WriteString(frac)
	}
	return b.String()
}

// share writes a share as a percentage, to one decimal: 0.35 → "35%",
// 0.125 → "12.5%" (vi: "35 %", "12,5 %").
func (n numbers) share(f float64) string {
	return n.num(math.Round(f*1000)/10) + n.percent
}

// signed writes a change with its sign, to one decimal: +2, −0.9 (a true
// minus sign), ±0.
func (n numbers) signed(f float64) string {
	f = math.Round(f*10) / 10
	switch {
	case f > 0:
		return "+" + n.num(f)
	case f < 0:
		return "\u2212" + n.num(-f)
	}
	return "±0"
}

// measure writes a value with its unit: a percent sign as share does, a
// unit per something ("/tháng") right after the number, any other after
// a space: 64% (vi 64 %), 120/tháng, 3.5 days.
func (n numbers) measure(f float64, unit string) string {
	switch {
	case unit == "":
		return n.num(f)
	case unit == "%":
		return n.num(f) + n.percent
	case strings.HasPrefix(unit, "/"):
		return n.num(f) + unit
	}
	return n.num(f) + " " + unit
}
