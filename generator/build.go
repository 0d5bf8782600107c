package generator

import (
	"cmp"
	"context"
	"fmt"
	"io/fs"
	"slices"
	"sync"
	"time"

	"github.com/waymark-cx/waymark/generator/diag"
	"github.com/waymark-cx/waymark/generator/hub"
	"github.com/waymark-cx/waymark/generator/markup"
	"github.com/waymark-cx/waymark/generator/model"
	"github.com/waymark-cx/waymark/generator/output"
	"github.com/waymark-cx/waymark/generator/plan"
	"github.com/waymark-cx/waymark/generator/render"
	"github.com/waymark-cx/waymark/generator/source"
)

// Options configure a build.
type Options struct {
	// Source is the site folder: waymark.toml, content/, static/ …
	Source fs.FS
	// Output receives the files. Nil means check only: nothing is written.
	Output output.Writer
	// Templates holds the built-in blank journey maps (*.md); the site's
	// own templates/ add to them. May be nil.
	Templates fs.FS
	// Themes looks up a built-in theme by name; ThemeNames lists them,
	// for the hint when a site names one that does not exist.
	Themes     func(name string) (fs.FS, bool)
	ThemeNames []string
	// BaseURL overrides base_url from waymark.toml.
	BaseURL string
	// Drafts includes pages marked draft = true.
	Drafts bool
	// Now is the clock for review dates; nil means time.Now.
	Now func() time.Time
	// Progress, if set, is called as pages are rendered.
	Progress func(done, total int)
	// Workers is how many pages render at once; 0 means GOMAXPROCS.
	Workers int
	// Force makes BuildDir build even when nothing changed since the
	// build it recorded in the output folder.
	Force bool

	// writeRecord, when set, replaces writeRecord in BuildDir (tests).
	writeRecord func(*output.Dir, *record) error
	// releaseAbove, when set, replaces the constant releaseAbove (tests).
	releaseAbove int
	// asWritten renders with the templates as written, each page
	// minified whole, rather than minified as parsed (tests).
	asWritten bool
}

// Report summarises a build.
type Report struct {
	Personas  int
	Journeys  int
	Pages     int // handbook pages and section indexes
	Templates int
	Files     int // every file written, assets included
	Rendered  int // pages rendered; the rest were reused from the last build
	Warnings  []*diag.Error
	Duration  time.Duration
	Site      *model.Site // nil when Cached
	// Linked lists the files (slash paths in the site folder) that
	// symbolic links in the site's static/ lead to, and the links on the
	// way, and the folder static/ leads to when it is a link (ending in
	// "/"): the dev server watches them too, wherever they are.
	Linked []string
	// Pending are the files a build made from the last one left as they
	// were, interrupted (Builder.Early): the next build makes them.
	Pending []string
	// Cached is set when BuildDir found nothing changed since the last
	// build into the folder and wrote nothing: the figures and warnings
	// are that build's.
	Cached bool
}

// Build runs the whole pipeline. Content mistakes come back all at once as
// *diag.Errors; nothing is written to opts.Output's destination then (a
// Dir output must be aborted by the caller, see BuildDir).
func Build(ctx context.Context, opts Options) (*Report, error) {
	return (&Builder{opts: opts}).build(ctx)
}

// run is one build, phase by phase: load (the source, the model and its
// hub), prepare (the theme, the static files, the templates, the plan,
// and the mistakes found so far) and make (every output).
type run struct {
	b       *Builder
	opts    Options
	start   time.Time
	today   time.Time
	changed []string          // since the last build; nil: unknown
	copies  map[string]uint64 // the last good build's sums of static files
	errs    diag.List
	set     *source.Set
	site    *model.Site
	hub     *hub.Hub
	st      *staticSet
	eng     *render.Engine
	txt     *texts
	out     *sink // the output, or output.Discard for a check
	outs    []*plan.Output
	conv    *markup.Converter
	lanes   *markup.Converter // the text lanes'
}

