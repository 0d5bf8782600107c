package main

import (
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync"
	"sync/atomic"
)

// gcPercent is the garbage collector's target the command runs with
// unless GOGC says otherwise. A build holds the model of every journey
// while it makes tens of thousands of files; with Go's default (100) the
// heap grows to twice what is live between collections. At 50, a
// 10,000-journey build peaked at 388 MiB instead of 577 MiB for ~9% more
// CPU (BENCHMARKS.md, "Where the time goes"): memory is the target that
// binds against Hugo, and the time has room.
const gcPercent = 50

// tuneGC sets gcPercent, unless GOGC is set, and returns the heap cap
// for a build to call as it renders (Main.onRender), or nil when GOGC or
// GOMEMLIMIT is set: then the user's settings hold.
func tuneGC() *heapCap {
	_, gogc := os.LookupEnv("GOGC")
	if !gogc {
		debug.SetGCPercent(gcPercent)
	}
	if _, limit := os.LookupEnv("GOMEMLIMIT"); gogc || limit {
		return nil
	}
	return &heapCap{}
}

// heapCap caps a small build's memory once it starts rendering, at
// capFactor times the heap it holds then, measured by a collection, plus
// what the runtime holds beside the heap (a soft memory limit,
// debug.SetMemoryLimit).
//
// The collector's target (gcPercent) is half again the heap it found live
// in its last collection, and that counts everything allocated while it
// was marking: on two cores a small build renders pages fast enough that
// this is a large part of it (at 1,000 journeys it counts ~33 MB where
// 22-28 MB are live), and pages freed wait for the scavenger to be given
// back. Below the cap none of this changes; near it the collector runs
// sooner and gives freed memory back. At 1,000 journeys the cap is ~47
// MiB. The trade is steep near it (paired builds, BENCHMARKS.md): a
// factor of 2 gave 2.8 MB more peak memory for 3% less time, 1.8 took 1.2
// MB more off the peak for 6% more time; the first cap, at 2, took ~6.5
// MB off for ~7% more CPU time. From
// a few thousand journeys on the target is lower than the cap, which
// changes nothing there, and a build whose heap holds more than
// capAbove when it starts rendering is not capped at all (the collection
// that measures it would cost more than it gives). A heap that grows
// as the build renders so much that the cap leaves it little room
// raises the cap to gcPercent's target, so that the collector does not
// run back to back.
type heapCap struct {
	once  sync.Once
	calls atomic.Int64
	mu    sync.Mutex
	limit int64 // 0: not capped
}

const (
	capFactor = 1.85
	capAbove  = 128 << 20
	capEvery  = 256 // outputs between checks that the heap still fits
)

// rendered is Options.Progress's companion: done of total outputs made.
func (h *heapCap) rendered(done, total int) {
	h.once.Do(h.start)
	if h.calls.Add(1)%capEvery != 0 {
		return
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.limit == 0 {
		return
	}
	// live, marked by the last collection with what was allocated
	// while it marked, is never less than what is live: when the cap
	// leaves less than a fifth of it free, the collector would run
	// again and again; the cap moves up to gcPercent's target.
	live, beside := heapNow()
	if beside+live*6/5 > h.limit {
		h.limit = max(h.limit, beside+live*(100+gcPercent)/100)
		debug.SetMemoryLimit(h.limit)
	}
}

func (h *heapCap) start() {
	if live, _ := heapNow(); live > capAbove {
		return
	}
	runtime.GC()
	live, beside := heapNow()
	h.mu.Lock()
	h.limit = beside + int64(float64(live)*capFactor)
	debug.SetMemoryLimit(h.limit)
	h.mu.Unlock()
}

// heapNow is the heap the last collection found live (with what was
// allocated while it marked), and the memory the runtime holds beside the
// heap (its own structures, stacks, unused parts of spans).
func heapNow() (live, beside int64) {
	s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}, {Name: "/memory/classes/total:bytes"},
		{Name: "/memory/classes/heap/released:bytes"}, {Name: "/memory/classes/heap/objects:bytes"},
		{Name: "/memory/classes/heap/free:bytes"}, {Name: "/memory/classes/heap/unused:bytes"}}
	metrics.Read(s)
	v := func(i int) int64 { return int64(s[i].Value.Uint64()) }
	return v(0), v(1) - v(2) - v(3) - v(4) - v(5)
}
