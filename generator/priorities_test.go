package generator

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/waymark-cx/waymark/generator/output"
)

// prioritySite is a small handbook under a sub-path with hub_limit = 3:
// five scored opportunities (one of them a tie broken by the journeys'
// order), two not scored, and a research note two items cite.
const prioritySite = `
-- waymark.toml --
title = "P"
base_url = "https://example.com/sub/"
hub_limit = 3
-- content/research/interviews.md --
+++
title = "Shopper interviews"
method = "Interviews"
date = 2026-08-14
participants = 12
quotes = [{ text = "Where is the total?", who = "Lan" }]
+++
Notes.
-- content/journeys/a.md --
+++
title = "Alpha"
owner = "Pricing"
last_reviewed = 2026-11-20
[[stage]]
name = "Look"
[[stage]]
name = "Pay"
pain_points = [{ text = "Fees hidden", owner = "Pricing", severity = 3, evidence = ["interviews", "https://example.org/study"] }]
opportunities = [
  { text = "Show the total", owner = "Pricing", value = 5, effort = 1, evidence = ["interviews"] },
  { text = "Tie in Alpha", value = 4, effort = 2 },
  "Not scored in Alpha",
]
+++
-- content/journeys/b.md --
+++
title = "Beta"
last_reviewed = 2026-11-20
[[stage]]
name = "Use"
opportunities = [
  { text = "Tie in Beta", value = 4, effort = 2 },
  { text = "Big bet", value = 5, business_value = 5, effort = 5 },
  { text = "Time sink", value = 1, effort = 5 },
  { text = "Half scored", value = 3 },
]
+++
`

func buildPrioritySite(t *testing.T) map[string][]byte {
	t.Helper()
	dir := t.TempDir()
	writeTxtar(t, dir, prioritySite)
	opts := testOptions(dir)
	mem := output.NewMemory()
	opts.Output = mem
	if _, err := Build(context.Background(), opts); err != nil {
		t.Fatal(err)
	}
	return mem.Files()
}

// TestPrioritiesPage: the matrix and the table show the first hub_limit
// opportunities in rank order, each point a link to its stage under the
// site's path; the CSV holds them all, then the unscored; the unscored
// are counted and listed apart.
func TestPrioritiesPage(t *testing.T) {
	files := buildPrioritySite(t)
	page := string(files["priorities/index.html"])
	if page == "" {
		t.Fatal("priorities/index.html was not built")
	}
	rows := regexp.MustCompile(`<tr class="?priority-row`).FindAllStringIndex(page, -1)
	points := regexp.MustCompile(`<a class="?pm-point`).FindAllStringIndex(page, -1)
	if len(rows) != 3 || len(points) != 3 {
		t.Errorf("%d rows and %d points, want hub_limit = 3 of each", len(rows), len(points))
	}
	order := []string{"Show the total", "Tie in Alpha", "Tie in Beta"}
	at := -1
	for _, text := range order {
		i := strings.Index(page, ">"+text+"<")
		if i < at {
			t.Errorf("%q is out of rank order", text)
		}
		at = i
	}
	for _, want := range []string{
		`href="/sub/journeys/a/#stage-2" aria-label="1. Show the total (Alpha · Pay): score 5, value 5, effort 1"`,
		"Showing 3 of 5", `href="/sub/priorities/priorities.csv"`,
		"Quick wins (3)", "Big bets (1)", "Time sinks (1)", "Fill-ins (0)",
		">Not scored in Alpha<", ">Half scored<",
		`href="/sub/research/interviews/">Shopper interviews</a>`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the priorities page has no %q", want)
		}
	}
	if strings.Contains(page, ">Time sink<") {
		t.Error("the fifth of five is shown past hub_limit")
	}
	rowsCSV := readCSV(t, files, "priorities/priorities.csv", "Rank,Score,Quadrant,Text,Value,Business value,Effort,Confidence,Owner,Status,Evidence,Journey,Journey URL,Stage,Stage URL")
	if len(rowsCSV) != 7 || rowsCSV[4][0] != "5" || rowsCSV[4][3] != "Time sink" || rowsCSV[5][0] != "" || rowsCSV[5][2] != "not scored" {
		t.Errorf("the CSV: %q", rowsCSV)
	}
	if rowsCSV[0][10] != "interviews" || rowsCSV[0][12] != "https://example.com/sub/journeys/a/" {
		t.Errorf("the first row: %q", rowsCSV[0])
	}
	validatePages(t, files, "priorities/index.html", "research/index.html", "research/interviews/index.html", "journeys/a/index.html", "owners/pricing/index.html")
}

