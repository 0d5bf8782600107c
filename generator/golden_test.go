package generator

import (
	"context"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/waymark-cx/waymark/generator/output"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// buildExample builds the example handbook at the repository root.
func buildExample(t testing.TB, baseURL string) (*Report, map[string][]byte) {
	t.Helper()
	out := output.NewMemory()
	opts := testOptions("..")
	opts.Output = out
	opts.BaseURL = baseURL
	rep, err := Build(context.Background(), opts)
	if err != nil {
		t.Fatalf("the example handbook does not build:\n%v", err)
	}
	return rep, out.Files()
}

// goldenPages names one page of each kind in the example handbook.
var goldenPages = []string{
	"index.html",
	"personas/index.html",
	"personas/lan/index.html",
	"personas/sarah/index.html",
	"journeys/index.html",
	"journeys/mega-sale-11-11/index.html",
	"journeys/merchant-onboarding-blueprint/index.html",
	"journeys/hanh-trinh-dat-hang-va-doi-tra/index.html",
	"guides/index.html",
	"guides/stage-models/index.html",
	"templates/index.html",
	"404.html",
	// The hub: views across journeys.
	"hub/index.html",
	"touchpoints/index.html",
	"pain-points/index.html",
	"owners/index.html",
	"owners/support/index.html",
	"tags/index.html",
	"tags/b2c/index.html",
	"matrix/index.html",
	"metrics/index.html",
	"priorities/index.html",
	"research/index.html",
	"research/shopper-interviews-aug-2026/index.html",
	"compare/buying-on-the-marketplace-vs-buying-on-the-marketplace-future/index.html",
	"search/index.html",
}

// TestGolden builds content/ and compares one page of each kind with
// testdata/golden, after putting each tag on its own line so that diffs
// are readable. Run go test ./generator -update to rewrite them.
func TestGolden(t *testing.T) {
	_, files := buildExample(t, "")
	for _, name := range goldenPages {
		got, ok := files[name]
		if !ok {
			t.Errorf("%s was not built", name)
			continue
		}
		norm := normalize(got)
		golden := filepath.Join("testdata", "golden", strings.ReplaceAll(name, "/", "__"))
		if *update {
			os.MkdirAll(filepath.Dir(golden), 0o755)
			if err := os.WriteFile(golden, norm, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatalf("%v (run go test ./generator -update to create it)", err)
		}
		if string(want) != string(norm) {
			t.Errorf("%s differs from %s; run go test ./generator -update and review the diff\n%s", name, golden, firstDiff(string(want), string(norm)))
		}
	}
}

var tagStart = regexp.MustCompile(`<([a-zA-Z/!])`)

func normalize(b []byte) []byte {
	return []byte(strings.TrimSpace(tagStart.ReplaceAllString(string(b), "\n<$1")) + "\n")
}

func firstDiff(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := 0; i < len(al) || i < len(bl); i++ {
		var x, y string
		if i < len(al) {
			x = al[i]
		}
		if i < len(bl) {
			y = bl[i]
		}
		if x != y {
			return "line " + strconv.Itoa(i+1) + ":\n- " + x + "\n+ " + y
		}
	}
	return ""
}
