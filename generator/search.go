package generator

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"strings"
	"sync"

	"github.com/waymark-cx/waymark/generator/internal/par"
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

// searchParts keeps each entry's part of the index between builds: an
// entry is unchanged while the model cache hands out the same one. A nil
// *searchParts keeps nothing.
type searchParts struct {
	mu         sync.Mutex
	last, next map[*model.Entry][]byte
	// lastParts and lastOut are the previous index: when every part is
	// the same, it is reused whole.
	lastParts [][]byte
	lastOut   []byte
}

// forget drops an entry's part, after its body changed in place.
func (c *searchParts) forget(e *model.Entry) {
	if c != nil {
		delete(c.last, e)
		c.lastParts = nil
	}
}

func (c *searchParts) get(e *model.Entry, make func() []byte) []byte {
	if c == nil {
		return make()
	}
	c.mu.Lock()
	b, ok := c.last[e]
	c.mu.Unlock()
	if !ok {
		b = make()
	}
	c.mu.Lock()
	c.next[e] = b
	c.mu.Unlock()
	return b
}

// searchIndex lists personas, journeys, stages, touchpoints, pain points,
// opportunities and handbook pages, as a JSON array.
func searchIndex(site *model.Site, cache *searchParts) []byte {
	if cache != nil {
		cache.next = map[*model.Entry][]byte{}
		defer func() { cache.last, cache.next = cache.next, nil }()
	}
	makers := searchMakers(site, cache)
	made := make([][]byte, len(makers))
	_ = par.Each(len(makers), 0, func(i int) error {
		made[i] = makers[i]()
		return nil
	})
	parts := made[:0]
	for _, part := range made {
		if len(part) > 0 {
			parts = append(parts, part)
		}
	}
	if cache != nil && samePieces(parts, cache.lastParts) {
		return cache.lastOut
	}
	n := 2 + len(parts)
	for _, p := range parts {
		n += len(p)
	}
	var b bytes.Buffer
	b.Grow(n)
	b.WriteByte('[')
	writeElems(&b, parts, true)
	b.WriteByte(']')
	out := b.Bytes()
	if cache != nil {
		cache.lastParts, cache.lastOut = parts, out
	}
	return out
}

// writeSearchIndex writes what searchIndex returns without ever holding
// it whole: a large handbook's index is tens of megabytes. Parts are made
// on every core, chunk entries at a time.
func writeSearchIndex(w io.Writer, site *model.Site, chunk int) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	makers := searchMakers(site, nil)
	bw.WriteByte('[')
	first := true
	made := make([][]byte, chunk)
	for lo := 0; lo < len(makers); lo += chunk {
		hi := min(lo+chunk, len(makers))
		_ = par.Each(hi-lo, 0, func(i int) error {
			made[i] = makers[lo+i]()
			return nil
		})
		first = writeElems(bw, made[:hi-lo], first)
		clear(made)
	}
	bw.WriteByte(']')
	return bw.Flush()
}

// writeElems writes the non-empty parts as elements of a JSON array,
// first telling whether none is written before them; it returns whether
// that is still so.
func writeElems(w interface {
	io.Writer
	io.ByteWriter
}, parts [][]byte, first bool) bool {
	for _, p := range parts {
		if len(p) == 0 {
			continue
		}
		if !first {
			w.WriteByte(',')
		}
		first = false
		w.Write(p)
	}
	return first
}

// searchMakers returns a maker of each entry's part of the index, in the
// index's order; a part may be empty.
func searchMakers(site *model.Site, cache *searchParts) []func() []byte {
	var makers []func() []byte
	for _, p := range site.Personas {
		makers = append(makers, func() []byte {
			return cache.get(&p.Entry, func() []byte {
				return searchEntry{Kind: "persona", Title: p.Name, URL: p.URL, Context: p.Role,
					Folded: folded(p.Segment, p.Location, p.Quote, strings.Join(p.Tags, " "), plainText(p.Body, 2000))}.json()
			})
		})
	}
	for _, j := range site.Journeys {
		makers = append(makers, func() []byte {
			return cache.get(&j.Entry, func() []byte { return journeyEntry(j).json() })
		})
	}
	for _, p := range site.Pages {
		if p.IsIndex {
			continue
		}
		makers = append(makers, func() []byte {
			return cache.get(&p.Entry, func() []byte {
				return searchEntry{Kind: "page", Title: p.Title, URL: p.URL, Context: p.Description,
					Folded: folded(plainText(p.Body, 20000))}.json()
			})
		})
	}
	return makers
}

// samePieces reports whether two lists hold the very same slices.
func samePieces(a, b [][]byte) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if len(a[i]) != len(b[i]) || &a[i][0] != &b[i][0] {
			return false
		}
	}
	return true
}

func journeyEntry(j *model.Journey) searchEntry {
	e := searchEntry{Kind: "journey", Title: j.Title, URL: j.URL, Context: j.Summary,
		Folded: folded(j.Goal, j.Owner, strings.Join(j.Tags, " "))}
	e.Stages = make([]searchStage, len(j.Stages))
	for i, st := range j.Stages {
		s := &e.Stages[i]
		s.Name = st.Name
		s.Folded = folded(st.Description, st.Feeling, strings.Join(st.Actions, " "))
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
