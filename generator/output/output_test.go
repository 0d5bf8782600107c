package output

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
)

// tree reads every regular file under dir: slash path → content. Folders
// are listed too, with the value "/", so that removed folders show. A
// missing dir is empty.
func tree(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	if _, err := os.Stat(dir); errors.Is(err, fs.ErrNotExist) {
		return out
	}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		rel = filepath.ToSlash(rel)
		if rel == "." {
			return nil
		}
		switch {
		case d.IsDir():
			out[rel] = "/"
		case d.Type()&fs.ModeSymlink != 0:
			target, _ := os.Readlink(p)
			out[rel] = "-> " + target
		default:
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			out[rel] = string(b)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// put writes files under dir, making folders.
func put(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// stage writes files into a new Dir for dest, without committing.
func stage(t *testing.T, dest string, files map[string]string) *Dir {
	t.Helper()
	d, err := NewDir(dest)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range slices.Sorted(maps.Keys(files)) {
		if err := d.WriteFile(name, []byte(files[name])); err != nil {
			t.Fatalf("WriteFile(%q): %v", name, err)
		}
	}
	return d
}

// build stages files and commits them.
func build(t *testing.T, dest string, files map[string]string) {
	t.Helper()
	if err := stage(t, dest, files).Commit(); err != nil {
		t.Fatalf("Commit: %v", err)
	}
}

// leftovers lists temporary folders left in dest's parent.
func leftovers(t *testing.T, dest string) []string {
	t.Helper()
	entries, err := os.ReadDir(filepath.Dir(dest))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".waymark-") {
			out = append(out, e.Name())
		}
	}
	return out
}

func manifestOf(files ...string) string {
	slices.Sort(files)
	return strings.Join(files, "\n") + "\n"
}

func TestNewDirMakesTempBesideDest(t *testing.T) {
	parent := filepath.Join(t.TempDir(), "site")
	dest := filepath.Join(parent, "public")
	d, err := NewDir(dest + string(filepath.Separator)) // cleaned
	if err != nil {
		t.Fatal(err)
	}
	if d.dest != dest {
		t.Errorf("dest = %q, want %q", d.dest, dest)
	}
	if filepath.Dir(d.tmp) != parent {
		t.Errorf("temp folder %q is not in %q", d.tmp, parent)
	}
	if !strings.HasPrefix(filepath.Base(d.tmp), ".waymark-public-") {
		t.Errorf("temp folder named %q", filepath.Base(d.tmp))
	}
	if fi, err := os.Stat(d.tmp); err != nil || !fi.IsDir() {
		t.Errorf("temp folder not made: %v", err)
	}
	if _, err := os.Stat(dest); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("NewDir created dest: %v", err)
	}
	if err := d.Abort(); err != nil {
		t.Fatal(err)
	}
}

func TestNewDirRefusesAFile(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	put(t, filepath.Dir(dest), map[string]string{"public": "not a folder"})
	if _, err := NewDir(dest); err == nil {
		t.Fatal("NewDir over a file: no error")
	}
	if got := leftovers(t, dest); len(got) > 0 {
		t.Errorf("temp folders left: %v", got)
	}
}

func TestFirstCommitRenamesTempToDest(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	files := map[string]string{
		"index.html":                "<h1>home</h1>",
		"personas/lan/index.html":   "lan",
		"css/site.css":              "body{}",
		".nojekyll":                 "",
		"journeys/buy/index.html":   "buy",
		"journeys/index.html":       "journeys",
		"templates/blank-map.md":    "+++\n+++\n",
		"personas/index.html":       "personas",
		"personas/lan/avatar/x.png": "png",
	}
	d := stage(t, dest, files)
	if _, err := os.Stat(dest); !errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("dest exists before Commit: %v", err)
	}
	tmp := d.tmp
	if err := d.Commit(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(tmp); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("temp folder still there: %v", err)
	}
	got := tree(t, dest)
	for name, data := range files {
		if got[name] != data {
			t.Errorf("%s = %q, want %q", name, got[name], data)
		}
	}
	want := manifestOf(slices.Collect(maps.Keys(files))...)
	if got[ManifestName] != want {
		t.Errorf("manifest =\n%s\nwant\n%s", got[ManifestName], want)
	}
	m, err := ReadManifest(dest)
	if err != nil {
		t.Fatal(err)
	}
	if !maps.Equal(m, setOf(slices.Collect(maps.Keys(files))...)) {
		t.Errorf("ReadManifest = %v", m)
	}
	if l := leftovers(t, dest); len(l) > 0 {
		t.Errorf("temp folders left: %v", l)
	}
}

