package diag

import (
	"errors"
	"fmt"
	"testing"
)

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

// Content never starts a line of the output of its own: a line end in a
// file name, a message or a hint is written as an escape.
func TestOneLine(t *testing.T) {
	e := &Error{Path: "content/a\n::error::x.md", Line: 2, Col: 3,
		Msg: "journey \"T\r\n::add-mask::y\" needs review", Hint: "see\u2028here\tand there"}
	want := "content/a\\n::error::x.md:2:3: journey \"T\\r\\n::add-mask::y\" needs review\n\thint: see\\u2028here\tand there"
	if got := e.Error(); got != want {
		t.Errorf("Error() =\n%q\nwant\n%q", got, want)
	}
	if got := OneLine("Hành trình · ok"); got != "Hành trình · ok" {
		t.Errorf("OneLine changed printable text: %q", got)
	}
}

// TestAddErr: located mistakes are taken as they are, wrapped or not;
// any other error becomes one mistake at the path given.
func TestAddErr(t *testing.T) {
	one := &Error{Path: "a.md", Line: 2, Col: 3, Msg: "bad"}
	many := &Errors{List: []*Error{one, {Path: "b.md", Line: 1, Col: 1, Msg: "worse"}}}
	var l List
	l.AddErr(nil, "x", "")
	l.AddErr(fmt.Errorf("reading: %w", one), "x", "")
	l.AddErr(many, "x", "")
	l.AddErr(errors.New("disk full"), "layouts", "free some space")
	got := l.Items()
	if len(got) != 4 {
		t.Fatalf("%d mistakes, want 4: %v", len(got), got)
	}
	if last := got[len(got)-1]; last.Path != "layouts" || last.Msg != "disk full" || last.Hint != "free some space" {
		t.Errorf("the unlocated error became %+v", last)
	}
	if _, ok := Located(errors.New("plain")); ok {
		t.Error("a plain error is not located")
	}
}
