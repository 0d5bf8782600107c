package generator

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/waymark-cx/waymark/generator/output"
)

const cacheSite = `
-- waymark.toml --
title = "Handbook"
-- content/personas/lan.md --
+++
name = "Lan"
+++
-- content/journeys/old.md --
+++
title = "Old map"
persona = "lan"
last_reviewed = 2026-01-10
+++
`

// A second build with nothing changed writes nothing and returns the
// first build's figures and warnings; any change to the output builds
// again.
func TestBuildDirCached(t *testing.T) {
	src := t.TempDir()
	writeTxtar(t, src, cacheSite)
	public := filepath.Join(src, "public")
	first, err := buildDir(t, src)
	if err != nil {
		t.Fatal(err)
	}
	if first.Cached || len(first.Warnings) != 1 {
		t.Fatalf("first build: cached %v, %d warnings", first.Cached, len(first.Warnings))
	}
	before := treeHash(t, public)
	second, err := buildDir(t, src)
	if err != nil {
		t.Fatal(err)
	}
	if !second.Cached || second.Rendered != 0 || second.Site != nil {
		t.Fatalf("second build: cached %v, rendered %d", second.Cached, second.Rendered)
	}
	if second.Files != first.Files || second.Journeys != first.Journeys || second.Personas != first.Personas ||
		!reflect.DeepEqual(second.Warnings, first.Warnings) {
		t.Errorf("cached report %+v, want the figures of %+v", second, first)
	}
	if after := treeHash(t, public); !reflect.DeepEqual(after, before) {
		t.Error("a build with nothing changed changed the output")
	}

	// The key is the content: a source file saved again unchanged, with a
	// new modification time, changes nothing.
	persona := filepath.Join(src, "content", "personas", "lan.md")
	if err := os.Chtimes(persona, time.Time{}, time.Now().Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	if rep, err := buildDir(t, src); err != nil || !rep.Cached {
		t.Errorf("after touching a source file: %v, cached %v", err, rep != nil && rep.Cached)
	}

	index := filepath.Join(public, "index.html")
	for _, tc := range []struct {
		what   string
		change func() error
	}{
		{"a deleted output file", func() error { return os.Remove(index) }},
		{"a touched output file", func() error {
			return os.Chtimes(index, time.Time{}, time.Now().Add(-time.Hour))
		}},
		{"a corrupt record", func() error {
			return os.WriteFile(filepath.Join(public, output.CacheName), []byte("{\n1 x"), 0o644)
		}},
		{"a missing record", func() error { return os.Remove(filepath.Join(public, output.CacheName)) }},
	} {
		if err := tc.change(); err != nil {
			t.Fatal(err)
		}
		rep, err := buildDir(t, src)
		if err != nil {
			t.Fatalf("%s: %v", tc.what, err)
		}
		if rep.Cached {
			t.Errorf("%s: the build was skipped", tc.what)
		}
		if _, err := os.Stat(index); err != nil {
			t.Errorf("%s: %v", tc.what, err)
		}
		if rep, _ := buildDir(t, src); rep == nil || !rep.Cached {
			t.Errorf("%s: the build after the rebuild was not skipped", tc.what)
		}
	}

	opts := testOptions(src)
	opts.Force = true
	rep, err := BuildDir(context.Background(), opts, src, public)
	if err != nil || rep.Cached {
		t.Errorf("Force: cached %v, %v", rep != nil && rep.Cached, err)
	}

	// Without its manifest the output is not Waymark's as far as a build
	// can tell: the cache must not hide that.
	if err := os.Remove(filepath.Join(public, output.ManifestName)); err != nil {
		t.Fatal(err)
	}
	if _, err := buildDir(t, src); err == nil {
		t.Error("a build into a folder without its manifest was skipped")
	}
}

// TestBuildDirRecordFails: a build whose record cannot be written still
// succeeds, and says that the next build will build everything again.
func TestBuildDirRecordFails(t *testing.T) {
	src := t.TempDir()
	writeTxtar(t, src, cacheSite)
	public := filepath.Join(src, "public")
	opts := testOptions(src)
	opts.writeRecord = func(*output.Dir, *record) error { return errors.New("disk full") }
	rep, err := BuildDir(context.Background(), opts, src, public)
	if err != nil {
		t.Fatalf("the build failed: %v", err)
	}
	want := filepath.Join(public, output.CacheName) + ":1:1: this build is not recorded: disk full"
	var found bool
	for _, w := range rep.Warnings {
		found = found || strings.HasPrefix(w.Error(), want) && strings.Contains(w.Hint, "the next build will build everything again")
	}
	if !found {
		t.Errorf("no warning %q in %v", want, rep.Warnings)
	}
	if _, err := os.Stat(filepath.Join(public, "index.html")); err != nil {
		t.Errorf("the build did not land: %v", err)
	}
	// Without a record, the next build builds again.
	again, err := buildDir(t, src)
	if err != nil {
		t.Fatal(err)
	}
	if again.Cached {
		t.Error("a build after one that was not recorded was taken from the cache")
	}
}