func setOf(names ...string) map[string]bool {
	m := map[string]bool{}
	for _, n := range names {
		m[n] = true
	}
	return m
}

func TestFirstCommitDestPermissions(t *testing.T) {
	// The destination should be as readable as the folders inside it, which
	// a web server serving it needs; os.MkdirTemp makes folders 0700.
	dest := filepath.Join(t.TempDir(), "public")
	build(t, dest, map[string]string{"index.html": "x", "a/index.html": "y"})
	top, err := os.Stat(dest)
	if err != nil {
		t.Fatal(err)
	}
	sub, err := os.Stat(filepath.Join(dest, "a"))
	if err != nil {
		t.Fatal(err)
	}
	if top.Mode().Perm() != sub.Mode().Perm() {
		t.Errorf("the first build leaves dest with mode %v (the temp folder's), its subfolders %v: others cannot read the site",
			top.Mode().Perm(), sub.Mode().Perm())
	}
}

func TestCommitIntoExistingEmptyDest(t *testing.T) {
	dest := t.TempDir()
	build(t, dest, map[string]string{"index.html": "x", "a/b.html": "y"})
	got := tree(t, dest)
	want := map[string]string{"index.html": "x", "a": "/", "a/b.html": "y", ManifestName: manifestOf("a/b.html", "index.html")}
	if !maps.Equal(got, want) {
		t.Errorf("dest = %v, want %v", got, want)
	}
	if l := leftovers(t, dest); len(l) > 0 {
		t.Errorf("temp folders left: %v", l)
	}
}

func TestSecondCommitRemovesStaleKeepsForeign(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	build(t, dest, map[string]string{
		"index.html":              "v1",
		"old/page/index.html":     "gone soon",
		"old/page/img/a.png":      "gone soon",
		"blog/a.html":             "gone soon",
		"journeys/buy/index.html": "buy v1",
	})
	// The user's own files, which Waymark never wrote.
	put(t, dest, map[string]string{
		"CNAME-notes.txt": "mine",
		"blog/user.txt":   "mine too",
	})
	build(t, dest, map[string]string{
		"index.html":              "v2",
		"journeys/buy/index.html": "buy v2",
		"new/index.html":          "new",
	})
	want := map[string]string{
		"index.html":              "v2",
		"journeys":                "/",
		"journeys/buy":            "/",
		"journeys/buy/index.html": "buy v2",
		"new":                     "/",
		"new/index.html":          "new",
		"CNAME-notes.txt":         "mine",
		"blog":                    "/",
		"blog/user.txt":           "mine too",
		ManifestName:              manifestOf("index.html", "journeys/buy/index.html", "new/index.html"),
	}
	if got := tree(t, dest); !maps.Equal(got, want) {
		t.Errorf("dest after second build:\n got %v\nwant %v", got, want)
	}
	if l := leftovers(t, dest); len(l) > 0 {
		t.Errorf("temp folders left: %v", l)
	}
}

func TestForeignFilesAreNeverOverwritten(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	build(t, dest, map[string]string{"index.html": "v1", "stale.html": "old"})
	put(t, dest, map[string]string{"about.html": "mine", "z/x.html": "mine"})
	before := tree(t, dest)

	d := stage(t, dest, map[string]string{
		"a.html":     "sorted first, must not be moved",
		"index.html": "v2",
		"about.html": "theirs",
		"z/x.html":   "theirs",
	})
	err := d.Commit()
	var fe *ForeignError
	if !errors.As(err, &fe) {
		t.Fatalf("Commit = %v, want a *ForeignError", err)
	}
	if fe.Dest != dest || !slices.Equal(fe.Files, []string{"about.html", "z/x.html"}) || fe.More != "" {
		t.Errorf("ForeignError = %+v", fe)
	}
	msg := fe.Error()
	for _, s := range []string{dest, "about.html, z/x.html", "hint:"} {
		if !strings.Contains(msg, s) {
			t.Errorf("message %q lacks %q", msg, s)
		}
	}
	if got := tree(t, dest); !maps.Equal(got, before) {
		t.Errorf("dest changed by a refused Commit:\n got %v\nwant %v", got, before)
	}
	if err := d.Abort(); err != nil {
		t.Fatal(err)
	}
	if l := leftovers(t, dest); len(l) > 0 {
		t.Errorf("temp folders left after Abort: %v", l)
	}
}

