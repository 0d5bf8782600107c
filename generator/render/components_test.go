package render

import (
	"os"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/css"
	"github.com/tdewolff/minify/v2/html"
	"github.com/tdewolff/minify/v2/svg"

	"github.com/waymark-cx/waymark/generator/model"
)

// hostile is content that must come out as text wherever it lands.
const hostile = `<script>alert("x")</script> & 'q' +1`

// componentJourney has every lane, every chip and hostile text in each
// string a component writes.
func componentJourney() *model.Journey {
	ann := &model.Persona{Name: "Ann " + hostile, Entry: model.Entry{Slug: "ann", URL: "personas/ann b/"}}
	bo := &model.Persona{Name: "Bo", Entry: model.Entry{Slug: "bo", URL: "personas/bo/"}}
	stage := func(i int, name string, alert bool) *model.Stage {
		return &model.Stage{
			Index: i, Name: name + hostile, Description: "d" + hostile, Duration: "2 days" + hostile,
			Emotion: map[string]float64{"ann": float64(1 + i), "bo": 4.5}, Feeling: "f" + hostile,
			Actions: []string{"a" + hostile, "a2"}, Thoughts: []string{"t" + hostile}, Questions: []string{"q" + hostile},
			Touchpoints: []*model.Touchpoint{
				{Name: "app" + hostile, Channel: "web" + hostile, Kind: "digital", Owner: "o" + hostile, Emotion: 2, HasEmotion: true, Description: "desc" + hostile, FailPoint: true},
				{Name: "bare"},
			},
			PainPoints: []model.Item{
				{Text: "p" + hostile, Owner: "Support" + hostile, Status: "open", Severity: 3},
				{Text: "plain"},
				{Text: "status only", Status: "in-progress"},
			},
			Opportunities: []model.Item{{Text: "o" + hostile, Status: "planned", Severity: 1}},
			Metrics: []*model.Metric{
				{Name: "m" + hostile, Value: 12, HasValue: true, Target: 20, HasTarget: true, Unit: "%", HigherIsBetter: true},
				{Name: "wait", Value: 3, HasValue: true, Target: 2, HasTarget: true, Unit: "days" + hostile},
				{Name: "ok", Value: 1, HasValue: true, Target: 2, HasTarget: true},
				{Name: "value only", Value: 7, HasValue: true},
			},
			DropOff: 0.4, HasDropOff: true, Alert: alert,
			Blueprint: &model.Blueprint{Evidence: []string{"e" + hostile}, Frontstage: []string{"f"}, Backstage: []string{"b"},
				Support: []string{"s"}, Policies: []string{"pol" + hostile}, FailPoints: []string{"fp" + hostile}, Wait: "w" + hostile},
		}
	}
	j := &model.Journey{
		Entry: model.Entry{Slug: "j", URL: "journeys/j/"},
		Title: "J " + hostile, Personas: []*model.Persona{ann, bo}, PersonaSlugs: []string{"ann", "bo"},
		Stages: []*model.Stage{stage(0, "One", false), stage(1, "Two", true), {Index: 2, Name: "Empty"}},
	}
	j.Place(testAddresses{}, false)
	return j
}

// testAddresses stands in for plan.Addresses, which render's tests cannot
// import.
type testAddresses struct{}

func (testAddresses) Entry(folder, slug string) string { return folder + "/" + slug + "/" }
func (testAddresses) Page(dir, slug string) string     { return dir + "/" + slug + "/" }
func (testAddresses) Download(j *model.Journey, ext string) string {
	return j.URL + j.Slug + "." + ext
}
func (testAddresses) Print(j *model.Journey) string { return j.URL + "print/" }

