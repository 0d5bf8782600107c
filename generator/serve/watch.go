package serve

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"time"

	"github.com/fsnotify/fsnotify"

	"github.com/waymark-cx/waymark/generator/source"
)

// watchedDirs are the folders of a site whose changes trigger a rebuild,
// recursively; waymark.toml at the root is watched too.
func watchedDirs() []string {
	return []string{"content", "static", "layouts", "templates", "themes", "i18n"}
}

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

// watchNotify watches the site with fsnotify (inotify on Linux) and sends
// relevant changed paths to out until ctx ends. Watches are not recursive
// on Linux, so every folder is added, and folders created later as their
// events arrive; folders, not files, are watched, so that editors that
// save by renaming a temporary file over the original keep working.
func watchNotify(ctx context.Context, root string, out chan<- string) error {
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
				if !relevant(rel) {
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
func watchPoll(ctx context.Context, root string, interval time.Duration, out chan<- string) {
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
		return seen
	}
	// The first scan is made before watchPoll returns: made later, it
	// would take in an edit saved meanwhile and never report it.
	prev := scan()
	go func() {
		t := time.NewTicker(interval)
		defer t.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-t.C:
			}
			cur := scan()
			var changed []string
			for p, s := range cur {
				if old, ok := prev[p]; !ok || old != s {
					changed = append(changed, p)
				}
			}
			for p := range prev {
				if _, ok := cur[p]; !ok {
					changed = append(changed, p)
				}
			}
			prev = cur
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
