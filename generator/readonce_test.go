package generator

import (
	"context"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/waymark-cx/waymark/bench/synth"
	"github.com/waymark-cx/waymark/generator/output"
)

// countingFS counts how often each regular file is opened or read whole
// through it.
type countingFS struct {
	fs.FS
	mu    sync.Mutex
	reads map[string]int
}

func newCountingFS(fsys fs.FS) *countingFS { return &countingFS{FS: fsys, reads: map[string]int{}} }

func (c *countingFS) Open(name string) (fs.File, error) {
	f, err := c.FS.Open(name)
	if err == nil {
		if info, serr := f.Stat(); serr == nil && info.Mode().IsRegular() {
			c.count(name)
		}
	}
	return f, err
}

func (c *countingFS) ReadFile(name string) ([]byte, error) {
	b, err := fs.ReadFile(c.FS, name)
	if err == nil {
		c.count(name)
	}
	return b, err
}

func (c *countingFS) Stat(name string) (fs.FileInfo, error) { return fs.Stat(c.FS, name) }

func (c *countingFS) ReadDir(name string) ([]fs.DirEntry, error) { return fs.ReadDir(c.FS, name) }

func (c *countingFS) count(name string) {
	c.mu.Lock()
	c.reads[name]++
	c.mu.Unlock()
}

// twice lists the files read more than once, with their counts.
func (c *countingFS) twice() []string {
	var out []string
	for name, n := range c.reads {
		if n > 1 {
			out = append(out, name+" ×"+string(rune('0'+min(n, 9))))
		}
	}
	slices.Sort(out)
	return out
}

