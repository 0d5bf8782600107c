package main

import (
	"context"
	"fmt"
	"time"

	"github.com/waymark-cx/waymark/generator/serve"
)

func (m *Main) serve(ctx context.Context, args []string) int {
	fs := m.flags("serve", "waymark serve [-s SOURCE] [--addr 127.0.0.1:1313] [--drafts] [--poll]",
		"Build the handbook in SOURCE into memory and serve it under the path of\nits base_url, rebuilding and reloading open pages on every change.\nStop with Ctrl-C.")
	var src, addr string
	var drafts, poll bool
	fs.StringVar(&src, "s", ".", "the site `folder` (holding waymark.toml)")
	fs.StringVar(&src, "source", ".", "same as -s")
	fs.StringVar(&addr, "addr", serve.DefaultAddr, "the `host:port` to listen on; loopback only unless you say otherwise")
	fs.BoolVar(&drafts, "drafts", false, "include pages marked draft = true")
	fs.BoolVar(&poll, "poll", false, "poll for changes instead of using inotify (network mounts, some containers)")
	if code, ok := m.parse(fs, args); !ok {
		return code
	}
	if !m.siteFolder(src) {
		return exitContent
	}
	opts := serve.Options{Root: src, Build: m.options(src, "", drafts, nil), Addr: addr, Log: m.Stderr}
	if poll {
		opts.Poll = 500 * time.Millisecond
	}
	err := serve.New(opts).Run(ctx, func(url string) {
		fmt.Fprintf(m.Stdout, "waymark: serving %s at %s (Ctrl-C to stop)\n", src, url)
	})
	if err != nil {
		m.errorf("%v", err)
		return exitContent
	}
	fmt.Fprintln(m.Stdout, "waymark: stopped")
	return exitOK
}
