package model

import (
	"slices"
	"strings"
	"testing"

	"github.com/waymark-cx/waymark/generator/diag"
	"github.com/waymark-cx/waymark/generator/source"
)

// planSite loads a site from waymark.toml's text and content files,
// returning the mistakes as a list.
func planSite(t *testing.T, config string, files map[string]string) (*Site, []*diag.Error) {
	t.Helper()
	return planSiteIn(t, nil, config, files)
}

// planSiteIn is planSite with a Cache: nil for a one-off build's.
func planSiteIn(t *testing.T, cache *Cache, config string, files map[string]string) (*Site, []*diag.Error) {
	t.Helper()
	cfg, err := source.Decode(source.ConfigFile, []byte("title = \"t\"\n"+config), 1)
	if err != nil {
		t.Fatal(err)
	}
	set := &source.Set{Config: cfg}
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	slices.Sort(names)
	for _, name := range names {
		f, err := source.Split(name, []byte(files[name]))
		if err != nil {
			t.Fatal(err)
		}
		set.Content = append(set.Content, f)
	}
	site, err := New(set, Options{Addresses: testAddresses{}, Cache: cache})
	if err == nil {
		return site, nil
	}
	errs, ok := diag.Located(err)
	if !ok {
		t.Fatalf("not located: %v", err)
	}
	return site, errs
}

func messages(errs []*diag.Error) string {
	var b strings.Builder
	for _, e := range errs {
		b.WriteString(e.Error() + "\n")
	}
	return b.String()
}

func TestScoresDecoded(t *testing.T) {
	site, errs := planSite(t, "", map[string]string{"content/journeys/a.md": `+++
title = "A"
[[stage]]
name = "Decision"
opportunities = [
  { text = "Show the price", value = 4, business_value = 3, effort = 2, confidence = 0.8 },
  "Unscored",
]
+++
`})
	if errs != nil {
		t.Fatal(messages(errs))
	}
	it := site.Journeys[0].Stages[0].Opportunities[0]
	want := Scores{Value: 4, BusinessValue: 3, Effort: 2, Confidence: 0.8, HasConfidence: true}
	if it.Scores != want || !it.Scored() {
		t.Errorf("scores %+v, want %+v", it.Scores, want)
	}
	if u := site.Journeys[0].Stages[0].Opportunities[1]; u.Scored() || u.Any() {
		t.Errorf("a plain item has scores: %+v", u.Scores)
	}
}

// TestScoreMistakes: every wrong score is reported, each at its own line.
func TestScoreMistakes(t *testing.T) {
	_, errs := planSite(t, "", map[string]string{"content/journeys/a.md": `+++
title = "A"
[[stage]]
name = "Decision"
opportunities = [
  { text = "a", value = 6 },
  { text = "b", effort = "high" },
  { text = "c", business_value = 2.5 },
  { text = "d", confidence = 80 },
  { text = "e", effort = 0 },
]
+++
`})
	got := messages(errs)
	for _, want := range []string{
		"a.md:6:", "value must be between 1 and 5, not 6",
		"a.md:7:", `effort must be a whole number from 1 to 5, not the string "high"`,
		"a.md:8:", "business_value must be a whole number from 1 to 5, not the number 2.5",
		"a.md:9:", "confidence must be between 0 and 1, not 80", "write 80% as 0.8",
		"a.md:10:", "effort must be between 1 and 5, not 0",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("no %q in:\n%s", want, got)
		}
	}
	if len(errs) != 5 {
		t.Errorf("%d mistakes, want 5:\n%s", len(errs), got)
	}
}

func TestEvidence(t *testing.T) {
	files := map[string]string{
		"content/research/interviews-aug-2026.md": `+++
title = "Shopper interviews, August 2026"
method = "Interviews"
date = 2026-08-14
participants = 12
quotes = ["I gave up at the payment step.", { text = "Where is the total?", who = "Lan, 28" }]
+++
What we learnt.
`,
		"content/research/survey.md": "+++\ntitle = \"Survey\"\ndate = 2026-09-01\n+++\n",
		"content/journeys/a.md": `+++
title = "A"
[[stage]]
name = "Decision"
pain_points = [{ text = "Fees", severity = 3, evidence = ["interviews-aug-2026", "https://example.com/report"] }]
opportunities = [{ text = "Total first", evidence = ["interview-aug-2026"] }]
+++
`}
	site, errs := planSite(t, "", files)
	got := messages(errs)
	if len(errs) != 1 || !strings.Contains(got, `a.md:6:`) ||
		!strings.Contains(got, `evidence "interview-aug-2026" names no research note (did you mean "interviews-aug-2026"?)`) {
		t.Fatalf("want one located mistake with a did-you-mean, got:\n%s", got)
	}
	if len(site.Research) != 2 || site.Research[0].Slug != "survey" {
		t.Fatalf("research notes %v, want the newest first", site.Research)
	}
	r := site.Research[1].Research
	if r.Method != "Interviews" || r.Participants != 12 || r.Date.Format("2006-01-02") != "2026-08-14" ||
		len(r.Quotes) != 2 || r.Quotes[1].Who != "Lan, 28" {
		t.Errorf("research %+v", r)
	}
	ev := site.Journeys[0].Stages[0].PainPoints[0].Evidence
	if len(ev) != 2 || ev[0].URL != "p/research/interviews-aug-2026/" || ev[0].Title != "Shopper interviews, August 2026" ||
		!ev[1].External || ev[1].URL != "https://example.com/report" {
		t.Errorf("evidence %+v", ev)
	}
}

