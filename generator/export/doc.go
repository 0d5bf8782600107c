// Package export turns a journey map into the files the rest of the company
// uses, and back into the journey format.
//
// Every format is written from a *model.Journey, so a template exports the
// same way as a finished map:
//
//	CSV      UTF-8 with a byte-order mark (Excel then shows Vietnamese
//	         correctly); one column per stage, one row per lane, the
//	         journey's own facts (title, type, personas …) in rows above
//	         the "Stage" row. Rows are labelled in the journey's language
//	         (Language, Input.Words: labels.go holds the one table of
//	         both languages). Several items in a cell are separated by line
//	         breaks; an item's details follow its text after " | " as
//	         "key: value" (see FormatItem). A cell a spreadsheet would run
//	         as a formula (one starting with =, +, -, @, a tab or a carriage
//	         return) gets a leading apostrophe.
//	JSON     the journey in the versioned schema of journey.schema.json
//	         (JSON Schema 2020-12), which the site publishes as
//	         schema/journey.schema.json.
//	Mermaid  a "journey" diagram: the title, a section per stage, a task
//	         per customer action scored with the stage's emotion and acted
//	         by the journey's personas.
//	Markdown the journey format itself (TOML front matter and Markdown),
//	         for journeys made by importers and by "waymark new".
//
// The lanes, their keys and labels, the item syntax and the reading of
// numbers (Decimal: "0,25" too) are shared with the importers in
// generator/importer, so that export → import gives the same map back.
//
// # Formats
//
// Formats lists the formats a journey is offered in, in the order of the
// journey page's links: CSV, JSON, Mermaid, then the journey's source as
// its author wrote it (not Markdown(j): comments and layout kept). Each
// Format names its extension, the link's media type and label, the
// Content-Type serve sends, and its writer, which appends the file to a
// buffer a build's worker uses again file after file; the build writes
// every one beside the journey's page (model.Journey.Download), a blank
// template only those marked Template (CSV and JSON).
//
// # Adding a format
//
// A new format is one file in this package: its writer and a function
// returning its Format, added to the list in format.go where its link
// should appear (and to the table TestFormats pins). Its golden files
// (testdata/golden/<slug>.<ext>) come from go test ./generator/export
// -update; TestGolden fails until they exist. Outside this package only
// the label's string is new, in each theme's i18n files; the build, the
// journey page's links and serve take the rest from the Format. (The
// default theme's templates page still spells its CSV and JSON links.)
package export
