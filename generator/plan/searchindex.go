package plan

import (
	"encoding/json"
	"strings"

	"github.com/waymark-cx/waymark/generator/model"
	"github.com/waymark-cx/waymark/generator/slug"
)

// The search index (search-index.json) is built at build time and
// searched in the browser. It is a JSON array of entries; a journey's
// entry carries its stages, and each stage its touchpoints, pain points
// and opportunities, so that what they share (the journey's address and
// title, the stage's name) is written once rather than in each of the
// ~40 things a journey lets search find. The browser (search.js) unfolds
// them: a stage links to the journey's address + "#stage-N" and is shown
// in the journey's title; an item links to its stage and is shown in
// "journey title · stage name".
//
// F fields hold the folded words (lower case, no diacritics: slug.Fold)
// that find an entry besides its title and context, which search.js folds
// itself, so that typing "hanh trinh" finds "Hành trình".
type searchEntry struct {
	Kind    string        `json:"k"` // persona, journey, page
	Title   string        `json:"t"`
	URL     string        `json:"u"` // relative to the site root
	Context string        `json:"c,omitempty"`
	Folded  string        `json:"f,omitempty"`
	Stages  []searchStage `json:"s,omitempty"`
}

// searchStage is a journey's stage in the index. Its lists hold a title
// and its folded words in turn: [title, folded, title, folded, …].
type searchStage struct {
	Name          string   `json:"t"`
	Folded        string   `json:"f,omitempty"`
	Touchpoints   []string `json:"tp,omitempty"`
	PainPoints    []string `json:"pp,omitempty"`
	Opportunities []string `json:"op,omitempty"`
}

// SearchIndexName is where the search index is written.
const SearchIndexName = "search-index.json"

// searchIndex plans the search index: a part for each persona, journey
// and handbook page (not a section's introduction), in that order, each
// showing its entry's file. A persona is found by its segment, place,
// quote, tags, goals, needs, pain points, motivations, barriers, channels
// and story.
func searchIndex(p *Planner) {
	var parts []Part
	for _, per := range p.Site.Personas {
		parts = append(parts, Part{ID: per.Path, In: Inputs{Source: &per.Entry}, Make: func() []byte {
			return searchEntry{Kind: "persona", Title: per.Name, URL: per.URL, Context: per.Role,
				Folded: folded(per.Segment, per.Location, per.Quote, strings.Join(per.Tags, " "),
					strings.Join(per.Goals, " "), strings.Join(per.Needs, " "), strings.Join(per.PainPoints, " "),
					strings.Join(per.Motivations, " "), strings.Join(per.Barriers, " "), strings.Join(per.Channels, " "),
					plainText(per.Body, 2000))}.json()
		}})
	}
	for _, j := range p.Site.Journeys {
		parts = append(parts, Part{ID: j.Path, In: Inputs{Fronts: []*model.Journey{j}}, Make: func() []byte { return journeyEntry(j).json() }})
	}
	for _, pg := range p.Site.Pages {
		if pg.IsIndex {
			continue
		}
		parts = append(parts, Part{ID: pg.Path, In: Inputs{Source: &pg.Entry}, Make: func() []byte {
			if pg.Research != nil {
				return researchEntry(pg).json()
			}
			return searchEntry{Kind: "page", Title: pg.Title, URL: pg.URL, Context: pg.Description,
				Folded: folded(plainText(pg.Body, 20000))}.json()
		}})
	}
	p.Joined(SearchIndexName, Joined{Open: "[", Sep: ",", Close: "]", Parts: parts})
}

func journeyEntry(j *model.Journey) searchEntry {
	e := searchEntry{Kind: "journey", Title: j.Title, URL: j.URL, Context: j.Summary,
		Folded: folded(j.Goal, j.Owner, strings.Join(j.Tags, " "))}
	e.Stages = make([]searchStage, len(j.Stages))
	for i, st := range j.Stages {
		s := &e.Stages[i]
		s.Name = st.Name
		s.Folded = folded(st.Description, st.Feeling, strings.Join(st.Actions, " "), laneText(j, st))
		for _, tp := range st.Touchpoints {
			s.Touchpoints = append(s.Touchpoints, tp.Name, folded(tp.Channel, tp.Owner, tp.Description))
		}
		for _, it := range st.PainPoints {
			s.PainPoints = append(s.PainPoints, it.Text, folded(it.Owner))
		}
		for _, it := range st.Opportunities {
			s.Opportunities = append(s.Opportunities, it.Text, folded(it.Owner))
		}
	}
	return e
}

// laneText is the text of a stage's custom lanes, for search: their
// strings, texts, and items with their owners.
func laneText(j *model.Journey, st *model.Stage) string {
	var words []string
	for _, l := range j.Lanes {
		v := st.Lane(l.Key)
		if v.Empty() {
			continue
		}
		words = append(words, v.List...)
		words = append(words, v.Text)
		for _, it := range v.Items {
			words = append(words, it.Text, it.Owner)
		}
	}
	return strings.Join(words, " ")
}

// researchEntry is a research note in the index: found by its method,
// its participants' quotes and who said them, and its text.
func researchEntry(pg *model.Page) searchEntry {
	r := pg.Research
	words := []string{r.Method}
	for _, q := range r.Quotes {
		words = append(words, q.Text, q.Who)
	}
	words = append(words, plainText(pg.Body, 20000))
	return searchEntry{Kind: "research", Title: pg.Title, URL: pg.URL, Context: pg.Description, Folded: folded(words...)}
}

// folded joins the words that find an entry besides its title and
// context, folded.
func folded(words ...string) string {
	n := 0
	for _, w := range words {
		if w != "" {
			words[n] = w
			n++
		}
	}
	return slug.Fold(strings.Join(words[:n], " "))
}

// json is the entry as an element of the index's array; nil for an entry
// without a title, which search could not show.
func (e searchEntry) json() []byte {
	if e.Title == "" {
		return nil
	}
	b, _ := json.Marshal(e)
	return b
}

// plainText is Markdown reduced to its words, at most max bytes, for
// search: handbook pages and persona stories are found by what they say,
// not only by their titles.
func plainText(md []byte, max int) string {
	var b strings.Builder
	space := false
	for _, r := range string(md) {
		if b.Len() >= max {
			break
		}
		switch {
		case r == '#' || r == '*' || r == '_' || r == '`' || r == '[' || r == ']' || r == '(' || r == ')' || r == '|' || r == '>' || r == '~':
			r = ' '
		}
		if r == ' ' || r == '\n' || r == '\t' || r == '\r' {
			if !space {
				b.WriteByte(' ')
				space = true
			}
			continue
		}
		space = false
		b.WriteRune(r)
	}
	return strings.TrimSpace(b.String())
}
