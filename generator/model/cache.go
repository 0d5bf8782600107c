package model

import (
	"github.com/waymark-cx/waymark/generator/diag"
	"github.com/waymark-cx/waymark/generator/internal/par"
	"github.com/waymark-cx/waymark/generator/source"
)

// Cache keeps decoded front matter and typed entries between builds of the
// same site, keyed by the *source.File that a source.Cache hands out again
// while a file is unchanged. Entries that had mistakes are not kept, so
// their mistakes are reported again. A one-off build's Cache keeps
// nothing: New makes one when Options.Cache is nil, so that each file's
// decoded TOML goes as soon as its entry is typed.
type Cache struct {
	keeps   bool
	config  *source.Doc
	docs    map[*source.File]*source.Doc
	entries map[*source.File]any
	nextD   map[*source.File]*source.Doc
	nextE   map[*source.File]any
}

// NewCache returns an empty cache.
func NewCache() *Cache {
	return &Cache{keeps: true, docs: map[*source.File]*source.Doc{}, entries: map[*source.File]any{}}
}

func (c *Cache) begin(config *source.Doc) {
	if !c.keeps {
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

// Retypes reports whether a build under config decodes every file
// again, rather than hand out the entries the cache keeps: config is not
// the configuration they were typed under.
func (c *Cache) Retypes(config *source.Doc) bool { return c.keeps && c.config != config }

func (c *Cache) end() {
	if c.keeps {
		c.docs, c.entries, c.nextD, c.nextE = c.nextD, c.nextE, nil, nil
	}
}

// ahead is a content file's front matter, decoded on a worker: its TOML,
// and for a persona or a journey the typed entry too, with the mistakes
// found in it. The rest of making the model runs in file order.
type ahead struct {
	doc  *source.Doc // nil once v is decoded, unless the cache keeps it
	err  error       // the TOML did not decode
	v    any         // *Persona or *Journey; nil for other files
	errs diag.List
}

// decodeAhead decodes files on every core: decoding TOML is most of
// making the model of a large handbook. typed, if it returns a decoder
// for a file, types it there as well, so that the file's generic TOML
// tree is dropped as soon as it is read. Files the cache holds are not
// decoded again.
func (c *Cache) decodeAhead(files []*source.File, typed func(f *source.File) func(d *decoder) any) []ahead {
	out := make([]ahead, len(files))
	_ = par.Each(len(files), par.For(len(files)), func(i int) error {
		f, a := files[i], &out[i]
		if c.keeps {
			a.doc = c.docs[f]
			if v, ok := c.entries[f]; ok {
				a.v = v
				return nil
			}
		}
		if a.doc == nil {
			if a.doc, a.err = source.DecodeFile(f); a.err != nil {
				return nil
			}
		}
		if decode := typed(f); decode != nil {
			a.v = decode(&decoder{doc: a.doc, errs: &a.errs})
			if a.errs.Len() == 0 || !c.keeps {
				// The tree goes now, not with the others once every
				// file is decoded: the next file's tree takes its
				// place in the heap, rather than leaving holes
				// around the entries, which stay. A cache keeps the
				// tree of an entry with mistakes (keep).
				a.doc = nil
			}
		}
		return nil
	})
	return out
}

// keep records what decodeAhead made of f for the next build, unless it
// had mistakes, so that they are reported again. A typed entry is kept
// without its TOML tree and key positions, which take several times the
// memory of the file: only a new configuration, which types every entry
// again, needs them, and it decodes the files again (a dev server holds
// every entry of a large handbook).
func (c *Cache) keep(f *source.File, a *ahead) {
	if !c.keeps || a.err != nil {
		return
	}
	if a.v != nil && a.errs.Len() == 0 {
		c.nextE[f] = a.v
		return
	}
	if a.doc != nil {
		c.nextD[f] = a.doc
	}
}

func (c *Cache) decode(f *source.File) (*source.Doc, error) {
	if c.keeps {
		if d, ok := c.docs[f]; ok {
			c.nextD[f] = d
			return d, nil
		}
	}
	d, err := source.DecodeFile(f)
	if c.keeps && err == nil {
		c.nextD[f] = d
	}
	return d, err
}

// cachedEntry returns the entry decoded from f by an earlier build, or
// decodes it now.
func cachedEntry[T any](c *Cache, f *source.File, errs *diag.List, decode func() T) T {
	if c.keeps {
		if v, ok := c.entries[f].(T); ok {
			c.nextE[f] = v
			return v
		}
	}
	before := errs.Len()
	v := decode()
	if c.keeps && errs.Len() == before {
		c.nextE[f] = v
	}
	return v
}
