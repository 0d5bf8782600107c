package export

import (
	"io"
	"iter"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/waymark-cx/waymark/generator/hub"
	"github.com/waymark-cx/waymark/generator/model"
)

// The hub's downloads, written to an io.Writer, since a large handbook's
// are tens of megabytes: every entry of a list that a hub page shows, one
// row each, under a header row in the site's language.

// Sheet is what the hub's tables need besides their entries.
type Sheet struct {
	// Base makes a link absolute: base_url, ending in one slash, which a
	// path from the site root follows.
	Base string
	// Words name the columns, and Waymark's own values ("yes"), in the
	// site's language; nil is English.
	Words Words
}

// abs is a path from the site root made absolute.
func (sh Sheet) abs(path string) string { return sh.Base + path }

// header is a header row: the columns of the keys given, then where's.
func (sh Sheet) header(keys ...string) []string {
	return sh.labels(append(keys, KeyTitle, "hub.journey_url", KeyStage, "hub.stage_url")...)
}

// labels gives the label of each key.
func (sh Sheet) labels(keys ...string) []string {
	out := make([]string, len(keys))
	for i, k := range keys {
		out[i] = sh.Words.Of(k)
	}
	return out
}

// severity is an item's severity as a cell: empty when unset.
func severity(it *hub.Item) string {
	if it.Severity == 0 {
		return ""
	}
	return strconv.Itoa(it.Severity)
}

// HubItems writes pain points and opportunities.
func HubItems(w io.Writer, items []*hub.Item, sh Sheet) error {
	t := newTableTo(w)
	t.row(sh.header("hub.text", "hub.severity", "hub.status", KeyOwner)...)
	for _, it := range items {
		if !t.ok() {
			break
		}
		t.rowWhere(sh, it.Journey, it.Stage, it.Text, severity(it), sh.Words.Value("status", it.Status), it.Owner)
	}
	return t.flush()
}

// NoOwner writes the pain points and opportunities without an owner.
func NoOwner(w io.Writer, pains, opps []*hub.Item, sh Sheet) error {
	t := newTableTo(w)
	t.row(sh.header("hub.kind", "hub.text", "hub.severity", "hub.status")...)
	for _, part := range []struct {
		kind  string
		items []*hub.Item
	}{{sh.Words.Of("hub.pain_point"), pains}, {sh.Words.Of("hub.opportunity"), opps}} {
		for _, it := range part.items {
			if !t.ok() {
				break
			}
			t.rowWhere(sh, it.Journey, it.Stage, part.kind, it.Text, severity(it), sh.Words.Value("status", it.Status))
		}
	}
	return t.flush()
}

// TouchpointUses writes touchpoints, one row for each stage where one
// appears.
func TouchpointUses(w io.Writer, uses []hub.TouchpointUse, sh Sheet) error {
	return touchpointRows(w, sh, slices.Values(uses))
}

// TouchpointGroups writes every use of every touchpoint group, in the groups' order.
func TouchpointGroups(w io.Writer, groups []*hub.TouchpointGroup, sh Sheet) error {
	return touchpointRows(w, sh, func(yield func(hub.TouchpointUse) bool) {
		for _, g := range groups {
			for _, u := range g.Uses {
				if !yield(u) {
					return
				}
			}
		}
	})
}

// touchpointRows writes the touchpoints' table, a row for each use,
// until a row is not written.
func touchpointRows(w io.Writer, sh Sheet, uses iter.Seq[hub.TouchpointUse]) error {
	t := newTableTo(w)
	t.row(sh.header("hub.touchpoint", "hub.channel", "hub.kind", KeyOwner, KeyEmotion, "hub.fail_point", "description")...)
	yes := sh.Words.Of("hub.yes")
	for u := range uses {
		if !t.ok() {
			break
		}
		tp := u.Touchpoint
		emo, fail := "", ""
		if tp.HasEmotion {
			emo = num(tp.Emotion)
		}
		if tp.FailPoint {
			fail = yes
		}
		t.rowWhere(sh, u.Journey, u.Stage, tp.Name, tp.Channel, sh.Words.Value("kind", tp.Kind), tp.Owner, emo, fail, tp.Description)
	}
	return t.flush()
}

// Metrics writes metrics against their targets.
func Metrics(w io.Writer, ms []*hub.Metric, sh Sheet) error {
	t := newTableTo(w)
	t.row(sh.header("hub.metric", "hub.value", "hub.target", "hub.unit", "hub.better", "hub.status")...)
	word := sh.Words.Of
	for _, m := range ms {
		if !t.ok() {
			break
		}
		value, target, better := "", "", word("hub.higher")
		if m.HasValue {
			value = num(m.Value)
		}
		if m.HasTarget {
			target = num(m.Target)
		}
		if !m.HigherIsBetter {
			better = word("hub.lower")
		}
		status := word("hub.on_target")
		switch {
		case m.OffTarget():
			status = word("hub.off_target")
		case !m.HasValue:
			status = word("hub.no_value")
		case !m.HasTarget:
			status = word("hub.no_target")
		}
		t.rowWhere(sh, m.Journey, m.Stage, m.Name, value, target, m.Unit, better, status)
	}
	return t.flush()
}

// Journeys writes a list of journeys.
func Journeys(w io.Writer, js []*model.Journey, sh Sheet) error {
	t := newTableTo(w)
	t.row(sh.labels(KeyTitle, "hub.journey_url", KeyType, KeyOwner, KeyPersonas, KeyTags, "hub.stages", "hub.last_reviewed")...)
	for _, j := range js {
		if !t.ok() {
			break
		}
		reviewed := ""
		if !j.LastReviewed.IsZero() {
			reviewed = j.LastReviewed.Format(time.DateOnly)
		}
		t.row(j.Title, sh.abs(j.URL), sh.Words.Value("type", string(j.Type)), j.Owner, personaNames(j), strings.Join(j.Tags, "; "), strconv.Itoa(len(j.Stages)), reviewed)
	}
	return t.flush()
}

// Matrix writes the persona × journey matrix as one row per journey with
// its personas: a row per journey and persona would grow as their
// product.
func Matrix(w io.Writer, js []*model.Journey, sh Sheet) error {
	t := newTableTo(w)
	t.row(sh.labels(KeyTitle, "hub.journey_url", KeyType, "hub.persona_count", KeyPersonas)...)
	for _, j := range js {
		if !t.ok() {
			break
		}
		t.row(j.Title, sh.abs(j.URL), sh.Words.Value("type", string(j.Type)), strconv.Itoa(len(j.Personas)), personaNames(j))
	}
	return t.flush()
}

func personaNames(j *model.Journey) string {
	names := make([]string, len(j.Personas))
	for i, p := range j.Personas {
		names[i] = p.Name
	}
	return strings.Join(names, "; ")
}