func TestForeignErrorListsThreeAndCounts(t *testing.T) {
	dest := t.TempDir() // exists, no manifest: every file in it is foreign
	user := map[string]string{"a": "1", "b": "2", "c": "3", "d": "4", "e": "5", "keep": "6"}
	put(t, dest, user)
	d := stage(t, dest, map[string]string{"a": "x", "b": "x", "c": "x", "d": "x", "e": "x", "f": "x"})
	err := d.Commit()
	var fe *ForeignError
	if !errors.As(err, &fe) {
		t.Fatalf("Commit = %v, want a *ForeignError", err)
	}
	if !slices.Equal(fe.Files, []string{"a", "b", "c"}) || fe.More != " and 2 more" {
		t.Errorf("ForeignError = %+v", fe)
	}
	if !strings.Contains(fe.Error(), "a, b, c and 2 more;") {
		t.Errorf("message: %s", fe.Error())
	}
	if got := tree(t, dest); !maps.Equal(got, user) {
		t.Errorf("dest changed: %v", got)
	}
	_ = d.Abort()
}

func TestForeignFolderIsForeign(t *testing.T) {
	// A user's folder where the build writes a file.
	dest := t.TempDir()
	put(t, dest, map[string]string{"docs/readme.txt": "mine"})
	d := stage(t, dest, map[string]string{"docs": "a file"})
	var fe *ForeignError
	if err := d.Commit(); !errors.As(err, &fe) {
		t.Fatalf("Commit = %v, want a *ForeignError", err)
	}
	_ = d.Abort()
	if got := tree(t, dest); got["docs/readme.txt"] != "mine" {
		t.Errorf("dest changed: %v", got)
	}
}

// A file the last build wrote, replaced since by someone's folder with
// files in it: the commit stops before moving anything, and the folder
// is theirs.
func TestOwnFileReplacedByAFolder(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	build(t, dest, map[string]string{"a.html": "v1", "p/index.html": "page"})
	os.Remove(filepath.Join(dest, "p", "index.html"))
	put(t, dest, map[string]string{"p/index.html/notes.txt": "mine"})
	before := tree(t, dest)
	d := stage(t, dest, map[string]string{"a.html": "v2", "p/index.html": "page 2"})
	err := d.Commit()
	_ = d.Abort()
	var fe *ForeignError
	if !errors.As(err, &fe) {
		t.Fatalf("Commit = %v, want a *ForeignError", err)
	}
	if after := tree(t, dest); !maps.Equal(after, before) {
		t.Errorf("dest was %v, is now %v", before, after)
	}
}

func TestCommitFailureLeavesDestUnchanged(t *testing.T) {
	// A file in dest stands where the new build needs a folder. Whether it
	// is Waymark's own (stale) or the user's, Commit must either succeed or
	// fail without having moved anything.
	tests := []struct {
		name string
		user bool // "docs" is the user's file, not Waymark's
	}{
		{"stale file where a folder goes", false},
		{"foreign file where a folder goes", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dest := filepath.Join(t.TempDir(), "public")
			first := map[string]string{"a.html": "v1"}
			if !tt.user {
				first["docs"] = "a file from the last build"
			}
			build(t, dest, first)
			if tt.user {
				put(t, dest, map[string]string{"docs": "the user's file"})
			}
			before := tree(t, dest)
			d := stage(t, dest, map[string]string{"a.html": "v2", "docs/index.html": "docs"})
			err := d.Commit()
			_ = d.Abort()
			after := tree(t, dest)
			if err == nil {
				if tt.user {
					t.Errorf("Commit replaced the user's file: %v", after)
				}
				if after["docs/index.html"] != "docs" || after["a.html"] != "v2" {
					t.Errorf("Commit succeeded but dest = %v", after)
				}
				return
			}
			if !maps.Equal(after, before) {
				t.Fatalf("Commit failed (%v) after moving some files: dest was %v, is now %v", err, before, after)
			}
			if tt.user {
				var fe *ForeignError
				if !errors.As(err, &fe) {
					t.Errorf("Commit = %v, want a *ForeignError", err)
				}
			}
		})
	}
}

