package serve

import (
	"io/fs"
	"net"
	"strings"
)

// inside reports whether rest, a request's path below the base (percent-
// escapes decoded), names a file or folder of the site in one way only.
// A path with an empty, "." or ".." segment, a backslash or a NUL byte,
// or that is not UTF-8, is refused rather than cleaned: it is no link
// the site makes, and the file server then only ever opens the name
// checked here.
func inside(rest string) bool {
	if rest == "" {
		return true
	}
	name := strings.TrimSuffix(rest, "/")
	return name != "." && fs.ValidPath(name) && !strings.ContainsAny(name, "\\\x00")
}

// hostAllowed reports whether a request naming host (its Host header,
// with or without a port) may be answered by a server listening on
// listen (host:port). A server on a loopback address answers only to
// loopback names: a web page the author visits could otherwise point a
// name of its own at 127.0.0.1 (DNS rebinding) and read the handbook and
// its error overlay's source lines. A server shared on the network
// (--addr 0.0.0.0:1313) answers to any name.
func hostAllowed(listen, host string) bool {
	lh, _, err := net.SplitHostPort(listen)
	if err != nil {
		lh = listen
	}
	if !isLoopback(lh) {
		return true
	}
	h, _, err := net.SplitHostPort(host)
	if err != nil {
		h = host
	}
	h = strings.TrimSuffix(strings.TrimPrefix(h, "["), "]")
	return isLoopback(h) || strings.EqualFold(h, lh)
}

// isLoopback reports whether host names this machine only: localhost (or
// a name below it) or a loopback address.
func isLoopback(host string) bool {
	host = strings.ToLower(strings.TrimSuffix(host, "."))
	if host == "localhost" || strings.HasSuffix(host, ".localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
