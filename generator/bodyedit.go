package generator

import (
	"bytes"
	"context"
	"errors"
	"hash/maphash"
	"io"
	"maps"
	"slices"
	"strings"
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

// lastBuild is what a Builder keeps of its last good build for the
// commonest edits while authoring: the text below the front matter of a
// journey, persona or handbook page, and a journey's map. The plan does
// not change with either. An output shows the body only if it declared
// the entry's whole file (plan.Inputs.Source), and every other output
// declared at most its front matter. A journey's new map that changes
// nothing another entry or list shows of it is written over the model's
// journey in place (model.Cache.EditJourney), and the hub's entries over
// theirs (hub.Hub.Edit): an output shows the map only if it declared
// the journey's front matter (Fronts) or source, or the parts of the
// hub's views that changed. So the last build's model, plan and files
// are used again, and only the outputs (and parts of the search index)
// that declared what changed are made anew (TestIncrementalEqualsFull
// and TestPropertyIncremental check that the result is what a full
// build gives).
type lastBuild struct {
	files   map[string]*source.File // content files by path
	entries map[string]*model.Entry // the entries outputs declared as their Source, by path
	outs    []*plan.Output
	out     output.Set // every file written, by name
	site    *model.Site
	hub     *hub.Hub
	eng     *render.Engine
	conv    *markup.Converter
	lanes   *markup.Converter // the text lanes' (checkLaneLinks)
	txt     *texts
	parts   map[string][]byte // parts of joined files that body edits made, by path and ID
	report  Report
}

func newLastBuild(set *source.Set, site *model.Site, h *hub.Hub, eng *render.Engine, conv, lanes *markup.Converter, txt *texts, outs []*plan.Output) *lastBuild {
	l := &lastBuild{files: make(map[string]*source.File, len(set.Content)), entries: map[string]*model.Entry{},
		outs: outs, site: site, hub: h, eng: eng, conv: conv, lanes: lanes, txt: txt, parts: map[string][]byte{}}
	for _, f := range set.Content {
		l.files[f.Path] = f
	}
	for _, o := range outs {
		l.declared(&o.In)
		if j := o.Joined; j != nil {
			for i := range j.Parts {
				l.declared(&j.Parts[i].In)
			}
		}
	}
	return l
}

func (l *lastBuild) declared(in *plan.Inputs) {
	if e := in.Source; e != nil {
		l.entries[e.Path] = e
	}
}

// bodyEdit rebuilds from the last build when every changed file is a
// content file whose front matter is as it was, or a journey whose new
// map changes nothing else (frontEdits). ok is false when it cannot, and
// the caller builds as usual.
func (b *Builder) bodyEdit(ctx context.Context, set *source.Set, changed []string, today time.Time, start time.Time) (rep *Report, ok bool, err error) {
	l := b.lastGood
	mem, toMem := b.opts.Output.(*output.Memory)
	// A new day may change review badges anywhere: that is a full build.
	if l == nil || !toMem || len(changed) == 0 || len(set.Content) != len(l.files) || !l.site.Now.Equal(today) {
		return nil, false, nil
	}
	cur := make(map[string]*source.File, len(l.files))
	for _, f := range set.Content {
		if _, want := l.files[f.Path]; !want {
			return nil, false, nil // a file came or went
		}
		cur[f.Path] = f
	}
	ed := &edits{entries: map[*model.Entry]bool{}}
	var fronts []string
	for _, p := range changed {
		old, nf, e := l.files[p], cur[p], l.entries[p]
		if !strings.HasPrefix(p, "content/") || old == nil || nf == nil || e == nil {
			return nil, false, nil
		}
		if !bytes.Equal(l.txt.front(e), nf.Front) || old.BodyLine != nf.BodyLine {
			fronts = append(fronts, p)
		}
		ed.entries[e] = true
	}
	if len(fronts) > 0 && !b.frontEdits(l, cur, fronts, ed) {
		return nil, false, nil
	}
	for _, p := range changed {
		e, nf := l.entries[p], cur[p]
		if !slices.Contains(fronts, p) {
			// A journey's text let go (texts.shelve) is the new
			// file's from now on.
			e.Front, e.Body, e.Released = nf.Front, nf.Body, false
			b.model.SameFront(l.files[p], nf)
		}
		delete(b.own, e) // the sums of its old text
		l.files[p] = nf
		l.txt.byPath[p] = nf
	}
	out, rendered, err := b.remake(ctx, l, ed)
	if err != nil {
		b.lastGood, b.owed = nil, nil // the model now holds the broken text
		return nil, true, err
	}
	mem.Load(out)
	l.out = out
	b.quick++
	l.report.Warnings = l.site.Warnings // a journey's may have changed
	r := l.report
	r.Rendered, r.Duration = rendered, time.Since(start)
	for _, jb := range b.owed {
		r.Pending = append(r.Pending, jb.o.Path)
	}
	return &r, true, nil
}

// edits is what changed since the last build, as outputs declare what
// they read (plan.Inputs).
type edits struct {
	entries  map[*model.Entry]bool   // whose files changed (Source)
	journeys map[*model.Journey]bool // whose front matter changed (Fronts)
	pains    map[*model.Journey]bool // whose stage names or pain points changed (Pains)
	owners   map[string]bool         // the teams those journeys name (Owner; hub.OwnerKey)
	views    hub.Part                // the parts of the hub's views that changed (Views)
	hub      func()                  // tells the hub of a journey written over; nil: told
}

// touch reports whether what in declares is among the edits.
func (ed *edits) touch(in *plan.Inputs) bool {
	if ed.entries[in.Source] || in.Views&ed.views != 0 && (in.Owner == "" || ed.owners[in.Owner]) {
		return true
	}
	for _, j := range in.Fronts {
		if ed.journeys[j] {
			return true
		}
	}
	for _, j := range in.Pains {
		if ed.pains[j] {
			return true
		}
	}
	return false
}

// frontEdits writes the new maps of the journeys at paths, whose front
// matter changed, over the last build's model, when each changes nothing
// but its own map (model.Cache.EditJourney), with the same card (what
// lists and other pages show of it), no broken link in its text lanes
// and the hub able to follow (hub.Hub.Editable); it adds what changed to
// ed. The hub is told of one journey once the pages that do not show
// it are made (ed.hub, called by remake), of several at once now.
// false: a full build is needed, which will not follow a hub any of
// them was written over in.
func (b *Builder) frontEdits(l *lastBuild, cur map[string]*source.File, paths []string, ed *edits) bool {
	if !l.hub.Filled() {
		l.hub.Fill() // as the last build would have, following b.hub
		b.hub = l.hub
	}
	ed.journeys, ed.pains, ed.owners = map[*model.Journey]bool{}, map[*model.Journey]bool{}, map[string]bool{}
	written := false // over the model: the hub may hold the old map
	opts := model.Options{Addresses: plan.Addresses()}
	for _, p := range paths {
		before, j, ok := b.model.EditJourney(l.site, l.files[p], cur[p], opts)
		if !ok && len(paths) == 1 {
			if before, j, ok = b.model.EditJourneyAndCard(l.site, l.files[p], cur[p], opts); ok {
				b.preview(l, p, cur[p], before, j)
				return false
			}
		}
		if !ok {
			return b.dropHub(written)
		}
		var errs diag.List
		checkLaneLinks(&model.Site{Journeys: []*model.Journey{j}}, l.lanes, &errs)
		newCard := b.card(&before) != b.card(j)
		if errs.Len() == 0 && len(paths) == 1 && newCard {
			b.preview(l, p, cur[p], before, j)
			return false
		}
		written = true
		delete(b.own, &j.Entry) // its sums are the old text's
		if errs.Len() > 0 || newCard || !l.hub.Editable(j, &before) {
			return b.dropHub(written)
		}
		ed.journeys[j] = true
		ed.views |= hub.Changed(&before, j)
		for _, n := range j.OwnerNames() { // before's too (Editable)
			ed.owners[hub.OwnerKey(n)] = true
		}
		if b.pains(&before) != b.pains(j) {
			ed.pains[j] = true
		}
		// Edit reads the other journeys as the hub has them: with
		// several, each is told before the next is written over.
		if len(paths) > 1 {
			l.hub.Edit(j, &before)
		} else {
			ed.hub = func() { l.hub.Edit(j, &before) }
		}
	}
	return true
}

// preview makes the pages open in a browser (Early) of journey j, just
// written over the model from nf, the new text of the file at path, with
// a new card (what lists show of it: its title, summary, tags, team,
// personas), and hands them over: the full build that follows, which
// plans the whole site again, would make them only after that. The pages
// are planned on their own (plan.Journey) as the full build plans them,
// and drawn from the model as it now is, as the full build draws them
// (TestPreviewEqualsFull). Then the journey is put back as it was
// (before), so that the full build finds it changed, and updates the
// last build's hub rather than fill one anew.
func (b *Builder) preview(l *lastBuild, path string, nf *source.File, before model.Journey, j *model.Journey) {
	defer b.model.UndoEdit(l.site, l.files[path], nf, before, j)
	if b.hand == nil || len(b.first) == 0 {
		return
	}
	var first []*plan.Output
	for _, o := range plan.Journey(plan.Env{Site: l.site, Hub: l.hub, Engine: l.eng, Raw: l.txt.raw}, j) {
		if b.opensFirst(o) {
			first = append(first, o)
		}
	}
	if len(first) == 0 {
		return
	}
	var errs diag.List
	m := &maker{eng: l.eng, conv: l.conv, min: b.minifier(), txt: l.txt, fail: func(e *diag.Error) { errs.Add(e) }}
	made := make(map[string]output.Blob, len(first))
	var p output.Packer
	for _, o := range first {
		m.page(o, func(name string, data []byte) error {
			made[name] = p.Pack(data)
			return nil
		}, nil)
	}
	if errs.Len() == 0 {
		b.hand(made, pending(l.outs, made))
	}
}

// pending names the outputs of a full build still to make once the pages
// made were handed over: every one but those and the static files, which
// an edit of content leaves as they were.
func pending(outs []*plan.Output, made map[string]output.Blob) []string {
	names := make([]string, 0, len(outs))
	for _, o := range outs {
		if _, open := made[o.Path]; !open && o.Copy == nil {
			names = append(names, o.Path)
		}
	}
	return names
}

// dropHub gives up a front edit: the next build fills the hub anew when
// a journey was written over, and false.
func (b *Builder) dropHub(written bool) bool {
	if written {
		b.hub = nil
	}
	return false
}

// pains sums what persona pages gather of j (Inputs.Pains).
func (b *Builder) pains(j *model.Journey) uint64 {
	var h maphash.Hash
	h.SetSeed(b.seed)
	return pains(&h, j)
}

// card sums what lists and other pages show of j (journeySums).
func (b *Builder) card(j *model.Journey) uint64 {
	f := &fingerprinter{seed: b.seed, own: map[*model.Entry]sums{}, journeys: map[*model.Journey]uint64{}}
	return f.journey(j)
}

// Early has the builds after an edit of content make first the outputs
// named in first (pages open in a browser) that do not show the hub's
// views, and hand them to hand, with the names of the outputs they will
// make after them, before making those: the dev server serves the pages
// an author looks at while the rest is made. A build made from the last
// one (bodyedit.go) hands them over when it makes more after them; a
// full one (an edit of what lists show, build.go's openFirst) once the
// site is planned. Nil first or hand: no hand-over. When stop,
// if not nil, reports true between two of the outputs made after, the
// build ends there, leaving the rest as they were (Report.Pending): the
// next build made from the last one makes them, after its open pages,
// and a full build all.
func (b *Builder) Early(first map[string]bool, hand func(made map[string]output.Blob, pending []string), stop func() bool) {
	b.first, b.hand, b.stop = first, hand, stop
}

// opensFirst reports whether o is a page open in a browser (Early) that
// does not show the hub's views: it is made first.
func (b *Builder) opensFirst(o *plan.Output) bool { return o.Page != nil && !o.Hub && b.first[o.Path] }

// job is an output to make again, and for a joined file the IDs of its
// parts to make.
type job struct {
	o   *plan.Output
	ids []string
}

// remake makes again the outputs of the last build that declared what
// was edited, and the parts of files that did, and those an interrupted
// build left (b.owed): first those named in b.first that do not show the
// hub's views, handed to b.hand, then the hub told of the edit (ed.hub),
// then the rest, until b.stop says to leave them to the next build.
func (b *Builder) remake(ctx context.Context, l *lastBuild, ed *edits) (out output.Set, rendered int, err error) {
	var errs diag.List
	m := &maker{eng: l.eng, conv: l.conv, min: b.minifier(), txt: l.txt, fail: func(e *diag.Error) { errs.Add(e) }}
	owed := make(map[*plan.Output][]string, len(b.owed))
	for _, jb := range b.owed {
		owed[jb.o] = jb.ids
	}
	var first, rest []job
	for _, o := range l.outs {
		ids, was := owed[o]
		switch {
		case o.Joined != nil:
			for _, p := range o.Joined.Parts {
				if ed.touch(&p.In) && !slices.Contains(ids, p.ID) {
					ids = append(ids, p.ID)
				}
			}
			if len(ids) > 0 {
				rest = append(rest, job{o, ids})
			}
		case !was && !ed.touch(&o.In):
		case b.opensFirst(o):
			first = append(first, job{o: o})
		default:
			rest = append(rest, job{o: o})
		}
	}
	made := map[string]output.Blob{}
	var p output.Packer // the outputs are made one after another
	put := func(name string, data []byte) error {
		made[name] = p.Pack(data)
		return nil
	}
	// After the open pages, a file being made stops as soon as b.stop
	// says (stopWriter): the export's long lists end at a failed write.
	interruptible, stopped := false, false
	stream := func(name string, fill func(io.Writer) error) error {
		var buf bytes.Buffer
		var w io.Writer = &buf
		if interruptible && b.stop != nil {
			w = &stopWriter{w: &buf, stop: b.stop}
		}
		if err := fill(w); err != nil {
			if errors.Is(err, errStopped) {
				stopped = true
				return nil
			}
			return err
		}
		return put(name, buf.Bytes())
	}
	makeOne := func(jb job) {
		switch o := jb.o; {
		case o.Joined != nil:
			if data, changed := b.remakeParts(l, o, jb.ids); changed {
				made[o.Path] = p.Pack(data)
			}
		case o.Page != nil:
			m.page(o, put, nil)
			rendered++
		default:
			m.file(o, put, stream, nil)
		}
	}
	for _, jb := range first {
		makeOne(jb)
	}
	if len(first) > 0 && len(rest) > 0 && b.hand != nil && errs.Len() == 0 {
		pending := make([]string, len(rest))
		for i, jb := range rest {
			pending[i] = jb.o.Path
		}
		b.hand(maps.Clone(made), pending)
	}
	if ed.hub != nil {
		ed.hub() // always: the hub must hold the model's journeys
	}
	b.owed = nil
	interruptible = true
	for i, jb := range rest {
		if b.stop != nil && b.stop() {
			b.owed = rest[i:]
			break
		}
		if makeOne(jb); stopped {
			b.owed = rest[i:]
			break
		}
	}
	if err := ctx.Err(); err != nil {
		return output.Set{}, 0, err
	}
	if err := errs.Err(); err != nil {
		return output.Set{}, 0, err
	}
	return l.out.With(made), rendered, nil
}

// stopWriter writes to w until stop reports true, then fails with
// errStopped.
type stopWriter struct {
	w    io.Writer
	stop func() bool
}

func (s *stopWriter) Write(p []byte) (int, error) {
	if s.stop() {
		return 0, errStopped
	}
	return s.w.Write(p)
}

// errStopped is a file's making stopped for another change (stopWriter).
var errStopped = errors.New("stopped: another change waits")

// remakeParts makes the parts of a joined file with the given IDs again,
// and joins them with the others: those made by earlier edits, else the
// last full build's. changed is false, and nothing joined, when each part
// made is what it was (a journey's new emotion is not in the search
// index). The parts made are kept in l, not in the Builder's cache,
// where they would sit under the key of the text they replaced: an edit
// that brings that text back would get them.
func (b *Builder) remakeParts(l *lastBuild, o *plan.Output, ids []string) (data []byte, changed bool) {
	if len(ids) == 0 {
		return nil, false
	}
	j := o.Joined
	made := make([][]byte, len(j.Parts))
	b.mu.Lock()
	defer b.mu.Unlock()
	for i := range j.Parts {
		p := &j.Parts[i]
		name := o.Path + "\x00" + p.ID
		data, ok := l.parts[name]
		if !ok {
			data = b.last[name].data
		}
		if slices.Contains(ids, p.ID) {
			was := data
			data = p.Make()
			l.parts[name] = data
			changed = changed || !bytes.Equal(was, data)
		}
		made[i] = data
	}
	if !changed {
		return nil, false
	}
	var buf bytes.Buffer
	joinParts(&buf, j, made)
	return buf.Bytes(), true
}
