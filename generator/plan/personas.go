package plan

import "github.com/waymark-cx/waymark/generator/render"

// KindPersona is a persona's page (personas/<slug>/): the persona's file,
// and the cards of the journeys told from its view, and their pain
// points by stage.
const KindPersona = "persona"

func personaPages(p *Planner) {
	crumb := render.Crumb{Title: p.T("nav.personas"), URL: "personas/"}
	for _, per := range p.Site.Personas {
		p.Page(&render.Page{Kind: KindPersona, Title: per.Name, Description: per.Role, URL: per.URL, Persona: per,
			Params: per.Params, Layout: per.Layout, Crumbs: []render.Crumb{p.Home, crumb}},
			Output{Body: &per.Entry, In: Inputs{Source: &per.Entry, Journeys: per.Journeys, Pains: per.Journeys}, Sitemap: true})
	}
}
