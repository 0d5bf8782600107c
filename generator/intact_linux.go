package generator

import (
	"strings"
	"sync/atomic"

	"golang.org/x/sys/unix"
)

// intactFiles reports whether every one of files is in dest as stamped:
// a regular file of the same size and modification time. On Linux each
// is looked up from its top folder under dest (journeys/, personas/ …),
// opened once: a path from the working folder walks dest's own folders
// again for every file, and a build with nothing changed looks up every
// file it wrote (6,185 at 1,000 journeys) while its process is most of
// what it costs.
func intactFiles(dest string, files []stamp) bool {
	root, err := unix.Open(dest, unix.O_RDONLY|unix.O_DIRECTORY|unix.O_CLOEXEC|unix.O_PATH, 0)
	if err != nil {
		return false
	}
	defer unix.Close(root)
	tops := map[string]int{} // the top folders, opened
	defer func() {
		for _, fd := range tops {
			unix.Close(fd)
		}
	}()
	for _, f := range files {
		top, _, nested := strings.Cut(f.name, "/")
		if _, open := tops[top]; !nested || open {
			continue
		}
		var fd int
		err := retryEINTR(func() (err error) {
			fd, err = unix.Openat(root, top, unix.O_RDONLY|unix.O_DIRECTORY|unix.O_CLOEXEC|unix.O_PATH|unix.O_NOFOLLOW, 0)
			return err
		})
		if err != nil {
			return false
		}
		tops[top] = fd
	}
	var bad atomic.Bool
	eachChunk(len(files), func(lo, hi int) {
		var st unix.Stat_t
		for _, f := range files[lo:hi] {
			if bad.Load() {
				return
			}
			fd, rest := root, f.name
			if top, r, nested := strings.Cut(f.name, "/"); nested {
				fd, rest = tops[top], r
			}
			if retryEINTR(func() error { return unix.Fstatat(fd, rest, &st, unix.AT_SYMLINK_NOFOLLOW) }) != nil ||
				st.Mode&unix.S_IFMT != unix.S_IFREG || st.Size != f.size || st.Mtim.Nano() != f.mtime {
				bad.Store(true)
				return
			}
		}
	})
	return !bad.Load()
}

// retryEINTR calls f again while it is interrupted by a signal.
func retryEINTR(f func() error) error {
	for {
		if err := f(); err != unix.EINTR {
			return err
		}
	}
}
