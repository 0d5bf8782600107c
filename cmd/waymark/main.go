// Command waymark publishes customer-journey handbooks (personas, journey
// maps, service blueprints written in Markdown and TOML) as static websites.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:])
	stop()
	os.Exit(code)
}

// run is the command, profiled when WAYMARK_CPUPROFILE or
// WAYMARK_MEMPROFILE says so, with the collector's target of tuneGC and,
// for a build, its heap cap.
func run(ctx context.Context, args []string) int {
	heap := tuneGC()
	endProfile := profile()
	defer endProfile()
	m := NewMain()
	if heap != nil {
		m.onRender = heap.rendered
	}
	return m.Run(ctx, args)
}
