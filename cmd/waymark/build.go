package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sync/atomic"
	"time"

	"github.com/waymark-cx/waymark"
	"github.com/waymark-cx/waymark/generator"
	"github.com/waymark-cx/waymark/themes"
)

func (m *Main) build(ctx context.Context, args []string) int {
	fs := m.flags("build", "waymark build [-s SOURCE] [-d DEST] [--base-url URL] [--drafts] [--force]",
		"Build the handbook in SOURCE into the folder DEST. A build with mistakes\nwrites nothing: DEST keeps the previous build. When nothing changed since\nthe last build into DEST, nothing is built again.")
	var src, dest, baseURL string
	var drafts, force bool
	fs.StringVar(&src, "s", ".", "the site `folder` (holding waymark.toml)")
	fs.StringVar(&src, "source", ".", "same as -s")
	fs.StringVar(&dest, "d", "public", "the output `folder`; relative to SOURCE unless absolute")
	fs.StringVar(&dest, "dest", "public", "same as -d")
	fs.StringVar(&baseURL, "base-url", "", "override base_url from waymark.toml, e.g. for preview builds")
	fs.BoolVar(&drafts, "drafts", false, "include pages marked draft = true")
	fs.BoolVar(&force, "force", false, "build even when nothing changed since the last build")
	if code, ok := m.parse(fs, args); !ok {
		return code
	}
	if !m.siteFolder(src) {
		return exitContent
	}
	if !filepath.IsAbs(dest) {
		dest = filepath.Join(src, dest)
	}
	var done, total atomic.Int64
	stop := m.progress(&done, &total)
	opts := m.options(src, baseURL, drafts, func(d, t int) {
		done.Store(int64(d))
		total.Store(int64(t))
		if m.onRender != nil {
			m.onRender(d, t)
		}
	})
	opts.Force = force
	rep, err := generator.BuildDir(ctx, opts, src, dest)
	stop()
	if err != nil {
		return m.fail(err, "build", src)
	}
	m.warn(rep.Warnings, src)
	what := "built"
	if rep.Cached {
		what = "nothing changed since the last build of"
	}
	fmt.Fprintf(m.Stdout, "waymark: %s %d %s, %d %s, %d %s and %d %s (%d files) in %s, %d %s → %s\n",
		what, rep.Personas, plural(rep.Personas, "persona", "personas"),
		rep.Journeys, plural(rep.Journeys, "journey", "journeys"),
		rep.Pages, plural(rep.Pages, "page", "pages"),
		rep.Templates, plural(rep.Templates, "template", "templates"),
		rep.Files, round(rep.Duration),
		len(rep.Warnings), plural(len(rep.Warnings), "warning", "warnings"), dest)
	return exitOK
}

func (m *Main) options(src, baseURL string, drafts bool, progress func(int, int)) generator.Options {
	return generator.Options{
		Source:     os.DirFS(src),
		Templates:  waymark.Templates(),
		Themes:     themes.Get,
		ThemeNames: themes.Names(),
		BaseURL:    baseURL,
		Drafts:     drafts,
		Now:        m.Now,
		Progress:   progress,
	}
}

// progress shows "rendering n/total pages" on a terminal once a build has
// run for a second; the returned func stops it and clears the line.
func (m *Main) progress(done, total *atomic.Int64) (stop func()) {
	if !m.Terminal {
		return func() {}
	}
	quit := make(chan struct{})
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		shown := false
		after := m.ProgressAfter
		if after <= 0 {
			after = time.Second
		}
		delay := time.NewTimer(after)
		defer delay.Stop()
		select {
		case <-quit:
			return
		case <-delay.C:
		}
		tick := time.NewTicker(100 * time.Millisecond)
		defer tick.Stop()
		for {
			fmt.Fprintf(m.Stderr, "\rwaymark: rendering %d/%d pages", done.Load(), total.Load())
			shown = true
			select {
			case <-quit:
				if shown {
					fmt.Fprint(m.Stderr, "\r\033[K")
				}
				return
			case <-tick.C:
			}
		}
	}()
	return func() {
		close(quit)
		<-finished
	}
}

func round(d time.Duration) time.Duration {
	switch {
	case d > time.Second:
		return d.Round(10 * time.Millisecond)
	case d > time.Millisecond:
		return d.Round(time.Millisecond)
	}
	return d.Round(time.Microsecond)
}
