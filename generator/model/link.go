package model

import (
	"cmp"
	"fmt"
	"maps"
	"path"
	"slices"
	"strings"

	"github.com/waymark-cx/waymark/generator/diag"
)

// link resolves cross-references (personas ↔ journeys, compare pairs),
// checks avatars, groups pages into sections, sorts everything and notes
// the maps that are due for review.
func link(site *Site, at Addresses, drafts, broken map[string]bool, errs *diag.List) {
	// Entries may come from an earlier build's cache: start their links
	// afresh.
	for _, j := range site.Journeys {
		j.Personas, j.Compare = nil, nil
	}
	personas := map[string]*Persona{}
	for _, p := range site.Personas {
		personas[p.Slug] = p
		p.Journeys = nil
	}
	personaSlugs := slices.Sorted(maps.Keys(personas))
	journeys := map[string]*Journey{}
	for _, j := range site.Journeys {
		journeys[j.Slug] = j
	}
	for _, j := range site.Journeys {
		for i, s := range j.PersonaSlugs {
			p, ok := personas[s]
			if !ok && (broken["personas/"+s] || drafts["personas/"+s]) {
				// Unreadable (already reported) or a draft left out of
				// this build: the journey is shown without that persona.
				continue
			}
			if !ok {
				e := j.refs.personas[i]
				e.Msg = fmt.Sprintf("unknown persona %q%s", s, diag.DidYouMean(s, personaSlugs))
				e.Hint = "a persona is named by its file name in content/personas/ without .md: " + listOf(withFiles(personaSlugs, personas))
				errs.Add(&e)
				continue
			}
			j.Personas = append(j.Personas, p)
			p.Journeys = append(p.Journeys, j)
		}
		if j.CompareSlug == "" {
			continue
		}
		other, ok := journeys[j.CompareSlug]
		switch {
		case j.CompareSlug == j.Slug:
			e := j.refs.compare
			e.Msg, e.Hint = "a journey cannot be compared with itself", "compare names the paired current-state or future-state journey"
			errs.Add(&e)
		case !ok:
			// A pair whose other half is a draft left out of this build is
			// simply not linked yet.
			if !drafts["journeys/"+j.CompareSlug] && !broken["journeys/"+j.CompareSlug] {
				e := j.refs.compare
				e.Msg = fmt.Sprintf("compare names unknown journey %q%s", j.CompareSlug, diag.DidYouMean(j.CompareSlug, slices.Sorted(maps.Keys(journeys))))
				e.Hint = "compare is the file name of another journey in content/journeys/, without .md"
				errs.Add(&e)
			}
		default:
			j.Compare = other
			if other.Compare == nil && (other.CompareSlug == "" || other.CompareSlug == j.Slug) {
				other.Compare = j
			}
		}
	}
	for _, j := range site.Journeys {
		if j.Compare == nil && j.CompareSlug != "" {
			if other, ok := journeys[j.CompareSlug]; ok {
				j.Compare = other
			}
		}
	}
	slices.SortFunc(site.Personas, func(a, b *Persona) int {
		return cmp.Or(byKey(&a.Entry, &b.Entry, a.Name, b.Name), cmp.Compare(a.Slug, b.Slug))
	})
	sortJourneys(site.Journeys)
	for _, p := range site.Personas {
		sortJourneys(p.Journeys)
	}
	slices.SortFunc(site.Templates, func(a, b *Journey) int { return cmp.Compare(a.Slug, b.Slug) })
	root := buildSections(site.Pages, at)
	site.Sections, site.TopPages = root.Sections, root.Pages
	site.Research = researchNotes(site.Pages)
	linkEvidence(site, drafts, broken, errs)
	site.warn()
}

// warn gives the site the warnings its journeys call for: template
// leftovers, reviews due, rules broken. They come first in Warnings: a
// build adds its own after them (Rewarn).
func (site *Site) warn() {
	leftoverWarnings(site)
	reviewWarnings(site)
	ruleWarnings(site)
	site.warned = len(site.Warnings)
}

