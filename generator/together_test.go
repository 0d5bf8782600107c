package generator

import (
	"slices"
	"testing"

	"github.com/waymark-cx/waymark/generator/model"
	"github.com/waymark-cx/waymark/generator/plan"
	"github.com/waymark-cx/waymark/generator/render"
)

// TestTogether: the pages of one journey are chained after its first,
// in the order planned; other outputs stay alone and in place.
func TestTogether(t *testing.T) {
	a, b := &model.Journey{}, &model.Journey{}
	pg := func(j *model.Journey) *plan.Output { return &plan.Output{Page: &render.Page{Journey: j}} }
	outs := []*plan.Output{pg(a), {Path: "a.csv"}, pg(b), pg(nil), pg(a), pg(b), pg(a)}
	next, follows := together(outs)
	if want := []int{4, -1, 5, -1, 6, -1, -1}; !slices.Equal(next, want) {
		t.Errorf("next = %v, want %v", next, want)
	}
	if want := []bool{false, false, false, false, true, true, true}; !slices.Equal(follows, want) {
		t.Errorf("follows = %v, want %v", follows, want)
	}
}
