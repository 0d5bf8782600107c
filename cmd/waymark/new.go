package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/waymark-cx/waymark"
	"github.com/waymark-cx/waymark/generator/export"
	"github.com/waymark-cx/waymark/generator/model"
	"github.com/waymark-cx/waymark/generator/plan"
	"github.com/waymark-cx/waymark/generator/slug"
	"github.com/waymark-cx/waymark/generator/source"
)

const newUsage = `Usage:
  waymark new journey NAME [-s SOURCE] [--template T] [--persona P]
  waymark new persona NAME [-s SOURCE]
  waymark new site DIR [--language vi|en] [--title T] [--example] [--force]

Write a file ready to edit: a journey in SOURCE/content/journeys/, a
persona in SOURCE/content/personas/, or a whole new handbook in DIR, in
the handbook's language. The file is named after NAME in lower case
("Mua hàng" → mua-hàng.md); an existing file is never overwritten.
`

// newCmd dispatches "waymark new KIND": each kind is one case.
func (m *Main) newCmd(ctx context.Context, args []string) int {
	if len(args) == 0 {
		fmt.Fprint(m.Stderr, newUsage)
		return exitUsage
	}
	switch args[0] {
	case "journey":
		return m.newJourney(args[1:])
	case "persona":
		return m.newPersona(args[1:])
	case "site":
		return m.newSite(ctx, args[1:])
	case "-h", "-help", "--help", "help":
		fmt.Fprint(m.Stdout, newUsage)
		return exitOK
	}
	m.errorf("unknown kind %q: new makes a journey, a persona or a site", args[0])
	fmt.Fprintln(m.Stderr, "\thint: waymark new journey \"Buying online\", waymark new persona Lan or waymark new site my-handbook")
	return exitUsage
}

// nameArg takes NAME, which comes before or after the flags.
func (m *Main) nameArg(fs *flag.FlagSet, args []string, what string) (string, int, bool) {
	var name string
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		name, args = args[0], args[1:]
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fs.SetOutput(m.Stdout)
			fs.Usage()
			return "", exitOK, false
		}
		return "", exitUsage, false
	}
	rest := fs.Args()
	if name == "" && len(rest) > 0 {
		name, rest = rest[0], rest[1:]
		if err := fs.Parse(rest); err != nil {
			return "", exitUsage, false
		}
		rest = fs.Args()
	}
	if len(rest) > 0 {
		m.errorf("unexpected argument %q", rest[0])
		fmt.Fprintf(m.Stderr, "\thint: put a name with spaces in quotes: waymark %s \"%s %s\"\n", fs.Name(), name, rest[0])
		return "", exitUsage, false
	}
	if strings.TrimSpace(name) == "" || slug.Make(name) == "" {
		m.errorf("%s needs a name with letters or digits", fs.Name())
		fmt.Fprintf(m.Stderr, "\thint: waymark %s %s\n", fs.Name(), what)
		return "", exitUsage, false
	}
	return strings.TrimSpace(name), exitOK, true
}

func (m *Main) newJourney(args []string) int {
	fs := m.flags("new journey", "waymark new journey NAME [-s SOURCE] [--template T] [--persona P]",
		"Write a new journey map titled NAME to SOURCE/content/journeys/, from a\ntemplate (the built-in ones and the site's templates/), or with the\nsite's stages (waymark.toml stages) and empty lanes.")
	var src, tmpl, persona string
	fs.StringVar(&src, "s", ".", "the site `folder` (holding waymark.toml)")
	fs.StringVar(&src, "source", ".", "same as -s")
	fs.StringVar(&tmpl, "template", "", "start from this `template`, by slug (e.g. b2c-ecommerce)")
	fs.StringVar(&persona, "persona", "", "the `slug` of the persona the map is told from")
	name, code, ok := m.nameArg(fs, args, `"Buying on the marketplace" --template b2c-ecommerce --persona lan`)
	if !ok {
		return code
	}
	if !m.isSite(src) {
		return exitContent
	}
	site := os.DirFS(src)
	cfg, templates, err := loadTemplates(site)
	if err != nil {
		return m.fail(err, "new journey", src)
	}
	if persona != "" {
		personas := personaSlugs(site)
		if !slices.Contains(personas, persona) {
			m.errorf("unknown persona %q", persona)
			hint := "add one first: waymark new persona NAME"
			if len(personas) > 0 {
				hint = "the personas in content/personas/ are " + strings.Join(personas, ", ")
			}
			fmt.Fprintln(m.Stderr, "\thint: "+hint)
			return exitContent
		}
	}
	j := &model.Journey{Title: name, Type: model.CurrentState}
	if tmpl != "" {
		i := slices.IndexFunc(templates, func(t *model.Journey) bool { return t.Slug == tmpl || t.Slug == slug.Make(tmpl) })
		if i < 0 {
			var names []string
			for _, t := range templates {
				names = append(names, t.Slug)
			}
			m.errorf("unknown template %q", tmpl)
			fmt.Fprintf(m.Stderr, "\thint: the templates are %s\n", strings.Join(names, ", "))
			return exitUsage
		}
		t := templates[i]
		j.Type, j.Summary, j.Goal, j.Stages, j.Lanes = t.Type, t.Summary, t.Goal, t.Stages, t.Lanes
		// The template's notes tell a workshop how to fill it in; the
		// new map's notes point to them instead of copying them.
		if j.Body, err = starter("journey-template", cfg.Language, map[string]string{
			"Template": t.Title, "URL": plan.Addresses().Entry("templates", "") + "#" + t.Slug, "File": t.Download("md")}); err != nil {
			return m.fail(err, "new journey", src)
		}
		for _, tag := range t.Tags {
			if tag != "template" {
				j.Tags = append(j.Tags, tag)
			}
		}
	} else {
		stages := cfg.Stages
		if len(stages) == 0 {
			stages = defaultStages(cfg.Language)
		}
		for i, s := range stages {
			j.Stages = append(j.Stages, &model.Stage{Index: i, Name: s})
		}
		if j.Body, err = starter("journey", cfg.Language, nil); err != nil {
			return m.fail(err, "new journey", src)
		}
	}
	if persona != "" {
		j.PersonaSlugs = []string{persona}
		for _, s := range j.Stages {
			if v, ok := s.Emotion[""]; ok {
				s.Emotion = map[string]float64{persona: v}
			}
		}
	}
	return m.create(src, "content/journeys/"+slug.File(name)+".md", export.Markdown(j))
}

