package export

import (
	"io"
	"strconv"
	"strings"

	"github.com/waymark-cx/waymark/generator/hub"
)

// Priorities writes the priorities view's table: every ranked
// opportunity with the score it is ranked by and its quadrant, then the
// opportunities not yet scored, with no rank, so that none is left out.
func Priorities(w io.Writer, ranked []*hub.Priority, unscored []*hub.Item, sh Sheet) error {
	t := newTableTo(w)
	t.row(sh.header("hub.rank", "hub.score", "hub.quadrant", "hub.text", "value", "business_value", "effort", "confidence",
		KeyOwner, "hub.status", "hub.evidence")...)
	for _, r := range ranked {
		t.rowWhere(sh, r.Journey, r.Stage, append([]string{strconv.Itoa(r.Rank), num(r.Score), sh.Words.Of("hub.quadrant." + string(r.Quadrant)), r.Text},
			scoreCells(r.Item)...)...)
	}
	for _, it := range unscored {
		t.rowWhere(sh, it.Journey, it.Stage, append([]string{"", "", sh.Words.Of("hub.unscored"), it.Text}, scoreCells(it)...)...)
	}
	return t.flush()
}

// scoreCells are an item's scores, owner, status and evidence as cells:
// empty where unset; the evidence as written, "; " between.
func scoreCells(it *hub.Item) []string {
	n := func(v int) string {
		if v == 0 {
			return ""
		}
		return strconv.Itoa(v)
	}
	conf := ""
	if it.HasConfidence {
		conf = num(it.Confidence)
	}
	refs := make([]string, len(it.Evidence))
	for i, ev := range it.Evidence {
		refs[i] = ev.Ref
	}
	return []string{n(it.Value), n(it.BusinessValue), n(it.Effort), conf, it.Owner, it.Status, strings.Join(refs, "; ")}
}
