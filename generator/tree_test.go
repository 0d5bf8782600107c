package generator

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/waymark-cx/waymark/bench/synth"
	"github.com/waymark-cx/waymark/generator/output"
)

// TestWholeTree builds the example handbook, and a synthetic one, and
// compares every file written with testdata/tree: a manifest of each
// file's size and SHA-256. It holds the output still while the generator
// is reshaped: nothing a reader sees may change by accident. When a change
// is meant, run go test ./generator -run TestWholeTree -update and review
// which files the manifest's diff names (TestGolden shows the pages).
func TestWholeTree(t *testing.T) {
	t.Run("example", func(t *testing.T) {
		_, files := buildExample(t, "")
		compareTree(t, files, "example.txt")
	})
	t.Run("example-subpath", func(t *testing.T) {
		_, files := buildExample(t, "https://cx.example.org/handbook/")
		compareTree(t, files, "example-subpath.txt")
	})
	t.Run("synthetic", func(t *testing.T) {
		dir := t.TempDir()
		if err := synth.Write(dir, 120); err != nil {
			t.Fatal(err)
		}
		out := output.NewMemory()
		opts := testOptions(dir)
		opts.Output = out
		if _, err := Build(context.Background(), opts); err != nil {
			t.Fatal(err)
		}
		compareTree(t, out.Files(), "synthetic-120.txt")
	})
}

// manifest is one line a file: path, size, SHA-256, sorted by path.
func manifest(files map[string][]byte) []string {
	lines := make([]string, 0, len(files))
	for name, b := range files {
		sum := sha256.Sum256(b)
		lines = append(lines, name+" "+strconv.Itoa(len(b))+" "+hex.EncodeToString(sum[:12]))
	}
	slices.Sort(lines)
	return lines
}

func compareTree(t *testing.T, files map[string][]byte, name string) {
	t.Helper()
	got := manifest(files)
	path := filepath.Join("testdata", "tree", name)
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(strings.Join(got, "\n")+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatalf("%v (run go test ./generator -run TestWholeTree -update to create it)", err)
	}
	defer f.Close()
	want := map[string]string{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		file, rest, _ := strings.Cut(sc.Text(), " ")
		want[file] = rest
	}
	have := map[string]string{}
	for _, l := range got {
		file, rest, _ := strings.Cut(l, " ")
		have[file] = rest
	}
	var diffs []string
	for file, w := range want {
		switch h, ok := have[file]; {
		case !ok:
			diffs = append(diffs, "missing: "+file)
		case h != w:
			diffs = append(diffs, "changed: "+file)
		}
	}
	for file := range have {
		if _, ok := want[file]; !ok {
			diffs = append(diffs, "new: "+file)
		}
	}
	if len(diffs) > 0 {
		slices.Sort(diffs)
		if len(diffs) > 40 {
			diffs = append(diffs[:40], "… and "+strconv.Itoa(len(diffs)-40)+" more")
		}
		t.Errorf("the built tree differs from %s (%d files):\n%s", path, len(have), strings.Join(diffs, "\n"))
	}
}
