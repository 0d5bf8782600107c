package generator

import (
	"bytes"
	"context"
	"io"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/waymark-cx/waymark/generator/output"
	"github.com/waymark-cx/waymark/generator/plan"
)

// tool finds an external checker: $env, else the copy .ci/run installs
// under ~/.cache/waymark-npm, else the PATH. Without it the test is
// skipped, unless WAYMARK_REQUIRE_TOOLS=1 (as in CI) makes that a failure.
func tool(t *testing.T, env, name string) string {
	t.Helper()
	if p := os.Getenv(env); p != "" {
		return p
	}
	if home, err := os.UserHomeDir(); err == nil {
		p := filepath.Join(home, ".cache", "waymark-npm", "node_modules", ".bin", name)
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	if p, err := exec.LookPath(name); err == nil {
		return p
	}
	if os.Getenv("WAYMARK_REQUIRE_TOOLS") == "1" {
		t.Fatalf("%s not found and WAYMARK_REQUIRE_TOOLS=1: run .ci/run, or npm install it and set %s", name, env)
	}
	t.Skipf("%s not found (npm install html-validate@9, or set %s); WAYMARK_REQUIRE_TOOLS=1 makes this a failure", name, env)
	return ""
}

// buildExampleDir builds the example handbook into a folder.
func buildExampleDir(t *testing.T, baseURL string) string {
	t.Helper()
	dest := filepath.Join(t.TempDir(), "public")
	opts := testOptions("..")
	opts.BaseURL = baseURL
	if _, err := BuildDir(context.Background(), opts, "..", dest); err != nil {
		t.Fatal(err)
	}
	return dest
}

// TestHTMLValid validates every page of the example handbook with
// html-validate's standard rules. One rule is off: no-raw-characters
// wants ">" in text written as "&gt;", which HTML does not require and
// the minifier undoes on purpose.
func TestHTMLValid(t *testing.T) {
	bin := tool(t, "WAYMARK_HTML_VALIDATE", "html-validate")
	dest := buildExampleDir(t, "https://example.org/cx-handbook/")
	var pages []string
	filepath.WalkDir(dest, func(p string, d os.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(p, ".html") {
			pages = append(pages, p)
		}
		return nil
	})
	if len(pages) < 20 {
		t.Fatalf("only %d pages", len(pages))
	}
	cfg, _ := filepath.Abs("testdata/htmlvalidate.json")
	out, err := exec.Command(bin, append([]string{"--config", cfg, "--formatter", "text"}, pages...)...).CombinedOutput()
	if err != nil {
		t.Errorf("html-validate found errors (%v):\n%s", err, out)
	}
}

// TestServedUnderSubPath serves a build under its base path, as GitHub
// Pages does for a project site, and crawls it from the home page: every
// internal link, image, script, stylesheet and download must answer 200.
func TestServedUnderSubPath(t *testing.T) {
	const prefix = "/cx-handbook/"
	dest := buildExampleDir(t, "https://example.org"+prefix)
	mux := http.NewServeMux()
	mux.Handle(prefix, http.StripPrefix(strings.TrimSuffix(prefix, "/"), http.FileServer(http.Dir(dest))))
	srv := httptest.NewServer(mux)
	defer srv.Close()
	attr := regexp.MustCompile(`(?:href|src)="([^"]*)"`)
	seen := map[string]bool{prefix: true}
	queue := []string{prefix}
	for len(queue) > 0 {
		u := queue[0]
		queue = queue[1:]
		resp, err := http.Get(srv.URL + u)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			t.Errorf("GET %s: %d", u, resp.StatusCode)
			continue
		}
		if !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/html") {
			continue
		}
		for _, m := range attr.FindAllStringSubmatch(string(body), -1) {
			link, _, _ := strings.Cut(strings.ReplaceAll(m[1], "&amp;", "&"), "#")
			link, _, _ = strings.Cut(link, "?")
			if link == "" || strings.Contains(link, "://") || strings.HasPrefix(link, "mailto:") || strings.HasPrefix(link, "data:") {
				continue
			}
			if !strings.HasPrefix(link, prefix) {
				t.Errorf("%s links %q, outside %s", u, link, prefix)
				continue
			}
			if !seen[link] {
				seen[link] = true
				queue = append(queue, link)
			}
		}
	}
	if len(seen) < 35 {
		t.Errorf("the crawl reached only %d URLs", len(seen))
	}
	// The 404 page works from any depth: its links carry the base path.
	resp, err := http.Get(srv.URL + prefix + "404.html")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if !strings.Contains(string(body), `href="`+prefix+`journeys/"`) {
		t.Error("404.html does not link the journeys list under the base path")
	}
}

// TestDirEqualsMemory: a build into a folder, which streams the search
// index and the hub's CSV files into their files (output.Creator) while
// the pages render, writes the very files a build into memory does, where
// each is made whole. The handbook is a
// synthetic one with hub_limit = 5, so that the CSV files hold more than
// the hub's pages show.
func TestDirEqualsMemory(t *testing.T) {
	src := synthLimited(t, 60, 5)
	dest := filepath.Join(t.TempDir(), "public")
	if _, err := BuildDir(context.Background(), testOptions(src), src, dest); err != nil {
		t.Fatal(err)
	}
	mem := output.NewMemory()
	opts := testOptions(src)
	opts.Output = mem
	if _, err := Build(context.Background(), opts); err != nil {
		t.Fatal(err)
	}
	files := mem.Files()
	onDisk := 0
	err := filepath.WalkDir(dest, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dest, p)
		rel = filepath.ToSlash(rel)
		if rel == output.ManifestName || rel == output.CacheName {
			return nil
		}
		onDisk++
		got, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		want, ok := files[rel]
		switch {
		case !ok:
			t.Errorf("%s: written to the folder only", rel)
		case !bytes.Equal(got, want):
			t.Errorf("%s: %d bytes in the folder, %d in memory", rel, len(got), len(want))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if onDisk != len(files) {
		t.Errorf("%d files in the folder, %d in memory", onDisk, len(files))
	}
	for _, name := range []string{plan.SearchIndexName, "pain-points/pain-points.csv", "touchpoints/touchpoints.csv", "journeys/journey-00007/journey-00007.json"} {
		if len(files[name]) < 100 {
			t.Errorf("%s: missing or nearly empty (%d bytes)", name, len(files[name]))
		}
	}
}
