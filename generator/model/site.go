package model

import (
	"cmp"
	"fmt"
	"path"
	"slices"
	"strings"
	"time"

	"github.com/waymark-cx/waymark/generator/diag"
	"github.com/waymark-cx/waymark/generator/slug"
	"github.com/waymark-cx/waymark/generator/source"
)

// Options steer how a source set becomes a site.
type Options struct {
	Drafts  bool      // include pages marked draft
	BaseURL string    // overrides base_url when set
	Now     time.Time // the clock for review dates; zero means no review check
	Cache   *Cache    // reuse what an earlier build decoded; may be nil
	// Reserved are the top-level folders Waymark publishes its own pages
	// and files in (plan.Reserved): a content folder may not take one.
	Reserved []string
	// Release lets go of each journey's text (its source.File's Raw,
	// Front and Body too) as soon as its front matter is decoded, for a build
	// that is not kept for rebuilds: its pages and downloads read the
	// file again one journey at a time, so a large handbook's files are
	// never all held beside its model. Not with a Cache.
	Release bool
}

// New builds the site model from a source set, checking every value and
// cross-reference. All mistakes come back at once as *diag.Errors, with
// the site as far as it could be built (nil only when there is no
// configuration), so that later stages can still look for mistakes of
// their own, such as broken links.
func New(set *source.Set, opts Options) (*Site, error) {
	var errs diag.List
	site := &Site{Lists: map[string]*Page{}, Now: opts.Now, Unloaded: map[string]string{}}
	if set.Config != nil {
		site.Config = decodeConfig(set.Config, opts.BaseURL, &errs)
	}
	cache := opts.Cache
	cache.begin(set.Config)
	defer cache.end()
	drafts := map[string]bool{} // "journeys/slug", "personas/slug" left out as drafts
	// Pages whose front matter could not be decoded: references to them
	// are not reported again as unknown.
	broken := map[string]bool{}
	urls := map[string]string{} // URL → source path, to find duplicate slugs
	claim := func(e *Entry, firstLine int) bool {
		if prev, dup := urls[e.URL]; dup {
			errs.Add(&diag.Error{Path: e.Path, Line: firstLine, Col: 1,
				Msg:  fmt.Sprintf("duplicate slug %q: %s has the same URL /%s", e.Slug, prev, e.URL),
				Hint: "file names that differ only in accents, case or punctuation give the same slug; rename one of them"})
			return false
		}
		urls[e.URL] = e.Path
		return true
	}
	// Personas and journeys are decoded into their entries on every core;
	// the rest runs in file order.
	release := opts.Release && cache == nil
	pre := cache.decodeAhead(set.Content, func(f *source.File) func(d *decoder) any {
		e, top, nested, ok := contentEntry(f)
		switch {
		case !ok || nested:
			return nil
		case top == "personas":
			return func(d *decoder) any { return decodePersona(d, e) }
		case top == "journeys":
			return func(d *decoder) any {
				j := decodeJourney(d, e, &site.Config)
				if release {
					j.Front, j.Body, j.Released = nil, nil, true
					f.Raw, f.Front, f.Body = nil, nil, nil
				}
				return j
			}
		}
		return nil
	})
	// A file that could not be read, split or decoded is reported
	// already; its address is known, so that links and references to it
	// are not.
	unloaded := func(p string) {
		u := urlOf(strings.TrimPrefix(p, "content/"))
		broken[strings.TrimSuffix(u, "/")] = true
		site.Unloaded[p] = u
	}
	for _, p := range set.Unread {
		unloaded(p)
	}
	for i, f := range set.Content {
		a := pre[i]
		pre[i] = ahead{} // what the site keeps is in the entry; the rest can go
		if a.err != nil {
			addErr(&errs, f.Path, a.err)
			unloaded(f.Path)
			continue
		}
		cache.keep(f, &a)
		errs.Merge(&a.errs)
		d := &decoder{doc: a.doc, errs: &errs}
		rel := strings.TrimPrefix(f.Path, "content/")
		dir, name := path.Split(rel)
		dir = strings.TrimSuffix(dir, "/")
		base := strings.TrimSuffix(name, ".md")
		e := Entry{Path: f.Path, Slug: slug.Make(base), Front: f.Front, Body: f.Body, BodyLine: f.BodyLine}
		if e.Slug == "" && base != "_index" {
			errs.Add(&diag.Error{Path: f.Path, Line: 1, Col: 1, Msg: fmt.Sprintf("file name %q gives an empty slug", name),
				Hint: "use letters or digits in the file name"})
			continue
		}
		top, _, nested := strings.Cut(dir, "/")
		switch {
		case base == "_index" && (dir == "personas" || dir == "journeys" || dir == "templates"):
			p := cachedEntry(cache, f, &errs, func() *Page { p := decodePage(d, e, dir, true); p.URL = dir + "/"; return p })
			site.Lists[dir] = p
		case base == "_index" && dir == "":
			site.Home = cachedEntry(cache, f, &errs, func() *Page { return decodePage(d, e, "", true) })
		case dir == "" && base != "_index" && reserved(opts.Reserved, e.Slug), dir != "" && reserved(opts.Reserved, top) && !(top == "personas" || top == "journeys" || top == "templates"):
			if dir == "" {
				top = e.Slug
			}
			errs.Add(&diag.Error{Path: f.Path, Line: 1, Col: 1,
				Msg:  fmt.Sprintf("content/%s/ is where Waymark puts its own %s pages", top, top),
				Hint: "move the file to another folder: " + strings.Join(opts.Reserved, ", ") + " are Waymark's"})
			continue
		case top == "personas" || top == "journeys" || top == "templates":
			if nested || top == "templates" {
				errs.Add(&diag.Error{Path: f.Path, Line: 1, Col: 1,
					Msg:  fmt.Sprintf("%s is in a folder Waymark does not read pages from", f.Path),
					Hint: "personas go directly in content/personas/, journeys in content/journeys/, templates in templates/ at the site root"})
				continue
			}
			// Decoded ahead: a *Persona or a *Journey.
			var entry *Entry
			switch v := a.v.(type) {
			case *Persona:
				entry = &v.Entry
			case *Journey:
				entry = &v.Entry
			}
			if entry.Draft && !opts.Drafts {
				drafts[top+"/"+entry.Slug] = true
				continue
			}
			if !claim(entry, f.FrontLine-1) {
				continue
			}
			switch v := a.v.(type) {
			case *Persona:
				site.Personas = append(site.Personas, v)
			case *Journey:
				site.Journeys = append(site.Journeys, v)
			}
		default:
			urlDir := slugDir(dir)
			if base == "_index" {
				e.URL = urlDir + "/"
			} else {
				e.URL = path.Join(urlDir, e.Slug) + "/"
				e.URL = strings.TrimPrefix(e.URL, "/")
			}
			p := cachedEntry(cache, f, &errs, func() *Page { return decodePage(d, e, dir, base == "_index") })
			if (p.Draft && !opts.Drafts) || !claim(&p.Entry, f.FrontLine-1) {
				continue
			}
			site.Pages = append(site.Pages, p)
		}
	}
	own := map[string]string{} // slug → path of the site's templates
	for n, f := range set.Templates {
		doc, err := cache.decode(f)
		if err != nil {
			addErr(&errs, f.Path, err)
			continue
		}
		name := strings.TrimSuffix(path.Base(f.Path), ".md")
		e := Entry{Path: f.Path, Slug: slug.Make(name), Front: f.Front, Body: f.Body, BodyLine: f.BodyLine}
		e.URL = "templates/" + e.Slug + "/"
		if n >= set.Builtin {
			if e.Slug == "" {
				errs.Add(&diag.Error{Path: f.Path, Line: 1, Col: 1, Msg: fmt.Sprintf("file name %q gives an empty slug", path.Base(f.Path)),
					Hint: "name the file with letters or digits, such as b2b-onboarding.md"})
				continue
			}
			if prev, dup := own[e.Slug]; dup {
				errs.Add(&diag.Error{Path: f.Path, Line: 1, Col: 1, Msg: fmt.Sprintf("duplicate slug %q: %s has the same URL /%s", e.Slug, prev, e.URL),
					Hint: "rename one of the two files"})
				continue
			}
			own[e.Slug] = f.Path
		}
		j := cachedEntry(cache, f, &errs, func() *Journey { return decodeJourney(&decoder{doc: doc, errs: &errs}, e, &site.Config) })
		if j.Draft && !opts.Drafts {
			continue
		}
		if i := slices.IndexFunc(site.Templates, func(t *Journey) bool { return t.Slug == j.Slug }); i >= 0 {
			site.Templates[i] = j // the site's own template replaces a built-in one
			continue
		}
		site.Templates = append(site.Templates, j)
	}
	link(site, drafts, broken, &errs)
	return site, errs.Err()
}

