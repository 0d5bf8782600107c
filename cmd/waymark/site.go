package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/waymark-cx/waymark/generator/source"
)

// siteFolder refuses, plainly and with its path, a site folder that does
// not exist, is not a folder, or holds no waymark.toml, before build,
// check or serve looks inside it.
func (m *Main) siteFolder(src string) bool {
	fi, err := os.Stat(src)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		m.errorHint(fmt.Sprintf("the site folder %s does not exist", src),
			"pass -s with the handbook's folder (the one holding waymark.toml), or start one: waymark new site "+src)
	case err != nil:
		m.errorHint(fmt.Sprintf("the site folder %s: %v", src, errors.Unwrap(err)), "check the folder's permissions")
	case !fi.IsDir():
		m.errorHint(fmt.Sprintf("%s is a file, not a site folder", src),
			"pass -s with the handbook's folder (the one holding waymark.toml): "+filepath.Dir(src))
	default:
		if _, err := os.Stat(filepath.Join(src, source.ConfigFile)); errors.Is(err, fs.ErrNotExist) {
			m.errorHint(fmt.Sprintf("no %s in %s", source.ConfigFile, src),
				"run waymark in the handbook's folder, pass -s FOLDER, or create "+source.ConfigFile+` with title = "…"`)
			return false
		}
		return true
	}
	return false
}

// errorHint reports an error and a hint on how to mend it, each on its
// own line.
func (m *Main) errorHint(msg, hint string) {
	m.errorf("%s", msg)
	fmt.Fprintf(m.Stderr, "\thint: %s\n", hint)
}
