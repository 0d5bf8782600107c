package output

import (
	"fmt"
	"io/fs"
)

// A Tree looks up the files of a folder a build wrote (Stamp), for a
// build that checks, before doing anything, that its last output is as
// it left it: every file it wrote, thousands of them. On Linux each file
// is looked up from its top folder (journeys/, personas/ …), opened
// once and not through a link, where a path from the working folder
// walks the output folder's own path again for every file; elsewhere by
// its path. A Tree is safe for concurrent use.
//
// Its methods are in tree_linux.go and tree_other.go.

// regular is the stamp of a file found as info, when it is a regular
// file.
func regular(name string, mode fs.FileMode, size, mtime int64) (Stamp, error) {
	if !mode.IsRegular() {
		return Stamp{}, fmt.Errorf("%s is not a regular file", name)
	}
	return Stamp{size, mtime}, nil
}
