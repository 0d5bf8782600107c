package main

import (
	"cmp"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/waymark-cx/waymark/generator/diag"
)

const usage = `Waymark publishes customer-journey handbooks as static websites.

Usage:
  waymark build [-s SOURCE] [-d DEST] [--base-url URL] [--drafts] [--force]
  waymark check [-s SOURCE] [--drafts] [--strict]
  waymark serve [-s SOURCE] [--addr 127.0.0.1:1313] [--drafts] [--poll]
  waymark new journey NAME [-s SOURCE] [--template T] [--persona P]
  waymark new persona NAME [-s SOURCE]
  waymark new site DIR [--language vi|en] [--title T] [--example] [--force]
  waymark import mermaid|csv FILE [-o FILE] [-s SOURCE]
  waymark version
  waymark help [COMMAND]

Commands:
  build    build the site in SOURCE (default .) into DEST (default public)
  check    report every mistake in the content, write nothing
  serve    serve the site with live reload while you edit it
  new      write a new journey, persona or handbook, ready to edit
  import   turn a Mermaid journey diagram or a filled-in CSV into a journey
  version  print the version of waymark
  help     show this text, or a command's flags

Exit status: 0 on success, 1 when the content has mistakes (or warnings,
under check --strict), 2 on a usage error.
`

// Exit codes.
const (
	exitOK      = 0
	exitContent = 1
	exitUsage   = 2
)

// Main is the waymark command, with everything it touches passed in so
// that tests can run it in-process.
type Main struct {
	Stdout   io.Writer
	Stderr   io.Writer
	Now      func() time.Time
	Terminal bool // stderr is a terminal: show progress on long builds
	// ProgressAfter is how long a build runs before it shows progress
	// (on a terminal); zero means a second.
	ProgressAfter time.Duration
	// Annotate writes mistakes and warnings as GitHub Actions workflow
	// commands too (annotate.go), with file names relative to Workspace
	// when the site's folder is given as an absolute path.
	Annotate  bool
	Workspace string
	// Locale is the user's locale ($LC_ALL, $LC_MESSAGES or $LANG, the
	// first set): new site writes a Vietnamese handbook when it is vi_*.
	Locale string

	// onRender, when set, is told how far a build's rendering is (the
	// command's heap cap, gc.go); the tests leave it nil.
	onRender func(done, total int)
}

// NewMain returns a Main wired to the process's standard streams.
func NewMain() *Main {
	return &Main{Stdout: os.Stdout, Stderr: os.Stderr, Now: clock(os.Getenv("SOURCE_DATE_EPOCH")), Terminal: isTerminal(os.Stderr),
		Annotate: os.Getenv("GITHUB_ACTIONS") == "true", Workspace: os.Getenv("GITHUB_WORKSPACE"),
		Locale: cmp.Or(os.Getenv("LC_ALL"), os.Getenv("LC_MESSAGES"), os.Getenv("LANG"))}
}

// clock is time.Now, unless SOURCE_DATE_EPOCH (the reproducible-builds
// convention: seconds since 1970) fixes the date that review checks use.
func clock(epoch string) func() time.Time {
	if sec, err := strconv.ParseInt(epoch, 10, 64); err == nil && epoch != "" {
		t := time.Unix(sec, 0).UTC()
		return func() time.Time { return t }
	}
	return time.Now
}

// command is one subcommand.
type command struct {
	name    string
	summary string
	run     func(m *Main, ctx context.Context, args []string) int
}

func (m *Main) commands() []command {
	return []command{
		{"build", "waymark build [-s SOURCE] [-d DEST] [--base-url URL] [--drafts] [--force]", (*Main).build},
		{"check", "waymark check [-s SOURCE] [--drafts] [--strict]", (*Main).check},
		{"serve", "waymark serve [-s SOURCE] [--addr 127.0.0.1:1313] [--drafts] [--poll]", (*Main).serve},
		{"version", "waymark version", (*Main).version},
		{"new", "waymark new journey|persona|site NAME …", (*Main).newCmd},
		{"import", "waymark import mermaid|csv FILE [-o FILE] [-s SOURCE]", (*Main).importCmd},
	}
}

// Run runs the command line args and returns the exit code.
func (m *Main) Run(ctx context.Context, args []string) int {
	if len(args) == 0 {
		fmt.Fprint(m.Stderr, usage)
		return exitUsage
	}
	name := args[0]
	switch name {
	case "help", "-h", "-help", "--help":
		if len(args) > 1 && name == "help" {
			return m.Run(ctx, []string{args[1], "-h"})
		}
		fmt.Fprint(m.Stdout, usage)
		return exitOK
	}
	for _, c := range m.commands() {
		if c.name == name {
			return c.run(m, ctx, args[1:])
		}
	}
	m.errorf("unknown command %q", name)
	fmt.Fprintf(m.Stderr, "\thint: the commands are %s; run waymark help\n", m.commandNames())
	return exitUsage
}

func (m *Main) commandNames() string {
	var names []string
	for _, c := range m.commands() {
		names = append(names, c.name)
	}
	return strings.Join(names, ", ")
}

// flags returns a flag set that prints its command's usage on -h.
func (m *Main) flags(name, synopsis, about string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(m.Stderr)
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "Usage: %s\n\n%s\n\nFlags:\n", synopsis, about)
		fs.PrintDefaults()
	}
	return fs
}

// parse parses flags; it returns an exit code and false when the command
// should stop (help was asked for, or the flags were wrong).
func (m *Main) parse(fs *flag.FlagSet, args []string) (int, bool) {
	err := fs.Parse(args)
	switch {
	case errors.Is(err, flag.ErrHelp):
		fs.SetOutput(m.Stdout)
		fs.Usage()
		return exitOK, false
	case err != nil:
		return exitUsage, false
	case fs.NArg() > 0:
		m.errorf("unexpected argument %q", fs.Arg(0))
		fmt.Fprintf(m.Stderr, "\thint: %s takes only flags; run waymark %s -h\n", fs.Name(), fs.Name())
		return exitUsage, false
	}
	return exitOK, true
}

func (m *Main) errorf(format string, args ...any) {
	fmt.Fprintf(m.Stderr, "waymark: "+format+"\n", args...)
}

// fail reports a build error: every content mistake on its own line, in
// the path:line:col form editors understand, then a summary line. root is
// the folder the mistakes' paths are relative to.
func (m *Main) fail(err error, what, root string) int {
	list, ok := diag.Located(err)
	if !ok {
		m.errorf("%v", err)
		return exitContent
	}
	for _, e := range list {
		fmt.Fprintln(m.Stderr, e.Error())
		m.annotate("error", root, e)
	}
	n := len(list)
	m.errorf("%s failed: %d %s", what, n, plural(n, "mistake", "mistakes"))
	return exitContent
}

// warn reports warnings, with paths relative to root.
func (m *Main) warn(ws []*diag.Error, root string) {
	for _, w := range ws {
		fmt.Fprintf(m.Stderr, "%s: warning: %s\n", w.Location(), diag.OneLine(w.Msg))
		if w.Hint != "" {
			fmt.Fprintf(m.Stderr, "\thint: %s\n", diag.OneLine(w.Hint))
		}
		m.annotate("warning", root, w)
	}
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

func isTerminal(f *os.File) bool {
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}
