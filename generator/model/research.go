package model

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/waymark-cx/waymark/generator/diag"
	"github.com/waymark-cx/waymark/generator/slug"
	"github.com/waymark-cx/waymark/generator/source"
)

// ResearchDir is the folder below content/ whose pages are research
// notes: what a team learnt, and how, that its maps' items cite as
// evidence.
const ResearchDir = "research"

// Research is what a research note says of the research itself, besides
// its page's title, description and body:
//
//	method = "Interviews"
//	date = 2026-08-14
//	participants = 12
//	quotes = ["I gave up at the payment step.", { text = "…", who = "Lan, 28" }]
type Research struct {
	Method       string
	Date         time.Time // zero when not given
	Participants int       // 0 when not given
	Quotes       []Quote
}

// Quote is a participant's own words.
type Quote struct {
	Text string
	Who  string // who said it, as the note may say: "Lan, 28, Hà Nội"
}

const quoteHint = `a quote is a string or { text = "…", who = "…" }`

// decodeResearch reads the keys of a research note.
func decodeResearch(o *obj) *Research {
	r := &Research{Method: o.str("method"), Date: o.date("date")}
	if n, ok := o.integer("participants"); ok {
		if n < 0 {
			o.d.errorf("participants", "participants is how many people took part, such as participants = 12", "participants must not be negative, not %d", n)
		}
		r.Participants = n
	}
	v, ok := o.get("quotes")
	if !ok {
		return r
	}
	list, ok := v.([]any)
	if !ok {
		o.typeErr("quotes", v, "a list", `quotes = ["…", { text = "…", who = "…" }]`)
		return r
	}
	for i, e := range list {
		path := source.Elem("quotes", i)
		switch e := e.(type) {
		case string:
			r.Quotes = append(r.Quotes, Quote{Text: own(e)})
		case map[string]any:
			qo := &obj{d: o.d, path: path, what: "this quote", m: e, root: o.top()}
			q := Quote{Text: qo.required("text"), Who: qo.str("who")}
			qo.done()
			r.Quotes = append(r.Quotes, q)
		default:
			o.d.errorf(path, quoteHint, "quotes must hold strings or tables, not %s", describe(e))
		}
	}
	return r
}

// researchNotes lists the site's research notes, newest first, then by
// title; notes without a date come last.
func researchNotes(pages []*Page) []*Page {
	var out []*Page
	for _, p := range pages {
		if p.Research != nil {
			out = append(out, p)
		}
	}
	slices.SortFunc(out, func(a, b *Page) int {
		return cmp.Or(cmpBool(a.Research.Date.IsZero(), b.Research.Date.IsZero()), b.Research.Date.Compare(a.Research.Date),
			byKey(&a.Entry, &b.Entry, a.Title, b.Title), cmp.Compare(a.URL, b.URL))
	})
	return out
}

func cmpBool(a, b bool) int {
	switch {
	case a == b:
		return 0
	case a:
		return 1
	}
	return -1
}

// linkEvidence resolves what every journey's items cite: a research
// note's slug becomes its page, a slug that names none is a mistake at
// its line, with the nearest note's slug. A note left out as a draft, or
// that could not be read, is not reported again.
func linkEvidence(site *Site, drafts, broken map[string]bool, errs *diag.List) {
	bySlug := map[string]*Page{}
	for _, p := range site.Research {
		bySlug[p.Slug] = p
	}
	slugs := make([]string, 0, len(bySlug))
	for _, p := range site.Research {
		slugs = append(slugs, p.Slug)
	}
	slices.Sort(slugs)
	for _, j := range site.Journeys {
		j.eachCited(func(ev *Evidence, s string) {
			if p, ok := bySlug[s]; ok {
				ev.URL, ev.Title = p.URL, p.Title
				return
			}
			if drafts[ResearchDir+"/"+s] || broken[ResearchDir+"/"+s] {
				return
			}
			errs.Add(&diag.Error{Path: j.Path, Line: int(ev.at[0]), Col: int(ev.at[1]),
				Msg:  fmt.Sprintf("evidence %q names no research note%s", ev.Ref, diag.DidYouMean(s, slugs)),
				Hint: "a research note is a page in content/research/, named by its file name without .md: " + listOf(slugs)})
		})
	}
}

// eachCited calls f with each research note j's items cite (not outside
// addresses), cleared of what linking gave it, and the note's slug.
func (j *Journey) eachCited(f func(ev *Evidence, slug string)) {
	for _, st := range j.Stages {
		for _, items := range [][]Item{st.PainPoints, st.Opportunities} {
			for i := range items {
				for k := range items[i].Evidence {
					ev := &items[i].Evidence[k]
					if ev.External {
						continue
					}
					ev.URL, ev.Title = "", ""
					f(ev, citedSlug(ev.Ref))
				}
			}
		}
	}
}

// citedSlug is the slug of the research note evidence names as written:
// the note's file name, with or without .md.
func citedSlug(ref string) string { return slug.Make(strings.TrimSuffix(ref, ".md")) }
