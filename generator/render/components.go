package render

import (
	"fmt"
	"html/template"
	"slices"

	"github.com/waymark-cx/waymark/generator/export"
	"github.com/waymark-cx/waymark/generator/model"
)

// The built-in components draw the parts of a journey map that repeat for
// every stage. Themes call them as functions ({{timeline .}}, {{itemList
// .PainPoints "pain-points"}} …); the default theme's partials of the same
// names are one-line wrappers, and a theme draws its own by overriding the
// partial. content/docs/theming.md lists them.

// stageHead writes a stage's column heading; id is the cell's id
// ("stage-1" … in the timeline, "" in the blueprint, so ids stay unique).
func (w *htmlw) stageHead(s *model.Stage, id string) {
	w.raw(`<th scope="col" class="stage-head`)
	if s.Alert {
		w.raw(` is-alert`)
	}
	w.raw(`"`)
	if id != "" {
		w.raw(` id="`)
		w.attr(id)
		w.raw(`"`)
	}
	w.raw(">", `<span class="stage-num" aria-hidden="true">`)
	w.int(s.Index + 1)
	w.raw("</span>\n", `<span class="stage-name">`)
	w.text(s.Name)
	w.raw(`</span>`)
	if s.Duration != "" {
		w.raw("\n", `<span class="stage-duration"><span class="visually-hidden">`)
		w.t("stage.duration")
		w.raw(`: </span><span aria-hidden="true">◷ </span>`)
		w.text(s.Duration)
		w.raw(`</span>`)
	}
	if s.Description != "" {
		w.raw("\n", `<span class="stage-desc">`)
		w.text(s.Description)
		w.raw(`</span>`)
	}
	if s.Alert {
		w.raw("\n", `<span class="stage-alert"><span aria-hidden="true">⚠ </span>`)
		w.t("stage.high-drop-off", w.e.nums.share(s.DropOff))
		w.raw(`</span>`)
	}
	w.raw("</th>")
}

// cellList writes a list of strings in a table cell; nothing when empty.
func (w *htmlw) cellList(items []string) {
	if len(items) == 0 {
		return
	}
	w.raw(`<ul class="cell-list">`)
	for _, s := range items {
		w.raw(`<li>`)
		w.text(s)
		w.raw(`</li>`)
	}
	w.raw(`</ul>`)
}

// touchpointList writes a stage's touchpoints.
func (w *htmlw) touchpointList(tps []*model.Touchpoint) {
	if len(tps) == 0 {
		return
	}
	w.raw(`<ul class="cell-list touchpoints">`)
	for _, tp := range tps {
		w.raw(`<li class="touchpoint`)
		if tp.FailPoint {
			w.raw(` is-fail`)
		}
		w.raw(`">`, `<span class="tp-name">`)
		w.text(tp.Name)
		w.raw(`</span>`)
		if tp.FailPoint {
			w.raw("\n", `<span class="chip chip-fail"><span aria-hidden="true">⚠ </span>`)
			w.t("touchpoint.fail-point")
			w.raw(`</span>`)
		}
		w.raw("\n", `<span class="tp-meta">`)
		if tp.Channel != "" {
			w.raw(`<span class="tp-channel"><span class="visually-hidden">`)
			w.t("touchpoint.channel")
			w.raw(`: </span>`)
			w.text(tp.Channel)
			w.raw(`</span>`)
		}
		if tp.Kind != "" {
			w.raw(` <span class="chip chip-kind chip-kind-`)
			w.attr(tp.Kind)
			w.raw(`"><span class="visually-hidden">`)
			w.t("touchpoint.kind")
			w.raw(`: </span>`)
			w.t("kind." + tp.Kind)
			w.raw(`</span>`)
		}
		if tp.HasEmotion {
			w.raw(` `)
			w.score("chip chip-emo", tp.Emotion, "", 0)
		}
		// A newline before </span> parts the meta from what follows, as
		// the minifier leaves it; at the end of the item it goes.
		if tp.Owner != "" || tp.Description != "" {
			w.raw("\n")
		}
		w.raw("</span>")
		if tp.Owner != "" {
			w.raw(`<span class="tp-owner">`)
			w.t("meta.owner", tp.Owner)
			w.raw(`</span>`)
		}
		if tp.Description != "" {
			if tp.Owner != "" {
				w.raw("\n")
			}
			w.raw(`<span class="tp-desc">`)
			w.text(tp.Description)
			w.raw(`</span>`)
		}
		w.raw("</li>")
	}
	w.raw("</ul>")
}

