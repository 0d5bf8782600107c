package render

import (
	"strconv"

	"github.com/waymark-cx/waymark/generator/model"
)

// curve writes the emotion curve of a journey as an inline SVG, with its
// key. It is drawn in percentages of its box (see Curve.PctX), so that at
// the full width of the table cell its points sit at the centre of each
// stage column whatever the width, and the stylesheet sets its height. The feeling words are in the emotion lane above it, not here:
// each is shown once.
func (w *htmlw) curve(j *model.Journey) { w.drawCurve(j, NewCurve(j)) }

// drawCurve writes c, the curve of j: the bands, the grid, a line per
// persona (its own colour, dash and marker shape), the drop-off arrows,
// and the key. The SVG is one named image; its description says every
// score and drop-off in words.
func (w *htmlw) drawCurve(j *model.Journey, c *Curve) {
	x, y := c.PctX, c.PctY
	w.raw(`<figure class="curve">`, `<svg class="curve-svg" width="100%" height="`, strconv.Itoa(c.Height),
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
		w.raw(`<rect class="band band-`, b.Name, `" x="0" y="`, y(b.Y), `" width="100%" height="`, y(b.H), `"/>`,
			`<text class="band-label" x="100%" y="`, y(b.Y), `" dx="-8" dy="13" text-anchor="end">`)
		w.t("curve.band-" + b.Name)
		w.raw(`</text>`)
	}
	w.raw("</g>", `<g class="curve-cols" aria-hidden="true">`)
	for i, s := range c.Stages {
		if i > 0 {
			at := x(s.Left)
			w.raw(`<line x1="`, at, `" x2="`, at, `" y1="0" y2="100%"/>`)
		}
	}
	w.raw("</g>", `<g class="curve-grid" aria-hidden="true">`)
	for _, g := range c.Grid {
		at := y(g.Y)
		w.raw(`<line class="grid-`, strconv.Itoa(g.Score), `" x1="0" x2="100%" y1="`, at, `" y2="`, at, `"/>`,
			`<text x="6" y="`, at, `" dy="4">`, strconv.Itoa(g.Score), `</text>`)
	}
	w.raw("</g>")
	if len(c.Drops) > 0 {
		w.raw(`<g class="curve-drops" aria-hidden="true">`)
		for _, d := range c.Drops {
			at := x(d.X)
			w.raw(`<g class="curve-drop`)
			if d.Alert {
				w.raw(` is-alert`)
			}
			w.raw(`"><line x1="`, at, `" x2="`, at, `" y1="`, y(d.Y1), `" y2="`, y(d.Y2), `"/>`,
				`<svg x="`, at, `" y="`, y(d.Y2), `" width="1" height="1" overflow="visible"><path d="M-5 -2l5 7 5-7z"/></svg>`,
				`<text x="`, x(d.TextX), `" y="`, y(d.TextY), `" text-anchor="middle">`)
			w.t("curve.drop-label", w.e.nums.share(d.Share))
			w.raw(`</text></g>`)
		}
		w.raw("</g>")
	}
	for _, l := range c.Lines {
		n := strconv.Itoa(l.N)
		w.raw(`<g class="curve-line line-`, n, `" data-marker="`, l.Marker, `"><g class="curve-stroke"`)
		w.dash(l.Dash)
		w.raw(`>`)
		for _, s := range l.Segs {
			w.raw(`<line x1="`, x(s.X1), `" y1="`, y(s.Y1), `" x2="`, x(s.X2), `" y2="`, y(s.Y2), `"/>`)
		}
		w.raw(`</g>`)
		shape := l.MarkerShape()
		for _, p := range l.Points {
			w.raw(`<svg x="`, x(p.X), `" y="`, y(p.Y), `" width="1" height="1" overflow="visible"><path class="curve-marker" d="`, shape, `"/></svg>`)
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
