// Package render executes the theme's html/template files over the site
// model. Templates are looked up in one documented order: a page's
// front-matter layout, then the site's layouts/ folder, then the theme's.
package render

import (
	"bytes"
	"fmt"
	"html/template"
	"slices"
	"strconv"

	"github.com/waymark-cx/waymark/generator/hub"
	"github.com/waymark-cx/waymark/generator/model"
)

// Page is the data every template receives as its dot.
type Page struct {
	Site        *Site
	Kind        string        // the page's kind, which names its layout (kind + ".html"): see package plan
	Title       string        // the page's own title (not the site's)
	Description string        // for <meta name="description">
	URL         string        // relative to the site root: "journeys/buy/"; "" for home
	Content     template.HTML // the rendered Markdown body, if the page has one
	Persona     *model.Persona
	Journey     *model.Journey
	Page        *model.Page    // a handbook page
	Section     *model.Section // a section index
	Crumbs      []Crumb        // breadcrumbs, from Home to the parent of this page
	Nav         []NavItem      // the site navigation
	Params      map[string]any // the page's [params], else nil
	Groups      []Group        // journeys grouped (journeys list, home)
	Tags        []Group        // journeys grouped by tag (journeys list)
	Segments    []Segment      // personas grouped by segment (personas list)
	Layout      string         // the template used, without .html
	Hub         *hub.Hub       // hub pages: the views across journeys
	Owner       *hub.Owner     // an owner's page
	Tag         *hub.Tag       // a tag's page
	Pair        *hub.Pair      // a compare page

	// fragments, when not nil, collects what the built-in components
	// drew, leaving placeholders in the page (see Hold).
	fragments *Fragments
}

// Site is what every page reaches as .Site: the handbook, and its hub.
type Site struct {
	*model.Site
	Hub *hub.Hub // the views across journeys; nil for a site without them
	// Config is the site's, as model.Site has it. A field of Site's own:
	// a template finds a promoted field (of the embedded model.Site)
	// only by a search that allocates, and every page asks for
	// .Site.Config several times.
	Config *model.Config
}

// NewSite is the .Site of a site's pages, with the hub's views when h is
// not nil.
func NewSite(s *model.Site, h *hub.Hub) *Site { return &Site{Site: s, Hub: h, Config: &s.Config} }

// Crumb is one step of a breadcrumb trail.
type Crumb struct {
	Title string
	URL   string // relative to the site root
}

// NavItem is an entry in the site navigation.
type NavItem struct {
	Title   string
	URL     string
	Current bool // this page or one below it
}

// Group is a titled list of journeys: a map type or a tag.
type Group struct {
	ID       string // an HTML id: the map type, or "tag-" + the tag's slug
	Title    string
	Journeys []*model.Journey
	// Preview is the first of Journeys, for a list that sums the group
	// up (the home page's panels, the journeys page's tags): a tenth of
	// hub_limit, at least 10 (model.Config.HubLimits). More is how many
	// it leaves out.
	Preview []*model.Journey
	More    int
	// URL is the tag's own page, where the site has one; "" for a map
	// type.
	URL string
}

// Segment is the personas of one segment, in the order of the personas
// list; Name is "" for those with no segment.
type Segment struct {
	ID       string // an HTML id: "segment-" + the index of its first persona
	Name     string
	Personas []*model.Persona
}

// Entry is the source entry of the page, if it has one.
func (p *Page) Entry() *model.Entry {
	switch {
	case p.Persona != nil:
		return &p.Persona.Entry
	case p.Journey != nil:
		return &p.Journey.Entry
	case p.Page != nil:
		return &p.Page.Entry
	}
	return nil
}

// Hold makes the next rendering of p leave a placeholder where a
// built-in component (the stage table, the blueprint) goes, and collect
// what was drawn in their place into f (a new one if f is nil), which it
// returns. The components' HTML is compact as drawn: a build minifies the
// rest of the page and then puts them in with Splice, so that the
// minifier, the largest cost of a journey page, does not read them.
// Splice without minifying gives the page as Bytes would.
func (p *Page) Hold(f *Fragments) *Fragments {
	if f == nil {
		f = new(Fragments)
	}
	f.Reset()
	p.fragments = f
	return f
}

// Release makes p render its components in place again.
func (p *Page) Release() { p.fragments = nil }

// Fragments is what the components of a page drew, one after another in
// one buffer, which a page worker uses again for page after page.
type Fragments struct {
	buf  []byte
	ends []int // where each fragment ends in buf

	// The last stage table drawn, kept across pages: a journey's print
	// view shows the stage table its page does, and the build makes the
	// two one after the other on the same worker (see Engine.placeMap).
	mapOf *model.Journey
	mapBy *Engine
	mapAt []byte
}

// Len is the number of fragments.
func (f *Fragments) Len() int { return len(f.ends) }

// At is fragment i.
func (f *Fragments) At(i int) []byte {
	start := 0
	if i > 0 {
		start = f.ends[i-1]
	}
	return f.buf[start:f.ends[i]]
}

// Reset empties f, keeping its room unless a very large page grew it,
// and the last stage table drawn unless it is very large.
func (f *Fragments) Reset() {
	if cap(f.buf) > 1<<20 {
		f.buf = nil
	}
	if cap(f.mapAt) > 1<<20 {
		f.mapOf, f.mapAt = nil, nil
	}
	f.buf, f.ends = f.buf[:0], f.ends[:0]
}

// fragmentTag is the placeholder of fragment n: an element the minifier
// keeps as it is.
func fragmentTag(n int) string {
	return "<waymark-fragment n=\"" + strconv.Itoa(n) + "\"></waymark-fragment>"
}

// Splice appends to dst page with each fragment in place of its
// placeholder. dst may be nil; page is not changed.
func Splice(dst, page []byte, fragments *Fragments) ([]byte, error) {
	out := slices.Grow(dst[:0], len(page)+len(fragments.buf))
	rest := page
	for i := range fragments.Len() {
		f := fragments.At(i)
		tag := fragmentTag(i)
		at := bytes.Index(rest, []byte(tag))
		if at < 0 {
			return nil, fmt.Errorf("the placeholder of component %d is missing from the page", i)
		}
		out = append(out, rest[:at]...)
		out = append(out, f...)
		rest = rest[at+len(tag):]
	}
	return append(out, rest...), nil
}