// TestComponentsMatchTemplates renders the same journeys with the built-in
// components and with the html/template partials they replaced (kept in
// testdata/reference), and compares the minified results, as pages are
// written: the components must escape every string as html/template did.
func TestComponentsMatchTemplates(t *testing.T) {
	th := defaultTheme(t)
	site := &model.Site{Config: model.Config{BasePath: "/cx/", BaseURL: "/cx/", Language: "en", DropOffAlert: 0.3}}
	page := `{{template "partials/timeline.html" .}}{{template "partials/blueprint.html" .}}{{template "partials/downloads.html" .Journey}}{{template "partials/journey-card.html" .Journey}}` +
		`{{range .Journey.Stages}}{{template "partials/stage-head.html" (dict "Stage" . "ID" "x")}}` +
		`{{template "partials/emotion.html" (dict "Journey" $.Journey "Stage" .)}}{{end}}`
	own := fstest.MapFS{"layouts/cmp.html": {Data: []byte(page + `{{with .Journey.Personas}}{{stagePains (painPointsByStage (index . 0))}}{{end}}`)}}
	ref := fstest.MapFS{"layouts/cmp.html": {Data: []byte(page + `{{with .Journey.Personas}}{{template "partials/stage-pains.html" (painPointsByStage (index . 0))}}{{end}}`)}}
	files, err := os.ReadDir("testdata/reference/layouts/partials")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		b, err := os.ReadFile("testdata/reference/layouts/partials/" + f.Name())
		if err != nil {
			t.Fatal(err)
		}
		ref["layouts/partials/"+f.Name()] = &fstest.MapFile{Data: b}
	}
	newEng, err := New(site, nil, Layer{Name: "themes/default", FS: th}, Layer{Name: "", FS: own})
	if err != nil {
		t.Fatal(err)
	}
	// The components drawing each part by the reference's partials, as
	// they do for a theme that redraws them (parts.go).
	mixed := fstest.MapFS{}
	for name, f := range ref {
		if name != "layouts/partials/timeline.html" && name != "layouts/partials/blueprint.html" && name != "layouts/partials/journey-card.html" {
			mixed[name] = f
		}
	}
	mixed["layouts/cmp.html"] = own["layouts/cmp.html"]
	mixEng, err := New(site, nil, Layer{Name: "themes/default", FS: th}, Layer{Name: "", FS: mixed})
	if err != nil {
		t.Fatal(err)
	}
	if len(mixEng.redrawn) != 7 {
		t.Errorf("the reference redraws %d parts, want 7: %v", len(mixEng.redrawn), mixEng.redrawn)
	}
	if newEng.redrawn != nil {
		t.Errorf("the default theme's wrappers count as redrawn: %v", newEng.redrawn)
	}
	refEng, err := New(site, nil, Layer{Name: "themes/default", FS: th}, Layer{Name: "", FS: ref})
	if err != nil {
		t.Fatal(err)
	}
	m := minify.New()
	m.Add("text/html", &html.Minifier{KeepDocumentTags: true, KeepEndTags: true, KeepQuotes: true})
	m.AddFunc("image/svg+xml", svg.Minify)
	m.AddFunc("text/css", css.Minify)
	one := componentJourney()
	one.Personas, one.PersonaSlugs = one.Personas[:1], one.PersonaSlugs[:1]
	none := componentJourney()
	none.Personas, none.PersonaSlugs = nil, nil
	for _, s := range none.Stages {
		s.Emotion = map[string]float64{"": 2}
	}
	for name, j := range map[string]*model.Journey{"two personas": componentJourney(), "one persona": one, "no persona": none} {
		for _, per := range j.Personas {
			per.Journeys = []*model.Journey{j, j} // the pains of two journeys
		}
		p := &Page{Kind: "journey", Layout: "cmp", Journey: j, Site: NewSite(site, nil)}
		got, err := newEng.Bytes(p)
		if err != nil {
			t.Fatal(err)
		}
		want, err := refEng.Bytes(p)
		if err != nil {
			t.Fatal(err)
		}
		mix, err := mixEng.Bytes(p)
		if err != nil {
			t.Fatal(err)
		}
		gotMin, err := m.Bytes("text/html", got)
		if err != nil {
			t.Fatal(err)
		}
		mixMin, err := m.Bytes("text/html", mix)
		if err != nil {
			t.Fatal(err)
		}
		wantMin, err := m.Bytes("text/html", want)
		if err != nil {
			t.Fatal(err)
		}
		if string(gotMin) != string(wantMin) {
			t.Errorf("%s: components and templates differ at byte %d:\ncomponents: …%s\ntemplates:  …%s", name,
				diffAt(gotMin, wantMin), around(gotMin, diffAt(gotMin, wantMin)), around(wantMin, diffAt(gotMin, wantMin)))
		}
		if string(mixMin) != string(wantMin) {
			t.Errorf("%s: components drawing by redrawn partials and templates differ at byte %d:\ncomponents: …%s\ntemplates:  …%s", name,
				diffAt(mixMin, wantMin), around(mixMin, diffAt(mixMin, wantMin)), around(wantMin, diffAt(mixMin, wantMin)))
		}
		if strings.Contains(string(got), "<script>") || strings.Contains(string(mix), "<script>") {
			t.Errorf("%s: a <script> from content came through unescaped", name)
		}
		if !regexp.MustCompile(`href="/cx/personas/ann%20b/"`).Match(got) && name == "two personas" {
			t.Errorf("%s: the persona link in the legend is not normalized:\n%s", name, got)
		}
	}
}

