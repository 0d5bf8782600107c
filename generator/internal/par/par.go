// Package par runs a build's independent pieces of work on every core.
package par

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// Each calls do(i) for every i from 0 to n-1 on up to workers goroutines
// (GOMAXPROCS when workers <= 0), and returns the first error; once one
// call has failed, no other is started.
func Each(n, workers int, do func(i int) error) error {
	return EachWith(n, workers, func() func(int) error { return do })
}

// EachWith is Each for work that needs state of its own on each
// goroutine, such as a hash or a buffer: every worker calls start once,
// then the func it returns for each i it takes.
func EachWith(n, workers int, start func() func(i int) error) error {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	workers = min(workers, n)
	var next atomic.Int64
	var first error
	var once sync.Once
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			do := start()
			for {
				i := int(next.Add(1)) - 1
				if i >= n {
					return
				}
				if err := do(i); err != nil {
					once.Do(func() { first = err })
					next.Store(int64(n))
					return
				}
			}
		})
	}
	wg.Wait()
	return first
}

// For is how many workers n small pieces of work (a file to read or
// decode) are worth: one a core, but one per 64 pieces at most, since
// starting a worker costs more than a few pieces take.
func For(n int) int { return min(runtime.GOMAXPROCS(0), n/64+1) }