func (b *Builder) build(ctx context.Context) (*Report, error) {
	r := &run{b: b, opts: b.opts, start: time.Now(), changed: b.changed, copies: b.copies}
	b.copies = nil // until this build succeeds: a failed one's changes are not told again
	now := time.Now
	if r.opts.Now != nil {
		now = r.opts.Now
	}
	r.today = day(now())
	b.changed = nil
	var set *source.Set
	var err error
	if b.keeps {
		set, err = b.src.Read(r.opts.Source)
	} else {
		set, err = source.Read(r.opts.Source)
	}
	if err == nil && b.keeps {
		if rep, ok, err := b.bodyEdit(ctx, set, r.changed, r.today, r.start); ok {
			if err == nil {
				b.copies = r.copies // a body edit touches no static file
			}
			return rep, err
		}
	}
	b.lastGood, b.owed = nil, nil // a full build makes every output
	if err := r.load(set, err); err != nil {
		return nil, err
	}
	if err := r.prepare(); err != nil {
		return nil, err
	}
	return r.make(ctx)
}

// load makes the model of the source set read (with readErr, the
// mistakes reading found) and its hub.
func (r *run) load(set *source.Set, readErr error) error {
	b, opts := r.b, r.opts
	r.errs.AddErr(readErr, ".", "")
	if set.Config == nil && r.errs.Len() > 0 {
		return r.errs.Err()
	}
	if opts.Templates != nil {
		builtin, err := b.builtinTemplates()
		r.errs.AddErr(err, ".", "")
		set.Templates = append(builtin, set.Templates...)
		set.Builtin = len(builtin)
	}
	r.txt = newTexts(set)
	r.out = &sink{w: opts.Output}
	if opts.Output == nil {
		r.out.w = &output.Discard{}
	}
	mopts := model.Options{Drafts: opts.Drafts, BaseURL: opts.BaseURL, Now: r.today, Cache: b.model, Reserved: plan.Reserved(), Addresses: plan.Addresses()}
	switch {
	case b.keeps:
		// A dev server keeps its journeys' files compressed from build
		// to build (texts.shelve); a new configuration decodes them all
		// again, from whole files.
		if b.shelf == nil {
			b.shelf = map[*model.Entry]*keptText{}
		}
		r.txt.shelve(b.shelf, b.seed, opts.Drafts)
		if b.model.Retypes(set.Config) {
			r.txt.restore()
		}
		mopts.Release, mopts.Front = r.txt.release, r.txt.front
	case textSize(set) > cmp.Or(opts.releaseAbove, releaseAbove):
		// A one-off build of a large handbook: no rebuild will want the
		// journeys' text, and holding it all beside the model costs more
		// than keeping what is still needed of it (texts).
		r.txt.releasing(opts.Output, r.out, opts.Drafts)
		mopts.Release = r.txt.release
	}
	site, err := model.New(set, mopts)
	r.errs.AddErr(err, ".", "")
	if b.keeps {
		r.txt.prune()
	}
	if site == nil {
		return r.errs.Err()
	}
	r.set, r.site, r.hub = set, site, hub.New(site, plan.HubAddresses())
	if b.keeps {
		r.hub.Follow(b.hub)
	}
	return nil
}

