package generator

import (
	"context"
	"regexp"
	"strings"
	"testing"

	"github.com/waymark-cx/waymark/generator/output"
)

// TestMinifiedTemplates: the built-in theme's templates are minified as
// they are parsed, and every page they make is the page that templates
// as written make once minified whole, as pages were before: the same
// once both go through the minifier.
func TestMinifiedTemplates(t *testing.T) {
	build := func(asWritten bool) map[string][]byte {
		out := output.NewMemory()
		opts := testOptions("..")
		opts.Output, opts.asWritten = out, asWritten
		if _, err := Build(context.Background(), opts); err != nil {
			t.Fatal(err)
		}
		return out.Files()
	}
	got, want := build(false), build(true)
	m := newMinifier()
	pages := 0
	for name, b := range want {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		pages++
		g, ok := got[name]
		if !ok {
			t.Errorf("%s: not made from minified templates", name)
			continue
		}
		if string(g) == string(b) {
			continue // the template's text was minified as the page would have been
		}
		// Both minified once more (a page's components are spliced in
		// after it is minified): the same tags, and the same text
		// once whitespace is collapsed as a browser collapses it.
		gm, err := m.bytes("text/html", []byte(string(g)))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		bm, err := m.bytes("text/html", []byte(string(b)))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		gTags, bTags := tag.FindAllString(string(gm), -1), tag.FindAllString(string(bm), -1)
		for i := range max(len(gTags), len(bTags)) {
			if i >= len(gTags) || i >= len(bTags) || gTags[i] != bTags[i] {
				t.Errorf("%s: tag %d is %q, as written %q", name, i, at(gTags, i), at(bTags, i))
				break
			}
		}
		gText, bText := textOf(gm), textOf(bm)
		if gText != bText {
			i := diffAt([]byte(gText), []byte(bText))
			t.Errorf("%s: text differs at %d:\n…%s\nas written:\n…%s", name, i, around([]byte(gText), i), around([]byte(bText), i))
		}
		if len(g) > len(b)*102/100 {
			t.Errorf("%s: %d bytes from minified templates, %d from templates as written minified whole", name, len(g), len(b))
		}
	}
	if pages < 50 {
		t.Fatalf("only %d pages", pages)
	}
}

// tag is an HTML tag of a minified page.
var tag = regexp.MustCompile(`<[^>]*>`)

// textOf is the text of a page without its tags, its whitespace collapsed.
func textOf(page []byte) string {
	return strings.Join(strings.Fields(tag.ReplaceAllString(string(page), "")), " ")
}

func at(s []string, i int) string {
	if i < len(s) {
		return s[i]
	}
	return "(none)"
}

// diffAt is the first byte where a and b differ.
func diffAt(a, b []byte) int {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	return i
}

// around is b near i.
func around(b []byte, i int) string {
	return string(b[max(0, i-80):min(len(b), i+80)])
}
