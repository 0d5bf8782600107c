package plan

// product is one thing the site publishes: a file of this package that
// plans its outputs, and the top-level folders they go in, which no
// content folder may take (Reserved).
type product struct {
	plan func(*Planner)
	dirs []string
}

// products are what the site publishes, in the order they are planned
// (and listed in the sitemap).
func products() []product {
	return []product{
		{home, nil},
		{personasList, []string{"personas"}}, {journeysList, []string{"journeys"}}, {templatesList, []string{"templates"}},
		{personaPages, nil}, {journeyPages, nil}, {printViews, nil}, {posters, nil},
		{handbookPages, nil}, {researchPages, nil},
		{hubOverview, []string{"hub"}}, {touchpointsView, []string{"touchpoints"}}, {painPointsView, []string{"pain-points"}},
		{ownersView, []string{"owners"}}, {tagsView, []string{"tags"}}, {matrixView, []string{"matrix"}},
		{metricsView, []string{"metrics"}}, {prioritiesView, []string{"priorities"}}, {searchPage, []string{"search"}},
		{ownerPages, nil}, {tagPages, nil}, {comparePages, []string{"compare"}},
		{notFound, nil},
		{schema, []string{"schema"}}, {templateDownloads, nil}, {searchIndex, nil},
		{publishing, nil},
		{statics, nil},
	}
}

// DevServerDir is where the dev server (package serve) answers with its
// own files: the reload script, the event stream, the build's mistakes.
const DevServerDir = "_waymark"

// Reserved are the top-level folders of the site's address space that
// Waymark's products (and its dev server) write in: a content folder of
// the same name would collide with them.
func Reserved() []string {
	var out []string
	for _, p := range products() {
		out = append(out, p.dirs...)
	}
	return append(out, DevServerDir)
}
