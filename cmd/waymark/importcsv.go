package main

import (
	"io/fs"
	"path"
	"strings"

	"github.com/waymark-cx/waymark/generator/export"
	"github.com/waymark-cx/waymark/generator/model"
	"github.com/waymark-cx/waymark/generator/source"
)

// siteWords are the CSV labels a site renames, so that import csv reads
// the downloads of a site that renamed rows: the csv.* strings of the
// i18n files of each language, the theme's (a folder under the site's
// themes/) first, then the site's own. Files that do not decode are the
// build's to report; here they rename nothing.
func siteWords(site fs.FS) []export.Words {
	cfg, err := fs.ReadFile(site, source.ConfigFile)
	if err != nil {
		return nil // not a site
	}
	folders := []string{"."}
	if doc, err := source.Decode(source.ConfigFile, cfg, 1); err == nil {
		if name, ok := doc.Data["theme"].(string); ok && name != "" && !strings.ContainsAny(name, `/\`) && name != "." && name != ".." {
			folders = []string{"themes/" + name, "."}
		}
	}
	var out []export.Words
	for _, dir := range folders {
		for _, lang := range model.Languages() {
			name := path.Join(dir, "i18n", lang+".toml")
			b, err := fs.ReadFile(site, name)
			if err != nil {
				continue
			}
			doc, err := source.Decode(name, b, 1)
			if err != nil {
				continue
			}
			strs := map[string]string{}
			for k, v := range doc.Data {
				if s, ok := v.(string); ok {
					strs[k] = s
				}
			}
			if w := export.Renamed(strs); w != nil {
				out = append(out, w)
			}
		}
	}
	// The site's own strings replace its theme's: they come first.
	for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
		out[i], out[j] = out[j], out[i]
	}
	return out
}
