package generator

import (
	"errors"
	"maps"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/waymark-cx/waymark/generator/diag"
)

// goodSite is a small, valid handbook that each mistake case breaks.
const goodSite = `
-- waymark.toml --
title = "Test handbook"
base_url = "https://example.org/handbook/"
stages = ["Awareness", "Decision"]
-- content/_index.md --
+++
title = "Welcome"
+++
Read [Lan](/personas/lan/) first.
-- content/personas/lan.md --
+++
name = "Lan"
+++
Lan's story.
-- content/personas/minh.md --
+++
name = "Minh"
+++
-- content/journeys/buy.md --
+++
title = "Buying"
persona = "lan"
last_reviewed = 2026-11-01

[[stage]]
name = "Awareness"
emotion = 4

[[stage]]
name = "Consideration"
emotion = 3

[[stage]]
name = "Decision"
emotion = 2
+++
See the [future](../journeys/buy-future.md).
-- content/journeys/buy-future.md --
+++
title = "Buying, to be"
persona = "lan"
type = "future-state"
compare = "buy"
last_reviewed = 2026-11-01
[[stage]]
name = "Awareness"
+++
-- content/guides/method.md --
+++
title = "Method"
+++
Back [home](/).
`

// mistake is one broken file and the located errors it must produce.
type mistake struct {
	name  string
	files string   // txtar: files replacing those of goodSite
	want  []string // substrings, each of a different error line
}

