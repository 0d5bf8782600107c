package main

import (
	"fmt"
	"os"
	"path/filepath"
	"time"
)

// On ext4 without a journal, as on this machine's disk, an inode freed in
// the last minutes is not handed out again, and every file created then
// steps past all of them (BENCHMARKS.md, "The machine"): a run right
// after another run removed its outputs measures that, not the tools. The
// harness marks a place when it removes a work folder there, and waits
// before timing anything in a place marked less than settleFor ago.

// settleFor is how long ext4 keeps a freed inode from reuse here.
const settleFor = 6 * time.Minute

// removedMark names the mark in a place.
const removedMark = ".waymark-bench-removed"

// removeWork removes a run's work folder and marks its place.
func removeWork(place, work string) {
	os.RemoveAll(work)
	if place != "/dev/shm" { // tmpfs reuses inodes at once
		os.WriteFile(filepath.Join(place, removedMark), nil, 0o644)
	}
}

// unsettled is how long place has still to wait since a run removed its
// outputs there, and how long ago that was; zero when it need not.
func unsettled(place string, now time.Time) (left, ago time.Duration) {
	fi, err := os.Stat(filepath.Join(place, removedMark))
	if err != nil {
		return 0, 0
	}
	ago = now.Sub(fi.ModTime())
	return max(settleFor-ago, 0), ago
}

// settle waits until settleFor has passed since a run last removed a work
// folder in place, saying so; wait false only warns.
func settle(place string, wait bool) {
	left, ago := unsettled(place, time.Now())
	if left == 0 {
		return
	}
	if !wait {
		fmt.Fprintf(os.Stderr, "bench: a run removed its outputs in %s %s ago; ext4 will not reuse those inodes for %s more, and the disk's figures measure that (-settle waits)\n",
			place, ago.Round(time.Second), left.Round(time.Second))
		return
	}
	fmt.Fprintf(os.Stderr, "bench: a run removed its outputs in %s %s ago; waiting %s for ext4 to reuse those inodes\n",
		place, ago.Round(time.Second), left.Round(time.Second))
	time.Sleep(left)
}
