package main

import (
	"bytes"
	"context"
	"flag"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/rogpeppe/go-internal/testscript"
)

var update = flag.Bool("update", false, "rewrite the expected output of testscript cmp commands")

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"waymark": func() { os.Exit(run(context.Background(), os.Args[1:])) },
	})
}

// TestScripts runs the CLI scripts in testdata/script: each builds or
// checks a small site and asserts on output, exit status and files.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:           "testdata/script",
		UpdateScripts: *update,
		Setup: func(env *testscript.Env) error {
			// Review dates are checked against this day: 2026-11-24.
			env.Setenv("SOURCE_DATE_EPOCH", "1795521600")
			return nil
		},
	})
}

// TestExitCodes checks the documented exit statuses, which scripts can
// only tell apart as success or failure.
func TestExitCodes(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(dir+"/waymark.toml", []byte("titel = \"x\"\n"), 0o644)
	for _, tc := range []struct {
		args []string
		code int
		err  string
	}{
		{nil, exitUsage, "Usage:"},
		{[]string{"frobnicate"}, exitUsage, `waymark: unknown command "frobnicate"`},
		{[]string{"build", "--no-such-flag"}, exitUsage, "flag provided but not defined"},
		{[]string{"build", "-s", dir, "extra"}, exitUsage, `unexpected argument "extra"`},
		{[]string{"help"}, exitOK, ""},
		{[]string{"build", "-h"}, exitOK, ""},
		{[]string{"version"}, exitOK, ""},
		{[]string{"check", "-s", dir}, exitContent, `waymark.toml:1:1: unknown key "titel" (did you mean "title"?)`},
		{[]string{"build", "-s", dir}, exitContent, "waymark: build failed: 2 mistakes"},
	} {
		var stdout, stderr bytes.Buffer
		m := &Main{Stdout: &stdout, Stderr: &stderr, Now: clock("1795521600")}
		if code := m.Run(context.Background(), tc.args); code != tc.code {
			t.Errorf("waymark %v: exit %d, want %d\n%s", tc.args, code, tc.code, stderr.String())
		}
		if !strings.Contains(stderr.String(), tc.err) {
			t.Errorf("waymark %v: stderr %q does not contain %q", tc.args, stderr.String(), tc.err)
		}
	}
}

// TestProgress: on a terminal, a build that runs longer than
// ProgressAfter shows how far it is, then clears the line; piped, it
// shows nothing.
func TestProgress(t *testing.T) {
	for _, terminal := range []bool{true, false} {
		var stdout, stderr bytes.Buffer
		m := &Main{Stdout: &stdout, Stderr: &stderr, Now: clock("1795521600"), Terminal: terminal, ProgressAfter: time.Nanosecond}
		if code := m.Run(context.Background(), []string{"build", "-s", "../..", "-d", t.TempDir() + "/out"}); code != 0 {
			t.Fatalf("build failed: %s", stderr.String())
		}
		shown := strings.Contains(stderr.String(), "\rwaymark: rendering ")
		if shown != terminal {
			t.Errorf("terminal=%v: progress shown=%v\n%q", terminal, shown, stderr.String())
		}
		if terminal && !strings.Contains(stderr.String(), "\r\033[K") {
			t.Error("the progress line is not cleared")
		}
	}
}
