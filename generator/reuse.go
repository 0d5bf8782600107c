package generator

import (
	"io"
	"sync"

	"github.com/waymark-cx/waymark/generator/model"
	"github.com/waymark-cx/waymark/generator/output"
	"github.com/waymark-cx/waymark/generator/plan"
	"github.com/waymark-cx/waymark/generator/render"
	"github.com/waymark-cx/waymark/generator/source"
)

// reuser decides, output by output, whether the last build's can be
// written again: while the sums of all that the output declared it reads
// (plan.Inputs) are unchanged.
type reuser struct {
	b      *Builder
	keys   map[*plan.Output]uint64
	parts  map[*plan.Output][]uint64 // the keys of a joined file's parts
	copies map[string]uint64         // the content sums of files to copy
	mu     sync.Mutex
	next   map[string]rendered // by output path, or path + "\x00" + part ID
	mem    *output.Memory      // where the build writes, when active
	active bool
}

// planned is what a build planned, for the reuser to sum.
type planned struct {
	set     *source.Set
	site    *model.Site
	eng     *render.Engine
	outs    []*plan.Output
	statics *staticSet
	txt     *texts
	changed []string          // the paths changed since the last build; nil: unknown
	copies  map[string]uint64 // the last good build's sums of files to copy
}

// reuser readies the reuse of the last build's outputs: a Builder's
// builds into memory (the dev server's), with the theme's templates
// known.
func (b *Builder) reuser(pl planned, known bool) *reuser {
	site, outs := pl.site, pl.outs
	mem, _ := b.opts.Output.(*output.Memory)
	r := &reuser{b: b, keys: make(map[*plan.Output]uint64, len(outs)), parts: map[*plan.Output][]uint64{},
		next: make(map[string]rendered, len(b.last)), mem: mem,
		active: b.keeps && known && mem != nil}
	if !r.active {
		return r
	}
	f := &fingerprinter{seed: b.seed, txt: pl.txt, journeys: map[*model.Journey]uint64{}, personas: map[*model.Persona]uint64{},
		prevOwn: b.own, own: make(map[*model.Entry]sums, len(b.own)),
		copies: b.copySums(pl.copies, outs, pl.changed == nil || touchesStatics(pl.changed, pl.statics.linked))}
	r.copies = f.copies
	defer func() { b.own = f.own }()
	global := f.global(pl.set, site, pl.eng, outs, pl.statics.files, b.opts)
	all := f.all(site)
	fh, th, ih, mh, sh := f.hash(), f.hash(), f.hash(), f.hash(), f.hash()
	for _, j := range site.Journeys {
		js := f.journeySums(j)
		num(fh, js.front)
		num(th, js.touchpoints)
		num(ih, js.items)
		num(mh, js.metrics)
		num(sh, js.scores)
	}
	f.touchpoints, f.items, f.metrics, f.scores = th.Sum64(), ih.Sum64(), mh.Sum64(), sh.Sum64()
	for _, p := range site.Personas {
		num(fh, f.personaSums(p).front)
	}
	f.fronts = fh.Sum64()
	for _, o := range outs {
		r.keys[o] = f.output(o, global, all)
		if j := o.Joined; j != nil {
			keys := make([]uint64, len(j.Parts))
			for i := range j.Parts {
				keys[i] = f.part(&j.Parts[i], global, all)
			}
			r.parts[o] = keys
		}
	}
	return r
}

// makesHub reports whether any output that shows the hub's views will be
// made (rather than reused), so that the views must be computed.
func (r *reuser) makesHub(outs []*plan.Output) bool {
	if !r.active {
		return true
	}
	r.b.mu.Lock()
	defer r.b.mu.Unlock()
	for _, o := range outs {
		if !o.Hub {
			continue
		}
		if prev, ok := r.b.last[o.Path]; !ok || prev.key != r.keys[o] {
			return true
		}
	}
	return false
}

// tryReuse writes the last build's o again, as it was kept, if what o
// reads is unchanged.
func (r *reuser) tryReuse(o *plan.Output, out *sink) bool {
	if !r.active {
		return false
	}
	r.b.mu.Lock()
	prev, ok := r.b.last[o.Path]
	r.b.mu.Unlock()
	if !ok || prev.key != r.keys[o] {
		return false
	}
	if err := out.put(r.mem, o.Path, prev.blob); err != nil {
		return false
	}
	r.mu.Lock()
	r.next[o.Path] = prev
	if j := o.Joined; j != nil {
		r.b.mu.Lock()
		for _, p := range j.Parts { // the next build may reuse them one by one
			name := o.Path + "\x00" + p.ID
			r.next[name] = r.b.last[name]
		}
		r.b.mu.Unlock()
	}
	r.mu.Unlock()
	return true
}

// keep wraps write to remember what an output was made of, and the file
// the output kept.
func (r *reuser) keep(o *plan.Output, write func(string, []byte) error) func(string, []byte) error {
	if !r.active {
		return write
	}
	return func(name string, data []byte) error {
		if err := write(name, data); err != nil {
			return err
		}
		r.kept(o, name)
		return nil
	}
}

// keepStream is keep for a file written a piece at a time.
func (r *reuser) keepStream(o *plan.Output, stream func(string, func(io.Writer) error) error) func(string, func(io.Writer) error) error {
	if !r.active {
		return stream
	}
	return func(name string, fill func(io.Writer) error) error {
		if err := stream(name, fill); err != nil {
			return err
		}
		r.kept(o, name)
		return nil
	}
}

// kept remembers o's file, name, as the output keeps it.
func (r *reuser) kept(o *plan.Output, name string) {
	if !r.active {
		return
	}
	blob, _ := r.mem.Blob(name)
	r.mu.Lock()
	r.next[name] = rendered{key: r.keys[o], blob: blob}
	r.mu.Unlock()
}

// commit makes this build's outputs the ones the next build may reuse.
// A build that reused nothing (with the site's own templates) leaves
// nothing to reuse: what the last one kept is not what it wrote.
func (r *reuser) commit() {
	r.b.mu.Lock()
	if r.active {
		r.b.last, r.b.copies = r.next, r.copies
	} else {
		r.b.last, r.b.copies = nil, nil
	}
	r.b.mu.Unlock()
}
