package render

import (
	"html/template"
	"strconv"
	"strings"
	"unsafe"
)

// htmlw writes HTML for the built-in components (components.go): the
// stage table and its cells are most of a journey page, and drawing them
// in Go rather than through html/template makes a journey page several
// times faster to render. Every string from content goes through text or
// attr, which escape what its place needs escaped; links go through href,
// which treats them as html/template does.
type htmlw struct {
	b   []byte
	e   *Engine
	err error // of a theme's partial drawing a part (parts.go)
}

// draw runs f on a new writer with room for about size bytes (a stage
// table is some 20 kB; growing to it by doubling copies it several times).
func (e *Engine) draw(size int, f func(w *htmlw)) *htmlw {
	w := &htmlw{e: e, b: make([]byte, 0, size)}
	f(w)
	return w
}

// WriteString appends s.
func (w *htmlw) WriteString(s string) { w.b = append(w.b, s...) }

// Write appends p: a partial drawing a part writes here.
func (w *htmlw) Write(p []byte) (int, error) {
	w.b = append(w.b, p...)
	return len(p), nil
}

// String returns what was written.
func (w *htmlw) String() string { return string(w.b) }

// html returns what was written, as trusted HTML for a template. The
// bytes become the string's, not a copy of them (as strings.Builder hands
// its bytes over): a writer of draw lives for one drawing, and nothing
// writes to it after this.
func (w *htmlw) html() template.HTML {
	return template.HTML(unsafe.String(unsafe.SliceData(w.b), len(w.b)))
}

// raw writes markup as it is: only ever literals of this package.
func (w *htmlw) raw(s ...string) {
	for _, p := range s {
		w.WriteString(p)
	}
}

// text writes content text, escaped: in an element's content, & and <
// (and > for good measure) are all that must be, and NUL becomes U+FFFD
// as html/template makes it. Quotes are left as they are, as the
// minifier leaves them.
func (w *htmlw) text(s string) { w.escape(s, false) }

// attr writes the value of a double-quoted attribute, escaped.
func (w *htmlw) attr(s string) { w.escape(s, true) }

func (w *htmlw) escape(s string, quote bool) {
	last := 0
	for i := 0; i < len(s); i++ {
		var rep string
		switch s[i] {
		case '&':
			rep = "&amp;"
		case '<':
			rep = "&lt;"
		case '>':
			rep = "&gt;"
		case 0:
			rep = "\uFFFD"
		case '"':
			if !quote {
				continue
			}
			rep = "&#34;"
		default:
			continue
		}
		w.WriteString(s[last:i])
		w.WriteString(rep)
		last = i + 1
	}
	w.WriteString(s[last:])
}

// int writes a whole number.
func (w *htmlw) int(n int) { w.WriteString(strconv.Itoa(n)) }

// t writes a UI string, escaped.
func (w *htmlw) t(key string, args ...any) { w.text(w.e.translate(key, args...)) }

// href writes a link target: a site path made absolute under the base
// path (as the url function does), normalized and escaped the way
// html/template treats a URL in an href, unsafe schemes included.
func (w *htmlw) href(p string) { w.attr(normalizeURL(w.e.url(p))) }

// normalizeURL mirrors html/template's handling of a URL attribute: a
// scheme other than http, https or mailto is refused ("#ZgotmplZ"), and
// bytes that may not appear in a URL are percent-encoded.
func normalizeURL(u string) string {
	if i := strings.IndexAny(u, ":/?#"); i > 0 && u[i] == ':' {
		switch strings.ToLower(u[:i]) {
		case "http", "https", "mailto":
		default:
			return "#ZgotmplZ"
		}
	}
	var b strings.Builder
	for i := 0; i < len(u); i++ {
		c := u[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9',
			strings.IndexByte("!#$&*+,/:;=?@[]-._~%", c) >= 0:
			b.WriteByte(c)
		default:
			b.WriteString("%" + strings.ToUpper(strconv.FormatUint(uint64(c)|0x100, 16)[1:]))
		}
	}
	return b.String()
}
