package output

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"path"
	"slices"
	"strings"
	"sync"
	"time"
)

// Memory keeps a build's files in memory, for the dev server, each
// compressed (Blob). It keeps nothing it is given: the caller may use
// the data again.
type Memory struct {
	mu      sync.Mutex
	files   map[string]Blob // made with room for size files at the first write
	size    int
	loaded  *Set // what Load gave, in place of files
	packers Packers
}

// NewMemory returns an empty in-memory output.
func NewMemory() *Memory { return &Memory{} }

// NewMemorySized returns an empty in-memory output with room for n files
// once one is written: a rebuild writes about as many as the build
// before it, or none when it is made from it (Load).
func NewMemorySized(n int) *Memory { return &Memory{size: n} }

// WriteFile stores one file.
func (m *Memory) WriteFile(name string, data []byte) error {
	if err := CheckName(name); err != nil {
		return err
	}
	p := m.packers.Get()
	blob := p.Pack(data)
	m.packers.Put(p)
	return m.put(name, blob)
}

// Create takes a file a piece at a time, compressing it as it comes.
func (m *Memory) Create(name string) (io.WriteCloser, error) {
	if err := CheckName(name); err != nil {
		return nil, err
	}
	if err := m.put(name, Blob{}); err != nil { // the name is taken now, as on disk
		return nil, err
	}
	p := m.packers.Get()
	p.start()
	return &packWriter{m: m, name: name, p: p}, nil
}

// Put stores a file as another Memory kept it (Blob): a file of the last
// build, written again unchanged.
func (m *Memory) Put(name string, b Blob) error {
	if err := CheckName(name); err != nil {
		return err
	}
	return m.put(name, b)
}

func (m *Memory) put(name string, b Blob) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if _, dup := m.files[name]; dup {
		return twice(name)
	}
	if m.files == nil {
		m.files = make(map[string]Blob, m.size)
	}
	m.files[name] = b
	return nil
}

// set stores the file of a name Create took.
func (m *Memory) set(name string, b Blob) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.files[name] = b
}

// Blob returns a file as it is kept.
func (m *Memory) Blob(name string) (Blob, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.loaded != nil {
		return m.loaded.Get(name)
	}
	b, ok := m.files[name]
	return b, ok
}

// Load replaces what the output holds by files: for a build that is the
// last one with a few files changed (Set.With). Nothing may be written
// to the Memory after.
func (m *Memory) Load(files Set) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.loaded, m.files = &files, nil
}

// held is what the Memory holds, as a Set; m.mu held. Once asked for,
// the same Set, so that those who took it share it (Set.Changed).
func (m *Memory) held() Set {
	if m.loaded == nil {
		s := SetOf(m.files)
		m.loaded = &s
	}
	return *m.loaded
}

// Blobs returns a copy of the file map, the files as kept.
func (m *Memory) Blobs() map[string]Blob {
	m.mu.Lock()
	defer m.mu.Unlock()
	set := m.held()
	out := make(map[string]Blob, set.Len())
	set.Each(func(name string, b Blob) bool {
		out[name] = b
		return true
	})
	return out
}

// Take returns the files themselves, not a copy, for a caller that is
// done writing: nothing may write to the Memory after. Every Take of a
// Memory gives the same Set. The dev server
// serves a build's files so, rather than copying tens of thousands of
// entries on every rebuild.
func (m *Memory) Take() Set {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.held()
}

// Files returns the files, decompressed: for tests, and for a caller
// that wants a build's bytes.
func (m *Memory) Files() map[string][]byte {
	m.mu.Lock()
	defer m.mu.Unlock()
	set := m.held()
	out := make(map[string][]byte, set.Len())
	set.Each(func(name string, b Blob) bool {
		out[name] = b.Bytes()
		return true
	})
	return out
}

// FS returns files, a build's files as Memory.Take gives them, as a
// read-only fs.FS: what the dev server hands to http.FileServer. Folders
// are implied by the names, as on disk; files have no modification time
// (each build is new). The FS is a snapshot of one finished build, safe
// for concurrent use.
func FS(files Set) fs.FS {
	m := &memFS{files: files, dirs: map[string]bool{".": true}}
	files.Each(func(name string, _ Blob) bool {
		for dir := parent(name); !m.dirs[dir]; dir = parent(dir) {
			m.dirs[dir] = true
		}
		return true
	})
	return m
}

// NextFS is FS(files) for files that hold the same names as those prev
// (an FS of the last build, or an Overlay of one) was made of: it takes
// prev's folders rather than working them out again from every name.
func NextFS(prev fs.FS, files Set) fs.FS {
	if o, ok := prev.(*overFS); ok {
		prev = o.prev
	}
	p, ok := prev.(*memFS)
	if !ok {
		return FS(files)
	}
	return &memFS{files: files, dirs: p.dirs}
}

// Overlay is prev, an FS or NextFS, with the files of over, which it
// has, in place of its own: the dev server's files while a rebuild
// makes the rest, the pages open in a browser made first. NextFS of it
// is NextFS of prev.
func Overlay(prev fs.FS, over map[string]Blob) fs.FS { return &overFS{prev: prev, over: over} }