// score writes an emotion score as "4/5" with its colour class; who, if
// set, names the persona, and line (1-based, 0 for none) adds line-N.
func (w *htmlw) score(class string, v float64, who string, line int) {
	w.raw(`<span class="`, class, ` emo-`, fmt.Sprintf("%.0f", v))
	if line > 0 {
		w.raw(` line-`)
		w.int(line)
	}
	w.raw(`">`)
	if who != "" {
		w.raw(`<span class="emotion-who">`)
		w.text(who)
		w.raw(`</span> `)
	}
	w.raw(`<span class="visually-hidden">`)
	w.t("lane.emotion")
	w.raw(`: </span>`, w.e.nums.num(v), `/5</span>`)
}

// emotionCell writes one stage's emotion: a score per persona (or the
// journey's one score) and the feeling word.
func (w *htmlw) emotionCell(j *model.Journey, s *model.Stage) {
	// Between the spans a newline, as the minifier leaves it; none at
	// the start or end of the block.
	w.raw(`<div class="emotion">`)
	first := true
	sep := func() {
		if !first {
			w.raw("\n")
		}
		first = false
	}
	if len(j.Personas) > 0 {
		many := len(j.Personas) > 1
		for i, p := range j.Personas {
			if v := s.Emotion[p.Slug]; v != 0 {
				who := ""
				if many {
					who = p.Name
				}
				sep()
				w.score("emotion-score", v, who, i+1)
			}
		}
	} else if v := s.Emotion[""]; v != 0 {
		sep()
		w.score("emotion-score", v, "", 0)
	}
	if s.Feeling != "" {
		sep()
		w.raw(`<span class="emotion-feeling">`)
		w.text(s.Feeling)
		w.raw(`</span>`)
	}
	w.raw("</div>")
}

// itemList writes pain points or opportunities (class says which) with
// their severity, status and owner.
func (w *htmlw) itemList(items []model.Item, class string) {
	if len(items) == 0 {
		return
	}
	w.raw(`<ul class="cell-list items `)
	w.attr(class)
	w.raw(`">`)
	for _, it := range items {
		w.itemStart(it)
		w.raw(`<span class="item-text">`)
		w.text(it.Text)
		w.raw(`</span>`)
		if it.Owner != "" || it.Status != "" || it.Severity != 0 || it.Any() || len(it.Evidence) > 0 {
			w.raw("\n", `<span class="item-meta">`)
			w.itemChips(it)
			if it.Owner != "" {
				w.raw(` <span class="item-owner">`)
				w.t("meta.owner", it.Owner)
				w.raw(`</span>`)
			}
			w.itemExtras(it) // scores and evidence (evidence.go)
			w.raw("</span>")
		}
		w.raw("</li>")
	}
	w.raw("</ul>")
}

// metricList writes a stage's metrics, each against its target.
func (w *htmlw) metricList(ms []*model.Metric) {
	if len(ms) == 0 {
		return
	}
	w.raw(`<ul class="cell-list metrics">`)
	for _, m := range ms {
		w.raw(`<li class="metric`)
		switch {
		case m.OffTarget():
			w.raw(` is-off`)
		case m.HasValue && m.HasTarget:
			w.raw(` is-on`)
		}
		w.raw(`">`, `<span class="metric-name">`)
		w.text(m.Name)
		w.raw(`</span>`, "\n", `<span class="metric-figures">`)
		if m.HasValue {
			w.raw(`<span class="metric-value">`)
			w.text(w.e.nums.measure(m.Value, m.Unit))
			w.raw(`</span>`)
		}
		if m.HasTarget {
			w.raw(` <span class="metric-target">`)
			w.t("metric.target", w.e.nums.measure(m.Target, m.Unit))
			w.raw(`</span>`)
		}
		if m.HasValue && m.HasTarget {
			w.raw("\n") // a status follows
		}
		w.raw("</span>")
		switch {
		case m.OffTarget():
			arrow, key := "▲", "metric.above-target"
			if m.HigherIsBetter {
				arrow, key = "▼", "metric.below-target"
			}
			w.raw(`<span class="metric-status is-off"><span aria-hidden="true">`, arrow, ` </span>`)
			w.t(key)
			w.raw(`</span>`)
		case m.HasValue && m.HasTarget:
			w.raw(`<span class="metric-status is-on"><span aria-hidden="true">✓ </span>`)
			w.t("metric.on-target")
			w.raw(`</span>`)
		}
		w.raw("</li>")
	}
	w.raw("</ul>")
}

// place returns what f draws, or, when the page holds its fragments (see
// Page.Hold), draws it there and returns a placeholder for it.
func (e *Engine) place(p *Page, size int, f func(w *htmlw)) (template.HTML, error) {
	fr := p.fragments
	if fr == nil {
		w := e.draw(size, f)
		return w.html(), w.err
	}
	w := &htmlw{e: e, b: slices.Grow(fr.buf, size)}
	f(w)
	if w.err != nil {
		return "", w.err
	}
	fr.buf = w.b
	fr.ends = append(fr.ends, len(fr.buf))
	return template.HTML(fragmentTag(len(fr.ends) - 1)), nil
}