func mistakes() []mistake {
	return []mistake{
		{"an unknown persona, the personas listed with their files", `
-- content/personas/chị-lan.md --
+++
name = "Chị Lan"
+++
-- content/journeys/buy.md --
+++
title = "Buying"
persona = "chi-lam"
+++
`, []string{"content/journeys/buy.md:3:1: unknown persona \"chi-lam\" (did you mean \"chi-lan\"?)\n\thint: a persona is named by its file name in content/personas/ without .md: chi-lan (chị-lan.md), lan"}},
		{"a key of the journey after its stages", `
-- content/journeys/buy.md --
+++
title = "Buying"
persona = "lan"

[[stage]]
name = "Find"
emotion = 3

  [[stage.metric]]
  name = "CSAT"
  value = 3

last_reviewed = 2026-10-01
+++
`, []string{"content/journeys/buy.md:13:1: \"last_reviewed\" belongs to the front matter itself, but comes after a table header, so it was read as a key of [[stage.metric]] (line 9)\n\thint: move it above the first [table] or [[table]]"}},
		{"a stage's touchpoint before any stage", `
-- content/journeys/buy.md --
+++
title = "Buying"
persona = "lan"

  [[stage.touchpoint]]
  name = "App"

[[stage]]
name = "Find"
+++
`, []string{"content/journeys/buy.md:5:3: [[stage.touchpoint]] comes before any [[stage]]: it must follow the [[stage]] it is part of (TOML: key 'stage' was already created and cannot be used as an array)\n\thint: move it below its [[stage]]"}},
		{"toml syntax", `
-- content/journeys/buy.md --
+++
title = "Buying"
persona = lan
+++
`, []string{"content/journeys/buy.md:3:11: toml: expected value"}},
		{"an empty title and an age out of range", `
-- content/personas/lan.md --
+++
name = ""
age = 200
+++
`, []string{"content/personas/lan.md:2:1: name must not be empty", "content/personas/lan.md:3:1: age must be between 0 and 150, not 200"}},
		{"a body not in UTF-8", "\n-- content/guides/method.md --\n+++\ntitle = \"Method\"\n+++\nFirst line.\nH\xe0nh tr\xecnh in Windows-1258.\n",
			[]string{"content/guides/method.md:5:2: the text is not UTF-8"}},
		{"two templates with one slug", `
-- templates/Workshop.md --
+++
title = "Workshop"
[[stage]]
name = "A"
+++
-- templates/workshop.md --
+++
title = "Workshop, again"
[[stage]]
name = "A"
+++
`, []string{`templates/workshop.md:1:1: duplicate slug "workshop": templates/Workshop.md has the same URL /templates/workshop/`}},
		{"a persona file with no front matter", `
-- content/personas/lan.md --
Lan's story, with no front matter.
`, []string{"content/personas/lan.md:1:1:"}},
		{"unknown arrays of tables", `
-- content/journeys/buy.md --
+++
title = "Buying"
persona = "lan"
[[stage]]
name = "A"
[[stage.touchpointz]]
name = "x"
[[bar]]
x = 1
+++
`, []string{
			`content/journeys/buy.md:6:1: unknown key "touchpointz" (did you mean "touchpoint"?)`,
			`content/journeys/buy.md:8:1: unknown key "bar"`,
		}},
		{"a time of day for a date", `
-- content/journeys/buy.md --
+++
title = "Buying"
persona = "lan"
last_reviewed = 07:32:00
[[stage]]
name = "A"
+++
`, []string{`content/journeys/buy.md:4:1: last_reviewed must be a date, not a time of day`}},
		{"cname that is not a domain", `
-- waymark.toml --
title = "Test handbook"
base_url = "https://example.org/handbook/"
cname = "cx.example.com\nevil.example.com"
`, []string{`waymark.toml:3:1: cname must be a domain name, not "cx.example.com\nevil.example.com"`}},
		{"numbers that are not finite", `
-- waymark.toml --
title = "Test handbook"
base_url = "https://example.org/handbook/"
drop_off_alert = nan
-- content/journeys/buy.md --
+++
title = "Buying"
persona = "lan"
[[stage]]
name = "A"
emotion = nan
drop_off = inf
[[stage.touchpoint]]
name = "App"
emotion = -inf
[[stage.metric]]
name = "NPS"
value = nan
[[stage]]
name = "B"
emotion = { lan = nan }
+++
`, []string{
			"waymark.toml:3:1: drop_off_alert must be a finite number, not NaN",
			"content/journeys/buy.md:6:1: emotion must be between 1 and 5, not NaN",
			"content/journeys/buy.md:7:1: drop_off must be a finite number, not +Inf\n\thint: write it as drop_off = 0.35",
			"content/journeys/buy.md:10:1: emotion must be a finite number, not -Inf",
			"content/journeys/buy.md:13:1: value must be a finite number, not NaN",
			"content/journeys/buy.md:16:13: emotion must be between 1 and 5, not NaN",
		}},
		{"unknown key", `
-- content/journeys/buy.md --
+++
titel = "Buying"
title = "Buying"
+++
`, []string{`content/journeys/buy.md:2:1: unknown key "titel" (did you mean "title"?)`}},
		{"unknown key in a stage", `
-- content/journeys/buy.md --
+++
title = "Buying"
[[stage]]
name = "A"
[[stage]]
name = "B"
emoton = 3
+++
`, []string{`content/journeys/buy.md:7:1: unknown key "emoton" (did you mean "emotion"?)`}},
		{"missing required key", `
-- content/journeys/buy.md --
+++
summary = "no title"
[[stage]]
name = "A"
[[stage]]
description = "no name"
+++
`, []string{`content/journeys/buy.md:2:1: missing required key "title"`, `content/journeys/buy.md:5:1: missing required key "name"`}},
		{"missing persona name", `
-- content/personas/lan.md --
+++
role = "x"
+++
`, []string{`content/personas/lan.md:2:1: missing required key "name"`}},
		{"emotion out of range in the second of three stages", `
-- content/journeys/buy.md --
+++
title = "Buying"
persona = "lan"
[[stage]]
name = "A"
emotion = 4
[[stage]]
name = "B"
emotion = 9
[[stage]]
name = "C"
emotion = 2
+++
`, []string{"content/journeys/buy.md:9:1: emotion must be between 1 and 5, not 9"}},
		{"emotion for a persona not in the journey", `
-- content/journeys/buy.md --
+++
title = "Buying"
personas = ["lan", "minh"]
[[stage]]
name = "A"
emotion = { lan = 4, mihn = 2 }
+++
`, []string{`content/journeys/buy.md:6:22: emotion for "mihn", who is not a persona of this journey`}},
		{"drop-off out of range", `
-- content/journeys/buy.md --
+++
title = "Buying"
[[stage]]
name = "A"
drop_off = 35
+++
`, []string{"content/journeys/buy.md:5:1: drop_off must be between 0 and 1, not 35"}},
		{"unknown persona", `
-- content/journeys/buy.md --
+++
title = "Buying"
persona = "lna"
+++
`, []string{`content/journeys/buy.md:3:1: unknown persona "lna" (did you mean "lan"?)`}},
		{"unknown persona in a list", `
-- content/journeys/buy.md --
+++
title = "Buying"
personas = ["lan", "mihn"]
+++
`, []string{`content/journeys/buy.md:3:20: unknown persona "mihn" (did you mean "minh"?)`}},
		{"unknown compare", `
-- content/journeys/buy-future.md --
+++
title = "Buying, to be"
type = "future-state"
compare = "bye"
+++
`, []string{`content/journeys/buy-future.md:4:1: compare names unknown journey "bye" (did you mean "buy"?)`}},
		{"unknown type", `
-- content/journeys/buy.md --
+++
title = "Buying"
type = "curent-state"
+++
`, []string{`content/journeys/buy.md:3:1: unknown type "curent-state" (did you mean "current-state"?)`}},
		{"duplicate slug", `
-- content/journeys/Buy.md --
+++
title = "Buying again"
+++
`, []string{`duplicate slug "buy"`}},
		{"broken internal link", `
-- content/guides/method.md --
+++
title = "Method"
+++
Intro.

See [the map](/journeys/by/) and [Lan](../personas/lna.md).
`, []string{`content/guides/method.md:6:5: broken internal link "/journeys/by/"`, `content/guides/method.md:6:34: broken internal link "../personas/lna.md"`}},
		{"bad item status and severity", `
-- content/journeys/buy.md --
+++
title = "Buying"
[[stage]]
name = "A"
pain_points = ["ok", { text = "Slow", status = "opne", severity = 5 }]
+++
`, []string{`content/journeys/buy.md:5:39: unknown status "opne" (did you mean "open"?)`, `content/journeys/buy.md:5:56: severity must be 1, 2 or 3, not 5`}},
		{"bad touchpoint kind", `
-- content/journeys/buy.md --
+++
title = "Buying"
[[stage]]
name = "A"
  [[stage.touchpoint]]
  name = "Ad"
  kind = "digitl"
+++
`, []string{`content/journeys/buy.md:7:3: unknown kind "digitl" (did you mean "digital"?)`}},
		{"no front matter", `
-- content/guides/method.md --
# Method
`, []string{`content/guides/method.md:1:1: missing front matter`}},
		{"bad config", `
-- waymark.toml --
title = "Test"
languge = "vi"
drop_off_alert = 3
`, []string{`waymark.toml:2:1: unknown key "languge" (did you mean "language"?)`, `waymark.toml:3:1: drop_off_alert must be between 0 and 1, not 3`}},
		{"negative hub_limit", `
-- waymark.toml --
title = "Test"
hub_limit = -5
`, []string{`waymark.toml:2:1: hub_limit must not be negative, not -5`}},
		{"hub_limit not a whole number", `
-- waymark.toml --
title = "Test"
hub_limit = 2.5
`, []string{`waymark.toml:2:1: hub_limit must be a whole number, not the number 2.5`}},
		{"missing avatar", `
-- content/personas/lan.md --
+++
name = "Lan"
avatar = "img/lan.png"
+++
`, []string{`content/personas/lan.md:3:1: avatar "img/lan.png" is not a file under static/`}},
		{"stage images: a missing file, a missing alt text, an alt text alone", `
-- content/journeys/buy.md --
+++
title = "Buying"
persona = "lan"
cover = "img/cover.png"
cover_alt = "The team's wall"

[[stage]]
name = "Awareness"
image = "img/ad.png"

[[stage]]
name = "Decision"
image_alt = "A cart"
+++
`, []string{
			`content/journeys/buy.md:4:1: cover "img/cover.png" is not a file under static/`,
			`content/journeys/buy.md:9:1: image "img/ad.png" has no image_alt`,
			`content/journeys/buy.md:9:1: image "img/ad.png" is not a file under static/`,
			`content/journeys/buy.md:13:1: image_alt without image`,
		}},
		{"a syntax error and a broken link in another file", `
-- content/journeys/buy.md --
+++
title = "Buying
+++
-- content/guides/method.md --
+++
title = "Method"
+++
[Buying](/journeys/buy/) is unreadable but exists; [this](/nope/) does not.
`, []string{"content/journeys/buy.md:2:", `content/guides/method.md:4:52: broken internal link "/nope/"`}},
		{"a broken relative link", `
-- content/guides/tips.md --
+++
title = "Tips"
+++
Read [the method](../method/) and [Lan](../../personas/lan/), not [this](../nope/).
`, []string{`content/guides/tips.md:4:67: broken internal link "../nope/"`}},
		{"a mistake in one journey and a broken link in another's notes", `
-- content/journeys/buy.md --
+++
title = "Buying"
[[stage]]
name = "A"
emotion = 9
+++
-- content/journeys/return.md --
+++
title = "Returning"
+++
See [buying](/journeys/buy/) and [this](/journeys/nope/).
`, []string{"content/journeys/buy.md:5:1: emotion must be between 1 and 5, not 9",
			`content/journeys/return.md:4:34: broken internal link "/journeys/nope/"`}},
		{"several files at once", `
-- content/personas/lan.md --
+++
name = "Lan"
age = "old"
+++
-- content/journeys/buy.md --
+++
title = "Buying"
persona = "lan"
[[stage]]
name = "A"
emotion = 0
drop_off = -1
+++
`, []string{`content/personas/lan.md:3:1: age must be a whole number, not the string "old"`,
			"content/journeys/buy.md:6:1: emotion must be between 1 and 5, not 0",
			"content/journeys/buy.md:7:1: drop_off must be between 0 and 1, not -1"}},
	}
}

