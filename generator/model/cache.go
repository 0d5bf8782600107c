package model

import (
	"runtime"
	"sync"

	"github.com/waymark-cx/waymark/generator/diag"
	"github.com/waymark-cx/waymark/generator/source"
)

// Cache keeps decoded front matter and typed entries between builds of the
// same site, keyed by the *source.File that a source.Cache hands out again
// while a file is unchanged. Entries that had mistakes are not kept, so
// their mistakes are reported again. A nil *Cache keeps nothing.
type Cache struct {
	config  *source.Doc
	docs    map[*source.File]*source.Doc
	entries map[*source.File]any
	nextD   map[*source.File]*source.Doc
	nextE   map[*source.File]any
}

// NewCache returns an empty cache.
func NewCache() *Cache {
	return &Cache{docs: map[*source.File]*source.Doc{}, entries: map[*source.File]any{}}
}

func (c *Cache) begin(config *source.Doc) {
	if c == nil {
		return
	}
	if c.config != config {
		// Entries depend on the site's settings (drop-off alert, review
		// interval): a new configuration decodes everything again.
		c.entries = map[*source.File]any{}
		c.config = config
	}
	c.nextD = make(map[*source.File]*source.Doc, len(c.docs))
	c.nextE = make(map[*source.File]any, len(c.entries))
}

func (c *Cache) end() {
	if c != nil {
		c.docs, c.entries, c.nextD, c.nextE = c.nextD, c.nextE, nil, nil
	}
}

// decodeAll decodes the front matter of files on every core: decoding
// TOML is most of making the model of a large handbook. Files the cache
// holds are not decoded again.
func (c *Cache) decodeAll(files []*source.File) ([]*source.Doc, []error) {
	docs := make([]*source.Doc, len(files))
	errs := make([]error, len(files))
	var todo []int
	for i, f := range files {
		if c != nil {
			if d, ok := c.docs[f]; ok {
				docs[i] = d
				continue
			}
		}
		todo = append(todo, i)
	}
	workers := min(runtime.GOMAXPROCS(0), len(todo)/64+1)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for k := w; k < len(todo); k += workers {
				i := todo[k]
				docs[i], errs[i] = source.DecodeFile(files[i])
			}
		})
	}
	wg.Wait()
	if c != nil {
		for i, f := range files {
			if errs[i] == nil {
				c.nextD[f] = docs[i]
			}
		}
	}
	return docs, errs
}

func (c *Cache) decode(f *source.File) (*source.Doc, error) {
	if c != nil {
		if d, ok := c.docs[f]; ok {
			c.nextD[f] = d
			return d, nil
		}
	}
	d, err := source.DecodeFile(f)
	if c != nil && err == nil {
		c.nextD[f] = d
	}
	return d, err
}

// cachedEntry returns the entry decoded from f by an earlier build, or
// decodes it now.
func cachedEntry[T any](c *Cache, f *source.File, errs *diag.List, decode func() T) T {
	if c != nil {
		if v, ok := c.entries[f].(T); ok {
			c.nextE[f] = v
			return v
		}
	}
	before := errs.Len()
	v := decode()
	if c != nil && errs.Len() == before {
		c.nextE[f] = v
	}
	return v
}
