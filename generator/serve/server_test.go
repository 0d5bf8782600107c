package serve

import (
	"bufio"
	"context"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/rogpeppe/go-internal/txtar"

	"github.com/waymark-cx/waymark/generator"
	"github.com/waymark-cx/waymark/themes"
)

const site = `
-- waymark.toml --
title = "Served"
base_url = "https://example.org/hb/"
-- content/personas/lan.md --
+++
name = "Lan"
+++
-- content/journeys/buy.md --
+++
title = "Buying"
persona = "lan"
last_reviewed = 2026-11-01
[[stage]]
name = "Awareness"
emotion = 4
+++
First version.
-- static/extra.css --
body { color: black }
`

func writeSite(t *testing.T, dir, archive string) {
	t.Helper()
	for _, f := range txtar.Parse([]byte(archive)).Files {
		p := filepath.Join(dir, filepath.FromSlash(f.Name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// startServer runs serve on a free loopback port and returns its URL.
func startServer(t *testing.T, dir string, poll time.Duration) (string, *Server) {
	t.Helper()
	return startServerLog(t, dir, poll, io.Discard)
}

// startServerLog is startServer with the server's log written to log.
func startServerLog(t *testing.T, dir string, poll time.Duration, log io.Writer) (string, *Server) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	srv := New(Options{
		Root: dir,
		Addr: "127.0.0.1:0",
		Poll: poll,
		Log:  log,
		Build: generator.Options{Source: os.DirFS(dir), Themes: themes.Get,
			Now: func() time.Time { return time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC) }},
	})
	urls := make(chan string, 1)
	done := make(chan error, 1)
	go func() { done <- srv.Run(ctx, func(u string) { urls <- u }) }()
	var url string
	select {
	case url = <-urls:
	case err := <-done:
		t.Fatalf("serve stopped: %v", err)
	case <-time.After(30 * time.Second):
		t.Fatal("serve did not start")
	}
	t.Cleanup(func() {
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("shutdown: %v", err)
			}
		case <-time.After(10 * time.Second):
			t.Error("serve did not stop")
		}
	})
	return url, srv
}

func get(t *testing.T, url string) (int, http.Header, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, resp.Header, string(b)
}

// waitFor polls url until its body contains want.
func waitFor(t *testing.T, url, want string) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		if _, _, body := get(t, url); strings.Contains(body, want) {
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatalf("%s never showed %q", url, want)
}

// eachWatcher runs test once with inotify and once polling.
func eachWatcher(t *testing.T, test func(t *testing.T, poll time.Duration)) {
	t.Run("inotify", func(t *testing.T) { test(t, 0) })
	t.Run("poll", func(t *testing.T) { test(t, 50*time.Millisecond) })
}

func TestServeEditRebuild(t *testing.T) {
	eachWatcher(t, func(t *testing.T, poll time.Duration) {
		dir := t.TempDir()
		writeSite(t, dir, site)
		url, srv := startServer(t, dir, poll)
		if !strings.HasSuffix(url, "/hb/") {
			t.Fatalf("URL %s is not under the base path", url)
		}
		code, h, body := get(t, url+"journeys/buy/")
		if code != 200 || !strings.Contains(body, "First version.") {
			t.Fatalf("journey page: %d %q", code, body)
		}
		if h.Get("Content-Type") != "text/html; charset=utf-8" || h.Get("Cache-Control") != "no-store" {
			t.Errorf("headers: %v", h)
		}
		if !strings.Contains(body, `<script src="/hb/_waymark/livereload.js" data-build="0"></script></body>`) {
			t.Error("the reload script is not injected")
		}
		// An atomic save: write a temporary file, rename it over the original.
		p := filepath.Join(dir, "content/journeys/buy.md")
		b, _ := os.ReadFile(p)
		tmp := filepath.Join(dir, "content/journeys/.buy.md.tmp")
		os.WriteFile(tmp, []byte(strings.Replace(string(b), "First version.", "Second version.", 1)), 0o644)
		if err := os.Rename(tmp, p); err != nil {
			t.Fatal(err)
		}
		waitFor(t, url+"journeys/buy/", "Second version.")

		// A mistake: the last good build stays, the error is reported.
		os.WriteFile(p, []byte(strings.Replace(string(b), "emotion = 4", "emotion = 9", 1)), 0o644)
		waitFor(t, url+"_waymark/errors.json", "emotion must be between 1 and 5, not 9")
		if _, _, body := get(t, url+"journeys/buy/"); !strings.Contains(body, "Second version.") || strings.Contains(body, "First version.") {
			t.Error("the last good build (the second version) is not served while a mistake stands")
		}
		if srv.Errors() == nil {
			t.Error("Errors() = nil while a mistake stands")
		}
		// A new folder created while serving is watched too.
		os.MkdirAll(filepath.Join(dir, "content/guides"), 0o755)
		time.Sleep(100 * time.Millisecond)
		os.WriteFile(filepath.Join(dir, "content/guides/new.md"), []byte("+++\ntitle = \"New guide\"\n+++\nHello.\n"), 0o644)
		os.WriteFile(p, b, 0o644)
		waitFor(t, url+"guides/new/", "Hello.")
		waitFor(t, url+"_waymark/errors.json", "null")
	})
}