func TestStaleEntriesOutsideDestAreIgnored(t *testing.T) {
	root := t.TempDir()
	dest := filepath.Join(root, "public")
	build(t, dest, map[string]string{"index.html": "v1"})
	put(t, root, map[string]string{"outside.txt": "precious"})
	abs := filepath.ToSlash(filepath.Join(root, "outside.txt"))
	// A manifest edited by hand, or by someone else.
	put(t, dest, map[string]string{ManifestName: "index.html\n../outside.txt\n" + abs + "\nlink\n\n  \n"})
	if err := os.Symlink(filepath.Join(root, "outside.txt"), filepath.Join(dest, "link")); err != nil {
		t.Fatal(err)
	}
	build(t, dest, map[string]string{"index.html": "v2"})
	if b, err := os.ReadFile(filepath.Join(root, "outside.txt")); err != nil || string(b) != "precious" {
		t.Errorf("a file outside dest was touched: %q, %v", b, err)
	}
	got := tree(t, dest)
	want := map[string]string{"index.html": "v2", "link": "-> " + filepath.Join(root, "outside.txt"), ManifestName: "index.html\n"}
	if !maps.Equal(got, want) {
		t.Errorf("dest = %v, want %v", got, want)
	}
}

func TestReadManifest(t *testing.T) {
	dir := t.TempDir()
	m, err := ReadManifest(dir)
	if err != nil || len(m) != 0 {
		t.Errorf("no manifest: %v, %v; want empty, nil", m, err)
	}
	put(t, dir, map[string]string{ManifestName: "a.html\r\n  b/c.html  \n\n\nd\n"})
	m, err = ReadManifest(dir)
	if err != nil {
		t.Fatal(err)
	}
	if want := setOf("a.html", "b/c.html", "d"); !maps.Equal(m, want) {
		t.Errorf("ReadManifest = %v, want %v", m, want)
	}
}

func TestAbortLeavesDestUntouched(t *testing.T) {
	t.Run("existing dest", func(t *testing.T) {
		dest := filepath.Join(t.TempDir(), "public")
		build(t, dest, map[string]string{"index.html": "v1", "a/b.html": "b"})
		put(t, dest, map[string]string{"mine.txt": "mine"})
		before := tree(t, dest)
		d := stage(t, dest, map[string]string{"index.html": "v2", "c.html": "c"})
		tmp := d.tmp
		if err := d.Abort(); err != nil {
			t.Fatal(err)
		}
		if _, err := os.Stat(tmp); !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("temp folder still there: %v", err)
		}
		if got := tree(t, dest); !maps.Equal(got, before) {
			t.Errorf("dest changed by Abort:\n got %v\nwant %v", got, before)
		}
		if l := leftovers(t, dest); len(l) > 0 {
			t.Errorf("temp folders left: %v", l)
		}
	})
	t.Run("no dest", func(t *testing.T) {
		dest := filepath.Join(t.TempDir(), "public")
		d := stage(t, dest, map[string]string{"index.html": "v1"})
		if err := d.Abort(); err != nil {
			t.Fatal(err)
		}
		if _, err := os.Stat(dest); !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("dest made by an aborted build: %v", err)
		}
		if l := leftovers(t, dest); len(l) > 0 {
			t.Errorf("temp folders left: %v", l)
		}
	})
}

var badNames = []string{
	"",
	".",
	"..",
	"../x",
	"../../etc/passwd",
	"a/../../x",
	"/abs",
	"/",
	"a//b",
	"a/./b",
	"a/../b",
	"./a",
	"a/",
	"a\\b",
	"..\\x",
	"a\x00b",
}

var goodNames = []string{
	"index.html",
	"a/b/c.html",
	".nojekyll",
	"CNAME",
	"personas/lan/index.html",
	"a..b",
	"..a",
	"hành-trình/index.html",
}

func TestCheckName(t *testing.T) {
	for _, n := range badNames {
		if err := CheckName(n); err == nil {
			t.Errorf("CheckName(%q) = nil, want an error", n)
		} else if !strings.Contains(err.Error(), fmt.Sprintf("%q", n)) {
			t.Errorf("CheckName(%q) = %v: does not quote the name", n, err)
		}
	}
	for _, n := range goodNames {
		if err := CheckName(n); err != nil {
			t.Errorf("CheckName(%q) = %v, want nil", n, err)
		}
	}
}

