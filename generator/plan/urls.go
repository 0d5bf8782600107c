package plan

import "github.com/waymark-cx/waymark/generator/hub"

// HubAddresses is where the hub's pages and downloads are:
//
//	owners/<slug>/                       an owner's page
//	owners/<slug>/<slug>-<list>.csv      its journeys, touchpoints, pain-points, opportunities
//	tags/<slug>/                         a tag's page
//	tags/<slug>/<slug>-journeys.csv      its journeys
//	compare/<current>-vs-<future>/       a pair of current and future maps
//	pain-points/pain-points.csv          every pain point
//	pain-points/opportunities.csv        every opportunity
//	pain-points/no-owner.csv             both, without an owner
//	touchpoints/touchpoints.csv          every use of every touchpoint
//	metrics/metrics.csv                  every metric
//	matrix/matrix.csv                    personas × journeys
func HubAddresses() hub.Addresses {
	page := func(dir string) func(string) string {
		return func(slug string) string { return dir + "/" + slug + "/" }
	}
	return hub.Addresses{
		Owner: page("owners"),
		Tag:   page("tags"),
		Pair:  page("compare"),
		OwnerCSV: func(o *hub.Owner, l hub.List) string {
			return o.URL + o.Slug + "-" + string(l) + ".csv"
		},
		TagCSV: func(t *hub.Tag) string { return t.URL + t.Slug + "-journeys.csv" },
		CSV:    hubCSV,
	}
}

// hubCSV is where a hub view's list is offered whole.
func hubCSV(l hub.List) string {
	switch l {
	case hub.ListOpportunities, hub.ListNoOwner:
		return "pain-points/" + string(l) + ".csv"
	}
	return string(l) + "/" + string(l) + ".csv"
}
