// Package sitetest checks what readers of a built handbook see, in a real
// headless Chromium: accessibility (axe-core's WCAG 2.1 A and AA rules in
// light and dark colour schemes, table and chart structure, focus, skip
// link, keyboard order), print (journeys as a landscape poster, personas on
// one page), phones (no sideways scrolling at 375 px) and both UI
// languages. Every page kind of the example handbook is covered; Pages
// names them.
//
// This file holds the helpers: building the example into memory in a
// given language and serving it under a sub-path, as on GitHub Pages. The
// tests are in the _test.go files; they share one browser and one build
// per language. Without Chromium or axe-core they are skipped, unless
// WAYMARK_REQUIRE_BROWSER=1 (as in CI), which makes that a failure.
package sitetest

import (
	"context"
	"fmt"
	"io/fs"
	"mime"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"testing/fstest"
	"time"

	"github.com/waymark-cx/waymark"
	"github.com/waymark-cx/waymark/generator"
	"github.com/waymark-cx/waymark/generator/output"
	"github.com/waymark-cx/waymark/themes"
)

// Base is the path the site is served under in the tests: a sub-path, as
// on GitHub Pages, so that a link that forgets the base path breaks.
const Base = "/waymark/"

// A Page is one page of the example handbook that stands for its kind.
type Page struct {
	Kind string // a short name, used in test and file names
	Path string // below Base: "" is the home page
	// Bare pages are print views: no site header, navigation or skip link.
	Bare bool
}

// Pages lists one page of every kind the default theme renders, and the
// journeys whose layout differs: two personas, a service blueprint, a
// Vietnamese journey, seven stages (more than fit a laptop's screen). TestEveryKindCovered fails when the theme renders a
// kind of page that is not here.
func Pages() []Page {
	return []Page{
		{"home", "", false},
		{"personas", "personas/", false},
		{"persona", "personas/lan/", false},
		{"persona-initials", "personas/sarah/", false},
		{"journeys", "journeys/", false},
		{"journey", "journeys/buying-on-the-marketplace/", false},
		{"journey-two-personas", "journeys/mega-sale-11-11/", false},
		{"journey-blueprint", "journeys/merchant-onboarding-blueprint/", false},
		{"journey-vi", "journeys/hanh-trinh-dat-hang-va-doi-tra/", false},
		{"journey-seven-stages", "journeys/a-day-in-hanhs-shop/", false},
		{"journey-print", "journeys/buying-on-the-marketplace/print/", true},
		{"journey-blueprint-print", "journeys/merchant-onboarding-blueprint/print/", true},
		{"section", "guides/", false},
		{"page", "guides/stage-models/", false},
		{"page-reference", "docs/format/", false},
		{"templates", "templates/", false},
		{"template-poster", "templates/current-state-b2b/poster/", true},
		{"hub", "hub/", false},
		{"touchpoints", "touchpoints/", false},
		{"matrix", "matrix/", false},
		{"metrics", "metrics/", false},
		{"priorities", "priorities/", false},
		{"research-list", "research/", false},
		{"research", "research/shopper-interviews-aug-2026/", false},
		{"pain-points", "pain-points/", false},
		{"owners", "owners/", false},
		{"owner", "owners/b2b-growth-team/", false},
		{"tags", "tags/", false},
		{"tag", "tags/2027/", false},
		{"compare", "compare/buying-on-the-marketplace-vs-buying-on-the-marketplace-future/", false},
		{"search", "search/", false},
		{"404", "no-such-page/", false},
	}
}

// Now is the clock of the test builds, so that review badges do not change
// with the day the tests run.
func Now() time.Time { return time.Date(2026, 11, 24, 12, 0, 0, 0, time.UTC) }

var languageRE = regexp.MustCompile(`(?m)^language\s*=.*$`)

// Build builds the example handbook into memory with the UI language lang
// ("en" or "vi"), for base URL https://handbook.example/waymark/. Its
// templates/ folder holds the blank maps, as in the golden tests.
func Build(ctx context.Context, lang string) (map[string][]byte, error) {
	return BuildWith(ctx, lang, "")
}

// BuildWith is Build with extra top-level settings put at the start of
// waymark.toml, such as "hub_limit = 1\n".
func BuildWith(ctx context.Context, lang, settings string) (map[string][]byte, error) {
	return BuildFiles(ctx, lang, settings, nil)
}

