package generator

import (
	"bytes"
	"context"
	"errors"
	"html/template"
	"io"
	"io/fs"
	"runtime"
	"runtime/pprof"
	"sync"
	"sync/atomic"
	"unsafe"

	"github.com/tdewolff/parse/v2/buffer"

	"github.com/waymark-cx/waymark/generator/diag"
	"github.com/waymark-cx/waymark/generator/markup"
	"github.com/waymark-cx/waymark/generator/output"
	"github.com/waymark-cx/waymark/generator/plan"
	"github.com/waymark-cx/waymark/generator/render"
)

// renderAll hands the outputs to workers (GOMAXPROCS of them unless
// told), each with its own scratch buffers, which reuse (false: the page's
// buffers go with it) says may be written from. do makes an output, or
// reuses the last build's, and reports whether it made it. Outputs are
// fed until ctx ends; it returns how many were made.
func renderAll(ctx context.Context, outs []*plan.Output, workers int, reuse bool,
	progress func(done, total int), do func(o *plan.Output, s *scratch) bool) int {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	next, follows := together(outs)
	jobs := make(chan int)
	var wg sync.WaitGroup
	var done, rendered atomic.Int64
	for range workers {
		wg.Go(func() {
			s := scratch{reuse: reuse}
			// The label splits a CPU profile by page kind: go tool
			// pprof -tags cpu.out (see BENCHMARKS.md). Each kind's is
			// made once, not for each of thousands of outputs.
			labels := map[string]context.Context{}
			defer pprof.SetGoroutineLabels(context.Background())
			for i := range jobs {
				for ; i >= 0; i = next[i] {
					o := outs[i]
					k := kind(o)
					ctx, ok := labels[k]
					if !ok {
						ctx = pprof.WithLabels(context.Background(), pprof.Labels("kind", k))
						labels[k] = ctx
					}
					pprof.SetGoroutineLabels(ctx)
					if do(o, &s) {
						rendered.Add(1)
					}
					if progress != nil {
						progress(int(done.Add(1)), len(outs))
					}
				}
			}
		})
	}
feed:
	for i := range outs {
		if follows[i] {
			continue // made right after an earlier page
		}
		select {
		case jobs <- i:
		case <-ctx.Done():
			break feed
		}
	}
	close(jobs)
	wg.Wait()
	return int(rendered.Load())
}

// scratch is a page worker's reusable buffers: a page's template output
// and its minified form are done with once the page is spliced. The
// spliced page is written from page when reuse is set: the output is a
// folder, which is done with what it is given once written, and no
// Builder keeps the page for the next build.
type scratch struct {
	tpl, min  bytes.Buffer
	body      []byte       // the page's Markdown, when it was kept packed (texts.body)
	md, mdMin bytes.Buffer // the page's Markdown as HTML, and minified
	file      []byte       // a file made whole in Go (made), when reuse
	frags     render.Fragments
	page      []byte
	reuse     bool
}

// reset empties the buffers, and lets go of any a very large page (a
// list of thousands of journeys) grew.
// The Markdown's buffers are emptied as the next page's is made: the
// page's Content reads them until it is made.
func (s *scratch) reset() {
	for _, b := range []*bytes.Buffer{&s.tpl, &s.min} {
		empty(b)
	}
	if cap(s.page) > 1<<20 {
		s.page = nil
	}
}

// empty empties b, letting go of its room beyond a megabyte.
func empty(b *bytes.Buffer) {
	if b.Cap() > 1<<20 {
		*b = bytes.Buffer{}
	}
	b.Reset()
}

// made makes a file with bytes: into the worker's buffer when the output
// is done with it once written (reuse), else into one of its own. s may
// be nil.
func (s *scratch) made(bytes func(dst []byte) []byte) []byte {
	if s == nil || !s.reuse {
		return bytes(nil)
	}
	if s.file == nil {
		s.file = make([]byte, 0, 16<<10) // not nil: nil asks for bytes held
	}
	b := bytes(s.file[:0])
	if len(b) > cap(s.file) && len(b) <= 1<<20 {
		// Room for such a file next time; b may not be the buffer
		// grown (bytes a maker holds), so it is not kept.
		s.file = make([]byte, 0, len(b))
	}
	return b
}

// kind is what a CPU profile calls an output: its page's kind, or "file".
func kind(o *plan.Output) string {
	if o.Page != nil {
		return o.Page.Kind
	}
	return "file"
}

