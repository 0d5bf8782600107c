package model

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/waymark-cx/waymark/generator/diag"
	"github.com/waymark-cx/waymark/generator/source"
)

// FuzzLoad feeds one arbitrary journey and persona file through the whole
// loader: it must never panic, and every mistake must be located.
func FuzzLoad(f *testing.F) {
	paths, _ := filepath.Glob("../../content/*/*.md")
	for _, p := range paths {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte("+++\ntitle = \"x\"\npersona = \"p\"\n[[stage]]\nname = \"a\"\nemotion = { p = 9 }\npain_points = [{ text = \"t\", severity = 9 }]\n+++\n"))
	cfg, err := source.Decode(source.ConfigFile, []byte("title = \"t\"\n"), 1)
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		set := &source.Set{Config: cfg}
		for _, p := range []string{"content/journeys/j.md", "content/personas/p.md", "content/guides/g.md", "templates/t.md"} {
			file, err := source.Split(p, data)
			if err != nil {
				continue
			}
			if p == "templates/t.md" {
				set.Templates = append(set.Templates, file)
			} else {
				set.Content = append(set.Content, file)
			}
		}
		_, err := New(set, Options{Addresses: testAddresses{}})
		if err == nil {
			return
		}
		var list *diag.Errors
		if !errors.As(err, &list) {
			t.Fatalf("not a list of located errors: %v", err)
		}
		for _, e := range list.List {
			if e.Line < 1 || e.Path == "" || e.Msg == "" {
				t.Fatalf("unlocated error %#v", e)
			}
		}
	})
}
