package generator

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"strings"

	"github.com/waymark-cx/waymark/generator/diag"
	"github.com/waymark-cx/waymark/generator/model"
	"github.com/waymark-cx/waymark/generator/source"
)

type theme struct {
	name string // how errors name its files: "themes/default"
	fs   fs.FS
}

// loadTheme finds the configured theme: a folder under the site's themes/
// first, then a built-in theme of that name.
func loadTheme(opts Options, site *model.Site, set *source.Set) (theme, error) {
	name := site.Config.Theme
	dir := "themes/" + name
	if !strings.Contains(name, "/") && name != "." && name != ".." {
		if fi, err := fs.Stat(opts.Source, dir); err == nil && fi.IsDir() {
			sub, err := fs.Sub(opts.Source, dir)
			if err == nil {
				return theme{name: dir, fs: sub}, nil
			}
		}
		if opts.Themes != nil {
			if t, ok := opts.Themes(name); ok {
				return theme{name: "(built-in) " + dir, fs: t}, nil
			}
		}
	}
	e := &diag.Error{Path: source.ConfigFile, Line: 1, Col: 1,
		Msg:  fmt.Sprintf("unknown theme %q", name),
		Hint: "use a built-in theme (" + strings.Join(opts.ThemeNames, ", ") + `), or put your theme in themes/` + name + `/ with layouts/ and static/`}
	if set.Config != nil {
		e.Line, e.Col = set.Config.Pos("theme")
	}
	return theme{}, e
}

// staticFiles maps every static file's site path to the FS that holds it:
// the theme's static/ first, the site's static/ overriding file by file.
func staticFiles(t theme, site fs.FS) (map[string]fs.FS, error) {
	files := map[string]fs.FS{}
	for _, layer := range []fs.FS{t.fs, site} {
		err := fs.WalkDir(layer, "static", func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				if p == "static" && errors.Is(err, fs.ErrNotExist) {
					return fs.SkipDir
				}
				return err
			}
			if d.IsDir() {
				if p != "static" && source.Ignored(d.Name()) {
					return fs.SkipDir
				}
				return nil
			}
			if source.Ignored(d.Name()) || !d.Type().IsRegular() {
				return nil
			}
			files[strings.TrimPrefix(p, "static/")] = layer
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return files, nil
}

func checkAvatars(site *model.Site, statics map[string]fs.FS, errs *diag.List) {
	for _, e := range site.CheckAvatars(func(p string) bool { _, ok := statics[path.Clean(p)]; return ok }) {
		errs.Add(e)
	}
}
