package serve

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/waymark-cx/waymark/bench/synth"
	"github.com/waymark-cx/waymark/generator"
	"github.com/waymark-cx/waymark/themes"
)

// BenchmarkEditToReload measures what an author waits for: from saving one
// journey of a 1,000-journey handbook to the reload event being pushed to
// open pages, through the file watcher, the batching window, the
// incremental rebuild and the diff. It reports the median as ms/median.
func BenchmarkEditToReload(b *testing.B) {
	const n = 1000
	dir := b.TempDir()
	if err := synth.Write(dir, n); err != nil {
		b.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	srv := New(Options{Root: dir, Addr: "127.0.0.1:0",
		Build: generator.Options{Source: os.DirFS(dir), Themes: themes.Get,
			Now: func() time.Time { return time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC) }}})
	ready := make(chan struct{})
	go srv.Run(ctx, func(string) { close(ready) })
	<-ready
	events := srv.hub.subscribe("")
	defer srv.hub.unsubscribe(events)
	path := filepath.Join(dir, synth.JourneyPath(n/2))
	var times []time.Duration
	i := 0
	for b.Loop() {
		i++
		start := time.Now()
		if err := os.WriteFile(path, []byte(synth.Journey(n/2, n, "Edit "+strconv.Itoa(i))), 0o644); err != nil {
			b.Fatal(err)
		}
		for e := range events {
			if e.name == "reload" {
				break
			}
			if e.name == "errors" {
				b.Fatal(e.data)
			}
		}
		times = append(times, time.Since(start))
	}
	slices.Sort(times)
	b.ReportMetric(float64(times[len(times)/2].Microseconds())/1000, "ms/median")
}
