package model

import (
	"path"
	"strings"

	"github.com/waymark-cx/waymark/generator/source"
)

// The keys of a stage whose items the rules look at.
const (
	painPoints    = "pain_points"
	opportunities = "opportunities"
)

// positionsOf says which items and evidence of a journey a one-off build
// looks up the position of: those a message may be about. Finding a key
// inside a [[stage]] means scanning the whole front matter for the
// positions of all its keys (source.Doc.Pos), which took 4% of a
// 1,000-journey build's time and a tenth of what it allocated, for
// positions that, with the site's rules off and its evidence found, no
// message ever shows.
//
// An item's position is shown by the rules (Rules, AllRules): a pain
// point of severity 3 when the site asks critical ones for an owner or
// evidence, an opportunity not scored when it asks for scores. A piece of
// evidence's, when it names no research note (linkEvidence): a slug
// that no file of content/research/ has. A build whose model outlives
// the build (a Cache that keeps, the dev server's) looks up every
// position: its journeys are kept while research notes come and go.
type positionsOf struct {
	critical, unscored bool
	research           map[string]bool // the slugs of content/research/*.md
}

// sparsePositions is what a one-off build of files under config's rules
// looks up.
func sparsePositions(files []*source.File, config *Config) *positionsOf {
	p := &positionsOf{
		critical: config.Rules.On(RuleCriticalNeedsOwner) || config.Rules.On(RuleCriticalNeedsEvidence),
		unscored: config.Rules.On(RuleOpportunityNeedsScore),
		research: map[string]bool{},
	}
	for _, f := range files {
		dir, name := path.Split(f.Path)
		if dir == "content/"+ResearchDir+"/" && strings.HasSuffix(name, ".md") && name != "_index.md" {
			p.research[citedSlug(name)] = true
		}
	}
	return p
}

// itemAt records where the item at path, of a stage's list k, is written,
// unless the build looks up only the positions a message may need and no
// rule may warn of it.
func (d *decoder) itemAt(it *Item, k, path string) {
	if p := d.sparse; p != nil {
		switch {
		case k == painPoints && p.critical && it.critical():
		case k == opportunities && p.unscored && !it.Scored():
		default:
			return
		}
	}
	at := d.at(path)
	it.at = placeOf(at.Line, at.Col)
}

// evidenceAt records where the evidence at path is written, unless the
// build looks up only the positions a message may need and the evidence
// is an address or names a research note there is a file of.
func (d *decoder) evidenceAt(ev *Evidence, path string) {
	if p := d.sparse; p != nil && (ev.External || p.research[citedSlug(ev.Ref)]) {
		return
	}
	at := d.at(path)
	ev.at = placeOf(at.Line, at.Col)
}

// place is where a value is written, line and column, kept beside the
// value for messages: zero when it was made in Go or its position was not
// looked up. Two int32s rather than ints: the model holds one for every
// pain point, opportunity and piece of evidence.
type place [2]int32

func placeOf(line, col int) place { return place{int32(line), int32(col)} }

func (p place) pos() (line, col int) { return int(p[0]), int(p[1]) }
