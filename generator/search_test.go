package generator

import (
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
