package model

import (
	"fmt"
	"math"

	"github.com/waymark-cx/waymark/generator/diag"
)

// Rules are a team's own rules for its maps, turned on one by one under
// [rules] in waymark.toml:
//
//	[rules]
//	critical_needs_owner = true
//
// Each is checked on every journey by check and build, which warn at
// the line that breaks it (check --strict fails), so that a pull request
// shows the rule where it is broken.
type Rules map[string]bool

// On reports whether rule key is turned on.
func (r Rules) On(key string) bool { return r[key] }

// Rule is one rule a site may turn on.
type Rule struct {
	Key string
	// Doc says what it asks, as the docs and the starter waymark.toml say it.
	Doc   string
	check func(j *Journey, warn func(line, col int, msg, hint string))
}

// The rules' keys.
const (
	RuleCriticalNeedsOwner    = "critical_needs_owner"
	RuleCriticalNeedsEvidence = "critical_needs_evidence"
	RuleMapNeedsReviewDate    = "map_needs_review_date"
	RuleOpportunityNeedsScore = "opportunity_needs_score"
	RuleMapNeedsOwner         = "map_needs_owner"
)

// AllRules lists every rule, in the order the docs give them.
func AllRules() []Rule {
	critical := func(j *Journey, f func(it *Item)) {
		for _, st := range j.Stages {
			for i := range st.PainPoints {
				if it := &st.PainPoints[i]; it.critical() {
					f(it)
				}
			}
		}
	}
	return []Rule{
		{RuleCriticalNeedsOwner, "a pain point of severity 3 names its owner", func(j *Journey, warn func(int, int, string, string)) {
			critical(j, func(it *Item) {
				if it.Owner == "" {
					warn(int(it.at[0]), int(it.at[1]), fmt.Sprintf("critical pain point %q has no owner", it.Text), `add owner = "…" to the item: who will fix it?`)
				}
			})
		}},
		{RuleCriticalNeedsEvidence, "a pain point of severity 3 cites evidence", func(j *Journey, warn func(int, int, string, string)) {
			critical(j, func(it *Item) {
				if len(it.Evidence) == 0 {
					warn(int(it.at[0]), int(it.at[1]), fmt.Sprintf("critical pain point %q cites no evidence", it.Text),
						`add evidence = ["…"] to the item: a research note in content/research/ or an address`)
				}
			})
		}},
		{RuleMapNeedsReviewDate, "every map says when it was last reviewed", func(j *Journey, warn func(int, int, string, string)) {
			if j.LastReviewed.IsZero() {
				warn(j.refs.reviewed.Line, j.refs.reviewed.Col, fmt.Sprintf("journey %q has no last_reviewed date", j.Title),
					"after reviewing the map with its owners, add last_reviewed = YYYY-MM-DD to its front matter")
			}
		}},
		{RuleOpportunityNeedsScore, "every opportunity has a value and an effort", func(j *Journey, warn func(int, int, string, string)) {
			for _, st := range j.Stages {
				for i := range st.Opportunities {
					it := &st.Opportunities[i]
					if it.Scored() {
						continue
					}
					missing := "value and effort"
					switch {
					case it.Value != 0:
						missing = "effort"
					case it.Effort != 0:
						missing = "value"
					}
					warn(int(it.at[0]), int(it.at[1]), fmt.Sprintf("opportunity %q has no %s", it.Text, missing),
						`write it as { text = "…", value = 4, effort = 2 }: value and effort from 1 to 5`)
				}
			}
		}},
		{RuleMapNeedsOwner, "every map names the team that owns it", func(j *Journey, warn func(int, int, string, string)) {
			if j.Owner == "" {
				line, col := 0, 0
				if j.frontLine > 0 {
					line, col = j.frontLine, 1
				}
				warn(line, col, fmt.Sprintf("journey %q has no owner", j.Title), `add owner = "…" to its front matter: the team that keeps the map`)
			}
		}},
	}
}

// critical reports whether a pain point is of severity 3, which the
// rules on critical pain points look at.
func (it *Item) critical() bool { return it.Severity == 3 }

// RuleKeys lists the keys of AllRules.
func RuleKeys() []string {
	var out []string
	for _, r := range AllRules() {
		out = append(out, r.Key)
	}
	return out
}

// decodeRules reads [rules]: each key a rule, each value true or false.
func decodeRules(o *obj) Rules {
	if o == nil {
		return nil
	}
	r := Rules{}
	for _, k := range RuleKeys() {
		if o.boolean(k, false) {
			r[k] = true
		}
	}
	o.done()
	return r
}

// ruleWarnings checks every journey against the rules the site turned on.
func ruleWarnings(site *Site) {
	if len(site.Config.Rules) == 0 {
		return
	}
	for _, rule := range AllRules() {
		if !site.Config.Rules.On(rule.Key) {
			continue
		}
		for _, j := range site.Journeys {
			rule.check(j, func(line, col int, msg, hint string) {
				site.Warnings = append(site.Warnings, &diag.Error{Path: j.Path, Line: line, Col: col,
					Msg: msg + " (rule " + rule.Key + ")", Hint: hint})
			})
		}
	}
	diag.Sort(site.Warnings)
}

// Weights weigh the terms of the priority score (the hub's priorities
// view), as [priorities] in waymark.toml sets them:
//
//	score = benefit × confidence^Confidence ÷ effort^Effort
//	benefit = (Value × value + BusinessValue × business_value) ÷ (Value + BusinessValue)
//
// An item without a business value has benefit = value; one without a
// confidence counts as sure (1). Every weight is 1 unless set; 0 leaves
// its term out.
type Weights struct {
	Value, BusinessValue, Effort, Confidence float64
}

// DefaultWeights are the weights of a site without [priorities].
func DefaultWeights() Weights { return Weights{1, 1, 1, 1} }

// Score is an item's priority score under the weights, rounded to two
// decimals; 0 for an item without a value and an effort.
func (w Weights) Score(s Scores) float64 {
	if !s.Scored() {
		return 0
	}
	benefit := w.Benefit(s)
	conf := 1.0
	if s.HasConfidence {
		conf = s.Confidence
	}
	score := benefit * math.Pow(conf, w.Confidence) / math.Pow(float64(s.Effort), w.Effort)
	return math.Round(score*100) / 100
}

// Benefit is an item's value as the matrix places it: its value, or the
// weighted mean of its value and business value.
func (w Weights) Benefit(s Scores) float64 {
	if s.BusinessValue == 0 || w.Value+w.BusinessValue <= 0 {
		return float64(s.Value)
	}
	return (w.Value*float64(s.Value) + w.BusinessValue*float64(s.BusinessValue)) / (w.Value + w.BusinessValue)
}

const weightHint = "a weight from 0 (leave the term out) to 10; 1 when not set"

// decodeWeights reads [priorities].
func decodeWeights(o *obj) Weights {
	w := DefaultWeights()
	if o == nil {
		return w
	}
	for _, k := range []struct {
		key string
		to  *float64
	}{{"value", &w.Value}, {"business_value", &w.BusinessValue}, {"effort", &w.Effort}, {"confidence", &w.Confidence}} {
		v, ok := o.num(k.key)
		if !ok {
			continue
		}
		if v < 0 || v > 10 {
			o.d.errorf(o.key(k.key), weightHint, "the weight %s must be between 0 and 10, not %v", k.key, v)
			continue
		}
		*k.to = v
	}
	if w.Value == 0 && w.BusinessValue == 0 {
		o.d.errorf(o.key("value"), "give value or business_value a weight above 0", "[priorities] weighs neither value nor business_value: every score would be the same")
		w.Value = 1
	}
	o.done()
	return w
}
