package generator

import (
	"bytes"
	"fmt"
	"hash/maphash"
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
//
// A dev server (a Builder) lets go of every journey's text the same way
// and keeps each whole file compressed on its shelf from build to build,
// as long as the model cache hands out the journey (shelve): its page
// unpacks it when drawn, its .md download in memory is the very bytes
// kept (blob), and the sums of its front matter and body, which tell the
// next builds what changed, are taken before it is packed.
type texts struct {
	byPath map[string]*source.File

	// For released journeys:
	mu      sync.Mutex
	kept    map[*model.Entry]*keptText // until its readers have it; a Builder's shelf
	early   map[*model.Entry]*early    // .md downloads written as read
	readers int                        // how many read a kept text: 1 (its page) or 2 (and its download); 0: a shelf's, kept
	drafts  bool                       // the build includes drafts (else a draft's text is not kept)
	out     *sink                      // writes a journey's .md download as read; nil: not (kept instead)
	ext     string                     // the name of that download: export's verbatim format
	seed    maphash.Seed               // a shelf's: the Builder's, for the sums of what it keeps
	packers output.Packers
}

// keptText is what builds still need of a released journey's text.
type keptText struct {
	text  output.Blob // compressed unless that made it no smaller
	body  int         // where the body starts in it: 0 unless it is the whole file
	left  int         // readers still to come; 0 for a shelf's: kept
	whole *wholeText  // a shelf's: the whole file's
}

// wholeText is what a shelf knows of the whole file it keeps.
type wholeText struct {
	file     *source.File // it was read as, let go
	front    [2]int       // where the front matter is in it
	sums     [2]uint64    // of the front matter and the body (fingerprinter)
	download string       // the journey's .md download
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
	t := &texts{byPath: make(map[string]*source.File, len(set.Content)+len(set.Templates)), kept: map[*model.Entry]*keptText{},
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
		t.out, t.readers, t.ext = out, 1, verbatimExt()
	}
}

// verbatimExt names a journey's .md download: export's verbatim format.
func verbatimExt() string {
	for _, f := range export.Formats() {
		if f.Verbatim {
			return f.Ext
		}
	}
	return ""
}

// shelve makes t keep released journeys' whole files on shelf, a
// Builder's, from build to build, with seed for their sums.
func (t *texts) shelve(shelf map[*model.Entry]*keptText, seed maphash.Seed, drafts bool) {
	t.kept, t.seed, t.drafts, t.readers, t.ext = shelf, seed, drafts, 0, verbatimExt()
}

// restore makes the files on the shelf whole again and empties it: a
// new configuration decodes every file again (model.Cache.Retypes).
func (t *texts) restore() {
	for _, k := range t.kept {
		t.unshelve(k)
	}
	clear(t.kept)
}

// unshelve makes k's file whole again.
func (t *texts) unshelve(k *keptText) {
	w := k.whole
	if w == nil || w.file.Raw != nil {
		return
	}
	text := t.packers.Unpack(k.text, nil)
	if !k.text.Packed() {
		text = bytes.Clone(text) // the file's own, apart from the blob
	}
	w.file.Raw, w.file.Front, w.file.Body = text, text[w.front[0]:w.front[1]], text[k.body:]
}

// prune takes off the shelf what no later build can ask for: the texts
// of journeys decoded from files that are not this build's (changed or
// gone since), or written over since by an edit, which holds the new
// text: the file, if still this build's, is made whole again.
func (t *texts) prune() {
	for e, k := range t.kept {
		w := k.whole
		if w != nil && t.byPath[w.file.Path] == w.file {
			if e.Released {
				continue
			}
			t.unshelve(k)
		}
		delete(t.kept, e)
	}
}

// release keeps what the build needs of a journey's text, which the
// model lets go once it returns true (model.Options.Release). It runs on
// the worker that decoded the journey, beside others.
func (t *texts) release(f *source.File, j *model.Journey) bool {
	if j.Draft && !t.drafts {
		return t.readers != 0 // neither a page nor downloads; a shelf keeps it whole instead
	}
	k := &keptText{left: t.readers}
	text := f.Raw
	switch {
	case t.readers == 0:
		at := sliceAt(f.Raw, f.Front)
		k.whole = &wholeText{file: f, front: [2]int{at, at + len(f.Front)},
			sums: [2]uint64{maphash.Bytes(t.seed, f.Front), maphash.Bytes(t.seed, f.Body)}, download: j.Download(t.ext)}
		k.body = len(f.Raw) - len(f.Body)
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
	t.kept[&j.Entry] = k
	t.mu.Unlock()
	return true
}

// sliceAt is where part starts in whole: source.Split makes a file's
// front matter a slice of the file.
func sliceAt(whole, part []byte) int {
	if at := cap(whole) - cap(part); at >= 0 && at+len(part) <= len(whole) && bytes.Equal(whole[at:at+len(part)], part) {
		return at
	}
	return bytes.Index(whole, part) // not a slice of it: where its text is
}

// pack compresses text into a Blob of its own: nothing of the file it
// is part of is kept.
func (t *texts) pack(text []byte) output.Blob {
	p := t.packers.Get()
	defer t.packers.Put(p)
	return p.Pack(text)
}

// take unpacks e's kept text for one of its readers, into dst when it
// has room (unless the blob is not packed: then text is its own bytes),
// and forgets it once the last has it (not a shelf's). ok is false when
// nothing is kept of it.
func (t *texts) take(e *model.Entry, dst []byte) (k keptText, text []byte, ok bool) {
	t.mu.Lock()
	kp := t.kept[e]
	if kp != nil {
		k = *kp // under the lock: another reader counts left down
		if kp.left > 0 {
			if kp.left--; kp.left == 0 {
				delete(t.kept, e)
			}
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
	_, text, ok := t.take(e, nil)
	if !ok {
		return nil // rendering its page says so
	}
	return text
}

// front is e's front matter: for a journey on a shelf, unpacked; nil
// when nothing is kept of it.
func (t *texts) front(e *model.Entry) []byte {
	if !e.Released {
		return e.Front
	}
	k, text, ok := t.take(e, nil)
	if !ok || k.whole == nil {
		return nil
	}
	return text[k.whole.front[0]:k.whole.front[1]]
}

// sums are the sums of e's front matter and body, with seed: for a
// journey on a shelf, those taken before it was let go.
func (t *texts) sums(e *model.Entry, seed maphash.Seed) [2]uint64 {
	if e.Released && t != nil {
		t.mu.Lock()
		k := t.kept[e]
		t.mu.Unlock()
		if k != nil && k.whole != nil {
			return k.whole.sums
		}
	}
	return [2]uint64{maphash.Bytes(seed, e.Front), maphash.Bytes(seed, e.Body)}
}

// blob is o's file as a shelf keeps it, when o is the .md download of a
// journey on it: a dev server's memory holds the same bytes.
func (t *texts) blob(o *plan.Output) (output.Blob, bool) {
	e := o.In.Source
	if e == nil || !e.Released {
		return output.Blob{}, false
	}
	t.mu.Lock()
	k := t.kept[e]
	t.mu.Unlock()
	if k == nil || k.whole == nil || k.whole.download != o.Path {
		return output.Blob{}, false
	}
	return k.text, true
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
	k, text, ok := t.take(e, dst)
	if buf != nil && k.text.Packed() && cap(text) <= 1<<20 {
		*buf = text[:0]
	}
	if !ok {
		return nil, "", 0, &diag.Error{Path: e.Path, Line: 1, Col: 1, Msg: "its text was not kept",
			Hint: fmt.Sprintf("a fault in Waymark, not in %s; please report it", e.Path)}
	}
	return text[k.body:], e.Path, e.BodyLine, nil
}
