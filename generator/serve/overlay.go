package serve

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/waymark-cx/waymark/generator/diag"
)

// builtinPrefix starts the path of a built-in theme's file in errors
// (generator/theme.go names the layer so).
const builtinPrefix = "(built-in) themes/"

// overlayError is one mistake as the browser overlay shows it.
type overlayError struct {
	Location string        `json:"location"`
	Message  string        `json:"message"`
	Hint     string        `json:"hint,omitempty"`
	Col      int           `json:"col"`
	Snippet  []snippetLine `json:"snippet,omitempty"`
}

type snippetLine struct {
	N       int    `json:"n"`
	Text    string `json:"text"`
	Current bool   `json:"current,omitempty"`
}

// overlayErrors turns a build error into overlay entries, each with the
// source lines around the mistake: from the site folder at root, or from
// a built-in theme that themes finds (nil: none).
func overlayErrors(root string, themes func(string) (fs.FS, bool), err error) []overlayError {
	list, ok := diag.Located(err)
	if !ok {
		return []overlayError{{Location: "waymark", Message: err.Error()}}
	}
	out := make([]overlayError, 0, len(list))
	cache := map[string][]string{}
	for _, e := range list {
		oe := overlayError{Location: e.Location(), Message: e.Msg, Hint: e.Hint, Col: e.Col}
		lines, ok := cache[e.Path]
		if !ok {
			lines = readLines(root, themes, e.Path)
			cache[e.Path] = lines
		}
		if e.Line > 0 && e.Line <= len(lines) {
			for n := max(1, e.Line-2); n <= min(len(lines), e.Line+2); n++ {
				oe.Snippet = append(oe.Snippet, snippetLine{N: n, Text: lines[n-1], Current: n == e.Line})
			}
		}
		out = append(out, oe)
	}
	return out
}

// readLines reads a source file named in an error; only files inside the
// site folder or a built-in theme ("(built-in) themes/default/layouts/…")
// are read.
func readLines(root string, themes func(string) (fs.FS, bool), rel string) []string {
	var b []byte
	var err error
	if theme, ok := strings.CutPrefix(rel, builtinPrefix); ok {
		name, file, _ := strings.Cut(theme, "/")
		if themes == nil || !fs.ValidPath(file) {
			return nil
		}
		fsys, found := themes(name)
		if !found {
			return nil
		}
		b, err = fs.ReadFile(fsys, file)
	} else {
		if rel == "" || filepath.IsAbs(rel) || strings.Contains(rel, "..") {
			return nil
		}
		b, err = os.ReadFile(filepath.Join(root, filepath.FromSlash(rel)))
	}
	if err != nil || len(b) > 4<<20 {
		return nil
	}
	return strings.Split(strings.ReplaceAll(string(b), "\r\n", "\n"), "\n")
}
