package generator

import (
	"bytes"
	"context"
	"hash/maphash"
	"sync"

	"github.com/waymark-cx/waymark/generator/hub"
	"github.com/waymark-cx/waymark/generator/model"
	"github.com/waymark-cx/waymark/generator/output"
	"github.com/waymark-cx/waymark/generator/render"
	"github.com/waymark-cx/waymark/generator/source"
)

// Builder builds the same site again and again, as the dev server does,
// reusing what did not change: files whose size and time are unchanged
// are not read, split or decoded again, and an output (a page, a
// download, a static file, a part of the search index) is not made again
// while the sums of what it declared it reads (plan.Inputs) are
// unchanged: everything the whole site shares (configuration, theme, UI
// strings, the outputs' paths, the navigation, the date), plus what the
// output's product declared (its source file, the cards of the pages it
// shows, the hub's views). The result is always what a full build would
// give (TestIncrementalEqualsFull, TestPropertyIncremental).
type Builder struct {
	opts  Options
	keeps bool // for repeated builds (NewBuilder): keeps what each build made; Build's one-off keeps nothing
	src   *source.Cache
	model *model.Cache
	seed  maphash.Seed
	min   *minifier

	mu      sync.Mutex
	last    map[string]rendered // output path (or path and part ID) → the last good build's
	builtin []*source.File
	engine  *render.Engine
	// builtinSrc is what the built-in theme named builtinKey consists of.
	builtinKey string
	builtinSrc []byte
	// shelf keeps the journeys' files compressed, by entry, while the
	// model cache hands them out (texts.shelve).
	shelf map[*model.Entry]*keptText
	// own sums the fields of entries that do not depend on links, by
	// entry: the model cache hands out the same entry while its file is
	// unchanged, so each is summed once.
	own map[*model.Entry]sums
	// copies are the content sums of the static files, by output path,
	// of the last build that succeeded; nil after one that failed, whose
	// changes the next build is not told again.
	copies map[string]uint64
	// changed is what Build was told changed (nil: unknown); lastGood
	// is the last build, when it succeeded (bodyedit.go).
	changed  []string
	lastGood *lastBuild
	// first, hand and stop are what Early set; owed are the outputs
	// of lastGood an interrupted build left to make.
	first map[string]bool
	hand  func(made map[string]output.Blob, pending []string)
	stop  func() bool
	owed  []job
	// quick counts the builds made from the last one (bodyEdit), for
	// tests.
	quick int
	// images are the sizes of the images the builds read (checkImages).
	images map[string]imageStamp
	// hub is the last hub filled, which the next build's updates by the
	// journeys that changed (hub.Hub.Follow).
	hub *hub.Hub
}

// rendered is an output of the last build, and the key of what it was
// made of: a file as the dev server's memory keeps it, or a part of a
// joined file (plan.Joined) as made, to be joined again.
type rendered struct {
	key  uint64
	blob output.Blob
	data []byte
}

// NewBuilder returns a Builder for repeated builds of one site.
func NewBuilder(opts Options) *Builder {
	return &Builder{opts: opts, keeps: true, src: source.NewCache(), model: model.NewCache(), seed: maphash.MakeSeed()}
}

// Build builds the site, reusing the previous builds' work. changed lists
// the source paths (slash-separated, relative to the site) that changed
// since the last build, from file events: only those are read again. A nil
// changed means "unknown": every file is looked at.
func (b *Builder) Build(ctx context.Context, changed []string) (*Report, error) {
	if changed != nil {
		b.src.Changed(changed)
	}
	b.changed = changed
	return b.build(ctx)
}

// SetOutput sets where the next build writes.
func (b *Builder) SetOutput(w output.Writer) {
	b.opts.Output = w
}

// knownTemplates reports whether the engine renders with a built-in
// theme's templates and strings, unchanged: the products' declared
// inputs say what those show of other pages. With the site's own layouts,
// any page might show anything, so every output is made every time.
func (b *Builder) knownTemplates(eng *render.Engine, cfg model.Config) bool {
	if !b.keeps || b.opts.Themes == nil {
		return false
	}
	key := cfg.Theme + "\x00" + cfg.Language
	if b.builtinKey != key {
		b.builtinKey, b.builtinSrc = key, nil
		if t, ok := b.opts.Themes(cfg.Theme); ok {
			b.builtinSrc, _ = render.Sources(cfg.Language, render.Layer{FS: t})
		}
	}
	return b.builtinSrc != nil && bytes.Equal(eng.Sources(), b.builtinSrc)
}

// imageSizes is what a build knows of its images' sizes: for a Builder,
// those its earlier builds read, trusted for files not in changed (nil:
// unknown, none trusted); nothing for a one-off build.
func (b *Builder) imageSizes(changed []string) *imageSizes {
	if !b.keeps {
		return nil
	}
	if b.images == nil {
		b.images = map[string]imageStamp{}
	}
	s := &imageSizes{byPath: b.images}
	if changed != nil {
		s.changed = make(map[string]bool, len(changed))
		for _, p := range changed {
			s.changed[p] = true
		}
	}
	return s
}

func (b *Builder) minifier() *minifier {
	if b.min == nil {
		b.min = newMinifier()
	}
	return b.min
}

func (b *Builder) builtinTemplates() ([]*source.File, error) {
	if b.builtin != nil {
		return b.builtin, nil
	}
	files, err := source.ReadTemplates(b.opts.Templates, "templates")
	if err == nil && b.keeps {
		b.builtin = files
	}
	return files, err
}
