package serve

import (
	"context"
	"slices"
	"time"
)

// batch gathers file events into one rebuild: after the first event it
// waits until quiet has passed without another (an editor's save is often
// several events: write a temporary file, rename it, change its mode), but
// never longer than maxWait, then sends the sorted, de-duplicated paths.
func batch(ctx context.Context, in <-chan string, out chan<- []string, quiet, maxWait time.Duration) {
	defer close(out)
	for {
		var first string
		select {
		case <-ctx.Done():
			return
		case p, ok := <-in:
			if !ok {
				return
			}
			first = p
		}
		paths := []string{first}
		deadline := time.NewTimer(maxWait)
		idle := time.NewTimer(quiet)
	gather:
		for {
			select {
			case <-ctx.Done():
				deadline.Stop()
				idle.Stop()
				return
			case p, ok := <-in:
				if !ok {
					break gather
				}
				paths = append(paths, p)
				idle.Reset(quiet)
			case <-idle.C:
				break gather
			case <-deadline.C:
				break gather
			}
		}
		deadline.Stop()
		idle.Stop()
		slices.Sort(paths)
		select {
		case out <- slices.Compact(paths):
		case <-ctx.Done():
			return
		}
	}
}
