package generator

import (
	"runtime"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/waymark-cx/waymark/generator/export"
	"github.com/waymark-cx/waymark/generator/model"
)

// writeExports writes the downloads of every journey beside its page
// (journeys/buy/buy.csv, .json, .mmd and the source .md), the CSV and
// JSON of every template beside the templates page, and the JSON schema.
// Journeys are exported on every core. The Builder keeps each journey's
// exports while the journey is unchanged (exportCache). text gives a
// content file's source as written.
func writeExports(site *model.Site, text func(path string) []byte, cache *exportCache, write func(string, []byte) error) error {
	schemaURL := ""
	if strings.Contains(site.Config.BaseURL, "://") {
		schemaURL = absolute(site, export.SchemaPath)
	}
	if err := write(export.SchemaPath, export.Schema); err != nil {
		return err
	}
	cache.begin()
	defer cache.end()
	err := forEach(len(site.Journeys), func(i int) error {
		j := site.Journeys[i]
		ex := cache.get(j, schemaURL)
		for i, data := range [][]byte{ex.csv, ex.json, ex.mmd, text(j.Path)} {
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

// forEach calls do for 0 … n-1 on every core and returns the first error.
func forEach(n int, do func(i int) error) error {
	workers := min(runtime.GOMAXPROCS(0), n)
	var next atomic.Int64
	var first error
	var once sync.Once
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for {
				i := int(next.Add(1)) - 1
				if i >= n {
					return
				}
				if err := do(i); err != nil {
					once.Do(func() { first = err })
					next.Store(int64(n))
					return
				}
			}
		})
	}
	wg.Wait()
	return first
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
	key            string
	csv, json, mmd []byte
	names          [4]string // where the CSV, JSON, Mermaid and source go
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
	key := schemaURL
	for _, p := range j.Personas {
		key += "\x00" + p.Slug + "\x00" + p.Name
	}
	if c != nil {
		c.mu.Lock()
		ex, ok := c.last[j]
		if ok && ex.key == key {
			c.next[j] = ex
		}
		c.mu.Unlock()
		if ok && ex.key == key {
			return ex
		}
	}
	ex := exported{key: key, csv: export.CSV(j), json: export.JSON(j, schemaURL), mmd: export.Mermaid(j)}
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
