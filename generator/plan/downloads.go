package plan

import (
	"strings"

	"github.com/waymark-cx/waymark/generator/export"
	"github.com/waymark-cx/waymark/generator/model"
)

// downloads plans a journey's downloads, beside its page, one a format of
// export.Formats (journeys/<slug>/<slug>.csv, .json, .mmd, .md). They
// show the journey's front matter and its personas' names; the .md
// download, the journey's whole file.
func (p *Planner) downloads(j *model.Journey) {
	in := &export.Input{SchemaURL: p.schemaURL, Words: p.journeyWords(j)}
	if p.formats == nil {
		p.formats = export.Formats()
	}
	fronts := []*model.Journey{j}
	for i := range p.formats {
		// The function holds pointers alone: a large handbook plans
		// four of them a journey, all kept until they are made.
		f := &p.formats[i]
		if f.Verbatim {
			p.Made(j.Download(f.Ext), func(dst []byte) []byte { return export.AppendHeld(dst, p.Raw(&j.Entry)) }, Output{In: Inputs{Source: &j.Entry}})
			continue
		}
		p.Made(j.Download(f.Ext), func(dst []byte) []byte { return f.Write(dst, j, *in) }, Output{In: Inputs{Fronts: fronts, Personas: j.Personas}})
	}
}

// schema plans the JSON schema of the journeys' JSON download
// (schema/journey.schema.json), and the schema of its version 1
// (schema/journey.v1.schema.json) for tools that pinned it.
func schema(p *Planner) {
	p.Made(export.SchemaPath, func(dst []byte) []byte { return export.AppendHeld(dst, export.Schema) }, Output{})
	p.Made(export.SchemaV1Path, func(dst []byte) []byte { return export.AppendHeld(dst, export.SchemaV1) }, Output{})
}

// schemaURL is the schema's full address, when base_url has a host; the
// JSON downloads name it in "$schema".
func schemaURL(p *Planner) string {
	if !strings.Contains(p.Site.Config.BaseURL, "://") {
		return ""
	}
	return Absolute(p.Site, export.SchemaPath)
}
