package main

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/waymark-cx/waymark/generator/export"
	"github.com/waymark-cx/waymark/generator/importer"
	"github.com/waymark-cx/waymark/generator/model"
	"github.com/waymark-cx/waymark/generator/slug"
	"github.com/waymark-cx/waymark/generator/source"
)

const importUsage = `Usage:
  waymark import mermaid FILE [-o FILE] [-s SOURCE]
  waymark import csv FILE [-o FILE] [-s SOURCE]

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
	fs := m.flags("import "+kind, "waymark import "+kind+" FILE [-o FILE] [-s SOURCE]",
		"Convert FILE into a journey file, written to standard output or to -o.\nPersonas the site in SOURCE does not have are named in a note.")
	var out, src string
	fs.StringVar(&out, "o", "", "write the journey to this `file` instead of standard output")
	fs.StringVar(&src, "s", ".", "the site `folder`: its personas are checked, and Mermaid actors named like them become them")
	fs.StringVar(&src, "source", ".", "same as -s")
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
		j, err = importer.CSV(path, data, siteWords(os.DirFS(src))...)
	}
	if err != nil {
		return m.fail(err, "import", ".")
	}
	m.notePersonas(os.DirFS(src), j.PersonaSlugs)
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

// notePersonas names, on standard error, the personas of an imported
// journey that the site does not have yet: the build would report them.
func (m *Main) notePersonas(site fs.FS, slugs []string) {
	if _, err := fs.Stat(site, "waymark.toml"); err != nil {
		return // not a site: nothing to check against
	}
	have := personaSlugs(site)
	var missing []string
	for _, s := range slugs {
		if !slices.Contains(have, s) {
			missing = append(missing, s)
		}
	}
	if len(missing) == 0 {
		return
	}
	fmt.Fprintf(m.Stderr, "waymark: note: the site has no persona %s yet\n", strings.Join(missing, ", "))
	fmt.Fprintf(m.Stderr, "\thint: add each with waymark new persona NAME (content/personas/%s.md), or change the journey's persona\n", missing[0])
}
