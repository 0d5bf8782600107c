package source

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"

	"github.com/waymark-cx/waymark/generator/diag"
	"github.com/waymark-cx/waymark/generator/internal/par"
)

// ConfigFile is the name of the site configuration at the source root.
const ConfigFile = "waymark.toml"

// Folders are the folders of a site that a build reads, beside
// ConfigFile: its content, static files, layouts, templates, themes and
// UI strings. The build key sums them, the dev server watches them, and
// no output folder may be inside one.
func Folders() []string {
	return []string{"content", "static", "layouts", "templates", "themes", "i18n"}
}

// Set is everything a site's source folder holds that the model needs: the
// configuration and every Markdown file, split. Static files, layouts and
// themes are read later, by the stages that use them.
type Set struct {
	Config     *Doc
	ConfigText []byte  // waymark.toml as written
	Content    []*File // content/**/*.md, sorted by path
	Templates  []*File // templates/*.md, sorted by path
	// Builtin is how many of Templates, at their start, are built into
	// Waymark rather than the site's: a site template replaces a
	// built-in one of the same slug.
	Builtin int
	// Unread lists the content files that could not be read or split
	// (their mistakes are reported): the model knows their addresses,
	// so that links and references to them are not reported too.
	Unread []string
}

// Read loads the configuration and the Markdown files of a site. Every
// mistake found (a missing waymark.toml, a file without front matter, a TOML
// syntax error in waymark.toml) is returned at once as *diag.Errors;
// front-matter TOML is decoded later, by the model.
func Read(fsys fs.FS) (*Set, error) {
	return NewCache().Read(fsys)
}

// Read is source.Read with the cache: files whose size and modification
// time have not changed since the last read with the same cache are not
// read or split again, and an unchanged waymark.toml is not decoded again.
func (cache *Cache) Read(fsys fs.FS) (*Set, error) {
	var errs diag.List
	set := &Set{}
	fast := cache.update(fsys)
	if !fast {
		cache.begin()
		defer cache.end()
	} else {
		defer func() { cache.pending, cache.trusted = nil, false }()
	}
	tree := func(dir string, recursive bool) []*File {
		if fast {
			return cache.listing(dir, &errs)
		}
		return readTree(fsys, dir, recursive, &errs, cache)
	}
	if doc, text, err, ok := cache.config(fsys); ok {
		set.Config, set.ConfigText = doc, text
		if err != nil {
			addErr(&errs, ConfigFile, err)
		}
		set.Content = tree("content", true)
		set.Templates = tree("templates", false)
		set.Unread = unread(&errs)
		return set, errs.Err()
	}
	fi, err := fs.Stat(fsys, ConfigFile)
	var data []byte
	if err == nil && !fi.Mode().IsRegular() {
		err = fmt.Errorf("%s is not a regular file but %s", ConfigFile, Kind(fi.Mode()))
	} else if err == nil {
		data, err = fs.ReadFile(fsys, ConfigFile)
	}
	switch {
	case errors.Is(err, fs.ErrNotExist):
		errs.Add(&diag.Error{Path: ConfigFile, Msg: "no " + ConfigFile + " in the source folder",
			Hint: "run waymark in the handbook's folder, pass -s FOLDER, or create " + ConfigFile + ` with title = "…"`})
	case err != nil:
		errs.Add(&diag.Error{Path: ConfigFile, Msg: err.Error(),
			Hint: ConfigFile + ` is a TOML file of the site's settings, with at least title = "…"`})
	default:
		doc, err := Decode(ConfigFile, data, 1)
		if err != nil {
			addErr(&errs, ConfigFile, err)
		}
		set.Config, set.ConfigText = doc, data
		cache.putConfig(fsys, doc, data, err)
	}
	set.Content = tree("content", true)
	set.Templates = tree("templates", false)
	set.Unread = unread(&errs)
	return set, errs.Err()
}

// unread lists the content files that mistakes were reported in while
// reading: none of them made it into the set.
func unread(errs *diag.List) []string {
	var out []string
	for _, e := range errs.Items() {
		if strings.HasPrefix(e.Path, "content/") && strings.HasSuffix(e.Path, ".md") && !slices.Contains(out, e.Path) {
			out = append(out, e.Path)
		}
	}
	return out
}

