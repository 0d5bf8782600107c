package render

import (
	"html/template"
	"math"
	"strconv"

	"github.com/waymark-cx/waymark/generator/hub"
)

// The value × effort matrix of the priorities view, drawn as SVG in Go:
// effort runs left (little) to right (a lot), value bottom (little) to
// top (a lot), each from 1 to 5, split between 2 and 3 into the four
// quadrants (hub.QuadrantOf). Every point is a link to its opportunity's
// stage, named in full for screen readers; the ranked table under the
// matrix is its text. It needs no script and prints as drawn.

// matrix geometry, in the SVG's own units.
const (
	pmLeft, pmTop     = 64.0, 16.0
	pmWidth, pmHeight = 520.0, 360.0
	pmViewW, pmViewH  = 600.0, 436.0
	pmDot             = 11.0
)

// pmX and pmY place an effort and a value (1–5) at the middle of their
// fifth of the plot.
func pmX(effort float64) float64 { return pmLeft + (effort-0.5)/5*pmWidth }
func pmY(value float64) float64  { return pmTop + (5.5-value)/5*pmHeight }

func f1(f float64) string { return strconv.FormatFloat(math.Round(f*10)/10, 'f', -1, 64) }

// priorityMatrix draws the matrix of the ranked opportunities p shows.
func (w *htmlw) priorityMatrix(p *hub.Priorities) {
	w.raw(`<svg class="priority-matrix" viewBox="0 0 `, f1(pmViewW), ` `, f1(pmViewH),
		`" role="group" aria-labelledby="priority-matrix-title" xmlns="http://www.w3.org/2000/svg">`)
	w.raw(`<title id="priority-matrix-title">`)
	w.t("priorities.matrix-title")
	w.raw(`</title>`)
	// The quadrants: value high above 2.5, effort high right of it.
	midX, midY := pmX(hub.Middle), pmY(hub.Middle)
	right, bottom := pmLeft+pmWidth, pmTop+pmHeight
	w.raw(`<g aria-hidden="true">`)
	for _, q := range []struct {
		q          hub.Quadrant
		x, y, w, h float64
		anchor     string
		tx, ty     float64
	}{
		{hub.QuickWins, pmLeft, pmTop, midX - pmLeft, midY - pmTop, "start", pmLeft + 8, pmTop + 18},
		{hub.BigBets, midX, pmTop, right - midX, midY - pmTop, "end", right - 8, pmTop + 18},
		{hub.FillIns, pmLeft, midY, midX - pmLeft, bottom - midY, "start", pmLeft + 8, bottom - 10},
		{hub.TimeSinks, midX, midY, right - midX, bottom - midY, "end", right - 8, bottom - 10},
	} {
		w.raw(`<rect class="pm-quadrant pm-`, string(q.q), `" x="`, f1(q.x), `" y="`, f1(q.y), `" width="`, f1(q.w), `" height="`, f1(q.h), `"/>`)
		w.raw(`<text class="pm-quadrant-name" x="`, f1(q.tx), `" y="`, f1(q.ty), `" text-anchor="`, q.anchor, `">`)
		w.t("quadrant." + string(q.q))
		w.raw(` (`)
		w.int(p.Counts[string(q.q)])
		w.raw(`)</text>`)
	}
	for i := 1; i <= 5; i++ {
		x, y := pmX(float64(i)), pmY(float64(i))
		w.raw(`<line class="pm-grid" x1="`, f1(x), `" y1="`, f1(pmTop), `" x2="`, f1(x), `" y2="`, f1(bottom), `"/>`)
		w.raw(`<line class="pm-grid" x1="`, f1(pmLeft), `" y1="`, f1(y), `" x2="`, f1(right), `" y2="`, f1(y), `"/>`)
		w.raw(`<text class="pm-tick" x="`, f1(x), `" y="`, f1(bottom+18), `" text-anchor="middle">`)
		w.int(i)
		w.raw(`</text><text class="pm-tick" x="`, f1(pmLeft-10), `" y="`, f1(y+4), `" text-anchor="end">`)
		w.int(i)
		w.raw(`</text>`)
	}
	w.raw(`<line class="pm-middle" x1="`, f1(midX), `" y1="`, f1(pmTop), `" x2="`, f1(midX), `" y2="`, f1(bottom), `"/>`)
	w.raw(`<line class="pm-middle" x1="`, f1(pmLeft), `" y1="`, f1(midY), `" x2="`, f1(right), `" y2="`, f1(midY), `"/>`)
	w.raw(`<text class="pm-axis" x="`, f1(pmLeft+pmWidth/2), `" y="`, f1(pmViewH-6), `" text-anchor="middle">`)
	w.t("priorities.axis-effort")
	w.raw(` →</text><text class="pm-axis" transform="translate(18 `, f1(pmTop+pmHeight/2), `) rotate(-90)" text-anchor="middle">`)
	w.t("priorities.axis-value")
	w.raw(` →</text></g>`)
	// The points, last rank first, so that the first is drawn on top.
	items := p.Ranked.Items
	for i := len(items) - 1; i >= 0; i-- {
		r := items[i]
		x, y := pmX(float64(r.Effort)), pmY(r.Benefit)
		if r.Crowd > 1 {
			ring := r.Slot / 6
			inRing := min(r.Crowd-ring*6, 6)
			angle := 2*math.Pi*float64(r.Slot%6)/float64(inRing) + math.Pi // the first to the left
			radius := 15.0 * float64(ring+1)
			x += radius * math.Cos(angle)
			y += radius * math.Sin(angle)
		}
		w.raw(`<a class="pm-point pm-`, string(r.Quadrant), `" href="`)
		w.href(r.Journey.URL + "#stage-" + strconv.Itoa(r.Stage.Index+1))
		w.raw(`" aria-label="`)
		w.attr(w.e.translate("priorities.point", r.Rank, r.Text, r.Journey.Title, r.Stage.Name, w.e.nums.num(r.Score),
			w.e.nums.num(math.Round(r.Benefit*10)/10), r.Effort))
		w.raw(`"><circle cx="`, f1(x), `" cy="`, f1(y), `" r="`, f1(pmDot), `"/><text x="`, f1(x), `" y="`, f1(y+4), `" text-anchor="middle" aria-hidden="true">`)
		w.int(r.Rank)
		w.raw(`</text></a>`)
	}
	w.raw(`</svg>`)
}

// priorityFuncs are the priorities' template functions.
func (e *Engine) priorityFuncs() template.FuncMap {
	return template.FuncMap{
		"priorityMatrix": func(p *hub.Priorities) template.HTML {
			return e.draw(4096+400*len(p.Ranked.Items), func(w *htmlw) { w.priorityMatrix(p) }).html()
		},
	}
}
