package main

import (
	"context"
	"errors"
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
or in the file -o names, which must not exist yet (it is written whole, at
once, so that a running waymark serve never sees half of it).

In a site (the current folder, or -s), a Mermaid diagram's actors become
the site's personas by name; those it does not have are written to
content/personas/ as waymark new persona writes them, so that the journey
builds at once.
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
	site := os.DirFS(src)
	var j *model.Journey
	var notes []string
	var newPersonas []importer.Persona
	if kind == "mermaid" {
		im, err := importer.Mermaid(path, data, sitePersonas(site))
		if err != nil {
			return m.fail(err, "import", ".")
		}
		m.warn(im.Warnings, ".")
		j, notes = im.Journey, im.Notes
		for _, p := range im.Personas {
			if p.New {
				newPersonas = append(newPersonas, p)
			}
		}
	} else {
		cfg, _, _ := loadTemplates(site) // a site whose templates have mistakes still has its lanes
		j, err = importer.CSVFor(path, data, importer.Site{Words: siteWords(site), Lanes: cfg.Lanes})
		if err != nil {
			return m.fail(err, "import", ".")
		}
	}
	intro, err := starter("journey-import", siteLanguage(site), map[string]string{"File": filepath.Base(file)})
	if err != nil {
		return m.fail(err, "import", ".")
	}
	body := string(intro)
	for _, n := range notes {
		body += "\n" + n + "\n"
	}
	j.Body = []byte(body)
	if kind == "mermaid" {
		if code := m.writePersonas(src, newPersonas, out == ""); code != exitOK {
			return code
		}
	} else {
		m.notePersonas(site, j.PersonaSlugs)
	}
	text := export.Markdown(j)
	if out == "" {
		m.Stdout.Write(text)
		return exitOK
	}
	return m.createAtomic(out, text)
}

// writePersonas writes a persona file for each actor the site has no
// persona for, as waymark new persona does; outside a site it names them.
// When the journey goes to standard output, what is written is said on
// standard error, so as not to mix with it.
func (m *Main) writePersonas(src string, ps []importer.Persona, journeyOnStdout bool) int {
	if len(ps) == 0 {
		return exitOK
	}
	if journeyOnStdout {
		stdout := m.Stdout
		m.Stdout = m.Stderr
		defer func() { m.Stdout = stdout }()
	}
	if fi, err := os.Stat(filepath.Join(src, "waymark.toml")); err != nil || !fi.Mode().IsRegular() {
		var slugs []string
		for _, p := range ps {
			slugs = append(slugs, p.Slug+" ("+p.Name+")")
		}
		fmt.Fprintf(m.Stderr, "waymark: note: %s holds no site: the journey names personas it does not write: %s\n", src, strings.Join(slugs, ", "))
		fmt.Fprintln(m.Stderr, "\thint: run it in the handbook's folder, or with -s FOLDER, to have them written to content/personas/")
		return exitOK
	}
	for _, p := range ps {
		name := slug.File(p.Name)
		if slug.Make(name) != p.Slug {
			name = p.Slug
		}
		text, err := starter("persona", siteLanguage(os.DirFS(src)), map[string]string{"Name": p.Name})
		if err != nil {
			return m.fail(err, "import", src)
		}
		if code := m.create(src, "content/personas/"+name+".md", text); code != exitOK {
			return code
		}
	}
	return exitOK
}

// createAtomic writes a new file whole: to a temporary file beside it,
// then linked in place, which fails if the file exists. A running
// waymark serve sees no file, then the whole file, never an empty or half
// one.
func (m *Main) createAtomic(out string, data []byte) int {
	dir := filepath.Dir(out)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		m.errorf("%v", err)
		return exitContent
	}
	if _, err := os.Lstat(out); err == nil {
		m.errorf("%s already exists", out)
		fmt.Fprintln(m.Stderr, "\thint: choose another name, or edit the file that is there")
		return exitContent
	}
	tmp, err := os.CreateTemp(dir, ".waymark-import-*")
	if err != nil {
		m.errorf("%v", err)
		return exitContent
	}
	defer os.Remove(tmp.Name())
	_, err = tmp.Write(data)
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(tmp.Name(), 0o644)
	}
	if err == nil {
		err = os.Link(tmp.Name(), out)
	}
	if errors.Is(err, fs.ErrExist) {
		m.errorf("%s already exists", out)
		fmt.Fprintln(m.Stderr, "\thint: choose another name, or edit the file that is there")
		return exitContent
	}
	if err != nil {
		m.errorf("%v", err)
		return exitContent
	}
	fmt.Fprintf(m.Stdout, "waymark: wrote %s\n", filepath.ToSlash(out))
	return exitOK
}

// sitePersonas lists the personas of a site, by slug and name; a folder
// that is not a site has none.
func sitePersonas(site fs.FS) []importer.SitePersona {
	var out []importer.SitePersona
	entries, _ := fs.ReadDir(site, "content/personas")
	for _, e := range entries {
		n := e.Name()
		if e.IsDir() || !strings.HasSuffix(n, ".md") || strings.HasPrefix(n, "_") {
			continue
		}
		p := importer.SitePersona{Slug: slug.Make(strings.TrimSuffix(n, ".md"))}
		if b, err := fs.ReadFile(site, "content/personas/"+n); err == nil {
			if f, err := source.Split("content/personas/"+n, b); err == nil {
				if doc, err := source.DecodeFile(f); err == nil {
					p.Name, _ = doc.Data["name"].(string)
				}
			}
		}
		out = append(out, p)
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
