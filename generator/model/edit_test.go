package model

import (
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/waymark-cx/waymark/generator/diag"
	"github.com/waymark-cx/waymark/generator/source"
)

const editConfig = "title = \"t\"\n[rules]\ncritical_needs_owner = true\n"

const editJourney = `+++
title = "Buy"
persona = "lan"
compare = "buy-later"
last_reviewed = 2026-11-01

[[stage]]
name = "Aware"
emotion = 2
feeling = "Curious"

  [[stage.touchpoint]]
  name = "Ad"
  channel = "web"

[[stage]]
name = "Buy"
emotion = 4
+++
Notes.
`

// editSite is a site of two paired journeys and a persona, made with a
// cache, and the source set it was made from.
func editSite(t *testing.T, c *Cache, journey string) (*Site, *source.Set) {
	t.Helper()
	cfg, err := source.Decode(source.ConfigFile, []byte(editConfig), 1)
	if err != nil {
		t.Fatal(err)
	}
	set := &source.Set{Config: cfg}
	for _, f := range []struct{ path, text string }{
		{"content/journeys/buy.md", journey},
		{"content/journeys/buy-later.md", "+++\ntitle = \"Buy later\"\ntype = \"future-state\"\npersona = \"lan\"\nlast_reviewed = 2026-11-01\n[[stage]]\nname = \"Aware\"\n  [[stage.touchpoint]]\n  name = \"Ad\"\n+++\n"},
		{"content/personas/lan.md", "+++\nname = \"Lan\"\n+++\n"},
	} {
		sf, err := source.Split(f.path, []byte(f.text))
		if err != nil {
			t.Fatal(err)
		}
		set.Content = append(set.Content, sf)
	}
	site, err := New(set, Options{Cache: c, Now: time.Date(2026, 12, 3, 0, 0, 0, 0, time.UTC), Addresses: testAddresses{}})
	if err != nil {
		t.Fatal(err)
	}
	return site, set
}

