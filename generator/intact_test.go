package generator

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"
)

// TestIntactFiles checks the look at a build's output that lets the
// next build with nothing changed skip: every file as stamped, nested
// ones too, and any change to one (its size, its time, gone, a link or a
// folder in its place) seen, as looking each up by its path sees it.
func TestIntactFiles(t *testing.T) {
	names := []string{"index.html", "journeys/a/index.html", "journeys/a/a.csv", "journeys/a/print/index.html",
		"journeys/b/index.html", "hub/index.html", "404.html"}
	setup := func(t *testing.T) (string, []stamp) {
		dest := filepath.Join(t.TempDir(), "public")
		var stamps []stamp
		for i, n := range names {
			p := filepath.Join(dest, filepath.FromSlash(n))
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, []byte(n[:1+i%len(n)]), 0o644); err != nil {
				t.Fatal(err)
			}
			fi, err := os.Stat(p)
			if err != nil {
				t.Fatal(err)
			}
			stamps = append(stamps, stamp{n, fi.Size(), fi.ModTime().UnixNano()})
		}
		return dest, stamps
	}
	dest, stamps := setup(t)
	if !intact(dest, stamps) || !byPath(dest, stamps) {
		t.Fatal("an untouched output is not intact")
	}
	nested := func(dest string) string { return filepath.Join(dest, "journeys", "a", "a.csv") }
	for _, tc := range []struct {
		what   string
		change func(dest string) error
		byPath bool // what a look by path says
	}{
		{"a nested file written again", func(d string) error { return os.WriteFile(nested(d), []byte("changed"), 0o644) }, false},
		{"a nested file touched", func(d string) error {
			return os.Chtimes(nested(d), time.Time{}, time.Now().Add(-time.Hour))
		}, false},
		{"a nested file deleted", func(d string) error { return os.Remove(nested(d)) }, false},
		{"a link in a nested file's place", func(d string) error {
			if err := os.Rename(nested(d), nested(d)+".old"); err != nil {
				return err
			}
			return os.Symlink("a.csv.old", nested(d))
		}, false},
		{"a folder in a file's place", func(d string) error {
			p := filepath.Join(d, "journeys", "b", "index.html")
			if err := os.Remove(p); err != nil {
				return err
			}
			return os.Mkdir(p, 0o755)
		}, false},
		{"a top folder moved away, a link to it in its place", func(d string) error {
			if err := os.Rename(filepath.Join(d, "journeys"), filepath.Join(d, "elsewhere")); err != nil {
				return err
			}
			return os.Symlink("elsewhere", filepath.Join(d, "journeys"))
		}, true},
	} {
		dest, stamps := setup(t)
		if err := tc.change(dest); err != nil {
			t.Fatal(err)
		}
		if byPath(dest, stamps) != tc.byPath {
			t.Errorf("%s: by path intact %v, want %v", tc.what, !tc.byPath, tc.byPath)
		}
		want := tc.byPath
		if runtime.GOOS == "linux" {
			want = false // a build writes no link: its folders are looked up without following one
		}
		if intact(dest, stamps) != want {
			t.Errorf("%s: intact %v, want %v", tc.what, !want, want)
		}
	}
	if intact(filepath.Join(dest, "missing"), stamps) {
		t.Error("a missing output folder is intact")
	}
}

// intact is record.intact for files.
func intact(dest string, files []stamp) bool { return (&record{Files: files}).intact(dest) }

// byPath is what a look at each file by its path from dest says: every
// one a regular file as stamped.
func byPath(dest string, files []stamp) bool {
	for _, f := range files {
		fi, err := os.Lstat(filepath.Join(dest, filepath.FromSlash(f.name)))
		if err != nil || !fi.Mode().IsRegular() || fi.Size() != f.size || fi.ModTime().UnixNano() != f.mtime {
			return false
		}
	}
	return true
}
