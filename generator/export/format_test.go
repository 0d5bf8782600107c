package export_test

import (
	"bytes"
	"io/fs"
	"slices"
	"testing"

	"github.com/waymark-cx/waymark"
	"github.com/waymark-cx/waymark/generator/export"
)

// TestFormats pins the registry to what the site offered before it
// existed: the order of the journey page's links, the types serve sends
// and the formats a template is offered in.
func TestFormats(t *testing.T) {
	type row struct {
		ext, mediaType, contentType, label string
		template, verbatim                 bool
	}
	want := []row{
		{"csv", "text/csv", "text/csv; charset=utf-8", "download.csv", true, false},
		{"json", "application/json", "application/json", "download.json", true, false},
		{"mmd", "text/vnd.mermaid", "text/plain; charset=utf-8", "download.mermaid", false, false},
		{"md", "text/markdown", "text/markdown; charset=utf-8", "download.source", false, true},
	}
	var got []row
	seen := map[string]bool{}
	for _, f := range export.Formats() {
		got = append(got, row{f.Ext, f.MediaType, f.ContentType, f.Label, f.Template, f.Verbatim})
		if seen[f.Ext] {
			t.Errorf("two formats with the extension %q", f.Ext)
		}
		seen[f.Ext] = true
		if f.Write == nil {
			t.Errorf("%s: no writer", f.Ext)
		}
	}
	if !slices.Equal(got, want) {
		t.Errorf("Formats() =\n%v\nwant\n%v", got, want)
	}
	a, b := export.Formats(), export.Formats()
	a[0].Ext = "changed"
	if b[0].Ext != "csv" {
		t.Error("Formats() shares its slice between callers")
	}
}

// TestFormatWriters: each format's writer makes what the build wrote
// before the registry, for every journey and template of the example.
func TestFormatWriters(t *testing.T) {
	site := example(t)
	const schemaURL = "https://example.com/schema/journey.schema.json"
	for _, j := range append(site.Journeys, site.Templates...) {
		src, err := fs.ReadFile(waymark.Example(), j.Path)
		if j.IsTemplate() {
			src, err = nil, nil
		}
		if err != nil {
			t.Fatal(err)
		}
		in := export.Input{SchemaURL: schemaURL, Source: src}
		want := map[string][]byte{
			"csv":  export.CSV(j, nil),
			"json": export.JSON(j, schemaURL),
			"mmd":  export.Mermaid(j),
			"md":   src,
		}
		for _, f := range export.Formats() {
			if got := f.Write(nil, j, in); !bytes.Equal(got, want[f.Ext]) {
				t.Errorf("%s: the %s writer differs from before the registry", j.Slug, f.Ext)
			}
		}
	}
}

// TestWriteAppends: every format appends its file to the buffer it is
// given, leaving what the buffer held, and a buffer used again file after
// file (as a build's workers do) gives each file as a fresh one would;
// given nil, the verbatim format hands back the author's bytes.
func TestWriteAppends(t *testing.T) {
	site := example(t)
	in := export.Input{SchemaURL: "https://example.com/schema/journey.schema.json", Source: []byte("+++\ntitle = \"x\"\n+++\n")}
	buf := make([]byte, 0, 64) // small: the files outgrow it
	for _, f := range export.Formats() {
		for _, j := range site.Journeys {
			want := f.Write(nil, j, in)
			got := f.Write(append(buf[:0], "kept"...), j, in)
			if string(got) != "kept"+string(want) {
				t.Errorf("%s, %s: Write did not append to the buffer", j.Slug, f.Ext)
			}
			buf = got[:0]
		}
		if f.Verbatim {
			if got := f.Write(nil, site.Journeys[0], in); &got[0] != &in.Source[0] {
				t.Errorf("%s: given nil, Write copied the author's file", f.Ext)
			}
		}
	}
}
