// Package export turns a journey map into the files the rest of the company
// uses, and back into the journey format.
//
// Every format is written from a *model.Journey, so a template exports the
// same way as a finished map:
//
//	CSV      UTF-8 with a byte-order mark (Excel then shows Vietnamese
//	         correctly); one column per stage, one row per lane, the
//	         journey's own facts (title, type, personas …) in rows above
//	         the "Stage" row. Several items in a cell are separated by line
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
// The lanes, their labels and the item syntax are shared with the
// importers in generator/importer, so that export → import gives the same
// map back.
package export
