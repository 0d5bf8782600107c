package main

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

// TestUnsettled: a place where a run removed its work folder waits out
// the rest of settleFor; one marked long ago, or never, does not.
func TestUnsettled(t *testing.T) {
	place := t.TempDir()
	now := time.Now()
	if left, _ := unsettled(place, now); left != 0 {
		t.Errorf("an unmarked place waits %s", left)
	}
	work := filepath.Join(place, "waymark-bench-1")
	if err := os.MkdirAll(filepath.Join(work, "a"), 0o755); err != nil {
		t.Fatal(err)
	}
	removeWork(place, work)
	if _, err := os.Stat(work); !os.IsNotExist(err) {
		t.Errorf("the work folder is still there: %v", err)
	}
	if left, _ := unsettled(place, time.Now().Add(time.Minute)); left < settleFor-time.Minute-5*time.Second || left > settleFor-time.Minute {
		t.Errorf("a minute after the removal: wait %s, want about %s", left, settleFor-time.Minute)
	}
	if left, _ := unsettled(place, time.Now().Add(settleFor+time.Second)); left != 0 {
		t.Errorf("after settleFor: wait %s", left)
	}
	shm := "/dev/shm"
	if _, err := os.Stat(shm); err == nil {
		removeWork(shm, filepath.Join(shm, "waymark-bench-test-none"))
		if _, err := os.Stat(filepath.Join(shm, removedMark)); err == nil {
			t.Error("tmpfs was marked")
		}
	}
}