// maker makes outputs: it renders pages with the theme and minifies them,
// makes files, and reports mistakes to fail (which may be called from
// several workers at once).
type maker struct {
	eng  *render.Engine
	conv *markup.Converter
	min  *minifier // nil: leave pages as the templates made them (a check)
	txt  *texts
	fail func(*diag.Error)
}

// make makes o, or reuses the last build's, and writes it to out; it
// reports whether it rendered a page. A check makes no files, which hold
// nothing it would report, but sees them in each other's way.
func (m *maker) make(o *plan.Output, reuse *reuser, out *sink, check bool, s *scratch) bool {
	write := out.write
	fail := func(err error) {
		if err != nil {
			m.fail(&diag.Error{Path: o.Path, Line: 1, Col: 1, Msg: err.Error()})
		}
	}
	switch {
	case !check && m.putAsKept(o, reuse, out):
		// Before reusing: the last build's may be an older copy.
		return false
	case reuse.tryReuse(o, out):
		return false
	case !check && m.writtenAsRead(o):
		return false
	case o.Page != nil:
		m.page(o, reuse.keep(o, write), s)
		return true
	case check:
		fail(write(o.Path, nil))
	case o.Joined != nil:
		fail(reuse.makeJoined(o, write, out.stream))
	default:
		m.file(o, reuse.keep(o, write), reuse.keepStream(o, out.stream), s)
	}
	return false
}

// writtenAsRead reports whether o is a journey's .md download written as
// the journey was read (texts), reporting how that went.
func (m *maker) writtenAsRead(o *plan.Output) bool {
	ok, err := m.txt.written(o)
	if ok && err != nil {
		m.fail(&diag.Error{Path: o.Path, Line: 1, Col: 1, Msg: err.Error()})
	}
	return ok
}

// putAsKept reports whether o is a journey's .md download that a dev
// server's memory holds as the journey's file is kept (texts.blob): the
// same bytes, put there, not a copy.
func (m *maker) putAsKept(o *plan.Output, reuse *reuser, out *sink) bool {
	mem, ok := out.w.(*output.Memory)
	if !ok {
		return false
	}
	blob, ok := m.txt.blob(o)
	if !ok {
		return false
	}
	if err := out.put(mem, o.Path, blob); err != nil {
		m.fail(&diag.Error{Path: o.Path, Line: 1, Col: 1, Msg: err.Error()})
		return true
	}
	reuse.kept(o, o.Path)
	return true
}

// page renders, minifies and writes one page. s may be nil.
func (m *maker) page(o *plan.Output, write func(string, []byte) error, s *scratch) {
	eng, conv, min, fail := m.eng, m.conv, m.min, m.fail
	p := o.Page
	if s == nil {
		s = new(scratch)
	}
	if src, path, line, derr := m.txt.body(o, &s.body); derr != nil {
		fail(derr)
		return
	} else if path != "" {
		// Into the worker's buffers, which the page's Content reads
		// until the page is made (p.Content is cleared below).
		empty(&s.md)
		for _, e := range conv.ConvertTo(&s.md, src, path, line) {
			fail(e)
		}
		html := s.md.Bytes()
		if min != nil && eng.Minified() {
			empty(&s.mdMin)
			if min.contentTo(&s.mdMin, html) {
				html = s.mdMin.Bytes()
			} else { // as written: the minifier changed its input
				s.md.Reset()
				_ = conv.ConvertTo(&s.md, src, path, line) // its mistakes are told
				html = s.md.Bytes()
			}
		}
		p.Content = template.HTML(unsafe.String(unsafe.SliceData(html), len(html)))
	}
	frags := p.Hold(&s.frags)
	// What the page was made of goes with it: a large build holds every
	// page until it ends.
	defer func() { p.Content = ""; p.Release() }()
	s.reset()
	err := eng.Execute(&s.tpl, p)
	if err != nil {
		fail(renderError(eng, o, err))
		return
	}
	page := s.tpl.Bytes()
	if len(bytes.TrimSpace(page)) == 0 {
		fail(&diag.Error{Path: eng.File(p.Layout), Line: 1, Col: 1, Msg: "rendering " + o.Path + ": the layout made an empty page",
			Hint: `a layout that defines blocks must call the base: {{template "_base.html" .}}; see content/docs/theming.md`})
		return
	}
	if min != nil && !eng.Minified() {
		if err := min.m.Minify("text/html", &s.min, buffer.NewReader(page)); err != nil {
			fail(&diag.Error{Path: o.Path, Line: 1, Col: 1, Msg: "minifying: " + err.Error()})
			return
		}
		page = s.min.Bytes()
	}
	// Unless s.reuse, the page is written from a copy of its own: an
	// output may keep what it is given.
	var dst []byte
	if s.reuse {
		dst = s.page
	}
	b, err := render.Splice(dst, page, frags)
	if s.reuse {
		s.page = b
	}
	if err != nil {
		fail(&diag.Error{Path: o.Path, Line: 1, Col: 1, Msg: "putting the stage table in: " + err.Error(),
			Hint: "a template must not drop or repeat what {{timeline .}} or {{blueprint .}} returned"})
		return
	}
	if err := write(o.Path, b); err != nil {
		e := &diag.Error{Path: o.Path, Line: 1, Col: 1, Msg: err.Error()}
		if errors.Is(err, output.ErrWrittenTwice) {
			if o.Body != nil {
				e.Path = o.Body.Path
			}
			e.Msg = "its page, " + o.Path + ", is written twice: another page or a static file has the same address"
			e.Hint = "rename one of them: names that give the same slug (Guides and guides, Hướng dẫn and huong-dan, guides.md and guides/) give the same address"
		}
		fail(e)
	}
}

