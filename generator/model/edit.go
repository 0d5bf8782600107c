package model

import (
	"reflect"
	"slices"

	"github.com/waymark-cx/waymark/generator/diag"
	"github.com/waymark-cx/waymark/generator/source"
)

// EditJourney is the dev server's commonest front-matter edit: a
// journey's map changed (an emotion, a feeling, an action) and nothing
// that another entry or list shows of it. It types nf, the new text of
// the journey file old, as New would, and when the new journey has the
// same place in the site (title, summary, type, personas, pair, tags,
// owners, layout, parameters, images, lanes, cited research notes),
// writes it over the journey of site read from old, in place: every
// pointer to it (the personas' lists, its pair, the hub, a plan) shows
// the new map. The site's warnings are worked out again when the
// journey's changed. The cache hands out that journey for nf from then
// on.
//
// It returns a copy of the journey as it was, whose stages are the old
// ones (for the hub to take out), and the journey. ok is false, with
// site and cache untouched, when it cannot: the file is not a journey of
// the site or of the cache, the edit changes more, or nf has mistakes
// (which New reports).
func (c *Cache) EditJourney(site *Site, old, nf *source.File, opts Options) (before Journey, j *Journey, ok bool) {
	return c.editJourney(site, old, nf, opts, false)
}

// EditJourneyAndCard is EditJourney for an edit that may also change
// what lists show of the journey (its title, summary, goal, tags, owners,
// review dates, personas) and what its own pages read of it alone (its
// layout and parameters), but not its other links: its pair, type, lanes
// and images. Personas it names are linked as New links them (each must
// be one of the site's); the site's journeys and its personas' are
// sorted again. What else holds the journeys or reads their cards (a
// hub, a plan) is the caller's to make again.
func (c *Cache) EditJourneyAndCard(site *Site, old, nf *source.File, opts Options) (before Journey, j *Journey, ok bool) {
	return c.editJourney(site, old, nf, opts, true)
}

func (c *Cache) editJourney(site *Site, old, nf *source.File, opts Options, card bool) (before Journey, j *Journey, ok bool) {
	if !c.keeps || opts.Addresses == nil {
		return Journey{}, nil, false
	}
	j, _ = c.entries[old].(*Journey)
	if j == nil || j.template || !slices.Contains(site.Journeys, j) {
		return Journey{}, nil, false
	}
	e, top, nested, isEntry := contentEntry(nf, opts.Addresses)
	if !isEntry || nested || top != "journeys" {
		return Journey{}, nil, false
	}
	doc, err := source.DecodeFile(nf)
	if err != nil {
		return Journey{}, nil, false
	}
	var errs diag.List
	n := decodeJourney(&decoder{doc: doc, errs: &errs}, e, &site.Config)
	n.addr = opts.Addresses
	if errs.Len() > 0 || !samePlace(j, n, card) || !linkOwnEvidence(site, n) {
		return Journey{}, nil, false
	}
	// What linking gave the old journey: the same pair, and the same
	// personas unless the edit names others (linked as link does).
	n.Personas, n.Compare = j.Personas, j.Compare
	if !slices.Equal(j.PersonaSlugs, n.PersonaSlugs) {
		if n.Personas, ok = personasOf(site, n.PersonaSlugs); !ok {
			return Journey{}, nil, false
		}
	}
	rewarn := !slices.EqualFunc(warnings(site, j), warnings(site, n), sameWarning)
	for i, im := range j.images() {
		n.images()[i].SetSize(im.Width, im.Height) // read by the build, from the same files
	}
	if n.Title == j.Title {
		n.sortKey = j.sortKey
	}
	if m := n.leftovers; m != nil {
		m.of = j
	}
	before = *j
	*j = *n
	delete(c.entries, old)
	c.entries[nf] = j
	for _, p := range before.Personas {
		if !slices.Contains(j.Personas, p) {
			p.Journeys = slices.DeleteFunc(p.Journeys, func(o *Journey) bool { return o == j })
		}
	}
	for _, p := range j.Personas {
		if !slices.Contains(before.Personas, p) {
			p.Journeys = append(p.Journeys, j)
			sortJourneys(p.Journeys)
		}
	}
	if j.Title != before.Title {
		sortJourneys(site.Journeys)
		for _, p := range j.Personas {
			sortJourneys(p.Journeys)
		}
	}
	if rewarn {
		site.rewarn()
	}
	return before, j, true
}

