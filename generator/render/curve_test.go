package render

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/waymark-cx/waymark/generator/hub"
	"github.com/waymark-cx/waymark/generator/model"
)

func persona(slug, name string) *model.Persona {
	return &model.Persona{Entry: model.Entry{Slug: slug}, Name: name}
}

// journeyWith makes a journey whose stages have the given emotion scores,
// one map per stage.
func journeyWith(personas []*model.Persona, scores ...map[string]float64) *model.Journey {
	j := &model.Journey{Title: "Buy"}
	for _, p := range personas {
		j.PersonaSlugs = append(j.PersonaSlugs, p.Slug)
		j.Personas = append(j.Personas, p)
	}
	for i, s := range scores {
		j.Stages = append(j.Stages, &model.Stage{Index: i, Name: "Stage " + strconv.Itoa(i+1), Emotion: s, Feeling: "feeling " + strconv.Itoa(i+1)})
	}
	return j
}

func TestCurveGeometry(t *testing.T) {
	lan, minh := persona("lan", "Nguyễn Thị Lan"), persona("minh", "Trần Minh")
	j := journeyWith([]*model.Persona{lan, minh},
		map[string]float64{"lan": 5, "minh": 2},
		map[string]float64{"lan": 3}, // minh has no score here
		map[string]float64{"lan": 1, "minh": 4},
	)
	c := NewCurve(j)

	if c.Width != 600 || c.Height <= 0 {
		t.Errorf("size %d×%d, want width 600 (3 columns of 200)", c.Width, c.Height)
	}
	var xs []float64
	for i, s := range c.Stages {
		xs = append(xs, s.X)
		if s.Name != j.Stages[i].Name {
			t.Errorf("stage %d named %q", i, s.Name)
		}
	}
	if !slices.Equal(xs, []float64{100, 300, 500}) {
		t.Errorf("stage x = %v, want [100 300 500]", xs)
	}

	// The grid runs from 5 at the top to 1 at the bottom, evenly spaced,
	// inside the drawing.
	if len(c.Grid) != 5 {
		t.Fatalf("grid has %d lines, want 5", len(c.Grid))
	}
	for i, g := range c.Grid {
		if g.Score != 5-i {
			t.Errorf("grid %d is score %d, want %d", i, g.Score, 5-i)
		}
		if g.Y <= 0 || g.Y >= float64(c.Height) {
			t.Errorf("grid %d at y=%v, outside 0…%d", g.Score, g.Y, c.Height)
		}
		if i > 0 {
			step := g.Y - c.Grid[i-1].Y
			if want := c.Grid[1].Y - c.Grid[0].Y; step <= 0 || step != want {
				t.Errorf("grid step %v between %d and %d, want %v (> 0)", step, c.Grid[i-1].Score, g.Score, want)
			}
		}
	}
	top, bottom := c.Grid[0].Y, c.Grid[4].Y
	yOf := func(score float64) float64 { return bottom - (score-1)/4*(bottom-top) }

	if len(c.Lines) != 2 {
		t.Fatalf("%d lines, want 2", len(c.Lines))
	}
	l1, l2 := c.Lines[0], c.Lines[1]
	if l1.Persona != lan || l1.Name != "Nguyễn Thị Lan" || l1.N != 1 || l2.Persona != minh || l2.Name != "Trần Minh" || l2.N != 2 {
		t.Errorf("lines are %q #%d and %q #%d, want Lan #1 and Minh #2", l1.Name, l1.N, l2.Name, l2.N)
	}

	// Lan: a continuous line from the top to the bottom.
	if want := "M100 " + ftoa(top) + " L300 " + ftoa(yOf(3)) + " L500 " + ftoa(bottom); l1.Path != want {
		t.Errorf("Lan's path = %q, want %q", l1.Path, want)
	}
	if strings.Count(l1.Path, "M") != 1 {
		t.Errorf("Lan's path has a gap: %q", l1.Path)
	}
	checkPoints(t, l1, []float64{100, 300, 500}, []float64{5, 3, 1}, yOf)
	if l1.Points[0].Y >= l1.Points[2].Y {
		t.Errorf("score 5 at y=%v is not above score 1 at y=%v", l1.Points[0].Y, l1.Points[2].Y)
	}

	// Minh: two pieces, the pen lifted over the middle stage.
	if want := "M100 " + ftoa(yOf(2)) + " M500 " + ftoa(yOf(4)); l2.Path != want {
		t.Errorf("Minh's path = %q, want %q", l2.Path, want)
	}
	if !regexp.MustCompile(`^M[\d.]+ [\d.]+ M[\d.]+ [\d.]+$`).MatchString(l2.Path) {
		t.Errorf("Minh's path %q is not two separate moves", l2.Path)
	}
	checkPoints(t, l2, []float64{100, 500}, []float64{2, 4}, yOf)

	// Lines differ by more than colour.
	if l1.Dash == l2.Dash || l1.Marker == l2.Marker {
		t.Errorf("lines 1 and 2 share a dash (%q, %q) or marker (%q, %q)", l1.Dash, l2.Dash, l1.Marker, l2.Marker)
	}
}

