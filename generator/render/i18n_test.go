package render

import (
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/BurntSushi/toml"

	"github.com/waymark-cx/waymark/generator/hub"
	"github.com/waymark-cx/waymark/generator/model"
	"github.com/waymark-cx/waymark/themes"
)

func defaultTheme(t testing.TB) fs.FS {
	t.Helper()
	th, ok := themes.Get("default")
	if !ok {
		t.Fatal(`themes.Get("default") found no theme`)
	}
	return th
}

// themeStrings decodes i18n/<lang>.toml of the default theme.
func themeStrings(t *testing.T, lang string) map[string]string {
	t.Helper()
	b, err := fs.ReadFile(defaultTheme(t), "i18n/"+lang+".toml")
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]string
	if _, err := toml.Decode(string(b), &m); err != nil {
		t.Fatalf("i18n/%s.toml: %v", lang, err)
	}
	if len(m) == 0 {
		t.Fatalf("i18n/%s.toml has no strings", lang)
	}
	return m
}

// layouts returns the text of every layout of the default theme, by path.
func layouts(t *testing.T) map[string]string {
	t.Helper()
	th := defaultTheme(t)
	out := map[string]string{}
	err := fs.WalkDir(th, "layouts", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(th, p)
		out[p] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(out) == 0 {
		t.Fatal("no layouts")
	}
	return out
}

var verbRE = regexp.MustCompile(`%[-+# 0]*(?:\d+|\*)?(?:\.(?:\d+|\*)?)?[a-zA-Z%]`)

// verbs lists the fmt verbs of s in order, "%%" included.
func verbs(s string) []string { return verbRE.FindAllString(s, -1) }

// args counts the verbs of s that take an argument.
func args(s string) int {
	n := 0
	for _, v := range verbs(s) {
		if v != "%%" {
			n++
		}
	}
	return n
}

func TestStringFilesMatch(t *testing.T) {
	en, vi := themeStrings(t, "en"), themeStrings(t, "vi")
	for k := range en {
		if _, ok := vi[k]; !ok {
			t.Errorf("vi.toml lacks %q", k)
		}
	}
	for k := range vi {
		if _, ok := en[k]; !ok {
			t.Errorf("en.toml lacks %q", k)
		}
	}
	for lang, m := range map[string]map[string]string{"en": en, "vi": vi} {
		for k, v := range m {
			if strings.TrimSpace(v) == "" {
				t.Errorf("%s.toml: %q is empty", lang, k)
			}
			if v != strings.TrimSpace(v) {
				t.Errorf("%s.toml: %q has leading or trailing space: %q", lang, k, v)
			}
		}
	}
	for k, e := range en {
		v, ok := vi[k]
		if !ok {
			continue
		}
		if ev, vv := verbs(e), verbs(v); !slices.Equal(ev, vv) {
			t.Errorf("%q: en has verbs %q, vi %q\n\ten: %s\n\tvi: %s", k, ev, vv, e, v)
		}
	}
	// Every language the configuration accepts has a string file.
	for _, lang := range model.Languages() {
		if _, err := fs.Stat(defaultTheme(t), "i18n/"+lang+".toml"); err != nil {
			t.Errorf("language %q: %v", lang, err)
		}
	}
}

// A literal key: {{t "key" …}} or (t "key" …). Group 2 is what follows
// the key up to the end of the action or the closing parenthesis.
var literalKeyRE = regexp.MustCompile(`(?:\{\{-?|\()\s*t\s+"([^"]+)"([^})]*)`)

// A key built at run time: (t (printf "pattern" …) …).
var printfKeyRE = regexp.MustCompile(`(?:\{\{-?|\()\s*t\s+\(printf\s+"([^"]+)"\s+[^)]*\)([^})]*)`)

// Any other use of t, which the two above would miss.
var anyTRE = regexp.MustCompile(`(?:\{\{-?|\()\s*t\s`)

// hasArgs reports whether the text after a key passes arguments to t.
func hasArgs(rest string) bool {
	return strings.Trim(rest, " \t\n-") != ""
}

func TestLayoutKeysExist(t *testing.T) {
	en, vi := themeStrings(t, "en"), themeStrings(t, "vi")
	found := 0
	for p, text := range layouts(t) {
		literal := literalKeyRE.FindAllStringSubmatch(text, -1)
		built := printfKeyRE.FindAllStringSubmatch(text, -1)
		if n := len(anyTRE.FindAllString(text, -1)); n != len(literal)+len(built) {
			t.Errorf("%s: %d uses of t, %d understood by this test: teach it the new form", p, n, len(literal)+len(built))
		}
		for _, m := range literal {
			found++
			key, withArgs := m[1], hasArgs(m[2])
			for lang, strs := range map[string]map[string]string{"en": en, "vi": vi} {
				s, ok := strs[key]
				if !ok {
					t.Errorf("%s: key %q is not in %s.toml", p, key, lang)
					continue
				}
				checkArgs(t, p, lang, key, s, withArgs)
			}
		}
	}
	if found < 50 {
		t.Errorf("only %d literal keys found in the layouts; is the pattern still right?", found)
	}
}

// checkArgs checks that a string takes arguments exactly when the layout
// passes some: a verb without an argument prints "%!s(MISSING)", and one
// in a string used without arguments prints as written.
func checkArgs(t *testing.T, where, lang, key, s string, withArgs bool) {
	t.Helper()
	switch n := args(s); {
	case withArgs && n == 0:
		t.Errorf("%s: %q gets an argument but %s.toml's %q has no verb", where, key, lang, s)
	case !withArgs && n > 0:
		t.Errorf("%s: %q gets no argument but %s.toml's %q has %d verbs", where, key, lang, s, n)
	}
}

// intervalUnits are the units model.ParseInterval accepts.
func intervalUnits(t *testing.T) []string {
	t.Helper()
	var units []string
	for c := byte(' '); c <= '~'; c++ {
		if iv, err := model.ParseInterval("2" + string(c)); err == nil {
			units = append(units, string(iv.Unit))
		}
	}
	if len(units) == 0 {
		t.Fatal("no interval units")
	}
	return units
}

// expansions gives the values each printf pattern of the layouts is
// built from. A pattern missing here makes TestBuiltKeysExist fail, so
// that a new kind of built key cannot go unchecked.
func expansions(t *testing.T) map[string][]string {
	types := []string{}
	for _, mt := range model.MapTypes() {
		types = append(types, string(mt))
	}
	return map[string][]string{
		"kind.%s":          model.Kinds(),
		"status.%s":        model.Statuses(),
		"severity.%d":      {"1", "2", "3"},
		"interval.%s":      intervalUnits(t),
		"interval.%s1":     intervalUnits(t),
		"type.%s":          types, // typeName
		"templates.in-%s":  model.Languages(),
		"quadrant.%s":      quadrants(),
		"quadrant.%s-desc": quadrants(),
		"curve.band-%s":    {"positive", "neutral", "negative"},
	}
}

func TestBuiltKeysExist(t *testing.T) {
	en, vi := themeStrings(t, "en"), themeStrings(t, "vi")
	exp := expansions(t)
	used := map[string]bool{}
	for p, text := range layouts(t) {
		for _, m := range printfKeyRE.FindAllStringSubmatch(text, -1) {
			pattern, withArgs := m[1], hasArgs(m[2])
			values, ok := exp[pattern]
			if !ok {
				t.Errorf("%s: key pattern %q built at run time: add its values to expansions", p, pattern)
				continue
			}
			used[pattern] = true
			for _, v := range values {
				key := regexp.MustCompile(`%[sd]`).ReplaceAllString(pattern, v)
				for lang, strs := range map[string]map[string]string{"en": en, "vi": vi} {
					s, ok := strs[key]
					if !ok {
						t.Errorf("%s: key %q (from %q) is not in %s.toml", p, key, pattern, lang)
						continue
					}
					checkArgs(t, p, lang, key, s, withArgs)
				}
			}
		}
	}
	for _, p := range []string{"kind.%s", "status.%s", "severity.%d", "interval.%s", "interval.%s1"} {
		if !used[p] {
			t.Logf("pattern %q is no longer used by the layouts", p)
		}
	}

	// Keys the Go side builds: typeName, Plan's groups and navigation.
	var goKeys []string
	for _, mt := range model.MapTypes() {
		goKeys = append(goKeys, "type."+string(mt))
	}
	for _, s := range model.Statuses() {
		goKeys = append(goKeys, "status."+s)
	}
	for _, k := range model.Kinds() {
		goKeys = append(goKeys, "kind."+k)
	}
	for i := 1; i <= 3; i++ {
		goKeys = append(goKeys, "severity."+strconv.Itoa(i))
	}
	goKeys = append(goKeys, "nav.home", "nav.personas", "nav.journeys", "nav.templates", "notfound.title")
	for _, key := range goKeys {
		for lang, strs := range map[string]map[string]string{"en": en, "vi": vi} {
			s, ok := strs[key]
			if !ok {
				t.Errorf("key %q is not in %s.toml", key, lang)
			} else if args(s) > 0 {
				t.Errorf("%s.toml: %q = %q takes arguments, but is used without", lang, key, s)
			}
		}
	}
}

// TestGoKeysExist scans the Go files of this package and of package
// plan (which titles the pages) for translate("…") and T("…") calls, so
// that a key added in Go is checked too.
func TestGoKeysExist(t *testing.T) {
	en, vi := themeStrings(t, "en"), themeStrings(t, "vi")
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	planFiles, err := filepath.Glob("../plan/*.go")
	if err != nil {
		t.Fatal(err)
	}
	files = append(files, planFiles...)
	re := regexp.MustCompile(`(?:translate|\bT)\("([^"]+)"(\)|, )`)
	built := regexp.MustCompile(`(?:translate|\bT)\("([^"]+)"\s*\+`)
	n := 0
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range re.FindAllStringSubmatch(string(b), -1) {
			n++
			for lang, strs := range map[string]map[string]string{"en": en, "vi": vi} {
				if _, ok := strs[m[1]]; !ok {
					t.Errorf("%s: key %q is not in %s.toml", f, m[1], lang)
				}
			}
		}
		for _, m := range built.FindAllStringSubmatch(string(b), -1) {
			switch m[1] {
			case "type.":
			case "hub.":
				// Hub page titles: "hub." + each hub view's kind (package
				// plan's hubView).
				for _, k := range []string{"touchpoints", "pain-points", "owners", "tags", "matrix", "metrics", "search"} {
					for lang, strs := range map[string]map[string]string{"en": en, "vi": vi} {
						if _, ok := strs["hub."+k]; !ok {
							t.Errorf("key %q is not in %s.toml", "hub."+k, lang)
						}
					}
				}
			default:
				t.Errorf("%s: key prefix %q built in Go: check its keys in TestBuiltKeysExist", f, m[1])
			}
		}
	}
	if n < 5 {
		t.Errorf("found only %d translate calls", n)
	}
}