func split(t *testing.T, path, text string) *source.File {
	t.Helper()
	f, err := source.Split(path, []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// TestEditJourney: a journey's new map is written over the site's in
// place, linked as before, with the warnings New gives the new text;
// the cache hands it out for the new file.
func TestEditJourney(t *testing.T) {
	c := NewCache()
	site, set := editSite(t, c, editJourney)
	j := site.Journeys[0]
	if j.Slug != "buy" {
		t.Fatalf("first journey %q", j.Slug)
	}
	// A new emotion, and a critical pain point without an owner, which
	// the rule warns of (a warning the old text did not have).
	text := strings.Replace(editJourney, "emotion = 4", "emotion = 1\npain_points = [{ text = \"Slow\", severity = 3 }]", 1)
	nf := split(t, "content/journeys/buy.md", text)
	before, got, ok := c.EditJourney(site, set.Content[0], nf, Options{Addresses: testAddresses{}})
	if !ok || got != j {
		t.Fatalf("EditJourney: ok %v, the same journey %v", ok, got == j)
	}
	if before.Stages[1].Emotion[""] != 4 && before.Stages[1].Emotion["lan"] != 4 || j.Stages[1].Emotion["lan"] != 1 {
		t.Errorf("emotions: before %v, after %v", before.Stages[1].Emotion, j.Stages[1].Emotion)
	}
	if len(j.Personas) != 1 || j.Personas[0].Slug != "lan" || j.Compare == nil || j.Compare.Compare != j || !slices.Contains(site.Personas[0].Journeys, j) {
		t.Error("the journey lost its links")
	}
	// What New makes of the new text, with another cache.
	set.Content[0] = nf
	want, err := New(set, Options{Cache: NewCache(), Now: site.Now, Addresses: testAddresses{}})
	if err != nil {
		t.Fatal(err)
	}
	if w := errorsOf(want.Warnings); !strings.Contains(strings.Join(w, "\n"), "critical_needs_owner") {
		t.Fatalf("the new text is not warned of: %q", w)
	}
	if g, w := errorsOf(site.Warnings), errorsOf(want.Warnings); !slices.Equal(g, w) {
		t.Errorf("warnings after the edit:\n%s\nwant\n%s", strings.Join(g, "\n"), strings.Join(w, "\n"))
	}
	if !reflect.DeepEqual(j.Stages, want.Journeys[0].Stages) {
		t.Error("the stages differ from New's")
	}
	// The next build hands out the journey written over.
	again, err := New(set, Options{Cache: c, Now: site.Now, Addresses: testAddresses{}})
	if err != nil || again.Journeys[0] != j {
		t.Errorf("the cache does not hand out the journey for the new file (%v)", err)
	}
}

// TestEditJourneyRefuses: what changes the site beyond the journey's
// map, or a mistake, leaves site and cache as they were.
func TestEditJourneyRefuses(t *testing.T) {
	for name, edit := range map[string][2]string{
		"title":          {`title = "Buy"`, `title = "Purchase"`},
		"persona":        {`persona = "lan"`, `persona = "minh"`},
		"pair":           {`compare = "buy-later"`, ``},
		"tags":           {`last_reviewed`, "tags = [\"x\"]\nlast_reviewed"},
		"owner":          {`name = "Ad"`, "name = \"Ad\"\n  owner = \"Ads team\""},
		"mistake":        {`emotion = 2`, `emotion = 9`},
		"unknown key":    {`feeling`, "mood = 1\nfeeling"},
		"image":          {`feeling = "Curious"`, "feeling = \"Curious\"\nimage = \"a.png\"\nimage_alt = \"A\""},
		"draft":          {`title = "Buy"`, "title = \"Buy\"\ndraft = true"},
		"unknown source": {`emotion = 2`, "emotion = 2\npain_points = [{ text = \"x\", evidence = [\"nowhere\"] }]"},
	} {
		t.Run(name, func(t *testing.T) {
			c := NewCache()
			site, set := editSite(t, c, editJourney)
			j := site.Journeys[0]
			was := *j
			warned := errorsOf(site.Warnings)
			if !strings.Contains(editJourney, edit[0]) {
				t.Fatalf("no %q", edit[0])
			}
			nf := split(t, "content/journeys/buy.md", strings.Replace(editJourney, edit[0], edit[1], 1))
			if _, _, ok := c.EditJourney(site, set.Content[0], nf, Options{Addresses: testAddresses{}}); ok {
				t.Fatal("taken in place")
			}
			if !reflect.DeepEqual(*j, was) || !slices.Equal(errorsOf(site.Warnings), warned) {
				t.Error("the site changed")
			}
			if _, ok := c.entries[nf]; ok {
				t.Error("the cache holds the new file")
			}
		})
	}
}

func errorsOf(es []*diag.Error) []string {
	var out []string
	for _, e := range es {
		out = append(out, e.Error())
	}
	return out
}

// TestEditJourneyAndCard: a new title and summary are refused by
// EditJourney and written over by EditJourneyAndCard, which sorts the
// site's and the persona's journeys again as New does; a persona left
// out leaves the persona's list, one the site does not have is refused.
func TestEditJourneyAndCard(t *testing.T) {
	c := NewCache()
	site, set := editSite(t, c, editJourney)
	j := site.Journeys[0]
	if j.Title != "Buy" || site.Journeys[1].Title != "Buy later" {
		t.Fatalf("journeys %q, %q", site.Journeys[0].Title, site.Journeys[1].Title)
	}
	old := set.Content[0]
	retitled := strings.Replace(strings.Replace(editJourney, `title = "Buy"`, `title = "Zoo trip"`, 1), `persona = "lan"`, "summary = \"New.\"\npersona = \"lan\"", 1)
	nf := split(t, old.Path, retitled)
	if _, _, ok := c.EditJourney(site, old, nf, Options{Addresses: testAddresses{}}); ok {
		t.Fatal("EditJourney took a new title")
	}
	if _, got, ok := c.EditJourneyAndCard(site, old, nf, Options{Addresses: testAddresses{}}); !ok || got != j {
		t.Fatal("EditJourneyAndCard refused a new title and summary")
	}
	want, _ := editSite(t, NewCache(), retitled)
	titles := func(js []*Journey) (out []string) {
		for _, j := range js {
			out = append(out, j.Title+": "+j.Summary)
		}
		return out
	}
	if got, w := titles(site.Journeys), titles(want.Journeys); !slices.Equal(got, w) {
		t.Errorf("site's journeys %q, New gives %q", got, w)
	}
	if got, w := titles(site.Personas[0].Journeys), titles(want.Personas[0].Journeys); !slices.Equal(got, w) {
		t.Errorf("persona's journeys %q, New gives %q", got, w)
	}
	// A persona the site does not have: refused (New says so).
	other := split(t, old.Path, strings.Replace(retitled, `persona = "lan"`, `persona = "minh"`, 1))
	if _, _, ok := c.EditJourneyAndCard(site, nf, other, Options{Addresses: testAddresses{}}); ok {
		t.Error("EditJourneyAndCard took a persona the site does not have")
	}
	// No persona: the persona's list loses the journey, as New gives.
	none := strings.Replace(retitled, "persona = \"lan\"\n", "", 1)
	if _, _, ok := c.EditJourneyAndCard(site, nf, split(t, old.Path, none), Options{Addresses: testAddresses{}}); !ok || len(j.Personas) != 0 {
		t.Fatal("EditJourneyAndCard refused a journey without its persona")
	}
	want, _ = editSite(t, NewCache(), none)
	if got, w := titles(site.Personas[0].Journeys), titles(want.Personas[0].Journeys); !slices.Equal(got, w) {
		t.Errorf("persona's journeys %q, New gives %q", got, w)
	}
}

// TestUndoEdit: a journey written over with a new title and without its
// persona, then put back, is as New made it, in the site's and the
// persona's lists, with its warnings, and the cache hands it out for its
// old file again.
func TestUndoEdit(t *testing.T) {
	c := NewCache()
	site, set := editSite(t, c, editJourney)
	titles := func(js []*Journey) (out []string) {
		for _, j := range js {
			out = append(out, j.Title)
		}
		return out
	}
	wantJourneys, wantPersona, wantWarnings := titles(site.Journeys), titles(site.Personas[0].Journeys), errorsOf(site.Warnings)
	j, old := site.Journeys[0], set.Content[0]
	text := strings.Replace(strings.Replace(editJourney, `title = "Buy"`, `title = "Zoo trip"`, 1), "persona = \"lan\"\n", "", 1)
	nf := split(t, old.Path, text)
	before, got, ok := c.EditJourneyAndCard(site, old, nf, Options{Addresses: testAddresses{}})
	if !ok || got != j || titles(site.Journeys)[1] != "Zoo trip" || len(site.Personas[0].Journeys) != 1 {
		t.Fatal("not written over")
	}
	c.UndoEdit(site, old, nf, before, j)
	if g := titles(site.Journeys); !slices.Equal(g, wantJourneys) {
		t.Errorf("site's journeys %q, want %q", g, wantJourneys)
	}
	if g := titles(site.Personas[0].Journeys); !slices.Equal(g, wantPersona) {
		t.Errorf("persona's journeys %q, want %q", g, wantPersona)
	}
	if g := errorsOf(site.Warnings); !slices.Equal(g, wantWarnings) {
		t.Errorf("warnings %q, want %q", g, wantWarnings)
	}
	if c.entries[old] != j || c.entries[nf] != nil || j.Title != "Buy" || len(j.Personas) != 1 {
		t.Error("the cache does not hand out the journey as it was for its old file")
	}
}
