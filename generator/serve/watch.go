package serve

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/fsnotify/fsnotify"

	"github.com/waymark-cx/waymark/generator/source"
)

// watchedDirs are the folders of a site whose changes trigger a rebuild,
// recursively; waymark.toml at the root is watched too.
func watchedDirs() []string { return source.Folders() }

// relevant reports whether a changed path (slash-separated, relative to
// the site root) can change the site: editor temporary files and anything
// outside the watched folders (such as the output folder) cannot.
func relevant(rel string) bool {
	if rel == source.ConfigFile {
		return true
	}
	parts := strings.Split(rel, "/")
	if len(parts) < 2 && !isWatchedDir(rel) {
		return false
	}
	if !isWatchedDir(parts[0]) {
		return false
	}
	for _, p := range parts {
		if source.Ignored(p) {
			return false
		}
	}
	return true
}

func isWatchedDir(name string) bool {
	return slices.Contains(watchedDirs(), name)
}

// linked is the set of files outside the watched folders that the site's
// static links lead to (generator.Report.Linked), and of folders, when
// static/ itself is a link: they change the output as the files in
// static/ do. The watcher takes each build's set in.
type linked struct {
	mu      sync.Mutex
	entries []string                    // sorted slash paths from the site root; a folder ends in "/"
	watched map[string]bool             // folders watched: "dir" alone, or "dir/" and below
	watch   func(dir string, tree bool) // starts watching (inotify); nil when polling
}

func newLinked() *linked { return &linked{watched: map[string]bool{}} }

// set makes paths (slash-separated, relative to the site root; a folder
// ends in "/") the set, and watches the folders of those not watched
// already. A folder stays watched when it leaves the set: its events are
// filtered out.
func (l *linked) set(paths []string) {
	var entries []string
	for _, p := range paths {
		dir, tree := strings.CutSuffix(p, "/")
		if fs.ValidPath(dir) && dir != "." && (tree || !relevant(p)) {
			entries = append(entries, p)
		}
	}
	slices.Sort(entries)
	l.mu.Lock()
	l.entries = entries
	watch, dirs := l.newDirs()
	l.mu.Unlock()
	// Outside the lock: the watcher's event loop asks has() meanwhile.
	for _, d := range dirs {
		watch(strings.TrimSuffix(d, "/"), strings.HasSuffix(d, "/"))
	}
}

// newDirs marks the folders of the set's files, and its folders, that
// are not watched yet as watched, and returns them (a whole tree ends in
// "/") with the function that watches them; none before the watcher
// starts. l.mu is held.
func (l *linked) newDirs() (func(string, bool), []string) {
	if l.watch == nil {
		return nil, nil
	}
	var dirs []string
	for _, e := range l.entries {
		d := e
		if !strings.HasSuffix(e, "/") {
			d = path.Dir(e)
		}
		if !l.watched[d] {
			l.watched[d] = true
			dirs = append(dirs, d)
		}
	}
	return l.watch, dirs
}

// has reports whether rel is in the set: a file of it, or below one of
// its folders.
func (l *linked) has(rel string) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	return covers(l.entries, rel)
}

// list is the set, sorted; folders end in "/".
func (l *linked) list() []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return slices.Clone(l.entries)
}

// onWatch sets how a folder is watched, and watches the folders of what
// is already in the set.
func (l *linked) onWatch(watch func(dir string, tree bool)) {
	l.mu.Lock()
	l.watch = watch
	_, dirs := l.newDirs()
	l.mu.Unlock()
	for _, d := range dirs {
		watch(strings.TrimSuffix(d, "/"), strings.HasSuffix(d, "/"))
	}
}

// watchNotify watches the site with fsnotify (inotify on Linux) and sends
// relevant changed paths to out until ctx ends. Watches are not recursive
// on Linux, so every folder is added, and folders created later as their
// events arrive; folders, not files, are watched, so that editors that
// save by renaming a temporary file over the original keep working.
func watchNotify(ctx context.Context, root string, links *linked, out chan<- string) error {
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return watchError(err)
	}
	add := func(dir string) error {
		return filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil || !d.IsDir() {
				return nil
			}
			if p != dir && source.Ignored(d.Name()) {
				return filepath.SkipDir
			}
			if err := w.Add(p); err != nil {
				return watchError(err)
			}
			return nil
		})
	}
	if err := w.Add(root); err != nil {
		w.Close()
		return watchError(err)
	}
	for _, d := range watchedDirs() {
		if err := add(filepath.Join(root, d)); err != nil {
			w.Close()
			return err
		}
	}
	// A linked file's folder alone, not below it: only the file counts;
	// a linked folder and all below it. A folder that cannot be watched
	// (gone since the build) is left.
	links.onWatch(func(dir string, tree bool) {
		full := filepath.Join(root, filepath.FromSlash(dir))
		if tree {
			_ = add(full)
		} else {
			_ = w.Add(full)
		}
	})
	go func() {
		defer w.Close()
		for {
			select {
			case <-ctx.Done():
				return
			case ev, ok := <-w.Events:
				if !ok {
					return
				}
				rel, err := filepath.Rel(root, ev.Name)
				if err != nil {
					continue
				}
				rel = filepath.ToSlash(rel)
				if !relevant(rel) && !links.has(rel) {
					continue
				}
				if ev.Has(fsnotify.Create) {
					if fi, err := os.Stat(ev.Name); err == nil && fi.IsDir() {
						_ = add(ev.Name)
					}
				}
				select {
				case out <- rel:
				case <-ctx.Done():
					return
				}
			case err, ok := <-w.Errors:
				if !ok {
					return
				}
				_ = err
				// Events were lost (an overflow): rebuild looking at everything.
				select {
				case out <- "":
				case <-ctx.Done():
					return
				}
			}
		}
	}()
	return nil
}

