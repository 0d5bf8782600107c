package export

import (
	"bytes"
	"encoding/json"
	"testing"
)

// TestIndent: indent lays out what json.Marshal writes exactly as
// json.MarshalIndent does, strings holding brackets, commas, colons,
// quotes and backslashes included.
func TestIndent(t *testing.T) {
	for _, v := range []any{
		map[string]any{},
		[]any{},
		"",
		42.5,
		map[string]any{"a": []any{}, "b": map[string]any{}, "c": []any{map[string]any{}, []any{}}},
		map[string]any{"key, with: [brackets] {and} \"quotes\" \\": []any{"a,b", "c:d", "[e]", "{f}", `\`, `"`, `\"`, "<&>"}},
		map[string]any{"Hành trình": "Khách hàng \"mới\"\n\tđăng ký", "u": "\u2028\u0001"},
		[]any{1, 2.5, -3e-7, 1e21, true, false, nil, []any{[]any{[]any{"deep"}}}},
		Doc{Slug: "s", Title: "T", Personas: []PersonaRef{}, Stages: []StageDoc{{Name: "x", PainPoints: []ItemDoc{{Text: "y", Evidence: []string{"e"}}}}}},
	} {
		want, err := json.MarshalIndent(v, "", "  ")
		if err != nil {
			t.Fatal(err)
		}
		compact, _ := json.Marshal(v)
		if got := indent(nil, compact); !bytes.Equal(got, want) {
			t.Errorf("indent(%s):\n%s\nwant:\n%s", compact, got, want)
		}
	}
}

// FuzzIndent: for any JSON, compacted as json.Marshal would write it,
// indent agrees with json.Indent.
func FuzzIndent(f *testing.F) {
	for _, s := range []string{`{}`, `[]`, `{"a":[1,{"b":"]\"}"}],"c":{}}`, `"x"`, `[[],[{}],"\\"]`, `{"\u00e9":"\u2028"}`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var compact bytes.Buffer
		if json.Compact(&compact, []byte(s)) != nil {
			return
		}
		var want bytes.Buffer
		if err := json.Indent(&want, compact.Bytes(), "", "  "); err != nil {
			t.Fatal(err)
		}
		if got := indent(nil, compact.Bytes()); !bytes.Equal(got, want.Bytes()) {
			t.Errorf("indent(%s):\n%s\nwant:\n%s", compact.Bytes(), got, want.Bytes())
		}
	})
}
