package generator

import (
	"strings"

	"github.com/waymark-cx/waymark/generator/export"
	"github.com/waymark-cx/waymark/generator/model"
)

// writeExports writes the downloads of every journey beside its page
// (journeys/buy/buy.csv, .json, .mmd and the source .md), the CSV and
// JSON of every template beside the templates page, and the JSON schema.
// They are cheap to make, so every build writes them all: the Builder's
// page reuse does not apply to them.
func writeExports(site *model.Site, sources map[string][]byte, write func(string, []byte) error) error {
	schemaURL := ""
	if strings.Contains(site.Config.BaseURL, "://") {
		schemaURL = absolute(site, export.SchemaPath)
	}
	if err := write(export.SchemaPath, export.Schema); err != nil {
		return err
	}
	for _, j := range site.Journeys {
		files := []struct {
			ext  string
			data []byte
		}{
			{"csv", export.CSV(j)},
			{"json", export.JSON(j, schemaURL)},
			{"mmd", export.Mermaid(j)},
			{"md", sources[j.Path]},
		}
		for _, f := range files {
			if err := write(j.Download(f.ext), f.data); err != nil {
				return err
			}
		}
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

// exportFiles lists what writeExports writes, for the link checker.
func exportFiles(site *model.Site) []string {
	out := []string{export.SchemaPath}
	for _, j := range site.Journeys {
		for _, ext := range []string{"csv", "json", "mmd", "md"} {
			out = append(out, j.Download(ext))
		}
	}
	for _, t := range site.Templates {
		out = append(out, t.Download("csv"), t.Download("json"))
	}
	return out
}
