// Package importer turns what workshops bring back into journeys: a
// Mermaid "journey" diagram, or a filled-in CSV template (the shape
// generator/export writes). The result is a *model.Journey, which
// export.Markdown writes as a journey file.
//
// A CSV's rows may be labelled in either built-in language, by the lane
// keys of the journey format, or by a site's own labels; numbers may
// have a decimal comma.
//
// Malformed input never panics: every mistake comes back as a
// *diag.Errors, each at its file:line:col (columns in characters) with a
// hint, all of them at once.
package importer
