package generator

import (
	"context"
	"regexp"
	"strings"
	"testing"

	"github.com/waymark-cx/waymark"
	"github.com/waymark-cx/waymark/generator/output"
)

// TestTemplatesInSiteLanguage checks issue 18's templates page on a
// Vietnamese site: the Vietnamese templates come first, the English ones
// under their own heading, each card with the command that starts a map
// from it; the home page counts the Vietnamese ones.
func TestTemplatesInSiteLanguage(t *testing.T) {
	dir := t.TempDir()
	writeTxtar(t, dir, `
-- waymark.toml --
title = "Sổ tay"
base_url = "/"
language = "vi"
`)
	opts := testOptions(dir)
	opts.Templates = waymark.Templates()
	mem := output.NewMemory()
	opts.Output = mem
	if _, err := Build(context.Background(), opts); err != nil {
		t.Fatal(err)
	}
	files := mem.Files()
	page := string(files["templates/index.html"])
	heading := strings.Index(page, "Mẫu tiếng Anh")
	if heading < 0 {
		t.Fatal("no heading for the English templates")
	}
	cards := regexp.MustCompile(`class="card template-card" id="([^"]+)"`).FindAllStringSubmatchIndex(page, -1)
	var before, after []string
	for _, c := range cards {
		slug := page[c[2]:c[3]]
		if c[0] < heading {
			before = append(before, slug)
		} else {
			after = append(after, slug)
		}
	}
	for _, s := range before {
		if !strings.HasSuffix(s, "-vi") {
			t.Errorf("%s is listed before the English heading", s)
		}
	}
	for _, s := range after {
		if strings.HasSuffix(s, "-vi") {
			t.Errorf("%s is listed under the English heading", s)
		}
	}
	if len(before) != 6 || len(after) != 6 {
		t.Errorf("%d Vietnamese and %d English templates, want 6 and 6", len(before), len(after))
	}
	if !strings.Contains(page, `waymark new journey "Tên bản đồ" --template kotler-5a-vi`) {
		t.Error("no new journey command on the kotler-5a-vi card")
	}
	if home := string(files["index.html"]); !regexp.MustCompile(`<strong>6</strong>\s*mẫu`).MatchString(home) {
		t.Error("the home page does not count the 6 Vietnamese templates")
	}
}
