package render

import (
	"strings"
	"testing"

	"github.com/waymark-cx/waymark/generator/model"
)

// TestCustomLanesOnPage draws a journey with a custom lane of each kind
// on a Vietnamese site: each in its place (after the lane it follows),
// with its description, its values in the shape of their kind, every
// string escaped, a text lane's Markdown rendered without raw HTML; a
// hidden built-in lane is left out, and an action's own emotion and
// personas are shown.
func TestCustomLanesOnPage(t *testing.T) {
	th := defaultTheme(t)
	site := &model.Site{Config: model.Config{BasePath: "/hb/", BaseURL: "/hb/", Language: "vi", DropOffAlert: 0.3,
		HideLanes: []string{"questions"}}}
	eng, err := New(site, nil, Layer{Name: "themes/default", FS: th})
	if err != nil {
		t.Fatal(err)
	}
	lanes := []*model.Lane{
		{Key: "systems", Name: "Hệ thống <b>", Kind: model.LaneList, After: "touchpoints", Description: "Phần mềm & công cụ"},
		{Key: "note", Name: "Note", Kind: model.LaneText, After: "actions"},
		{Key: "kpis", Name: "KPIs", Kind: model.LaneItems},
		{Key: "effort", Name: "Effort", Kind: model.LaneScore, Min: 1, Max: 7, After: "kpis"},
		{Key: "unused", Name: "Unused", Kind: model.LaneList},
	}
	j := &model.Journey{Entry: model.Entry{Slug: "j", URL: "journeys/j/", Path: "content/journeys/j.md"}, Title: "J",
		PersonaSlugs: []string{"lan"}, Personas: []*model.Persona{{Name: "Chị Lan", Entry: model.Entry{Slug: "lan"}}}, Lanes: lanes}
	j.Place(testAddresses{}, false)
	j.HideLanes(site.Config.HideLanes...)
	j.Stages = []*model.Stage{{Index: 0, Name: "Một", Actions: []string{"Pays"}, Questions: []string{"Hidden question?"},
		ActionDetails: []model.Action{{Text: "Pays", Emotion: 2, HasEmotion: true, Personas: []string{"lan"}}},
		Touchpoints:   []*model.Touchpoint{{Name: "App"}},
		Custom: map[string]*model.LaneValue{
			"systems": {List: []string{"SAP <script>"}},
			"note":    {Text: "See **[the guide](/guides/x/)** <em>raw</em>"},
			"kpis":    {Items: []model.Item{{Text: "NPS", Owner: "CX", Status: "open"}}},
			"effort":  {Score: 5.5, HasScore: true},
		}}}
	pg := &Page{Kind: "journey", Journey: j, Site: NewSite(site, nil), Title: j.Title}
	b, err := eng.Bytes(pg)
	if err != nil {
		t.Fatal(err)
	}
	page := string(b)
	order := []string{`class="lane lane-actions`, `data-lane="note"`, `class="lane lane-touchpoints`, `data-lane="systems"`,
		`data-lane="kpis"`, `data-lane="effort"`}
	at := 0
	for _, s := range order {
		i := strings.Index(page[at:], s)
		if i < 0 {
			t.Fatalf("%s is missing, or out of order (after %d)", s, at)
		}
		at += i
	}
	for _, want := range []string{
		"Hệ thống &lt;b&gt;", `<span class="lane-hint">Phần mềm &amp; công cụ</span>`, "SAP &lt;script&gt;",
		`<strong><a href="/hb/guides/x/">the guide</a></strong>`, "<!-- raw HTML omitted -->",
		`<span class="lane-score-value">5,5</span>`, `style="width:75%"`, "NPS",
		`<span class="action-persona">Chị Lan</span>`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the page lacks %s", want)
		}
	}
	for _, not := range []string{"Hidden question?", "Unused", "<em>raw</em>", "<script>"} {
		if strings.Contains(page, not) {
			t.Errorf("the page has %s", not)
		}
	}
}
