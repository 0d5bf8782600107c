package output

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"
)

// Dir writes a build into a temporary folder beside its destination and
// moves the files in on Commit.
type Dir struct {
	dest string
	tmp  string

	mu      sync.Mutex
	written map[string]Stamp // zero until the file is closed
}

// Stamp is a written file's size and modification time (Unix
// nanoseconds) as the file told when it was closed: what a build's record
// keeps of each file, without looking the files up again.
type Stamp struct{ Size, Mtime int64 }

// NewDir prepares a build into dest. The temporary folder is created in
// dest's parent, so that files can be renamed into place.
func NewDir(dest string) (*Dir, error) {
	dest = filepath.Clean(dest)
	if fi, err := os.Stat(dest); err == nil && !fi.IsDir() {
		return nil, fmt.Errorf("%s exists and is not a folder", dest)
	}
	parent := filepath.Dir(dest)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, err
	}
	tmp, err := os.MkdirTemp(parent, ".waymark-"+filepath.Base(dest)+"-")
	if err != nil {
		return nil, err
	}
	// MkdirTemp makes a private folder; the first build renames it into
	// place, and a web server must be able to read it.
	if err := os.Chmod(tmp, 0o755); err != nil {
		return nil, err
	}
	return &Dir{dest: dest, tmp: tmp, written: map[string]Stamp{}}, nil
}

// WriteFile writes one file into the temporary folder. It does not keep
// data: the caller may use it again.
func (d *Dir) WriteFile(name string, data []byte) error {
	full, err := d.claim(name)
	if err != nil {
		return err
	}
	var st Stamp
	err = inFolder(full, func() (err error) {
		st, err = writeNew(full, data)
		return err
	})
	if err == nil {
		d.stamp(name, st)
	}
	return err
}

// close closes f, written as name with err so far, and keeps its stamp.
func (d *Dir) close(name string, f *os.File, err error) error {
	st, err := closeStamped(f, err)
	if err == nil {
		d.stamp(name, st)
	}
	return err
}

// closeStamped closes f, written with err so far, and gives its stamp
// as it was before closing: none if it could not be told.
func closeStamped(f *os.File, err error) (Stamp, error) {
	var st Stamp
	if err == nil {
		if fi, e := f.Stat(); e == nil {
			st = Stamp{fi.Size(), fi.ModTime().UnixNano()}
		}
	}
	return st, errors.Join(err, f.Close())
}

// stamp keeps the stamp of a file written and closed.
func (d *Dir) stamp(name string, st Stamp) {
	if st.Mtime == 0 {
		return
	}
	d.mu.Lock()
	d.written[name] = st
	d.mu.Unlock()
}

// StampOf is the stamp of a file written and closed; false when it has
// none (the caller looks the file up).
func (d *Dir) StampOf(name string) (Stamp, bool) {
	d.mu.Lock()
	defer d.mu.Unlock()
	st := d.written[name]
	return st, st.Mtime != 0
}

// stamped is a file of Create's: closing it keeps its stamp. The
// embedded *os.File keeps its ReadFrom (io.Copy's fast path).
type stamped struct {
	*os.File
	d    *Dir
	name string
}

func (f *stamped) Close() error { return f.d.close(f.name, f.File, nil) }

// Create opens a file of the temporary folder for writing a piece at a
// time.
func (d *Dir) Create(name string) (io.WriteCloser, error) {
	full, err := d.claim(name)
	if err != nil {
		return nil, err
	}
	var f *os.File
	err = inFolder(full, func() (err error) {
		f, err = os.OpenFile(full, createFlags, 0o644)
		return err
	})
	if err != nil {
		return nil, err
	}
	return &stamped{File: f, d: d, name: name}, nil
}

