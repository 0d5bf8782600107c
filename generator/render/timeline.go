package render

import (
	"strconv"

	"github.com/waymark-cx/waymark/generator/model"
)

// timeline writes a journey's map: one table, a column per stage and a row
// per lane; empty lanes are left out. A journey with blueprint layers
// draws them in the same table, between the customer's lanes and the
// team's analysis, separated by the lines of interaction, visibility and
// internal interaction: one grid, no lane twice. p is the journey's page
// (or its print view).
func (w *htmlw) timeline(p *Page) {
	j := p.Journey
	if j == nil {
		return
	}
	bp := hasBlueprint(j)
	t := stageTable{name: "timeline", tableClass: "stage-table", title: "journey.timeline",
		caption: "journey.timeline-caption", ids: true}
	if bp {
		t.tableClass, t.title, t.caption = "stage-table blueprint", "blueprint.title", "blueprint.caption"
	}
	w.tableStart(j, t)
	// Custom lanes come after the lane they follow, drawn or not.
	after := followers(j)
	custom := func(name string) {
		for _, l := range after[name] {
			w.customLane(j, l)
		}
	}
	w.storyboard(j)
	custom("")
	row := func(name, class, label string, cell func(s *model.Stage)) {
		if lane(j, name) {
			w.stageRow(j, "lane "+class, label, cell)
		}
		if name != "emotion" { // after the curve
			custom(name)
		}
	}
	actions := func() {
		label := "lane.actions"
		if bp {
			label = "blueprint.actions"
		}
		row("actions", "lane-actions layer-actions", label, func(s *model.Stage) { w.actionsCell(j, s) })
	}
	thoughts := func() {
		row("thoughts", "lane-thoughts", "lane.thoughts", func(s *model.Stage) {
			if len(s.Thoughts) == 0 {
				return
			}
			w.raw(`<ul class="cell-list thoughts">`)
			for _, t := range s.Thoughts {
				w.raw(`<li><q>`)
				w.text(t)
				w.raw(`</q></li>`)
			}
			w.raw(`</ul>`)
		})
	}
	questions := func() {
		row("questions", "lane-questions", "lane.questions", func(s *model.Stage) { w.cellListPart(s.Questions) })
	}
	touchpoints := func() {
		row("touchpoints", "lane-touchpoints", "lane.touchpoints", func(s *model.Stage) { w.touchpointsPart(s.Touchpoints) })
	}
	emotion := func() {
		row("emotion", "lane-emotion", "lane.emotion", func(s *model.Stage) { w.emotionPart(j, s) })
		if c := NewCurve(j); lane(j, "emotion") && len(c.Lines) > 0 {
			w.raw(`<tr class="lane lane-curve">`, `<th scope="row">`)
			w.t("lane.curve")
			w.raw(`</th>`, `<td colspan="`)
			w.int(len(j.Stages))
			w.raw(`" class="curve-cell">`)
			w.curvePart(j, c)
			w.raw("</td></tr>")
		}
		custom("emotion")
	}
	if bp {
		// The customer's experience, then what they see and do, down to
		// the line of interaction; the organisation's layers under it.
		thoughts()
		questions()
		emotion()
		w.raw(`</tbody><tbody class="bp-layers">`)
		w.evidenceRow(j)
		touchpoints()
		actions()
		w.blueprintLayers(j)
		w.raw(`</tbody><tbody class="insights">`)
	} else {
		actions()
		thoughts()
		questions()
		touchpoints()
		emotion()
	}
	row("pain_points", "lane-pain", "lane.pain-points", func(s *model.Stage) { w.itemsPart(s.PainPoints, "pain-points") })
	row("opportunities", "lane-opportunities", "lane.opportunities", func(s *model.Stage) { w.itemsPart(s.Opportunities, "opportunities") })
	row("metrics", "lane-metrics", "lane.metrics", func(s *model.Stage) { w.metricsPart(s.Metrics) })
	alert := p.Site.Config.DropOffAlert
	row("drop_off", "lane-dropoff", "lane.drop-off", func(s *model.Stage) {
		if !s.HasDropOff {
			return
		}
		w.raw(`<div class="dropoff`)
		if s.Alert {
			w.raw(` is-alert`)
		}
		w.raw(`">`, `<span class="dropoff-value">`, w.e.nums.share(s.DropOff), "</span>\n",
			`<span class="dropoff-bar" aria-hidden="true"><span style="width:`, percent(s.DropOff), `"></span></span>`)
		if s.Alert {
			w.raw("\n", `<span class="dropoff-alert"><span aria-hidden="true">⚠</span> `)
			w.t("journey.above-alert", w.e.nums.share(alert))
			w.raw(`</span>`)
		}
		w.raw("</div>")
	})
	w.raw("</tbody></table></div></section>")
}

// hasBlueprint reports whether any stage of j has blueprint layers.
func hasBlueprint(j *model.Journey) bool {
	for _, s := range j.Stages {
		if s.Blueprint != nil {
			return true
		}
	}
	return false
}

// blueprint writes a journey's service blueprint alone, as its own table:
// the organisation's layers under the customer's actions, separated by
// the three lines. The journey page draws them inside the timeline
// instead; this is for themes that want them apart.
func (w *htmlw) blueprint(j *model.Journey) {
	if j == nil {
		return
	}
	w.tableStart(j, stageTable{name: "blueprint", tableClass: "stage-table blueprint", title: "blueprint.title",
		caption: "blueprint.caption"})
	w.evidenceRow(j)
	w.stageRow(j, "layer layer-actions", "blueprint.actions", func(s *model.Stage) { w.cellListPart(s.Actions) })
	w.blueprintLayers(j)
	w.raw("</tbody></table></div></section>")
}

