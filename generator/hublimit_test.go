package generator

import (
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/waymark-cx/waymark/bench/synth"
	"github.com/waymark-cx/waymark/generator/export"
	"github.com/waymark-cx/waymark/generator/output"
)

// limitedHub builds a synthetic handbook of 60 journeys, one more with a
// formula for a pain point, and 7 more personas (10 in all), with
// hub_limit = 5: every list of the hub is cut.
func limitedHub(t *testing.T) map[string][]byte {
	t.Helper()
	dir := synthLimited(t, 60, 5)
	extra := `
-- content/journeys/formula.md --
+++
title = "Formula"
persona = "persona-0000"
tags = ["bench"]

[[stage]]
name = "Awareness"
pain_points = ['=HYPERLINK("https://evil.example/","Click")']
+++
`
	for i := 3; i < 10; i++ {
		extra += fmt.Sprintf("-- content/personas/persona-%04d.md --\n%s", i, synth.Persona(i))
	}
	writeTxtar(t, dir, extra)
	opts := testOptions(dir)
	mem := output.NewMemory()
	opts.Output = mem
	if _, err := Build(context.Background(), opts); err != nil {
		t.Fatal(err)
	}
	return mem.Files()
}

// synthLimited writes a synthetic handbook of n journeys with the given
// hub_limit into a new folder.
func synthLimited(t *testing.T, n, limit int) string {
	t.Helper()
	dir := t.TempDir()
	if err := synth.Write(dir, n); err != nil {
		t.Fatal(err)
	}
	f, err := os.OpenFile(filepath.Join(dir, "waymark.toml"), os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	fmt.Fprintln(f, "hub_limit =", limit)
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	return dir
}

// readCSV parses a download, checking its header.
func readCSV(t *testing.T, files map[string][]byte, name string, header string) [][]string {
	t.Helper()
	b, ok := files[name]
	if !ok {
		t.Fatalf("%s was not written", name)
	}
	if !bytes.HasPrefix(b, []byte(export.BOM)) {
		t.Errorf("%s does not start with a BOM", name)
	}
	rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(b, []byte(export.BOM)))).ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	if len(rows) == 0 || strings.Join(rows[0], ",") != header {
		t.Fatalf("%s: header %q, want %q", name, rows[0], header)
	}
	return rows[1:]
}

