package main

import (
	"bytes"
	"cmp"
	"context"
	"embed"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strings"
	"text/template"
	"time"

	"github.com/waymark-cx/waymark"
	"github.com/waymark-cx/waymark/generator/model"
	"github.com/waymark-cx/waymark/generator/slug"
)

// scaffold holds the files of a new site: site/ those of every site,
// content/<language>/ its starter content. Every file is a text/template
// over siteData.
//
//go:embed all:scaffold/site all:scaffold/content
var scaffold embed.FS

type siteData struct {
	Title    string // from the folder name, or --title
	Language string // --language: "en" or "vi"
	Slug     string
	Version  string // the Waymark version the workflow pins
	Today    string // for last_reviewed
}

func (m *Main) newSite(_ context.Context, args []string) int {
	fs := m.flags("new site", "waymark new site DIR [--language vi|en] [--title T] [--example] [--force]",
		"Create a new handbook in DIR: waymark.toml, a home-page introduction, a\nstarter persona and journey, a README, a .gitignore that leaves out public/,\nand a GitHub Actions workflow that publishes the site on GitHub Pages on\nevery push to main, all in the handbook's language. The title is DIR's\nname as written, unless --title. DIR must be empty unless --force, which\nkeeps every file already there and writes only the missing ones.")
	var example, force bool
	var lang, title string
	fs.StringVar(&lang, "language", defaultLanguage(m.Locale), "the handbook's `language`: vi or en (default: vi when $LANG is Vietnamese)")
	fs.StringVar(&title, "title", "", "the handbook's `title` (default: DIR's name)")
	fs.BoolVar(&example, "example", false, "start from the example handbook (Acme) instead of a starter")
	fs.BoolVar(&force, "force", false, "write into a folder that is not empty, keeping its files")
	var dir string
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		dir, args = args[0], args[1:]
	}
	if code, ok := m.parse(fs, args); !ok {
		return code
	}
	if !slices.Contains(model.Languages(), lang) {
		m.errorf("unknown language %q", lang)
		fmt.Fprintf(m.Stderr, "\thint: Waymark speaks %s: --language vi or --language en\n", strings.Join(model.Languages(), ", "))
		return exitUsage
	}
	if dir == "" {
		m.errorf("new site needs a folder")
		fmt.Fprintln(m.Stderr, "\thint: waymark new site my-handbook")
		return exitUsage
	}
	if entries, err := os.ReadDir(dir); err == nil && len(entries) > 0 && !force {
		m.errorf("%s is not empty", dir)
		fmt.Fprintln(m.Stderr, "\thint: choose a new folder, or add --force to write only the files that are missing")
		return exitContent
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		m.errorf("%v", err)
		return exitContent
	}
	data := siteData{
		Title:    cmp.Or(strings.TrimSpace(title), folderTitle(filepath.Base(abs))),
		Language: lang,
		Slug:     slug.Make(filepath.Base(abs)),
		Version:  pinnedVersion(),
		Today:    m.Now().Format(time.DateOnly),
	}
	files, err := siteFiles(data, example)
	if err != nil {
		m.errorf("%v", err)
		return exitContent
	}
	var wrote, kept []string
	for _, name := range sortedNames(files) {
		target := filepath.Join(dir, filepath.FromSlash(name))
		if _, err := os.Lstat(target); err == nil {
			kept = append(kept, name)
			continue
		}
		if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
			m.errorf("%v", err)
			return exitContent
		}
		if err := os.WriteFile(target, files[name], 0o644); err != nil {
			m.errorf("%v", err)
			return exitContent
		}
		wrote = append(wrote, name)
	}
	fmt.Fprintf(m.Stdout, "waymark: created %s with %d %s", dir, len(wrote), plural(len(wrote), "file", "files"))
	if len(kept) > 0 {
		fmt.Fprintf(m.Stdout, " (kept %d that were there: %s)", len(kept), strings.Join(kept, ", "))
	}
	fmt.Fprintf(m.Stdout, "\nnext: cd %s && waymark serve\n", dir)
	return exitOK
}

// siteFiles gives every file of a new site by slash path.
func siteFiles(data siteData, example bool) (map[string][]byte, error) {
	files := map[string][]byte{}
	if err := addScaffold(files, "scaffold/site", "", data); err != nil {
		return nil, err
	}
	if !example {
		return files, addScaffold(files, "scaffold/content/"+data.Language, "content/", data)
	}
	delete(files, "waymark.toml") // the example brings its own
	ex := waymark.Example()
	for _, top := range []string{"waymark.toml", "content", "static"} {
		err := fs.WalkDir(ex, top, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			b, err := fs.ReadFile(ex, p)
			files[path.Clean(p)] = b
			return err
		})
		if err != nil {
			return nil, err
		}
	}
	return files, nil
}

// addScaffold executes every file below root in the scaffold into files,
// by its path below root after prefix.
func addScaffold(files map[string][]byte, root, prefix string, data siteData) error {
	return fs.WalkDir(scaffold, root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(scaffold, p)
		if err != nil {
			return err
		}
		name := prefix + strings.TrimPrefix(p, root+"/")
		t, err := template.New(name).Funcs(template.FuncMap{"toml": tomlString}).Parse(string(b))
		if err != nil {
			return err
		}
		var out bytes.Buffer
		if err := t.Execute(&out, data); err != nil {
			return err
		}
		files[name] = out.Bytes()
		return nil
	})
}

// pinnedVersion is the version of this waymark, for the workflow to pin;
// "latest" for a development build, which has no version to pin.
func pinnedVersion() string {
	if bi, ok := debug.ReadBuildInfo(); ok && strings.HasPrefix(bi.Main.Version, "v") && !strings.Contains(bi.Main.Version, "+dirty") {
		return bi.Main.Version
	}
	return "latest"
}

// folderTitle makes a title from a folder name as written, its dashes
// and underscores read as spaces: "cx" → "cx", "Sổ tay CX" → "Sổ tay CX",
// "cx-handbook" → "cx handbook".
func folderTitle(name string) string {
	s := strings.TrimSpace(strings.NewReplacer("-", " ", "_", " ").Replace(name))
	if s == "" || s == "." || s == string(filepath.Separator) {
		return "CX handbook"
	}
	return s
}

// defaultLanguage is a new site's language when --language is not given:
// Vietnamese when the user's locale is (Main.Locale: vi_VN.UTF-8), else
// English.
func defaultLanguage(locale string) string {
	if strings.HasPrefix(locale, "vi") {
		return "vi"
	}
	return "en"
}

// tomlString quotes s as a TOML basic string.
func tomlString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r < 0x20 || r == 0x7f:
			b.WriteString(`\u` + fmt.Sprintf("%04X", r))
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

func sortedNames(m map[string][]byte) []string {
	return slices.Sorted(maps.Keys(m))
}
