package render

import (
	"strconv"

	"github.com/waymark-cx/waymark/generator/model"
)

// timeline writes a journey's stage table: one column per stage, one row
// per lane; empty lanes are left out. p is the journey's page (or its
// print view).
func (w *htmlw) timeline(p *Page) {
	j := p.Journey
	if j == nil {
		return
	}
	n := len(j.Stages)
	w.tableStart(j, stageTable{name: "timeline", tableClass: "stage-table", title: "journey.timeline",
		caption: "journey.timeline-caption", ids: true})
	row := func(name, class, label string, cell func(s *model.Stage)) {
		if !lane(j, name) {
			return
		}
		w.stageRow(j, "lane "+class, label, cell)
	}
	row("actions", "lane-actions", "lane.actions", func(s *model.Stage) { w.cellListPart(s.Actions) })
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
	row("questions", "lane-questions", "lane.questions", func(s *model.Stage) { w.cellListPart(s.Questions) })
	row("touchpoints", "lane-touchpoints", "lane.touchpoints", func(s *model.Stage) { w.touchpointsPart(s.Touchpoints) })
	row("emotion", "lane-emotion", "lane.emotion", func(s *model.Stage) { w.emotionPart(j, s) })
	if c := NewCurve(j); lane(j, "emotion") && len(c.Lines) > 0 {
		w.raw(`<tr class="lane lane-curve">`, `<th scope="row">`)
		w.t("lane.curve")
		w.raw(`</th>`, `<td colspan="`)
		w.int(n)
		w.raw(`" class="curve-cell">`)
		w.curvePart(j, c)
		w.raw("</td></tr>")
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

// blueprint writes a journey's service blueprint: the organisation's
// layers under the customer's actions, separated by the three lines.
func (w *htmlw) blueprint(j *model.Journey) {
	if j == nil {
		return
	}
	n := len(j.Stages)
	var policies, fails, wait bool
	for _, s := range j.Stages {
		if b := s.Blueprint; b != nil {
			policies = policies || len(b.Policies) > 0
			fails = fails || len(b.FailPoints) > 0
			wait = wait || b.Wait != ""
		}
	}
	w.tableStart(j, stageTable{name: "blueprint", tableClass: "stage-table blueprint", title: "blueprint.title",
		caption: "blueprint.caption"})
	layer := func(class, label string, cell func(s *model.Stage)) { w.stageRow(j, "layer "+class, label, cell) }
	strs := func(get func(b *model.Blueprint) []string) func(s *model.Stage) {
		return func(s *model.Stage) {
			if s.Blueprint != nil {
				w.cellListPart(get(s.Blueprint))
			}
		}
	}
	line := func(class, label string) {
		w.raw(`<tr class="bp-line `, class, `">`, `<td colspan="`)
		w.int(n + 1)
		w.raw(`"><span class="bp-line-label">`)
		w.t(label)
		w.raw("</span></td></tr>")
	}
	layer("layer-evidence", "blueprint.evidence", strs(func(b *model.Blueprint) []string { return b.Evidence }))
	layer("layer-actions", "blueprint.actions", func(s *model.Stage) { w.cellListPart(s.Actions) })
	line("bp-line-interaction", "blueprint.line-interaction")
	layer("layer-frontstage", "blueprint.frontstage", strs(func(b *model.Blueprint) []string { return b.Frontstage }))
	line("bp-line-visibility", "blueprint.line-visibility")
	layer("layer-backstage", "blueprint.backstage", strs(func(b *model.Blueprint) []string { return b.Backstage }))
	line("bp-line-internal", "blueprint.line-internal")
	layer("layer-support", "blueprint.support", strs(func(b *model.Blueprint) []string { return b.Support }))
	w.raw("</tbody>")
	if policies || fails || wait {
		w.raw(`<tbody class="bp-extras">`)
		if policies {
			layer("layer-policies", "blueprint.policies", strs(func(b *model.Blueprint) []string { return b.Policies }))
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
		w.raw("</tbody>")
	}
	w.raw("</table></div></section>")
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
// row, up to its body.
func (w *htmlw) tableStart(j *model.Journey, t stageTable) {
	w.raw(`<section class="journey-section `, t.name, `-section" aria-labelledby="`, t.name, `-heading"><h2 id="`, t.name, `-heading">`)
	w.t(t.title)
	w.raw(`</h2><div class="timeline" role="region" aria-labelledby="`, t.name, `-caption" tabindex="0"><table class="`,
		t.tableClass, `" style="--stages:`)
	w.int(len(j.Stages))
	w.raw(`"><caption id="`, t.name, `-caption"><span class="caption-text">`)
	w.t(t.caption, j.Title)
	w.raw(`<span class="scroll-hint" aria-hidden="true"> `)
	w.t("journey.scroll-hint")
	w.raw(`</span></span></caption><thead><tr><th scope="col" class="corner">`)
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