func TestUnusedKeys(t *testing.T) {
	// Not an error (a site's own layouts may use any key), but a key no
	// layout and no Go code uses is probably a leftover.
	used := map[string]bool{}
	for _, text := range layouts(t) {
		for _, m := range literalKeyRE.FindAllStringSubmatch(text, -1) {
			used[m[1]] = true
		}
	}
	for pattern, values := range expansions(t) {
		for _, v := range values {
			used[regexp.MustCompile(`%[sd]`).ReplaceAllString(pattern, v)] = true
		}
	}
	for _, k := range []string{"nav.home", "nav.personas", "nav.journeys", "nav.templates", "notfound.title"} {
		used[k] = true
	}
	var unused []string
	for k := range themeStrings(t, "en") {
		if !used[k] {
			unused = append(unused, k)
		}
	}
	slices.Sort(unused)
	if len(unused) > 0 {
		t.Logf("keys no default layout uses: %q", unused)
	}
}

func siteIn(lang string) *model.Site {
	return &model.Site{Config: model.Config{Language: lang, BasePath: "/", BaseURL: "/"}}
}

func TestEngineLoadsStrings(t *testing.T) {
	th := defaultTheme(t)
	for _, lang := range model.Languages() {
		t.Run(lang, func(t *testing.T) {
			e, err := New(siteIn(lang), nil, Layer{Name: "themes/default", FS: th})
			if err != nil {
				t.Fatal(err)
			}
			if want := themeStrings(t, lang); !maps.Equal(e.strings, want) {
				t.Errorf("engine strings differ from i18n/%s.toml", lang)
			}
			if !strings.Contains(string(e.Sources()), "i18n/"+lang+".toml") {
				t.Error("Sources lacks the string file")
			}
		})
	}
	e, err := New(siteIn("vi"), nil, Layer{Name: "themes/default", FS: th})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		key  string
		args []any
		want string
	}{
		{"nav.home", nil, "Trang chủ"},
		{"journey.stage-count", []any{3}, "3 giai đoạn"},
		{"persona.avatar-alt", []any{"Lan"}, "Ảnh chân dung của Lan"},
		{"interval.d", []any{90}, "mỗi 90 ngày"},
		{"no.such-key", nil, "[no.such-key]"},
		{"no.such-key", []any{1}, "[no.such-key]"},
	}
	for _, tt := range tests {
		if got := e.translate(tt.key, tt.args...); got != tt.want {
			t.Errorf("translate(%q, %v) = %q, want %q", tt.key, tt.args, got, tt.want)
		}
	}
	if got := e.funcs()["typeName"].(func(model.MapType) string)(model.ServiceBlueprint); got != "Bản thiết kế dịch vụ" {
		t.Errorf("typeName(service-blueprint) = %q", got)
	}
}

