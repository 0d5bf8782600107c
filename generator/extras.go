package generator

import (
	"errors"
	"io/fs"
	"path"
	"slices"
	"strings"

	"github.com/waymark-cx/waymark/generator/diag"
	"github.com/waymark-cx/waymark/generator/model"
	"github.com/waymark-cx/waymark/generator/output"
	"github.com/waymark-cx/waymark/generator/source"
)

// writeStatics writes what is not planned yet: the static files
// (theme's, then the site's). A check minifies nothing (min is nil).
func writeStatics(statics map[string]fs.FS, planned func(string) bool, min *minifier, write func(string, []byte) error, check bool) error {
	names := make([]string, 0, len(statics))
	for n := range statics {
		names = append(names, n)
	}
	slices.Sort(names)
	var twice diag.List // every static file in a built file's place, not just the first
	for _, n := range names {
		if planned(n) {
			twice.Add(&diag.Error{Path: "static/" + n, Line: 1, Col: 1, Msg: "static/" + n + " is where Waymark writes " + n + " for a page or a file of its own",
				Hint: "rename or move it out of the way; a page's address comes from its file name under content/"})
			continue
		}
		b, err := fs.ReadFile(statics[n], "static/"+n)
		if err != nil {
			return err
		}
		if mt := minifiable(n); mt != "" && !check {
			b = min.static(n, mt, b)
		}
		if err := write(n, b); errors.Is(err, output.ErrWrittenTwice) {
			twice.Add(&diag.Error{Path: "static/" + n, Line: 1, Col: 1, Msg: "static/" + n + " is where Waymark writes " + n + " for a page or a file of its own",
				Hint: "rename or move it out of the way; a page's address comes from its file name under content/"})
		} else if err != nil {
			return err
		}
	}
	return twice.Err()
}

// minifiable gives the media type of files worth minifying.
func minifiable(name string) string {
	if strings.HasSuffix(name, ".min.css") || strings.HasSuffix(name, ".min.js") {
		return ""
	}
	switch path.Ext(name) {
	case ".css":
		return "text/css"
	case ".js":
		return "application/javascript"
	case ".svg":
		return "image/svg+xml"
	case ".json":
		return "application/json"
	}
	return ""
}

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
