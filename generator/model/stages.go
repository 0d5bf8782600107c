package model

import (
	"cmp"
	"slices"

	"github.com/waymark-cx/waymark/generator/slug"
)

// StageItems is one stage's items gathered across journeys.
type StageItems struct {
	Stage string
	Items []JourneyItem
}

// JourneyItem is a pain point or opportunity with the journey it is from.
type JourneyItem struct {
	Item
	Journey *Journey
}

// StageRank is the position of a stage name in the site's stage order
// (waymark.toml's stages), compared without case or diacritics; stages
// not in it rank after all that are.
func (s *Site) StageRank(name string) int {
	f := slug.Fold(name)
	for i, st := range s.Config.Stages {
		if slug.Fold(st) == f {
			return i
		}
	}
	return len(s.Config.Stages)
}

// PainPointsByStage gathers the pain points of a persona's journeys by
// stage name, in the site's default stage order; stages the order does not
// name follow in the order they are first met.
func (s *Site) PainPointsByStage(p *Persona) []StageItems {
	var groups []StageItems
	index := map[string]int{}
	for _, j := range p.Journeys {
		for _, st := range j.Stages {
			if len(st.PainPoints) == 0 {
				continue
			}
			key := slug.Fold(st.Name)
			i, ok := index[key]
			if !ok {
				i = len(groups)
				index[key] = i
				groups = append(groups, StageItems{Stage: st.Name})
			}
			for _, it := range st.PainPoints {
				groups[i].Items = append(groups[i].Items, JourneyItem{Item: it, Journey: j})
			}
		}
	}
	first := map[string]int{}
	for i, g := range groups {
		first[g.Stage] = i
	}
	slices.SortStableFunc(groups, func(a, b StageItems) int {
		return cmp.Or(cmp.Compare(s.StageRank(a.Stage), s.StageRank(b.Stage)), cmp.Compare(first[a.Stage], first[b.Stage]))
	})
	return groups
}
