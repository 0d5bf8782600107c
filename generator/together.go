package generator

import (
	"github.com/waymark-cx/waymark/generator/model"
	"github.com/waymark-cx/waymark/generator/plan"
)

// together chains the pages that draw the same journey's map (its page,
// its print view) so that one worker makes them one after the other, and
// the later ones put in the stage table that the first drew (render.
// Fragments keeps it). next[i] is the output made right after outs[i],
// or -1; follows[i] is set for the outputs made so rather than on their
// own. Every other output is made alone, in the order planned.
func together(outs []*plan.Output) (next []int, follows []bool) {
	next, follows = make([]int, len(outs)), make([]bool, len(outs))
	last := map[*model.Journey]int{} // each journey's latest page so far
	for i, o := range outs {
		next[i] = -1
		if o.Page == nil || o.Page.Journey == nil {
			continue
		}
		j := o.Page.Journey
		if k, ok := last[j]; ok {
			next[k], follows[i] = i, true
		}
		last[j] = i
	}
	return next, follows
}
