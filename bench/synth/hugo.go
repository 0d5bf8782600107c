package synth

import (
	"fmt"
	"strings"
)

// WriteHugo writes the same handbook as Write as a Hugo site that makes
// the same products Waymark makes of it (issue 20, "equal work"): for
// each journey its page, a print page and four downloads (CSV, JSON,
// Mermaid and Markdown, as Hugo output formats); a page per persona
// listing its journeys with their pain points by stage; a page per tag
// (with its journeys' CSV) and per owner (with its journeys, touchpoints,
// pain points and opportunities as CSV files), both Hugo taxonomies; the
// lists of journeys, personas, tags and owners; the touchpoints and pain
// points across every journey with their CSV files; a home page, a
// sitemap, robots.txt, a 404 page and a JSON search index of journeys,
// their stages and touchpoints.
//
// The data is the same; only its spelling follows Hugo: a journey's
// persona is the taxonomy key personas, and owners (every owner named in
// the journey: its own, its touchpoints', its pain points' and
// opportunities', as Waymark's owner pages gather them) is a taxonomy
// too. A persona's own text is its term page's _index.md.
func WriteHugo(dir string, n int) error {
	if err := write(dir, "hugo.toml", hugoConfig); err != nil {
		return err
	}
	for name, text := range hugoLayouts() {
		if err := write(dir, "layouts/"+name, text); err != nil {
			return err
		}
	}
	for name, text := range map[string]string{
		"_index.md":             "+++\ntitle = \"Synthetic handbook\"\n+++\nThe handbook.\n",
		"journeys/_index.md":    "+++\ntitle = \"Journeys\"\n[cascade]\noutputs = [\"html\", \"print\", \"csv\", \"json\", \"mmd\", \"md\"]\n[cascade.target]\nkind = \"page\"\n+++\n",
		"owners/_index.md":      "+++\ntitle = \"Owners\"\n[cascade]\noutputs = [\"html\", \"ownerjourneys\", \"ownertouchpoints\", \"ownerpainpoints\", \"owneropportunities\"]\n[cascade.target]\nkind = \"term\"\n+++\n",
		"tags/_index.md":        "+++\ntitle = \"Tags\"\n[cascade]\noutputs = [\"html\", \"csv\"]\n[cascade.target]\nkind = \"term\"\n+++\n",
		"touchpoints/_index.md": "+++\ntitle = \"Touchpoints\"\noutputs = [\"html\", \"csv\"]\n+++\n",
		"pain-points/_index.md": "+++\ntitle = \"Pain points\"\noutputs = [\"html\", \"csv\", \"painopportunities\", \"painnoowner\"]\n+++\n",
	} {
		if err := write(dir, "content/"+name, text); err != nil {
			return err
		}
	}
	for i := range Personas(n) {
		if err := write(dir, fmt.Sprintf("content/personas/persona-%04d/_index.md", i), Persona(i)); err != nil {
			return err
		}
	}
	for i := range n {
		if err := write(dir, JourneyPath(i), hugoJourney(i, n)); err != nil {
			return err
		}
	}
	return nil
}

// hugoJourney is journey i in Hugo's spelling: the persona as the
// personas taxonomy, and every owner it names as the owners taxonomy.
func hugoJourney(i, n int) string {
	text := Journey(i, n, "")
	persona := fmt.Sprintf("persona = \"persona-%04d\"\n", i%Personas(n))
	owner := fmt.Sprintf("owner = \"Team %d\"\n", i%5)
	owners := []string{fmt.Sprintf("Team %d", i%5)}
	for _, o := range []string{"Team 0", "Team 1", "Team 2", "Support", "Product"} {
		if o != owners[0] {
			owners = append(owners, o)
		}
	}
	text = strings.Replace(text, persona, fmt.Sprintf("personas = [\"persona-%04d\"]\n", i%Personas(n)), 1)
	return strings.Replace(text, owner, owner+fmt.Sprintf("owners = [%q, %q, %q, %q, %q]\n", owners[0], owners[1], owners[2], owners[3], owners[4]), 1)
}

const hugoConfig = `baseURL = "https://example.org/bench/"
title = "Synthetic handbook"
disableKinds = ["rss"]
enableRobotsTXT = true

[taxonomies]
tag = "tags"
owner = "owners"
persona = "personas"

[markup.goldmark.renderer]
unsafe = false

[mediaTypes."text/vnd.mermaid"]
suffixes = ["mmd"]
[mediaTypes."text/markdown"]
suffixes = ["md"]

[outputFormats.print]
mediaType = "text/html"
baseName = "print"
isHTML = true
[outputFormats.mmd]
mediaType = "text/vnd.mermaid"
isPlainText = true
[outputFormats.md]
mediaType = "text/markdown"
isPlainText = true
[outputFormats.searchindex]
mediaType = "application/json"
baseName = "search-index"
isPlainText = true
[outputFormats.painopportunities]
mediaType = "text/csv"
baseName = "opportunities"
isPlainText = true
[outputFormats.painnoowner]
mediaType = "text/csv"
baseName = "no-owner"
isPlainText = true
[outputFormats.ownerjourneys]
mediaType = "text/csv"
baseName = "journeys"
isPlainText = true
[outputFormats.ownertouchpoints]
mediaType = "text/csv"
baseName = "touchpoints"
isPlainText = true
[outputFormats.ownerpainpoints]
mediaType = "text/csv"
baseName = "pain-points"
isPlainText = true
[outputFormats.owneropportunities]
mediaType = "text/csv"
baseName = "opportunities"
isPlainText = true

[outputs]
home = ["html", "searchindex"]
page = ["html"]
section = ["html"]
taxonomy = ["html"]
term = ["html"]
`
