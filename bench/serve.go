package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/waymark-cx/waymark/bench/synth"
)

// serveBench measures the dev server on synthetic handbooks (issue 20,
// point 4): the time from starting waymark serve to the first page
// served, its resident memory then and after the edits, and, for edits
// of one journey's notes and of one of its stages' emotion, the time from
// saving the file to the reload event reaching an open page and the page
// being fetched again. Beside them, a cold build of the same handbook
// (time and peak memory) to set them against.
//
//	go run ./bench serve -n 1000,10000 -edits 15
func serveBench(args []string) int {
	fs := flag.NewFlagSet("serve", flag.ExitOnError)
	sizes := fs.String("n", "1000,10000", "comma-separated numbers of journeys")
	edits := fs.Int("edits", 15, "edits of each kind")
	place := fs.String("on", "tmpfs", "where the handbook is: disk (/var/tmp), tmpfs (/dev/shm) or a folder")
	_ = fs.Parse(args)
	if err := serveRun(*sizes, *edits, placeDir(*place)); err != nil {
		fmt.Fprintln(os.Stderr, "bench serve:", err)
		return 1
	}
	return 0
}

func serveRun(sizes string, edits int, place string) error {
	work, err := os.MkdirTemp(place, "waymark-bench-serve-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(work)
	if err := buildTools(work); err != nil {
		return err
	}
	waymark := filepath.Join(work, "waymark")
	fmt.Printf("| journeys | cold build (wall, peak) | serve: first page | resident after it | resident after the edits, idle 2 s (peak) | notes edit → page (median, max) | stage edit → page (median, max) | touchpoint edit → page (median, max) | title edit → page (median, max) |\n|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n")
	for _, s := range strings.Split(sizes, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil {
			return err
		}
		dir := filepath.Join(work, fmt.Sprintf("h%d", n))
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return err
		}
		if err := synth.Write(dir, n); err != nil {
			return err
		}
		res, err := measure(1, []step{{"waymark: built ", func() *exec.Cmd {
			return exec.Command(waymark, "build", "-s", dir, "-d", fresh(dir))
		}}})
		if err != nil {
			return err
		}
		cold := res[0]
		r, err := serveOnce(waymark, dir, n, edits)
		if err != nil {
			return err
		}
		fmt.Printf("| %d | %s, %s | %s | %s | %s (%s) | %s, %s | %s, %s | %s, %s | %s, %s |\n", n, cold.wall, mib(cold.mem), r.first.Round(10*time.Millisecond),
			mib(r.rss), mib(r.rssAfter), mib(r.hwm), ms(median(r.notes)), ms(slices.Max(r.notes)), ms(median(r.stages)), ms(slices.Max(r.stages)),
			ms(median(r.touchpoints)), ms(slices.Max(r.touchpoints)), ms(median(r.titles)), ms(slices.Max(r.titles)))
		fmt.Fprintf(os.Stderr, "N=%d: first page %.2f× the cold build's wall time; resident %.2f× its peak (%.2f× after the edits, peak %.2f×)\n", n,
			r.first.Seconds()/cold.wall.Seconds(), float64(r.rss)/float64(cold.mem), float64(r.rssAfter)/float64(cold.mem), float64(r.hwm)/float64(cold.mem))
	}
	return nil
}

func ms(d time.Duration) string { return fmt.Sprintf("%.1f ms", float64(d.Microseconds())/1000) }

type serveResult struct {
	first              time.Duration
	rss, rssAfter, hwm int64 // KiB
	notes, stages      []time.Duration
	touchpoints        []time.Duration
	titles             []time.Duration
}

