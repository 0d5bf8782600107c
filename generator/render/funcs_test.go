package render

import (
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/waymark-cx/waymark/generator/model"
)

func TestPercent(t *testing.T) {
	tests := []struct {
		in   float64
		want string
	}{
		{0, "0%"},
		{1, "100%"},
		{0.35, "35%"},
		{0.125, "12.5%"},
		{0.07, "7%"}, // 0.07*100 is 7.000000000000001
		{0.29, "29%"},
		{0.1234, "12.3%"},
		{0.1236, "12.4%"},
		{1 / 3.0, "33.3%"},
		{0.999, "99.9%"},
		{1.5, "150%"},
		{-0.25, "-25%"},
	}
	for _, tt := range tests {
		if got := percent(tt.in); got != tt.want {
			t.Errorf("percent(%v) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestNum(t *testing.T) {
	tests := []struct {
		in   float64
		want string
	}{
		{4, "4"},
		{1.80, "1.8"},
		{0.5, "0.5"},
		{-2, "-2"},
		{0, "0"},
		{1e6, "1,000,000"}, // grouped by thousands, as readers read it
		{3.25, "3.25"},
		{4.1, "4.1"},
	}
	for _, tt := range tests {
		if got := numbersFor("en").num(tt.in); got != tt.want {
			t.Errorf("num(%v) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestInitials(t *testing.T) {
	tests := map[string]string{
		"Nguyễn Thị Lan":   "NL",
		"Trần Minh":        "TM",
		"lan":              "L",
		"Ánh":              "Á",
		"đức anh":          "ĐA",
		"  Minh  ":         "M",
		"":                 "",
		"   ":              "",
		"123 Lan":          "L",
		"Lan (PM)":         "L",
		"Mary-Jane Watson": "MW",
		"a b c d":          "AD",
		"Lê\tVăn\nHùng":    "LH",
		// Honorifics and titles before a name are not initials.
		"Chị Lan":          "L",
		"chị Lan":          "L",
		"Anh Tuấn":         "T",
		"Bác Ba":           "B",
		"Cô Ngọc Ánh":      "NÁ",
		"Ông Nguyễn Văn A": "NA",
		"Dr. Sarah Chen":   "SC",
		"Mrs Tran":         "T",
		"Chi Pu":           "CP", // Chi without its mark is a name
		"Đức Anh":          "ĐA", // a name ending in Anh keeps it
		"Anh":              "A",  // a name of one word is the name
	}
	for in, want := range tests {
		if got := initials(in); got != want {
			t.Errorf("initials(%q) = %q, want %q", in, got, want)
		}
	}
}

func engineFor(basePath, baseURL, lang string) *Engine {
	return &Engine{site: &model.Site{Config: model.Config{BasePath: basePath, BaseURL: baseURL, Language: lang}}}
}

func TestURL(t *testing.T) {
	cx := engineFor("/cx/", "https://example.com/cx/", "en")
	root := engineFor("/", "https://example.com/", "en")
	tests := []struct {
		e    *Engine
		in   string
		want string
	}{
		{cx, "personas/lan/", "/cx/personas/lan/"},
		{cx, "/personas/lan/", "/cx/personas/lan/"},
		{cx, "", "/cx/"},
		{cx, "css/site.css", "/cx/css/site.css"},
		{cx, "404.html", "/cx/404.html"},
		{cx, "https://other.example/x", "https://other.example/x"},
		{cx, "//cdn.example.com/a.js", "//cdn.example.com/a.js"},
		{cx, "mailto:cx@example.com", "mailto:cx@example.com"},
		{cx, "#main", "#main"},
		{root, "personas/lan/", "/personas/lan/"},
		{root, "", "/"},
		{root, "/a/", "/a/"},
	}
	for _, tt := range tests {
		if got := tt.e.url(tt.in); got != tt.want {
			t.Errorf("url(%q) with base %q = %q, want %q", tt.in, tt.e.site.Config.BasePath, got, tt.want)
		}
	}
}

func TestAbsURL(t *testing.T) {
	tests := []struct {
		baseURL, in, want string
	}{
		{"https://example.com/cx/", "personas/lan/", "https://example.com/cx/personas/lan/"},
		{"https://example.com/cx/", "/personas/lan/", "https://example.com/cx/personas/lan/"},
		{"https://example.com/cx/", "", "https://example.com/cx/"},
		{"https://example.com/", "sitemap.xml", "https://example.com/sitemap.xml"},
		{"https://example.com/cx/", "https://other.example/a", "https://other.example/a"},
		{"/cx/", "personas/lan/", "/cx/personas/lan/"}, // path-only base: same as url
		{"/", "a/", "/a/"},
	}
	for _, tt := range tests {
		e := engineFor("/", tt.baseURL, "en")
		if got := e.absURL(tt.in); got != tt.want {
			t.Errorf("absURL(%q) with base_url %q = %q, want %q", tt.in, tt.baseURL, got, tt.want)
		}
	}
}

func TestDate(t *testing.T) {
	d := time.Date(2024, time.March, 5, 15, 4, 0, 0, time.UTC)
	tests := []struct {
		lang string
		in   time.Time
		want string
	}{
		{"en", d, "5 March 2024"},
		{"vi", d, "ngày 5 tháng 3 năm 2024"},
		{"en", time.Date(2025, time.December, 31, 0, 0, 0, 0, time.UTC), "31 December 2025"},
		{"vi", time.Date(2025, time.December, 31, 0, 0, 0, 0, time.UTC), "ngày 31 tháng 12 năm 2025"},
		{"en", time.Time{}, ""},
		{"vi", time.Time{}, ""},
	}
	for _, tt := range tests {
		if got := engineFor("/", "/", tt.lang).date(tt.in); got != tt.want {
			t.Errorf("date(%v) in %s = %q, want %q", tt.in, tt.lang, got, tt.want)
		}
	}
	iso := engineFor("/", "/", "en").funcs()["isoDate"].(func(time.Time) string)
	if got := iso(d); got != "2024-03-05" {
		t.Errorf("isoDate = %q", got)
	}
}

func TestThousands(t *testing.T) {
	tests := []struct {
		lang string
		in   int
		want string
	}{
		{"en", 0, "0"},
		{"en", 200, "200"},
		{"en", 4000, "4,000"},
		{"en", 1234567, "1,234,567"},
		{"en", -12345, "-12,345"},
		{"vi", 4000, "4.000"},
		{"vi", 999, "999"},
	}
	for _, tt := range tests {
		if got := engineFor("/", "/", tt.lang).thousands(tt.in); got != tt.want {
			t.Errorf("thousands(%d) in %s = %q, want %q", tt.in, tt.lang, got, tt.want)
		}
	}
}

func TestDict(t *testing.T) {
	m, err := dict("Page", 1, "Journey", "j", "Nil", nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(m) != 3 || m["Page"] != 1 || m["Journey"] != "j" || m["Nil"] != nil {
		t.Errorf("dict = %v", m)
	}
	if m, err := dict(); err != nil || len(m) != 0 {
		t.Errorf("dict() = %v, %v", m, err)
	}
	if _, err := dict("odd"); err == nil {
		t.Error("dict with an odd number of arguments: no error")
	}
	if _, err := dict(1, "x"); err == nil {
		t.Error("dict with a non-string key: no error")
	}
	if m, _ := dict("k", 1, "k", 2); m["k"] != 2 {
		t.Errorf("a repeated key: %v, want the last value", m)
	}
}

// fullStage has something in every lane.
func fullStage() *model.Stage {
	return &model.Stage{
		Name:          "Full",
		Description:   "d",
		Duration:      "2 days",
		Emotion:       map[string]float64{"": 3},
		Actions:       []string{"a"},
		Thoughts:      []string{"t"},
		Questions:     []string{"q"},
		Touchpoints:   []*model.Touchpoint{{Name: "app"}},
		PainPoints:    []model.Item{{Text: "p"}},
		Opportunities: []model.Item{{Text: "o"}},
		Metrics:       []*model.Metric{{Name: "m"}},
		HasDropOff:    true,
		Blueprint:     &model.Blueprint{},
	}
}

func TestLane(t *testing.T) {
	names := []string{"description", "duration", "actions", "thoughts", "questions", "touchpoints",
		"emotion", "pain_points", "opportunities", "metrics", "drop_off", "blueprint"}
	empty := &model.Journey{Stages: []*model.Stage{{Name: "A"}, {Name: "B"}}}
	full := &model.Journey{Stages: []*model.Stage{{Name: "A"}, fullStage()}}
	for _, n := range names {
		if lane(empty, n) {
			t.Errorf("lane(empty, %q) = true", n)
		}
		if !lane(full, n) {
			t.Errorf("lane(full, %q) = false", n)
		}
	}
	if lane(full, "no-such-lane") {
		t.Error("an unknown lane is reported as present")
	}
	if lane(&model.Journey{}, "actions") {
		t.Error("a journey without stages has actions")
	}
	feelingOnly := &model.Journey{Stages: []*model.Stage{{Feeling: "anxious"}}}
	if !lane(feelingOnly, "emotion") {
		t.Error("a feeling without scores does not count as emotion")
	}
	dropZero := &model.Journey{Stages: []*model.Stage{{HasDropOff: true, DropOff: 0}}}
	if !lane(dropZero, "drop_off") {
		t.Error("a drop-off of 0 that is set does not count")
	}

	// Every lane name a default layout asks about is one lane knows: a
	// typo there would silently hide a row.
	re := regexp.MustCompile(`lane\s+\$?\w*\s+"([^"]+)"`)
	seen := 0
	for p, text := range layouts(t) {
		for _, m := range re.FindAllStringSubmatch(text, -1) {
			seen++
			if !slices.Contains(names, m[1]) {
				t.Errorf("%s: lane %q is not a lane", p, m[1])
			}
		}
	}
	if seen == 0 {
		t.Error("no lane calls found in the layouts")
	}
}

func TestFuncsInTemplates(t *testing.T) {
	site := &model.Site{Config: model.Config{BasePath: "/cx/", BaseURL: "https://example.com/cx/", Language: "en"}}
	layer := fstest.MapFS{
		"layouts/page.html": {Data: []byte(`{{url "personas/lan/"}}|{{absURL "x/"}}|{{percent 0.125}}|{{num 1.80}}|` +
			`{{initials "Nguyễn Thị Lan"}}|{{slug "Điểm chạm"}}|{{len (list 1 "b" 3)}}|{{add 2 3}}|` +
			`{{with dict "A" 1}}{{.A}}{{end}}|{{t "nav.home"}}|{{t "journey.stage-count" 4}}|{{typeName "future-state"}}`)},
		"i18n/en.toml": {Data: []byte(`"nav.home" = "Home"` + "\n" + `"journey.stage-count" = "%d stages"` + "\n" + `"type.future-state" = "Future state"` + "\n")},
	}
	e, err := New(site, nil, Layer{Name: "site", FS: layer})
	if err != nil {
		t.Fatal(err)
	}
	b, err := e.Bytes(&Page{Kind: "page"})
	if err != nil {
		t.Fatal(err)
	}
	want := "/cx/personas/lan/|https://example.com/cx/x/|12.5%|1.8|NL|diem-cham|3|5|1|Home|4 stages|Future state"
	if string(b) != want {
		t.Errorf("rendered\n%s\nwant\n%s", b, want)
	}
}

func TestThemeParsesAndOverrides(t *testing.T) {
	th := defaultTheme(t)
	site := &model.Site{Config: model.Config{BasePath: "/", BaseURL: "/", Language: "en"}}
	e, err := New(site, nil, Layer{Name: "themes/default", FS: th})
	if err != nil {
		t.Fatalf("the default theme does not parse: %v", err)
	}
	// Every page kind has a layout; partials and _base are not pages.
	for _, k := range []string{"home", "persona", "personas", "journey", "journeys", "page", "section", "templates", "404"} {
		if !e.Has(k) {
			t.Errorf("no layout for kind %q (have %v)", k, e.Layouts())
		}
	}
	for _, l := range e.Layouts() {
		if strings.HasPrefix(l, "partials/") || strings.HasPrefix(l, "_") {
			t.Errorf("%q listed as a page layout", l)
		}
	}

	// A site layer overrides one file, adds a layout and a partial, and
	// keeps everything else from the theme.
	own := fstest.MapFS{
		"layouts/404.html":            {Data: []byte(`custom 404 {{template "partials/mine.html" .}}`)},
		"layouts/partials/mine.html":  {Data: []byte(`[{{.Title}}]`)},
		"layouts/landing.html":        {Data: []byte(`landing {{t "nav.home"}}`)},
		"layouts/notes.txt":           {Data: []byte(`ignored`)},
		"layouts/sub/deeper/x.html":   {Data: []byte(`deep`)},
		"layouts/partials/_skip.html": {Data: []byte(`{{define "skip"}}s{{end}}`)},
	}
	e2, err := New(site, nil, Layer{Name: "themes/default", FS: th}, Layer{Name: "", FS: own})
	if err != nil {
		t.Fatal(err)
	}
	b, err := e2.Bytes(&Page{Kind: "404", Title: "Lost"})
	if err != nil {
		t.Fatal(err)
	}
	if string(b) != "custom 404 [Lost]" {
		t.Errorf("404 = %q", b)
	}
	p := &Page{Kind: "page", Layout: "landing"}
	if b, err := e2.Bytes(p); err != nil || string(b) != "landing Home" {
		t.Errorf("landing = %q, %v", b, err)
	}
	if !e2.Has("sub/deeper/x") || e2.Has("notes") {
		t.Errorf("layouts = %v", e2.Layouts())
	}
	if !e2.Has("journey") {
		t.Error("the theme's journey layout was lost by overriding 404")
	}
	if _, err := e2.Bytes(&Page{Kind: "nope"}); err == nil || !strings.Contains(err.Error(), `no layout "nope"`) {
		t.Errorf("unknown layout: %v", err)
	}

	// A parse error names the file in its layer.
	broken := fstest.MapFS{"layouts/page.html": {Data: []byte(`{{if}}`)}}
	if _, err := New(site, nil, Layer{Name: "themes/default", FS: th}, Layer{Name: "mysite", FS: broken}); err == nil ||
		!strings.Contains(err.Error(), "mysite/layouts/page.html") {
		t.Errorf("parse error = %v, want it to name mysite/layouts/page.html", err)
	}

	// Reuse keeps the engine when nothing changed, and not otherwise.
	again, err := Reuse(e, site, nil, Layer{Name: "themes/default", FS: th})
	if err != nil || again != e {
		t.Errorf("Reuse with the same layers made a new engine (%v)", err)
	}
	vi := &model.Site{Config: model.Config{BasePath: "/", BaseURL: "/", Language: "vi"}}
	if other, err := Reuse(e, vi, nil, Layer{Name: "themes/default", FS: th}); err != nil || other == e {
		t.Errorf("Reuse across languages kept the engine (%v)", err)
	}
}

func TestSignedDelta(t *testing.T) {
	tests := []struct {
		from, to float64
		want     string
	}{
		{2, 4, "+2"},
		{4, 2, "−2"},
		{3, 3, "±0"},
		{3.1, 2.2, "−0.9"},
		{0.35, 0.27, "−0.08"}, // rounded by points, not here
		{1.8, 2.2, "+0.4"},
		{2, 2.04, "±0"},
	}
	for _, tt := range tests {
		d, err := delta(tt.from, tt.to)
		if err != nil {
			t.Fatal(err)
		}
		got := numbersFor("en").signed(d)
		if tt.want == "−0.08" {
			if d != -0.08 {
				t.Errorf("delta(%v, %v) = %v, want -0.08", tt.from, tt.to, d)
			}
			continue
		}
		if got != tt.want {
			t.Errorf("signed(delta(%v, %v)) = %q, want %q", tt.from, tt.to, got, tt.want)
		}
	}
	points := (&Engine{}).funcs()["points"].(func(float64) float64)
	d, _ := delta(points(0.35), points(0.27))
	if got := numbersFor("en").signed(d); got != "−8" {
		t.Errorf("drop-off change 35%% → 27%% = %q, want −8", got)
	}
	if d, err := delta(3, 1); err != nil || d != -2 {
		t.Errorf("delta of counts 3 → 1 = %v, %v; want -2", d, err)
	}
	if _, err := delta("3", 1); err == nil {
		t.Error("delta of a string: no error")
	}
}

func TestStageScore(t *testing.T) {
	if got := stageScore(nil); got != 0 {
		t.Errorf("stageScore(nil) = %v", got)
	}
	if got := stageScore(&model.Stage{}); got != 0 {
		t.Errorf("stageScore of an unscored stage = %v", got)
	}
	if got := stageScore(&model.Stage{Emotion: map[string]float64{"lan": 2, "bao": 3, "minh": 3}}); got != 2.7 {
		t.Errorf("stageScore = %v, want 2.7", got)
	}
}

func TestFirst(t *testing.T) {
	list := []string{"a", "b", "c"}
	for _, tt := range []struct {
		n    int
		want []string
	}{{2, []string{"a", "b"}}, {3, list}, {10, list}, {0, []string{}}, {-1, []string{}}} {
		got, err := first(tt.n, list)
		if err != nil || !slices.Equal(got.([]string), tt.want) {
			t.Errorf("first(%d) = %v, %v; want %v", tt.n, got, err, tt.want)
		}
	}
	if got, err := first(2, nil); err != nil || got != nil {
		t.Errorf("first(2, nil) = %v, %v; want nil", got, err)
	}
	if _, err := first(2, "abc"); err == nil {
		t.Error("first of a string: no error")
	}
}

// TestNumbers: numbers for readers, the site language's way.
func TestNumbers(t *testing.T) {
	en, vi := numbersFor("en"), numbersFor("vi")
	for _, c := range []struct {
		got, want string
	}{
		{en.num(1250), "1,250"}, {vi.num(1250), "1.250"},
		{en.num(1.2), "1.2"}, {vi.num(1.2), "1,2"},
		{en.num(-1234567.5), "-1,234,567.5"}, {vi.num(-1234567.5), "-1.234.567,5"},
		{en.num(999), "999"}, {vi.num(0), "0"},
		{en.share(0.012), "1.2%"}, {vi.share(0.012), "1,2\u00a0%"},
		{en.share(0.35), "35%"}, {vi.share(0.35), "35\u00a0%"},
		{vi.signed(-0.94), "\u22120,9"}, {vi.signed(0), "±0"},
		{en.measure(64, "%"), "64%"}, {vi.measure(64, "%"), "64\u00a0%"},
		{vi.measure(120, "/tháng"), "120/tháng"}, {en.measure(3.5, "days"), "3.5 days"},
		{vi.measure(2500000, "₫"), "2.500.000 ₫"}, {en.measure(7, ""), "7"},
	} {
		if c.got != c.want {
			t.Errorf("%q, want %q", c.got, c.want)
		}
	}
}
