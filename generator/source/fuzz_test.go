package source

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/waymark-cx/waymark/generator/diag"
)

// seedFromContent adds the example handbook's Markdown files to a corpus.
func seedFromContent(f *testing.F) {
	paths, _ := filepath.Glob("../../content/*/*.md")
	more, _ := filepath.Glob("../../templates/*.md")
	for _, p := range append(paths, more...) {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b)
		}
	}
	for _, s := range []string{"", "+++", "+++\n+++\n", "+++\ntitle = 1\n+++\nbody", "\xef\xbb\xbf+++\r\na=1\r\n+++\r\n", "+++\n[[stage]]\n[[stage.touchpoint]]\nname=\"x\"\n+++"} {
		f.Add([]byte(s))
	}
}

// FuzzSplit: splitting never panics, and fails only with a located error.
func FuzzSplit(f *testing.F) {
	seedFromContent(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		file, err := Split("x.md", data)
		if err != nil {
			var de *diag.Error
			if !errors.As(err, &de) || de.Line < 1 || de.Path != "x.md" {
				t.Fatalf("unlocated error %v", err)
			}
			return
		}
		if file.FrontLine < 2 || file.BodyLine <= file.FrontLine {
			t.Fatalf("bad lines: front %d body %d", file.FrontLine, file.BodyLine)
		}
		// The file as read is kept whole, and the front matter and body
		// are parts of it, in order.
		if !bytes.Equal(file.Raw, data) {
			t.Fatal("Raw is not the file as read")
		}
		front := bytes.Index(file.Raw, file.Front)
		if front < 0 || !bytes.HasSuffix(file.Raw, file.Body) || front+len(file.Front) > len(file.Raw)-len(file.Body) {
			t.Fatalf("front matter %q and body %q are not parts of the file %q, in order", file.Front, file.Body, file.Raw)
		}
	})
}

// FuzzDecode: decoding and indexing front matter never panic; syntax
// errors are located inside the file.
func FuzzDecode(f *testing.F) {
	seedFromContent(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		file, err := Split("x.md", data)
		if err != nil {
			return
		}
		doc, err := DecodeFile(file)
		if err != nil {
			var de *diag.Error
			if !errors.As(err, &de) || de.Line < file.FrontLine-1 {
				t.Fatalf("bad error %v (front matter starts at %d)", err, file.FrontLine)
			}
			return
		}
		for _, p := range []string{"title", "stage[0].name", "stage[3].touchpoint[1].kind", "x.y[2]"} {
			if l, _ := doc.Pos(p); l < file.FrontLine {
				t.Fatalf("Pos(%q) = line %d before the front matter", p, l)
			}
		}
	})
}

// FuzzIndex: the key scanner never panics or loops on any text.
func FuzzIndex(f *testing.F) {
	seedFromContent(f)
	f.Add([]byte(`a = [1, [2, {b = "c"}], '''x''']` + "\n" + `"q.k".z = """m` + "\n" + `"""`))
	f.Fuzz(func(t *testing.T, data []byte) {
		ix := NewIndex(data, 1)
		ix.Pos("a[0].b")
	})
}
