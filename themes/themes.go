// Package themes embeds Waymark's built-in themes. Each theme is a folder
// with layouts/ (html/template files), static/ (copied to the site root)
// and i18n/ (UI strings, one TOML file per language).
package themes

import (
	"embed"
	"io/fs"
)

//go:embed all:default
var builtin embed.FS

// Get returns a built-in theme by name, or false.
func Get(name string) (fs.FS, bool) {
	if name == "" || name == "." {
		return nil, false
	}
	sub, err := fs.Sub(builtin, name)
	if err != nil {
		return nil, false
	}
	if _, err := fs.Stat(sub, "layouts"); err != nil {
		return nil, false
	}
	return sub, true
}

// Names lists the built-in themes.
func Names() []string {
	entries, _ := builtin.ReadDir(".")
	var names []string
	for _, e := range entries {
		if e.IsDir() {
			names = append(names, e.Name())
		}
	}
	return names
}
