//go:build !linux

package output

import (
	"os"
	"path/filepath"
)

// Tree looks up files by their path from its folder (see tree.go).
type Tree struct{ dest string }

// OpenTree opens the folder dest to look up the files in it.
func OpenTree(dest string) (*Tree, error) {
	if _, err := os.Stat(dest); err != nil {
		return nil, err
	}
	return &Tree{dest}, nil
}

// Stamp is the stamp of the regular file name (slash-separated) in the
// tree's folder.
func (t *Tree) Stamp(name string) (Stamp, error) {
	fi, err := os.Lstat(filepath.Join(t.dest, filepath.FromSlash(name)))
	if err != nil {
		return Stamp{}, err
	}
	return regular(name, fi.Mode(), fi.Size(), fi.ModTime().UnixNano())
}

// Close lets go of the tree.
func (t *Tree) Close() {}
