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
	var cells []string // each row's, made again for the next
	for _, r := range ranked {
		if !t.ok() {
			break
		}
		cells = appendScoreCells(append(cells[:0], strconv.Itoa(r.Rank), num(r.Score), sh.Words.Of("hub.quadrant."+string(r.Quadrant)), r.Text), r.Item, sh.Words)
		t.rowWhere(sh, r.Journey, r.Stage, cells...)
	}
	unscoredWord := sh.Words.Of("hub.unscored")
	for _, it := range unscored {
		if !t.ok() {
			break
		}
		cells = appendScoreCells(append(cells[:0], "", "", unscoredWord, it.Text), it, sh.Words)
		t.rowWhere(sh, it.Journey, it.Stage, cells...)
	}
	return t.flush()
}

// appendScoreCells appends an item's scores, owner, status (in w's
// language) and evidence as cells: empty where unset; the evidence as
// written, "; " between.
func appendScoreCells(cells []string, it *hub.Item, w Words) []string {
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
	refs := ""
	switch len(it.Evidence) {
	case 0:
	case 1:
		refs = it.Evidence[0].Ref
	default:
		var b strings.Builder
		for i, ev := range it.Evidence {
			if i > 0 {
				b.WriteString("; ")
			}
			b.WriteString(ev.Ref)
		}
		refs = b.String()
	}
	return append(cells, n(it.Value), n(it.BusinessValue), n(it.Effort), conf, it.Owner, w.Value("status", it.Status), refs)
}