func checkPoints(t *testing.T, l CurveLine, xs, scores []float64, yOf func(float64) float64) {
	t.Helper()
	if len(l.Points) != len(xs) {
		t.Fatalf("%s: %d points, want %d", l.Name, len(l.Points), len(xs))
	}
	for i, p := range l.Points {
		if p.X != xs[i] || p.Score != scores[i] || p.Y != yOf(scores[i]) {
			t.Errorf("%s point %d = (%v, %v) score %v, want (%v, %v) score %v", l.Name, i, p.X, p.Y, p.Score, xs[i], yOf(scores[i]), scores[i])
		}
		if p.Stage == "" || !strings.HasPrefix(p.Feeling, "feeling ") {
			t.Errorf("%s point %d: stage %q, feeling %q", l.Name, i, p.Stage, p.Feeling)
		}
		if !strings.HasPrefix(p.Shape, "M") || !strings.Contains(p.Shape, ftoa(p.X-7)) && !strings.Contains(p.Shape, ftoa(p.X)) {
			t.Errorf("%s point %d: marker %q not at x=%v", l.Name, i, p.Shape, p.X)
		}
	}
}

func TestCurveExactScale(t *testing.T) {
	// The documented scale: 16 units of margin above score 5, 150 units
	// from 5 down to 1, 16 below; no drop-off, so no strip under it.
	c := NewCurve(journeyWith(nil, map[string]float64{"": 5}, map[string]float64{"": 1}, map[string]float64{"": 2.5}))
	if len(c.Lines) != 1 {
		t.Fatalf("%d lines, want 1", len(c.Lines))
	}
	l := c.Lines[0]
	if l.Path != "M100 16 L300 166 L500 109.75" {
		t.Errorf("path = %q", l.Path)
	}
	if c.Height != 182 || c.Width != 600 || len(c.Drops) != 0 {
		t.Errorf("size %d×%d with %d drops, want 600×182 and none", c.Width, c.Height, len(c.Drops))
	}
}

// TestCurveBands: the plot is cut into positive (above 3.5), neutral and
// negative (below 2.5) bands that tile it from top to bottom.
func TestCurveBands(t *testing.T) {
	c := NewCurve(journeyWith(nil, map[string]float64{"": 5}, map[string]float64{"": 1}))
	var names []string
	y := 0.0
	for _, b := range c.Bands {
		names = append(names, b.Name)
		if b.Y != y || b.H <= 0 {
			t.Errorf("band %s at y=%v height %v, want it to start at %v", b.Name, b.Y, b.H, y)
		}
		y = b.Y + b.H
	}
	if !slices.Equal(names, []string{"positive", "neutral", "negative"}) {
		t.Errorf("bands %q", names)
	}
	if y != float64(c.Height) {
		t.Errorf("bands end at %v, the curve at %d", y, c.Height)
	}
	if c.Bands[1].Y != c.scoreY(3.5) || c.Bands[2].Y != c.scoreY(2.5) {
		t.Errorf("neutral band from %v to %v, want scores 3.5 to 2.5", c.Bands[1].Y, c.Bands[2].Y)
	}
}

