package generator

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/waymark-cx/waymark/bench/synth"
	"github.com/waymark-cx/waymark/generator/hub"
	"github.com/waymark-cx/waymark/generator/model"
	"github.com/waymark-cx/waymark/generator/output"
	"github.com/waymark-cx/waymark/generator/plan"
	"github.com/waymark-cx/waymark/generator/render"
	"github.com/waymark-cx/waymark/generator/source"
)

// edited is what an edit changes, in the terms outputs declare what
// they read (plan.Inputs).
type edited struct {
	file    string   // the file edited: outputs that declared it as their Source, or copy it
	body    bool     // only below the front matter
	global  bool     // what every output reads (the navigation)
	cards   bool     // what lists and the navigation show (Cards)
	journey string   // the journey edited: outputs that declared its front matter (Fronts)
	card    bool     // the journey's card (Journeys)
	pains   bool     // the journey's stage names and pain points (Pains)
	pair    bool     // what its pair's card shows of it (title, type)
	persona string   // a persona whose card changed (Personas), and so its journeys' cards
	views   hub.Part // what the hub's views show of the stages
	// owners are the teams the journey edited names (hub.OwnerKey): an
	// owner's page and files declare its entries alone (Inputs.Owner).
	owners map[string]bool
}

// declares reports whether in declares what e changed.
func (e edited) declares(in *plan.Inputs) bool {
	if e.global || in.Source != nil && in.Source.Path == e.file {
		return true
	}
	if e.body {
		return false // the text below the front matter is in its file alone
	}
	// A journey's card shows its personas' names, and its pair's title
	// and type.
	journeyCard := func(j *model.Journey) bool {
		return e.card && j.Slug == e.journey || e.pair && j.Compare != nil && j.Compare.Slug == e.journey ||
			e.persona != "" && slices.ContainsFunc(j.Personas, func(p *model.Persona) bool { return p.Slug == e.persona })
	}
	switch {
	case in.Cards && e.cards,
		slices.ContainsFunc(in.Journeys, journeyCard),
		e.persona != "" && slices.ContainsFunc(in.Personas, func(p *model.Persona) bool { return p.Slug == e.persona }),
		e.journey != "" && slices.ContainsFunc(in.Fronts, func(j *model.Journey) bool { return j.Slug == e.journey }),
		e.pains && slices.ContainsFunc(in.Pains, func(j *model.Journey) bool { return j.Slug == e.journey }),
		in.Views&e.views != 0 && (in.Owner == "" || e.owners == nil || e.owners[in.Owner]):
		return true
	}
	return false
}

// declaresOutput reports whether o, or a part of it, declares what e
// changed.
func (e edited) declaresOutput(o *plan.Output) bool {
	if e.declares(&o.In) || o.Copy != nil && o.Copy.Path == e.file {
		return true
	}
	if j := o.Joined; j != nil {
		for i := range j.Parts {
			if e.declares(&j.Parts[i].In) {
				return true
			}
		}
	}
	return false
}

