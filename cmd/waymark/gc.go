package main

import (
	"os"
	"runtime/debug"
)

// gcPercent is the garbage collector's target the command runs with
// unless GOGC says otherwise. A build holds the model of every journey
// while it makes tens of thousands of files; with Go's default (100) the
// heap grows to twice what is live between collections. At 50, a
// 10,000-journey build peaked at 388 MiB instead of 577 MiB for ~9% more
// CPU (BENCHMARKS.md, "Where the time goes"): memory is the target that
// binds against Hugo, and the time has room.
const gcPercent = 50

// tuneGC sets gcPercent, unless GOGC is set.
func tuneGC() {
	if _, set := os.LookupEnv("GOGC"); !set {
		debug.SetGCPercent(gcPercent)
	}
}