// placeMap is place for a journey's stage table, which shows the
// journey alone (and the site's settings, the same on every page): when
// the page's fragments hold the same journey's table as this engine drew
// it for the page before, it is put in again rather than drawn again.
// The stage table is a third of the work of making a journey's page and
// almost all of its print view's.
func (e *Engine) placeMap(p *Page, size int, f func(w *htmlw)) (template.HTML, error) {
	fr, j := p.fragments, p.Journey
	if fr == nil || j == nil {
		return e.place(p, size, f)
	}
	if fr.mapOf == j && fr.mapBy == e {
		fr.buf = append(fr.buf, fr.mapAt...)
		fr.ends = append(fr.ends, len(fr.buf))
		return template.HTML(fragmentTag(len(fr.ends) - 1)), nil
	}
	start := len(fr.buf)
	h, err := e.place(p, size, f)
	if err != nil {
		fr.mapOf = nil
		return h, err
	}
	fr.mapOf, fr.mapBy, fr.mapAt = j, e, append(fr.mapAt[:0], fr.buf[start:]...)
	return h, nil
}

// itemStart opens an item's <li>, classed by its status and severity.
func (w *htmlw) itemStart(it model.Item) {
	w.raw(`<li class="item`)
	if it.Status != "" {
		w.raw(` is-`)
		w.attr(it.Status)
	}
	if it.Severity != 0 {
		w.raw(` sev-`)
		w.int(it.Severity)
	}
	w.raw(`">`)
}

// itemChips writes an item's severity and status chips, if it has them.
func (w *htmlw) itemChips(it model.Item) {
	if it.Severity != 0 {
		w.raw(`<span class="chip chip-sev chip-sev-`)
		w.int(it.Severity)
		w.raw(`">`)
		w.t(fmt.Sprintf("severity.%d", it.Severity))
		w.raw(`</span>`)
	}
	if it.Status != "" {
		w.raw(` <span class="chip chip-status chip-status-`)
		w.attr(it.Status)
		w.raw(`">`)
		w.t("status." + it.Status)
		w.raw(`</span>`)
	}
}

// stagePains writes the pain points of a persona's journeys grouped by
// stage, each with its severity, status and journey: a persona in twenty
// journeys has some two hundred, which made its page the slowest to
// render through html/template. It is drawn as the template drew it and
// minified with the page.
func (w *htmlw) stagePains(groups []model.StageItems) {
	w.raw("\n", `<dl class="stage-pains">`)
	for _, g := range groups {
		w.raw("\n", `<div class="stage-pain-group">`, "\n", `<dt>`)
		w.text(g.Stage)
		w.raw(`</dt>`, "\n", `<dd>`, "\n", `<ul class="cell-list items">`)
		for _, it := range g.Items {
			w.raw("\n")
			w.itemStart(it.Item)
			w.raw("\n", `<span class="item-text">`)
			w.text(it.Text)
			w.raw(`</span>`, "\n", `<span class="item-meta">`)
			w.itemChips(it.Item)
			w.raw("\n", `<a class="item-source" href="`)
			w.href(it.Journey.URL)
			w.raw(`">`)
			w.text(it.Journey.Title)
			w.raw("</a>\n</span>\n</li>")
		}
		w.raw("\n</ul>\n</dd>\n</div>")
	}
	w.raw("\n</dl>")
}

// stagePainsSize guesses the bytes stagePains draws: its markup, some 240
// bytes an item beside the item's words, and the words. A persona in many
// journeys has hundreds of items: a buffer grown to them by doubling
// would be copied again and again, one guessed from the groups alone
// was several times too large.
func stagePainsSize(groups []model.StageItems) int {
	n := 64
	for _, g := range groups {
		n += 96 + len(g.Stage)
		for _, it := range g.Items {
			n += 240 + len(it.Text) + len(it.Journey.Title) + len(it.Journey.URL)
		}
	}
	return n
}

// sizeHint guesses the bytes a component draws for a journey: perItem
// for each thing its stages hold.
func sizeHint(j *model.Journey, perItem int) int {
	if j == nil {
		return 0
	}
	n := 1
	for _, s := range j.Stages {
		n += 1 + len(s.Actions) + len(s.Thoughts) + len(s.Touchpoints) + len(s.PainPoints) + len(s.Opportunities) + len(s.Metrics)
	}
	return 2048 + n*perItem/4
}

