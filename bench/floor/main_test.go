package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/waymark-cx/waymark/bench/synth"
)

// The reference program writes one minified page a journey, with the
// title from the front matter and the body converted.
func TestRun(t *testing.T) {
	src, dst := t.TempDir(), filepath.Join(t.TempDir(), "out")
	if err := synth.Write(src, 20); err != nil {
		t.Fatal(err)
	}
	n, err := run(src, dst)
	if err != nil {
		t.Fatal(err)
	}
	if n != 20 {
		t.Fatalf("wrote %d pages, want 20", n)
	}
	page, err := os.ReadFile(filepath.Join(dst, "journey-00007", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"<title>Journey 7</title>", "<h2>Finding 1</h2>"} {
		if !strings.Contains(string(page), want) {
			t.Errorf("page lacks %q:\n%.400s", want, page)
		}
	}
	if strings.Contains(string(page), "\n\n") {
		t.Errorf("page not minified:\n%.400s", page)
	}
}

func TestSplitRejectsNoFrontMatter(t *testing.T) {
	if _, _, ok := split([]byte("# no front matter\n")); ok {
		t.Error("split accepted a file without +++")
	}
	front, body, ok := split([]byte("+++\ntitle = \"x\"\n+++\nbody\n"))
	if !ok || string(front) != "title = \"x\"\n" || string(body) != "body\n" {
		t.Errorf("split = %q, %q, %v", front, body, ok)
	}
}
