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
	// Release, when set, lets go of each journey's text (its
	// source.File's Raw, Front and Body, and its entry's) as soon as its
	// front matter is decoded, so that a large handbook's files are never
	// all held beside its model. Release is called first, with the file
	// and the journey, on the worker that decoded it (several at once),
	// to keep what builds still need of the text, and reports whether
	// it did: false leaves the text where it was. With a Cache that
	// keeps (a dev server's), a journey with mistakes keeps its text:
	// the next build decodes its file again. A cached journey is not
	// decoded again while its file is unchanged, unless the
	// configuration changes (Cache.Retypes): its file must then be whole
	// again first.
	Release func(f *source.File, j *Journey) bool
	// Front, when set, gives the front matter of a journey Release let
	// go, for where its warnings are (nil: unknown, line of the file's
	// front matter).
	Front func(e *Entry) []byte
	// Addresses says where each entry is published (plan.Addresses);
	// required.
	Addresses Addresses
}

// New builds the site model from a source set, checking every value and
// cross-reference. All mistakes come back at once as *diag.Errors, with
// the site as far as it could be built (nil only when there is no
// configuration), so that later stages can still look for mistakes of
// their own, such as broken links.
func New(set *source.Set, opts Options) (*Site, error) {
	if opts.Addresses == nil {
		panic("model.New: Options.Addresses is required (plan.Addresses)")
	}
	cache := opts.Cache
	if cache == nil {
		cache = &Cache{} // keeps nothing
	}
	l := &loader{opts: opts, cache: cache, drafts: map[string]bool{}, broken: map[string]bool{}, urls: map[string]string{},
		site: &Site{Lists: map[string]*Page{}, Now: opts.Now, Unloaded: map[string]string{}, front: opts.Front}}
	site := l.site
	if set.Config != nil {
		site.Config = decodeConfig(set.Config, opts.BaseURL, &l.errs)
	}
	l.cache.begin(set.Config)
	defer l.cache.end()
	pre := l.decodeAhead(set.Content)
	for _, p := range set.Unread {
		l.unloaded(p)
	}
	for i, f := range set.Content {
		a := pre[i]
		pre[i] = ahead{} // what the site keeps is in the entry; the rest can go
		l.content(f, &a)
	}
	l.templates(set)
	link(site, l.opts.Addresses, l.drafts, l.broken, &l.errs)
	return site, l.errs.Err()
}

// loader is the state of New as it goes through the files.
type loader struct {
	opts   Options
	cache  *Cache
	site   *Site
	errs   diag.List
	drafts map[string]bool   // "journeys/slug", "personas/slug" left out as drafts
	broken map[string]bool   // pages whose front matter could not be decoded: references to them are not reported again
	urls   map[string]string // URL → source path, to find duplicate slugs
}

// claim takes e's URL, or reports the entry that has it already.
func (l *loader) claim(e *Entry, firstLine int) bool {
	if prev, dup := l.urls[e.URL]; dup {
		l.errs.Add(&diag.Error{Path: e.Path, Line: firstLine, Col: 1,
			Msg:  fmt.Sprintf("duplicate slug %q: %s has the same URL /%s", e.Slug, prev, e.URL),
			Hint: "file names that differ only in accents, case or punctuation give the same slug; rename one of them"})
		return false
	}
	l.urls[e.URL] = e.Path
	return true
}

// unloaded notes a file that could not be read, split or decoded, which
// is reported already: its address is known, so that links and
// references to it are not.
func (l *loader) unloaded(p string) {
	u := urlOf(strings.TrimPrefix(p, "content/"), l.opts.Addresses)
	l.broken[strings.TrimSuffix(u, "/")] = true
	l.site.Unloaded[p] = u
}

