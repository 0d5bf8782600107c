// Package generator turns a Waymark handbook into a static website.
//
// The pipeline runs one way, each stage a package that knows nothing of
// the stages after it:
//
//	source  read waymark.toml and every Markdown file; split front matter;
//	        decode TOML; index key positions
//	model   typed personas, journeys, pages and templates; every value and
//	        cross-reference checked; all mistakes located at path:line:col
//	markup  Markdown to HTML; internal links checked and given the base path
//	render  the theme's templates (the site's layouts/ override them)
//	output  write into a temporary folder beside the destination; move the
//	        files in only when the whole build succeeded
//
// Build runs the pipeline; Check runs it without writing anything. The
// content format is described in content/docs/format.md; the template
// names and data in content/docs/theming.md.
package generator
