package generator

import (
	"io/fs"
	"sync"

	"github.com/waymark-cx/waymark/generator/diag"
	"github.com/waymark-cx/waymark/generator/model"
	"github.com/waymark-cx/waymark/generator/plan"
	"github.com/waymark-cx/waymark/generator/source"
)

// texts gives the build each entry's text: the Markdown of a page's body,
// and a file as its author wrote it for download. A journey whose text a
// one-off build let go (model.Options.Release) is read again once, for
// both its page and its .md download, and let go again when both have
// it: the plan puts a journey's downloads beside its page, so few are
// held at a time.
type texts struct {
	byPath  map[string]*source.File
	files   fs.FS
	mu      sync.Mutex
	again   map[string]*reread // released journeys read again, by path
	readers int
}

// reread is a released journey's file, read again, until its readers
// (its page and its download) have it.
type reread struct {
	once sync.Once
	file *source.File
	err  error
	left int
}

// newTexts gives the texts of set, reading released journeys from files.
// readers is how many read a released journey's text: 2 (its page and its
// download), or 1 in a check, which makes no downloads.
func newTexts(set *source.Set, files fs.FS, readers int) *texts {
	t := &texts{byPath: make(map[string]*source.File, len(set.Content)+len(set.Templates)), files: files,
		again: map[string]*reread{}, readers: readers}
	for _, f := range set.Content {
		t.byPath[f.Path] = f
	}
	for _, f := range set.Templates {
		t.byPath[f.Path] = f
	}
	return t
}

// raw is e's file as its author wrote it; nil if it went away since.
func (t *texts) raw(e *model.Entry) []byte {
	if !e.Released {
		if f := t.byPath[e.Path]; f != nil {
			return f.Raw
		}
		return nil
	}
	f, err := t.readAgain(e.Path)
	if err != nil {
		return nil // rendering its page says so
	}
	return f.Raw
}

// body is the Markdown whose HTML becomes o's content, where in which
// file it starts.
func (t *texts) body(o *plan.Output) (src []byte, path string, line int, err *diag.Error) {
	e := o.Body
	if e == nil {
		return nil, "", 0, nil
	}
	if !e.Released {
		return e.Body, e.Path, e.BodyLine, nil
	}
	f, rerr := t.readAgain(e.Path)
	if rerr != nil {
		return nil, "", 0, &diag.Error{Path: e.Path, Line: 1, Col: 1, Msg: "reading it again: " + rerr.Error(),
			Hint: "the file changed or went away while the site was built; build again"}
	}
	return f.Body, e.Path, e.BodyLine, nil
}

// readAgain reads a released journey's file for the first of its two
// readers, and forgets it once the second has it.
func (t *texts) readAgain(path string) (*source.File, error) {
	t.mu.Lock()
	r, ok := t.again[path]
	if !ok {
		r = &reread{left: t.readers}
		t.again[path] = r
	}
	if r.left--; r.left == 0 {
		delete(t.again, path)
	}
	t.mu.Unlock()
	r.once.Do(func() {
		data, err := fs.ReadFile(t.files, path)
		if err == nil {
			r.file, err = source.Split(path, data)
		}
		r.err = err
	})
	return r.file, r.err
}
