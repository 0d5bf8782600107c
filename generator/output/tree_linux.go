package output

import (
	"io/fs"
	"strings"
	"sync"

	"golang.org/x/sys/unix"
)

// Tree looks up files from their top folders, each opened once (see
// tree.go).
type Tree struct {
	root int
	mu   sync.RWMutex
	tops map[string]int // the top folders opened so far
}

// OpenTree opens the folder dest to look up the files in it.
func OpenTree(dest string) (*Tree, error) {
	var root int
	err := retry(func() (err error) {
		root, err = unix.Open(dest, unix.O_RDONLY|unix.O_DIRECTORY|unix.O_CLOEXEC|unix.O_PATH, 0)
		return err
	})
	if err != nil {
		return nil, &fs.PathError{Op: "open", Path: dest, Err: err}
	}
	return &Tree{root: root, tops: map[string]int{}}, nil
}

// Stamp is the stamp of the regular file name (slash-separated) in the
// tree's folder.
func (t *Tree) Stamp(name string) (Stamp, error) {
	at, rest := t.root, name
	if top, r, nested := strings.Cut(name, "/"); nested {
		fd, err := t.top(top)
		if err != nil {
			return Stamp{}, err
		}
		at, rest = fd, r
	}
	var st unix.Stat_t
	if err := retry(func() error { return unix.Fstatat(at, rest, &st, unix.AT_SYMLINK_NOFOLLOW) }); err != nil {
		return Stamp{}, &fs.PathError{Op: "stat", Path: name, Err: err}
	}
	mode := fs.FileMode(0)
	if st.Mode&unix.S_IFMT != unix.S_IFREG {
		mode = fs.ModeIrregular
	}
	return regular(name, mode, st.Size, st.Mtim.Nano())
}

// top gives the top folder name opened, opening it the first time: not
// through a link, which a build never writes.
func (t *Tree) top(name string) (int, error) {
	t.mu.RLock()
	fd, ok := t.tops[name]
	t.mu.RUnlock()
	if ok {
		return fd, nil
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	if fd, ok := t.tops[name]; ok {
		return fd, nil
	}
	err := retry(func() (err error) {
		fd, err = unix.Openat(t.root, name, unix.O_RDONLY|unix.O_DIRECTORY|unix.O_CLOEXEC|unix.O_PATH|unix.O_NOFOLLOW, 0)
		return err
	})
	if err != nil {
		return 0, &fs.PathError{Op: "open", Path: name, Err: err}
	}
	t.tops[name] = fd
	return fd, nil
}

// Close lets go of the folders the tree opened.
func (t *Tree) Close() {
	t.mu.Lock()
	defer t.mu.Unlock()
	for _, fd := range t.tops {
		unix.Close(fd)
	}
	unix.Close(t.root)
	t.tops = nil
}