// readTree reads every Markdown file below dir (or only directly in it).
// A missing dir is not a mistake.
func readTree(fsys fs.FS, dir string, recursive bool, errs *diag.List, cache *Cache) []*File {
	var files []*File
	var reads []read // in the order walked, so that mistakes are too
	err := fs.WalkDir(fsys, dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == dir && errors.Is(err, fs.ErrNotExist) {
				return fs.SkipDir
			}
			errs.Add(&diag.Error{Path: p, Msg: err.Error()})
			return nil
		}
		if d.IsDir() {
			if p != dir && (!recursive || Ignored(d.Name())) {
				return fs.SkipDir
			}
			return nil
		}
		if Ignored(d.Name()) || path.Ext(p) != ".md" {
			return nil
		}
		// Looked up once: the cache compares its time and size, and a
		// regular file (not a link) need not be looked up again to be
		// read.
		info, _ := d.Info()
		if f, err, ok := cache.file(p, info); ok {
			if err != nil {
				addErr(errs, p, err)
			} else {
				files = append(files, f)
			}
			return nil
		}
		reads = append(reads, read{path: p, info: info})
		return nil
	})
	if err != nil {
		errs.Add(&diag.Error{Path: dir, Msg: err.Error()})
	}
	// Read and split on every core: a large handbook has thousands of
	// files, and nothing else runs until they are read.
	_ = par.Each(len(reads), par.For(len(reads)), func(i int) error {
		r := &reads[i]
		var data []byte
		if data, r.readErr = readRegular(fsys, r.path, r.info); r.readErr == nil {
			r.f, r.err = Split(r.path, data)
		}
		return nil
	})
	for _, r := range reads {
		switch {
		case r.readErr != nil:
			errs.Add(r.readErr)
			continue
		case r.err != nil:
			addErr(errs, r.path, r.err)
		default:
			files = append(files, r.f)
		}
		cache.putFile(r.path, r.info, r.f, r.err)
	}
	slices.SortFunc(files, func(a, b *File) int { return strings.Compare(a.Path, b.Path) })
	return files
}

// read is a file readTree reads: what reading and splitting it gave.
type read struct {
	path    string
	info    fs.FileInfo // as walked, not following a link; nil if gone
	f       *File
	err     error       // splitting
	readErr *diag.Error // reading
}

// MaxFileSize is the largest content file Waymark reads: far more than
// any page, and a bound on what a link to a device or a runaway file can
// make it hold.
const MaxFileSize = 64 << 20

// Kind names what a file that is not a regular one is, for messages.
func Kind(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a folder"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeDevice != 0:
		return "a device"
	}
	return "a special file"
}

// readRegular reads a content file, which must be a regular file (a link
// is followed) of at most MaxFileSize: a named pipe would block the read
// for ever, and a link to /dev/zero fill the memory. walked is the file as
// a walk found it, if it did: a regular file there is not looked up again.
func readRegular(fsys fs.FS, p string, walked fs.FileInfo) ([]byte, *diag.Error) {
	fi, err := walked, error(nil)
	if fi == nil || !fi.Mode().IsRegular() {
		fi, err = fs.Stat(fsys, p)
	}
	if err == nil && !fi.Mode().IsRegular() {
		return nil, &diag.Error{Path: p, Line: 1, Col: 1, Msg: "not a regular file but " + Kind(fi.Mode()),
			Hint: "a page is a Markdown file; remove this one, or rename it so that it does not end in .md"}
	}
	if err == nil && fi.Size() > MaxFileSize {
		return nil, &diag.Error{Path: p, Line: 1, Col: 1, Msg: fmt.Sprintf("%d MiB is too large for a page (at most %d MiB)", fi.Size()>>20, MaxFileSize>>20),
			Hint: "split the page, or keep large files in static/"}
	}
	var data []byte
	if err == nil {
		data, err = fs.ReadFile(fsys, p)
	}
	if err != nil {
		return nil, &diag.Error{Path: p, Line: 1, Col: 1, Msg: err.Error(),
			Hint: "check that the file exists and can be read (a symbolic link must lead to a file)"}
	}
	return data, nil
}

// Ignored reports whether a file or folder name is hidden or an editor's
// temporary file, which Waymark never reads: vim's .swp/.swx/.swo swap
// files, backup~ files and its 4913 write probe, Emacs's #autosave# and
// .#lock files, JetBrains' safe-write ___jb_tmp___/___jb_old___ files,
// Kate's .kate-swp, and .tmp files.
func Ignored(name string) bool {
	if strings.HasPrefix(name, ".") || strings.HasPrefix(name, "#") || name == "4913" {
		return true
	}
	for _, suffix := range []string{"~", ".swp", ".swx", ".swo", ".tmp", "___jb_tmp___", "___jb_old___", ".kate-swp"} {
		if strings.HasSuffix(name, suffix) {
			return true
		}
	}
	return false
}

func addErr(errs *diag.List, p string, err error) { errs.AddErr(err, p, "") }

// ReadTemplates reads the Markdown files directly in dir of fsys, as Read
// does for a site's templates/; used for the built-in templates.
func ReadTemplates(fsys fs.FS, dir string) ([]*File, error) {
	var errs diag.List
	c := NewCache()
	c.begin()
	files := readTree(fsys, dir, false, &errs, c)
	return files, errs.Err()
}
