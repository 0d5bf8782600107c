package render

import (
	"testing"

	"github.com/waymark-cx/waymark/generator/model"
)

// BenchmarkEngineNew: loading and parsing the default theme, which a
// build waits for before it renders anything.
func BenchmarkEngineNew(b *testing.B) {
	th := defaultTheme(b)
	site := &model.Site{Config: model.Config{BasePath: "/cx/", BaseURL: "/cx/", Language: "en", DropOffAlert: 0.3}}
	for b.Loop() {
		if _, err := New(site, nil, Layer{Name: "themes/default", FS: th}); err != nil {
			b.Fatal(err)
		}
	}
}
