package generator

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"path/filepath"
	"slices"
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
			// A theme's static files are published: like static/, its
			// folder may be a link only to a folder inside the site's.
			if li, err := fs.Lstat(opts.Source, dir); err == nil && li.Mode()&fs.ModeSymlink != 0 {
				if _, why := followLink(opts.Source, dir, true); why != "" {
					return theme{}, &diag.Error{Path: dir, Line: 1, Col: 1,
						Msg:  "the theme's folder is a symbolic link " + why,
						Hint: "copy the theme into " + dir + "/, or link it to a folder inside the site's folder with a relative link"}
				}
			}
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
// A symbolic link is a static file when it leads, in the same folder tree,
// to a file; one that leads out of the tree, to a folder or nowhere is
// left out with a warning, so that a link cannot publish a file from
// elsewhere on the author's machine.
func staticFiles(t theme, site fs.FS) (*staticSet, error) {
	files := map[string]fs.FS{}
	var warnings []*diag.Error
	var linked []string
	for _, layer := range []struct {
		name string // how warnings name the layer's files: "", "themes/x/"
		fs   fs.FS
	}{{t.name + "/", t.fs}, {"", site}} {
		// static/ itself may be a link, which WalkDir follows: only to
		// a folder in the same tree, as for the links inside it.
		if fi, err := fs.Lstat(layer.fs, "static"); err == nil && fi.Mode()&fs.ModeSymlink != 0 {
			via, why := followLink(layer.fs, "static", true)
			if why != "" {
				warnings = append(warnings, &diag.Error{Path: layer.name + "static", Line: 1, Col: 1,
					Msg:  "the static folder is a symbolic link " + why + ": nothing in it is copied",
					Hint: "make static/ a folder of the site, or link it to a folder inside the site's folder with a relative link"})
				continue
			}
			if layer.name == "" { // the links on the way, and the folder
				linked = append(linked, via[:len(via)-1]...)
				linked = append(linked, via[len(via)-1]+"/")
			}
		}
		err := fs.WalkDir(layer.fs, "static", func(p string, d fs.DirEntry, err error) error {
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
			if source.Ignored(d.Name()) {
				return nil
			}
			if d.Type()&fs.ModeSymlink != 0 {
				via, why := linkedFile(layer.fs, p)
				if why != "" {
					warnings = append(warnings, &diag.Error{Path: layer.name + p, Line: 1, Col: 1,
						Msg:  "a symbolic link " + why + ": not copied",
						Hint: "copy the file into static/, or link to a file inside the site's folder with a relative link"})
					return nil
				}
				if layer.name == "" {
					linked = append(linked, via...)
				}
			} else if !d.Type().IsRegular() {
				return nil
			}
			files[strings.TrimPrefix(p, "static/")] = layer.fs
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	slices.Sort(linked)
	return &staticSet{files: files, warnings: warnings, linked: slices.Compact(linked)}, nil
}

// staticSet is what staticFiles finds.
type staticSet struct {
	files    map[string]fs.FS // by site path
	warnings []*diag.Error    // links left out
	// linked is every path inside the site folder that the site's static
	// links lead to, through further links, and the folder static/ leads
	// to when it is a link, ending in "/": a change to one changes the
	// output, though it may lie outside static/ (Report.Linked).
	linked []string
}

// linkedFile follows the symbolic link at name in fsys, and any link it
// leads to, and says why it is not a file of fsys: "" when it is. via is
// every path the links led to, the file last.
func linkedFile(fsys fs.FS, name string) (via []string, why string) {
	return followLink(fsys, name, false)
}

// followLink is linkedFile for a file, or for a folder when dir is set.
func followLink(fsys fs.FS, name string, dir bool) (via []string, why string) {
	cur := name
	for range 32 {
		target, err := fs.ReadLink(fsys, cur)
		if err != nil {
			return nil, "that cannot be read (" + err.Error() + ")"
		}
		target = filepath.ToSlash(target)
		if path.IsAbs(target) || filepath.IsAbs(target) {
			return nil, "to an absolute path, " + target
		}
		next := path.Join(path.Dir(cur), target)
		if !fs.ValidPath(next) {
			return nil, "to " + target + ", outside the folder"
		}
		// A folder on the way that is itself a link could lead anywhere.
		for dir := path.Dir(next); dir != "."; dir = path.Dir(dir) {
			if fi, err := fs.Lstat(fsys, dir); err == nil && fi.Mode()&fs.ModeSymlink != 0 {
				return nil, "to " + target + ", through the linked folder " + dir
			}
		}
		fi, err := fs.Lstat(fsys, next)
		via = append(via, next)
		switch {
		case err != nil:
			return nil, "to " + target + ", which does not exist"
		case fi.Mode()&fs.ModeSymlink != 0:
			cur = next
		case fi.Mode().IsRegular() && !dir, fi.IsDir() && dir:
			return via, ""
		case dir:
			return nil, "to " + target + ", which is not a folder"
		default:
			return nil, "to " + target + ", which is not a file"
		}
	}
	return nil, "in a loop of links"
}

func checkAvatars(site *model.Site, statics map[string]fs.FS, errs *diag.List) {
	for _, e := range site.CheckAvatars(func(p string) bool { _, ok := statics[path.Clean(p)]; return ok }) {
		errs.Add(e)
	}
}
