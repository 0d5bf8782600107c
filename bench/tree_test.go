package main

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"testing/fstest"

	"github.com/waymark-cx/waymark/generator/output"
)

// built is a small built tree: a page, a folder of pages and an asset,
// with Waymark's records at the root.
func built() fstest.MapFS {
	return fstest.MapFS{
		"index.html":                    {Data: []byte("<h1>Hub</h1>")},
		"journeys/buy/index.html":       {Data: []byte("<h1>Buy</h1>")},
		"journeys/buy/print/index.html": {Data: []byte("<h1>Buy, to print</h1>")},
		"static/site.css":               {Data: []byte("body{margin:0}")},
		output.ManifestName:             {Data: []byte("index.html\n")},
		output.CacheName:                {Data: []byte("key 1\n")},
	}
}

func TestCompareTrees(t *testing.T) {
	tests := []struct {
		name     string
		edit     func(fstest.MapFS)
		compared int
		want     []change
	}{
		{"identical", func(fstest.MapFS) {}, 4, nil},
		{"one byte changed", func(m fstest.MapFS) {
			m["journeys/buy/index.html"] = &fstest.MapFile{Data: []byte("<h1>Buy</h2>")}
		}, 4, []change{{Kind: "differs", Name: "journeys/buy/index.html", Note: " (12 → 12 bytes, first difference at byte 10)"}}},
		{"longer", func(m fstest.MapFS) {
			m["static/site.css"] = &fstest.MapFile{Data: []byte("body{margin:0}\n")}
		}, 4, []change{{Kind: "differs", Name: "static/site.css", Note: " (14 → 15 bytes, first difference at byte 14)"}}},
		{"missing file", func(m fstest.MapFS) {
			delete(m, "journeys/buy/print/index.html")
		}, 3, []change{{Kind: "missing", Name: "journeys/buy/print/index.html"}}},
		{"extra file", func(m fstest.MapFS) {
			m["journeys/buy.csv"] = &fstest.MapFile{Data: []byte("stage\n")}
		}, 4, []change{{Kind: "new", Name: "journeys/buy.csv"}}},
		{"records ignored", func(m fstest.MapFS) {
			m[output.ManifestName] = &fstest.MapFile{Data: []byte("index.html\nother\n")}
			delete(m, output.CacheName)
		}, 4, nil},
		{"a record's name below the root is a file like any other", func(m fstest.MapFS) {
			m["journeys/"+output.CacheName] = &fstest.MapFile{Data: []byte("x")}
		}, 4, []change{{Kind: "new", Name: "journeys/" + output.CacheName}}},
		{"other hidden files count", func(m fstest.MapFS) {
			m[".nojekyll"] = &fstest.MapFile{Data: []byte("")}
		}, 4, []change{{Kind: "new", Name: ".nojekyll"}}},
		{"several, by name", func(m fstest.MapFS) {
			delete(m, "static/site.css")
			m["index.html"] = &fstest.MapFile{Data: []byte("<h1>Hub!</h1>")}
			m["a.html"] = &fstest.MapFile{Data: []byte("a")}
		}, 3, []change{
			{Kind: "new", Name: "a.html"},
			{Kind: "differs", Name: "index.html", Note: " (12 → 13 bytes, first difference at byte 7)"},
			{Kind: "missing", Name: "static/site.css"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cur := built()
			tt.edit(cur)
			d, err := compareTrees(built(), cur)
			if err != nil {
				t.Fatal(err)
			}
			if d.Compared != tt.compared || !reflect.DeepEqual(d.Changes, tt.want) {
				t.Errorf("compareTrees = %d compared, %+v\nwant %d, %+v", d.Compared, d.Changes, tt.compared, tt.want)
			}
		})
	}
}

// The harness compares folders on disk through os.DirFS.
func TestCompareTreesOnDisk(t *testing.T) {
	old, cur := t.TempDir(), t.TempDir()
	for dir, files := range map[string]map[string]string{
		old: {"index.html": "a", "p/index.html": "b", output.CacheName: "old build"},
		cur: {"index.html": "a", "p/index.html": "c", "q/index.html": "d"},
	} {
		for name, data := range files {
			full := filepath.Join(dir, filepath.FromSlash(name))
			if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(full, []byte(data), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	d, err := compareTrees(os.DirFS(old), os.DirFS(cur))
	if err != nil {
		t.Fatal(err)
	}
	want := []change{
		{Kind: "differs", Name: "p/index.html", Note: " (1 → 1 bytes, first difference at byte 0)"},
		{Kind: "new", Name: "q/index.html"},
	}
	if d.Compared != 2 || !reflect.DeepEqual(d.Changes, want) {
		t.Errorf("compareTrees = %d compared, %+v\nwant 2, %+v", d.Compared, d.Changes, want)
	}
	if got := d.summary(); got != "2 files compared, 1 differs, 1 new" {
		t.Errorf("summary = %q", got)
	}
	if got := (treeDiff{Compared: 2}).summary(); got != "2 files compared, identical" {
		t.Errorf("summary = %q", got)
	}
}

// What a build says differs from one run to the next only in its time
// and output folder.
func TestMaskRun(t *testing.T) {
	for _, msg := range []string{
		"waymark: built 1 persona, 2 journeys, 9 pages and 4 templates (20 files) in 1.234s, 0 warnings → /tmp/x/out\n",
		"waymark: built 1 persona, 2 journeys, 9 pages and 4 templates (20 files) in 1m2.5s, 0 warnings → /tmp/x/out\n",
		"waymark: built 1 persona, 2 journeys, 9 pages and 4 templates (20 files) in 870µs, 0 warnings → /tmp/x/out",
	} {
		want := "waymark: built 1 persona, 2 journeys, 9 pages and 4 templates (20 files) in TIME, 0 warnings → DEST"
		if got := maskRun(msg, "/tmp/x/out"); got != want {
			t.Errorf("maskRun(%q) =\n%q\nwant\n%q", msg, got, want)
		}
	}
	// Warnings are kept as they are.
	msg := "content/journeys/a.md:3: warning: due for review\nwaymark: built 1 journey in 5ms, 1 warning → /o"
	if got, want := maskRun(msg, "/o"), "content/journeys/a.md:3: warning: due for review\nwaymark: built 1 journey in TIME, 1 warning → DEST"; got != want {
		t.Errorf("maskRun = %q, want %q", got, want)
	}
}