// prepare loads the theme, finds the static files, parses the templates
// and plans the site; with mistakes so far, it looks for broken links too
// and stops, so that every mistake is reported in one run.
func (r *run) prepare() error {
	b, opts, site := r.b, r.opts, r.site
	if !b.keeps {
		// A build with no last one to reuse fills the hub (make): here,
		// beside the theme's loading and the plan, which do not read
		// what it fills. Done before prepare returns, failing or not.
		var filling sync.WaitGroup
		filling.Go(r.hub.Fill)
		defer filling.Wait()
	}
	theme, err := loadTheme(opts, site, r.set)
	if err != nil {
		r.errs.AddErr(err, ".", "")
		return r.errs.Err()
	}
	if r.st, err = staticFiles(theme, opts.Source); err != nil {
		return err
	}
	site.Warnings = append(site.Warnings, r.st.warnings...)
	checkAvatars(site, r.st.files, &r.errs)
	checkImages(site, r.st.files, b.imageSizes(r.changed), &r.errs)
	r.eng, err = render.Reuse(b.engine, site, r.hub, render.Layer{Name: theme.name, FS: theme.fs}, render.Layer{Name: "", FS: opts.Source})
	if err != nil {
		r.errs.AddErr(err, "layouts", "fix the template; see content/docs/theming.md") // templates or string files
		return r.errs.Err()
	}
	if opts.asWritten {
		r.eng = r.eng.AsWritten()
	}
	if b.keeps {
		b.engine = r.eng
	}
	r.outs = plan.Make(plan.Env{Site: site, Hub: r.hub, Engine: r.eng, Raw: r.txt.raw, Statics: r.st.files})
	checkLayouts(r.eng, r.outs, theme.name, &r.errs)
	checkStatics(r.outs, &r.errs)
	res := newResolver(site, r.outs)
	r.conv = markup.New(markup.Options{UnsafeHTML: site.Config.UnsafeHTML, BasePath: site.Config.BasePath,
		Resolve: res.resolve, PageURL: res.pageURL})
	r.lanes = render.LaneMarkdown(site.Config.BasePath, res.resolve, res.pageURL)
	r.eng.SetLinks(r.lanes)
	checkLaneLinks(site, r.lanes, &r.errs)
	if r.errs.Len() == 0 {
		return nil
	}
	// Rendering would fail on the broken parts; still look for broken
	// links.
	for _, o := range r.outs {
		if src, path, line, err := r.txt.body(o, nil); err != nil {
			r.errs.Add(err)
		} else if path != "" {
			_, linkErrs := r.conv.Convert(src, path, line)
			for _, e := range linkErrs {
				r.errs.Add(e)
			}
		}
	}
	return r.errs.Err()
}

// make makes every output on every core, reusing the last build's where
// what it read is unchanged, and writes it. A check writes nothing: it
// renders every page, for the mistakes that rendering finds, but leaves
// out what cannot have any (the minifying, the files).
func (r *run) make(ctx context.Context) (*Report, error) {
	b, opts, site := r.b, r.opts, r.site
	w, out := r.out.w, r.out
	check := opts.Output == nil
	var mu sync.Mutex
	m := &maker{eng: r.eng, conv: r.conv, txt: r.txt, fail: func(e *diag.Error) {
		mu.Lock()
		r.errs.Add(e)
		mu.Unlock()
	}}
	if !check {
		m.min = b.minifier()
	}
	reuse := b.reuser(planned{set: r.set, site: site, eng: r.eng, outs: r.outs, statics: r.st, txt: r.txt, changed: r.changed, copies: r.copies},
		b.knownTemplates(r.eng, site.Config))
	outs, first := r.openFirst(m, reuse, out, check)
	// The outputs that show the hub's views need it filled before they
	// are made: unless every one of them is the last build's.
	if reuse.makesHub(outs) {
		r.hub.Fill()
		if b.keeps {
			b.hub = r.hub
		}
	}
	// A page worker writes from buffers of its own, which it uses again,
	// into an output that keeps nothing it is given.
	_, toDir := w.(*output.Dir)
	_, toMem := w.(*output.Memory)
	reusePage := toDir || toMem || check
	rendered := first + renderAll(ctx, outs, opts.Workers, reusePage, opts.Progress, func(o *plan.Output, s *scratch) bool {
		return m.make(o, reuse, out, check, s)
	})
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if names := r.txt.unclaimed(); len(names) > 0 && r.errs.Len() == 0 {
		// Written as read, for journeys whose downloads the plan did not
		// make: a fault in Waymark, which must not leave them in the site.
		r.errs.Add(&diag.Error{Path: names[0], Line: 1, Col: 1, Msg: fmt.Sprintf("%d journey downloads were written that the site does not have", len(names)),
			Hint: "a fault in Waymark, not in the handbook; please report it"})
	}
	if err := r.errs.Err(); err != nil {
		return nil, err
	}
	reuse.commit()
	rep := &Report{Site: site, Personas: len(site.Personas), Journeys: len(site.Journeys), Pages: len(site.Pages),
		Templates: len(site.Templates), Warnings: site.Warnings, Linked: r.st.linked,
		Files: int(out.files.Load()), Rendered: rendered, Duration: time.Since(r.start)}
	// With the theme's own templates known, the next build into memory
	// may be a body edit (bodyedit.go).
	if mem, ok := w.(*output.Memory); ok && reuse.active {
		l := newLastBuild(r.set, site, r.hub, r.eng, r.conv, r.lanes, r.txt, r.outs)
		l.out, l.report = mem.Take(), *rep // what the dev server serves too
		b.lastGood = l
	}
	return rep, nil
}

