package generator

import (
	"encoding/binary"
	"hash/maphash"
	"io/fs"
	"slices"
	"strings"
	"time"

	"github.com/waymark-cx/waymark/generator/hub"
	"github.com/waymark-cx/waymark/generator/model"
	"github.com/waymark-cx/waymark/generator/plan"
	"github.com/waymark-cx/waymark/generator/render"
	"github.com/waymark-cx/waymark/generator/source"
)

// fingerprinter sums what outputs declare they read (plan.Inputs), and
// what every output reads. Sums of an entry's own source are kept between
// builds while the model cache hands out the same entry.
type fingerprinter struct {
	seed     maphash.Seed
	txt      *texts                    // the sums of texts let go (nil: none let go)
	journeys map[*model.Journey]uint64 // card sums, each computed once
	personas map[*model.Persona]uint64
	fronts   uint64                // every journey's and persona's front matter
	own      map[*model.Entry]sums // sums of entries' own source
	prevOwn  map[*model.Entry]sums

	copies map[string]uint64 // content sums of files to copy, by output path

	// Every journey's touchpoints, pain points and opportunities, and
	// metrics: what the hub's views show.
	touchpoints, items, metrics, scores uint64
}

// sums are an entry's: all its source (for its own page), and its front
// matter (for the cards other pages show: a change to the notes of a
// journey does not touch the lists).
type sums struct {
	page, card, front uint64
	// What each hub view shows of a journey's stages (views), and what
	// persona pages gather of them (pains).
	touchpoints, items, metrics, scores, pains uint64
}

func (f *fingerprinter) sums(e *model.Entry, card func(h *maphash.Hash), views func(s *sums)) sums {
	if s, ok := f.own[e]; ok {
		return s
	}
	if s, ok := f.prevOwn[e]; ok {
		f.own[e] = s
		return s
	}
	h := f.hash()
	str(h, e.Path, e.URL)
	if card != nil {
		card(h)
	}
	s := sums{card: h.Sum64()}
	text := f.txt.sums(e, f.seed)
	num(h, text[0])
	s.front = h.Sum64()
	num(h, text[1])
	s.page = h.Sum64()
	if views != nil {
		views(&s)
	}
	f.own[e] = s
	return s
}

// views sums what the hub's views read of a journey's stages, view by
// view (hub.Reads).
func (f *fingerprinter) views(j *model.Journey, s *sums) {
	tp, items, metrics := f.hash(), f.hash(), f.hash()
	scores := f.hash()
	byView := map[hub.Part]*maphash.Hash{hub.Touchpoints: tp, hub.Items: items, hub.Metrics: metrics, hub.Scores: scores}
	hub.Reads(j, func(v hub.Part, fields ...string) { str(byView[v], fields...) })
	s.touchpoints, s.items, s.metrics, s.scores = tp.Sum64(), items.Sum64(), metrics.Sum64(), scores.Sum64()
}

func (f *fingerprinter) journeySums(j *model.Journey) sums {
	return f.sums(&j.Entry, func(h *maphash.Hash) {
		str(h, j.Slug, j.Title, string(j.Type), j.Summary, j.Goal, j.Owner, j.LastReviewed.String(), j.ReviewEvery.String())
		str(h, j.Tags...)
		str(h, j.PersonaSlugs...)
		num(h, uint64(len(j.Stages)))
		str(h, j.CompareSlug)
	}, func(s *sums) {
		f.views(j, s)
		s.pains = pains(f.hash(), j)
	})
}

// pains sums what persona pages gather of j by stage (Inputs.Pains):
// its stages' names and pain points.
func pains(h *maphash.Hash, j *model.Journey) uint64 {
	for _, st := range j.Stages {
		str(h, st.Name)
		for _, it := range st.PainPoints {
			str(h, it.Text, it.Owner, it.Status)
			num(h, uint64(it.Severity))
		}
		h.WriteByte(1)
	}
	return h.Sum64()
}

