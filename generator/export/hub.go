package export

import (
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/waymark-cx/waymark/generator/hub"
	"github.com/waymark-cx/waymark/generator/model"
)

// The hub's downloads, written to an io.Writer, since a large handbook's
// are tens of megabytes: every entry of a list that a hub page shows, one
// row each, under a header row. Links are made absolute by abs (a path
// from the site root → a URL with base_url in front).

// where gives the columns that say where an entry stands.
func where(abs func(string) string, j *model.Journey, st *model.Stage) []string {
	return []string{j.Title, abs(j.URL), st.Name, abs(j.URL + "#stage-" + strconv.Itoa(st.Index+1))}
}

// header is a header row: the columns given, then where's.
func header(cols ...string) []string {
	return append(cols, LabelTitle, "Journey URL", LabelStage, "Stage URL")
}

// severity is an item's severity as a cell: empty when unset.
func severity(it *hub.Item) string {
	if it.Severity == 0 {
		return ""
	}
	return strconv.Itoa(it.Severity)
}

// HubItems writes pain points and opportunities.
func HubItems(w io.Writer, items []*hub.Item, abs func(string) string) error {
	t := newTableTo(w)
	t.row(header("Text", "Severity", "Status", LabelOwner)...)
	for _, it := range items {
		t.row(append([]string{it.Text, severity(it), it.Status, it.Owner}, where(abs, it.Journey, it.Stage)...)...)
	}
	return t.flush()
}

// NoOwner writes the pain points and opportunities without an owner.
func NoOwner(w io.Writer, pains, opps []*hub.Item, abs func(string) string) error {
	t := newTableTo(w)
	t.row(header("Kind", "Text", "Severity", "Status")...)
	for _, part := range []struct {
		kind  string
		items []*hub.Item
	}{{"pain point", pains}, {"opportunity", opps}} {
		for _, it := range part.items {
			t.row(append([]string{part.kind, it.Text, severity(it), it.Status}, where(abs, it.Journey, it.Stage)...)...)
		}
	}
	return t.flush()
}

// TouchpointUses writes touchpoints, one row for each stage where one
// appears.
func TouchpointUses(w io.Writer, uses []hub.TouchpointUse, abs func(string) string) error {
	t := newTableTo(w)
	t.row(header("Touchpoint", "Channel", "Kind", LabelOwner, LabelEmotion, "Fail point", "Description")...)
	for _, u := range uses {
		tp := u.Touchpoint
		emo, fail := "", ""
		if tp.HasEmotion {
			emo = num(tp.Emotion)
		}
		if tp.FailPoint {
			fail = "yes"
		}
		t.row(append([]string{tp.Name, tp.Channel, tp.Kind, tp.Owner, emo, fail, tp.Description}, where(abs, u.Journey, u.Stage)...)...)
	}
	return t.flush()
}

// TouchpointGroups writes every use of every touchpoint group, in the groups' order.
func TouchpointGroups(w io.Writer, groups []*hub.TouchpointGroup, abs func(string) string) error {
	var uses []hub.TouchpointUse
	for _, g := range groups {
		uses = append(uses, g.Uses...)
	}
	return TouchpointUses(w, uses, abs)
}

// Metrics writes metrics against their targets.
func Metrics(w io.Writer, ms []*hub.Metric, abs func(string) string) error {
	t := newTableTo(w)
	t.row(header("Metric", "Value", "Target", "Unit", "Better", "Status")...)
	for _, m := range ms {
		value, target, better := "", "", "higher"
		if m.HasValue {
			value = num(m.Value)
		}
		if m.HasTarget {
			target = num(m.Target)
		}
		if !m.HigherIsBetter {
			better = "lower"
		}
		status := "on target"
		switch {
		case m.OffTarget():
			status = "off target"
		case !m.HasValue:
			status = "no value"
		case !m.HasTarget:
			status = "no target"
		}
		t.row(append([]string{m.Name, value, target, m.Unit, better, status}, where(abs, m.Journey, m.Stage)...)...)
	}
	return t.flush()
}

// Journeys writes a list of journeys.
func Journeys(w io.Writer, js []*model.Journey, abs func(string) string) error {
	t := newTableTo(w)
	t.row(LabelTitle, "Journey URL", LabelType, LabelOwner, LabelPersonas, LabelTags, "Stages", "Last reviewed")
	for _, j := range js {
		reviewed := ""
		if !j.LastReviewed.IsZero() {
			reviewed = j.LastReviewed.Format(time.DateOnly)
		}
		t.row(j.Title, abs(j.URL), string(j.Type), j.Owner, personaNames(j), strings.Join(j.Tags, "; "), strconv.Itoa(len(j.Stages)), reviewed)
	}
	return t.flush()
}

// Matrix writes the persona × journey matrix as one row per journey with
// its personas: a row per journey and persona would grow as their
// product.
func Matrix(w io.Writer, js []*model.Journey, abs func(string) string) error {
	t := newTableTo(w)
	t.row(LabelTitle, "Journey URL", LabelType, "Persona count", LabelPersonas)
	for _, j := range js {
		t.row(j.Title, abs(j.URL), string(j.Type), strconv.Itoa(len(j.Personas)), personaNames(j))
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
