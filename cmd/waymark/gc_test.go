package main

import (
	"math"
	"os"
	"runtime/debug"
	"testing"
)

// TestHeapCap: a small build's first rendered output sets a soft memory
// limit above what the heap holds; GOGC or GOMEMLIMIT set leave the
// command's settings alone.
func TestHeapCap(t *testing.T) {
	gogc := debug.SetGCPercent(100)
	t.Cleanup(func() { debug.SetGCPercent(gogc); debug.SetMemoryLimit(math.MaxInt64) })
	t.Setenv("GOGC", "")
	if h := tuneGC(); h != nil {
		t.Error("GOGC set: the heap is capped all the same")
	}
	if got := debug.SetGCPercent(100); got != 100 {
		t.Errorf("GOGC set: the collector's target changed to %d", got)
	}
	os.Unsetenv("GOGC") // t.Setenv puts it back
	t.Setenv("GOMEMLIMIT", "1GiB")
	if h := tuneGC(); h != nil {
		t.Error("GOMEMLIMIT set: the heap is capped all the same")
	}
	if got := debug.SetGCPercent(100); got != gcPercent {
		t.Errorf("GOMEMLIMIT set: the collector's target is %d, want %d", got, gcPercent)
	}

	h := &heapCap{}
	debug.SetMemoryLimit(math.MaxInt64)
	for i := 1; i <= capEvery; i++ {
		h.rendered(i, 1000)
	}
	live, beside := heapNow()
	limit := debug.SetMemoryLimit(-1)
	if h.limit == 0 || limit != h.limit {
		t.Fatalf("memory limit %d, cap %d: not capped", limit, h.limit)
	}
	if limit < beside+live {
		t.Errorf("cap %d below what the runtime holds (%d live, %d beside)", limit, live, beside)
	}
}