func TestWritersRejectBadAndDuplicateNames(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	d, err := NewDir(dest)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Abort()
	writers := map[string]Writer{"Dir": d, "Memory": NewMemory(), "Discard": &Discard{}}
	for name, w := range writers {
		t.Run(name, func(t *testing.T) {
			for _, n := range badNames {
				if err := w.WriteFile(n, []byte("x")); err == nil {
					t.Errorf("WriteFile(%q) = nil, want an error", n)
				}
			}
			for _, n := range goodNames {
				if err := w.WriteFile(n, []byte("x")); err != nil {
					t.Errorf("WriteFile(%q) = %v", n, err)
				}
			}
			if name == "Discard" {
				return
			}
			for _, n := range goodNames {
				if err := w.WriteFile(n, []byte("y")); err == nil || !strings.Contains(err.Error(), "twice") {
					t.Errorf("second WriteFile(%q) = %v, want a written-twice error", n, err)
				}
			}
			if c, ok := w.(Creator); ok {
				for _, n := range badNames {
					if _, err := c.Create(n); err == nil {
						t.Errorf("Create(%q) = nil, want an error", n)
					}
				}
				for _, n := range goodNames {
					if _, err := c.Create(n); err == nil || !strings.Contains(err.Error(), "twice") {
						t.Errorf("Create(%q) after WriteFile = %v, want a written-twice error", n, err)
					}
				}
			}
		})
	}
	// Nothing escaped the temporary folder.
	got := tree(t, d.tmp)
	for name := range got {
		if got[name] != "/" && !slices.Contains(goodNames, name) {
			t.Errorf("unexpected file %q in the temp folder", name)
		}
	}
	for _, n := range goodNames {
		if got[n] != "x" {
			t.Errorf("%s = %q, want the first write kept", n, got[n])
		}
	}
	if entries, _ := os.ReadDir(filepath.Dir(dest)); len(entries) != 1 {
		t.Errorf("files beside the temp folder: %v", entries)
	}
}

