package generator

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/waymark-cx/waymark/generator/internal/par"
)

// inputIndex knows the content sums of a build's inputs without reading
// a file twice, as git's index does: a file whose size and modification
// time are those recorded by the last build has the sum recorded then;
// the others are summed as the build reads them, through the FS that
// source hands out, or, for a few changed files, read before the build to
// tell whether anything changed at all, and handed to it. A file the
// build does not read is summed after it.
type inputIndex struct {
	files []inputFile
	mu    sync.Mutex
	sums  map[string]inputSum // by input name
	kept  map[string][]byte   // read before the build, by input name
}

// inputSum is an input's content sum, with the size and modification
// time (Unix nanoseconds) it had when summed.
type inputSum struct {
	name        string
	size, mtime int64
	sum         [sha256.Size]byte
	bad         bool // unreadable: sum is of the error
}

func newInputIndex(files []inputFile) *inputIndex {
	return &inputIndex{files: files, sums: make(map[string]inputSum, len(files)), kept: map[string][]byte{}}
}

// statInput is f's size and modification time; ok is false when it
// cannot be stated or is not a regular file.
func statInput(f inputFile) (size, mtime int64, ok bool) {
	fi, err := fs.Stat(f.fsys, f.path)
	if err != nil || !fi.Mode().IsRegular() {
		return 0, 0, false
	}
	return fi.Size(), fi.ModTime().UnixNano(), true
}

// racyWindow is how close to a record's writing a file's time is too
// close to trust: more than any file system's time grain.
const racyWindow = 2 * time.Second

// recall takes the recorded sum of every file whose size and time are
// as recorded, unless that time is too close to when the record was
// written (written, Unix nanoseconds) to tell two saves apart: a file
// saved again within the file system's time grain, at the same size,
// looks unchanged ("racily clean", in git's words).
func (x *inputIndex) recall(recorded []inputSum, written int64) {
	byName := make(map[string]inputSum, len(recorded))
	for _, s := range recorded {
		byName[s.name] = s
	}
	stamps := make([]inputSum, len(x.files))
	_ = par.EachWith(len(x.files), 4, func() func(int) error {
		return func(i int) error {
			f := x.files[i]
			size, mtime, ok := statInput(f)
			if r, found := byName[f.name]; found && ok && !r.bad && r.size == size && r.mtime == mtime && mtime != 0 &&
				mtime < written-int64(racyWindow) {
				stamps[i] = r
			}
			return nil
		}
	})
	for _, s := range stamps {
		if s.name != "" {
			x.sums[s.name] = s
		}
	}
}

// readChanged sums the files recall did not know, keeping the site's for
// the build to read, unless those are more than limit bytes in all: then
// it reads nothing and reports false (the build sums them as it reads
// them).
func (x *inputIndex) readChanged(limit int64) bool {
	var todo []inputFile
	var total int64
	for _, f := range x.files {
		if _, ok := x.sums[f.name]; ok {
			continue
		}
		if kept(f) {
			size, _, _ := statInput(f)
			total += size
		}
		todo = append(todo, f)
	}
	if total > limit {
		return false
	}
	for _, f := range todo {
		size, mtime, _ := statInput(f)
		s := inputSum{name: f.name, size: size, mtime: mtime}
		var b []byte
		var err error
		if kept(f) {
			if b, err = readInput(f); err == nil {
				x.kept[f.name] = b
			}
			s.sum = sha256.Sum256(b)
		} else {
			h := sha256.New()
			err = copyFile(h, f, make([]byte, 64<<10))
			h.Sum(s.sum[:0])
		}
		if err != nil {
			s.bad, s.sum = true, sha256.Sum256([]byte(err.Error()))
		}
		x.sums[f.name] = s
	}
	return true
}

// kept reports whether an input read before the build is kept for it to
// read: the site's files and the built-in templates, not the program.
func kept(f inputFile) bool {
	return strings.HasPrefix(f.name, "site/") || strings.HasPrefix(f.name, "builtin/")
}

// readInput reads a regular file whole: a named pipe would block, a link
// to a device never end.
func readInput(f inputFile) ([]byte, error) {
	var b bytes.Buffer
	err := copyFile(&b, f, make([]byte, 64<<10))
	return b.Bytes(), err
}

