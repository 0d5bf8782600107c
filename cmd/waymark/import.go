package main

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/waymark-cx/waymark/generator/export"
	"github.com/waymark-cx/waymark/generator/importer"
	"github.com/waymark-cx/waymark/generator/model"
	"github.com/waymark-cx/waymark/generator/slug"
	"github.com/waymark-cx/waymark/generator/source"
)

const importUsage = `Usage:
  waymark import mermaid FILE [-o FILE] [-s SOURCE]
  waymark import csv FILE [-o FILE]

Turn a Mermaid journey diagram, or a filled-in CSV template (the CSV a
journey or template page offers), into a journey file: on standard output,
or in the file -o names, which must not exist yet.
`

func (m *Main) importCmd(_ context.Context, args []string) int {
	if len(args) == 0 {
		fmt.Fprint(m.Stderr, importUsage)
		return exitUsage
	}
	kind := args[0]
	switch kind {
	case "-h", "-help", "--help", "help":
		fmt.Fprint(m.Stdout, importUsage)
		return exitOK
	case "mermaid", "csv":
	default:
		m.errorf("unknown format %q: import reads mermaid or csv", kind)
		fmt.Fprintln(m.Stderr, "\thint: waymark import mermaid journey.mmd or waymark import csv journey.csv")
		return exitUsage
	}
	fs := m.flags("import "+kind, "waymark import "+kind+" FILE [-o FILE]"+map[bool]string{true: " [-s SOURCE]"}[kind == "mermaid"],
		"Convert FILE into a journey file, written to standard output or to -o.")
	var out, src string
	fs.StringVar(&out, "o", "", "write the journey to this `file` instead of standard output")
	if kind == "mermaid" {
		fs.StringVar(&src, "s", ".", "the site `folder`: actors named like its personas become them")
		fs.StringVar(&src, "source", ".", "same as -s")
	}
	file, code, ok := m.nameArg(fs, args[1:], "journey."+map[bool]string{true: "mmd", false: "csv"}[kind == "mermaid"])
	if !ok {
		return code
	}
	data, err := os.ReadFile(file)
	if err != nil {
		m.errorf("%v", err)
		return exitContent
	}
	path := filepath.ToSlash(file)
	var j *model.Journey
	if kind == "mermaid" {
		j, err = importer.Mermaid(path, data, personaNames(os.DirFS(src)))
	} else {
		j, err = importer.CSV(path, data)
	}
	if err != nil {
		return m.fail(err, "import")
	}
	j.Body = []byte("Imported from " + filepath.Base(file) + ". Context, research notes and recommendations, in Markdown.\n")
	text := export.Markdown(j)
	if out == "" {
		m.Stdout.Write(text)
		return exitOK
	}
	return m.create("", out, text)
}

// personaNames maps the folded name of each persona of a site to its
// slug; a folder that is not a site gives none.
func personaNames(site fs.FS) map[string]string {
	out := map[string]string{}
	entries, _ := fs.ReadDir(site, "content/personas")
	for _, e := range entries {
		n := e.Name()
		if e.IsDir() || !strings.HasSuffix(n, ".md") || strings.HasPrefix(n, "_") {
			continue
		}
		b, err := fs.ReadFile(site, "content/personas/"+n)
		if err != nil {
			continue
		}
		f, err := source.Split("content/personas/"+n, b)
		if err != nil {
			continue
		}
		doc, err := source.DecodeFile(f)
		if err != nil {
			continue
		}
		if name, ok := doc.Data["name"].(string); ok {
			out[slug.Fold(name)] = slug.Make(strings.TrimSuffix(n, ".md"))
		}
	}
	return out
}
