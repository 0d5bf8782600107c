package plan

import (
	"github.com/waymark-cx/waymark/generator/model"
	"github.com/waymark-cx/waymark/generator/render"
)

// KindJourney is a journey's page (journeys/<slug>/): the map, drawn from
// the journey's file, with its personas' cards and its pair's, and the
// cards when its items cite research notes (by their titles).
const KindJourney = "journey"

func journeyPages(p *Planner) {
	for _, j := range p.Site.Journeys {
		journeyPage(p, j)
	}
}

func journeyPage(p *Planner, j *model.Journey) {
	p.Page(&render.Page{Kind: KindJourney, Title: j.Title, Description: j.Summary, URL: j.URL, Journey: j,
		Params: j.Params, Layout: j.Layout, Crumbs: []render.Crumb{p.Home, journeysCrumb(p)}},
		Output{Body: &j.Entry, In: pageInputs(j), Sitemap: true})
	// Beside the page, so that a build that reads the journey's file
	// again for both makes them one after the other.
	p.downloads(j)
}

// Journey plans the pages of one journey of env.Site, its page and its
// print view, as Make plans them: for the dev server, which makes the
// page an author looks at before it plans the site again after an edit
// of what lists show of the journey (its title, its summary).
func Journey(env Env, j *model.Journey) []*Output {
	p := newPlanner(env)
	journeyPage(p, j)
	printView(p, j)
	return p.outs
}

func journeysCrumb(p *Planner) render.Crumb {
	return render.Crumb{Title: p.T("nav.journeys"), URL: "journeys/"}
}

// mapInputs is what a drawing of a map shows: its front matter, its
// personas' cards and its pair's card, and the cards when its items
// cite research notes.
func mapInputs(j *model.Journey) Inputs {
	in := Inputs{Fronts: []*model.Journey{j}, Personas: j.Personas}
	// An item's evidence links research notes by their titles, which are
	// the cards'.
	in.Cards = citesResearch(j)
	if j.Compare != nil {
		in.Journeys = []*model.Journey{j.Compare}
	}
	return in
}

// pageInputs is what a journey's page shows: the map and the notes below
// it, its whole file.
func pageInputs(j *model.Journey) Inputs {
	in := mapInputs(j)
	in.Source = &j.Entry
	return in
}

// citesResearch reports whether any item of j cites a research note.
func citesResearch(j *model.Journey) bool {
	for _, st := range j.Stages {
		for _, items := range [][]model.Item{st.PainPoints, st.Opportunities} {
			for i := range items { // not copied: the dev server plans every journey on every edit
				for _, ev := range items[i].Evidence {
					if !ev.External {
						return true
					}
				}
			}
		}
	}
	return false
}
