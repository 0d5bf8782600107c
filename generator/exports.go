package generator

import (
	"strings"
	"sync"

	"github.com/waymark-cx/waymark/generator/export"
	"github.com/waymark-cx/waymark/generator/internal/par"
	"github.com/waymark-cx/waymark/generator/model"
)

// writeExports writes the downloads of every journey beside its page
// (journeys/buy/buy.csv, .json, .mmd and the source .md, as
// export.Formats lists them), a template's in the formats marked
// Template beside the templates page, and the JSON schema. Journeys are
// exported on every core. The Builder keeps each journey's exports while
// the journey is unchanged (exportCache). text gives a journey's source
// as written.
func writeExports(site *model.Site, text func(j *model.Journey) []byte, cache *exportCache, write func(string, []byte) error) error {
	schemaURL := ""
	if strings.Contains(site.Config.BaseURL, "://") {
		schemaURL = absolute(site, export.SchemaPath)
	}
	if err := write(export.SchemaPath, export.Schema); err != nil {
		return err
	}
	formats := export.Formats()
	cache.begin()
	defer cache.end()
	err := par.Each(len(site.Journeys), 0, func(i int) error {
		j := site.Journeys[i]
		in := export.Input{SchemaURL: schemaURL, Source: text(j)}
		ex := cache.get(j, formats, in)
		for _, f := range formats {
			file := ex.files[f.Ext]
			if f.Verbatim {
				file.data = f.Write(j, in)
			}
			if err := write(file.name, file.data); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	in := export.Input{SchemaURL: schemaURL}
	for _, t := range site.Templates {
		for _, f := range formats {
			if !f.Template {
				continue
			}
			if err := write(t.Download(f.Ext), f.Write(t, in)); err != nil {
				return err
			}
		}
	}
	return nil
}

// exportCache keeps each journey's exports between builds. A journey is
// unchanged while the model cache hands out the same one; its exports
// also show its personas' names, so those are part of the key. A nil
// *exportCache keeps nothing.
type exportCache struct {
	mu         sync.Mutex
	last, next map[*model.Journey]exported
}

type exported struct {
	// The key: the schema's address and the personas' slugs and names.
	schemaURL string
	personas  [][2]string
	files     map[string]exportFile // by the format's extension
}

// exportFile is one download of a journey. A Verbatim format's keeps
// only its name: its data is the source, which the build reads anew.
type exportFile struct {
	name string
	data []byte
}

// sameKey reports whether j's exports would be made the same way again.
func (ex *exported) sameKey(j *model.Journey, schemaURL string) bool {
	if ex.schemaURL != schemaURL || len(ex.personas) != len(j.Personas) {
		return false
	}
	for i, p := range j.Personas {
		if ex.personas[i] != [2]string{p.Slug, p.Name} {
			return false
		}
	}
	return true
}

func (c *exportCache) begin() {
	if c != nil {
		c.next = map[*model.Journey]exported{}
	}
}

func (c *exportCache) end() {
	if c != nil {
		c.last, c.next = c.next, nil
	}
}

func (c *exportCache) get(j *model.Journey, formats []export.Format, in export.Input) exported {
	if c != nil {
		c.mu.Lock()
		ex, ok := c.last[j]
		same := ok && ex.sameKey(j, in.SchemaURL)
		if same {
			c.next[j] = ex
		}
		c.mu.Unlock()
		if same {
			return ex
		}
	}
	ex := exported{schemaURL: in.SchemaURL, files: make(map[string]exportFile, len(formats))}
	for _, p := range j.Personas {
		ex.personas = append(ex.personas, [2]string{p.Slug, p.Name})
	}
	for _, f := range formats {
		file := exportFile{name: j.Download(f.Ext)}
		if !f.Verbatim {
			file.data = f.Write(j, in)
		}
		ex.files[f.Ext] = file
	}
	if c != nil {
		c.mu.Lock()
		c.next[j] = ex
		c.mu.Unlock()
	}
	return ex
}

// exportFiles lists what writeExports writes, for the link checker.
func exportFiles(site *model.Site) []string {
	out := []string{export.SchemaPath}
	formats := export.Formats()
	for _, j := range site.Journeys {
		for _, f := range formats {
			out = append(out, j.Download(f.Ext))
		}
	}
	for _, t := range site.Templates {
		for _, f := range formats {
			if f.Template {
				out = append(out, t.Download(f.Ext))
			}
		}
	}
	return out
}