// contentEntry is the entry of a content file as far as its path tells:
// ok when it is in content/personas/ or content/journeys/ and not an
// _index.md, nested when it is in a folder below those.
func contentEntry(f *source.File) (e Entry, top string, nested, ok bool) {
	rel := strings.TrimPrefix(f.Path, "content/")
	dir, name := path.Split(strings.TrimSuffix(rel, ".md"))
	top, rest, _ := strings.Cut(strings.TrimSuffix(dir, "/"), "/")
	if name == "_index" || (top != "personas" && top != "journeys") {
		return Entry{}, "", false, false
	}
	e = Entry{Path: f.Path, Slug: slug.Make(name), Front: f.Front, Body: f.Body, BodyLine: f.BodyLine}
	if e.Slug == "" {
		return Entry{}, "", false, false
	}
	e.URL = top + "/" + e.Slug + "/"
	return e, top, rest != "", true
}

// urlOf is the URL of a content file, given its path below content/.
func urlOf(rel string) string {
	dir, name := path.Split(rel)
	dir = strings.TrimSuffix(dir, "/")
	s := slug.Make(strings.TrimSuffix(name, ".md"))
	top, _, _ := strings.Cut(dir, "/")
	switch {
	case strings.TrimSuffix(name, ".md") == "_index":
		if dir == "" {
			return ""
		}
		return slugDir(dir) + "/"
	case top == "personas" || top == "journeys":
		return top + "/" + s + "/"
	}
	return strings.TrimPrefix(path.Join(slugDir(dir), s)+"/", "/")
}

