package serve

import (
	"context"
	"slices"
	"testing"
	"time"
)

func TestBatchGathersABurst(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	in := make(chan string)
	out := make(chan []string)
	go batch(ctx, in, out, 50*time.Millisecond, 5*time.Second)
	// An editor's atomic save: temp file written, renamed over the original.
	for _, p := range []string{"content/journeys/.buy.md.swp", "content/journeys/buy.md", "content/journeys/buy.md", "content/personas/lan.md"} {
		in <- p
	}
	got := <-out
	want := []string{"content/journeys/.buy.md.swp", "content/journeys/buy.md", "content/personas/lan.md"}
	if !slices.Equal(got, want) {
		t.Errorf("batch = %q, want %q", got, want)
	}
	// A later event starts a new batch.
	in <- "waymark.toml"
	if got := <-out; !slices.Equal(got, []string{"waymark.toml"}) {
		t.Errorf("second batch = %q", got)
	}
}

func TestBatchMaxWait(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	in := make(chan string)
	out := make(chan []string, 1)
	go batch(ctx, in, out, time.Hour, 30*time.Millisecond)
	in <- "a.md"
	select {
	case got := <-out:
		if !slices.Equal(got, []string{"a.md"}) {
			t.Errorf("got %q", got)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("a never-quiet stream of events must still be flushed at maxWait")
	}
}

func TestBatchStopsOnCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	in := make(chan string)
	out := make(chan []string)
	done := make(chan struct{})
	go func() { batch(ctx, in, out, time.Millisecond, time.Millisecond); close(done) }()
	cancel()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("batch did not stop")
	}
	if _, open := <-out; open {
		t.Error("out should be closed")
	}
}
