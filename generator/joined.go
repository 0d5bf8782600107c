package generator

import (
	"bufio"
	"bytes"
	"io"

	"github.com/waymark-cx/waymark/generator/internal/par"
	"github.com/waymark-cx/waymark/generator/plan"
)

// makeJoined makes a file of parts (plan.Joined) on every core. A
// Builder's build reuses each part whose inputs are unchanged and keeps
// them all; a one-off build writes the parts as they are made, a chunk at
// a time, without holding the file whole (a large handbook's search index
// is tens of megabytes).
func (r *reuser) makeJoined(o *plan.Output, write func(string, []byte) error,
	stream func(string, func(io.Writer) error) error) error {
	j := o.Joined
	if !r.active {
		return stream(o.Path, func(w io.Writer) error { return streamJoined(w, j, 1024) })
	}
	keys := r.parts[o]
	made := make([][]byte, len(j.Parts))
	_ = par.Each(len(j.Parts), 0, func(i int) error {
		made[i] = r.part(o.Path, &j.Parts[i], keys[i])
		return nil
	})
	var b bytes.Buffer
	joinParts(&b, j, made)
	return r.keep(o, write)(o.Path, b.Bytes())
}

// part is the last build's part when its key is the same, else made anew.
func (r *reuser) part(path string, p *plan.Part, key uint64) []byte {
	name := path + "\x00" + p.ID
	r.b.mu.Lock()
	prev, ok := r.b.last[name]
	r.b.mu.Unlock()
	if !ok || prev.key != key {
		prev = rendered{key: key, data: p.Make()}
	}
	r.mu.Lock()
	r.next[name] = prev
	r.mu.Unlock()
	return prev.data
}

// joinParts writes a joined file whose parts are made.
func joinParts(b *bytes.Buffer, j *plan.Joined, parts [][]byte) {
	n := len(j.Open) + len(j.Close)
	for _, p := range parts {
		n += len(p) + len(j.Sep)
	}
	b.Grow(n)
	b.WriteString(j.Open)
	writeParts(b, j.Sep, parts, true)
	b.WriteString(j.Close)
}

// streamJoined writes a joined file, making its parts chunk at a time.
func streamJoined(w io.Writer, j *plan.Joined, chunk int) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	bw.WriteString(j.Open)
	first := true
	made := make([][]byte, chunk)
	for lo := 0; lo < len(j.Parts); lo += chunk {
		hi := min(lo+chunk, len(j.Parts))
		_ = par.Each(hi-lo, 0, func(i int) error {
			made[i] = j.Parts[lo+i].Make()
			return nil
		})
		first = writeParts(bw, j.Sep, made[:hi-lo], first)
		clear(made)
	}
	bw.WriteString(j.Close)
	return bw.Flush()
}

// writeParts writes the non-empty parts with sep between them, first
// telling whether none is written before them; it returns whether that
// is still so.
func writeParts(w interface {
	io.Writer
	io.StringWriter
}, sep string, parts [][]byte, first bool) bool {
	for _, p := range parts {
		if len(p) == 0 {
			continue
		}
		if !first {
			w.WriteString(sep)
		}
		first = false
		w.Write(p)
	}
	return first
}
