package generator

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

// TestSearchIndex: the index holds every kind, folds diacritics, and
// finds handbook pages by words in their body.
func TestSearchIndex(t *testing.T) {
	_, files := buildExample(t, "")
	var entries []searchEntry
	if err := json.Unmarshal(files[SearchIndexName], &entries); err != nil {
		t.Fatal(err)
	}
	kinds := map[string]bool{}
	for _, e := range entries {
		kinds[e.Kind] = true
		if e.Folded != strings.ToLower(e.Folded) || strings.ContainsAny(e.Folded, "àáạảãđơư") {
			t.Fatalf("entry %q is not folded: %q", e.Title, e.Folded)
		}
	}
	for _, k := range []string{"persona", "journey", "stage", "touchpoint", "pain-point", "opportunity", "page"} {
		if !kinds[k] {
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