// TestDeclaredInputs checks, from the Builder's side, that an edit to
// each kind of input a product declares (plan.Inputs) makes again exactly
// the outputs that declare it. After a build, one edit and a rebuild:
// (a) every output whose bytes changed declares what the edit changed;
// (b) the outputs the Builder made again (rather than wrote as the last
// build's: a reused output is the very same bytes in memory) are those
// that declare it, and the pages among them are Report.Rendered;
// (c) the rebuild is what a full build gives.
// An edit below the front matter takes the Builder's fast path
// (bodyedit.go), which makes again at least the pages that show the body
// (Output.Body), and nothing that does not declare the file.
func TestDeclaredInputs(t *testing.T) {
	j1, journey := synth.JourneyPath(1), "journey-00001"
	p1 := "content/personas/persona-0001.md"
	const page = "content/guides/method.md"
	for _, c := range []struct {
		name, file, old, new string
		edit                 edited
	}{
		{"journey notes", j1, "## Finding 1", "## Finding one",
			edited{body: true}},
		{"journey title", j1, `title = "Journey 1"`, `title = "Journey 1, revised"`,
			edited{journey: journey, cards: true, card: true, pair: true}},
		{"stage feeling", j1, `feeling = "Feeling 2"`, `feeling = "Feeling two"`,
			edited{journey: journey}},
		// The channel matrix scores a touchpoint without a score of its
		// own by its stage's emotion.
		{"stage emotion", j1, "emotion = 3", "emotion = 1",
			edited{journey: journey, views: hub.Scores}},
		{"touchpoint channel", j1, `channel = "Email"`, `channel = "Phone"`,
			edited{journey: journey, views: hub.Touchpoints}},
		// Persona pages show their journeys' pain points, by stage.
		{"pain point status", j1, `status = "open"`, `status = "done"`,
			edited{journey: journey, pains: true, views: hub.Items}},
		{"metric value", j1, "value = 11", "value = 12",
			edited{journey: journey, views: hub.Metrics}},
		{"persona name", p1, `name = "Persona 1"`, `name = "Persona 1, renamed"`,
			edited{cards: true, persona: "persona-0001"}},
		{"page body", page, "See", "Read",
			edited{body: true}},
		{"page title", page, `title = "Method"`, `title = "Our method"`,
			edited{cards: true}},
		// A top-level section's title is in the navigation.
		{"section title", "content/guides/_index.md", `title = "Guides"`, `title = "How we work"`,
			edited{global: true}},
		{"static file", "static/css/site.css", "margin: 0", "margin: 1", edited{}},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := declaredSite(t)
			c.edit.file = c.file
			b := NewBuilder(testOptions(dir))
			before := output.NewMemory()
			b.SetOutput(before)
			if _, err := b.Build(context.Background(), nil); err != nil {
				t.Fatal(err)
			}
			propReplace(t, dir, c.file, c.old, c.new)
			after := output.NewMemory()
			b.SetOutput(after)
			rep, err := b.Build(context.Background(), []string{c.file})
			if err != nil {
				t.Fatal(err)
			}
			outs := planOf(t, dir)
			if c.edit.journey != "" {
				// Its teams, as the edit left them (an edit of a
				// journey's map keeps them: bodyedit.go).
				for _, o := range outs {
					if p := o.Page; p != nil && p.Journey != nil && p.Journey.Slug == c.edit.journey && c.edit.owners == nil {
						c.edit.owners = map[string]bool{}
						for _, n := range p.Journey.OwnerNames() {
							c.edit.owners[hub.OwnerKey(n)] = true
						}
					}
				}
			}
			checkDeclared(t, c.edit, outs, before.Blobs(), after.Blobs(), rep.Rendered)
			// (c) An output that declares too little is stale.
			opts := testOptions(dir)
			full := output.NewMemory()
			opts.Output = full
			if _, err := Build(context.Background(), opts); err != nil {
				t.Fatal(err)
			}
			if d := diffOutputs(after.Files(), full.Files(), 5); d != "" {
				t.Errorf("the rebuild differs from a full build: %s", d)
			}
		})
	}
}

