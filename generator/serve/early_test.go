package serve

import (
	"bufio"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/waymark-cx/waymark/bench/synth"
)

// TestServeOpenPagesFirst: after an edit of a journey's map that the
// hub's large files show too, the page open in a browser (its event
// stream says where it is) reloads once, with the new map, before those
// files are made; a file still being made is served once made, never
// as it was; the reloaded page reports the build the server has.
func TestServeOpenPagesFirst(t *testing.T) {
	dir := t.TempDir()
	if err := synth.Write(dir, 40); err != nil {
		t.Fatal(err)
	}
	log := &syncWriter{w: &strings.Builder{}}
	url, srv := startServerLog(t, dir, 0, log)
	page := url + "journeys/journey-00003/"
	_, _, body := get(t, page)
	build := regexp.MustCompile(`data-build="(\d+)"`).FindStringSubmatch(body)
	if build == nil {
		t.Fatal("the page has no build number")
	}
	pagePath := strings.TrimPrefix(page, strings.SplitN(url, "/", 4)[0]+"//"+strings.SplitN(url, "/", 4)[2])
	resp, err := http.Get(url + "_waymark/events?build=" + build[1] + "&page=" + pagePath)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	events := make(chan string, 100)
	go func() {
		sc := bufio.NewScanner(resp.Body)
		for sc.Scan() {
			if name, ok := strings.CutPrefix(sc.Text(), "event: "); ok {
				events <- name
			}
		}
		close(events)
	}()
	// The page is known to the server once its stream is open.
	for deadline := time.Now().Add(10 * time.Second); len(srv.hub.pages()) == 0; {
		if time.Now().After(deadline) {
			t.Fatal("the open page is not known")
		}
		time.Sleep(10 * time.Millisecond)
	}
	for i, name := range []string{"Kiosk", "Kiosk again"} {
		p := filepath.Join(dir, synth.JourneyPath(3))
		text, _ := os.ReadFile(p)
		old := regexp.MustCompile(`name = "Touchpoint [^"]*"`).Find(text)
		os.WriteFile(p, []byte(strings.Replace(string(text), string(old), `name = "`+name+`"`, 1)), 0o644)
		select {
		case e := <-events:
			if e != "reload" {
				t.Fatalf("edit %d: event %q", i, e)
			}
		case <-time.After(20 * time.Second):
			t.Fatalf("edit %d: no reload", i)
		}
		_, _, body := get(t, page)
		if !strings.Contains(body, name) {
			t.Fatalf("edit %d: the reloaded page does not show %q", i, name)
		}
		if _, _, csv := get(t, url+"touchpoints/touchpoints.csv"); !strings.Contains(csv, name) {
			time.Sleep(time.Second)
			_, _, later := get(t, url+"touchpoints/touchpoints.csv")
			t.Errorf("edit %d: touchpoints/touchpoints.csv was served as it was (a second later: %v)\n%s", i, strings.Contains(later, name), log.String())
		}
		// Once: the hub's files made after the page reload nothing.
		select {
		case e := <-events:
			t.Fatalf("edit %d: a second event %q", i, e)
		case <-time.After(300 * time.Millisecond):
		}
		got := regexp.MustCompile(`data-build="(\d+)"`).FindStringSubmatch(body)
		if n, _ := strconv.Atoi(got[1]); n != srv.snapshot().build {
			t.Errorf("edit %d: the page is of build %d, the server's %d: it would reload again", i, n, srv.snapshot().build)
		}
	}
	// A new title: every list shows it, a full build, which still makes
	// the open page first; the journeys list waits for it.
	p := filepath.Join(dir, synth.JourneyPath(3))
	text, _ := os.ReadFile(p)
	os.WriteFile(p, []byte(strings.Replace(string(text), `title = "Journey 3"`, `title = "Zebra crossing"`, 1)), 0o644)
	select {
	case e := <-events:
		if e != "reload" {
			t.Fatalf("title edit: event %q", e)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("title edit: no reload")
	}
	if _, _, body := get(t, page); !strings.Contains(body, "Zebra crossing") {
		t.Fatal("title edit: the reloaded page does not show the new title")
	}
	if _, _, list := get(t, url+"journeys/"); !strings.Contains(list, "Zebra crossing") {
		t.Error("title edit: the journeys list was served as it was")
	}
	select {
	case e := <-events:
		t.Fatalf("title edit: a second event %q", e)
	case <-time.After(300 * time.Millisecond):
	}
	if n := strings.Count(log.String(), "(the open pages in "); n != 3 {
		t.Errorf("%d of 3 rebuilds made the open pages first:\n%s", n, log.String())
	}
}

// TestServeWaitsForPending: a file a rebuild left to the next is served
// once that one made it, not before.
func TestServeWaitsForPending(t *testing.T) {
	dir := t.TempDir()
	writeSite(t, dir, site)
	url, srv := startServer(t, dir, 0)
	srv.settle([]string{"index.html"})
	got := make(chan int, 1)
	go func() {
		resp, err := http.Get(url)
		if err != nil {
			got <- 0
			return
		}
		resp.Body.Close()
		got <- resp.StatusCode
	}()
	select {
	case code := <-got:
		t.Fatalf("a pending page was served (%d)", code)
	case <-time.After(300 * time.Millisecond):
	}
	if code, _, _ := get(t, url+"journeys/buy/"); code != http.StatusOK {
		t.Errorf("a page not pending: %d", code)
	}
	srv.settle(nil)
	select {
	case code := <-got:
		if code != http.StatusOK {
			t.Errorf("once made: %d", code)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("still waiting once made")
	}
}