func (f *fingerprinter) personaSums(p *model.Persona) sums {
	return f.sums(&p.Entry, func(h *maphash.Hash) {
		str(h, p.Slug, p.Name, p.Role, p.Segment, p.Avatar, p.Quote, p.Location)
		num(h, uint64(p.Age))
	}, nil)
}

func (f *fingerprinter) journey(j *model.Journey) uint64 {
	if s, ok := f.journeys[j]; ok {
		return s
	}
	h := f.hash()
	num(h, f.journeySums(j).card)
	journeyLinks(h, j)
	f.journeys[j] = h.Sum64()
	return f.journeys[j]
}

func (f *fingerprinter) persona(p *model.Persona) uint64 {
	if s, ok := f.personas[p]; ok {
		return s
	}
	h := f.hash()
	num(h, f.personaSums(p).card)
	num(h, uint64(len(p.Journeys)))
	for _, j := range p.Journeys {
		str(h, j.Slug)
	}
	f.personas[p] = h.Sum64()
	return f.personas[p]
}

func (f *fingerprinter) hash() *maphash.Hash {
	var h maphash.Hash
	h.SetSeed(f.seed)
	return &h
}

func str(h *maphash.Hash, ss ...string) {
	for _, s := range ss {
		h.WriteString(s)
		h.WriteByte(0)
	}
}

func num(h *maphash.Hash, n uint64) {
	var b [8]byte
	binary.LittleEndian.PutUint64(b[:], n)
	h.Write(b[:])
}

func (f *fingerprinter) global(set *source.Set, site *model.Site, eng *render.Engine, outs []*plan.Output, statics map[string]fs.FS, opts Options) uint64 {
	h := f.hash()
	h.Write(set.ConfigText)
	str(h, opts.BaseURL, site.Now.Format(time.DateOnly))
	if opts.Drafts {
		str(h, "drafts")
	}
	h.Write(eng.Sources())
	// Which outputs there are, in any order: a journey whose new title
	// moves it among the others changes the order of the plan, which
	// only the outputs that list journeys show (Cards).
	var paths uint64
	for _, o := range outs {
		paths += maphash.String(f.seed, o.Path)
	}
	num(h, paths)
	num(h, uint64(len(outs)))
	// The navigation, which every page shows: the titles of the top
	// sections and pages among others.
	if i := slices.IndexFunc(outs, func(o *plan.Output) bool { return o.Page != nil }); i >= 0 {
		for _, it := range outs[i].Page.Nav {
			str(h, it.Title, it.URL)
		}
	}
	for _, n := range slices.Sorted(func(yield func(string) bool) {
		for n := range statics {
			if !yield(n) {
				return
			}
		}
	}) {
		str(h, n)
	}
	for _, t := range site.Templates {
		str(h, t.Slug)
	}
	// The sizes of covers and stage images, read from their files on
	// every build (checkImages), not from the journeys: a picture
	// replaced by one of another size changes the pages that show it.
	for _, im := range site.Images() {
		str(h, im.Path)
		num(h, uint64(im.Width)<<32|uint64(im.Height))
	}
	// Not the warnings: no page of a built-in theme shows them (reuse
	// needs one), and a journey begun from a template changes its
	// leftovers' with nearly every edit.
	return h.Sum64()
}

// all sums every card: what list pages, the home page and the navigation
// show of each persona, journey, page and template.
func (f *fingerprinter) all(site *model.Site) uint64 {
	h := f.hash()
	for _, p := range site.Personas {
		num(h, f.persona(p))
	}
	for _, j := range site.Journeys {
		num(h, f.journey(j))
	}
	for _, p := range site.Pages {
		str(h, p.URL, p.Title, p.Description)
		num(h, uint64(p.Weight))
		if r := p.Research; r != nil {
			// A research note's card, on the research list.
			str(h, r.Method, r.Date.String())
			num(h, uint64(r.Participants))
		}
	}
	for _, p := range []*model.Page{site.Home, site.Lists["personas"], site.Lists["journeys"], site.Lists["templates"]} {
		if p != nil {
			str(h, p.URL, p.Title, p.Description)
			h.Write(p.Body)
		}
	}
	for _, t := range site.Templates {
		num(h, f.sums(&t.Entry, nil, nil).page)
	}
	return h.Sum64()
}

