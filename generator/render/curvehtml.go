package render

import (
	"strconv"

	"github.com/waymark-cx/waymark/generator/model"
)

// curve writes the emotion curve of a journey as an inline SVG, with a
// legend when there are several personas. The SVG's viewBox is one
// 200-unit column per stage, so at the full width of the table cell its
// points sit at the centre of each stage column.
func (w *htmlw) curve(j *model.Journey) { w.drawCurve(j, NewCurve(j)) }

// drawCurve writes c, the curve of j.
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
	w.raw("</desc>", `<g class="curve-cols" aria-hidden="true">`)
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
			`<text x="6" y="`, y, `" dy="-4">`, score, `</text>`)
	}
	w.raw("</g>")
	for _, l := range c.Lines {
		n := strconv.Itoa(l.N)
		w.raw(`<g class="curve-line line-`, n, `">`, `<path class="curve-stroke line-`, n, `" d="`)
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
	w.raw(`<g class="curve-labels" aria-hidden="true">`)
	for i, s := range c.Stages {
		top := 999.0
		for _, l := range c.Lines {
			for _, p := range l.Points {
				if p.X == s.X && p.Y < top {
					top = p.Y
				}
			}
		}
		if st := j.Stages[i]; st.Feeling != "" && top < 999 {
			w.raw(`<text x="`, f(s.X), `" y="`, f(top), `" dy="-16" text-anchor="middle">`)
			w.text(st.Feeling)
			w.raw(`</text>`)
		}
	}
	w.raw("</g></svg>")
	if len(c.Lines) > 1 {
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
			if l.Persona != nil {
				w.raw(`<a href="`)
				w.href(l.Persona.URL)
				w.raw(`">`)
				w.text(l.Name)
				w.raw(`</a>`)
			} else {
				w.text(l.Name)
			}
			w.raw(`</li>`)
		}
		w.raw("</ul></figcaption>")
	}
	w.raw("</figure>")
}

// dash writes a stroke-dasharray attribute, if the line has one.
func (w *htmlw) dash(d string) {
	if d != "" {
		w.raw(` stroke-dasharray="`)
		w.attr(d)
		w.raw(`"`)
	}
}
