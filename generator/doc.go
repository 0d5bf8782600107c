// Package generator is the build: it turns a Waymark handbook into a
// static website, once (Build, BuildDir) or again and again (Builder, for
// the dev server).
//
// # Pipeline
//
// The pipeline runs one way, each stage a package that knows nothing of
// the stages after it; imports only point down:
//
//	source  read waymark.toml and every Markdown file; split front matter;
//	        decode TOML; index key positions
//	model   typed personas, journeys, pages and templates; every value and
//	        cross-reference checked; all mistakes located at path:line:col
//	hub     the handbook across journeys: owners, tags, pairs, and views of
//	        every touchpoint, item and metric
//	markup  Markdown to HTML; internal links checked and given the base path
//	export  the download formats of a journey (a registry) and the hub's
//	        CSV tables
//	render  the theme's templates (the site's layouts/ override them) and
//	        the components drawn in Go
//	plan    the URL scheme and the plan: every output, its path and what it
//	        reads, one file a product
//	output  write into a temporary folder beside the destination; move the
//	        files in only when the whole build succeeded
//
// This package runs them: it reads the source, makes the model and its
// hub, loads the theme, plans the site, then makes every output on every
// core (rendering pages from templates minified as they were parsed,
// writing files, copying static files) and writes it. It is the only
// package that writes to an output.
//
// # Reuse
//
// One cache: an output is reused while the sums of what it read are
// unchanged (Builder; sums.go, reuse.go). Besides it, a Builder keeps the
// source files and decoded entries while a file's size and time are
// unchanged, the parsed templates while the theme's files are, and the
// last good build for an edit below a page's front matter or of a
// journey's map (bodyedit.go: the model and the hub edited in place, and
// only the outputs that declared the edit made again). The pages open in
// a browser come first (Builder.Early); after an edit of what lists show
// of a journey, its own pages even before the site is planned again
// (Builder.preview).
// A build into a folder records its inputs' key, so that BuildDir does
// nothing when nothing changed (buildkey.go, buildcache.go).
//
// Build runs the pipeline; with no Output it checks: it renders every
// page, for the mistakes rendering finds, and writes nothing. The
// content format is described in content/docs/format.md; the template
// names and data in content/docs/theming.md; how to add a product, an
// export format or a hub view in CONTRIBUTING.md.
package generator