// evidenceRow writes the physical evidence layer of a blueprint.
func (w *htmlw) evidenceRow(j *model.Journey) {
	w.stageRow(j, "layer layer-evidence", "blueprint.evidence", w.bpStrings(func(b *model.Blueprint) []string { return b.Evidence }))
}

// bpStrings draws a list-of-strings layer of a stage's blueprint.
func (w *htmlw) bpStrings(get func(b *model.Blueprint) []string) func(s *model.Stage) {
	return func(s *model.Stage) {
		if s.Blueprint != nil {
			w.cellListPart(get(s.Blueprint))
		}
	}
}

// blueprintLayers writes the layers under the customer's actions: the
// line of interaction, frontstage, the line of visibility, backstage, the
// line of internal interaction and support, then the policies, fail
// points and wait points that some stage has.
func (w *htmlw) blueprintLayers(j *model.Journey) {
	n := len(j.Stages)
	var policies, fails, wait bool
	for _, s := range j.Stages {
		if b := s.Blueprint; b != nil {
			policies = policies || len(b.Policies) > 0
			fails = fails || len(b.FailPoints) > 0
			wait = wait || b.Wait != ""
		}
	}
	layer := func(class, label string, cell func(s *model.Stage)) { w.stageRow(j, "layer "+class, label, cell) }
	line := func(class, label string) {
		w.raw(`<tr class="bp-line `, class, `">`, `<td colspan="`)
		w.int(n + 1)
		w.raw(`"><span class="bp-line-label">`)
		w.t(label)
		w.raw("</span></td></tr>")
	}
	line("bp-line-interaction", "blueprint.line-interaction")
	layer("layer-frontstage", "blueprint.frontstage", w.bpStrings(func(b *model.Blueprint) []string { return b.Frontstage }))
	line("bp-line-visibility", "blueprint.line-visibility")
	layer("layer-backstage", "blueprint.backstage", w.bpStrings(func(b *model.Blueprint) []string { return b.Backstage }))
	line("bp-line-internal", "blueprint.line-internal")
	layer("layer-support", "blueprint.support", w.bpStrings(func(b *model.Blueprint) []string { return b.Support }))
	if !policies && !fails && !wait {
		return
	}
	w.raw(`</tbody><tbody class="bp-extras">`)
	if policies {
		layer("layer-policies", "blueprint.policies", w.bpStrings(func(b *model.Blueprint) []string { return b.Policies }))
	}
	if fails {
		layer("layer-fail", "blueprint.fail-points", func(s *model.Stage) {
			if s.Blueprint == nil || len(s.Blueprint.FailPoints) == 0 {
				return
			}
			w.raw(`<ul class="cell-list fail-points">`)
			for _, f := range s.Blueprint.FailPoints {
				w.raw(`<li><span class="fail-icon" aria-hidden="true">⚠</span> `)
				w.text(f)
				w.raw(`</li>`)
			}
			w.raw(`</ul>`)
		})
	}
	if wait {
		layer("layer-wait", "blueprint.wait", func(s *model.Stage) {
			if s.Blueprint == nil || s.Blueprint.Wait == "" {
				return
			}
			w.raw(`<span class="wait"><span aria-hidden="true">◷ </span><span class="visually-hidden">`)
			w.t("blueprint.wait-label")
			w.raw(`: </span>`)
			w.text(s.Blueprint.Wait)
			w.raw(`</span>`)
		})
	}
}

// stageTable names the parts of a table with a column per stage: the
// timeline's or the blueprint's.
type stageTable struct {
	name       string // the section's class and the heading's and caption's ids
	tableClass string
	title      string // UI string keys of the heading and the caption
	caption    string
	ids        bool // stage headings get the ids stage-1, stage-2 …
}

// tableStart writes a stage table's section, heading, caption and head
// row, up to its body. The frame scrolls sideways when the stages do not
// fit; a cue beside the heading, shown by the stylesheet only while the
// frame can scroll further, says that more stages follow.
func (w *htmlw) tableStart(j *model.Journey, t stageTable) {
	w.raw(`<section class="journey-section `, t.name, `-section" aria-labelledby="`, t.name, `-heading"><div class="map-head"><h2 id="`, t.name, `-heading">`)
	w.t(t.title)
	w.raw(`</h2><p class="more-cue" aria-hidden="true">`)
	w.t("journey.more-stages")
	w.raw(`</p></div><div class="timeline" role="region" aria-labelledby="`, t.name, `-caption" tabindex="0"><table class="`,
		t.tableClass, `" style="--stages:`)
	w.int(len(j.Stages))
	w.raw(`"><caption id="`, t.name, `-caption"><span class="caption-text">`)
	w.t(t.caption, j.Title)
	w.raw(`</span></caption><thead><tr><th scope="col" class="corner">`)
	w.t("journey.stage")
	w.raw(`</th>`)
	for _, s := range j.Stages {
		id := ""
		if t.ids {
			id = "stage-" + strconv.Itoa(s.Index+1)
		}
		w.stageHeadPart(s, id)
	}
	w.raw("</tr></thead><tbody>")
}

// stageRow writes a row of a stage table: its label, then a cell per
// stage.
func (w *htmlw) stageRow(j *model.Journey, class, label string, cell func(s *model.Stage)) {
	w.raw(`<tr class="`, class, `"><th scope="row">`)
	w.t(label)
	w.raw(`</th>`)
	for _, s := range j.Stages {
		w.raw("<td>")
		cell(s)
		w.raw("</td>")
	}
	w.raw("</tr>")
}
