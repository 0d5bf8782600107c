package generator

import (
	"context"
	"io/fs"
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
		// A large handbook's journeys are let go once decoded, and read
		// again once for their page and their download: the same site.
		c := newCountingFS(os.DirFS(dir))
		released := output.NewMemory()
		opts := testOptions(dir)
		opts.Source, opts.Output, opts.releaseAbove = c, released, 1
		if _, err := Build(context.Background(), opts); err != nil {
			t.Fatal(err)
		}
		var journeys int
		for name, n := range c.reads {
			want := 1
			if strings.HasPrefix(name, "content/journeys/journey-") {
				want = 2
				journeys++
			}
			if n != want {
				t.Errorf("%s read %d times, want %d", name, n, want)
			}
		}
		if journeys != 30 {
			t.Errorf("%d journeys read, want 30", journeys)
		}
		full := output.NewMemory()
		opts = testOptions(dir)
		opts.Output = full
		if _, err := Build(context.Background(), opts); err != nil {
			t.Fatal(err)
		}
		if got, want := manifest(released.Files()), manifest(full.Files()); !slices.Equal(got, want) {
			t.Error("the build that let the journeys go differs from the one that kept them")
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
			{"nothing changed, though the edit was moments ago", func() {}, true, 1},
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
