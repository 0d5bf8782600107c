package generator

import (
	"bytes"
	"context"
	"encoding/json"
	"strconv"
	"strings"
	"testing"

	"github.com/waymark-cx/waymark/generator/output"
	"github.com/waymark-cx/waymark/generator/plan"
)

// foundEntry is one thing search finds, as search.js unfolds the index.
type foundEntry struct {
	Kind, Title, URL, Context, Folded string
}

// unfoldIndex reads the index as search.js does (unfold): a journey's
// stages and their items become entries of their own.
func unfoldIndex(t *testing.T, index []byte) []foundEntry {
	t.Helper()
	// The index's format, as search.js reads it (content/docs/theming.md).
	var groups []struct {
		Kind    string `json:"k"`
		Title   string `json:"t"`
		URL     string `json:"u"`
		Context string `json:"c"`
		Folded  string `json:"f"`
		Stages  []struct {
			Name          string   `json:"t"`
			Folded        string   `json:"f"`
			Touchpoints   []string `json:"tp"`
			PainPoints    []string `json:"pp"`
			Opportunities []string `json:"op"`
		} `json:"s"`
	}
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
	entries := unfoldIndex(t, files[plan.SearchIndexName])
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
	for _, k := range []string{"persona", "journey", "stage", "touchpoint", "pain-point", "opportunity", "page", "research"} {
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
	// A research note is found by its method and by its quotes, in
	// either language, and who said them.
	for _, word := range []string{"in-depth interviews", "timer ran out", "dat nham layout", "sinh vien"} {
		found := false
		for _, e := range entries {
			if e.Kind == "research" && e.URL == "research/shopper-interviews-aug-2026/" && strings.Contains(e.Folded, word) {
				found = true
			}
		}
		if !found {
			t.Errorf("the shopper interviews are not found by %q, from their method or quotes", word)
		}
	}
	// A persona is found by what its lists say: a goal, a need, a pain
	// point, a motivation, a barrier, a channel.
	for _, word := range []string{"mall after work", "real photos", "couriers calling", "commutes", "counterfeit serum", "zalo"} {
		found := false
		for _, e := range entries {
			if e.Kind == "persona" && e.URL == "personas/lan/" && strings.Contains(e.Folded, word) {
				found = true
			}
		}
		if !found {
			t.Errorf("Lan is not found by %q, from her lists", word)
		}
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
// build does, is the index a Builder joins from its parts.
func TestWriteSearchIndex(t *testing.T) {
	_, files := buildExample(t, "")
	b := NewBuilder(testOptions(".."))
	mem := output.NewMemory()
	b.SetOutput(mem)
	if _, err := b.Build(context.Background(), nil); err != nil {
		t.Fatal(err)
	}
	whole := mem.Files()[plan.SearchIndexName]
	if len(whole) < 1000 || !bytes.Equal(files[plan.SearchIndexName], whole) {
		t.Error("the one-off build's search index is not the one a Builder joins")
	}
	var parts []plan.Part
	for i, s := range []string{"", "a", "", "bb", "c", "", ""} {
		parts = append(parts, plan.Part{ID: strconv.Itoa(i), Make: func() []byte { return []byte(s) }})
	}
	j := &plan.Joined{Open: "[", Sep: ",", Close: "]", Parts: parts}
	made := make([][]byte, len(parts))
	for i, p := range parts {
		made[i] = p.Make()
	}
	var joined bytes.Buffer
	joinParts(&joined, j, made)
	if joined.String() != "[a,bb,c]" {
		t.Errorf("joined: %q, want [a,bb,c]", joined.String())
	}
	for _, chunk := range []int{1, 2, 3, 1024} {
		var buf bytes.Buffer
		if err := streamJoined(&buf, j, chunk); err != nil {
			t.Fatal(err)
		}
		if buf.String() != joined.String() {
			t.Errorf("chunks of %d: %q, want %q", chunk, buf.String(), joined.String())
		}
	}
}
