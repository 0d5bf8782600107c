package source

import (
	"errors"
	"io/fs"
	"maps"
	"path"
	"slices"
	"strings"
	"time"

	"github.com/waymark-cx/waymark/generator/diag"
)

// Cache remembers files between reads of the same site, by size and
// modification time, so that a rebuild reads, splits and decodes only what
// changed. Files that are gone are forgotten. The zero Cache is not
// ready: use NewCache.
type Cache struct {
	files map[string]cachedFile
	next  map[string]cachedFile
	cfg   cachedConfig
	// listed is set once a full walk has filled files; pending then holds
	// the paths reported changed since, so that the next read can update
	// the listing without walking every folder.
	listed  bool
	pending []string
	trusted bool
	// sorted are the paths of files, sorted, while they are the same
	// paths: a rebuild after an edit lists the folders from them
	// without sorting thousands of paths again. Nil: not worked out.
	sorted []string
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
	c.next = make(map[string]cachedFile, len(c.files))
}

func (c *Cache) end() {
	c.files, c.next, c.sorted = c.next, nil, nil
	c.listed, c.pending, c.trusted = true, nil, false
}

func statOf(info fs.FileInfo) (stat, bool) {
	if info == nil {
		return stat{}, false
	}
	return stat{info.ModTime(), info.Size()}, true
}

// file returns the cached split of p, found as info (nil: not found), if
// it has not changed.
func (c *Cache) file(p string, info fs.FileInfo) (*File, error, bool) {
	st, ok := statOf(info)
	cf, hit := c.files[p]
	if !ok || !hit || cf.stat != st {
		return nil, nil, false
	}
	c.next[p] = cf
	return cf.file, cf.err, true
}

func (c *Cache) putFile(p string, info fs.FileInfo, f *File, err error) {
	if st, ok := statOf(info); ok {
		c.next[p] = cachedFile{stat: st, file: f, err: err}
	}
}

func (c *Cache) config(fsys fs.FS) (*Doc, []byte, error, bool) {
	if !c.cfg.ok {
		return nil, nil, nil, false
	}
	info, err := fs.Stat(fsys, ConfigFile)
	if err != nil || (stat{info.ModTime(), info.Size()}) != c.cfg.stat {
		return nil, nil, nil, false
	}
	return c.cfg.doc, c.cfg.text, c.cfg.err, true
}

func (c *Cache) putConfig(fsys fs.FS, doc *Doc, text []byte, err error) {
	info, serr := fs.Stat(fsys, ConfigFile)
	if serr != nil {
		c.cfg = cachedConfig{}
		return
	}
	c.cfg = cachedConfig{stat: stat{info.ModTime(), info.Size()}, doc: doc, text: text, err: err, ok: true}
}

// Changed tells the cache which paths changed since the last read (from a
// file watcher). The next read then reads just those instead of walking
// every folder; a path it cannot account for (a folder, say) makes it walk
// after all. Without a call to Changed, a read walks.
func (c *Cache) Changed(paths []string) {
	c.Forget(paths...)
	c.pending = append(c.pending, paths...)
	c.trusted = true
}

// update applies the pending changes to the listing without walking, and
// reports false when it cannot.
func (c *Cache) update(fsys fs.FS) bool {
	if !c.trusted || !c.listed {
		return false
	}
	for _, p := range c.pending {
		if !strings.HasPrefix(p, "content/") && !strings.HasPrefix(p, "templates/") {
			continue // configuration, static files, layouts: not part of the listing
		}
		if Ignored(path.Base(p)) {
			continue
		}
		info, err := fs.Stat(fsys, p)
		if _, known := slices.BinarySearch(c.sorted, p); known == errors.Is(err, fs.ErrNotExist) {
			c.sorted = nil // a file came or went
		}
		switch {
		case errors.Is(err, fs.ErrNotExist):
			delete(c.files, p)
			continue
		case err != nil || info.IsDir() || path.Ext(p) != ".md":
			return false
		case strings.HasPrefix(p, "templates/") && strings.Count(p, "/") > 1:
			continue // templates/ is read one level deep
		}
		data, rerr := readRegular(fsys, p, nil)
		if rerr != nil {
			return false // the full read reports it
		}
		f, err := Split(p, data)
		c.files[p] = cachedFile{stat: stat{info.ModTime(), info.Size()}, file: f, err: err}
	}
	return true
}

// listing returns the cached files below dir, sorted by path.
func (c *Cache) listing(dir string, errs *diag.List) []*File {
	if len(c.sorted) != len(c.files) {
		c.sorted = slices.Sorted(maps.Keys(c.files))
	}
	var files []*File
	from, _ := slices.BinarySearch(c.sorted, dir+"/")
	for _, p := range c.sorted[from:] {
		if !strings.HasPrefix(p, dir+"/") {
			break
		}
		cf := c.files[p]
		if cf.err != nil {
			addErr(errs, p, cf.err)
			continue
		}
		files = append(files, cf.file)
	}
	return files
}

// Forget drops paths from the cache, so that the next read reads them
// whatever their size and time say: modification times are coarse, and two
// saves of the same size within one tick look alike.
func (c *Cache) Forget(paths ...string) {
	for _, p := range paths {
		if p == ConfigFile {
			c.cfg = cachedConfig{}
		}
		delete(c.files, p)
	}
}
