package generator

import (
	"strings"
	"sync"

	"github.com/waymark-cx/waymark/generator/export"
	"github.com/waymark-cx/waymark/generator/internal/par"
	"github.com/waymark-cx/waymark/generator/model"
)

// writeExports writes the downloads of every journey beside its page
// (journeys/buy/buy.csv, .json, .mmd and the source .md), the CSV and
// JSON of every template beside the templates page, and the JSON schema.
// Journeys are exported on every core. The Builder keeps each journey's
// exports while the journey is unchanged (exportCache). text gives a
// journey's source as written.
func writeExports(site *model.Site, text func(j *model.Journey) []byte, cache *exportCache, write func(string, []byte) error) error {
	schemaURL := ""
	if strings.Contains(site.Config.BaseURL, "://") {
		schemaURL = absolute(site, export.SchemaPath)
	}
	if err := write(export.SchemaPath, export.Schema); err != nil {
		return err
	}
	cache.begin()
	defer cache.end()
	err := par.Each(len(site.Journeys), 0, func(i int) error {
		j := site.Journeys[i]
		ex := cache.get(j, schemaURL)
		for i, data := range [][]byte{ex.csv, ex.json, ex.mmd, text(j)} {
			if err := write(ex.names[i], data); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	for _, t := range site.Templates {
		if err := write(t.Download("csv"), export.CSV(t)); err != nil {
			return err
		}
		if err := write(t.Download("json"), export.JSON(t, schemaURL)); err != nil {
			return err
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
	schemaURL      string
	personas       [][2]string
	csv, json, mmd []byte
	names          [4]string // where the CSV, JSON, Mermaid and source go
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

// exportExts are the downloads of a journey, in the order of
// exported.names.
func exportExts() []string { return []string{"csv", "json", "mmd", "md"} }

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

func (c *exportCache) get(j *model.Journey, schemaURL string) exported {
	if c != nil {
		c.mu.Lock()
		ex, ok := c.last[j]
		same := ok && ex.sameKey(j, schemaURL)
		if same {
			c.next[j] = ex
		}
		c.mu.Unlock()
		if same {
			return ex
		}
	}
	ex := exported{schemaURL: schemaURL, csv: export.CSV(j), json: export.JSON(j, schemaURL), mmd: export.Mermaid(j)}
	for _, p := range j.Personas {
		ex.personas = append(ex.personas, [2]string{p.Slug, p.Name})
	}
	for i, ext := range exportExts() {
		ex.names[i] = j.Download(ext)
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
	for _, j := range site.Journeys {
		for _, ext := range exportExts() {
			out = append(out, j.Download(ext))
		}
	}
	for _, t := range site.Templates {
		out = append(out, t.Download("csv"), t.Download("json"))
	}
	return out
}
