package generator

import (
	"bytes"
	"testing"

	"github.com/waymark-cx/waymark/generator/export"
)

// TestMadeKeepsHeldBytes: a worker's file buffer is used again file after
// file, but never a file's own bytes that a maker handed back (the
// author's .md, the schema), however large: the next file must not
// overwrite them.
func TestMadeKeepsHeldBytes(t *testing.T) {
	s := &scratch{reuse: true}
	held := bytes.Repeat([]byte("h"), 40<<10)
	orig := bytes.Clone(held)
	if got := s.made(func(dst []byte) []byte { return held }); &got[0] != &held[0] {
		t.Fatal("made did not give the maker's bytes")
	}
	for i, n := range []int{1 << 10, 50 << 10, 1 << 10} { // within the held bytes' room, and beyond
		got := s.made(func(dst []byte) []byte { return append(dst, bytes.Repeat([]byte{'a' + byte(i)}, n)...) })
		if len(got) != n || got[0] != 'a'+byte(i) {
			t.Fatalf("file %d: got %d bytes", i, len(got))
		}
	}
	if !bytes.Equal(held, orig) {
		t.Error("a later file overwrote bytes a maker held")
	}
	// Appended into the worker's buffer, as export.AppendHeld does.
	a := s.made(func(dst []byte) []byte { return export.AppendHeld(dst, []byte("one")) })
	b := s.made(func(dst []byte) []byte { return export.AppendHeld(dst, []byte("two")) })
	if string(b) != "two" || &a[0] != &b[0] {
		t.Errorf("the worker's buffer was not used again: %q", b)
	}
	if got := (*scratch)(nil).made(func(dst []byte) []byte { return export.AppendHeld(dst, held) }); &got[0] != &held[0] {
		t.Error("with no buffer to lend, made copied bytes a maker held")
	}
}