// UndoEdit puts journey j back as it was before a new text, nf, was
// written over it from old's (EditJourney, EditJourneyAndCard returned
// before), with the site's and the personas' lists as they were, and the
// cache handing it out for old again: the next build decodes nf anew, so
// that what holds the journeys (a hub) sees it change.
func (c *Cache) UndoEdit(site *Site, old, nf *source.File, before Journey, j *Journey) {
	now := j.Personas
	*j = before
	for _, p := range now {
		if !slices.Contains(j.Personas, p) {
			p.Journeys = slices.DeleteFunc(p.Journeys, func(o *Journey) bool { return o == j })
		}
	}
	for _, p := range j.Personas {
		if !slices.Contains(now, p) {
			p.Journeys = append(p.Journeys, j)
		}
	}
	sortJourneys(site.Journeys)
	for _, p := range j.Personas {
		sortJourneys(p.Journeys)
	}
	delete(c.entries, nf)
	c.entries[old] = j
	site.rewarn()
}

// rewarn gives the site the warnings its journeys call for again, before
// those a build added (warn).
func (site *Site) rewarn() {
	added := slices.Clone(site.Warnings[site.warned:])
	site.Warnings = nil
	site.warn()
	site.Warnings = append(site.Warnings, added...)
}

// SameFront tells the cache that nf, a new text of old with the same
// front matter, has the entry read from old, whose Body the caller set to
// nf's: the next build hands it out for nf.
func (c *Cache) SameFront(old, nf *source.File) {
	if v, ok := c.entries[old]; ok && c.keeps {
		delete(c.entries, old)
		c.entries[nf] = v
	}
}

// samePlace reports whether journey n, the new text of j, shows the same
// everywhere but in its own map: what the site's lists, the other
// entries and the hub's index read of it, and what its pages were
// planned with. With card, n may differ in what lists show of it and
// its own pages read from it alone (sameLinks).
func samePlace(j, n *Journey, card bool) bool {
	if !card && (j.Title != n.Title || j.Summary != n.Summary || j.Goal != n.Goal || j.Owner != n.Owner ||
		!j.LastReviewed.Equal(n.LastReviewed) || j.ReviewEvery != n.ReviewEvery || j.Layout != n.Layout ||
		!slices.Equal(j.Tags, n.Tags) || !slices.Equal(j.OwnerNames(), n.OwnerNames()) || !reflect.DeepEqual(j.Params, n.Params) ||
		!slices.Equal(j.PersonaSlugs, n.PersonaSlugs)) {
		return false
	}
	return sameLinks(j, n)
}

// sameLinks reports whether journey n, the new text of j, is linked as j
// is but for its personas: to the same pair, with the same type, lanes
// and images, not a draft if j was not.
func sameLinks(j, n *Journey) bool {
	if j.Path != n.Path || j.Slug != n.Slug || j.URL != n.URL || j.Type != n.Type || j.CompareSlug != n.CompareSlug || j.Draft != n.Draft ||
		!slices.Equal(j.hidden, n.hidden) || !reflect.DeepEqual(j.Lanes, n.Lanes) {
		return false
	}
	ji, ni := j.images(), n.images()
	return slices.EqualFunc(ji, ni, func(a, b *Image) bool { return a.Path == b.Path }) &&
		(j.Cover == nil) == (n.Cover == nil)
}

// linkOwnEvidence resolves what j's items cite as linkEvidence does,
// and reports false when a research note it names is not in the site
// (a mistake, or a draft: New says which).
func linkOwnEvidence(site *Site, j *Journey) bool {
	ok := true
	j.eachCited(func(ev *Evidence, s string) {
		at := slices.IndexFunc(site.Research, func(p *Page) bool { return p.Slug == s })
		if at < 0 {
			ok = false
			return
		}
		ev.URL, ev.Title = site.Research[at].URL, site.Research[at].Title
	})
	return ok
}

// warnings are the warnings New gives journey j in site, in their order.
func warnings(site *Site, j *Journey) []*diag.Error {
	one := &Site{Config: site.Config, Templates: site.Templates, Journeys: []*Journey{j}, Now: site.Now}
	one.warn()
	return one.Warnings
}

func sameWarning(a, b *diag.Error) bool { return a.Error() == b.Error() }

// personasOf is the site's personas with the given slugs, in their order;
// false if one is not the site's.
func personasOf(site *Site, slugs []string) ([]*Persona, bool) {
	out := make([]*Persona, 0, len(slugs))
	for _, s := range slugs {
		i := slices.IndexFunc(site.Personas, func(p *Persona) bool { return p.Slug == s })
		if i < 0 {
			return nil, false
		}
		out = append(out, site.Personas[i])
	}
	return out, true
}
