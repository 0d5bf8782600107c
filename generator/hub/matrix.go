package hub

import (
	"cmp"
	"math"
	"slices"

	"github.com/waymark-cx/waymark/generator/model"
)

// matrixCounts gathers the channel × stage matrix as touchpoints are met:
// every stage and every touchpoint's score, by column and cell, in the
// order of the walk (journey by journey, stage by stage). The hub keeps
// it between builds (update.go): a cell's mean is summed again in that
// order, so that it is the very number a full walk gives.
type matrixCounts struct {
	order  []string              // folded stage names (columns), as first met
	stages map[string][]stageMet // every stage of a column, in the walk's order
	cells  map[cellKey][]cellUse // every touchpoint of a cell, in the walk's order
}

type cellKey struct{ channel, stage string } // the channel as written, the stage folded

// stageMet is a stage of a column's name: the first one met names it,
// and the type of its map places it (table).
type stageMet struct {
	j  *model.Journey
	st *model.Stage
}

// cellUse is a touchpoint counted in a cell, with its score when it has one.
type cellUse struct {
	j      *model.Journey
	score  float64
	scored bool
}

func newMatrixCounts() matrixCounts {
	return matrixCounts{stages: map[string][]stageMet{}, cells: map[cellKey][]cellUse{}}
}

// stage notes a stage of a journey, its name folded: its column's key.
func (m *matrixCounts) stage(j *model.Journey, st *model.Stage, folded string) {
	if _, ok := m.stages[folded]; !ok {
		m.order = append(m.order, folded)
	}
	m.stages[folded] = append(m.stages[folded], stageMet{j, st})
}

// add counts a touchpoint of a channel at a stage (folded), with its
// score when it has one.
func (m *matrixCounts) add(channel, stage string, u cellUse) {
	if channel == "" {
		channel = "—"
	}
	k := cellKey{channel, stage}
	m.cells[k] = append(m.cells[k], u)
}

// remove takes out the stages and touchpoints of the journeys out
// tells, and the columns left without a stage.
func (m *matrixCounts) remove(out func(*model.Journey) bool) {
	for key, sts := range m.stages {
		if sts = slices.DeleteFunc(sts, func(s stageMet) bool { return out(s.j) }); len(sts) == 0 {
			delete(m.stages, key)
		} else {
			m.stages[key] = sts
		}
	}
	for key, us := range m.cells {
		if us = slices.DeleteFunc(us, func(u cellUse) bool { return out(u.j) }); len(us) == 0 {
			delete(m.cells, key)
		} else {
			m.cells[key] = us
		}
	}
	m.order = slices.DeleteFunc(m.order, func(key string) bool { return len(m.stages[key]) == 0 })
}

// merge puts t's stages and touchpoints in their places (the walk's),
// and orders the columns by the stage each is first met at.
func (m *matrixCounts) merge(t matrixCounts) {
	for key, sts := range t.stages {
		if _, ok := m.stages[key]; !ok {
			m.order = append(m.order, key)
		}
		m.stages[key] = merge(m.stages[key], sts, func(a, b stageMet) int { return inWalk(a.j, b.j) })
	}
	for key, us := range t.cells {
		m.cells[key] = merge(m.cells[key], us, func(a, b cellUse) int { return inWalk(a.j, b.j) })
	}
	slices.SortFunc(m.order, func(a, b string) int {
		x, y := m.stages[a][0], m.stages[b][0]
		return cmp.Or(inWalk(x.j, y.j), cmp.Compare(slices.Index(x.j.Stages, x.st), slices.Index(y.j.Stages, y.st)))
	})
}

// table is the matrix: the site's stage model first (the first inModel
// ranks), then the stages outside it by the type of map they were first
// met in, each group in the order met; channels by name.
func (m *matrixCounts) table(fold func(string) string, rank func(string) int, inModel int) *ChannelMatrix {
	types := model.MapTypes()
	first := func(key string) stageMet { return m.stages[key][0] }
	colKey := func(key string) int {
		f := first(key)
		if r := rank(f.st.Name); r < inModel {
			return r
		}
		return inModel + slices.Index(types, f.j.Type)
	}
	order := slices.Clone(m.order)
	slices.SortStableFunc(order, func(a, b string) int { return cmp.Compare(colKey(a), colKey(b)) })
	t := &ChannelMatrix{Stages: make([]string, len(order)), Types: make([]model.MapType, len(order))}
	for i, key := range order {
		f := first(key)
		t.Stages[i] = f.st.Name
		if rank(f.st.Name) >= inModel {
			t.Types[i] = f.j.Type
		}
	}
	seen := map[string]bool{}
	for k := range m.cells {
		if !seen[k.channel] {
			seen[k.channel] = true
			t.Channels = append(t.Channels, k.channel)
		}
	}
	slices.SortFunc(t.Channels, func(a, b string) int { return cmp.Or(cmp.Compare(fold(a), fold(b)), cmp.Compare(a, b)) })
	for _, ch := range t.Channels {
		row := make([]MatrixCell, len(t.Stages))
		for i, key := range order {
			row[i] = cell(m.cells[cellKey{ch, key}])
		}
		t.Cells = append(t.Cells, row)
	}
	return t
}

// cell sums a cell's touchpoints in the walk's order.
func cell(uses []cellUse) MatrixCell {
	c := MatrixCell{Count: len(uses)}
	for _, u := range uses {
		if u.scored {
			c.Emotion += u.score
			c.Scored++
		}
	}
	if c.Scored > 0 {
		c.Emotion = round1(c.Emotion / float64(c.Scored))
		c.Level = int(math.Round(c.Emotion))
	}
	return c
}