// finish sums the inputs the build did not read, and returns every sum,
// by name.
func (x *inputIndex) finish() []inputSum {
	var todo []inputFile
	for _, f := range x.files {
		if _, ok := x.sums[f.name]; !ok {
			todo = append(todo, f)
		}
	}
	_ = par.EachWith(len(todo), 4, func() func(int) error {
		h := sha256.New()
		buf := make([]byte, 64<<10)
		return func(i int) error {
			f := todo[i]
			size, mtime, _ := statInput(f)
			s := inputSum{name: f.name, size: size, mtime: mtime}
			h.Reset()
			if err := copyFile(h, f, buf); err != nil {
				s.bad, s.sum = true, sha256.Sum256([]byte(err.Error()))
			} else {
				h.Sum(s.sum[:0])
			}
			x.put(s)
			return nil
		}
	})
	out := make([]inputSum, 0, len(x.sums))
	for _, s := range x.sums {
		out = append(out, s)
	}
	slices.SortFunc(out, func(a, b inputSum) int { return strings.Compare(a.name, b.name) })
	return out
}

func (x *inputIndex) put(s inputSum) {
	x.mu.Lock()
	if _, ok := x.sums[s.name]; !ok {
		x.sums[s.name] = s
	}
	x.mu.Unlock()
}

// combine is the sum of all the inputs' sums, in the order of their
// names.
func combine(sums []inputSum) [sha256.Size]byte {
	sorted := slices.Clone(sums)
	slices.SortFunc(sorted, func(a, b inputSum) int { return strings.Compare(a.name, b.name) })
	all := sha256.New()
	for _, s := range sorted {
		fmt.Fprintf(all, "%q %v %x\n", s.name, s.bad, s.sum)
	}
	var out [sha256.Size]byte
	all.Sum(out[:0])
	return out
}

// fs is the build's view of fsys, whose files are the inputs named
// prefix + path: a file read before the build is handed over, the others
// are summed as they are read whole.
func (x *inputIndex) fs(fsys fs.FS, prefix string) fs.FS {
	if fsys == nil {
		return nil
	}
	return &indexFS{fsys: fsys, prefix: prefix, x: x}
}

type indexFS struct {
	fsys   fs.FS
	prefix string
	x      *inputIndex
}

func (f *indexFS) keptFile(name string) ([]byte, bool) {
	f.x.mu.Lock()
	defer f.x.mu.Unlock()
	b, ok := f.x.kept[f.prefix+name]
	return b, ok
}

// wants reports whether name is an input not summed yet.
func (f *indexFS) wants(name string) (inputSum, bool) {
	f.x.mu.Lock()
	_, summed := f.x.sums[f.prefix+name]
	f.x.mu.Unlock()
	if summed {
		return inputSum{}, false
	}
	fi, err := fs.Stat(f.fsys, name)
	if err != nil || !fi.Mode().IsRegular() {
		return inputSum{}, false
	}
	return inputSum{name: f.prefix + name, size: fi.Size(), mtime: fi.ModTime().UnixNano()}, true
}

func (f *indexFS) ReadFile(name string) ([]byte, error) {
	if b, ok := f.keptFile(name); ok {
		return b, nil
	}
	s, want := f.wants(name)
	b, err := fs.ReadFile(f.fsys, name)
	if err == nil && want && int64(len(b)) == s.size {
		s.sum = sha256.Sum256(b)
		f.x.put(s)
	}
	return b, err
}

func (f *indexFS) Open(name string) (fs.File, error) {
	if b, ok := f.keptFile(name); ok {
		fi, err := fs.Stat(f.fsys, name)
		if err != nil {
			return nil, err
		}
		return &keptFile{Reader: bytes.NewReader(b), info: fi}, nil
	}
	s, want := f.wants(name)
	file, err := f.fsys.Open(name)
	if err != nil || !want {
		return file, err
	}
	return &summingFile{File: file, h: sha256.New(), s: s, x: f.x}, nil
}

func (f *indexFS) Stat(name string) (fs.FileInfo, error)      { return fs.Stat(f.fsys, name) }
func (f *indexFS) Lstat(name string) (fs.FileInfo, error)     { return fs.Lstat(f.fsys, name) }
func (f *indexFS) ReadLink(name string) (string, error)       { return fs.ReadLink(f.fsys, name) }
func (f *indexFS) ReadDir(name string) ([]fs.DirEntry, error) { return fs.ReadDir(f.fsys, name) }

// keptFile is a file read before the build.
type keptFile struct {
	*bytes.Reader
	info fs.FileInfo
}

func (k *keptFile) Stat() (fs.FileInfo, error) { return k.info, nil }
func (k *keptFile) Close() error               { return nil }

// summingFile sums a file as it is read; read to its end, its sum is the
// input's.
type summingFile struct {
	fs.File
	h interface {
		io.Writer
		Sum([]byte) []byte
	}
	n int64
	s inputSum
	x *inputIndex
}

func (f *summingFile) Read(p []byte) (int, error) {
	n, err := f.File.Read(p)
	f.h.Write(p[:n])
	f.n += int64(n)
	if errors.Is(err, io.EOF) && f.n == f.s.size {
		f.h.Sum(f.s.sum[:0])
		f.x.put(f.s)
	}
	return n, err
}
