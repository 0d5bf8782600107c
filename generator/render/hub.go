package render

import "slices"

// Hub page kinds: views across journeys (see package hub).
const (
	KindHub         = "hub"         // hub/: what the hub holds
	KindTouchpoints = "touchpoints" // touchpoints/: every touchpoint, the channel × stage matrix
	KindPainPoints  = "pain-points" // pain-points/: every pain point and opportunity
	KindOwners      = "owners"      // owners/: every team
	KindOwner       = "owner"       // owners/<team>/: what one team owns
	KindTags        = "tags"        // tags/: every tag
	KindTag         = "tag"         // tags/<tag>/: the journeys of one tag
	KindMatrix      = "matrix"      // matrix/: personas × journeys
	KindMetrics     = "metrics"     // metrics/: every metric against its target
	KindCompare     = "compare"     // compare/<current>-vs-<future>/: a current map beside its future
	KindSearch      = "search"      // search/: client-side search
)

// HubKinds lists the hub page kinds.
func HubKinds() []string {
	return []string{KindHub, KindTouchpoints, KindPainPoints, KindOwners, KindOwner, KindTags, KindTag,
		KindMatrix, KindMetrics, KindCompare, KindSearch}
}

// planHub adds the hub's pages. A theme that lacks a hub layout has no
// such page (a site's own theme may leave the hub out).
func (e *Engine) planHub(addPage func(*Page), home Crumb, nav *navs) {
	h := e.hub
	if h == nil || !e.Has(KindHub) {
		return
	}
	// Every hub page sits under the navigation's Hub entry.
	add := func(p *Page) {
		addPage(p)
		p.Nav = nav.forEntry("hub/")
	}
	hubCrumb := Crumb{Title: e.translate("nav.hub"), URL: "hub/"}
	crumbs := []Crumb{home, hubCrumb}
	add(&Page{Kind: KindHub, Title: e.translate("nav.hub"), URL: "hub/", Hub: h, Crumbs: []Crumb{home}})
	one := func(kind, url string) {
		if e.Has(kind) {
			add(&Page{Kind: kind, Title: e.translate("hub." + kind), URL: url, Hub: h, Crumbs: crumbs})
		}
	}
	one(KindTouchpoints, "touchpoints/")
	one(KindPainPoints, "pain-points/")
	one(KindOwners, "owners/")
	one(KindTags, "tags/")
	one(KindMatrix, "matrix/")
	one(KindMetrics, "metrics/")
	one(KindSearch, "search/")
	if e.Has(KindOwner) {
		owners := append(crumbs, Crumb{Title: e.translate("hub.owners"), URL: "owners/"})
		for _, o := range h.Owners {
			add(&Page{Kind: KindOwner, Title: o.Name, URL: o.URL, Hub: h, Owner: o, Crumbs: owners})
		}
	}
	if e.Has(KindTag) {
		tags := append(crumbs, Crumb{Title: e.translate("hub.tags"), URL: "tags/"})
		for _, t := range h.Tags {
			add(&Page{Kind: KindTag, Title: t.Name, URL: t.URL, Hub: h, Tag: t, Crumbs: tags})
		}
	}
	if e.Has(KindCompare) {
		for _, p := range h.Pairs {
			add(&Page{Kind: KindCompare, Title: p.Current.Title + " → " + p.Future.Title, URL: p.URL, Hub: h, Pair: p, Crumbs: crumbs})
		}
	}
}

// IsHub reports whether a page kind is one of the hub's: such pages show
// what every journey holds.
func IsHub(kind string) bool {
	return slices.Contains(HubKinds(), kind)
}
