package main

import (
	"fmt"
	"io/fs"
	"maps"
	"path/filepath"
	"slices"
	"strings"
)

// kinds counts the files of a built tree by what they are: the products
// both sites make of the same data (issue 20: equal work), named the same
// whichever tool wrote them. Files of no kind (Waymark's blank templates,
// its other hub views, static files; Hugo's lists) are counted as
// "other", which is not compared.
func kinds(root string) (map[string]int, error) {
	counts := map[string]int{}
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, err := filepath.Rel(root, p)
		if err != nil {
			return err
		}
		counts[kindOf(filepath.ToSlash(rel))]++
		return nil
	})
	return counts, err
}

// kindOf names what the file at rel (a slash path in the output) is.
// Waymark writes a journey's print page at journeys/<slug>/print/ and its
// downloads as <slug>.<ext>; Hugo at journeys/<slug>/print.html and
// index.<ext>.
func kindOf(rel string) string {
	parts := strings.Split(rel, "/")
	name, ext := parts[len(parts)-1], filepath.Ext(rel)
	switch {
	case rel == "index.html":
		return "home page"
	case rel == "sitemap.xml":
		return "sitemap"
	case rel == "search-index.json":
		return "search index"
	case len(parts) == 3 && parts[0] == "journeys" && name == "index.html":
		return "journey page"
	case len(parts) == 3 && parts[0] == "journeys" && name == "print.html",
		len(parts) == 4 && parts[0] == "journeys" && parts[2] == "print" && name == "index.html":
		return "journey print page"
	case len(parts) == 3 && parts[0] == "journeys" && slices.Contains([]string{".csv", ".json", ".mmd", ".md"}, ext):
		return "journey " + ext[1:]
	case len(parts) == 3 && parts[0] == "personas" && name == "index.html":
		return "persona page"
	case len(parts) == 3 && (parts[0] == "tags" || parts[0] == "owners") && name == "index.html":
		return strings.TrimSuffix(parts[0], "s") + " page"
	case len(parts) == 3 && (parts[0] == "tags" || parts[0] == "owners") && ext == ".csv":
		return strings.TrimSuffix(parts[0], "s") + " CSV"
	case len(parts) == 2 && (parts[0] == "touchpoints" || parts[0] == "pain-points") && name == "index.html":
		return parts[0] + " page"
	case len(parts) == 2 && (parts[0] == "touchpoints" || parts[0] == "pain-points") && ext == ".csv":
		return parts[0] + " CSV"
	}
	return "other"
}

// sameWork checks that two trees hold as many files of each kind, and
// says how many of each.
func sameWork(waymark, hugo string) (string, error) {
	w, err := kinds(waymark)
	if err != nil {
		return "", err
	}
	h, err := kinds(hugo)
	if err != nil {
		return "", err
	}
	var b strings.Builder
	var differ []string
	for _, k := range slices.Sorted(maps.Keys(mergeKeys(w, h))) {
		fmt.Fprintf(&b, "%s %d/%d; ", k, w[k], h[k])
		if k != "other" && w[k] != h[k] {
			differ = append(differ, fmt.Sprintf("%s: waymark %d, hugo %d", k, w[k], h[k]))
		}
	}
	summary := strings.TrimSuffix(b.String(), "; ")
	if len(differ) > 0 {
		return summary, fmt.Errorf("the two sites do not do the same work: %s", strings.Join(differ, "; "))
	}
	return summary, nil
}

func mergeKeys(a, b map[string]int) map[string]bool {
	m := map[string]bool{}
	for k := range a {
		m[k] = true
	}
	for k := range b {
		m[k] = true
	}
	return m
}
