package main

import (
	"context"
	"fmt"
	"runtime"
	"runtime/debug"
)

func (m *Main) version(_ context.Context, args []string) int {
	fs := m.flags("version", "waymark version", "Print the version of waymark and of Go that built it.")
	if code, ok := m.parse(fs, args); !ok {
		return code
	}
	v := "(devel)"
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" {
		v = bi.Main.Version
	}
	fmt.Fprintf(m.Stdout, "waymark %s %s/%s %s\n", v, runtime.GOOS, runtime.GOARCH, runtime.Version())
	return exitOK
}
