package plan

// products are what the site publishes, in the order they are planned
// (and listed in the sitemap). Each is one file of this package.
func products() []func(*Planner) {
	return []func(*Planner){
		home,
		personasList, journeysList, templatesList,
		personaPages, journeyPages, printViews, posters,
		handbookPages,
		hubOverview, touchpointsView, painPointsView, ownersView, tagsView, matrixView, metricsView, searchPage,
		ownerPages, tagPages, comparePages,
		notFound,
		schema, templateDownloads, searchIndex,
		publishing,
		statics,
	}
}
