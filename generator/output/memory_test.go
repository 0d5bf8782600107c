package output

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

// FS passes the standard library's checks of an fs.FS, folders implied
// by the names included.
func TestFS(t *testing.T) {
	files := map[string][]byte{
		"index.html":              []byte("<p>home</p>"),
		"404.html":                []byte("<p>lost</p>"),
		"css/waymark.css":         []byte("body{}"),
		"journeys/buy/index.html": []byte("<p>buy</p>"),
		"journeys/buy/buy.csv":    []byte("a,b\n"),
		"journeys/sell/index.md":  []byte("# Sell"),
		"img/a b.png":             {},
	}
	fsys := FS(SetOf(packAll(files)))
	if err := fstest.TestFS(fsys, "index.html", "404.html", "css/waymark.css", "journeys/buy/index.html",
		"journeys/buy/buy.csv", "journeys/sell/index.md", "img/a b.png"); err != nil {
		t.Fatal(err)
	}
	entries, err := fs.ReadDir(fsys, "journeys")
	if err != nil || len(entries) != 2 || entries[0].Name() != "buy" || !entries[0].IsDir() {
		t.Errorf("ReadDir(journeys) = %v, %v", entries, err)
	}
	// Only the build's files: nothing climbs out, nothing else is there.
	for _, name := range []string{"../index.html", "/index.html", "./index.html", "css/../index.html", "css//waymark.css", "css/", ""} {
		if _, err := fsys.Open(name); !errors.Is(err, fs.ErrInvalid) {
			t.Errorf("Open(%q): %v, want invalid", name, err)
		}
	}
	for _, name := range []string{"missing.html", "css/missing.css", ".waymark-manifest", "journeys/buy/index.html/x"} {
		if _, err := fs.Stat(fsys, name); !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("Stat(%q): %v, want not found", name, err)
		}
	}
	// A folder is no file to read.
	d, err := fsys.Open("css")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := d.Read(make([]byte, 1)); err == nil || err == io.EOF {
		t.Errorf("reading a folder: %v", err)
	}
	info, _ := fs.Stat(fsys, "css/waymark.css")
	if !info.ModTime().IsZero() || info.Size() != 6 || info.Mode().Perm()&0o222 != 0 {
		t.Errorf("file info: %v %d %v", info.ModTime(), info.Size(), info.Mode())
	}
}

// An empty build is an empty root folder.
func TestFSEmpty(t *testing.T) {
	fsys := FS(Set{})
	if err := fstest.TestFS(fsys); err != nil {
		t.Fatal(err)
	}
	if entries, err := fs.ReadDir(fsys, "."); err != nil || len(entries) != 0 {
		t.Errorf("ReadDir(.) = %v, %v", entries, err)
	}
}

// BenchmarkFS measures what FS adds to each rebuild of the dev server:
// indexing the folders of a 1,000-journey handbook's files.
func BenchmarkFS(b *testing.B) {
	files := map[string]Blob{}
	for i := range 1000 {
		dir := fmt.Sprintf("journeys/j%04d/", i)
		for _, f := range []string{"index.html", "print/index.html", "j.csv", "j.json", "j.mmd"} {
			files[dir+f] = Blob{}
		}
	}
	b.ReportAllocs()
	for b.Loop() {
		FS(SetOf(files))
	}
}

// packAll packs each file, as Memory keeps them.
func packAll(files map[string][]byte) map[string]Blob {
	out := make(map[string]Blob, len(files))
	for name, data := range files {
		out[name] = Pack(data)
	}
	return out
}

