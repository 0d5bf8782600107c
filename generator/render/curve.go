package render

import (
	"math"
	"strconv"
	"strings"

	"github.com/waymark-cx/waymark/generator/hub"
	"github.com/waymark-cx/waymark/generator/model"
)

// Curve is the geometry of a journey's emotion curve, computed here so that
// templates only draw: one column per stage, one line per persona, scores
// from 1 (bottom) to 5 (top).
type Curve struct {
	Width  int
	Height int
	Stages []CurveStage
	Grid   []CurveGrid
	Bands  []CurveBand
	Lines  []CurveLine
	Drops  []CurveDrop
	top    float64 // the margin above score 5
}

// CurveBand is a zone of the plot: positive (above 3.5), neutral or
// negative (below 2.5), tinted and named so that it reads without colour.
type CurveBand struct {
	Name   string // positive, neutral or negative
	Y, H   float64
	LabelX int // the name's right end, at the plot's right edge
}

// CurveDrop is a stage's drop-off, drawn as an arrow leaving the curve at
// that stage down to its share.
type CurveDrop struct {
	Stage  string
	Share  float64 // 0 to 1
	Alert  bool    // above the site's drop_off_alert
	X      float64
	Y1, Y2 float64 // the arrow's shaft, from under the lowest point to the strip
	Head   string  // SVG path data of the arrow's head
	TextX  float64 // the share's label, centred under the head
	TextY  float64
}

// CurveStage is the x position of a stage's column centre, and of its
// left edge.
type CurveStage struct {
	Name    string
	X, Left float64
}

// CurveGrid is a horizontal guide at one score.
type CurveGrid struct {
	Score int
	Y     float64
}

// CurveLine is one persona's line. Lines differ in dash pattern and marker
// shape as well as colour, so that colour is never the only signal.
type CurveLine struct {
	Name    string         // the persona's name ("" when the journey has none)
	Persona *model.Persona // nil when the journey has none
	N       int            // 1-based line number: CSS classes line-1, line-2 …
	Dash    string         // an SVG stroke-dasharray, "" for solid
	Marker  string         // circle, square, diamond or triangle
	Path    string         // SVG path data; gaps where a stage has no score
	Points  []CurvePoint
	Segs    []CurveSeg // the path as segments, for drawing in percentages
}

// CurveSeg is a straight piece of a line, between the points of two
// neighbouring stages that both have a score.
type CurveSeg struct{ X1, Y1, X2, Y2 float64 }

// PctX is x as a percentage of the curve's width: the journey page draws
// the curve in percentages, so that its points stay on the centres of the
// stage columns at any width while its height is set apart (lower in
// print than on screen), and its markers and text keep their size.
func (c *Curve) PctX(x float64) string { return pct(x, c.Width) }

// PctY is y as a percentage of the curve's height.
func (c *Curve) PctY(y float64) string { return pct(y, c.Height) }

func pct(v float64, of int) string {
	return strconv.FormatFloat(math.Round(v/float64(of)*100000)/1000, 'f', -1, 64) + "%"
}

// MarkerShape is SVG path data for the line's marker centred on 0, 0.
func (l CurveLine) MarkerShape() string { return markerPath(l.Marker, 0, 0) }

// CurvePoint is a scored stage on a line.
type CurvePoint struct {
	Stage   string
	Feeling string
	Score   float64
	X, Y    float64
	// Shape is SVG path data for the marker centred on the point.
	Shape string
}

const (
	curveCol    = 200
	curveTop    = 16
	pairTop     = 34 // the pair's chart writes each score above its point
	curvePlot   = 150
	curveBottom = 16
	curveStrip  = 30 // under the plot: the drop-off shares
)

// NewCurve computes the emotion curve of a journey.
func NewCurve(j *model.Journey) *Curve {
	c := &Curve{Width: curveCol * max(len(j.Stages), 1), Height: curveTop + curvePlot + curveBottom, top: curveTop}
	for i, s := range j.Stages {
		c.Stages = append(c.Stages, CurveStage{Name: s.Name, X: float64(i*curveCol + curveCol/2), Left: float64(i * curveCol)})
	}
	for score := 5; score >= 1; score-- {
		c.Grid = append(c.Grid, CurveGrid{Score: score, Y: c.scoreY(float64(score))})
	}
	c.bands()
	keys := j.PersonaSlugs
	if len(keys) == 0 {
		keys = []string{""}
	}
	dashes := []string{"", "10 6", "3 5", "14 5 3 5"}
	markers := []string{"circle", "square", "diamond", "triangle"}
	bySlug := map[string]*model.Persona{}
	for _, p := range j.Personas {
		bySlug[p.Slug] = p
	}
	for n, key := range keys {
		l := CurveLine{N: n + 1, Dash: dashes[n%len(dashes)], Marker: markers[n%len(markers)], Name: key}
		if p, ok := bySlug[key]; ok {
			l.Persona, l.Name = p, p.Name
		}
		l.draw(c, j.Stages, func(s *model.Stage) (float64, bool) {
			score, ok := s.Emotion[key]
			return score, ok
		})
		if len(l.Points) > 0 {
			c.Lines = append(c.Lines, l)
		}
	}
	c.drops(j.Stages)
	return c
}

