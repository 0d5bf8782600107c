package generator

import (
	"fmt"
	"sync"

	"github.com/waymark-cx/waymark/generator/diag"
	"github.com/waymark-cx/waymark/generator/export"
	"github.com/waymark-cx/waymark/generator/model"
	"github.com/waymark-cx/waymark/generator/output"
	"github.com/waymark-cx/waymark/generator/plan"
	"github.com/waymark-cx/waymark/generator/source"
)

// texts gives the build each entry's text: the Markdown of a page's body,
// and a file as its author wrote it for download. Every file is read once.
//
// A one-off build of a large handbook lets go of each journey's text as
// soon as its front matter is decoded (model.Options.Release), keeping
// only what the build still needs of it, compressed, until it is used:
// the body, for its page. Its .md download, the file as read, is written
// there and then when the build goes into a folder (a Dir stages every
// file until the build succeeds, so a failed build still leaves the old
// output); into another output, the whole file is kept for it instead.
// What the model decoded of the front matter is the model's.
type texts struct {
	byPath map[string]*source.File

	// For released journeys:
	mu      sync.Mutex
	kept    map[string]*keptText    // by path, until its readers have it
	early   map[*model.Entry]*early // .md downloads written as read
	readers int                     // how many read a kept text: 1 (its page) or 2 (and its download)
	drafts  bool                    // the build includes drafts (else a draft's text is not kept)
	out     *sink                   // writes a journey's .md download as read; nil: not (kept instead)
	ext     string                  // the name of that download: export's verbatim format
	packers output.Packers
}

// keptText is what the build still needs of a released journey's text.
type keptText struct {
	text output.Blob // compressed unless that made it no smaller
	body int         // where the body starts in it: 0 unless it is the whole file
	left int         // readers still to come
}

// early is a journey's .md download written as the journey was read, and
// how writing it went: the build's file of it is that one.
type early struct {
	name    string
	err     error
	claimed bool // the plan's download met it
}

// newTexts gives the texts of set.
func newTexts(set *source.Set) *texts {
	t := &texts{byPath: make(map[string]*source.File, len(set.Content)+len(set.Templates)), kept: map[string]*keptText{},
		early: map[*model.Entry]*early{}}
	for _, f := range set.Content {
		t.byPath[f.Path] = f
	}
	for _, f := range set.Templates {
		t.byPath[f.Path] = f
	}
	return t
}

// releasing prepares t for the journeys a one-off build lets go of, for
// a build into w (nil: a check, which makes no downloads). Into a folder
// (output.Dir), their .md downloads are written through out as they are
// read.
func (t *texts) releasing(w output.Writer, out *sink, drafts bool) {
	t.drafts, t.readers = drafts, 2
	switch w.(type) {
	case nil:
		t.readers = 1
	case *output.Dir:
		t.out, t.readers = out, 1
		for _, f := range export.Formats() {
			if f.Verbatim {
				t.ext = f.Ext
			}
		}
	}
}

// release keeps what the build needs of a journey's text, which the
// model lets go once it returns (model.Options.Release). It runs on the
// worker that decoded the journey, beside others.
func (t *texts) release(f *source.File, j *model.Journey) {
	if j.Draft && !t.drafts {
		return // neither a page nor downloads
	}
	k := &keptText{left: t.readers}
	text := f.Raw
	switch {
	case t.out != nil && t.ext != "":
		d := &early{name: j.Download(t.ext)}
		d.err = t.out.write(d.name, f.Raw)
		t.mu.Lock()
		t.early[&j.Entry] = d
		t.mu.Unlock()
		text = f.Body
	case t.readers == 1: // a check: the page alone
		text = f.Body
	default:
		k.body = len(f.Raw) - len(f.Body)
	}
	k.text = t.pack(text)
	t.mu.Lock()
	t.kept[f.Path] = k
	t.mu.Unlock()
}

// pack compresses text into a Blob of its own: nothing of the file it
// is part of is kept.
func (t *texts) pack(text []byte) output.Blob {
	p := t.packers.Get()
	defer t.packers.Put(p)
	return p.Pack(text)
}

// take unpacks path's kept text for one of its readers, into dst when it
// has room (unless the blob is not packed: then text is its own bytes),
// and forgets it once the last has it. ok is false when nothing is kept
// of it.
func (t *texts) take(path string, dst []byte) (k keptText, text []byte, ok bool) {
	t.mu.Lock()
	kp := t.kept[path]
	if kp != nil {
		k = *kp // under the lock: another reader counts left down
		if kp.left--; kp.left <= 0 {
			delete(t.kept, path)
		}
	}
	t.mu.Unlock()
	if kp == nil {
		return keptText{}, nil, false
	}
	return k, t.packers.Unpack(k.text, dst), true
}

// raw is e's file as its author wrote it; nil if it went away since.
func (t *texts) raw(e *model.Entry) []byte {
	if !e.Released {
		if f := t.byPath[e.Path]; f != nil {
			return f.Raw
		}
		return nil
	}
	_, text, ok := t.take(e.Path, nil)
	if !ok {
		return nil // rendering its page says so
	}
	return text
}

// written reports whether o is the .md download of a released journey
// that was written as the journey was read, and how writing it went.
func (t *texts) written(o *plan.Output) (bool, error) {
	e := o.In.Source
	if t.out == nil || e == nil || !e.Released || o.Bytes == nil {
		return false, nil
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	d := t.early[e]
	if d == nil || d.name != o.Path {
		return false, nil
	}
	d.claimed = true
	return true, d.err
}

// unclaimed lists the downloads written as read that no planned output
// met: none, unless the plan and release disagree on what a build makes.
func (t *texts) unclaimed() []string {
	var names []string
	for _, d := range t.early {
		if !d.claimed {
			names = append(names, d.name)
		}
	}
	return names
}

// body is the Markdown whose HTML becomes o's content, where in which
// file it starts. A text kept packed is unpacked into *buf, when buf is
// not nil, which keeps the room it took (up to a megabyte) for the next
// page: src is then good until the next call with buf.
func (t *texts) body(o *plan.Output, buf *[]byte) (src []byte, path string, line int, derr *diag.Error) {
	e := o.Body
	if e == nil {
		return nil, "", 0, nil
	}
	if !e.Released {
		return e.Body, e.Path, e.BodyLine, nil
	}
	var dst []byte
	if buf != nil {
		dst = *buf
	}
	k, text, ok := t.take(e.Path, dst)
	if buf != nil && k.text.Packed() && cap(text) <= 1<<20 {
		*buf = text[:0]
	}
	if !ok {
		return nil, "", 0, &diag.Error{Path: e.Path, Line: 1, Col: 1, Msg: "its text was not kept",
			Hint: fmt.Sprintf("a fault in Waymark, not in %s; please report it", e.Path)}
	}
	return text[k.body:], e.Path, e.BodyLine, nil
}