type overFS struct {
	prev fs.FS
	over map[string]Blob
}

func (o *overFS) Open(name string) (fs.File, error) {
	if b, ok := o.over[name]; ok {
		return &memFile{Reader: bytes.NewReader(b.Bytes()), info: memInfo{name: path.Base(name), size: b.Size()}}, nil
	}
	return o.prev.Open(name)
}

func (o *overFS) Stat(name string) (fs.FileInfo, error) {
	if b, ok := o.over[name]; ok {
		return memInfo{name: path.Base(name), size: b.Size()}, nil
	}
	return fs.Stat(o.prev, name)
}

// parent is path.Dir for a name in canonical form (see CheckName),
// without path.Clean's pass over it: FS is on every rebuild's way.
func parent(name string) string {
	if i := strings.LastIndexByte(name, '/'); i >= 0 {
		return name[:i]
	}
	return "."
}

// memFS is the fs.FS that FS returns. dirs holds every folder, so that
// one is found without looking at every file; what is in each is worked
// out when a folder is first listed (the dev server never lists one).
type memFS struct {
	files Set
	dirs  map[string]bool

	listOnce sync.Once
	list     map[string][]string // base names in each folder, sorted
}

// names returns the base names in the folder dir, sorted.
func (m *memFS) names(dir string) []string {
	m.listOnce.Do(func() {
		m.list = make(map[string][]string, len(m.dirs))
		m.files.Each(func(name string, _ Blob) bool {
			d := parent(name)
			m.list[d] = append(m.list[d], path.Base(name))
			return true
		})
		for name := range m.dirs {
			if name != "." {
				d := parent(name)
				m.list[d] = append(m.list[d], path.Base(name))
			}
		}
		for _, names := range m.list {
			slices.Sort(names)
		}
	})
	return m.list[dir]
}

// Open opens a file or a folder of the build.
func (m *memFS) Open(name string) (fs.File, error) {
	info, err := m.stat("open", name)
	if err != nil {
		return nil, err
	}
	if info.dir {
		return &memDir{fsys: m, name: name, info: info}, nil
	}
	b, _ := m.files.Get(name)
	return &memFile{Reader: bytes.NewReader(b.Bytes()), info: info}, nil
}

// Stat describes a file or a folder without opening it.
func (m *memFS) Stat(name string) (fs.FileInfo, error) {
	info, err := m.stat("stat", name)
	if err != nil {
		return nil, err
	}
	return info, nil
}

func (m *memFS) stat(op, name string) (memInfo, error) {
	if !fs.ValidPath(name) {
		return memInfo{}, &fs.PathError{Op: op, Path: name, Err: fs.ErrInvalid}
	}
	if b, ok := m.files.Get(name); ok {
		return memInfo{name: path.Base(name), size: b.Size()}, nil
	}
	if m.dirs[name] {
		return memInfo{name: path.Base(name), dir: true}, nil
	}
	return memInfo{}, &fs.PathError{Op: op, Path: name, Err: fs.ErrNotExist}
}

// memInfo describes a file or folder of a memFS.
type memInfo struct {
	name string
	size int64
	dir  bool
}

func (i memInfo) Name() string       { return i.name }
func (i memInfo) Size() int64        { return i.size }
func (i memInfo) ModTime() time.Time { return time.Time{} }
func (i memInfo) IsDir() bool        { return i.dir }
func (i memInfo) Sys() any           { return nil }

func (i memInfo) Mode() fs.FileMode {
	if i.dir {
		return fs.ModeDir | 0o555
	}
	return 0o444
}

// memFile is an open file, decompressed; the bytes.Reader gives it Seek and ReadAt,
// which http.FileServer needs for Range requests.
type memFile struct {
	*bytes.Reader
	info memInfo
}

func (f *memFile) Stat() (fs.FileInfo, error) { return f.info, nil }
func (f *memFile) Close() error               { return nil }

// memDir is an open folder; its entries are listed when first read.
type memDir struct {
	fsys    *memFS
	name    string
	info    memInfo
	entries []fs.DirEntry // nil until the first ReadDir
	read    int           // how many ReadDir has returned
}

func (d *memDir) Stat() (fs.FileInfo, error) { return d.info, nil }
func (d *memDir) Close() error               { return nil }

func (d *memDir) Read([]byte) (int, error) {
	return 0, &fs.PathError{Op: "read", Path: d.name, Err: errors.New("is a directory")}
}

// ReadDir lists the folder in name order, as fs.ReadDirFile says.
func (d *memDir) ReadDir(n int) ([]fs.DirEntry, error) {
	if d.entries == nil {
		names := d.fsys.names(d.name)
		d.entries = make([]fs.DirEntry, 0, len(names))
		for _, base := range names {
			info, _ := d.fsys.stat("readdir", path.Join(d.name, base))
			d.entries = append(d.entries, fs.FileInfoToDirEntry(info))
		}
	}
	rest := d.entries[d.read:]
	if n > 0 && len(rest) == 0 {
		return nil, io.EOF
	}
	if n > 0 && n < len(rest) {
		rest = rest[:n]
	}
	d.read += len(rest)
	return rest, nil
}
