package plan

import (
	"io"

	"github.com/waymark-cx/waymark/generator/export"
	"github.com/waymark-cx/waymark/generator/hub"
)

// KindPriorities is the hub's priorities view (priorities/): every
// opportunity with a value and an effort on a value × effort matrix and
// in a table ranked by score (hub/priorities.go), the opportunities not
// yet scored listed apart; beside it priorities.csv, the ranked table
// whole, then the unscored. It shows the items' scores, owners, status
// and evidence (the Items view), the research notes' titles (the cards)
// and the weights of [priorities] (the configuration).
const KindPriorities = "priorities"

func prioritiesView(p *Planner) {
	p.hubView(KindPriorities, "priorities/", hub.Items)
	if !p.hubOn() || !p.Has(KindPriorities) {
		return
	}
	v := &p.Hub.View
	p.csv(hubCSV(hub.ListPriorities), hub.Items, func(w io.Writer, sh export.Sheet) error {
		return export.Priorities(w, v.Priorities.Ranked.All(), v.Priorities.Unscored.All(), sh)
	})
}