// decodeAhead decodes personas and journeys into their entries on every
// core; the rest runs in file order.
func (l *loader) decodeAhead(files []*source.File) []ahead {
	release, keeps := l.opts.Release, l.cache.keeps
	var sparse *positionsOf
	if !keeps {
		sparse = sparsePositions(files, &l.site.Config)
	}
	return l.cache.decodeAhead(files, func(f *source.File) func(d *decoder) any {
		e, top, nested, ok := contentEntry(f, l.opts.Addresses)
		switch {
		case !ok || nested:
			return nil
		case top == "personas":
			return func(d *decoder) any { return decodePersona(d, e) }
		case top == "journeys":
			return func(d *decoder) any {
				d.sparse = sparse
				j := decodeJourney(d, e, &l.site.Config)
				j.addr = l.opts.Addresses
				if release != nil && (!keeps || d.errs.Len() == 0) && release(f, j) {
					j.Front, j.Body, j.Released = nil, nil, true
					f.Raw, f.Front, f.Body = nil, nil, nil
				}
				return j
			}
		}
		return nil
	})
}

// content adds a content file to the site, by where it is: a list's or
// the home page's introduction, a persona, a journey, or a handbook page.
func (l *loader) content(f *source.File, a *ahead) {
	site, errs, cache := l.site, &l.errs, l.cache
	if a.err != nil {
		addErr(errs, f.Path, a.err)
		l.unloaded(f.Path)
		return
	}
	cache.keep(f, a)
	errs.Merge(&a.errs)
	d := &decoder{doc: a.doc, errs: errs}
	rel := strings.TrimPrefix(f.Path, "content/")
	dir, name := path.Split(rel)
	dir = strings.TrimSuffix(dir, "/")
	base := strings.TrimSuffix(name, ".md")
	e := Entry{Path: f.Path, Slug: slug.Make(base), Front: f.Front, Body: f.Body, BodyLine: f.BodyLine, frontLine: f.FrontLine}
	if e.Slug == "" && base != "_index" {
		errs.Add(&diag.Error{Path: f.Path, Line: 1, Col: 1, Msg: fmt.Sprintf("file name %q gives an empty slug", name),
			Hint: "use letters or digits in the file name"})
		return
	}
	top, _, nested := strings.Cut(dir, "/")
	reserved := func(dir string) bool { return slices.Contains(l.opts.Reserved, slugDir(dir)) }
	switch {
	case base == "_index" && (dir == "personas" || dir == "journeys" || dir == "templates"):
		p := cachedEntry(cache, f, errs, func() *Page { p := decodePage(d, e, dir, true); p.URL = l.opts.Addresses.Entry(dir, ""); return p })
		site.Lists[dir] = p
	case base == "_index" && dir == "":
		site.Home = cachedEntry(cache, f, errs, func() *Page { return decodePage(d, e, "", true) })
	case dir == "" && base != "_index" && reserved(e.Slug), dir != "" && reserved(top) && !(top == "personas" || top == "journeys" || top == "templates"):
		if dir == "" {
			top = e.Slug
		}
		errs.Add(&diag.Error{Path: f.Path, Line: 1, Col: 1,
			Msg:  fmt.Sprintf("content/%s/ is where Waymark puts its own %s pages", top, top),
			Hint: "move the file to another folder: " + strings.Join(l.opts.Reserved, ", ") + " are Waymark's"})
	case top == "personas" || top == "journeys" || top == "templates":
		if nested || top == "templates" {
			errs.Add(&diag.Error{Path: f.Path, Line: 1, Col: 1,
				Msg:  fmt.Sprintf("%s is in a folder Waymark does not read pages from", f.Path),
				Hint: "personas go directly in content/personas/, journeys in content/journeys/, templates in templates/ at the site root"})
			return
		}
		l.decoded(f, top, a.v)
	default:
		e.URL = l.opts.Addresses.Page(slugDir(dir), pageSlug(base, e.Slug))
		p := cachedEntry(cache, f, errs, func() *Page { return decodePage(d, e, dir, base == "_index") })
		if p.Draft && !l.opts.Drafts {
			l.drafts[strings.TrimSuffix(e.URL, "/")] = true
			return
		}
		if !l.claim(&p.Entry, f.FrontLine-1) {
			return
		}
		site.Pages = append(site.Pages, p)
	}
}