func TestServeSafety(t *testing.T) {
	dir := t.TempDir()
	writeSite(t, dir, site)
	os.WriteFile(filepath.Join(dir, "secret.txt"), []byte("secret"), 0o644)
	os.Symlink(filepath.Join(dir, "secret.txt"), filepath.Join(dir, "static", "link.txt"))
	url, _ := startServer(t, dir, 0)
	host := strings.TrimSuffix(url, "/hb/")
	for _, p := range []string{
		"/hb/../secret.txt", "/hb/%2e%2e/secret.txt", "/hb/%2E%2E%2Fsecret.txt", "/hb/..%5csecret.txt",
		"/hb//secret.txt", "/hb/link.txt", "/secret.txt", "/hb/waymark.toml", "/hb/content/journeys/buy.md",
	} {
		req, _ := http.NewRequest("GET", host+p, nil)
		req.URL.Opaque = p // send the path exactly as written
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode == 200 || strings.Contains(string(b), "secret") && !strings.Contains(string(b), "<html") {
			t.Errorf("GET %s: %d %q", p, resp.StatusCode, b)
		}
	}
	if code, _, _ := get(t, host+"/"); code != 200 {
		t.Errorf("/ should redirect to the site: %d", code)
	}
	// Another name for this machine (DNS rebinding) gets nothing.
	for name, want := range map[string]int{"evil.example": http.StatusMisdirectedRequest, "localhost": http.StatusOK} {
		req, _ := http.NewRequest("GET", url+"journeys/buy/", nil)
		req.Host = name
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != want || want != http.StatusOK && strings.Contains(string(b), "Buying") {
			t.Errorf("Host %s: %d %.80q, want %d", name, resp.StatusCode, b, want)
		}
	}
	code, h, body := get(t, url+"no/such/page/")
	if code != 404 || !strings.Contains(body, "<html") {
		t.Errorf("missing page: %d %q", code, body)
	}
	if !strings.HasPrefix(h.Get("Content-Type"), "text/html") {
		t.Errorf("404 content type %q", h.Get("Content-Type"))
	}
	if code, h, _ := get(t, url+"extra.css"); code != 200 || !strings.HasPrefix(h.Get("Content-Type"), "text/css") {
		t.Errorf("css: %d %q", code, h.Get("Content-Type"))
	}
}

// TestServeEvents checks the event stream: a CSS-only change asks pages to
// swap stylesheets, a content change to reload.
func TestServeEvents(t *testing.T) {
	dir := t.TempDir()
	writeSite(t, dir, site)
	url, _ := startServer(t, dir, 0)
	resp, err := http.Get(url + "_waymark/events?build=0")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if ct := resp.Header.Get("Content-Type"); ct != "text/event-stream" {
		t.Fatalf("content type %q", ct)
	}
	lines := make(chan string, 100)
	go func() {
		sc := bufio.NewScanner(resp.Body)
		for sc.Scan() {
			lines <- sc.Text()
		}
		close(lines)
	}()
	expect := func(want string) {
		t.Helper()
		timeout := time.After(20 * time.Second)
		for {
			select {
			case l, ok := <-lines:
				if !ok {
					t.Fatalf("stream closed before %q", want)
				}
				if l == want {
					return
				}
			case <-timeout:
				t.Fatalf("no %q event", want)
			}
		}
	}
	expect(": connected")
	os.WriteFile(filepath.Join(dir, "static/extra.css"), []byte("body { color: navy }\n"), 0o644)
	expect(`data: {"css":true}`)
	os.WriteFile(filepath.Join(dir, "content/personas/lan.md"), []byte("+++\nname = \"Lan Anh\"\n+++\n"), 0o644)
	expect(`data: {"css":false}`)
}