// componentFuncs are the components as template functions.
func (e *Engine) componentFuncs() template.FuncMap {
	formats := export.Formats()
	return template.FuncMap{
		"timeline": func(p *Page) (template.HTML, error) {
			return e.placeMap(p, sizeHint(p.Journey, 900), func(w *htmlw) { w.timeline(p) })
		},
		"blueprint": func(p *Page) (template.HTML, error) {
			return e.place(p, sizeHint(p.Journey, 300), func(w *htmlw) { w.blueprint(p.Journey) })
		},
		"journeyCard": func(j *model.Journey) (template.HTML, error) {
			w := e.draw(768, func(w *htmlw) { w.journeyCard(j) })
			return w.html(), w.err
		},
		"reviewBadge":  func(j *model.Journey) template.HTML { return e.draw(0, func(w *htmlw) { w.reviewBadge(j) }).html() },
		"emotionCurve": func(j *model.Journey) template.HTML { return e.draw(0, func(w *htmlw) { w.curve(j) }).html() },
		"stageHead": func(s *model.Stage, id string) template.HTML {
			return e.draw(0, func(w *htmlw) { w.stageHead(s, id) }).html()
		},
		"cellList": func(items []string) template.HTML { return e.draw(0, func(w *htmlw) { w.cellList(items) }).html() },
		"touchpointList": func(tps []*model.Touchpoint) template.HTML {
			return e.draw(0, func(w *htmlw) { w.touchpointList(tps) }).html()
		},
		"emotionCell": func(j *model.Journey, s *model.Stage) template.HTML {
			return e.draw(0, func(w *htmlw) { w.emotionCell(j, s) }).html()
		},
		"itemList": func(items []model.Item, class string) template.HTML {
			return e.draw(0, func(w *htmlw) { w.itemList(items, class) }).html()
		},
		"metricList": func(ms []*model.Metric) template.HTML { return e.draw(0, func(w *htmlw) { w.metricList(ms) }).html() },
		"downloads": func(j *model.Journey) template.HTML {
			return e.draw(1200, func(w *htmlw) { w.downloads(j, formats) }).html()
		},
		"stagePains": func(groups []model.StageItems) template.HTML {
			return e.draw(stagePainsSize(groups), func(w *htmlw) { w.stagePains(groups) }).html()
		},
	}
}

// downloads draws the links to a journey's downloads, one per format of
// formats (export.Formats, listed once for every page), which
// plan/downloads.go plans beside the page, and to its print view. Drawn
// in Go: as template actions, its links' escaping cost a third of a
// journey page.
func (w *htmlw) downloads(j *model.Journey, formats []export.Format) {
	w.raw(`<section class="downloads" aria-labelledby="downloads-heading"><h2 id="downloads-heading" class="visually-hidden">`)
	w.t("download.heading")
	w.raw(`</h2>`, "\n", `<p class="card-actions downloads-list"><span class="downloads-label" aria-hidden="true">`)
	w.t("download.heading")
	w.raw(`:</span>`)
	for _, f := range formats {
		w.raw("\n", `<a class="button button-quiet" href="`)
		w.href(j.Download(f.Ext))
		w.raw(`" download="`)
		w.attr(j.Slug + "." + f.Ext)
		w.raw(`" type="`, f.MediaType, `">`)
		w.t(f.Label)
		w.raw(`</a>`)
	}
	w.raw("\n", `<a class="button button-quiet" href="`)
	w.href(j.Print())
	w.raw(`">`)
	w.t("download.print")
	w.raw("</a>\n</p>\n</section>")
}

// journeyCard draws a journey as a card, as lists of journeys show it
// (the journeys list shows every journey so).
func (w *htmlw) journeyCard(j *model.Journey) {
	w.raw(`<article class="card journey-card type-`)
	w.attr(string(j.Type))
	w.raw(`">`, "\n", `<p class="card-eyebrow"><span class="chip chip-type chip-`)
	w.attr(string(j.Type))
	w.raw(`">`)
	w.t("type." + string(j.Type))
	w.raw(`</span>`)
	w.reviewBadgePart(j)
	w.raw(`</p>`, "\n", `<h3 class="card-title"><a href="`)
	w.href(j.URL)
	w.raw(`">`)
	w.text(j.Title)
	w.raw(`</a></h3>`)
	if j.Summary != "" {
		w.raw("\n", `<p class="card-summary">`)
		w.text(j.Summary)
		w.raw(`</p>`)
	}
	w.raw("\n", `<p class="card-meta">`)
	if len(j.Personas) > 0 {
		w.raw(`<span class="card-personas"><span class="visually-hidden">`)
		w.t("journey.personas")
		w.raw(`: </span>`)
		for i, p := range j.Personas {
			if i > 0 {
				w.raw(", ")
			}
			w.text(p.Name)
		}
		w.raw(`</span>`)
	}
	w.raw("\n", `<span class="card-count">`)
	if len(j.Stages) == 1 {
		w.t("journey.stage-count-1")
	} else {
		w.t("journey.stage-count", len(j.Stages))
	}
	w.raw(`</span></p>`, "\n", `</article>`)
}
