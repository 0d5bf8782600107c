package markup

import (
	"strconv"

	"github.com/yuin/goldmark/ast"

	"github.com/waymark-cx/waymark/generator/slug"
)

// ids gives headings ASCII ids made like page slugs, so that
// "## Điểm chạm" gets id="diem-cham" rather than an id goldmark would
// strip of its Vietnamese letters. Repeats get -1, -2 … suffixes.
type ids struct {
	seen map[string]bool
}

func newIDs() *ids { return &ids{seen: map[string]bool{}} }

func (s *ids) Generate(value []byte, kind ast.NodeKind) []byte {
	base := slug.Make(string(value))
	if base == "" {
		base = "section"
	}
	id := base
	for i := 1; s.seen[id]; i++ {
		id = base + "-" + strconv.Itoa(i)
	}
	s.seen[id] = true
	return []byte(id)
}

func (s *ids) Put(value []byte) {
	s.seen[string(value)] = true
}
