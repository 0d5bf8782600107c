package output

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
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
	fsys := FS(files)
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
	fsys := FS(nil)
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
	files := map[string][]byte{}
	for i := range 1000 {
		dir := fmt.Sprintf("journeys/j%04d/", i)
		for _, f := range []string{"index.html", "print/index.html", "j.csv", "j.json", "j.mmd"} {
			files[dir+f] = nil
		}
	}
	b.ReportAllocs()
	for b.Loop() {
		FS(files)
	}
}
