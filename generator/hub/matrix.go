package hub

import (
	"cmp"
	"math"
	"slices"
)

// matrixCounts gathers the channel × stage matrix as touchpoints are met.
type matrixCounts struct {
	stages   []string       // stage names as first met
	index    map[string]int // folded stage name → its place in stages
	cells    map[cellKey]*MatrixCell
	channels map[string]bool
}

type cellKey struct{ channel, stage string }

func newMatrixCounts() matrixCounts {
	return matrixCounts{index: map[string]int{}, cells: map[cellKey]*MatrixCell{}, channels: map[string]bool{}}
}

// stage notes a stage name (folded: its column's key).
func (m *matrixCounts) stage(name, folded string) {
	if _, ok := m.index[folded]; !ok {
		m.index[folded] = len(m.stages)
		m.stages = append(m.stages, name)
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

// table is the matrix: the site's stage order first, channels by name.
func (m *matrixCounts) table(fold func(string) string, rank func(string) int) *ChannelMatrix {
	slices.SortStableFunc(m.stages, func(a, b string) int { return cmp.Compare(rank(a), rank(b)) })
	t := &ChannelMatrix{Stages: m.stages}
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
