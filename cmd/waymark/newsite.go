package main

import (
	"bytes"
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
	"github.com/waymark-cx/waymark/generator/slug"
)

// scaffold holds the files of a new site; *.md, *.toml, *.yml and README
// files are text/templates over siteData.
//
//go:embed all:scaffold/site
var scaffold embed.FS

type siteData struct {
	Title   string // from the folder name
	Slug    string
	Version string // the Waymark version the workflow pins
	Today   string // for last_reviewed
}

func (m *Main) newSite(_ context.Context, args []string) int {
	fs := m.flags("new site", "waymark new site DIR [--example] [--force]",
		"Create a new handbook in DIR: waymark.toml, a home-page introduction, a\nstarter persona and journey, a README, a .gitignore that leaves out public/,\nand a GitHub Actions workflow that publishes the site on GitHub Pages on\nevery push to main. DIR must be empty unless --force, which keeps every\nfile already there and writes only the missing ones.")
	var example, force bool
	fs.BoolVar(&example, "example", false, "start from the example handbook (Acme) instead of a starter")
	fs.BoolVar(&force, "force", false, "write into a folder that is not empty, keeping its files")
	var dir string
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		dir, args = args[0], args[1:]
	}
	if code, ok := m.parse(fs, args); !ok {
		return code
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
		Title:   humanTitle(filepath.Base(abs)),
		Slug:    slug.Make(filepath.Base(abs)),
		Version: pinnedVersion(),
		Today:   m.Now().Format(time.DateOnly),
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
	root := "scaffold/site"
	err := fs.WalkDir(scaffold, root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		name := strings.TrimPrefix(p, root+"/")
		if example && (name == "waymark.toml" || strings.HasPrefix(name, "content/")) {
			return nil // the example brings its own
		}
		b, err := fs.ReadFile(scaffold, p)
		if err != nil {
			return err
		}
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
	if err != nil || !example {
		return files, err
	}
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

// pinnedVersion is the version of this waymark, for the workflow to pin;
// "latest" for a development build, which has no version to pin.
func pinnedVersion() string {
	if bi, ok := debug.ReadBuildInfo(); ok && strings.HasPrefix(bi.Main.Version, "v") && !strings.Contains(bi.Main.Version, "+dirty") {
		return bi.Main.Version
	}
	return "latest"
}

// humanTitle makes a title from a folder name: "cx-handbook" → "Cx handbook".
func humanTitle(name string) string {
	s := strings.NewReplacer("-", " ", "_", " ").Replace(name)
	if s == "" {
		return "CX handbook"
	}
	r := []rune(s)
	return strings.ToUpper(string(r[0])) + string(r[1:])
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