// decoded adds a persona or journey decoded ahead (v), unless it is a
// draft or its URL is taken.
func (l *loader) decoded(f *source.File, top string, v any) {
	var entry *Entry
	switch v := v.(type) {
	case *Persona:
		entry = &v.Entry
	case *Journey:
		entry = &v.Entry
	}
	if entry.Draft && !l.opts.Drafts {
		l.drafts[top+"/"+entry.Slug] = true
		return
	}
	if !l.claim(entry, f.FrontLine-1) {
		return
	}
	switch v := v.(type) {
	case *Persona:
		l.site.Personas = append(l.site.Personas, v)
	case *Journey:
		l.site.Journeys = append(l.site.Journeys, v)
	}
}

// templates adds the blank templates: the built-in ones, then the
// site's, which replace a built-in one of the same slug.
func (l *loader) templates(set *source.Set) {
	site, errs, cache := l.site, &l.errs, l.cache
	own := map[string]string{} // slug → path of the site's templates
	for n, f := range set.Templates {
		doc, err := cache.decode(f)
		if err != nil {
			addErr(errs, f.Path, err)
			continue
		}
		name := strings.TrimSuffix(path.Base(f.Path), ".md")
		e := Entry{Path: f.Path, Slug: slug.Make(name), Front: f.Front, Body: f.Body, BodyLine: f.BodyLine, frontLine: f.FrontLine}
		e.URL = l.opts.Addresses.Entry("templates", e.Slug)
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
		j := cachedEntry(cache, f, errs, func() *Journey {
			j := decodeJourney(&decoder{doc: doc, errs: errs}, e, &site.Config)
			j.template, j.addr = true, l.opts.Addresses
			return j
		})
		if j.Draft && !l.opts.Drafts {
			continue
		}
		if i := slices.IndexFunc(site.Templates, func(t *Journey) bool { return t.Slug == j.Slug }); i >= 0 {
			site.Templates[i] = j // the site's own template replaces a built-in one
			continue
		}
		site.Templates = append(site.Templates, j)
	}
}

// contentEntry is the entry of a content file as far as its path tells:
// ok when it is in content/personas/ or content/journeys/ and not an
// _index.md, nested when it is in a folder below those.
func contentEntry(f *source.File, at Addresses) (e Entry, top string, nested, ok bool) {
	rel := strings.TrimPrefix(f.Path, "content/")
	dir, name := path.Split(strings.TrimSuffix(rel, ".md"))
	top, rest, _ := strings.Cut(strings.TrimSuffix(dir, "/"), "/")
	if name == "_index" || (top != "personas" && top != "journeys") {
		return Entry{}, "", false, false
	}
	e = Entry{Path: f.Path, Slug: slug.Make(name), Front: f.Front, Body: f.Body, BodyLine: f.BodyLine, frontLine: f.FrontLine}
	if e.Slug == "" {
		return Entry{}, "", false, false
	}
	e.URL = at.Entry(top, e.Slug)
	return e, top, rest != "", true
}

// urlOf is the URL of a content file, given its path below content/.
func urlOf(rel string, at Addresses) string {
	dir, name := path.Split(strings.TrimSuffix(rel, ".md"))
	dir = strings.TrimSuffix(dir, "/")
	top, _, _ := strings.Cut(dir, "/")
	s := slug.Make(name)
	switch {
	case name == "_index" && dir == "":
		return ""
	case name == "_index":
		return at.Page(slugDir(dir), "")
	case top == "personas" || top == "journeys":
		return at.Entry(top, s)
	}
	return at.Page(slugDir(dir), s)
}

// pageSlug is a handbook page's own slug: "" for a folder's _index.md.
func pageSlug(base, s string) string {
	if base == "_index" {
		return ""
	}
	return s
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