func TestResearchMistakes(t *testing.T) {
	_, errs := planSite(t, "", map[string]string{
		"content/research/r.md": "+++\ntitle = \"R\"\nparticipants = \"twelve\"\ndate = \"August\"\nquotes = [3]\nmethods = \"x\"\n+++\n",
		"content/journeys/a.md": "+++\ntitle = \"A\"\n[[stage]]\nname = \"S\"\npain_points = [{ text = \"x\", evidence = [\"ftp://x\", \"\"] }]\n+++\n",
	})
	got := messages(errs)
	for _, want := range []string{
		"r.md:3:", "participants must be a whole number",
		"r.md:4:", "date must be a TOML date",
		"quotes must hold strings or tables, not the number 3",
		`unknown key "methods" (did you mean "method"?)`,
		`evidence "ftp://x" is not an http or https address`, "evidence must not be empty",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("no %q in:\n%s", want, got)
		}
	}
}

func TestRules(t *testing.T) {
	journey := `+++
title = "A"
[[stage]]
name = "Decision"
pain_points = [
  { text = "Fees hidden", severity = 3 },
  { text = "Owned", severity = 3, owner = "Pricing", evidence = ["https://example.com"] },
]
opportunities = ["Total first", { text = "Half", value = 3 }]
+++
`
	files := map[string]string{"content/journeys/a.md": journey}
	site, errs := planSite(t, "", files)
	if errs != nil || len(site.Warnings) != 0 {
		t.Fatalf("no rule is on, yet: %v %v", errs, site.Warnings)
	}
	site, errs = planSite(t, "[rules]\ncritical_needs_owner = true\ncritical_needs_evidence = true\nmap_needs_review_date = true\nopportunity_needs_score = true\nmap_needs_owner = true\n", files)
	if errs != nil {
		t.Fatal(messages(errs))
	}
	got := messages(site.Warnings)
	for _, want := range []string{
		`a.md:6:3: critical pain point "Fees hidden" has no owner (rule critical_needs_owner)`,
		`a.md:6:3: critical pain point "Fees hidden" cites no evidence (rule critical_needs_evidence)`,
		`opportunity "Total first" has no value and effort (rule opportunity_needs_score)`,
		`opportunity "Half" has no effort (rule opportunity_needs_score)`,
		`journey "A" has no last_reviewed date (rule map_needs_review_date)`,
		`journey "A" has no owner (rule map_needs_owner)`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("no %q in:\n%s", want, got)
		}
	}
	if len(site.Warnings) != 6 {
		t.Errorf("%d warnings, want 6:\n%s", len(site.Warnings), got)
	}
	_, errs = planSite(t, "[rules]\ncritical_need_owner = true\nmap_needs_owner = \"yes\"\n", files)
	got = messages(errs)
	if !strings.Contains(got, `unknown key "critical_need_owner" (did you mean "critical_needs_owner"?)`) ||
		!strings.Contains(got, "map_needs_owner must be true or false") {
		t.Errorf("rules' mistakes:\n%s", got)
	}
}

func TestWeights(t *testing.T) {
	site, errs := planSite(t, "[priorities]\nvalue = 2\neffort = 0.5\n", nil)
	if errs != nil {
		t.Fatal(messages(errs))
	}
	w := site.Config.Priorities
	if w != (Weights{Value: 2, BusinessValue: 1, Effort: 0.5, Confidence: 1}) {
		t.Errorf("weights %+v", w)
	}
	d := DefaultWeights()
	for _, c := range []struct {
		s    Scores
		want float64
	}{
		{Scores{Value: 4, Effort: 2}, 2},
		{Scores{Value: 4, BusinessValue: 2, Effort: 3}, 1},
		{Scores{Value: 5, Effort: 1, Confidence: 0.5, HasConfidence: true}, 2.5},
		{Scores{Value: 5}, 0},
	} {
		if got := d.Score(c.s); got != c.want {
			t.Errorf("Score(%+v) = %v, want %v", c.s, got, c.want)
		}
	}
	_, errs = planSite(t, "[priorities]\nvalue = 0\nbusiness_value = 0\neffort = -1\n", nil)
	got := messages(errs)
	if !strings.Contains(got, "the weight effort must be between 0 and 10, not -1") || !strings.Contains(got, "weighs neither value nor business_value") {
		t.Errorf("weights' mistakes:\n%s", got)
	}
}