// TestCurveDrops: a stage that loses customers gets an arrow down from
// under its lowest point to a strip added under the plot; a stage that
// loses none, or has no share, gets none.
func TestCurveDrops(t *testing.T) {
	a, b := persona("a", "A"), persona("b", "B")
	j := journeyWith([]*model.Persona{a, b},
		map[string]float64{"a": 4, "b": 2},
		map[string]float64{"a": 3},
		map[string]float64{"a": 5})
	j.Stages[0].DropOff, j.Stages[0].HasDropOff, j.Stages[0].Alert = 0.42, true, true
	j.Stages[1].HasDropOff = true // 0 %
	c := NewCurve(j)
	if len(c.Drops) != 1 {
		t.Fatalf("%d drops, want 1: %+v", len(c.Drops), c.Drops)
	}
	d := c.Drops[0]
	if d.X != 100 || d.Share != 0.42 || !d.Alert || d.Stage != j.Stages[0].Name {
		t.Errorf("drop = %+v", d)
	}
	if d.Y1 <= c.scoreY(2) || d.Y2 <= d.Y1 || d.Y2 > float64(c.Height) {
		t.Errorf("arrow from %v to %v: want it under B's point (%v) and inside the curve (%d)", d.Y1, d.Y2, c.scoreY(2), c.Height)
	}
	if c.Height != 182+curveStrip {
		t.Errorf("height %d, want the strip added: %d", c.Height, 182+curveStrip)
	}
}

func TestCurveWithoutPersonas(t *testing.T) {
	c := NewCurve(journeyWith(nil, map[string]float64{"": 4}, map[string]float64{"": 2}))
	if len(c.Lines) != 1 {
		t.Fatalf("%d lines, want 1", len(c.Lines))
	}
	l := c.Lines[0]
	if l.Name != "" || l.Persona != nil || l.N != 1 || len(l.Points) != 2 {
		t.Errorf("line = %+v", l)
	}
}

func TestCurveSkipsPersonasWithoutScores(t *testing.T) {
	a, b, ghost := persona("a", "A"), persona("b", "B"), persona("ghost", "Ghost")
	c := NewCurve(journeyWith([]*model.Persona{a, ghost, b},
		map[string]float64{"a": 3, "b": 4},
		map[string]float64{"a": 3},
	))
	var names []string
	var ns []int
	for _, l := range c.Lines {
		names = append(names, l.Name)
		ns = append(ns, l.N)
	}
	if !slices.Equal(names, []string{"A", "B"}) {
		t.Errorf("lines %q, want A and B (Ghost has no score)", names)
	}
	// Numbers follow the journey's persona order, so that a persona keeps
	// its line style whether or not others have scores.
	if !slices.Equal(ns, []int{1, 3}) {
		t.Errorf("line numbers %v, want [1 3]", ns)
	}
	// A single point is a lone move.
	if got := c.Lines[1].Path; got != "M100 "+ftoa(c.scoreY(4)) {
		t.Errorf("B's path = %q", got)
	}
}

func TestCurveUnresolvedPersonaUsesSlug(t *testing.T) {
	j := journeyWith(nil, map[string]float64{"unknown": 3})
	j.PersonaSlugs = []string{"unknown"}
	c := NewCurve(j)
	if len(c.Lines) != 1 || c.Lines[0].Name != "unknown" || c.Lines[0].Persona != nil {
		t.Errorf("lines = %+v", c.Lines)
	}
}

func TestCurveStylesCycle(t *testing.T) {
	var ps []*model.Persona
	scores := map[string]float64{}
	for i := range 6 {
		p := persona("p"+strconv.Itoa(i), "P"+strconv.Itoa(i))
		ps = append(ps, p)
		scores[p.Slug] = float64(1 + i%5)
	}
	c := NewCurve(journeyWith(ps, scores))
	if len(c.Lines) != 6 {
		t.Fatalf("%d lines", len(c.Lines))
	}
	seen := map[string]bool{}
	for _, l := range c.Lines[:4] {
		style := l.Dash + "|" + l.Marker
		if seen[style] {
			t.Errorf("line %d repeats style %q among the first four", l.N, style)
		}
		seen[style] = true
		if !slices.Contains([]string{"circle", "square", "diamond", "triangle"}, l.Marker) {
			t.Errorf("line %d: marker %q", l.N, l.Marker)
		}
	}
	if c.Lines[0].Dash != "" {
		t.Errorf("first line dashed %q, want solid", c.Lines[0].Dash)
	}
	if c.Lines[4].Dash != c.Lines[0].Dash || c.Lines[4].Marker != c.Lines[0].Marker || c.Lines[4].N != 5 {
		t.Errorf("line 5 = %+v, want line 1's style again and N=5", c.Lines[4])
	}
}

