package plan

import (
	"io"
	"strings"

	"github.com/waymark-cx/waymark/generator/export"
	"github.com/waymark-cx/waymark/generator/model"
)

// downloads plans a journey's downloads, beside its page, one a format of
// export.Formats (journeys/<slug>/<slug>.csv, .json, .mmd, .md). They
// show the journey's front matter and its personas' names; the .md
// download, the journey's whole file.
func (p *Planner) downloads(j *model.Journey) {
	in := export.Input{SchemaURL: p.schemaURL}
	for _, f := range export.Formats() {
		o := Output{In: Inputs{Fronts: []*model.Journey{j}, Personas: j.Personas}}
		if f.Verbatim {
			o.In = Inputs{Source: &j.Entry}
		}
		p.File(j.Download(f.Ext), func(w io.Writer) error {
			if f.Verbatim {
				return p.raw(w, &j.Entry)
			}
			_, err := w.Write(f.Write(j, in))
			return err
		}, o)
	}
}

// schema plans the JSON schema of the journeys' JSON download
// (schema/journey.schema.json).

func schema(p *Planner) {
	p.File(export.SchemaPath, func(w io.Writer) error { _, err := w.Write(export.Schema); return err }, Output{})
}

// schemaURL is the schema's full address, when base_url has a host; the
// JSON downloads name it in "$schema".
func schemaURL(p *Planner) string {
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
