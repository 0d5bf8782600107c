package hub

import (
	"cmp"
	"slices"
)

// sortStableBy sorts xs by a key made once for each element, keeping the
// order met among equal keys. Comparing keys made with map lookups at
// each comparison (a stable sort makes n·log²n of them) was most of
// filling the hub: the dev server fills it again on every stage edit.
func sortStableBy[T any](xs []T, key func(T) [3]int) {
	type keyed struct {
		k [3]int
		i int
		v T
	}
	ks := make([]keyed, len(xs))
	for i, x := range xs {
		ks[i] = keyed{key(x), i, x}
	}
	slices.SortFunc(ks, func(a, b keyed) int {
		return cmp.Or(cmp.Compare(a.k[0], b.k[0]), cmp.Compare(a.k[1], b.k[1]), cmp.Compare(a.k[2], b.k[2]), cmp.Compare(a.i, b.i))
	})
	for i := range ks {
		xs[i] = ks[i].v
	}
}
