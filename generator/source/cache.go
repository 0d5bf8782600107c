package source

import (
	"io/fs"
	"time"
)

// Cache remembers files between reads of the same site, by size and
// modification time, so that a rebuild reads, splits and decodes only what
// changed. Files that are gone are forgotten. A nil *Cache caches nothing.
type Cache struct {
	files map[string]cachedFile
	next  map[string]cachedFile
	cfg   cachedConfig
}

type stat struct {
	mod  time.Time
	size int64
}

type cachedFile struct {
	stat stat
	file *File
	err  error
}

type cachedConfig struct {
	stat stat
	doc  *Doc
	text []byte
	err  error
	ok   bool
}

// NewCache returns an empty cache.
func NewCache() *Cache { return &Cache{files: map[string]cachedFile{}} }

func (c *Cache) begin() {
	if c != nil {
		c.next = make(map[string]cachedFile, len(c.files))
	}
}

func (c *Cache) end() {
	if c != nil {
		c.files, c.next = c.next, nil
	}
}

func statOf(d fs.DirEntry) (stat, bool) {
	info, err := d.Info()
	if err != nil {
		return stat{}, false
	}
	return stat{info.ModTime(), info.Size()}, true
}

// file returns the cached split of p if it has not changed.
func (c *Cache) file(p string, d fs.DirEntry) (*File, error, bool) {
	if c == nil {
		return nil, nil, false
	}
	st, ok := statOf(d)
	cf, hit := c.files[p]
	if !ok || !hit || cf.stat != st {
		return nil, nil, false
	}
	c.next[p] = cf
	return cf.file, cf.err, true
}

func (c *Cache) putFile(p string, d fs.DirEntry, f *File, err error) {
	if c == nil {
		return
	}
	if st, ok := statOf(d); ok {
		c.next[p] = cachedFile{stat: st, file: f, err: err}
	}
}

func (c *Cache) config(fsys fs.FS) (*Doc, []byte, error, bool) {
	if c == nil || !c.cfg.ok {
		return nil, nil, nil, false
	}
	info, err := fs.Stat(fsys, ConfigFile)
	if err != nil || (stat{info.ModTime(), info.Size()}) != c.cfg.stat {
		return nil, nil, nil, false
	}
	return c.cfg.doc, c.cfg.text, c.cfg.err, true
}

func (c *Cache) putConfig(fsys fs.FS, doc *Doc, text []byte, err error) {
	if c == nil {
		return
	}
	info, serr := fs.Stat(fsys, ConfigFile)
	if serr != nil {
		c.cfg = cachedConfig{}
		return
	}
	c.cfg = cachedConfig{stat: stat{info.ModTime(), info.Size()}, doc: doc, text: text, err: err, ok: true}
}

// Forget drops paths from the cache, so that the next read reads them
// whatever their size and time say: modification times are coarse, and two
// saves of the same size within one tick look alike.
func (c *Cache) Forget(paths ...string) {
	if c == nil {
		return
	}
	for _, p := range paths {
		if p == ConfigFile {
			c.cfg = cachedConfig{}
		}
		delete(c.files, p)
	}
}