// serveOnce starts waymark serve on dir, waits for its first page, then
// edits journey n/2 edits times in each of four ways (its notes, a
// stage's emotion, a touchpoint's name, its title), in turn, each once
// the server ended the last edit's rebuild, waiting for the reload event
// and fetching the page again.
func serveOnce(waymark, dir string, n, edits int) (serveResult, error) {
	var r serveResult
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	cmd := exec.CommandContext(ctx, waymark, "serve", "-s", dir, "--addr", "127.0.0.1:0")
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return r, err
	}
	stderr, err := cmd.StderrPipe()
	if err != nil {
		return r, err
	}
	// Each rebuild ends with a line on the log: an edit is made once
	// the server is done with the last, so that each is timed alone
	// (an edit saved during a rebuild waits for it).
	rebuilt := make(chan struct{}, 1024)
	go func() {
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			if os.Getenv("BENCH_VERBOSE") != "" {
				fmt.Fprintln(os.Stderr, sc.Text())
			}
			if strings.HasPrefix(sc.Text(), "waymark: rebuilt in") {
				rebuilt <- struct{}{}
			}
		}
	}()
	start := time.Now()
	if err := cmd.Start(); err != nil {
		return r, err
	}
	defer func() {
		// Stopped as with Ctrl-C, so that a profile it was asked for
		// (WAYMARK_CPUPROFILE) is written.
		_ = cmd.Process.Signal(os.Interrupt)
		stopped := time.AfterFunc(10*time.Second, func() { _ = cmd.Process.Kill() })
		_ = cmd.Wait()
		stopped.Stop()
	}()
	lines := bufio.NewScanner(stdout)
	at := regexp.MustCompile(`at (http://\S+)`)
	var base string
	for base == "" && lines.Scan() {
		if m := at.FindStringSubmatch(lines.Text()); m != nil {
			base = strings.TrimSuffix(m[1], "/")
		}
	}
	if base == "" {
		return r, errors.New("waymark serve did not say where it serves")
	}
	go func() { _, _ = io.Copy(io.Discard, stdout) }()
	page := base + "/journeys/" + fmt.Sprintf("journey-%05d", n/2) + "/"
	if err := get(page); err != nil {
		return r, err
	}
	r.first = time.Since(start)
	r.rss, _ = procStatus(cmd.Process.Pid, "VmRSS")
	// As the page's script does: saying where it is, so that a rebuild
	// makes it first.
	u, err := url.Parse(page)
	if err != nil {
		return r, err
	}
	events, err := subscribe(ctx, base+"/_waymark/events?page="+url.QueryEscape(u.Path))
	if err != nil {
		return r, err
	}
	path := filepath.Join(dir, synth.JourneyPath(n/2))
	text := synth.Journey(n/2, n, "")
	emotion := regexp.MustCompile(`emotion = \d`)
	touchpoint := regexp.MustCompile(`name = "Touchpoint [^"]*"`)
	title := regexp.MustCompile(`title = "[^"]*"`)
	for i := range 4 * edits {
		next := text + "\nEdit " + strconv.Itoa(i) + ".\n" // the notes
		switch i % 4 {
		case 1:
			// One stage's emotion, to a value it did not have.
			cur := emotion.FindString(text)
			next = strings.Replace(text, cur, "emotion = "+strconv.Itoa(1+(int(cur[len(cur)-1]-'0'))%5), 1)
		case 2:
			// A touchpoint's name, to one it did not have: the hub's
			// lists and files show it.
			next = toggle(text, touchpoint, "x")
		case 3:
			// Its title, which every list and the hub's files show: a
			// full rebuild.
			next = toggle(text, title, " x")
		}
		if i > 0 {
			if err := waitRebuilt(rebuilt, 60*time.Second); err != nil {
				return r, err
			}
		}
		// Apart from the last edit's batching window, and past any
		// event sent before this edit (the stream starts with one).
		time.Sleep(150 * time.Millisecond)
		drain(events)
		t := time.Now()
		if err := os.WriteFile(path, []byte(next), 0o644); err != nil {
			return r, err
		}
		if err := waitReload(events, 30*time.Second); err != nil {
			return r, err
		}
		if err := get(page); err != nil {
			return r, err
		}
		if os.Getenv("BENCH_VERBOSE") != "" {
			fmt.Fprintf(os.Stderr, "edit %d: %s\n", i, time.Since(t))
		}
		switch i % 4 {
		case 0:
			r.notes = append(r.notes, time.Since(t))
		case 1:
			r.stages = append(r.stages, time.Since(t))
		case 2:
			r.touchpoints = append(r.touchpoints, time.Since(t))
		default:
			r.titles = append(r.titles, time.Since(t))
		}
		text = next
	}
	// Resident memory once the author pauses: the server hands what its
	// rebuilds freed back to the system a second after the last one.
	if err := waitRebuilt(rebuilt, 60*time.Second); err != nil {
		return r, err
	}
	time.Sleep(2 * time.Second)
	r.rssAfter, _ = procStatus(cmd.Process.Pid, "VmRSS")
	r.hwm, _ = procStatus(cmd.Process.Pid, "VmHWM")
	return r, nil
}

func get(url string) error {
	resp, err := http.Get(url)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	_, err = io.Copy(io.Discard, resp.Body)
	if err == nil && resp.StatusCode != http.StatusOK {
		err = fmt.Errorf("GET %s: %s", url, resp.Status)
	}
	return err
}

// subscribe streams the names of the server's events.
func subscribe(ctx context.Context, url string) (<-chan string, error) {
	req, err := http.NewRequestWithContext(ctx, "GET", url, nil)
	if err != nil {
		return nil, err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, err
	}
	ch := make(chan string, 16)
	go func() {
		defer resp.Body.Close()
		defer close(ch)
		sc := bufio.NewScanner(resp.Body)
		for sc.Scan() {
			if name, ok := strings.CutPrefix(sc.Text(), "event: "); ok {
				ch <- name
			}
		}
	}()
	return ch, nil
}

// toggle adds mark to the end of the first quoted value rx finds in
// text, or takes it off if it is there.
func toggle(text string, rx *regexp.Regexp, mark string) string {
	cur := rx.FindString(text)
	value := strings.TrimSuffix(cur, `"`)
	if v, ok := strings.CutSuffix(value, mark); ok {
		return strings.Replace(text, cur, v+`"`, 1)
	}
	return strings.Replace(text, cur, value+mark+`"`, 1)
}

// waitRebuilt waits for the server to end a rebuild.
func waitRebuilt(rebuilt <-chan struct{}, limit time.Duration) error {
	select {
	case <-rebuilt:
		return nil
	case <-time.After(limit):
		return errors.New("the server did not end a rebuild")
	}
}

// drain drops the events already sent.
func drain(events <-chan string) {
	for {
		select {
		case <-events:
		default:
			return
		}
	}
}

func waitReload(events <-chan string, limit time.Duration) error {
	timeout := time.After(limit)
	for {
		select {
		case e, ok := <-events:
			if !ok {
				return errors.New("the event stream ended")
			}
			if e == "reload" {
				return nil
			}
			if e == "errors" {
				return errors.New("the edit made the build fail")
			}
		case <-timeout:
			return errors.New("no reload event")
		}
	}
}

// procStatus reads a field of /proc/pid/status in KiB (Linux).
func procStatus(pid int, field string) (int64, error) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0, err
	}
	for _, l := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(l, field+":"); ok {
			return strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(v), " kB"), 10, 64)
		}
	}
	return 0, fmt.Errorf("no %s in /proc/%d/status", field, pid)
}
