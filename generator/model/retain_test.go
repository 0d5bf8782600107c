package model

import (
	"fmt"
	"runtime"
	"strings"
	"testing"

	"github.com/waymark-cx/waymark/generator/source"
)

// TestModelLetsGoOfFrontMatter checks that the model keeps its own copies
// of the strings it reads: the TOML decoder hands out strings without
// escapes as pieces of the front matter's text, and keeping one of them
// would keep the whole text alive for as long as the model lives.
func TestModelLetsGoOfFrontMatter(t *testing.T) {
	const files, pad = 20, 1 << 20 // 20 journeys, each with 1 MiB of comments
	cfg, err := source.Decode(source.ConfigFile, []byte("title = \"t\"\n"), 1)
	if err != nil {
		t.Fatal(err)
	}
	set := &source.Set{Config: cfg}
	comment := "# " + strings.Repeat("x", 98) + "\n"
	for i := range files {
		text := fmt.Sprintf("+++\ntitle = \"Journey %d\"\nsummary = \"s\"\ntags = [\"a\", \"b\"]\n%s[[stage]]\nname = \"Stage\"\nemotion = 3\nactions = [\"do\"]\npain_points = [\"p\", { text = \"q\", owner = \"o\" }]\n\n  [[stage.touchpoint]]\n  name = \"Web\"\n  channel = \"web\"\n+++\nBody.\n",
			i, strings.Repeat(comment, pad/len(comment)))
		f, err := source.Split(fmt.Sprintf("content/journeys/j%02d.md", i), []byte(text))
		if err != nil {
			t.Fatal(err)
		}
		set.Content = append(set.Content, f)
	}
	before := liveHeap()
	site, err := New(set, Options{Addresses: testAddresses{}})
	if err != nil {
		t.Fatal(err)
	}
	set.Content = nil // the files' own text is the caller's to drop
	grew := liveHeap() - before
	if len(site.Journeys) != files || site.Journeys[files-1].Stages[0].PainPoints[1].Owner != "o" {
		t.Fatalf("model not made as expected: %d journeys", len(site.Journeys))
	}
	// Keeping the decoder's text would keep files × pad bytes.
	if grew > files*pad/4 {
		t.Errorf("the model of %d journeys keeps %d bytes alive: their front matter's text (%d bytes) is kept", files, grew, files*pad)
	}
	runtime.KeepAlive(site)
}

func liveHeap() int {
	runtime.GC()
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return int(m.HeapAlloc)
}
