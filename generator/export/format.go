package export

import "github.com/waymark-cx/waymark/generator/model"

// Format is one of the files a journey is offered as. It carries all that
// the rest of the site needs to know of it (plan/downloads.go writes
// it, the journey page links to it, serve sends it), so that a new format
// is one file in this package and nothing else spells its extension.
type Format struct {
	// Ext names the file, without the dot ("csv"); a journey's file of
	// the format is model.Journey.Download(Ext).
	Ext string
	// MediaType is the download link's type attribute ("text/csv"): what
	// the file is, for the browser.
	MediaType string
	// ContentType is what a server sends with the file ("text/csv;
	// charset=utf-8"), which may differ from MediaType so that browsers
	// show the file as text instead of guessing.
	ContentType string
	// Label is the key of the link's UI string ("download.csv"), so that
	// each theme and language names the format its own way.
	Label string
	// Template is set for the formats a blank template is offered in too,
	// beside the templates page: those a spreadsheet or a tool can start
	// from. A template's source is offered by the templates page itself.
	Template bool
	// Verbatim is set for a format that is the author's file passed
	// through (Input.Source) rather than made from the model: nothing to
	// keep between builds, and keeping it would hold on to text that a
	// released journey let go.
	Verbatim bool
	// Write makes the file, appended to dst: the build hands each of its
	// workers' a buffer to use again, file after file. Given nil, a
	// format may return bytes it holds (Verbatim's, the author's file),
	// which no caller changes. It is called on every core at once, so it
	// must not change j or anything j points to.
	Write func(dst []byte, j *model.Journey, in Input) []byte
}

// Input is what a format needs beyond the journey; the build knows it,
// the model does not.
type Input struct {
	// SchemaURL is the JSON schema's absolute address, written as
	// "$schema"; empty when the site has no base URL with a host.
	SchemaURL string
	// Source is the journey's file exactly as the author wrote it; nil
	// for a template, which is offered only in Template formats.
	Source []byte
	// Words label what a format writes in words of its own (the CSV's
	// rows), in the journey's language (Language) with the site's own
	// renamings; nil is English.
	Words Words
}

// Formats lists the journey formats in the order the journey page offers
// them. It returns a fresh slice, so no caller can change another's list.
func Formats() []Format {
	return []Format{csvFormat(), jsonFormat(), mermaidFormat(), sourceFormat()}
}