// TestReadOnce: a build reads each file of the site once, whether it
// builds into memory, into a folder, or finds nothing changed.
func TestReadOnce(t *testing.T) {
	dir := t.TempDir()
	if err := synth.Write(dir, 30); err != nil {
		t.Fatal(err)
	}
	// A stage image, whose size the page gives: read once too.
	j2 := filepath.Join(dir, filepath.FromSlash(synth.JourneyPath(2)))
	text, err := os.ReadFile(j2)
	if err != nil {
		t.Fatal(err)
	}
	text = []byte(strings.Replace(string(text), "[[stage]]\n", "[[stage]]\nimage = \"img/sketch.svg\"\nimage_alt = \"A sketch\"\n", 1))
	if err := os.WriteFile(j2, text, 0o644); err != nil {
		t.Fatal(err)
	}
	writeTxtar(t, dir, `
-- content/_index.md --
+++
title = "Home"
+++
See [journey 3](/journeys/journey-00003/).
-- content/guides/method.md --
+++
title = "Method"
+++
Read [the first journey](../journeys/journey-00001.md).
-- static/css/site.css --
body { margin: 0 }
-- static/img/sketch.svg --
<svg xmlns="http://www.w3.org/2000/svg" width="320" height="180"></svg>
-- templates/blank.md --
+++
title = "Blank"
[[stage]]
name = "Aware"
+++
-- i18n/en.toml --
"nav.hub" = "Overview"
`)
	check := func(t *testing.T, c *countingFS, want int) { // a build into memory
		t.Helper()
		if twice := c.twice(); len(twice) > 0 {
			t.Errorf("files read more than once: %s", strings.Join(twice, ", "))
		}
		if len(c.reads) < want {
			t.Errorf("%d files read, want at least %d", len(c.reads), want)
		}
	}
	t.Run("memory", func(t *testing.T) {
		c := newCountingFS(os.DirFS(dir))
		opts := testOptions(dir)
		opts.Source, opts.Output = c, output.NewMemory()
		if _, err := Build(context.Background(), opts); err != nil {
			t.Fatal(err)
		}
		check(t, c, 36)
	})
	t.Run("released", func(t *testing.T) {
		// A large handbook's journeys are let go once decoded, keeping
		// what their pages and downloads still need: still read once, and
		// the same site, into memory (which keeps the whole file for the
		// .md download), into a folder (which writes it as read) or in a
		// check (which makes no downloads).
		full := output.NewMemory()
		opts := testOptions(dir)
		opts.Output = full
		if _, err := NewBuilder(opts).Build(context.Background(), nil); err != nil { // keeps every text
			t.Fatal(err)
		}
		want := manifest(full.Files())
		for _, into := range []string{"memory", "folder", "check"} {
			c := newCountingFS(os.DirFS(dir))
			opts := testOptions(dir)
			opts.Source, opts.releaseAbove = c, 1
			var got []string
			switch into {
			case "memory":
				mem := output.NewMemory()
				opts.Output = mem
				if _, err := Build(context.Background(), opts); err != nil {
					t.Fatal(err)
				}
				got = manifest(mem.Files())
			case "folder":
				dest := filepath.Join(t.TempDir(), "public")
				rep, err := BuildDir(context.Background(), opts, dir, dest)
				if err != nil {
					t.Fatal(err)
				}
				if rep.Files != len(want) {
					t.Errorf("into a folder: %d files counted, want %d", rep.Files, len(want))
				}
				got = manifest(readTree(t, dest))
			case "check":
				if _, err := Build(context.Background(), opts); err != nil {
					t.Fatal(err)
				}
			}
			var journeys int
			for name, n := range c.reads {
				if strings.HasPrefix(name, "content/journeys/journey-") {
					journeys++
				}
				if n != 1 {
					t.Errorf("into %s: %s read %d times, want once", into, name, n)
				}
			}
			if journeys != 30 {
				t.Errorf("into %s: %d journeys read, want 30", into, journeys)
			}
			if into != "check" && !slices.Equal(got, want) {
				t.Errorf("into %s: the build that let the journeys go differs from the one that kept them:\n%s", into, diffLines(got, want))
			}
		}
	})
	t.Run("released, failed", func(t *testing.T) {
		// A download written as read goes into the build's own folder:
		// a build that fails leaves the last one's output as it was.
		src := t.TempDir()
		if err := os.CopyFS(src, os.DirFS(dir)); err != nil {
			t.Fatal(err)
		}
		dest := filepath.Join(t.TempDir(), "public")
		opts := testOptions(src)
		opts.releaseAbove = 1
		if _, err := BuildDir(context.Background(), opts, src, dest); err != nil {
			t.Fatal(err)
		}
		before := treeHash(t, dest)
		bad := filepath.Join(src, filepath.FromSlash(synth.JourneyPath(31)))
		if err := os.WriteFile(bad, []byte(strings.Replace(synth.Journey(31, 30, ""), "emotion = ", "emotion = 9", 1)), 0o644); err != nil {
			t.Fatal(err)
		}
		if _, err := BuildDir(context.Background(), opts, src, dest); err == nil {
			t.Fatal("a journey with a mistake built")
		}
		if after := treeHash(t, dest); !maps.Equal(before, after) {
			t.Error("a failed build changed the output folder")
		}
		entries, _ := os.ReadDir(filepath.Dir(dest))
		if len(entries) != 1 {
			t.Errorf("beside the output: %d entries, want only it", len(entries))
		}
	})
	t.Run("folder", func(t *testing.T) {
		// Files saved long before a build, as a site's are: one saved
		// within moments of the last build is read again, to be sure.
		past := time.Now().Add(-time.Hour)
		err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				err = os.Chtimes(p, past, past)
			}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		dest := filepath.Join(t.TempDir(), "public")
		journey := filepath.Join(dir, filepath.FromSlash(synth.JourneyPath(3)))
		for i, step := range []struct {
			what   string
			change func()
			cached bool
			reads  int // at least
		}{
			{"first build", func() {}, false, 36},
			{"nothing changed", func() {}, true, 0},
			{"a journey saved unchanged", func() {
				if err := os.Chtimes(journey, time.Time{}, past.Add(time.Minute)); err != nil {
					t.Fatal(err)
				}
			}, true, 1},
			{"a journey edited", func() {
				if err := os.WriteFile(journey, []byte(synth.Journey(3, 30, "Edited.")), 0o644); err != nil {
					t.Fatal(err)
				}
			}, false, 36},
			{"nothing changed, though the edit was moments ago", func() {
				// The record of the last build is dated a second after
				// the edit, whatever time that build took on a busy
				// machine: a save within racyWindow of it is not
				// trusted.
				fi, err := os.Stat(journey)
				if err != nil {
					t.Fatal(err)
				}
				if err := os.Chtimes(filepath.Join(dest, output.CacheName), time.Time{}, fi.ModTime().Add(time.Second)); err != nil {
					t.Fatal(err)
				}
			}, true, 1},
		} {
			step.change()
			c := newCountingFS(os.DirFS(dir))
			opts := testOptions(dir)
			opts.Source = c
			rep, err := BuildDir(context.Background(), opts, dir, dest)
			if err != nil {
				t.Fatal(err)
			}
			if rep.Cached != step.cached {
				t.Fatalf("build %d (%s): cached %v", i+1, step.what, rep.Cached)
			}
			if twice := c.twice(); len(twice) > 0 {
				t.Errorf("build %d (%s): files read more than once: %s", i+1, step.what, strings.Join(twice, ", "))
			}
			if len(c.reads) < step.reads || step.cached && len(c.reads) != step.reads {
				t.Errorf("build %d (%s): %d files read, want %d", i+1, step.what, len(c.reads), step.reads)
			}
		}
	})
}

// readTree reads every file below dir but Waymark's own records, by
// slash path.
func readTree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		rel = filepath.ToSlash(rel)
		if strings.HasPrefix(rel, ".waymark-") {
			return nil
		}
		files[rel], err = os.ReadFile(p)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// diffLines lists the lines only one of two sorted lists has, the first
// few.
func diffLines(got, want []string) string {
	var out []string
	for _, l := range got {
		if _, found := slices.BinarySearch(want, l); !found {
			out = append(out, "+ "+l)
		}
	}
	for _, l := range want {
		if _, found := slices.BinarySearch(got, l); !found {
			out = append(out, "- "+l)
		}
	}
	return strings.Join(out[:min(len(out), 10)], "\n")
}
