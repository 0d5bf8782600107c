package serve

import (
	"net"
	"strings"
)

// fileFor maps a request path to the name of a built file, or refuses it.
// Only paths below base are served. Anything that could climb out of the
// site or name a file ambiguously is refused outright, even though the
// files live in memory: "..", percent-encoded dots, slashes and
// backslashes, backslashes, doubled slashes and NUL bytes. A path naming a
// folder maps to its index.html.
func fileFor(base, escapedPath string) (name string, ok bool) {
	lower := strings.ToLower(escapedPath)
	for _, bad := range []string{"%2e", "%2f", "%5c", "%00", "\\", "//", "\x00"} {
		if strings.Contains(lower, bad) {
			return "", false
		}
	}
	if !strings.HasPrefix(escapedPath, base) {
		return "", false
	}
	rest := escapedPath[len(base):]
	for _, seg := range strings.Split(rest, "/") {
		if seg == "." || seg == ".." {
			return "", false
		}
	}
	name = unescape(rest)
	if name == "" || strings.HasSuffix(name, "/") {
		name += "index.html"
	}
	if strings.HasPrefix(name, "/") || hasDotSegment(name) {
		return "", false
	}
	return name, true
}

func hasDotSegment(p string) bool {
	for _, seg := range strings.Split(p, "/") {
		if seg == ".." || seg == "." {
			return true
		}
	}
	return false
}

// unescape decodes percent-escapes (already checked to hold no dots,
// slashes or backslashes); invalid escapes are left as they are.
func unescape(s string) string {
	if !strings.Contains(s, "%") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '%' && i+2 < len(s) && ishex(s[i+1]) && ishex(s[i+2]) {
			b.WriteByte(unhex(s[i+1])<<4 | unhex(s[i+2]))
			i += 2
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

func ishex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

func unhex(c byte) byte {
	switch {
	case '0' <= c && c <= '9':
		return c - '0'
	case 'a' <= c && c <= 'f':
		return c - 'a' + 10
	}
	return c - 'A' + 10
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
