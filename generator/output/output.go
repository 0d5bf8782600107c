// Package output writes a build's files. A build never writes into its
// destination directly: files go to a temporary folder beside it and are
// moved in only when the whole build has succeeded, so that a failed build
// leaves the previous output exactly as it was. A manifest records what
// Waymark wrote; a file it did not write is never overwritten or deleted.
package output

import (
	"errors"
	"fmt"
	"io"
	"path"
	"strings"
	"sync"
)

// Writer receives the files of a build. Names are slash-separated paths
// relative to the output root. Implementations are safe for concurrent use.
type Writer interface {
	WriteFile(name string, data []byte) error
}

// Creator is a Writer that can also take a file a piece at a time, for a
// file too large to hold whole in memory. The caller must Close it.
type Creator interface {
	Writer
	Create(name string) (io.WriteCloser, error)
}

// ManifestName is the file, at the output root, that lists every file
// Waymark wrote there.
const ManifestName = ".waymark-manifest"

// CacheName is the file, at the output root, where a build records what
// it was built from, so that the next build can tell that nothing
// changed (see generator.BuildDir). Like the manifest, it is Waymark's
// own: no build writes a page or asset of that name.
const CacheName = ".waymark-cache"

// reserved reports whether name is one of Waymark's own records.
func reserved(name string) bool { return name == ManifestName || name == CacheName }

// CheckName refuses names that would escape the output root or are not
// in canonical form.
func CheckName(name string) error {
	if name == "" || name != path.Clean(name) || path.IsAbs(name) || name == "." ||
		name == ".." || strings.HasPrefix(name, "../") || strings.ContainsRune(name, '\\') || strings.ContainsRune(name, 0) {
		return fmt.Errorf("invalid output path %q", name)
	}
	return nil
}

// ErrWrittenTwice is what every Writer returns, wrapped, for a name
// written a second time in one build: two sources give one address.
var ErrWrittenTwice = errors.New("is written twice")

// twice is the error for writing name again.
func twice(name string) error { return fmt.Errorf("%s %w", name, ErrWrittenTwice) }

// Discard is a Writer that keeps nothing, for checks; like the others it
// refuses a name written twice. The zero value is ready to use.
type Discard struct {
	mu    sync.Mutex
	names map[string]bool
}

// WriteFile checks the name and throws the data away.
func (d *Discard) WriteFile(name string, data []byte) error {
	if err := CheckName(name); err != nil {
		return err
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.names[name] {
		return twice(name)
	}
	if d.names == nil {
		d.names = map[string]bool{}
	}
	d.names[name] = true
	return nil
}