func (m *Main) newPersona(args []string) int {
	fs := m.flags("new persona", "waymark new persona NAME [-s SOURCE]",
		"Write a new persona named NAME to SOURCE/content/personas/, with every\nkey of the format to fill in.")
	var src string
	fs.StringVar(&src, "s", ".", "the site `folder` (holding waymark.toml)")
	fs.StringVar(&src, "source", ".", "same as -s")
	name, code, ok := m.nameArg(fs, args, "Lan")
	if !ok {
		return code
	}
	if !m.isSite(src) {
		return exitContent
	}
	text, err := starter("persona", siteLanguage(os.DirFS(src)), map[string]string{"Name": name})
	if err != nil {
		return m.fail(err, "new persona", src)
	}
	return m.create(src, "content/personas/"+slug.File(name)+".md", text)
}

// isSite reports whether src holds a handbook (its waymark.toml), and
// says so when not: a mistyped -s would otherwise make a tree of folders
// for the new file.
func (m *Main) isSite(src string) bool {
	if fi, err := os.Stat(filepath.Join(src, "waymark.toml")); err == nil && fi.Mode().IsRegular() {
		return true
	}
	m.errorf("%s holds no waymark.toml: it is not a handbook's folder", src)
	fmt.Fprintln(m.Stderr, "\thint: run it in the handbook's folder, pass -s FOLDER, or start a handbook with waymark new site DIR")
	return false
}

// create writes a new file below src, refusing to overwrite one, or to
// add a page whose slug another file of its folder already gives.
func (m *Main) create(src, rel string, data []byte) int {
	p := filepath.Join(src, filepath.FromSlash(rel))
	if entries, err := os.ReadDir(filepath.Dir(p)); err == nil && strings.HasSuffix(rel, ".md") {
		want := slug.Make(strings.TrimSuffix(filepath.Base(p), ".md"))
		for _, e := range entries {
			n := e.Name()
			if n != filepath.Base(p) && strings.HasSuffix(n, ".md") && slug.Make(strings.TrimSuffix(n, ".md")) == want {
				m.errorf("%s already gives the slug %q", path.Join(path.Dir(filepath.ToSlash(rel)), n), want)
				fmt.Fprintln(m.Stderr, "\thint: two files with the same slug would have the same URL; choose another name, or edit that file")
				return exitContent
			}
		}
	}
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		m.errorf("%v", err)
		return exitContent
	}
	f, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		m.errorf("%s already exists", rel)
		fmt.Fprintln(m.Stderr, "\thint: choose another name, or edit the file that is there")
		return exitContent
	}
	if err == nil {
		_, err = f.Write(data)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
	}
	if err != nil {
		m.errorf("%v", err)
		return exitContent
	}
	fmt.Fprintf(m.Stdout, "waymark: wrote %s\n", rel)
	return exitOK
}

// loadTemplates reads the site's configuration (when there is one) and
// every template: the built-in ones, then the site's templates/.
func loadTemplates(site fs.FS) (model.Config, []*model.Journey, error) {
	builtin, err := source.ReadTemplates(waymark.Templates(), "templates")
	if err != nil {
		return model.Config{}, nil, err
	}
	cfgText := []byte("title = \"new\"\n")
	if b, err := fs.ReadFile(site, "waymark.toml"); err == nil {
		cfgText = b
	}
	cfg, err := source.Decode("waymark.toml", cfgText, 1)
	if err != nil {
		return model.Config{}, nil, err
	}
	own, _ := source.ReadTemplates(site, "templates") // a site without templates/ has none
	s, err := model.New(&source.Set{Config: cfg, ConfigText: cfgText, Templates: append(builtin, own...), Builtin: len(builtin)}, model.Options{Addresses: plan.Addresses()})
	if s == nil {
		return model.Config{}, nil, err
	}
	if err != nil {
		return s.Config, nil, err
	}
	return s.Config, s.Templates, nil
}

// personaSlugs lists the slugs of the files in content/personas/.
func personaSlugs(site fs.FS) []string {
	entries, _ := fs.ReadDir(site, "content/personas")
	var out []string
	for _, e := range entries {
		if n := e.Name(); !e.IsDir() && strings.HasSuffix(n, ".md") && !strings.HasPrefix(n, "_") {
			out = append(out, slug.Make(strings.TrimSuffix(n, ".md")))
		}
	}
	slices.Sort(out)
	return out
}
