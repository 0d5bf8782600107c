package markup

import (
	"strings"
	"testing"
)

// FuzzConvert feeds arbitrary Markdown through the converter with every
// kind of link resolved against the test site: it must never panic, and
// every broken link must be located inside the body.
func FuzzConvert(f *testing.F) {
	for _, s := range []string{
		"[Lan](../../personas/lan/) ![Flow](flow.png) [x](../nope/)",
		"[B](b.md#x) [abs](/img/a.png?q=1) [ext](https://example.com)",
		"- [a](./)\n- [b](../../../../x/)\n\n[ref]: ../b/",
		"| a |\n|---|\n| [Lan](../../personas/lan/) |",
		"[x](<../my%20photo.png>) [y](%zz) [z](?q) [w](#f)",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		c, _ := newConverter(t, Options{BasePath: "/hb/", PageURL: pageURL})
		_, errs := c.Convert([]byte(src), "content/guides/a.md", 3)
		lines := strings.Count(src, "\n") + 1
		for _, e := range errs {
			if e.Line < 3 || e.Line > 3+lines || e.Col < 1 || e.Path != "content/guides/a.md" {
				t.Fatalf("error outside the body (%d lines from line 3): %v", lines, e)
			}
		}
	})
}
