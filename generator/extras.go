package generator

import (
	"io/fs"
	"strings"

	"github.com/waymark-cx/waymark/generator/model"
	"github.com/waymark-cx/waymark/generator/source"
)

// absolute is a site path with base_url in front.
func absolute(site *model.Site, p string) string {
	return strings.TrimSuffix(site.Config.BaseURL, "/") + "/" + p
}

// readSource reads and splits a content file again: a one-off build of a
// large handbook lets go of journeys' text once they are decoded
// (model.Options.Release) and reads it again when it renders and exports them.
func readSource(files fs.FS, path string) (*source.File, error) {
	data, err := fs.ReadFile(files, path)
	if err != nil {
		return nil, err
	}
	return source.Split(path, data)
}
