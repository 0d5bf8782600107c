package hub

import (
	"cmp"
	"math"
	"slices"

	"github.com/waymark-cx/waymark/generator/model"
)

// matrixCounts gathers the channel × stage matrix as touchpoints are met.
type matrixCounts struct {
	stages   []string        // stage names as first met
	types    []model.MapType // the map type of the journey each was first met in
	index    map[string]int  // folded stage name → its place in stages
	cells    map[cellKey]*MatrixCell
	channels map[string]bool
}

type cellKey struct{ channel, stage string }

func newMatrixCounts() matrixCounts {
	return matrixCounts{index: map[string]int{}, cells: map[cellKey]*MatrixCell{}, channels: map[string]bool{}}
}

// stage notes a stage name (folded: its column's key) and the type of
// the map it is met in.
func (m *matrixCounts) stage(name, folded string, t model.MapType) {
	if _, ok := m.index[folded]; !ok {
		m.index[folded] = len(m.stages)
		m.stages = append(m.stages, name)
		m.types = append(m.types, t)
	}
}

// add counts a touchpoint of a channel at a stage (folded), with its
// score when it has one.
func (m *matrixCounts) add(channel, stage string, score float64, scored bool) {
	if channel == "" {
		channel = "—"
	}
	m.channels[channel] = true
	k := cellKey{channel, stage}
	c, ok := m.cells[k]
	if !ok {
		c = &MatrixCell{}
		m.cells[k] = c
	}
	c.Count++
	if scored {
		c.Emotion += score
		c.Scored++
	}
}

// table is the matrix: the site's stage model first (the first inModel
// ranks), then the stages outside it by the type of map they were first
// met in, each group in the order met; channels by name.
func (m *matrixCounts) table(fold func(string) string, rank func(string) int, inModel int) *ChannelMatrix {
	types := model.MapTypes()
	key := func(i int) int {
		if r := rank(m.stages[i]); r < inModel {
			return r
		}
		return inModel + slices.Index(types, m.types[i])
	}
	order := make([]int, len(m.stages))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(key(a), key(b)) })
	stages, colTypes := make([]string, len(order)), make([]model.MapType, len(order))
	for i, o := range order {
		stages[i] = m.stages[o]
		if rank(m.stages[o]) >= inModel {
			colTypes[i] = m.types[o]
		}
	}
	m.stages = stages
	t := &ChannelMatrix{Stages: m.stages, Types: colTypes}
	for ch := range m.channels {
		t.Channels = append(t.Channels, ch)
	}
	slices.SortFunc(t.Channels, func(a, b string) int { return cmp.Compare(fold(a), fold(b)) })
	for _, ch := range t.Channels {
		row := make([]MatrixCell, len(t.Stages))
		for i, st := range t.Stages {
			if c, ok := m.cells[cellKey{ch, fold(st)}]; ok {
				row[i] = *c
				if c.Scored > 0 {
					row[i].Emotion = round1(c.Emotion / float64(c.Scored))
					row[i].Level = int(math.Round(row[i].Emotion))
				}
			}
		}
		t.Cells = append(t.Cells, row)
	}
	return t
}