// TestMistakes breaks a built site one way at a time and checks that the
// build reports each mistake at its line, and leaves the previous output
// exactly as it was.
func TestMistakes(t *testing.T) {
	for _, m := range mistakes() {
		t.Run(m.name, func(t *testing.T) {
			src := t.TempDir()
			writeTxtar(t, src, goodSite)
			if _, err := buildDir(t, src); err != nil {
				t.Fatalf("the good site does not build: %v", err)
			}
			before := treeHash(t, filepath.Join(src, "public"))
			writeTxtar(t, src, m.files)
			_, err := buildDir(t, src)
			var list *diag.Errors
			if !errors.As(err, &list) {
				t.Fatalf("want *diag.Errors, got %v", err)
			}
			msg := err.Error()
			for _, w := range m.want {
				if !strings.Contains(msg, w) {
					t.Errorf("missing error %q in:\n%s", w, msg)
				}
			}
			if len(list.List) != len(m.want) {
				t.Errorf("got %d errors, want %d:\n%s", len(list.List), len(m.want), msg)
			}
			for _, e := range list.List {
				if e.Line == 0 || e.Hint == "" && !strings.Contains(e.Msg, "did you mean") {
					t.Errorf("error without line or hint: %q", e.Error())
				}
			}
			if after := treeHash(t, filepath.Join(src, "public")); !maps.Equal(before, after) {
				t.Errorf("a failed build changed the output")
			}
			entries, _ := os.ReadDir(src)
			for _, e := range entries {
				if strings.HasPrefix(e.Name(), ".waymark-") {
					t.Errorf("temporary folder %s left behind", e.Name())
				}
			}
		})
	}
}

