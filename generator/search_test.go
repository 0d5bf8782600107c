package generator

import (
	"bytes"
	"encoding/json"
	"strconv"
	"strings"
	"testing"
)

// foundEntry is one thing search finds, as search.js unfolds the index.
type foundEntry struct {
	Kind, Title, URL, Context, Folded string
}

// unfoldIndex reads the index as search.js does (unfold): a journey's
// stages and their items become entries of their own.
func unfoldIndex(t *testing.T, index []byte) []foundEntry {
	t.Helper()
	var groups []searchEntry
	if err := json.Unmarshal(index, &groups); err != nil {
		t.Fatal(err)
	}
	var out []foundEntry
	for _, g := range groups {
		out = append(out, foundEntry{g.Kind, g.Title, g.URL, g.Context, g.Folded})
		for i, s := range g.Stages {
			u := g.URL + "#stage-" + strconv.Itoa(i+1)
			out = append(out, foundEntry{"stage", s.Name, u, g.Title, s.Folded})
			where := g.Title + " · " + s.Name
			for _, l := range []struct {
				kind  string
				items []string
			}{{"touchpoint", s.Touchpoints}, {"pain-point", s.PainPoints}, {"opportunity", s.Opportunities}} {
				if len(l.items)%2 != 0 {
					t.Fatalf("%s, stage %q: %s list of odd length %d", g.URL, s.Name, l.kind, len(l.items))
				}
				for n := 0; n < len(l.items); n += 2 {
					out = append(out, foundEntry{l.kind, l.items[n], u, where, l.items[n+1]})
				}
			}
		}
	}
	return out
}

// TestSearchIndex: the index holds every kind, folds diacritics, and
// finds handbook pages by words in their body.
func TestSearchIndex(t *testing.T) {
	_, files := buildExample(t, "")
	entries := unfoldIndex(t, files[SearchIndexName])
	kinds := map[string]int{}
	for _, e := range entries {
		kinds[e.Kind]++
		if e.Title == "" {
			t.Errorf("an entry without a title: %+v", e)
		}
		if e.Folded != strings.ToLower(e.Folded) || strings.ContainsAny(e.Folded, "àáạảãđơư") {
			t.Fatalf("entry %q is not folded: %q", e.Title, e.Folded)
		}
	}
	for _, k := range []string{"persona", "journey", "stage", "touchpoint", "pain-point", "opportunity", "page"} {
		if kinds[k] == 0 {
			t.Errorf("no %s in the search index", k)
		}
	}
	found := false
	for _, e := range entries {
		if e.Kind == "page" && e.URL == "docs/format/" && strings.Contains(e.Folded, "severity") {
			found = true
		}
	}
	if !found {
		t.Error("the format reference is not found by a word of its body (severity)")
	}
	// A stage and its items: where they link and what they are shown in.
	const (
		journey = "Hành trình đặt hàng và đổi trả của Minh"
		stage1  = "journeys/hanh-trinh-dat-hang-va-doi-tra/#stage-1"
	)
	var stage, touchpoint bool
	for _, e := range entries {
		stage = stage || e.Kind == "stage" && e.Title == "Tìm sản phẩm" && e.URL == stage1 && e.Context == journey
		touchpoint = touchpoint || e.Kind == "touchpoint" && e.URL == stage1 && e.Context == journey+" · Tìm sản phẩm"
	}
	if !stage || !touchpoint {
		t.Errorf("stage 1 of %q in the index: the stage %v, a touchpoint of it %v", journey, stage, touchpoint)
	}
}

// TestWriteSearchIndex: the index written a chunk at a time, as a one-off
// build does, is the index made whole, as the dev server does.
func TestWriteSearchIndex(t *testing.T) {
	rep, files := buildExample(t, "")
	whole := searchIndex(rep.Site, nil)
	if !bytes.Equal(files[SearchIndexName], whole) {
		t.Error("the build's search index is not the one made whole")
	}
	for _, chunk := range []int{1, 2, 7, 1024} {
		var buf bytes.Buffer
		if err := writeSearchIndex(&buf, rep.Site, chunk); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(buf.Bytes(), whole) {
			t.Errorf("chunks of %d: the index differs from the one made whole", chunk)
		}
	}
}
