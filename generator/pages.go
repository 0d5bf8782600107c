package generator

import (
	"bytes"
	"context"
	"errors"
	"io/fs"
	"runtime"
	"runtime/pprof"
	"sync"
	"sync/atomic"

	"github.com/tdewolff/parse/v2/buffer"

	"github.com/waymark-cx/waymark/generator/diag"
	"github.com/waymark-cx/waymark/generator/markup"
	"github.com/waymark-cx/waymark/generator/output"
	"github.com/waymark-cx/waymark/generator/render"
)

// renderAll hands the pages to workers (GOMAXPROCS of them unless told),
// each with its own scratch buffers, which reuse (false: the page's
// buffers go with it) says may be written from. do renders a page, or
// reuses the last build's, and reports whether it rendered. Pages are fed
// until ctx ends; it returns how many were rendered.
func renderAll(ctx context.Context, pages []*render.Page, workers int, reuse bool,
	progress func(done, total int), do func(p *render.Page, s *scratch) bool) int {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	jobs := make(chan *render.Page)
	var wg sync.WaitGroup
	var done, rendered atomic.Int64
	for range workers {
		wg.Go(func() {
			s := scratch{reuse: reuse}
			for p := range jobs {
				// The label splits a CPU profile by page kind:
				// go tool pprof -tags cpu.out (see BENCHMARKS.md).
				pprof.Do(context.Background(), pprof.Labels("kind", p.Kind), func(context.Context) {
					if do(p, &s) {
						rendered.Add(1)
					}
				})
				if progress != nil {
					progress(int(done.Add(1)), len(pages))
				}
			}
		})
	}
feed:
	for _, p := range pages {
		select {
		case jobs <- p:
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
	tpl, min bytes.Buffer
	frags    render.Fragments
	page     []byte
	reuse    bool
}

// reset empties the buffers, and lets go of any a very large page (a
// list of thousands of journeys) grew.
func (s *scratch) reset() {
	for _, b := range []*bytes.Buffer{&s.tpl, &s.min} {
		if b.Cap() > 1<<20 {
			*b = bytes.Buffer{}
		}
		b.Reset()
	}
	if cap(s.page) > 1<<20 {
		s.page = nil
	}
}

// pageBody is p.Body(), with the text of a journey that a one-off build
// let go (model.Options.Release) read again from files.
func pageBody(p *render.Page, files fs.FS) (src []byte, path string, line int, err *diag.Error) {
	src, path, line = p.Body()
	if path == "" || !p.Entry().Released {
		return src, path, line, nil
	}
	f, rerr := readSource(files, path)
	if rerr != nil {
		return nil, "", 0, &diag.Error{Path: path, Line: 1, Col: 1, Msg: "reading it again: " + rerr.Error(),
			Hint: "the file changed or went away while the site was built; build again"}
	}
	return f.Body, path, line, nil
}

// renderPage renders, minifies and writes one page. s may be nil; min
// nil leaves the page as the template made it (a check).
func renderPage(p *render.Page, eng *render.Engine, conv *markup.Converter, min *minifier,
	write func(string, []byte) error, fail func(*diag.Error), files fs.FS, s *scratch) {
	if src, path, line, err := pageBody(p, files); err != nil {
		fail(err)
		return
	} else if path != "" {
		html, errs := conv.Convert(src, path, line)
		for _, e := range errs {
			fail(e)
		}
		p.Content = html
	}
	if s == nil {
		s = new(scratch)
	}
	frags := p.Hold(&s.frags)
	// What the page was made of goes with it: a large build holds every
	// page until it ends.
	defer func() { p.Content = ""; p.Release() }()
	s.reset()
	err := eng.Execute(&s.tpl, p)
	if err != nil {
		fail(renderError(eng, p, err))
		return
	}
	page := s.tpl.Bytes()
	if len(bytes.TrimSpace(page)) == 0 {
		fail(&diag.Error{Path: eng.File(p.Layout), Line: 1, Col: 1, Msg: "rendering " + outName(p.URL) + ": the layout made an empty page",
			Hint: `a layout that defines blocks must call the base: {{template "_base.html" .}}; see content/docs/theming.md`})
		return
	}
	if min != nil {
		if err := min.m.Minify("text/html", &s.min, buffer.NewReader(page)); err != nil {
			fail(&diag.Error{Path: outName(p.URL), Line: 1, Col: 1, Msg: "minifying: " + err.Error()})
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
		fail(&diag.Error{Path: outName(p.URL), Line: 1, Col: 1, Msg: "putting the stage table in: " + err.Error(),
			Hint: "a template must not drop or repeat what {{timeline .}} or {{blueprint .}} returned"})
		return
	}
	if err := write(outName(p.URL), b); err != nil {
		e := &diag.Error{Path: outName(p.URL), Line: 1, Col: 1, Msg: err.Error()}
		if errors.Is(err, output.ErrWrittenTwice) {
			if _, src, _ := p.Body(); src != "" {
				e.Path = src
			}
			e.Msg = "its page, " + outName(p.URL) + ", is written twice: another page or a static file has the same address"
			e.Hint = "rename one of them: names that give the same slug (Guides and guides, Hướng dẫn and huong-dan, guides.md and guides/) give the same address"
		}
		fail(e)
	}
}

// renderError locates a template that failed on a page: at the action
// that failed, in its layout or partial, when the engine can tell; else
// at the page's source, or its layout.
func renderError(eng *render.Engine, p *render.Page, err error) *diag.Error {
	page := outName(p.URL)
	_, source, _ := p.Body()
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

// outName is the file a page URL is written to: "journeys/x/" →
// "journeys/x/index.html", "" → "index.html", "404.html" as it is.
func outName(url string) string {
	if url == "" || url[len(url)-1] == '/' {
		return url + "index.html"
	}
	return url
}