func diffAt(a, b []byte) int {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	return i
}

func around(b []byte, i int) string {
	lo, hi := max(0, i-80), min(len(b), i+80)
	return string(b[lo:hi])
}

func TestNormalizeURL(t *testing.T) {
	tests := map[string]string{
		"/cx/personas/lan/":         "/cx/personas/lan/",
		"/cx/a b/":                  "/cx/a%20b/",
		"https://example.com/x?q=1": "https://example.com/x?q=1",
		"mailto:cx@example.com":     "mailto:cx@example.com",
		"javascript:alert(1)":       "#ZgotmplZ",
		"JavaScript:alert(1)":       "#ZgotmplZ",
		"data:text/html,x":          "#ZgotmplZ",
		`/x"><script>`:              "/x%22%3E%3Cscript%3E",
		"/caf\u00e9/":               "/caf%C3%A9/",
		"/a:b/":                     "/a:b/",
	}
	for in, want := range tests {
		if got := normalizeURL(in); got != want {
			t.Errorf("normalizeURL(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestCompact(t *testing.T) {
	tests := map[string]string{
		"<ul>\n  {{- range .}}\n    <li>{{.}}</li>  \n  {{- end}}\n</ul>": "<ul>\n{{- range .}}\n<li>{{.}}</li>\n{{- end}}\n</ul>",
		"<pre>\n  kept\n</pre>":   "<pre>\n  kept\n</pre>",
		"{{`\n  raw`}}":           "{{`\n  raw`}}",
		"<p>a  b</p>\n\t<p>c</p>": "<p>a  b</p>\n<p>c</p>",
	}
	for in, want := range tests {
		if got := compact([]byte(in)); got != want {
			t.Errorf("compact(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestFragments: a page rendered with its components left as
// placeholders and spliced back is the page rendered whole.
func TestFragments(t *testing.T) {
	th := defaultTheme(t)
	site := &model.Site{Config: model.Config{BasePath: "/cx/", BaseURL: "/cx/", Language: "en", DropOffAlert: 0.3}}
	eng, err := New(site, nil, Layer{Name: "themes/default", FS: th})
	if err != nil {
		t.Fatal(err)
	}
	j := componentJourney()
	j.Type = model.ServiceBlueprint
	p := &Page{Kind: "journey", Journey: j, Site: NewSite(site, nil), Title: j.Title}
	whole, err := eng.Bytes(p)
	if err != nil {
		t.Fatal(err)
	}
	frags := p.Hold(nil)
	held, err := eng.Bytes(p)
	if err != nil {
		t.Fatal(err)
	}
	// One grid: the blueprint's layers are drawn inside the timeline.
	if frags.Len() != 1 || !strings.Contains(string(held), fragmentTag(0)) {
		t.Fatalf("want the map held back as one fragment, got %d fragments", frags.Len())
	}
	got, err := Splice(nil, held, frags)
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != string(whole) {
		t.Errorf("spliced page differs from the whole page at byte %d", diffAt(got, whole))
	}
	if _, err := Splice(nil, []byte("<p>no placeholder</p>"), &Fragments{buf: []byte("<table></table>"), ends: []int{15}}); err == nil {
		t.Error("Splice did not notice a lost placeholder")
	}
}

// TestMapKeptForPrint: a journey's print view, made after its page with
// the same fragments, puts in the stage table the page drew, without
// drawing it again, and it is the table the print view draws alone; a
// page of another journey, or the same journey through another engine,
// draws its own.
func TestMapKeptForPrint(t *testing.T) {
	th := defaultTheme(t)
	site := &model.Site{Config: model.Config{BasePath: "/", BaseURL: "/", Language: "en", DropOffAlert: 0.3}}
	newEngine := func() *Engine {
		eng, err := New(site, nil, Layer{Name: "themes/default", FS: th})
		if err != nil {
			t.Fatal(err)
		}
		return eng
	}
	eng, other := newEngine(), newEngine()
	j, k := componentJourney(), componentJourney()
	k.Title = "Another"
	k.Stages[0].Name = "Another first stage"
	page := func(kind string, j *model.Journey) *Page {
		return &Page{Kind: kind, Journey: j, Site: NewSite(site, nil), Title: j.Title}
	}
	var frags Fragments
	draws := 0
	table := func(e *Engine, p *Page) string {
		t.Helper()
		p.Hold(&frags)
		defer p.Release()
		_, err := e.placeMap(p, 1024, func(w *htmlw) { draws++; w.timeline(p) })
		if err != nil || frags.Len() != 1 {
			t.Fatalf("placeMap: %v, %d fragments", err, frags.Len())
		}
		return string(frags.At(0))
	}
	onPage := table(eng, page("journey", j))
	inPrint := table(eng, page("print", j))
	if draws != 1 {
		t.Errorf("the print view drew the stage table again (%d drawings)", draws)
	}
	alone, err := eng.Bytes(page("print", j))
	if err != nil {
		t.Fatal(err)
	}
	if inPrint != onPage || !strings.Contains(string(alone), inPrint) {
		t.Error("the print view's kept stage table is not the one it draws alone")
	}
	if got := table(eng, page("print", k)); draws != 2 || got == onPage || !strings.Contains(got, "Another first stage") {
		t.Errorf("another journey's print view got the kept table (%d drawings)", draws)
	}
	table(other, page("print", k))
	if draws != 3 {
		t.Errorf("another engine's page got the table this one drew (%d drawings)", draws)
	}
}

// TestNumbersOnPage: a journey page on a Vietnamese site writes its
// numbers the Vietnamese way, and its drop-off bar's width the CSS way.
func TestNumbersOnPage(t *testing.T) {
	th := defaultTheme(t)
	site := &model.Site{Config: model.Config{BasePath: "/", BaseURL: "/", Language: "vi", DropOffAlert: 0.3}}
	eng, err := New(site, nil, Layer{Name: "themes/default", FS: th})
	if err != nil {
		t.Fatal(err)
	}
	j := componentJourney()
	st := j.Stages[0]
	st.DropOff = 0.125
	st.Metrics = []*model.Metric{
		{Name: "CSAT", Value: 64.5, HasValue: true, Target: 80, HasTarget: true, Unit: "%", HigherIsBetter: true},
		{Name: "Đơn", Value: 1250, HasValue: true, Unit: "/tháng"},
		{Name: "Giá trị", Value: 2500000, HasValue: true, Unit: "₫"},
	}
	b, err := eng.Bytes(&Page{Kind: "journey", Journey: j, Site: NewSite(site, nil), Title: j.Title})
	if err != nil {
		t.Fatal(err)
	}
	page := string(b)
	for _, want := range []string{"12,5\u00a0%", "64,5\u00a0%", "80\u00a0%", "1.250/tháng", "2.500.000 ₫", `style="width:12.5%"`} {
		if !strings.Contains(page, want) {
			t.Errorf("the page lacks %q", want)
		}
	}
	for _, not := range []string{"12.5\u00a0%", "1250", "64.5"} {
		if strings.Contains(page, not) {
			t.Errorf("the page has %q, written the English way", not)
		}
	}
}

// TestStagePainsSize: the guess of what stagePains draws is within a
// fifth of what it draws, for a persona's groups of a few items and of
// many.
func TestStagePainsSize(t *testing.T) {
	site := &model.Site{Config: model.Config{BasePath: "/", BaseURL: "/", Language: "vi"}}
	eng, err := New(site, nil, Layer{Name: "themes/default", FS: defaultTheme(t)})
	if err != nil {
		t.Fatal(err)
	}
	j := componentJourney()
	for _, n := range []int{1, 40} {
		var groups []model.StageItems
		for _, s := range j.Stages {
			g := model.StageItems{Stage: s.Name}
			for i := range n {
				g.Items = append(g.Items, model.JourneyItem{Item: model.Item{Text: "Giá không rõ ràng " + strings.Repeat("x", i%7), Severity: 1 + i%3, Status: "open"}, Journey: j})
			}
			groups = append(groups, g)
		}
		drawn := len(eng.draw(0, func(w *htmlw) { w.stagePains(groups) }).b)
		if guess := stagePainsSize(groups); guess < drawn*4/5 || guess > drawn*6/5 {
			t.Errorf("%d items a stage: guessed %d bytes, drew %d", n, guess, drawn)
		}
	}
}
