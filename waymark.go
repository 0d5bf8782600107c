// Package waymark holds the files that ship inside the waymark binary: the
// example handbook (waymark.toml, content/, static/) and the built-in
// blank journey maps (templates/). The generator itself lives in
// generator/, the command in cmd/waymark.
package waymark

import (
	"embed"
	"io/fs"
)

// all: keeps content/_index.md and content/docs/_index.md, which embed
// would leave out for their leading underscore.
//
//go:embed waymark.toml all:content static templates
var files embed.FS

// Example is the example handbook, a complete site.
func Example() fs.FS { return files }

// Templates holds the built-in templates, in the folder templates/.
func Templates() fs.FS { return files }