// TestVietnameseSite builds a site with language = "vi": the UI strings,
// the page language and the dates are Vietnamese.
func TestVietnameseSite(t *testing.T) {
	src := t.TempDir()
	writeTxtar(t, src, goodSite)
	writeTxtar(t, src, `
-- waymark.toml --
title = "Sổ tay trải nghiệm khách hàng"
language = "vi"
base_url = "https://example.org/so-tay/"
`)
	if _, err := buildDir(t, src); err != nil {
		t.Fatal(err)
	}
	page, err := os.ReadFile(filepath.Join(src, "public/journeys/buy/index.html"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`lang="vi"`, "Chân dung khách hàng", "ngày 1 tháng 11 năm 2026", `href="/so-tay/personas/lan/"`} {
		if !strings.Contains(string(page), want) {
			t.Errorf("the Vietnamese journey page lacks %q", want)
		}
	}
}

// TestCompareBothWays: a compare set on one journey (buy-future names
// buy) links both: the other one's "Compared with" fact and side-by-side
// card come from the back-link alone. buy's body, which links to
// buy-future too, is left out of the check.
func TestCompareBothWays(t *testing.T) {
	src := t.TempDir()
	writeTxtar(t, src, goodSite)
	if _, err := buildDir(t, src); err != nil {
		t.Fatal(err)
	}
	for page, want := range map[string]string{
		"public/journeys/buy/index.html":        `<dt>Compared with</dt><dd><a href="/handbook/journeys/buy-future/">Buying, to be</a>`,
		"public/journeys/buy-future/index.html": `<dt>Compared with</dt><dd><a href="/handbook/journeys/buy/">Buying</a>`,
	} {
		b, err := os.ReadFile(filepath.Join(src, page))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(b), want) {
			t.Errorf("%s lacks %s", page, want)
		}
		if !strings.Contains(string(b), `class="compare-card"`) {
			t.Errorf("%s has no side-by-side card", page)
		}
	}
}
