package diag

import "testing"

func TestNearest(t *testing.T) {
	keys := []string{"title", "persona", "personas", "type", "summary", "lan", "buy"}
	for _, tc := range []struct{ word, want string }{
		{"titel", "title"},
		{"persnoa", "persona"},
		{"sumary", "summary"},
		{"zzzzzzzz", ""},
		{"tpe", "type"},
		{"lna", "lan"},
		{"bye", "buy"},
		{"xyz", ""},
	} {
		if got := Nearest(tc.word, keys); got != tc.want {
			t.Errorf("Nearest(%q) = %q, want %q", tc.word, got, tc.want)
		}
	}
}

func TestErrorFormat(t *testing.T) {
	var l List
	l.Addf("b.md", 3, 1, "", "second")
	l.Addf("a.md", 9, 2, "use a number", "first")
	got := l.Err().Error()
	want := "a.md:9:2: first\n\thint: use a number\nb.md:3:1: second"
	if got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	var empty List
	if empty.Err() != nil {
		t.Error("empty list should give a nil error")
	}
}
