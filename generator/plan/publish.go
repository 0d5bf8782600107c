package plan

import (
	"encoding/xml"
	"io"
	"strings"
	"time"
)

// What crawlers and GitHub Pages read: sitemap.xml (every page planned
// for it, with absolute URLs when base_url has a host, and a journey's
// last review as its lastmod), robots.txt (naming the sitemap when its
// address is absolute), .nojekyll (GitHub Pages serves the files as they
// are) and CNAME (the custom domain, when cname is set).
func publishing(p *Planner) {
	pages := p.outs // every page is planned by now
	p.File("sitemap.xml", func(w io.Writer) error { return p.sitemap(w, pages) }, Output{In: Inputs{Cards: true}})
	p.File("robots.txt", func(w io.Writer) error {
		robots := "User-agent: *\nAllow: /\n"
		if loc := Absolute(p.Site, "sitemap.xml"); strings.Contains(loc, "://") {
			robots += "Sitemap: " + loc + "\n"
		}
		_, err := io.WriteString(w, robots)
		return err
	}, Output{})
	p.File(".nojekyll", func(io.Writer) error { return nil }, Output{})
	if c := strings.TrimSpace(p.Site.Config.CNAME); c != "" {
		p.File("CNAME", func(w io.Writer) error { _, err := io.WriteString(w, c+"\n"); return err }, Output{})
	}
}

func (p *Planner) sitemap(w io.Writer, outs []*Output) error {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n" + `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + "\n")
	for _, o := range outs {
		if !o.Sitemap {
			continue
		}
		b.WriteString("<url><loc>")
		_ = xml.EscapeText(&b, []byte(Absolute(p.Site, o.Page.URL)))
		b.WriteString("</loc>")
		if j := o.Page.Journey; j != nil && !j.LastReviewed.IsZero() {
			b.WriteString("<lastmod>" + j.LastReviewed.Format(time.DateOnly) + "</lastmod>")
		}
		b.WriteString("</url>\n")
	}
	b.WriteString("</urlset>\n")
	_, err := io.WriteString(w, b.String())
	return err
}
