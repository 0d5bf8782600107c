package main

import (
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"
)

// profile starts the profiles that WAYMARK_CPUPROFILE and
// WAYMARK_MEMPROFILE ask for (file paths), for measuring a build of a
// large handbook with the command itself (BENCHMARKS.md). The returned
// func writes them out.
func profile() (stop func()) {
	cpu, mem := os.Getenv("WAYMARK_CPUPROFILE"), os.Getenv("WAYMARK_MEMPROFILE")
	if mem == "" {
		// Go samples allocations for a profile nobody asked for: a
		// record of every place sampled, 1.5-2 MB of a build's memory.
		runtime.MemProfileRate = 0
	}
	var cpuFile *os.File
	if cpu != "" {
		f, err := os.Create(cpu)
		if err == nil {
			err = pprof.StartCPUProfile(f)
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, "waymark: WAYMARK_CPUPROFILE:", err)
		} else {
			cpuFile = f
		}
	}
	return func() {
		if cpuFile != nil {
			pprof.StopCPUProfile()
			cpuFile.Close()
		}
		if mem != "" {
			f, err := os.Create(mem)
			if err == nil {
				runtime.GC()
				err = pprof.Lookup("allocs").WriteTo(f, 0)
				f.Close()
			}
			if err != nil {
				fmt.Fprintln(os.Stderr, "waymark: WAYMARK_MEMPROFILE:", err)
			}
		}
	}
}