// covers reports whether a linked set, as list gives it, holds rel: as a
// file, or below one of its folders. The set is a few entries at most.
func covers(set []string, rel string) bool {
	for _, e := range set {
		if e == rel || strings.HasSuffix(e, "/") && strings.HasPrefix(rel, e) {
			return true
		}
	}
	return false
}

// watchError explains the errors people hit when watching large trees.
func watchError(err error) error {
	switch {
	case errors.Is(err, syscall.ENOSPC):
		return fmt.Errorf("cannot watch the site's folders: the system's inotify watch limit is reached\n\thint: raise it with: sudo sysctl fs.inotify.max_user_watches=524288 (add it to /etc/sysctl.conf to keep it), or run waymark serve --poll")
	case errors.Is(err, syscall.EMFILE):
		return fmt.Errorf("cannot watch the site's folders: too many inotify instances\n\thint: raise it with: sudo sysctl fs.inotify.max_user_instances=512, or run waymark serve --poll")
	}
	return fmt.Errorf("cannot watch the site's folders: %w\n\thint: on network mounts and some containers inotify does not work; run waymark serve --poll", err)
}

// stamp is what polling compares.
type stamp struct {
	mod  time.Time
	size int64
}

// watchPoll compares modification times and sizes of every watched file
// each interval, for file systems where inotify does not work.
func watchPoll(ctx context.Context, root string, interval time.Duration, links *linked, out chan<- string) {
	scan := func() map[string]stamp {
		seen := map[string]stamp{}
		if fi, err := os.Stat(filepath.Join(root, source.ConfigFile)); err == nil {
			seen[source.ConfigFile] = stamp{fi.ModTime(), fi.Size()}
		}
		for _, d := range watchedDirs() {
			_ = filepath.WalkDir(filepath.Join(root, d), func(p string, e fs.DirEntry, err error) error {
				if err != nil {
					return nil
				}
				rel, _ := filepath.Rel(root, p)
				rel = filepath.ToSlash(rel)
				if e.IsDir() {
					if p != filepath.Join(root, d) && source.Ignored(e.Name()) {
						return filepath.SkipDir
					}
					return nil
				}
				if !relevant(rel) {
					return nil
				}
				if fi, err := e.Info(); err == nil {
					seen[rel] = stamp{fi.ModTime(), fi.Size()}
				}
				return nil
			})
		}
		for _, rel := range links.list() {
			if dir, ok := strings.CutSuffix(rel, "/"); ok {
				_ = filepath.WalkDir(filepath.Join(root, filepath.FromSlash(dir)), func(p string, e fs.DirEntry, err error) error {
					if err != nil || e.IsDir() || source.Ignored(e.Name()) {
						return nil
					}
					if fi, err := e.Info(); err == nil {
						r, _ := filepath.Rel(root, p)
						seen[filepath.ToSlash(r)] = stamp{fi.ModTime(), fi.Size()}
					}
					return nil
				})
			} else if fi, err := os.Stat(filepath.Join(root, filepath.FromSlash(rel))); err == nil {
				seen[rel] = stamp{fi.ModTime(), fi.Size()}
			}
		}
		return seen
	}
	// The first scan is made before watchPoll returns: made later, it
	// would take in an edit saved meanwhile and never report it.
	prev, prevLinks := scan(), links.list()
	go func() {
		t := time.NewTicker(interval)
		defer t.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-t.C:
			}
			curLinks := links.list()
			cur := scan()
			var changed []string
			for p, s := range cur {
				old, ok := prev[p]
				if !ok && !relevant(p) && !covers(prevLinks, p) {
					continue // linked since the last scan: the build read it
				}
				if !ok || old != s {
					changed = append(changed, p)
				}
			}
			for p := range prev {
				if _, ok := cur[p]; !ok {
					changed = append(changed, p)
				}
			}
			prev, prevLinks = cur, curLinks
			for _, p := range changed {
				select {
				case out <- p:
				case <-ctx.Done():
					return
				}
			}
		}
	}()
}