func TestCurveNoStages(t *testing.T) {
	c := NewCurve(&model.Journey{PersonaSlugs: []string{"lan"}})
	if c.Width != 200 || len(c.Stages) != 0 || len(c.Lines) != 0 || len(c.Grid) != 5 {
		t.Errorf("curve = %+v", c)
	}
}

func TestMarkerPath(t *testing.T) {
	tests := []struct {
		shape string
		want  string
	}{
		{"circle", "M93 34a7 7 0 1 0 14 0a7 7 0 1 0-14 0"},
		{"square", "M93 27h14v14h-14z"},
		{"diamond", "M100 25l9 9-9 9-9-9z"},
		{"triangle", "M100 26l8 14h-16z"},
		{"unknown", "M93 34a7 7 0 1 0 14 0a7 7 0 1 0-14 0"},
	}
	for _, tt := range tests {
		if got := markerPath(tt.shape, 100, 34); got != tt.want {
			t.Errorf("markerPath(%q) = %q, want %q", tt.shape, got, tt.want)
		}
	}
	if got := ftoa(146.5); got != "146.5" {
		t.Errorf("ftoa = %q", got)
	}
}

// TestCurvePercentages: the journey page draws the curve in percentages
// of its box; a point on a column's centre is at that column's share of
// the width, and the segments join neighbouring scored stages only.
func TestCurvePercentages(t *testing.T) {
	c := NewCurve(journeyWith(nil, map[string]float64{"": 5}, map[string]float64{}, map[string]float64{"": 1}, map[string]float64{"": 3}))
	if got := c.PctX(c.Stages[1].X); got != "37.5%" {
		t.Errorf("the second of four columns' centre is at %s, want 37.5%%", got)
	}
	if got := c.PctY(c.scoreY(5)); got != pct(curveTop, c.Height) || c.PctY(float64(c.Height)) != "100%" {
		t.Errorf("score 5 at %s, the bottom at %s", got, c.PctY(float64(c.Height)))
	}
	l := c.Lines[0]
	if len(l.Segs) != 1 || l.Segs[0].X1 != c.Stages[2].X || l.Segs[0].X2 != c.Stages[3].X {
		t.Errorf("segments %+v; want one, from stage 3 to stage 4 (stage 2 has no score)", l.Segs)
	}
	if got := l.MarkerShape(); got != markerPath("circle", 0, 0) {
		t.Errorf("marker shape %q", got)
	}
}

// TestPairCurveTop: the pair's chart keeps room above score 5 for the
// score it writes over each point, has the journey chart's bands, and no
// drop-off: two maps' drop-offs at one stage would be one arrow for two.
func TestPairCurveTop(t *testing.T) {
	cur := journeyWith(nil, map[string]float64{"": 5}, map[string]float64{"": 2})
	fut := journeyWith(nil, map[string]float64{"": 4}, map[string]float64{"": 5})
	cur.Stages[0].DropOff, cur.Stages[0].HasDropOff = 0.5, true
	c := NewPairCurve(&hub.Pair{Current: cur, Future: fut, Stages: []hub.PairStage{
		{Name: "a", Current: cur.Stages[0], Future: fut.Stages[0]},
		{Name: "b", Current: cur.Stages[1], Future: fut.Stages[1]},
	}})
	if len(c.Lines) != 2 || c.Lines[0].Points[0].Y != pairTop || c.Height != pairTop+curvePlot+curveBottom {
		t.Errorf("the pair's chart: %d lines, score 5 at y=%v, height %d; want 2, %d and %d",
			len(c.Lines), c.Lines[0].Points[0].Y, c.Height, pairTop, pairTop+curvePlot+curveBottom)
	}
	if len(c.Bands) != 3 || c.Bands[0].Y != 0 || c.Bands[1].Y != c.scoreY(3.5) || c.Bands[2].Y+c.Bands[2].H != float64(c.Height) {
		t.Errorf("the pair's chart has bands %v; want positive from the top, neutral from 3.5, negative to the bottom", c.Bands)
	}
	if len(c.Drops) != 0 {
		t.Errorf("the pair's chart has drops %v", c.Drops)
	}
}
