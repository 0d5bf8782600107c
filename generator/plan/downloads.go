package plan

import (
	"io"
	"strings"

	"github.com/waymark-cx/waymark/generator/export"
	"github.com/waymark-cx/waymark/generator/model"
)

// The downloads of every journey, beside its page, one a format of
// export.Formats (journeys/<slug>/<slug>.csv, .json, .mmd, .md), and the
// JSON schema of the JSON download (schema/journey.schema.json). A
// journey's downloads show its file and its personas' names.
func downloads(p *Planner) {
	formats := export.Formats()
	schemaURL := p.schemaURL()
	for _, j := range p.Site.Journeys {
		o := Output{In: Inputs{Source: &j.Entry, Personas: j.Personas}}
		for _, f := range formats {
			p.File(j.Download(f.Ext), func(w io.Writer) error {
				in := export.Input{SchemaURL: schemaURL}
				if f.Verbatim {
					return p.raw(w, &j.Entry)
				}
				_, err := w.Write(f.Write(j, in))
				return err
			}, o)
		}
	}
}

func schema(p *Planner) {
	p.File(export.SchemaPath, func(w io.Writer) error { _, err := w.Write(export.Schema); return err }, Output{})
}

// schemaURL is the schema's full address, when base_url has a host; the
// JSON downloads name it in "$schema".
func (p *Planner) schemaURL() string {
	if !strings.Contains(p.Site.Config.BaseURL, "://") {
		return ""
	}
	return Absolute(p.Site, export.SchemaPath)
}

// raw writes an entry's file as its author wrote it.
func (p *Planner) raw(w io.Writer, e *model.Entry) error {
	_, err := w.Write(p.Raw(e))
	return err
}
