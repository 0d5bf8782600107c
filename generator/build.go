package generator

import (
	"cmp"
	"context"
	"fmt"
	"io/fs"
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

func (b *Builder) build(ctx context.Context) (*Report, error) {
	opts := b.opts
	start := time.Now()
	now := time.Now
	if opts.Now != nil {
		now = opts.Now
	}
	var errs diag.List
	set, err := source.ReadCached(opts.Source, b.src)
	changed := b.changed
	b.changed = nil
	if err == nil && b.src != nil {
		if rep, ok, err := b.bodyEdit(ctx, set, changed, day(now()), start); ok {
			return rep, err
		}
	}
	b.lastGood = nil
	collect(&errs, err)
	if set.Config == nil && errs.Len() > 0 {
		return nil, errs.Err()
	}
	if opts.Templates != nil {
		builtin, err := b.builtinTemplates()
		collect(&errs, err)
		set.Templates = append(builtin, set.Templates...)
		set.Builtin = len(builtin)
	}
	site, err := model.New(set, model.Options{
		Drafts: opts.Drafts, BaseURL: opts.BaseURL, Now: day(now()), Cache: b.model, Reserved: plan.Reserved(),
		// A one-off build of a large handbook: no rebuild will want the
		// journeys' text, and holding it all costs more than reading each
		// journey's file again for its page and its .md download.
		Release: b.src == nil && textSize(set) > cmp.Or(opts.releaseAbove, releaseAbove),
	})
	collect(&errs, err)
	if site == nil {
		return nil, errs.Err()
	}
	h := hub.New(site, plan.HubAddresses())
	theme, err := loadTheme(opts, site, set)
	if err != nil {
		errs.Add(err.(*diag.Error))
		return nil, errs.Err()
	}
	st, err := staticFiles(theme, opts.Source)
	if err != nil {
		return nil, err
	}
	statics := st.files
	site.Warnings = append(site.Warnings, st.warnings...)
	checkAvatars(site, statics, &errs)
	eng, err := render.Reuse(b.engine, site, h, render.Layer{Name: theme.name, FS: theme.fs}, render.Layer{Name: "", FS: opts.Source})
	if err != nil {
		errs.AddErr(err, "layouts", "fix the template; see content/docs/theming.md") // templates or string files
		return nil, errs.Err()
	}
	if b.src != nil {
		b.engine = eng
	}
	readers := 2 // a released journey's page and its download
	if opts.Output == nil {
		readers = 1 // a check makes no downloads
	}
	txt := newTexts(set, opts.Source, readers)
	outs := plan.Make(plan.Env{Site: site, Hub: h, Engine: eng, Raw: txt.raw, Statics: statics})
	checkLayouts(eng, outs, theme.name, &errs)
	checkStatics(outs, &errs)
	res := newResolver(site, outs, statics)
	conv := markup.New(markup.Options{
		UnsafeHTML: site.Config.UnsafeHTML,
		BasePath:   site.Config.BasePath,
		Resolve:    res.resolve,
		PageURL:    res.pageURL,
	})
	if errs.Len() > 0 {
		// Rendering would fail on the broken parts; still look for broken
		// links, so that every mistake is reported in one run.
		for _, o := range outs {
			if src, path, line, err := txt.body(o); err != nil {
				errs.Add(err)
			} else if path != "" {
				_, linkErrs := conv.Convert(src, path, line)
				for _, e := range linkErrs {
					errs.Add(e)
				}
			}
		}
		return nil, errs.Err()
	}
	w := opts.Output
	// A check writes nothing: it renders every page, for the mistakes
	// that rendering finds, but leaves out what cannot have any (the
	// minifying, the downloads, the search index, the hub's CSV files).
	check := w == nil
	if check {
		w = &output.Discard{}
	}
	var min *minifier
	if !check {
		min = b.minifier()
	}
	rep := &Report{Site: site, Personas: len(site.Personas), Journeys: len(site.Journeys),
		Pages: len(site.Pages), Templates: len(site.Templates), Warnings: site.Warnings, Linked: st.linked}
	out := &sink{w: w}
	write, stream := out.write, out.stream
	var mu sync.Mutex
	fail := func(e *diag.Error) {
		mu.Lock()
		errs.Add(e)
		mu.Unlock()
	}
	reuse := b.reuser(planned{set: set, site: site, eng: eng, outs: outs, statics: st, changed: changed}, b.knownTemplates(eng, site.Config))
	// With the theme's own templates known, a body shows on its page
	// alone: the next build into memory may be a body edit (bodyedit.go).
	mem, _ := w.(*output.Memory)
	var rec *lastBuild
	if reuse.active && mem != nil {
		rec = newLastBuild(set, site, eng, conv, txt, outs)
	}
	// The outputs that show the hub's views need it filled before they
	// are made: unless every one of them is the last build's.
	if reuse.makesHub(outs) {
		h.Fill()
	}
	_, toDir := w.(*output.Dir)
	reusePage := (toDir || check) && !reuse.active // neither keeps what it is given
	rendered := renderAll(ctx, outs, opts.Workers, reusePage, opts.Progress, func(o *plan.Output, s *scratch) bool {
		switch {
		case reuse.tryReuse(o, write):
			return false
		case o.Page != nil:
			renderPage(o, eng, conv, min, reuse.keep(o, write), fail, txt, s)
			return true
		case check: // a check makes no files, which hold nothing it would report, but sees them in each other's way
			if err := write(o.Path, nil); err != nil {
				fail(&diag.Error{Path: o.Path, Line: 1, Col: 1, Msg: err.Error()})
			}
		case o.Joined != nil:
			if err := reuse.makeJoined(o, write, stream); err != nil {
				fail(&diag.Error{Path: o.Path, Line: 1, Col: 1, Msg: err.Error()})
			}
		default:
			makeFile(o, reuse.active, min, reuse.keep(o, write), stream, fail)
		}
		return false
	})
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	reuse.commit()
	rep.Files = int(out.files.Load())
	rep.Rendered = rendered
	rep.Duration = time.Since(start)
	if rec != nil {
		rec.out = mem.Files()
		rec.report = *rep
		b.lastGood = rec
	}
	return rep, nil
}

// releaseAbove is how much Markdown a handbook holds before a one-off
// build lets go of its journeys' text once decoded (model.Options.Release).
// Below it, every file is read once; above it, a journey's file is read
// again, once, for its page and its download together (texts).
const releaseAbove = 8 << 20

// textSize is how many bytes the content files hold.
func textSize(set *source.Set) int {
	n := 0
	for _, f := range set.Content {
		n += len(f.Raw)
	}
	return n
}

func collect(errs *diag.List, err error) { errs.AddErr(err, ".", "") }

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