// slugDir slugs each folder of a content path: "hướng-dẫn/nâng-cao" →
// "huong-dan/nang-cao".
func slugDir(dir string) string {
	if dir == "" {
		return ""
	}
	parts := strings.Split(dir, "/")
	for i, p := range parts {
		parts[i] = slug.Make(p)
	}
	return strings.Join(parts, "/")
}

func addErr(errs *diag.List, p string, err error) {
	if de, ok := err.(*diag.Error); ok {
		errs.Add(de)
		return
	}
	errs.Add(&diag.Error{Path: p, Msg: err.Error()})
}

// sortKey orders titles by their folded form, so that "Ánh" sorts with "A".
func sortKey(s string) string { return slug.Fold(s) }

// byKey compares two entries by their folded titles, folding each title
// once per entry (sorting thousands of journeys would otherwise fold the
// same titles again and again).
func byKey(a, b *Entry, at, bt string) int {
	if a.sortKey == "" {
		a.sortKey = sortKey(at)
	}
	if b.sortKey == "" {
		b.sortKey = sortKey(bt)
	}
	return cmp.Or(cmp.Compare(a.sortKey, b.sortKey), cmp.Compare(at, bt))
}

func byTitle(a, b string) int {
	return cmp.Or(cmp.Compare(sortKey(a), sortKey(b)), cmp.Compare(a, b))
}

// reserved reports whether a content folder takes the address of one of
// Waymark's own.
func reserved(dirs []string, dir string) bool { return slices.Contains(dirs, slugDir(dir)) }