// output sums what o declared it reads, and what every output reads; a
// joined file's, what its parts do.
func (f *fingerprinter) output(o *plan.Output, global, all uint64) uint64 {
	h := f.hash()
	num(h, global)
	str(h, o.Path)
	if p := o.Page; p != nil {
		str(h, p.Kind, p.URL, p.Layout)
	}
	if j := o.Joined; j != nil {
		for _, p := range j.Parts {
			str(h, p.ID)
			f.inputs(h, &p.In, all)
		}
	}
	if o.Copy != nil {
		num(h, f.copies[o.Path])
	}
	f.inputs(h, &o.In, all)
	return h.Sum64()
}

// copySums sums the content of every file to copy (static files): anew
// when a change may have touched one (dirty), else the last build's sums
// while the same files are planned. Sizes and times are not enough: two
// saves within a file system's time grain look the same.
func (b *Builder) copySums(prev map[string]uint64, outs []*plan.Output, dirty bool) map[string]uint64 {
	sums := make(map[string]uint64, len(prev))
	for _, o := range outs {
		c := o.Copy
		if c == nil {
			continue
		}
		if s, ok := prev[o.Path]; ok && !dirty {
			sums[o.Path] = s
			continue
		}
		data, err := fs.ReadFile(c.FS, c.Path)
		if err != nil { // never the same: copying it again will say what is wrong
			data = []byte(time.Now().String() + err.Error())
		}
		sums[o.Path] = maphash.Bytes(b.seed, data)
	}
	return sums
}

// touchesStatics reports whether a change to the site's files may have
// changed a static file: one in static/ or a theme's folder, one that a
// link in static/ leads to (linked, as staticFiles finds them), or the
// configuration, which names the theme.
func touchesStatics(changed, linked []string) bool {
	for _, p := range changed {
		if strings.HasPrefix(p, "static/") || strings.HasPrefix(p, "themes/") || p == source.ConfigFile {
			return true
		}
		for _, l := range linked {
			if p == l || strings.HasSuffix(l, "/") && strings.HasPrefix(p, l) {
				return true
			}
		}
	}
	return false
}

// part sums what a part of a joined file declared it reads, and what
// every output reads.
func (f *fingerprinter) part(p *plan.Part, global, all uint64) uint64 {
	h := f.hash()
	num(h, global)
	str(h, p.ID)
	f.inputs(h, &p.In, all)
	return h.Sum64()
}

// inputs adds the sums of in to h.
func (f *fingerprinter) inputs(h *maphash.Hash, in *plan.Inputs, all uint64) {
	if in.Cards {
		num(h, all)
	}
	if e := in.Source; e != nil {
		num(h, f.sums(e, nil, nil).page)
	}
	for _, j := range in.Journeys {
		num(h, f.journey(j))
	}
	for _, p := range in.Personas {
		num(h, f.persona(p))
	}
	for _, j := range in.Fronts {
		num(h, f.journeySums(j).front)
	}
	for _, j := range in.Pains {
		num(h, f.journeySums(j).pains)
	}
	for _, v := range []struct {
		view hub.Part
		sum  uint64
	}{{hub.Touchpoints, f.touchpoints}, {hub.Items, f.items}, {hub.Metrics, f.metrics}, {hub.Scores, f.scores}} {
		if in.Views&v.view != 0 {
			num(h, v.sum)
		}
	}
}

// journeyLinks sums what a journey's card shows that comes from other
// pages: its personas and its pair. Everything else on the card comes from
// its own source, summed by ownSum.
func journeyLinks(h *maphash.Hash, j *model.Journey) {
	for _, p := range j.Personas {
		str(h, p.Name, p.Avatar, p.URL)
	}
	if j.Compare != nil {
		str(h, j.Compare.Slug, j.Compare.Title, string(j.Compare.Type))
	}
}
