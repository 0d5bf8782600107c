package diag

import (
	"fmt"
	"strings"
)

// Nearest returns the candidate closest to word by edit distance, or "" when
// none is close enough to be a likely typo.
func Nearest(word string, candidates []string) string {
	best, bestDist, bestTie := "", -1, 0
	lw := strings.ToLower(word)
	for _, c := range candidates {
		lc := strings.ToLower(c)
		d := distance(lw, lc)
		// Among equally distant candidates, prefer one of the same length,
		// then one with the same first letter.
		tie := 0
		if len(lc) != len(lw) {
			tie += 2
		}
		if lc == "" || lw == "" || lc[0] != lw[0] {
			tie++
		}
		if bestDist < 0 || d < bestDist || d == bestDist && tie < bestTie {
			best, bestDist, bestTie = c, d, tie
		}
	}
	limit := 2
	if n := len([]rune(word)); n >= 8 {
		limit = 3
	}
	if bestDist < 0 || bestDist > limit || bestDist >= len([]rune(word)) {
		return ""
	}
	return best
}

// DidYouMean formats a " (did you mean "x"?)" suffix, or "" when no
// candidate is close.
func DidYouMean(word string, candidates []string) string {
	if n := Nearest(word, candidates); n != "" {
		return fmt.Sprintf(" (did you mean %q?)", n)
	}
	return ""
}

// OneOf formats a list of valid values for a hint: `one of "a", "b" or "c"`.
func OneOf(values []string) string {
	q := make([]string, len(values))
	for i, v := range values {
		q[i] = fmt.Sprintf("%q", v)
	}
	switch len(q) {
	case 0:
		return "nothing"
	case 1:
		return q[0]
	}
	return "one of " + strings.Join(q[:len(q)-1], ", ") + " or " + q[len(q)-1]
}

// distance is the optimal-string-alignment distance between a and b,
// counted in runes: insertions, deletions, substitutions and swaps of two
// neighbours ("lna" → "lan") each cost one.
func distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	d := make([][]int, len(ra)+1)
	for i := range d {
		d[i] = make([]int, len(rb)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(ra); i++ {
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(ra)][len(rb)]
}
