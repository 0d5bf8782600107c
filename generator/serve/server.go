package serve

import (
	"context"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"net/url"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/waymark-cx/waymark/generator"
	"github.com/waymark-cx/waymark/generator/output"
)

//go:embed livereload.js
var liveReloadJS string

// Options configure the dev server.
type Options struct {
	Root  string            // the site folder on disk, to watch and to quote errors from
	Build generator.Options // how to build; Output is set by the server
	Addr  string            // host:port to listen on; default 127.0.0.1:1313
	// Poll, when positive, polls the files at this interval instead of
	// using inotify.
	Poll time.Duration
	Log  io.Writer
	// Quiet is how long a burst of file events must pause before a
	// rebuild; MaxWait caps the wait. Defaults: 3ms and 300ms: an editor's
	// save is a burst well under a millisecond apart.
	Quiet, MaxWait time.Duration
}

// idleAfter is how long after a rebuild, with no other, the server
// hands the memory the builds freed back to the system.
const idleAfter = time.Second

// DefaultAddr is where serve listens unless told otherwise: loopback only.
const DefaultAddr = "127.0.0.1:1313"

// Server serves the last good build of a site and rebuilds it on change.
type Server struct {
	opts    Options
	builder *generator.Builder
	hub     *hub
	done    chan struct{} // closed when the server shuts down
	links   *linked       // files static links lead to, watched too
	// interrupt reports a batch of changes waiting (Run); waiting is
	// open while files a rebuild left are pending (settle). Both are
	// the rebuilds' alone.
	interrupt func() bool
	waiting   chan struct{}

	mu  sync.RWMutex
	cur state // what is served; a request takes it whole (snapshot)
}

// state is the last good build as it is served, and the mistakes of the
// latest build. A request takes a copy (snapshot), and so sees one build
// throughout: a build replaces the files, and never changes them.
type state struct {
	files output.Set     // the last good build, compressed as output.Memory keeps it
	fsys  fs.FS          // the same files, for http.FileServer
	build int            // its number: pages loaded from an older one reload
	base  string         // its base path
	errs  []overlayError // the mistakes of the latest build, nil when good
	// pending are the files a rebuild is making again after the open
	// pages it made first (Server.early), or left to the next one
	// (settle); ready is closed once they are made, or a rebuild failed.
	pending map[string]bool
	ready   chan struct{}
}

// New returns a server; Run starts it.
func New(opts Options) *Server {
	if opts.Addr == "" {
		opts.Addr = DefaultAddr
	}
	if opts.Log == nil {
		opts.Log = io.Discard
	}
	if opts.Quiet <= 0 {
		opts.Quiet = 3 * time.Millisecond
	}
	if opts.MaxWait <= 0 {
		opts.MaxWait = 300 * time.Millisecond
	}
	return &Server{opts: opts, builder: generator.NewBuilder(opts.Build), hub: newHub(), done: make(chan struct{}), links: newLinked(),
		cur: state{fsys: output.FS(output.Set{}), base: "/"}}
}

