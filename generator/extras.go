package generator

import (
	"encoding/xml"
	"errors"
	"io"
	"io/fs"
	"path"
	"slices"
	"strings"
	"time"

	"github.com/waymark-cx/waymark/generator/diag"
	"github.com/waymark-cx/waymark/generator/model"
	"github.com/waymark-cx/waymark/generator/output"
	"github.com/waymark-cx/waymark/generator/plan"
	"github.com/waymark-cx/waymark/generator/source"
)

// writeExtras writes what is not a rendered page: static files (theme's,
// then the site's), and the source of every template for download. A
// check leaves out the search index and minifies nothing (min is nil).
func writeExtras(site *model.Site, search *searchParts, outs []*plan.Output, sources map[string][]byte, statics map[string]fs.FS, min *minifier,
	write func(string, []byte) error, stream func(string, func(io.Writer) error) error, check bool) error {
	// GitHub Pages: serve files as they are (no Jekyll), on the custom
	// domain if one is set.
	if err := write(".nojekyll", nil); err != nil {
		return err
	}
	if c := strings.TrimSpace(site.Config.CNAME); c != "" {
		if err := write("CNAME", []byte(c+"\n")); err != nil {
			return err
		}
	}
	switch {
	case check: // the search index holds nothing a check would report
	case search != nil:
		// The Builder keeps each entry's part between builds.
		if err := write(SearchIndexName, searchIndex(site, search)); err != nil {
			return err
		}
	default:
		if err := stream(SearchIndexName, func(w io.Writer) error { return writeSearchIndex(w, site, 1024) }); err != nil {
			return err
		}
	}
	if err := write("sitemap.xml", sitemap(site, outs)); err != nil {
		return err
	}
	robots := "User-agent: *\nAllow: /\n"
	if loc := absolute(site, "sitemap.xml"); strings.Contains(loc, "://") {
		robots += "Sitemap: " + loc + "\n"
	}
	if err := write("robots.txt", []byte(robots)); err != nil {
		return err
	}
	for _, t := range site.Templates {
		if err := write(templateDownload(t), sources[t.Path]); err != nil {
			return err
		}
	}
	names := make([]string, 0, len(statics))
	for n := range statics {
		names = append(names, n)
	}
	slices.Sort(names)
	var twice diag.List // every static file in a built file's place, not just the first
	for _, n := range names {
		b, err := fs.ReadFile(statics[n], "static/"+n)
		if err != nil {
			return err
		}
		if mt := minifiable(n); mt != "" && !check {
			b = min.static(n, mt, b)
		}
		if err := write(n, b); errors.Is(err, output.ErrWrittenTwice) {
			twice.Add(&diag.Error{Path: "static/" + n, Line: 1, Col: 1, Msg: "static/" + n + " is where Waymark writes " + n + " for a page or a file of its own",
				Hint: "rename or move it out of the way; a page's address comes from its file name under content/"})
		} else if err != nil {
			return err
		}
	}
	return twice.Err()
}

// minifiable gives the media type of files worth minifying.
func minifiable(name string) string {
	if strings.HasSuffix(name, ".min.css") || strings.HasSuffix(name, ".min.js") {
		return ""
	}
	switch path.Ext(name) {
	case ".css":
		return "text/css"
	case ".js":
		return "application/javascript"
	case ".svg":
		return "image/svg+xml"
	case ".json":
		return "application/json"
	}
	return ""
}

// fileSources gives the text of each template file as the author wrote it,
// by source path, for download.
func fileSources(files []*source.File) map[string][]byte {
	out := make(map[string][]byte, len(files))
	for _, f := range files {
		out[f.Path] = f.Raw
	}
	return out
}

// sourceTexts gives each journey's source as its author wrote it, for
// its .md download. A journey whose text a one-off build let go
// (model.Options.Release) is read again.
func (b *Builder) sourceTexts(files []*source.File) func(j *model.Journey) []byte {
	byPath := make(map[string]*source.File, len(files))
	for _, f := range files {
		byPath[f.Path] = f
	}
	return func(j *model.Journey) []byte {
		if j.Released {
			raw, err := fs.ReadFile(b.opts.Source, j.Path)
			if err != nil {
				return nil // gone since: rendering its page said so
			}
			return raw
		}
		if f := byPath[j.Path]; f != nil {
			return f.Raw
		}
		return nil
	}
}

// sitemap lists the pages planned for it (plan.Output.Sitemap), with
// absolute URLs when base_url has a host.
func sitemap(site *model.Site, outs []*plan.Output) []byte {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n" + `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + "\n")
	for _, o := range outs {
		if !o.Sitemap {
			continue
		}
		p := o.Page
		b.WriteString("<url><loc>")
		_ = xml.EscapeText(&b, []byte(absolute(site, p.URL)))
		b.WriteString("</loc>")
		if p.Journey != nil && !p.Journey.LastReviewed.IsZero() {
			b.WriteString("<lastmod>" + p.Journey.LastReviewed.Format(time.DateOnly) + "</lastmod>")
		}
		b.WriteString("</url>\n")
	}
	b.WriteString("</urlset>\n")
	return []byte(b.String())
}

// absolute is a site path with base_url in front.
func absolute(site *model.Site, p string) string {
	return strings.TrimSuffix(site.Config.BaseURL, "/") + "/" + p
}

// readSource reads and splits a content file again: a one-off build of a
// large handbook lets go of journeys' text once they are decoded
// (model.Options.Release) and reads it again when it renders and exports them.
func readSource(files fs.FS, path string) (*source.File, error) {
	data, err := fs.ReadFile(files, path)
	if err != nil {
		return nil, err
	}
	return source.Split(path, data)
}
