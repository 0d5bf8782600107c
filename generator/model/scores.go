package model

import (
	"math"
	"net/url"
	"strings"

	"github.com/waymark-cx/waymark/generator/source"
)

// Scores are what a team judges an item worth, to rank it among others
// (the hub's priorities):
//
//	opportunities = [{ text = "…", value = 4, business_value = 3, effort = 2, confidence = 0.8 }]
//
// Value is what it is worth to the customer, BusinessValue to the
// business, Effort what it costs to do, each from 1 (little) to 5 (a
// lot); Confidence (0–1) is how sure the team is of the three. Zero is
// unset.
type Scores struct {
	Value         int
	BusinessValue int
	Effort        int
	Confidence    float64
	HasConfidence bool
}

// Scored reports whether the item can be placed on the value × effort
// matrix: it has both a value and an effort.
func (s Scores) Scored() bool { return s.Value != 0 && s.Effort != 0 }

// Any reports whether any score is set.
func (s Scores) Any() bool {
	return s.Value != 0 || s.BusinessValue != 0 || s.Effort != 0 || s.HasConfidence
}

// ScoreKeys are the item keys of the scores, in the order the docs and
// exports give them.
func ScoreKeys() []string { return []string{"value", "business_value", "effort", "confidence"} }

const scaleHint = "%s is a whole number from 1 (little) to 5 (a lot), such as %s = 3"

// decodeScores reads an item's scores, reporting each mistake at its key.
func decodeScores(io *obj) Scores {
	var s Scores
	for _, k := range []struct {
		key string
		to  *int
	}{{"value", &s.Value}, {"business_value", &s.BusinessValue}, {"effort", &s.Effort}} {
		v, ok := io.get(k.key)
		if !ok {
			continue
		}
		n, isInt := v.(int64)
		switch {
		case !isInt:
			io.d.errorf(io.key(k.key), strings.ReplaceAll(scaleHint, "%s", k.key), "%s must be a whole number from 1 to 5, not %s", k.key, describe(v))
		case n < 1 || n > 5:
			io.d.errorf(io.key(k.key), strings.ReplaceAll(scaleHint, "%s", k.key), "%s must be between 1 and 5, not %d", k.key, n)
		default:
			*k.to = int(n)
		}
	}
	if v, ok := io.get("confidence"); ok {
		f, isNum := toNumber(v)
		switch {
		case !isNum:
			io.d.errorf(io.key("confidence"), "confidence is a share from 0 (a guess) to 1 (measured), such as confidence = 0.8", "confidence must be a number from 0 to 1, not %s", describe(v))
		case math.IsNaN(f) || f < 0 || f > 1:
			hint := "confidence is a share from 0 (a guess) to 1 (measured), such as confidence = 0.8"
			if f > 1 && f <= 100 {
				hint += "; write 80% as 0.8"
			}
			io.d.errorf(io.key("confidence"), hint, "confidence must be between 0 and 1, not %v", f)
		default:
			s.Confidence, s.HasConfidence = f, true
		}
	}
	return s
}

// Evidence is one source an item rests on: a research note of the
// handbook, named by its slug, or an outside address.
type Evidence struct {
	Ref string // as written
	// URL is where the source is: the research note's page (from the
	// site root, "research/interviews-aug-2026/") or the outside address.
	// Resolved when the site is linked.
	URL      string
	Title    string // the research note's title; "" for an outside address
	External bool   // an outside address

	at place
}

const evidenceHint = `evidence = ["interviews-aug-2026", "https://…"]: the file name of a research note in content/research/ without .md, or an http(s) address`

// decodeEvidence reads an item's evidence.
func decodeEvidence(io *obj) []Evidence {
	refs := io.strs("evidence")
	if len(refs) == 0 {
		return nil
	}
	out := make([]Evidence, 0, len(refs))
	for i, r := range refs {
		path := source.Elem(io.key("evidence"), i)
		ev := Evidence{Ref: strings.TrimSpace(r)}
		switch {
		case ev.Ref == "":
			io.d.errorf(path, evidenceHint, "evidence must not be empty")
			continue
		case strings.Contains(ev.Ref, "://"):
			u, err := url.Parse(ev.Ref)
			if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
				io.d.errorf(path, evidenceHint, "evidence %q is not an http or https address", ev.Ref)
				continue
			}
			ev.URL, ev.External = ev.Ref, true
		}
		io.d.evidenceAt(&ev, path)
		out = append(out, ev)
	}
	return out
}

// Pos is the line and column where the item is written in its
// journey's file; 0, 0 for an item made other than by decoding, or, in a
// one-off build, for one that no rule the site turned on warns of
// (positionsOf).
func (it *Item) Pos() (line, col int) { return it.at.pos() }

// Sources counts the item's evidence.
func (it *Item) Sources() int { return len(it.Evidence) }