// Run builds the site, listens, watches and rebuilds until ctx ends, then
// shuts down cleanly. ready, if not nil, gets the site's URL once the
// server accepts connections.
func (s *Server) Run(ctx context.Context, ready func(url string)) error {
	ln, err := net.Listen("tcp", s.opts.Addr)
	if err != nil {
		return fmt.Errorf("cannot listen on %s: %w\n\thint: is another server using it? choose another with --addr 127.0.0.1:PORT", s.opts.Addr, err)
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	// Watching starts before the first build, so that a file saved
	// while it runs is built again.
	events := make(chan string, 64)
	if s.opts.Poll > 0 {
		watchPoll(ctx, s.opts.Root, s.opts.Poll, s.links, events)
	} else if err := watchNotify(ctx, s.opts.Root, s.links, events); err != nil {
		ln.Close()
		return err
	}
	s.Rebuild(ctx, nil)
	// Room for one batch: a rebuild that sees it waiting leaves the
	// hub's files it has still to make to the next (Builder.Early).
	batches := make(chan []string, 1)
	go batch(ctx, events, batches, s.opts.Quiet, s.opts.MaxWait)
	s.interrupt = func() bool { return len(batches) > 0 }

	srv := &http.Server{Handler: s, ReadHeaderTimeout: 10 * time.Second}
	srv.RegisterOnShutdown(func() { close(s.done) })
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	if ready != nil {
		ready(s.URL(ln.Addr().String()))
	}
	// A rebuild leaves garbage that the runtime hands back to the system
	// only slowly; once the author pauses, the server gives it back.
	idle := time.NewTimer(time.Hour)
	idle.Stop()
	defer idle.Stop()
	for {
		select {
		case <-ctx.Done():
			shutdown, stop := context.WithTimeout(context.Background(), 3*time.Second)
			err := srv.Shutdown(shutdown)
			stop()
			if err != nil {
				// A connection that would not finish in time: cut it.
				err = srv.Close()
			}
			<-served
			return err
		case err := <-served:
			return err
		case paths, ok := <-batches:
			if !ok {
				continue
			}
			s.Rebuild(ctx, paths)
			idle.Reset(idleAfter)
		case <-idle.C:
			freeMemory()
		}
	}
}

// freeMemory hands what the builds freed back to the system. The
// buffers a build's workers keep for one another (sync.Pools: the
// compressors of the kept outputs, a megabyte each, the writers' buffers)
// outlive one collection, which moves them aside, and go with the next:
// idle, the server would hold them until its next build. So it collects
// once before debug.FreeOSMemory collects again.
func freeMemory() {
	runtime.GC()
	debug.FreeOSMemory()
}

// URL is the address of the site on a listener address.
func (s *Server) URL(hostport string) string {
	return "http://" + hostport + s.snapshot().base
}

// Rebuild builds the site again. On success the new files replace the
// old and open pages reload (or only swap stylesheets when nothing but
// CSS changed); on a mistake the last good build stays and open pages
// show the errors.
func (s *Server) Rebuild(ctx context.Context, changed []string) {
	start := time.Now()
	if slices.Contains(changed, "") {
		changed = nil // events were lost: look at every file
	}
	mem := output.NewMemorySized(s.snapshot().files.Len())
	s.builder.SetOutput(mem)
	early := &earlyState{start: start}
	s.builder.Early(s.openNames(), func(made map[string]output.Blob, pending []string) { s.early(early, made, pending) }, s.interrupt)
	settled := false
	defer func() {
		if !settled {
			s.settle(nil) // failed or stopped: no file waits for it
		}
	}()
	rep, err := s.builder.Build(ctx, changed)
	if err != nil {
		if ctx.Err() != nil {
			return
		}
		errs := overlayErrors(s.opts.Root, s.opts.Build.Themes, err)
		s.mu.Lock()
		s.cur.errs = errs
		s.mu.Unlock()
		fmt.Fprintln(s.opts.Log, err)
		fmt.Fprintf(s.opts.Log, "waymark: %d %s; still serving the last good build\n", len(errs), plural(len(errs), "mistake", "mistakes"))
		b, _ := json.Marshal(errs)
		s.hub.broadcast(event{name: "errors", data: string(b)})
		return
	}
	s.links.set(rep.Linked)
	files := mem.Take() // a Memory a rebuild of its own
	prev := s.snapshot()
	diff := prev.files.Changed(files) // the files made since, for a rebuild made from the last build
	var fsys fs.FS
	if prev.files.Len() > 0 && sameNames(prev.files, files, diff) {
		fsys = output.NextFS(prev.fsys, files) // the commonest rebuild: a few files changed
	} else {
		fsys = output.FS(files)
	}
	first := prev.files.Len() == 0 // the first good build
	s.mu.Lock()
	hadErrors := s.cur.errs != nil
	build := s.cur.build
	if !first && len(diff) > 0 && !early.sent {
		build++
	}
	s.cur = state{files: files, fsys: fsys, build: build, base: rep.Site.Config.BasePath}
	s.mu.Unlock()
	s.settle(rep.Pending)
	settled = true
	switch {
	case first:
	case early.sent:
		// The open pages reloaded with the first of this build's files.
	case len(diff) == 0:
		if hadErrors {
			s.hub.broadcast(event{name: "ok", data: "{}"})
		}
	case cssOnly(diff):
		s.hub.broadcast(event{name: "reload", data: `{"css":true}`})
	default:
		s.hub.broadcast(event{name: "reload", data: `{"css":false}`})
	}
	if first || rep.Rendered > rep.Files/20 {
		// A build that drew most pages left behind as much memory as
		// it kept; the server holds it, idle, until the next such
		// build: hand it back to the system now.
		freeMemory()
	}
	if changed != nil {
		pages := ""
		if early.sent {
			pages = fmt.Sprintf(" (the open pages in %s)", early.after.Round(100*time.Microsecond))
		}
		fmt.Fprintf(s.opts.Log, "waymark: rebuilt in %s%s: %d %s changed (%s)\n",
			time.Since(start).Round(100*time.Microsecond), pages, len(diff), plural(len(diff), "file", "files"), strings.Join(short(changed), ", "))
	}
}

// openNames are the files of the pages open in a browser, by their
// paths below the base.
func (s *Server) openNames() map[string]bool {
	base, err := url.PathUnescape(s.snapshot().base)
	if err != nil {
		return nil
	}
	names := map[string]bool{}
	for _, p := range s.hub.pages() {
		if u, err := url.PathUnescape(p); err == nil {
			p = u // as a page's script reports it, escaped
		}
		if rest, ok := strings.CutPrefix(p, base); ok && inside(rest) {
			names[pageName(rest)] = true
		}
	}
	return names
}

// earlyState is what a rebuild handed to open pages before it ended.
type earlyState struct {
	start time.Time     // of the rebuild
	sent  bool          // the open pages reloaded
	after time.Duration // since start, when they did
}

// early serves the pages open in a browser, made first by a rebuild
// (generator.Builder.Early), with the last build's other files, and
// reloads them; a request for a file still to be made (pending) waits
// until it is.
func (s *Server) early(e *earlyState, made map[string]output.Blob, pending []string) {
	prev := s.snapshot()
	if prev.files.Len() == 0 || prev.errs != nil || e.sent {
		return
	}
	for name := range made {
		if _, ok := prev.files.Get(name); !ok {
			return // a page new to the site: its folder is not served yet
		}
	}
	e.sent, e.after = true, time.Since(e.start)
	if s.waiting == nil {
		s.waiting = make(chan struct{})
	}
	s.mu.Lock()
	s.cur = state{files: prev.files, fsys: output.Overlay(prev.fsys, made), build: prev.build + 1, base: prev.base,
		pending: setOf(pending), ready: s.waiting}
	s.mu.Unlock()
	s.hub.broadcast(event{name: "reload", data: `{"css":false}`})
}

// settle marks the files a rebuild left to the next (Report.Pending),
// which requests wait for; with none, the requests waiting go on.
func (s *Server) settle(pending []string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(pending) > 0 {
		if s.waiting == nil {
			s.waiting = make(chan struct{})
		}
		s.cur.pending, s.cur.ready = setOf(pending), s.waiting
		return
	}
	s.cur.pending, s.cur.ready = nil, nil
	if s.waiting != nil {
		close(s.waiting)
		s.waiting = nil
	}
}

func setOf(names []string) map[string]bool {
	m := make(map[string]bool, len(names))
	for _, n := range names {
		m[n] = true
	}
	return m
}

// sameNames reports whether cur holds the names old does, given diff,
// the names whose files differ between them (output.Set.Changed).
func sameNames(old, cur output.Set, diff []string) bool {
	if old.Len() != cur.Len() {
		return false
	}
	for _, n := range diff {
		if _, ok := old.Get(n); !ok {
			return false
		}
		if _, ok := cur.Get(n); !ok {
			return false
		}
	}
	return true
}

func cssOnly(names []string) bool {
	for _, n := range names {
		if !strings.HasSuffix(n, ".css") {
			return false
		}
	}
	return len(names) > 0
}

func short(paths []string) []string {
	if len(paths) > 3 {
		return append(paths[:3:3], fmt.Sprintf("%d more", len(paths)-3))
	}
	return paths
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// snapshot returns what is served now.
func (s *Server) snapshot() state {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.cur
}

// Files returns the files of the last good build, for tests.
func (s *Server) Files() map[string][]byte {
	files := s.snapshot().files
	out := make(map[string][]byte, files.Len())
	files.Each(func(name string, b output.Blob) bool {
		out[name] = b.Bytes()
		return true
	})
	return out
}

// Errors reports the mistakes of the latest build, nil when it was good.
func (s *Server) Errors() error {
	errs := s.snapshot().errs
	if errs == nil {
		return nil
	}
	return errors.New(errs[0].Location + ": " + errs[0].Message)
}
