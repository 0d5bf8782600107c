package render

import (
	"strconv"

	"github.com/waymark-cx/waymark/generator/model"
)

// curve writes the emotion curve of a journey as an inline SVG, with its
// key. The SVG's viewBox is one 200-unit column per stage, so at the full
// width of the table cell its points sit at the centre of each stage
// column. The feeling words are in the emotion lane above it, not here:
// each is shown once.
func (w *htmlw) curve(j *model.Journey) { w.drawCurve(j, NewCurve(j)) }

// drawCurve writes c, the curve of j: the bands, the grid, a line per
// persona (its own colour, dash and marker shape), the drop-off arrows,
// and the key. The SVG is one named image; its description says every
// score and drop-off in words.
func (w *htmlw) drawCurve(j *model.Journey, c *Curve) {
	f := func(x float64) string { return strconv.FormatFloat(x, 'g', -1, 64) }
	width, height := strconv.Itoa(c.Width), strconv.Itoa(c.Height)
	w.raw(`<figure class="curve">`, `<svg class="curve-svg" viewBox="0 0 `, width, " ", height,
		`" role="img" aria-labelledby="curve-title curve-desc" focusable="false">`, `<title id="curve-title">`)
	w.t("curve.title")
	for i, l := range c.Lines {
		if l.Name != "" {
			if i > 0 {
				w.raw(", ")
			} else {
				w.raw(": ")
			}
			w.text(l.Name)
		}
	}
	w.raw("</title>", `<desc id="curve-desc">`)
	w.curveDesc(c)
	w.raw("</desc>", `<g class="curve-bands" aria-hidden="true">`)
	for _, b := range c.Bands {
		w.raw(`<rect class="band band-`, b.Name, `" x="0" y="`, f(b.Y), `" width="`, width, `" height="`, f(b.H), `"/>`,
			`<text class="band-label" x="`, strconv.Itoa(b.LabelX), `" y="`, f(b.Y), `" dy="14" text-anchor="end">`)
		w.t("curve.band-" + b.Name)
		w.raw(`</text>`)
	}
	w.raw("</g>", `<g class="curve-cols" aria-hidden="true">`)
	for i, s := range c.Stages {
		if i > 0 {
			x := f(s.X)
			w.raw(`<line x1="`, x, `" x2="`, x, `" y1="0" y2="`, height, `" transform="translate(-100 0)"/>`)
		}
	}
	w.raw("</g>", `<g class="curve-grid" aria-hidden="true">`)
	for _, g := range c.Grid {
		y, score := f(g.Y), strconv.Itoa(g.Score)
		w.raw(`<line class="grid-`, score, `" x1="0" x2="`, width, `" y1="`, y, `" y2="`, y, `"/>`,
			`<text x="6" y="`, y, `" dy="4">`, score, `</text>`)
	}
	w.raw("</g>")
	if len(c.Drops) > 0 {
		w.raw(`<g class="curve-drops" aria-hidden="true">`)
		for _, d := range c.Drops {
			x := f(d.X)
			w.raw(`<g class="curve-drop`)
			if d.Alert {
				w.raw(` is-alert`)
			}
			w.raw(`"><line x1="`, x, `" x2="`, x, `" y1="`, f(d.Y1), `" y2="`, f(d.Y2), `"/>`, `<path d="`)
			w.attr(d.Head)
			w.raw(`"/>`, `<text x="`, f(d.TextX), `" y="`, f(d.TextY), `">`)
			w.t("curve.drop-label", w.e.nums.share(d.Share))
			w.raw(`</text></g>`)
		}
		w.raw("</g>")
	}
	for _, l := range c.Lines {
		n := strconv.Itoa(l.N)
		w.raw(`<g class="curve-line line-`, n, `" data-marker="`, l.Marker, `">`, `<path class="curve-stroke line-`, n, `" d="`)
		w.attr(l.Path)
		w.raw(`"`)
		w.dash(l.Dash)
		w.raw(`/>`)
		for _, p := range l.Points {
			w.raw(`<path class="curve-marker" d="`)
			w.attr(p.Shape)
			w.raw(`"/>`)
		}
		w.raw("</g>")
	}
	w.raw("</svg>")
	w.curveKey(c)
	w.raw("</figure>")
}

// curveDesc says the curve in words: each line's score at each stage, and
// where customers drop off.
func (w *htmlw) curveDesc(c *Curve) {
	w.t("curve.desc")
	for _, l := range c.Lines {
		w.raw(" ")
		if l.Name != "" {
			w.text(l.Name)
			w.raw(": ")
		}
		for i, p := range l.Points {
			if i > 0 {
				w.raw("; ")
			}
			w.text(p.Stage)
			w.raw(" ")
			w.t("curve.score", w.e.nums.num(p.Score))
			if p.Feeling != "" {
				w.raw(" (")
				w.text(p.Feeling)
				w.raw(")")
			}
		}
		w.raw(".")
	}
	if len(c.Drops) > 0 {
		w.raw(" ")
		w.t("lane.drop-off")
		w.raw(": ")
		for i, d := range c.Drops {
			if i > 0 {
				w.raw("; ")
			}
			w.text(d.Stage)
			w.raw(" ", w.e.nums.share(d.Share))
		}
		w.raw(".")
	}
}

// curveKey writes the curve's key: each line with its colour, dash and
// marker (the persona linked), and the drop-off arrow when there is one.
func (w *htmlw) curveKey(c *Curve) {
	if len(c.Lines) == 0 {
		return
	}
	w.raw(`<figcaption class="curve-legend">`, `<span class="curve-legend-title">`)
	w.t("curve.legend")
	w.raw("</span><ul>")
	for _, l := range c.Lines {
		w.raw(`<li class="line-`, strconv.Itoa(l.N), `"><svg class="legend-swatch" viewBox="0 0 48 16" width="48" height="16" aria-hidden="true" focusable="false"><line class="curve-stroke" x1="2" x2="46" y1="8" y2="8"`)
		w.dash(l.Dash)
		w.raw(`/>`)
		switch l.Marker {
		case "square":
			w.raw(`<rect class="curve-marker" x="19" y="3" width="10" height="10"/>`)
		case "diamond":
			w.raw(`<path class="curve-marker" d="M24 1.5l6.5 6.5-6.5 6.5-6.5-6.5z"/>`)
		case "triangle":
			w.raw(`<path class="curve-marker" d="M24 2l6 11h-12z"/>`)
		default:
			w.raw(`<circle class="curve-marker" cx="24" cy="8" r="5"/>`)
		}
		w.raw(`</svg>`)
		switch {
		case l.Persona != nil:
			w.raw(`<a href="`)
			w.href(l.Persona.URL)
			w.raw(`">`)
			w.text(l.Name)
			w.raw(`</a>`)
		case l.Name != "":
			w.text(l.Name)
		default:
			w.t("lane.emotion")
		}
		w.raw(`</li>`)
	}
	if len(c.Drops) > 0 {
		w.raw(`<li class="key-drop"><svg class="legend-swatch" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false"><g class="curve-drop"><line x1="8" x2="8" y1="1" y2="10"/><path d="M3 8l5 7 5-7z"/></g></svg>`)
		w.t("lane.drop-off")
		w.raw(`</li>`)
	}
	w.raw("</ul></figcaption>")
}

// dash writes a stroke-dasharray attribute, if the line has one.
func (w *htmlw) dash(d string) {
	if d != "" {
		w.raw(` stroke-dasharray="`)
		w.attr(d)
		w.raw(`"`)
	}
}
