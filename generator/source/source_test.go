package source

import (
	"errors"
	"strings"
	"testing"

	"github.com/waymark-cx/waymark/generator/diag"
)

func TestSplit(t *testing.T) {
	f, err := Split("a.md", []byte("\xef\xbb\xbf\n+++\ntitle = \"x\"\n+++  \r\nBody\n"))
	if err != nil {
		t.Fatal(err)
	}
	if string(f.Front) != "title = \"x\"\n" || f.FrontLine != 3 || string(f.Body) != "Body\n" || f.BodyLine != 5 {
		t.Errorf("got front %q line %d body %q line %d", f.Front, f.FrontLine, f.Body, f.BodyLine)
	}
}

func TestSplitErrors(t *testing.T) {
	for in, want := range map[string]string{
		"":                       "a.md:1:1: missing front matter",
		"# Title\n":              "a.md:1:1: missing front matter: the file must start with a +++ line",
		"\n\n+++\ntitle = 1\n":   "a.md:3:1: front matter is not closed",
		"+++":                    "a.md:1:1: front matter is not closed",
		"---\ntitle: x\n---\n\n": "a.md:1:1: missing front matter: the file must start with a +++ line",
	} {
		_, err := Split("a.md", []byte(in))
		var de *diag.Error
		if !errors.As(err, &de) {
			t.Errorf("Split(%q): want a *diag.Error, got %v", in, err)
			continue
		}
		if got := strings.SplitN(err.Error(), "\n", 2)[0]; got != want {
			t.Errorf("Split(%q) = %q, want %q", in, got, want)
		}
		if de.Hint == "" {
			t.Errorf("Split(%q): no hint", in)
		}
	}
}

func TestDecodeSyntaxError(t *testing.T) {
	_, err := Decode("j.md", []byte("title = \"x\"\nsummary = oops\n"), 2)
	var de *diag.Error
	if !errors.As(err, &de) {
		t.Fatalf("want *diag.Error, got %v", err)
	}
	if de.Line != 3 || de.Col == 0 {
		t.Errorf("syntax error at %d:%d, want line 3: %v", de.Line, de.Col, err)
	}
}

const journey = `title = "Buy"
persona = "lan"
tags = ["a",
  "b"]

[[stage]]
name = "Awareness"
emotion = 4
pain_points = ["Too many ads", { text = "Prices unclear", status = "opne" }]

  [[stage.touchpoint]]
  name = "Ad"

[[stage]]
name = "Hành trình"
emotion = { lan = 9 }
opportunities = [
  "one",
  { text = "two", severity = 7 },
]

  [[stage.touchpoint]]
  name = "Email"
  [[stage.touchpoint]]
  "quoted key" = 1

  [stage.blueprint]
  wait = "2 days"

[params]
a.b = 1
`

func TestIndex(t *testing.T) {
	ix := NewIndex([]byte(journey), 10)
	checkPositions(t, ix.Pos)
}

// TestDocPos checks a decoded document's positions, which it indexes in
// two steps: its own keys at once, the tables' only when asked.
func TestDocPos(t *testing.T) {
	d, err := Decode("content/journeys/x.md", []byte(journey), 10)
	if err != nil {
		t.Fatal(err)
	}
	if !d.top.Has("tags[1]") || d.top.Has("stage[0]") || d.all != nil {
		t.Fatalf("decoding indexed more than the document's own keys (tables: %v, all: %v)", d.top.Has("stage[0]"), d.all != nil)
	}
	// A key the document does not have, as the model asks for its
	// references, needs no table's position.
	if l, c := d.Pos("compare"); l != 10 || c != 1 || d.all != nil {
		t.Errorf("Pos(compare) = %d:%d, indexed all: %v; want 10:1 from the document's own keys", l, c, d.all != nil)
	}
	checkPositions(t, d.Pos)
}

func checkPositions(t *testing.T, pos func(string) (int, int)) {
	t.Helper()
	for path, want := range map[string]Pos{
		"title":                              {10, 1},
		"tags[1]":                            {13, 3},
		"stage[0]":                           {15, 1},
		"stage[0].emotion":                   {17, 1},
		"stage[0].pain_points[1]":            {18, 32},
		"stage[0].pain_points[1].status":     {18, 59},
		"stage[0].touchpoint[0].name":        {21, 3},
		"stage[1].name":                      {24, 1},
		"stage[1].emotion.lan":               {25, 13},
		"stage[1].opportunities[1].severity": {28, 19},
		"stage[1].touchpoint[1]":             {33, 3},
		"stage[1].touchpoint[1].quoted key":  {34, 3},
		"stage[1].blueprint.wait":            {37, 3},
		"params.a.b":                         {40, 1},
		// Unknown paths fall back to their nearest known parent.
		"stage[1].touchpoint[0].kind": {31, 3},
		"nope":                        {10, 1},
	} {
		l, c := pos(path)
		if (Pos{l, c}) != want {
			t.Errorf("Pos(%q) = %d:%d, want %d:%d", path, l, c, want.Line, want.Col)
		}
	}
}

// TestSyntaxErrorColumn: a TOML syntax error's column counts characters,
// as every other column does, though the TOML library counts bytes.
func TestSyntaxErrorColumn(t *testing.T) {
	for _, c := range []struct {
		text string
		col  int
	}{
		{"title = \"x\"\nowner = \"Nhóm trải nghiệm\" cảm giác\n", 28},
		{"title = \"x\"\nowner = \"Team\" stray\n", 16},
	} {
		_, err := Decode("content/x.md", []byte(c.text), 2)
		var e *diag.Error
		if !errors.As(err, &e) {
			t.Fatalf("%q: %v, want a located syntax error", c.text, err)
		}
		if e.Line != 3 || e.Col != c.col {
			t.Errorf("%q: at %d:%d, want 3:%d (%v)", c.text, e.Line, e.Col, c.col, e)
		}
	}
}