// renderError locates a template that failed on a page: at the action
// that failed, in its layout or partial, when the engine can tell; else
// at the page's source, or its layout.
func renderError(eng *render.Engine, o *plan.Output, err error) *diag.Error {
	p, page, source := o.Page, o.Path, ""
	if o.Body != nil {
		source = o.Body.Path
	}
	if source != "" {
		page += " (" + source + ")"
	}
	hint := "the template failed on this page's data; see content/docs/theming.md"
	if f, ok := eng.Where(err); ok {
		return &diag.Error{Path: f.File, Line: f.Line, Col: f.Col, Msg: "rendering " + page + ": " + f.Msg, Hint: hint}
	}
	where := "layouts/" + p.Layout + ".html"
	if source != "" {
		where = source
	}
	return &diag.Error{Path: where, Line: 1, Col: 1, Msg: "rendering " + page + ": " + err.Error(), Hint: hint}
}

// file makes a planned file that is not a page: copied, or made in Go,
// then minified if planned so. What is made in Go goes out as it is made
// (the hub's CSV files of a large handbook are tens of megabytes).
func (m *maker) file(o *plan.Output, write func(string, []byte) error, stream func(string, func(io.Writer) error) error, s *scratch) {
	min, fail := m.min, m.fail
	var err error
	switch {
	case o.Copy != nil || o.Minify != "":
		var b []byte
		if b, err = fileBytes(o); err == nil {
			if o.Minify != "" {
				if m, merr := min.bytes(o.Minify, bytes.Clone(b)); merr == nil { // else as it is
					b = m
				}
			}
			err = write(o.Path, b)
		}
	case o.Bytes != nil:
		err = write(o.Path, s.made(o.Bytes))
	default:
		err = stream(o.Path, o.Write)
	}
	if err != nil {
		fail(&diag.Error{Path: o.Path, Line: 1, Col: 1, Msg: err.Error()})
	}
}

// fileBytes is a file that is not a page, whole.
func fileBytes(o *plan.Output) ([]byte, error) {
	if c := o.Copy; c != nil {
		return fs.ReadFile(c.FS, c.Path)
	}
	if o.Bytes != nil {
		return o.Bytes(nil), nil
	}
	var b bytes.Buffer
	err := o.Write(&b)
	return b.Bytes(), err
}

// checkStatics reports every static file planned where another output
// goes, all at once, before anything is written.
func checkStatics(outs []*plan.Output, errs *diag.List) {
	// The few files copied are looked up, not the many made: the dev
	// server checks on every edit of a journey's front matter.
	copied := map[string]bool{}
	for _, o := range outs {
		if o.Copy != nil {
			copied[o.Path] = true
		}
	}
	taken := map[string]bool{}
	for _, o := range outs {
		if o.Copy == nil && copied[o.Path] {
			taken[o.Path] = true
		}
	}
	for _, o := range outs {
		if o.Copy != nil && taken[o.Path] {
			errs.Add(&diag.Error{Path: o.Copy.Path, Line: 1, Col: 1, Msg: o.Copy.Path + " is where Waymark writes " + o.Path + " for a page or a file of its own",
				Hint: "rename or move it out of the way; a page's address comes from its file name under content/"})
		}
	}
}
