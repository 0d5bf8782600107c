package generator

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"time"

	"github.com/waymark-cx/waymark/generator/source"
)

// cacheFormat is the version of what a build writes and of the cache
// record; raising it invalidates every recorded build.
const cacheFormat = 2

// inputFile is one file that a build may read: name is how the key names
// it (unique across every file system summed), path where it is in fsys.
type inputFile struct {
	name string
	fsys fs.FS
	path string
}

// listInputs finds every file of the site and of the built-in templates
// that a build may read, and the running executable when its build
// information does not tell exactly what code it holds. A site folder's
// inputs are its configuration, content and templates, static files,
// layouts, UI strings and own themes (see source.Read, staticFiles,
// loadTheme and the render engine's layers).
func listInputs(opts Options) ([]inputFile, error) {
	var files []inputFile
	for _, root := range append([]string{source.ConfigFile}, source.Folders()...) {
		var err error
		if files, err = walkInputs(files, "site/", opts.Source, root); err != nil {
			return nil, err
		}
	}
	if opts.Templates != nil {
		var err error
		if files, err = walkInputs(files, "builtin/", opts.Templates, "templates"); err != nil {
			return nil, err
		}
	}
	if bi, ok := debug.ReadBuildInfo(); !ok || !identified(bi) {
		// A development build may render differently from the last
		// one with the same build information.
		exe, err := os.Executable()
		if err != nil {
			return nil, fmt.Errorf("finding the waymark binary to tell development builds apart: %w", err)
		}
		files = append(files, inputFile{name: "executable", fsys: os.DirFS(filepath.Dir(exe)), path: filepath.Base(exe)})
	}
	return files, nil
}

// identified reports whether build information names exactly the code
// of the binary: a module version, or a clean version control checkout.
func identified(bi *debug.BuildInfo) bool {
	if v := bi.Main.Version; v != "" && v != "(devel)" && !strings.Contains(v, "+dirty") {
		return true
	}
	var revision, modified string
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			revision = s.Value
		case "vcs.modified":
			modified = s.Value
		}
	}
	return revision != "" && modified == "false"
}

// walkInputs appends every file below root in fsys (or root itself when
// it is a file), named prefix+path. A missing root is no input. Version
// control folders are skipped: a build never reads them.
func walkInputs(files []inputFile, prefix string, fsys fs.FS, root string) ([]inputFile, error) {
	err := fs.WalkDir(fsys, root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == root && errors.Is(err, fs.ErrNotExist) {
				return nil
			}
			return err
		}
		if d.IsDir() {
			if n := d.Name(); p != root && (n == ".git" || n == ".hg" || n == ".svn") {
				return fs.SkipDir
			}
			return nil
		}
		files = append(files, inputFile{name: prefix + p, fsys: fsys, path: p})
		return nil
	})
	return files, err
}

// sumInputs hashes the files with a few workers, each file on its own,
// and combines the sums in the order of the files' names, so that the
// result does not depend on the order they were found in. A file that
// cannot be read (a link to a folder, a dangling link) counts as its
// error message.
func sumInputs(files []inputFile) [sha256.Size]byte {
	x := newInputIndex(files)
	return combine(x.finish())
}

// copyFile streams a file into w through buf. Only regular files are
// read: a named pipe would block, a link to a device never end.
func copyFile(w io.Writer, f inputFile, buf []byte) error {
	fi, err := fs.Stat(f.fsys, f.path)
	if err != nil {
		return err
	}
	if !fi.Mode().IsRegular() {
		return fmt.Errorf("%s is not a regular file but %s", f.name, source.Kind(fi.Mode()))
	}
	r, err := f.fsys.Open(f.path)
	if err != nil {
		return err
	}
	defer r.Close()
	// Hide any WriteTo method, which would not use buf.
	_, err = io.CopyBuffer(w, struct{ io.Reader }{r}, buf)
	return err
}

// buildKey is what a build's output depends on besides the files summed
// in inputs: the waymark binary, the built-in theme used, the options
// and the day (review badges change with it).
func buildKey(inputs [sha256.Size]byte, opts Options, theme string, today time.Time) string {
	h := sha256.New()
	fmt.Fprintf(h, "waymark build cache %d\ninputs %x\n", cacheFormat, inputs)
	if bi, ok := debug.ReadBuildInfo(); ok {
		fmt.Fprintf(h, "binary %q\n", bi.String())
	}
	fmt.Fprintf(h, "base_url %q\ndrafts %v\nday %s\ntheme %q\n", opts.BaseURL, opts.Drafts, today.Format(time.DateOnly), theme)
	if opts.Themes != nil {
		if t, ok := opts.Themes(theme); ok {
			files, err := walkInputs(nil, "theme/", t, ".")
			if err != nil {
				fmt.Fprintf(h, "unreadable theme: %v\n", err)
			}
			fmt.Fprintf(h, "built-in theme %x\n", sumInputs(files))
		}
	}
	return hex.EncodeToString(h.Sum(nil))
}