// BuildFiles is BuildWith with extra files added to the example (by path
// below the site's root, such as "content/journeys/long.md").
func BuildFiles(ctx context.Context, lang, settings string, extra map[string]string) (map[string][]byte, error) {
	src := fstest.MapFS{}
	err := fs.WalkDir(waymark.Example(), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(waymark.Example(), p)
		src[p] = &fstest.MapFile{Data: b, Mode: 0o644}
		return err
	})
	if err != nil {
		return nil, err
	}
	for p, text := range extra {
		src[p] = &fstest.MapFile{Data: []byte(text), Mode: 0o644}
	}
	toml := src["waymark.toml"]
	if toml == nil || !languageRE.Match(toml.Data) {
		return nil, fmt.Errorf("waymark.toml of the example has no language line")
	}
	toml.Data = languageRE.ReplaceAll(toml.Data, []byte(fmt.Sprintf("language = %q", lang)))
	toml.Data = append([]byte(settings), toml.Data...)
	out := output.NewMemory()
	_, err = generator.Build(ctx, generator.Options{
		Source:  src,
		Output:  out,
		Themes:  themes.Get,
		BaseURL: "https://handbook.example" + Base,
		Now:     Now,
	})
	if err != nil {
		return nil, err
	}
	return out.Files(), nil
}

// Handler serves built files under Base, as a static host does: a folder's
// index.html for a path ending in "/", and 404.html with status 404 for a
// missing file. Extra files (such as axe-core) are served at their names
// under /_test/.
func Handler(files map[string][]byte, extra map[string][]byte) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if name, ok := strings.CutPrefix(r.URL.Path, "/_test/"); ok {
			if b, ok := extra[name]; ok {
				serve(w, name, b, http.StatusOK)
				return
			}
		}
		name, ok := strings.CutPrefix(r.URL.Path, Base)
		if !ok {
			http.Redirect(w, r, Base, http.StatusFound)
			return
		}
		if name == "" || strings.HasSuffix(name, "/") {
			name += "index.html"
		}
		if b, ok := files[name]; ok {
			serve(w, name, b, http.StatusOK)
			return
		}
		serve(w, "404.html", files["404.html"], http.StatusNotFound)
	})
}

func serve(w http.ResponseWriter, name string, b []byte, status int) {
	ct := mime.TypeByExtension(path.Ext(name))
	if ct == "" {
		ct = "application/octet-stream"
	}
	w.Header().Set("Content-Type", ct)
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	w.Write(b)
}

// AxePath finds axe-core's axe.min.js: $WAYMARK_AXE, else where .ci/run
// installs it, $HOME/.cache/waymark-npm/node_modules/axe-core/axe.min.js.
// It returns "" when there is none.
func AxePath() string {
	if p := os.Getenv("WAYMARK_AXE"); p != "" {
		return p
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return ""
	}
	p := filepath.Join(home, ".cache", "waymark-npm", "node_modules", "axe-core", "axe.min.js")
	if _, err := os.Stat(p); err != nil {
		return ""
	}
	return p
}

// LongJourney writes a journey of n stages, for Lan and Minh, with
// every lane filled as densely as the example's journeys fill theirs: for
// the layouts of maps longer than the example's.
func LongJourney(title string, n int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "+++\ntitle = %q\npersonas = [\"lan\", \"minh\"]\ntype = \"current-state\"\n", title)
	b.WriteString("summary = \"A long journey, to check how a map of many stages reads on screen and on paper.\"\n")
	b.WriteString("goal = \"Get what she came for without thinking about the steps.\"\nowner = \"Test team\"\nlast_reviewed = 2026-11-01\n")
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&b, "\n[[stage]]\nname = \"Step %d of the way\"\n", i)
		b.WriteString("description = \"What happens at this step, in a sentence or two, as the team wrote it down in the workshop.\"\n")
		fmt.Fprintf(&b, "duration = \"%d days\"\nemotion = { lan = %d, minh = %d }\nfeeling = \"Feeling %d\"\n", i, 1+i%5, 1+(i+2)%5, i)
		fmt.Fprintf(&b, "drop_off = 0.%02d\n", 5+i*3)
		b.WriteString("actions = [\"Opens the app and looks for the order\", \"Asks a colleague what they did last time\"]\n")
		b.WriteString("thoughts = [\"Why does this take so long?\"]\n")
		b.WriteString("questions = [\"Who do I ask when it goes wrong?\"]\n")
		b.WriteString("pain_points = [{ text = \"The status page says nothing useful\", severity = 2, status = \"open\" }]\n")
		b.WriteString("opportunities = [\"Say what happens next, and when\"]\n")
		b.WriteString("\n  [[stage.touchpoint]]\n  name = \"Order page\"\n  channel = \"Mobile app\"\n  kind = \"digital\"\n  owner = \"Product\"\n  emotion = 3\n")
		b.WriteString("  description = \"The order's status and what to do about it.\"\n")
		b.WriteString("\n  [[stage.metric]]\n  name = \"CSAT\"\n  value = 71\n  target = 80\n  unit = \"%\"\n  higher_is_better = true\n")
	}
	b.WriteString("+++\nNotes of the long journey.\n")
	return b.String()
}
