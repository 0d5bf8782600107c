package model

import (
	"runtime/debug"
	"strings"
	"testing"
	"unsafe"
)

// TestWordsShared: what a handbook names again and again (teams,
// channels, touchpoints, stages, metrics and units, kinds and statuses)
// is held once however many journeys write it; text is each journey's
// own, and a misspelt kind keeps its own copy for the message.
func TestWordsShared(t *testing.T) {
	// A collection between the two journeys would let the first one's
	// words go from the table (unique.Make holds them weakly).
	defer debug.SetGCPercent(debug.SetGCPercent(-1))
	journey := func(title string) string {
		return `+++
title = "` + title + `"
owner = "Đội CSKH"
[[stage]]
name = "Cân nhắc"
duration = "2 ngày"
description = "Khách hàng so sánh"
pain_points = [{ text = "Phí ẩn", owner = "Đội sản phẩm", status = "open" }]
  [[stage.touchpoint]]
  name = "Ứng dụng"
  channel = "Di động"
  kind = "digital"
  owner = "Đội sản phẩm"
  [[stage.metric]]
  name = "CSAT"
  unit = "%"
+++
`
	}
	site, errs := planSiteIn(t, nil, "", map[string]string{
		"content/journeys/a.md": journey("A"),
		"content/journeys/b.md": journey("B"),
	})
	if len(errs) > 0 {
		t.Fatal(messages(errs))
	}
	a, b := site.Journeys[0], site.Journeys[1]
	sa, sb := a.Stages[0], b.Stages[0]
	ta, tb := sa.Touchpoints[0], sb.Touchpoints[0]
	ma, mb := sa.Metrics[0], sb.Metrics[0]
	pa, pb := sa.PainPoints[0], sb.PainPoints[0]
	same := func(what, x, y string) {
		t.Helper()
		if x != y || unsafe.StringData(x) != unsafe.StringData(y) {
			t.Errorf("%s: %q and %q are two copies, want one", what, x, y)
		}
	}
	same("journey owner", a.Owner, b.Owner)
	same("stage name", sa.Name, sb.Name)
	same("duration", sa.Duration, sb.Duration)
	same("touchpoint name", ta.Name, tb.Name)
	same("channel", ta.Channel, tb.Channel)
	same("touchpoint owner", ta.Owner, tb.Owner)
	same("a team named twice", ta.Owner, pa.Owner)
	same("kind", ta.Kind, tb.Kind)
	same("metric", ma.Name, mb.Name)
	same("unit", ma.Unit, mb.Unit)
	same("item owner", pa.Owner, pb.Owner)
	same("status", pa.Status, pb.Status)
	if unsafe.StringData(sa.Description) == unsafe.StringData(sb.Description) || unsafe.StringData(pa.Text) == unsafe.StringData(pb.Text) {
		t.Error("a journey's text is shared with another's, want a copy each")
	}

	_, errs = planSiteIn(t, nil, "", map[string]string{
		"content/journeys/a.md": "+++\ntitle = \"A\"\n[[stage]]\nname = \"S\"\n  [[stage.touchpoint]]\n  name = \"T\"\n  kind = \"digitl\"\n+++\n",
	})
	if got := messages(errs); len(errs) != 1 || !strings.Contains(got, `unknown kind "digitl"`) || !strings.Contains(got, "digital") {
		t.Errorf("a misspelt kind: got\n%s", got)
	}
}