// openFirst makes the pages open in a browser (Builder.Early) that do
// not show the hub's views first, and hands them over with the names of
// the files still to make, for a rebuild into memory after an edit of
// content alone: the dev server serves them while the rest is made. It
// returns the outputs left to make and how many pages it drew.
func (r *run) openFirst(m *maker, reuse *reuser, out *sink, check bool) (rest []*plan.Output, drawn int) {
	b := r.b
	mem, toMem := r.opts.Output.(*output.Memory)
	if !b.keeps || !toMem || check || b.hand == nil || len(b.first) == 0 || r.changed == nil || !reuse.active ||
		touchesStatics(r.changed, r.st.linked) {
		return r.outs, 0
	}
	var first []*plan.Output
	for _, o := range r.outs {
		if b.opensFirst(o) {
			first = append(first, o)
		}
	}
	if len(first) == 0 {
		return r.outs, 0
	}
	before := r.errs.Len()
	s := scratch{}
	for _, o := range first {
		if m.make(o, reuse, out, check, &s) {
			drawn++
		}
	}
	rest = slices.DeleteFunc(slices.Clone(r.outs), b.opensFirst)
	if r.errs.Len() > before {
		return rest, drawn
	}
	made := make(map[string]output.Blob, len(first))
	for _, o := range first {
		if blob, ok := mem.Blob(o.Path); ok {
			made[o.Path] = blob
		}
	}
	b.hand(made, pending(rest, made))
	return rest, drawn
}

// releaseAbove is how much Markdown a handbook holds before a one-off
// build lets go of its journeys' text once decoded (model.Options.Release)
// and keeps only what it still needs of it, compressed (texts). Either way
// every file is read once.
const releaseAbove = 8 << 20

// textSize is how many bytes the content files hold.
func textSize(set *source.Set) int {
	n := 0
	for _, f := range set.Content {
		n += len(f.Raw)
	}
	return n
}

// day truncates a time to its date in UTC, so that review checks do not
// depend on the hour.
func day(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

func checkLayouts(eng *render.Engine, outs []*plan.Output, themeName string, errs *diag.List) {
	missing := map[string]bool{}
	for _, o := range outs {
		p := o.Page
		if p == nil {
			continue
		}
		where := ""
		if o.Body != nil {
			where = o.Body.Path
		}
		switch {
		case p.Layout != "" && !eng.Has(p.Layout):
			line, col := 1, 1
			if e := p.Entry(); e != nil {
				line, col = e.LayoutPos()
			}
			errs.Add(&diag.Error{Path: where, Line: line, Col: col, Msg: fmt.Sprintf("unknown layout %q", p.Layout),
				Hint: "layouts are the .html files in the theme's or the site's layouts/ folder: " + joinNames(eng.Layouts())})
		case p.Layout == "" && !eng.Has(p.Kind) && !missing[p.Kind]:
			missing[p.Kind] = true
			errs.Add(&diag.Error{Path: themeName + "/layouts/" + p.Kind + ".html", Msg: "the theme has no layout " + p.Kind + ".html",
				Hint: "add layouts/" + p.Kind + ".html to the theme or to the site's layouts/ folder"})
		}
	}
}

func joinNames(names []string) string {
	s := ""
	for i, n := range names {
		if i > 0 {
			s += ", "
		}
		s += n
	}
	return s
}