func sortJourneys(js []*Journey) { slices.SortFunc(js, CompareJourneys) }

// CompareJourneys is the order of Site.Journeys: by title (folded, then
// as written), then by slug. The hub keeps its lists in this order
// between builds while a journey's file is unchanged.
func CompareJourneys(a, b *Journey) int {
	return cmp.Or(byKey(&a.Entry, &b.Entry, a.Title, b.Title), cmp.Compare(a.Slug, b.Slug))
}

// withFiles gives each persona's slug with its file name where the two
// differ, as an author sees it: "chi-lan (chị-lan.md)", "lan".
func withFiles(slugs []string, personas map[string]*Persona) []string {
	out := make([]string, len(slugs))
	for i, s := range slugs {
		out[i] = s
		if p := personas[s]; p != nil {
			if file := path.Base(p.Path); file != s+".md" {
				out[i] += " (" + file + ")"
			}
		}
	}
	return out
}

func listOf(s []string) string {
	if len(s) == 0 {
		return "(there are none yet)"
	}
	if len(s) > 12 {
		return strings.Join(s[:12], ", ") + ", …"
	}
	return strings.Join(s, ", ")
}

// buildSections groups handbook pages by folder, nested, each sorted by
// weight then title.
func buildSections(pages []*Page, at Addresses) *Section {
	byDir := map[string]*Section{}
	var get func(dir string) *Section
	root := &Section{}
	get = func(dir string) *Section {
		if dir == "" {
			return root
		}
		if s, ok := byDir[dir]; ok {
			return s
		}
		s := &Section{Dir: dir, URL: at.Page(slugDir(dir), ""), Title: humanize(path.Base(dir))}
		byDir[dir] = s
		parent := get(strings.TrimSuffix(path.Dir(dir), "."))
		parent.Sections = append(parent.Sections, s)
		return s
	}
	for _, p := range pages {
		s := get(p.Dir)
		if p.IsIndex {
			s.Index = p
			if p.Title != "" {
				s.Title = p.Title
			}
			s.Weight = p.Weight
			continue
		}
		s.Pages = append(s.Pages, p)
	}
	var sortAll func(s *Section)
	sortAll = func(s *Section) {
		slices.SortFunc(s.Pages, func(a, b *Page) int {
			return cmp.Or(cmp.Compare(a.Weight, b.Weight), byKey(&a.Entry, &b.Entry, a.Title, b.Title), cmp.Compare(a.URL, b.URL))
		})
		slices.SortFunc(s.Sections, func(a, b *Section) int {
			return cmp.Or(cmp.Compare(a.Weight, b.Weight), byTitle(a.Title, b.Title), cmp.Compare(a.Dir, b.Dir))
		})
		for _, c := range s.Sections {
			sortAll(c)
		}
	}
	sortAll(root)
	return root
}

// humanize turns a folder name into a title: "how-to_guides" → "How to guides".
func humanize(s string) string {
	s = strings.NewReplacer("-", " ", "_", " ").Replace(s)
	if s == "" {
		return s
	}
	r := []rune(s)
	return strings.ToUpper(string(r[0])) + string(r[1:])
}

// CheckAvatars reports every persona whose avatar is not a static file.
func (s *Site) CheckAvatars(exists func(p string) bool) []*diag.Error {
	var out []*diag.Error
	for _, p := range s.Personas {
		if p.Avatar == "" || exists(strings.TrimPrefix(p.Avatar, "/")) {
			continue
		}
		e := p.avatarAt
		e.Msg = fmt.Sprintf("avatar %q is not a file under static/", p.Avatar)
		e.Hint = "put the image in static/ and give its path from there, e.g. avatar = \"img/lan.svg\""
		out = append(out, &e)
	}
	return out
}