func TestHubLimit(t *testing.T) {
	files := limitedHub(t)
	page := func(name string) string {
		t.Helper()
		b, ok := files[name]
		if !ok {
			t.Fatalf("%s was not built", name)
		}
		return string(b)
	}
	has := func(name string, want ...string) {
		t.Helper()
		html := page(name)
		for _, w := range want {
			if !strings.Contains(html, w) {
				t.Errorf("%s: no %q", name, w)
			}
		}
	}
	count := func(name, s string) int { return strings.Count(page(name), s) }
	const note = `class="hub-more"`

	// 60 journeys × 5 stages × 2 pain points and 2 opportunities, half
	// of each without owner or status (one owned by Support and open, one
	// by Product and planned), and the formula: 601 pain points, 600
	// opportunities.
	items := "Text,Severity,Status,Owner,Journey,Journey URL,Stage,Stage URL"
	pains := readCSV(t, files, "pain-points/pain-points.csv", items)
	if len(pains) != 601 {
		t.Errorf("pain-points.csv: %d rows, want 601", len(pains))
	}
	if opps := readCSV(t, files, "pain-points/opportunities.csv", items); len(opps) != 600 {
		t.Errorf("opportunities.csv: %d rows, want 600", len(opps))
	}
	noOwner := readCSV(t, files, "pain-points/no-owner.csv", "Kind,Text,Severity,Status,Journey,Journey URL,Stage,Stage URL")
	if len(noOwner) != 301+300 {
		t.Errorf("no-owner.csv: %d rows, want 601", len(noOwner))
	}
	defused := false
	for _, r := range pains {
		if r[0] == `'=HYPERLINK("https://evil.example/","Click")` && r[4] == "Formula" && r[5] == "https://example.org/bench/journeys/formula/" {
			defused = true
		}
		if strings.HasPrefix(r[0], "=") {
			t.Errorf("pain-points.csv: a cell starts with =: %q", r[0])
		}
	}
	if !defused {
		t.Error("pain-points.csv: the formula is not there, defused")
	}
	// Status groups: none (301), open (300) and none (300), planned (300);
	// no owner: 301 and 300.
	has("pain-points/index.html", "Showing 5 of 301", "Showing 5 of 300", `<span class="count">601</span>`, `<span class="count">600</span>`,
		`href="/bench/pain-points/pain-points.csv"`, `href="/bench/pain-points/no-owner.csv"`)
	if n := count("pain-points/index.html", note); n != 6 {
		t.Errorf("pain-points: %d notes, want 6 (2 status groups of each list, 2 lists without owner)", n)
	}
	if n := count("pain-points/index.html", `class="item hub-item`); n != 6*5 {
		t.Errorf("pain-points: %d items, want 30", n)
	}

	uses := readCSV(t, files, "touchpoints/touchpoints.csv", "Touchpoint,Channel,Kind,Owner,Emotion,Fail point,Description,Journey,Journey URL,Stage,Stage URL")
	if len(uses) != 60*5*3 {
		t.Errorf("touchpoints.csv: %d rows, want 900", len(uses))
	}
	if n := count("touchpoints/index.html", `class="card tp-group`); n != 5 {
		t.Errorf("touchpoints: %d groups, want 5 (the limit)", n)
	}
	has("touchpoints/index.html", note, "Showing 5 of ")

	metrics := readCSV(t, files, "metrics/metrics.csv", "Metric,Value,Target,Unit,Better,Status,Journey,Journey URL,Stage,Stage URL")
	if len(metrics) != 300 {
		t.Errorf("metrics.csv: %d rows, want 300", len(metrics))
	}
	if n := count("metrics/index.html", `class="metric-row`); n != 10 {
		t.Errorf("metrics: %d rows, want 10 (5 off target, 5 others)", n)
	}
	has("metrics/index.html", "Showing 5 of 150")

	matrix := readCSV(t, files, "matrix/matrix.csv", "Journey,Journey URL,Type,Persona count,Personas")
	if len(matrix) != 61 {
		t.Errorf("matrix.csv: %d rows, want 61", len(matrix))
	}
	has("matrix/index.html", "61 journeys (rows) and 10 personas (columns)", "Showing 5 of 61", "Showing 5 of 10 personas")
	if n := count("matrix/index.html", `class="pj-persona"`); n != 5 {
		t.Errorf("matrix: %d persona columns, want 5", n)
	}
	if n := count("matrix/index.html", `class="pj-cell`); n != 5*5 {
		t.Errorf("matrix: %d cells, want 25", n)
	}

	// Support owns the second pain point of every stage of every journey.
	own := readCSV(t, files, "owners/support/support-pain-points.csv", items)
	if len(own) != 300 {
		t.Errorf("support-pain-points.csv: %d rows, want 300", len(own))
	}
	has("owners/support/index.html", "Showing 5 of 300", `<strong class="count-n">300</strong>`)
	has("owners/team-0/index.html", "Showing 5 of 12", `href="/bench/owners/team-0/team-0-journeys.csv"`)
	for _, name := range []string{"journeys", "touchpoints", "pain-points", "opportunities"} {
		if _, ok := files["owners/team-0/team-0-"+name+".csv"]; !ok {
			t.Errorf("owners/team-0/team-0-%s.csv was not written", name)
		}
	}

	tagged := readCSV(t, files, "tags/bench/bench-journeys.csv", "Journey,Journey URL,Type,Owner,Personas,Tags,Stages,Last reviewed")
	if len(tagged) != 61 {
		t.Errorf("bench-journeys.csv: %d rows, want 61", len(tagged))
	}
	has("tags/bench/index.html", "Showing 5 of 61")
	has("tags/index.html", "56 more")

	// Lists that sum the handbook up show a tenth of hub_limit, at least
	// 10, but never more than hub_limit: here 5. The journeys page still
	// lists every journey by type; its tags link to the tag pages.
	has("index.html", "Showing 5 of 10", `href="/bench/personas/"`,
		`<a href="/bench/journeys/#current-state">11 more in Current state</a>`,
		`<a href="/bench/journeys/#future-state">10 more in Future state</a>`)
	if n := count("index.html", `class="card persona-card"`); n != 5 {
		t.Errorf("home: %d persona cards, want 5", n)
	}
	if n := count("index.html", `class="panel-title"`); n != 4*5 {
		t.Errorf("home: %d journeys in the panels, want 20 (5 of each of 4 types)", n)
	}
	has("journeys/index.html", `<a href="/bench/tags/bench/">56 more tagged “bench”</a>`,
		`<a href="/bench/tags/tag-3/">1 more tagged “tag-3”</a>`)
	if n := count("journeys/index.html", `class="card journey-card`); n != 61 {
		t.Errorf("journeys: %d journey cards, want all 61", n)
	}
	if n := count("journeys/index.html", `class="row-title"`); n != 11*5 {
		t.Errorf("journeys: %d journeys in the tag groups, want 55 (5 of each of 11 tags)", n)
	}

	// The downloads are no pages: the sitemap leaves them out.
	if strings.Contains(page("sitemap.xml"), ".csv") {
		t.Error("the sitemap lists a CSV file")
	}
	validateHub(t, files)
}

// validateHub checks the hub pages with html-validate, when it is there.
func validateHub(t *testing.T, files map[string][]byte) {
	bin := tool(t, "WAYMARK_HTML_VALIDATE", "html-validate")
	dir := t.TempDir()
	var pages []string
	for _, name := range []string{"index.html", "journeys/index.html", "hub/index.html", "pain-points/index.html", "touchpoints/index.html", "metrics/index.html",
		"matrix/index.html", "owners/index.html", "owners/support/index.html", "tags/index.html", "tags/bench/index.html"} {
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