// claim checks a name and records it as written, once.
func (d *Dir) claim(name string) (full string, err error) {
	if err := CheckName(name); err != nil {
		return "", err
	}
	if reserved(name) {
		return "", fmt.Errorf("%s is Waymark's own record of what it built", name)
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	if _, ok := d.written[name]; ok {
		return "", twice(name)
	}
	d.written[name] = Stamp{}
	return filepath.Join(d.tmp, filepath.FromSlash(name)), nil
}

// inFolder runs create, and again after making the file's folder if that
// was missing. Files are written from several goroutines, some into the
// same new folder: whoever finds it missing makes it (MkdirAll does not
// mind another making it too).
func inFolder(full string, create func() error) error {
	err := create()
	if errors.Is(err, fs.ErrNotExist) {
		if err := mkdir(filepath.Dir(full)); err != nil {
			return err
		}
		err = create()
	}
	return err
}

// mkdir makes a folder and those it is in, as os.MkdirAll does, but tries
// the folder itself first: its parent is there for all but the first file
// of a build's folder of folders (journeys/), while os.MkdirAll looks up
// the folder and its parent before it makes one (a build makes two
// folders a journey).
func mkdir(dir string) error {
	err := os.Mkdir(dir, 0o755)
	switch {
	case err == nil || errors.Is(err, fs.ErrExist):
		return nil // made, or by another worker in the meantime
	case errors.Is(err, fs.ErrNotExist):
		return os.MkdirAll(dir, 0o755)
	}
	return err
}

// Names lists the files written so far, sorted.
func (d *Dir) Names() []string {
	d.mu.Lock()
	defer d.mu.Unlock()
	return slices.Sorted(maps.Keys(d.written))
}

// Dest is the destination folder.
func (d *Dir) Dest() string { return d.dest }

// Abort removes the temporary folder; the destination is untouched.
func (d *Dir) Abort() error {
	return os.RemoveAll(d.tmp)
}

// Commit moves the build into place. When the destination does not exist
// the temporary folder is renamed to it in one step. Otherwise each file
// is moved in, files that the previous build wrote and this one did not
// are removed, and the manifest is rewritten. A file in the destination
// that Waymark did not write (it is not in the manifest) is never touched:
// if the build would overwrite one, Commit fails before moving anything.
//
// Before it moves anything, Commit removes the destination's build cache
// record (CacheName): it describes the files about to be replaced.
func (d *Dir) Commit() error {
	names := d.Names()
	manifest := []byte(strings.Join(names, "\n") + "\n")
	if err := os.WriteFile(filepath.Join(d.tmp, ManifestName), manifest, 0o644); err != nil {
		return err
	}
	if _, err := os.Stat(d.dest); errors.Is(err, fs.ErrNotExist) {
		if err := os.Rename(d.tmp, d.dest); err != nil {
			return err
		}
		return nil
	}
	old, err := ReadManifest(d.dest)
	if err != nil {
		return err
	}
	var foreign, staleParents []string
	seen := map[string]bool{} // folders looked at: many files share one
	for _, n := range names {
		// A file where this build needs a folder: Waymark's own from the
		// last build goes first; anyone else's stops the build.
		for dir := path.Dir(n); dir != "." && !seen[dir]; dir = path.Dir(dir) {
			seen[dir] = true
			fi, err := os.Lstat(filepath.Join(d.dest, filepath.FromSlash(dir)))
			if err != nil || fi.IsDir() {
				continue
			}
			if old[dir] {
				staleParents = append(staleParents, dir)
			} else if !slices.Contains(foreign, dir) {
				foreign = append(foreign, dir)
			}
		}
		fi, err := os.Lstat(filepath.Join(d.dest, filepath.FromSlash(n)))
		switch {
		case err != nil:
		case !old[n]:
			foreign = append(foreign, n)
		case fi.IsDir():
			// Waymark's file was replaced by someone's folder: moving
			// onto it would fail halfway through the commit.
			foreign = append(foreign, n)
		}
	}
	if len(foreign) > 0 {
		more := ""
		if len(foreign) > 3 {
			more = fmt.Sprintf(" and %d more", len(foreign)-3)
			foreign = foreign[:3]
		}
		return &ForeignError{Dest: d.dest, Files: foreign, More: more}
	}
	if err := os.Remove(filepath.Join(d.dest, CacheName)); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	for _, dir := range staleParents {
		if err := os.Remove(filepath.Join(d.dest, filepath.FromSlash(dir))); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
	}
	made := map[string]bool{}
	for _, n := range names {
		to := filepath.Join(d.dest, filepath.FromSlash(n))
		if dir := filepath.Dir(to); !made[dir] {
			if err := os.MkdirAll(dir, 0o755); err != nil {
				return err
			}
			made[dir] = true
		}
		if err := os.Rename(filepath.Join(d.tmp, filepath.FromSlash(n)), to); err != nil {
			return err
		}
	}
	for n := range old {
		if _, ok := d.written[n]; ok || CheckName(n) != nil {
			continue
		}
		removeStale(d.dest, n)
	}
	if err := os.Rename(filepath.Join(d.tmp, ManifestName), filepath.Join(d.dest, ManifestName)); err != nil {
		return err
	}
	return os.RemoveAll(d.tmp)
}

// removeStale deletes a file an earlier build wrote, then the folders it
// leaves empty.
func removeStale(dest, name string) {
	full := filepath.Join(dest, filepath.FromSlash(name))
	if fi, err := os.Lstat(full); err != nil || !fi.Mode().IsRegular() {
		return
	}
	if os.Remove(full) != nil {
		return
	}
	for dir := filepath.Dir(full); dir != dest && strings.HasPrefix(dir, dest); dir = filepath.Dir(dir) {
		if os.Remove(dir) != nil { // fails unless empty
			return
		}
	}
}

// ReadManifest returns the files listed in dest's manifest; an empty set
// when there is none.
func ReadManifest(dest string) (map[string]bool, error) {
	b, err := os.ReadFile(filepath.Join(dest, ManifestName))
	if errors.Is(err, fs.ErrNotExist) {
		return map[string]bool{}, nil
	}
	if err != nil {
		return nil, err
	}
	out := map[string]bool{}
	sc := bufio.NewScanner(bytes.NewReader(b))
	for sc.Scan() {
		if l := strings.TrimSpace(sc.Text()); l != "" {
			out[l] = true
		}
	}
	return out, sc.Err()
}

// ForeignError reports files in the destination that Waymark did not
// write and a build would overwrite.
type ForeignError struct {
	Dest  string
	Files []string
	More  string
}

func (e *ForeignError) Error() string {
	return fmt.Sprintf("%s holds files Waymark did not write: %s%s; refusing to overwrite them\n\thint: move them away, or build into another folder with -d",
		e.Dest, strings.Join(e.Files, ", "), e.More)
}