func TestDirConcurrentWrites(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	d, err := NewDir(dest)
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	want := map[string]string{}
	// Several files at once into each new folder, some a piece at a time.
	for i := range 100 {
		name := fmt.Sprintf("s%d/p%d/f%d.html", i%5, i%20, i)
		want[name] = name
		wg.Go(func() {
			if i%3 > 0 {
				if err := d.WriteFile(name, []byte(name)); err != nil {
					t.Error(err)
				}
				return
			}
			f, err := d.Create(name)
			if err != nil {
				t.Error(err)
				return
			}
			io.WriteString(f, name[:3])
			io.WriteString(f, name[3:])
			if err := f.Close(); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	if err := d.Commit(); err != nil {
		t.Fatal(err)
	}
	got := tree(t, dest)
	for name, data := range want {
		if got[name] != data {
			t.Errorf("%s = %q", name, got[name])
		}
	}
	m, _ := ReadManifest(dest)
	if len(m) != len(want) {
		t.Errorf("manifest has %d names, want %d", len(m), len(want))
	}
}

func TestMemory(t *testing.T) {
	m := NewMemory()
	data := []byte("hello")
	if err := m.WriteFile("index.html", data); err != nil {
		t.Fatal(err)
	}
	if err := m.WriteFile("a/b.css", []byte("b")); err != nil {
		t.Fatal(err)
	}
	files := m.Files()
	if len(files) != 2 || string(files["index.html"]) != "hello" || string(files["a/b.css"]) != "b" {
		t.Fatalf("Files = %q", files)
	}
	// The map is a copy.
	files["extra"] = []byte("x")
	delete(files, "index.html")
	again := m.Files()
	if _, ok := again["extra"]; ok {
		t.Error("adding to the returned map changed the Memory")
	}
	if _, ok := again["index.html"]; !ok {
		t.Error("deleting from the returned map changed the Memory")
	}
	// A name deleted from a copy is still taken.
	if err := m.WriteFile("index.html", []byte("again")); err == nil {
		t.Error("duplicate write accepted")
	}
}

func TestMemoryConcurrentWrites(t *testing.T) {
	m := NewMemory()
	var wg sync.WaitGroup
	for i := range 100 {
		wg.Go(func() {
			_ = m.WriteFile(fmt.Sprintf("p%d.html", i), nil)
			_ = m.Files()
		})
	}
	wg.Wait()
	if n := len(m.Files()); n != 100 {
		t.Errorf("%d files, want 100", n)
	}
}

func TestManifestNameAsOutput(t *testing.T) {
	// A Writer user that writes a file named like the manifest must not
	// corrupt dest: either the write is refused, or each Commit fails
	// without moving anything, or dest stays consistent build after build.
	// (The builder cannot do this today, as static/ skips dot files, so
	// this guards the package's own contract.)
	dest := filepath.Join(t.TempDir(), "public")
	for i := range 3 {
		before := tree(t, dest)
		d, err := NewDir(dest)
		if err != nil {
			t.Fatal(err)
		}
		if err := d.WriteFile("index.html", []byte(fmt.Sprint("v", i))); err != nil {
			t.Fatal(err)
		}
		if err := d.WriteFile(ManifestName, []byte("junk\n")); err != nil {
			_ = d.Abort()
			return // refused: fine
		}
		err = d.Commit()
		_ = d.Abort()
		after := tree(t, dest)
		if err != nil {
			if !maps.Equal(after, before) {
				t.Fatalf("build %d: writing %s as an output file is accepted, the first Commit lists the manifest in itself, and a later Commit fails (%v) after moving files: dest was %q, is now %q",
					i+1, ManifestName, err, before, after)
			}
			continue
		}
		if after[ManifestName] == "junk\n" || after["index.html"] != fmt.Sprint("v", i) {
			t.Errorf("build %d: dest = %q", i+1, after)
		}
	}
}

// The build cache record is Waymark's own: no output file may take its
// name, and a Commit removes it before replacing the files it describes.
func TestCacheRecord(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	for i := range 2 {
		d, err := NewDir(dest)
		if err != nil {
			t.Fatal(err)
		}
		if err := d.WriteFile(CacheName, []byte("x")); err == nil {
			t.Errorf("writing %s as an output file was accepted", CacheName)
		}
		if err := d.WriteFile("index.html", []byte(fmt.Sprint("v", i))); err != nil {
			t.Fatal(err)
		}
		if got := d.Names(); !slices.Equal(got, []string{"index.html"}) {
			t.Errorf("Names() = %q", got)
		}
		if err := d.Commit(); err != nil {
			t.Fatal(err)
		}
		if _, err := os.Stat(filepath.Join(dest, CacheName)); err == nil {
			t.Errorf("build %d: the old record is still there", i+1)
		}
		if err := os.WriteFile(filepath.Join(dest, CacheName), []byte("record"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if got := tree(t, dest); got[ManifestName] != "index.html\n" {
		t.Errorf("manifest = %q", got[ManifestName])
	}
}

// TestStampOf: a file written whole or a piece at a time has, once
// closed, the size and modification time that looking it up in the
// destination gives after each kind of commit; a file claimed and not
// closed has none.
func TestStampOf(t *testing.T) {
	for _, existing := range []bool{false, true} {
		dest := filepath.Join(t.TempDir(), "public")
		if existing {
			if err := os.Mkdir(dest, 0o755); err != nil {
				t.Fatal(err)
			}
		}
		d, err := NewDir(dest)
		if err != nil {
			t.Fatal(err)
		}
		if err := d.WriteFile("a/index.html", []byte("<p>Hạnh</p>")); err != nil {
			t.Fatal(err)
		}
		w, err := d.Create("b/data.csv")
		if err != nil {
			t.Fatal(err)
		}
		if _, ok := d.StampOf("b/data.csv"); ok {
			t.Error("a file still open has a stamp")
		}
		if _, err := io.Copy(w, strings.NewReader("id,tên\n1,Hạnh\n")); err != nil {
			t.Fatal(err)
		}
		if err := w.Close(); err != nil {
			t.Fatal(err)
		}
		if _, ok := d.StampOf("c/never.html"); ok {
			t.Error("a file never written has a stamp")
		}
		if err := d.Commit(); err != nil {
			t.Fatal(err)
		}
		for _, name := range []string{"a/index.html", "b/data.csv"} {
			st, ok := d.StampOf(name)
			fi, err := os.Lstat(filepath.Join(dest, filepath.FromSlash(name)))
			if err != nil {
				t.Fatal(err)
			}
			if want := (Stamp{fi.Size(), fi.ModTime().UnixNano()}); !ok || st != want {
				t.Errorf("existing dest %v: StampOf(%s) = %v, %v; the file says %v", existing, name, st, ok, want)
			}
		}
	}
}
