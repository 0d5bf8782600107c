// Package importer turns what workshops bring back into journeys: a
// Mermaid "journey" diagram, or a filled-in CSV template (the shape
// generator/export writes). The result is a *model.Journey, which
// export.Markdown writes as a journey file.
//
// Malformed input never panics: every mistake comes back as a
// *diag.Errors, each at its file:line:col with a hint, all of them at once.
package importer