func TestSiteStringsOverrideTheme(t *testing.T) {
	site := fstest.MapFS{
		"i18n/en.toml": {Data: []byte(`"nav.home" = "Start"` + "\n" + `"site.extra" = "Extra %s"` + "\n")},
		"i18n/vi.toml": {Data: []byte(`"nav.home" = "Nhà"` + "\n")},
	}
	e, err := New(siteIn("en"), nil, Layer{Name: "themes/default", FS: defaultTheme(t)}, Layer{Name: "", FS: site})
	if err != nil {
		t.Fatal(err)
	}
	for key, want := range map[string]string{"nav.home": "Start", "nav.journeys": "Journeys", "site.extra": "Extra %s"} {
		if got := e.translate(key); got != want {
			t.Errorf("translate(%q) = %q, want %q", key, got, want)
		}
	}
	if got := e.translate("site.extra", "x"); got != "Extra x" {
		t.Errorf("translate with an argument = %q", got)
	}

	// A layer without the language's file changes nothing; a broken one
	// is reported with its path.
	bad := fstest.MapFS{"i18n/en.toml": {Data: []byte(`"nav.home" = `)}}
	_, err = New(siteIn("en"), nil, Layer{Name: "themes/default", FS: defaultTheme(t)}, Layer{Name: "mysite", FS: bad})
	if err == nil || !strings.Contains(err.Error(), "mysite/i18n/en.toml") {
		t.Errorf("broken string file: err = %v, want it to name mysite/i18n/en.toml", err)
	}
}

func quadrants() []string {
	var out []string
	for _, q := range hub.Quadrants() {
		out = append(out, string(q))
	}
	return out
}