// bands are the zones of the plot, top to bottom: positive (above 3.5),
// neutral, negative (below 2.5).
func (c *Curve) bands() {
	c.Bands = []CurveBand{
		{Name: "positive", Y: 0, H: c.scoreY(3.5), LabelX: c.Width - 8},
		{Name: "neutral", Y: c.scoreY(3.5), H: c.scoreY(2.5) - c.scoreY(3.5), LabelX: c.Width - 8},
		{Name: "negative", Y: c.scoreY(2.5), H: float64(c.Height) - c.scoreY(2.5), LabelX: c.Width - 8},
	}
}

// drops places an arrow at each stage that loses customers, from under
// the lowest point of the stage's column down into a strip under the plot,
// where its share is written; the strip is added only when some stage
// loses any.
func (c *Curve) drops(stages []*model.Stage) {
	strip := float64(c.Height)
	for i, s := range stages {
		if !s.HasDropOff || s.DropOff <= 0 {
			continue
		}
		low := c.top + curvePlot/2
		for _, l := range c.Lines {
			for _, p := range l.Points {
				if p.X == c.Stages[i].X && p.Y > low {
					low = p.Y
				}
			}
		}
		// The share is written centred under the head, inside its column
		// however narrow, the last one included.
		x, end := c.Stages[i].X, strip
		c.Drops = append(c.Drops, CurveDrop{Stage: s.Name, Share: s.DropOff, Alert: s.Alert, X: x,
			Y1: min(low+12, strip-12), Y2: end - 6, Head: "M" + ftoa(x-5) + " " + ftoa(end-8) + "l5 7 5-7z",
			TextX: x, TextY: end + 27})
	}
	if len(c.Drops) > 0 {
		c.Height += curveStrip
	}
}

// draw places the line's points, one per stage column that has a score
// (stages may be nil), and its path, with a gap where a stage has none.
func (l *CurveLine) draw(c *Curve, stages []*model.Stage, score func(*model.Stage) (float64, bool)) {
	var d strings.Builder
	pen := false
	for i, st := range stages {
		if st == nil {
			pen = false
			continue
		}
		v, ok := score(st)
		if !ok {
			pen = false
			continue
		}
		p := CurvePoint{Stage: st.Name, Feeling: st.Feeling, Score: v, X: c.Stages[i].X, Y: c.scoreY(v)}
		p.Shape = markerPath(l.Marker, p.X, p.Y)
		if pen {
			last := l.Points[len(l.Points)-1]
			l.Segs = append(l.Segs, CurveSeg{X1: last.X, Y1: last.Y, X2: p.X, Y2: p.Y})
		}
		switch {
		case pen:
			d.WriteString(" L")
		case d.Len() > 0:
			d.WriteString(" M")
		default:
			d.WriteString("M")
		}
		d.WriteString(ftoa(p.X) + " " + ftoa(p.Y))
		pen = true
		l.Points = append(l.Points, p)
	}
	l.Path = d.String()
}

// scoreY is the y of a score: 5 at the top margin, 1 at the bottom.
func (c *Curve) scoreY(score float64) float64 {
	return c.top + (5-score)/4*curvePlot
}

func markerPath(shape string, x, y float64) string {
	const r = 7
	switch shape {
	case "square":
		return "M" + ftoa(x-r) + " " + ftoa(y-r) + "h14v14h-14z"
	case "diamond":
		return "M" + ftoa(x) + " " + ftoa(y-r-2) + "l9 9-9 9-9-9z"
	case "triangle":
		return "M" + ftoa(x) + " " + ftoa(y-r-1) + "l8 14h-16z"
	}
	return "M" + ftoa(x-r) + " " + ftoa(y) + "a7 7 0 1 0 14 0a7 7 0 1 0-14 0"
}

func ftoa(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

// NewPairCurve puts a current-state map and its future-state map on one
// chart, stage by stage as the pair lines them up: line 1 is the current
// map, line 2 the future one, each at the mean score of its personas.
func NewPairCurve(p *hub.Pair) *Curve {
	c := &Curve{Width: curveCol * max(len(p.Stages), 1), Height: pairTop + curvePlot + curveBottom, top: pairTop}
	for i, s := range p.Stages {
		c.Stages = append(c.Stages, CurveStage{Name: s.Name, X: float64(i*curveCol + curveCol/2)})
	}
	for score := 5; score >= 1; score-- {
		c.Grid = append(c.Grid, CurveGrid{Score: score, Y: c.scoreY(float64(score))})
	}
	c.bands()
	dashes := []string{"", "10 6"}
	markers := []string{"circle", "square"}
	for n, j := range []*model.Journey{p.Current, p.Future} {
		l := CurveLine{N: n + 1, Dash: dashes[n], Marker: markers[n], Name: j.Title}
		stages := make([]*model.Stage, len(p.Stages))
		for i, ps := range p.Stages {
			stages[i] = ps.Current
			if n == 1 {
				stages[i] = ps.Future
			}
		}
		l.draw(c, stages, func(st *model.Stage) (float64, bool) {
			if len(st.Emotion) == 0 {
				return 0, false
			}
			sum := 0.0
			for _, v := range st.Emotion {
				sum += v
			}
			return math.Round(sum/float64(len(st.Emotion))*10) / 10, true
		})
		if len(l.Points) > 0 {
			c.Lines = append(c.Lines, l)
		}
	}
	return c
}