// A blob gives back the bytes it was made of, whether it compressed them
// or not, written whole or a piece at a time; blobs of equal files are
// the same.
func TestBlob(t *testing.T) {
	page := []byte(strings.Repeat("<tr><td>Onboarding</td><td>Email</td></tr>", 500))
	png := make([]byte, 4096)
	rand.NewChaCha8([32]byte{1}).Read(png)
	m := NewMemory()
	for name, data := range map[string][]byte{"page.html": page, "a.png": png, "tiny.txt": []byte("hi"), "empty": {}} {
		b := Pack(data)
		if got := b.Bytes(); !bytes.Equal(got, data) || b.Size() != int64(len(data)) {
			t.Errorf("%s: Pack gives back %d bytes, want %d", name, len(got), len(data))
		}
		if !b.Same(Pack(bytes.Clone(data))) {
			t.Errorf("%s: two blobs of the same file differ", name)
		}
		if err := m.WriteFile(name, data); err != nil {
			t.Fatal(err)
		}
		w, err := m.Create("streamed/" + name)
		if err != nil {
			t.Fatal(err)
		}
		for chunk := range slices.Chunk(data, 1000) {
			w.Write(chunk)
		}
		if err := w.Close(); err != nil {
			t.Fatal(err)
		}
	}
	if b := Pack(page); len(b.data) > len(page)/10 {
		t.Errorf("a repetitive page packs to %d bytes of %d", len(b.data), len(page))
	}
	if b := Pack(png); b.packed || len(b.data) != len(png) {
		t.Errorf("random bytes are kept packed (%v, %d bytes)", b.packed, len(b.data))
	}
	files := m.Files()
	for _, name := range []string{"page.html", "a.png", "tiny.txt", "empty"} {
		for _, n := range []string{name, "streamed/" + name} {
			want := map[string][]byte{"page.html": page, "a.png": png, "tiny.txt": []byte("hi"), "empty": {}}[name]
			if !bytes.Equal(files[n], want) {
				t.Errorf("%s: Memory gives back %d bytes, want %d", n, len(files[n]), len(want))
			}
		}
	}
	// The data written may be used again: Memory keeps none of it.
	buf := []byte(strings.Repeat("x", 100))
	m.WriteFile("reused.txt", buf)
	buf[0] = 'y'
	if got := m.Files()["reused.txt"]; got[0] != 'x' {
		t.Error("Memory kept the caller's slice")
	}
	// Put writes a kept blob again; a name twice is refused.
	b, _ := m.Blob("page.html")
	n := NewMemory()
	if err := n.Put("page.html", b); err != nil {
		t.Fatal(err)
	}
	if got, _ := n.Blob("page.html"); !got.Identical(b) {
		t.Error("Put did not keep the blob as it was")
	}
	if err := n.Put("page.html", b); !errors.Is(err, ErrWrittenTwice) {
		t.Errorf("Put twice: %v", err)
	}
}

// NextFS, over the same names with other contents, is the FS that FS
// makes of them: folders included.
func TestNextFS(t *testing.T) {
	first := SetOf(packAll(map[string][]byte{"index.html": []byte("<p>one</p>"), "journeys/buy/index.html": []byte("<p>buy</p>")}))
	next := first.With(packAll(map[string][]byte{"index.html": []byte("<p>two</p>")}))
	fsys := NextFS(FS(first), next)
	if err := fstest.TestFS(fsys, "index.html", "journeys/buy/index.html"); err != nil {
		t.Fatal(err)
	}
	if b, err := fs.ReadFile(fsys, "index.html"); err != nil || string(b) != "<p>two</p>" {
		t.Errorf("index.html = %q, %v; want the new build's", b, err)
	}
	if info, err := fs.Stat(fsys, "journeys/buy"); err != nil || !info.IsDir() {
		t.Errorf("journeys/buy: %v, %v; want a folder", info, err)
	}
}

// TestSetWith: a Set made from another with a few files shares its map,
// tells what changed by the files made since, and folds them into a new
// map once they are many; either way it holds what a map of every file
// holds.
func TestSetWith(t *testing.T) {
	files := map[string][]byte{}
	for i := range 64 {
		files[fmt.Sprintf("f%02d.txt", i)] = []byte(fmt.Sprintf("file %d", i))
	}
	first := SetOf(packAll(files))
	cur := first
	for i := range 20 {
		name := fmt.Sprintf("f%02d.txt", i)
		next := cur.With(packAll(map[string][]byte{name: []byte("edited")}))
		files[name] = []byte("edited")
		if got := next.Changed(cur); len(got) != 1 || got[0] != name {
			t.Fatalf("edit %d: changed %v, want [%s]", i, got, name)
		}
		if got := next.Changed(next); len(got) != 0 {
			t.Fatalf("edit %d: a set differs from itself: %v", i, got)
		}
		if next.Len() != len(files) {
			t.Fatalf("edit %d: %d files, want %d", i, next.Len(), len(files))
		}
		n := 0
		next.Each(func(name string, b Blob) bool {
			n++
			if string(b.Bytes()) != string(files[name]) {
				t.Fatalf("edit %d: %s = %q, want %q", i, name, b.Bytes(), files[name])
			}
			return true
		})
		if n != len(files) {
			t.Fatalf("edit %d: Each gave %d files", i, n)
		}
		cur = next
	}
	if cur.under == first.under {
		t.Error("20 of 64 files made since: still over the first map")
	}
	if got := cur.Changed(first); len(got) != 20 {
		t.Errorf("changed since the first: %d files, want 20", len(got))
	}
}
