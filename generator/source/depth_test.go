package source

import (
	"os"
	"strings"
	"testing"
)

// Nesting that would take BurntSushi/toml gigabytes or its whole stack is
// refused before decoding, at the bracket or dot that goes too far; what
// looks like nesting inside strings and comments, and numbers' dots, do
// not count.
func TestCheckDepth(t *testing.T) {
	deep := func(open, close string, n int) string {
		return "x = " + strings.Repeat(open, n) + "1" + strings.Repeat(close, n) + "\n"
	}
	for _, c := range []struct {
		name, text string
		at         string // "line:col: message", "" when accepted
	}{
		{"the format's own", "title = \"T\"\n[[stage]]\nname = \"A\"\nemotion = { lan = 4 }\n[[stage.touchpoint]]\nname = \"App\"\n", ""},
		{"32 arrays", deep("[", "]", 32), ""},
		{"33 arrays", deep("[", "]", 33), "5:37: arrays and tables nested more than 32 deep"},
		{"inline tables", "a = 1\n" + deep("{a=", "}", 40), "6:101: arrays and tables nested more than 32 deep"},
		{"on lines of their own", strings.Repeat("[\n", 40) + "\n", "37:1: arrays and tables nested more than 32 deep"},
		{"a long header", "[" + strings.Repeat("a.", 70) + "a]\n", "5:129: a key of more than 64 parts"},
		{"a long dotted key", strings.Repeat("a.", 64) + "a = 1\n", "5:128: a key of more than 64 parts"},
		{"brackets in strings", `s = "` + strings.Repeat("[{", 50) + `"` + "\nl = '" + strings.Repeat("[", 50) + "'\n", ""},
		{"in multi-line strings", "s = \"\"\"\n" + strings.Repeat("[", 50) + "\\\n\"\"\"\nl = '''" + strings.Repeat("{", 50) + "'''\n", ""},
		{"in comments", "# " + strings.Repeat("[", 50) + "\na = 1 # " + strings.Repeat("{", 50) + "\n", ""},
		{"numbers' dots", "x = [" + strings.Repeat("1.5, ", 100) + "2.5]\nt = 07:32:00.999\n", ""},
		{"line count after a line-ending backslash", "s = \"\"\"a\\\nb\"\"\"\n" + deep("[", "]", 33), "7:37: arrays and tables nested more than 32 deep"},
	} {
		t.Run(c.name, func(t *testing.T) {
			err := CheckDepth("content/journeys/x.md", []byte(c.text), 5)
			switch {
			case c.at == "" && err != nil:
				t.Errorf("refused: %v", err)
			case c.at != "" && (err == nil || !strings.HasPrefix(err.Error(), "content/journeys/x.md:"+c.at)):
				t.Errorf("got %v, want content/journeys/x.md:%s", err, c.at)
			case err != nil && err.Hint == "":
				t.Error("no hint")
			}
		})
	}
}

// A file nested millions deep is refused quickly, without decoding it.
func TestDecodeRefusesDeepNesting(t *testing.T) {
	text := "x = " + strings.Repeat("[", 1<<20) + strings.Repeat("]", 1<<20) + "\n"
	if _, err := Decode("waymark.toml", []byte(text), 1); err == nil || !strings.Contains(err.Error(), "nested more than 32 deep") {
		t.Errorf("err = %v", err)
	}
}

// BenchmarkCheckDepth: the check runs over every front matter before it
// is decoded.
func BenchmarkCheckDepth(b *testing.B) {
	text, err := os.ReadFile("../../content/journeys/a-day-in-hanhs-shop.md")
	if err != nil {
		b.Fatal(err)
	}
	f, err := Split("journey.md", text)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(f.Front)))
	for b.Loop() {
		if err := CheckDepth(f.Path, f.Front, f.FrontLine); err != nil {
			b.Fatal(err)
		}
	}
}
