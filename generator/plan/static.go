package plan

import (
	"io/fs"
	"maps"
	"path"
	"slices"
	"strings"
)

// statics plans the static files, the theme's and then the site's (a
// site's file of the same name wins), each copied from static/<name> to
// <name>: CSS, JavaScript, SVG and JSON minified, unless already
// (.min.css, .min.js).
func statics(p *Planner) {
	for _, name := range slices.Sorted(maps.Keys(p.Statics)) {
		p.output(Output{Path: name, Copy: &Copy{FS: p.Statics[name], Path: "static/" + name}, Minify: minifiable(name)})
	}
}

// Copy is a file copied from the site's or the theme's folder.
type Copy struct {
	FS   fs.FS
	Path string // in FS: "static/css/site.css"
}

// minifiable is the media type of a static file worth minifying, or "".
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