// checkDeclared compares the outputs a rebuild made again, and those
// whose bytes changed, with those that declare what e changed.
func checkDeclared(t *testing.T, e edited, outs []*plan.Output, before, after map[string]output.Blob, rendered int) {
	t.Helper()
	planned := map[string]bool{}
	var remadePages, declaredPages int
	var changedUndeclared, remadeUndeclared, declaredReused, bodyReused []string
	for _, o := range outs {
		planned[o.Path] = true
		old, cur := before[o.Path], after[o.Path]
		d := e.declaresOutput(o)
		// A file the rebuild wrote again as it was kept shares its bytes.
		remade := cur.Size() > 0 && !old.Identical(cur)
		// A file passed through as it is (a journey's .md download, the
		// schema) is the same bytes whether made again or not: the
		// pointers cannot tell.
		passthrough := false
		if o.Bytes != nil {
			a, b := o.Bytes(nil), o.Bytes(nil)
			passthrough = len(a) > 0 && &a[0] == &b[0] || // the schema
				o.In.Source != nil && strings.HasSuffix(o.Path, ".md") // the author's file
		}
		if o.Page != nil {
			if remade {
				remadePages++
			}
			if d {
				declaredPages++
			}
		}
		switch {
		case !old.Same(cur) && !d:
			changedUndeclared = append(changedUndeclared, o.Path+": "+diffLine(cur.Bytes(), old.Bytes()))
		case remade && !d:
			remadeUndeclared = append(remadeUndeclared, o.Path)
		case !remade && e.body && o.Body != nil && o.Body.Path == e.file:
			bodyReused = append(bodyReused, o.Path)
		case !remade && d && !e.body && cur.Size() > 0 && !passthrough &&
			// A joined file whose parts were made again as they were
			// is kept (remakeParts).
			!(o.Joined != nil && old.Same(cur)):
			declaredReused = append(declaredReused, o.Path)
		}
	}
	report := func(list []string, format string) {
		if len(list) > 0 {
			t.Errorf(format+"\n\t%s", len(list), strings.Join(list[:min(len(list), 8)], "\n\t"))
		}
	}
	report(changedUndeclared, "(a) %d outputs changed, but do not declare the input edited:")
	report(remadeUndeclared, "(b) %d outputs were made again, but do not declare the input edited:")
	report(declaredReused, "(b) %d outputs declare the input edited, but were reused:")
	report(bodyReused, "(b) %d pages show the body edited, but were reused:")
	var unplanned []string
	for name, data := range after {
		if !planned[name] && !data.Same(before[name]) {
			unplanned = append(unplanned, name)
		}
	}
	slices.Sort(unplanned)
	report(unplanned, "%d files changed that the plan does not declare:")
	if rendered != remadePages {
		t.Errorf("the Builder says it rendered %d pages; %d pages were made again", rendered, remadePages)
	}
	if !e.body && rendered != declaredPages {
		t.Errorf("(b) the Builder rendered %d pages; %d pages declare the input edited", rendered, declaredPages)
	}
	t.Logf("%d of %d outputs declare the input edited; %d pages rendered", countOutputs(outs, e.declaresOutput), len(outs), rendered)
}

func countOutputs(list []*plan.Output, f func(*plan.Output) bool) int {
	n := 0
	for _, x := range list {
		if f(x) {
			n++
		}
	}
	return n
}

// declaredSite is a small handbook with every kind of output: eight
// journeys told by two personas, a current-state map paired with a
// future-state one, a handbook page and a stylesheet.
func declaredSite(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if err := synth.Write(dir, 8); err != nil {
		t.Fatal(err)
	}
	writeTxtar(t, dir, "-- content/personas/persona-0001.md --\n"+synth.Persona(1)+`
-- content/guides/_index.md --
+++
title = "Guides"
+++
-- content/guides/method.md --
+++
title = "Method"
+++
See [journey 1](/journeys/journey-00001/).
-- static/css/site.css --
body { margin: 0 }
`)
	for _, i := range []int{1, 3, 6} {
		propReplace(t, dir, synth.JourneyPath(i), `persona = "persona-0000"`, `persona = "persona-0001"`)
	}
	// Journey 4, a current-state map, is paired with journey 1, a
	// future-state one.
	propReplace(t, dir, synth.JourneyPath(4), `owner = "Team 4"`, `owner = "Team 4"`+"\ncompare = \"journey-00001\"")
	return dir
}

// planOf plans the site in dir as a build does.
func planOf(t *testing.T, dir string) []*plan.Output {
	t.Helper()
	opts := testOptions(dir)
	set, err := source.Read(opts.Source)
	if err != nil {
		t.Fatal(err)
	}
	site, err := model.New(set, model.Options{Now: fixedNow(), Addresses: plan.Addresses()})
	if err != nil {
		t.Fatal(err)
	}
	th, err := loadTheme(opts, site, set)
	if err != nil {
		t.Fatal(err)
	}
	st, err := staticFiles(th, opts.Source)
	if err != nil {
		t.Fatal(err)
	}
	h := hub.New(site, plan.HubAddresses())
	eng, err := render.New(site, h, render.Layer{Name: th.name, FS: th.fs}, render.Layer{FS: opts.Source})
	if err != nil {
		t.Fatal(err)
	}
	outs := plan.Make(plan.Env{Site: site, Hub: h, Engine: eng, Statics: st.files,
		Raw: func(*model.Entry) []byte { return nil }})
	if len(outs) == 0 {
		t.Fatal("no outputs planned")
	}
	return outs
}