// TestResearchPages: a research note shows its facts and quotes and lists
// every item that cites it, by journey and stage; the list counts the
// citations; an item card links its sources; an owner's page counts them.
func TestResearchPages(t *testing.T) {
	files := buildPrioritySite(t)
	note := string(files["research/interviews/index.html"])
	for _, want := range []string{"Interviews", `datetime="2026-08-14"`, ">12<", "Where is the total?", "— Lan",
		"cited by 2 items", ">Fees hidden<", ">Show the total<", `href="/sub/journeys/a/#stage-2">Pay</a>`} {
		if !strings.Contains(note, want) {
			t.Errorf("the research note has no %q", want)
		}
	}
	list := string(files["research/index.html"])
	if !strings.Contains(list, `href="/sub/research/interviews/"`) || !strings.Contains(list, "cited by 2 items") || !strings.Contains(list, "12 participants") {
		t.Errorf("the research list:\n%s", list)
	}
	journey := string(files["journeys/a/index.html"])
	for _, want := range []string{"2 sources:", `href="/sub/research/interviews/">Shopper interviews</a>`,
		`rel="external noopener" href="https://example.org/study">example.org/study</a>`, "Value 5/5 · Effort 1/5"} {
		if !strings.Contains(journey, want) {
			t.Errorf("the journey page has no %q", want)
		}
	}
	if owner := string(files["owners/pricing/index.html"]); !strings.Contains(owner, `3</strong> sources cited`) {
		t.Error("the owner's page does not count its items' 3 sources")
	}
	if !strings.Contains(string(files["search-index.json"]), `"k":"research"`) {
		t.Error("the research note is not in the search index")
	}
}

// validatePages checks pages with html-validate, when it is there.
func validatePages(t *testing.T, files map[string][]byte, names ...string) {
	t.Helper()
	bin := tool(t, "WAYMARK_HTML_VALIDATE", "html-validate")
	dir := t.TempDir()
	var pages []string
	for _, name := range names {
		p := filepath.Join(dir, strings.ReplaceAll(name, "/", "__"))
		if err := os.WriteFile(p, files[name], 0o644); err != nil {
			t.Fatal(err)
		}
		pages = append(pages, p)
	}
	cfg, _ := filepath.Abs("testdata/htmlvalidate.json")
	out, err := exec.Command(bin, append([]string{"--config", cfg, "--formatter", "text"}, pages...)...).CombinedOutput()
	if err != nil {
		t.Errorf("html-validate found errors (%v):\n%s", err, out)
	}
}

// TestPrioritiesRebuild: as under waymark serve, a Builder told that a
// score or a research note changed redraws what shows it: the matrix
// and table, the research note's citations, the item cards that name the
// note; and each rebuild is what a fresh build gives.
func TestPrioritiesRebuild(t *testing.T) {
	dir := t.TempDir()
	writeTxtar(t, dir, prioritySite)
	b := NewBuilder(testOptions(dir))
	build := func(changed ...string) map[string][]byte {
		t.Helper()
		mem := output.NewMemory()
		b.SetOutput(mem)
		if _, err := b.Build(context.Background(), changed); err != nil {
			t.Fatal(err)
		}
		files := mem.Files()
		opts := testOptions(dir)
		fresh := output.NewMemory()
		opts.Output = fresh
		if _, err := Build(context.Background(), opts); err != nil {
			t.Fatal(err)
		}
		if d := diffOutputs(files, fresh.Files(), 5); d != "" {
			t.Fatalf("the rebuild after %v differs from a fresh build:\n%s", changed, d)
		}
		return files
	}
	edit := func(rel, old, new string) {
		t.Helper()
		p := filepath.Join(dir, rel)
		text, err := os.ReadFile(p)
		if err != nil || !strings.Contains(string(text), old) {
			t.Fatalf("%s has no %q", rel, old)
		}
		if err := os.WriteFile(p, []byte(strings.Replace(string(text), old, new, 1)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	build()
	// A score: the time sink becomes a quick win, second to the first by the journeys' order.
	edit("content/journeys/b.md", `{ text = "Time sink", value = 1, effort = 5 }`, `{ text = "Time sink", value = 5, effort = 1, evidence = ["interviews"] }`)
	files := build("content/journeys/b.md")
	if page := string(files["priorities/index.html"]); !strings.Contains(page, `aria-label="2. Time sink (Beta · Use)`) || !strings.Contains(page, "Quick wins (4)") {
		t.Error("the matrix does not show the new score")
	}
	if !strings.Contains(string(files["research/interviews/index.html"]), ">Time sink<") {
		t.Error("the research note does not list its new citation")
	}
	// A research note's title: the cards that cite it say it.
	edit("content/research/interviews.md", `title = "Shopper interviews"`, `title = "Buyer interviews"`)
	files = build("content/research/interviews.md")
	if !strings.Contains(string(files["journeys/a/index.html"]), ">Buyer interviews</a>") ||
		!strings.Contains(string(files["priorities/index.html"]), ">Buyer interviews</a>") {
		t.Error("the item cards do not show the research note's new title")
	}
	// [priorities]: effort weighed 0 puts the biggest value first.
	edit("waymark.toml", "hub_limit = 3", "hub_limit = 3\n[priorities]\neffort = 0\nbusiness_value = 0")
	files = build("waymark.toml")
	if page := string(files["priorities/index.html"]); !strings.Contains(page, `aria-label="1. Show the total`) || !strings.Contains(page, "effort 0,") && !strings.Contains(page, "effort 0.") {
		t.Errorf("the weights do not change the ranking or the page's formula")
	}
}