// TestServeStopsCleanly stops a server that has an open page (an event
// stream) and checks that no goroutine is left behind.
func TestServeStopsCleanly(t *testing.T) {
	dir := t.TempDir()
	writeSite(t, dir, site)
	before := runtime.NumGoroutine()
	ctx, cancel := context.WithCancel(context.Background())
	srv := New(Options{Root: dir, Addr: "127.0.0.1:0",
		Build: generator.Options{Source: os.DirFS(dir), Themes: themes.Get}})
	urls := make(chan string, 1)
	done := make(chan error, 1)
	go func() { done <- srv.Run(ctx, func(u string) { urls <- u }) }()
	url := <-urls
	client := &http.Client{}
	resp, err := client.Get(url + "_waymark/events?build=0")
	if err != nil {
		t.Fatal(err)
	}
	go io.Copy(io.Discard, resp.Body)
	if r, err := client.Get(url); err == nil {
		io.Copy(io.Discard, r.Body)
		r.Body.Close()
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("Run: %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("serve did not stop")
	}
	resp.Body.Close()
	client.CloseIdleConnections()
	deadline := time.Now().Add(10 * time.Second)
	for runtime.NumGoroutine() > before {
		if time.Now().After(deadline) {
			buf := make([]byte, 1<<16)
			t.Fatalf("%d goroutines before, %d after:\n%s", before, runtime.NumGoroutine(), buf[:runtime.Stack(buf, true)])
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// A file that a link in static/ leads to is watched wherever it is in the
// site folder: editing it shows at once, as editing static/ does; its
// neighbours do not trigger a build.
func TestServeWatchesLinkedFiles(t *testing.T) {
	eachWatcher(t, func(t *testing.T, poll time.Duration) {
		dir := t.TempDir()
		writeSite(t, dir, site+`
-- brand/logo.svg --
<svg xmlns="http://www.w3.org/2000/svg"><title>First logo</title></svg>
-- brand/notes.txt --
not published
`)
		os.MkdirAll(filepath.Join(dir, "static/img"), 0o755)
		if err := os.Symlink("../../brand/logo.svg", filepath.Join(dir, "static/img/logo.svg")); err != nil {
			t.Skipf("no symbolic links here: %v", err)
		}
		log := &syncWriter{w: &strings.Builder{}}
		url, srv := startServerLog(t, dir, poll, log)
		waitFor(t, url+"img/logo.svg", "First logo")
		time.Sleep(200 * time.Millisecond) // the watcher takes the build's links in
		if got := srv.links.list(); len(got) != 1 || got[0] != "brand/logo.svg" {
			t.Fatalf("watched links = %q, want [brand/logo.svg]", got)
		}
		os.WriteFile(filepath.Join(dir, "brand/notes.txt"), []byte("still not published"), 0o644)
		time.Sleep(300 * time.Millisecond)
		os.WriteFile(filepath.Join(dir, "brand/logo.svg"), []byte(`<svg xmlns="http://www.w3.org/2000/svg"><title>Second, bigger logo</title></svg>`), 0o644)
		waitFor(t, url+"img/logo.svg", "Second, bigger logo")
		out := log.String()
		if !strings.Contains(out, "changed (brand/logo.svg)") {
			t.Errorf("no rebuild for brand/logo.svg in the log:\n%s", out)
		}
		if strings.Contains(out, "notes.txt") {
			t.Errorf("a file next to the linked one triggered a build:\n%s", out)
		}
	})
}

// syncWriter lets the server's goroutines and the test share a log.
type syncWriter struct {
	mu sync.Mutex
	w  *strings.Builder
}

func (s *syncWriter) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.w.Write(p)
}

func (s *syncWriter) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.w.String()
}

// When static/ itself is a link to a folder elsewhere in the site, the
// files of that folder are watched, new ones and those in new subfolders
// included.
func TestServeWatchesLinkedStaticFolder(t *testing.T) {
	eachWatcher(t, func(t *testing.T, poll time.Duration) {
		dir := t.TempDir()
		writeSite(t, dir, strings.Replace(site, "-- static/extra.css --", "-- shared/assets/extra.css --", 1))
		if err := os.Symlink("shared/assets", filepath.Join(dir, "static")); err != nil {
			t.Skipf("no symbolic links here: %v", err)
		}
		url, srv := startServer(t, dir, poll)
		waitFor(t, url+"extra.css", "color")
		time.Sleep(200 * time.Millisecond) // the watcher takes the build's links in
		if got := srv.links.list(); !slices.Equal(got, []string{"shared/assets/"}) {
			t.Fatalf("watched links = %q, want [shared/assets/]", got)
		}
		os.WriteFile(filepath.Join(dir, "shared/assets/extra.css"), []byte("body { color: rebeccapurple }"), 0o644)
		waitFor(t, url+"extra.css", "rebeccapurple")
		os.MkdirAll(filepath.Join(dir, "shared/assets/img"), 0o755)
		time.Sleep(200 * time.Millisecond)
		os.WriteFile(filepath.Join(dir, "shared/assets/img/new.svg"), []byte(`<svg xmlns="http://www.w3.org/2000/svg"><title>New</title></svg>`), 0o644)
		waitFor(t, url+"img/new.svg", "New")
	})
}
