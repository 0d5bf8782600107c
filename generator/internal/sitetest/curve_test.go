package sitetest

import (
	"fmt"
	"math"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// The emotion curve (issue 16, point 3).

// curveGeometry measures the curve against the stage columns: each
// marker's and drop-off arrow's centre, and each column's.
const curveGeometry = `(() => {
  const svg = document.querySelector(".curve-svg"), fig = svg.closest("figure");
  const heads = [...document.querySelectorAll(".timeline thead .stage-head")].map(h => { const r = h.getBoundingClientRect(); return (r.left + r.right) / 2; });
  const centre = el => { const r = el.getBoundingClientRect(); return (r.left + r.right) / 2; };
  const lines = [...svg.querySelectorAll(".curve-line")].map(g => ({
    stroke: getComputedStyle(g.querySelector(".curve-stroke line") || g.querySelector(".curve-marker")).stroke,
    dash: g.querySelector(".curve-stroke").getAttribute("stroke-dasharray") || "",
    marker: g.dataset.marker,
    xs: [...g.querySelectorAll(".curve-marker")].map(centre),
  }));
  const bands = [...svg.querySelectorAll(".band")].map(b => ({ name: b.getAttribute("class"), top: b.getBoundingClientRect().top, fill: getComputedStyle(b).fill }));
  const drops = [...svg.querySelectorAll(".curve-drops line")].map(centre);
  const dropCells = [...document.querySelectorAll(".lane-dropoff td")].map(td => { const v = td.querySelector(".dropoff-value"); return v ? v.textContent.trim() : ""; });
  return {
    heads, lines, bands, drops, dropCells,
    key: [...fig.querySelectorAll(".curve-legend li")].map(li => li.textContent.trim()),
    personas: [...document.querySelectorAll(".fact-personas .persona-chip > span:last-child")].map(a => a.textContent.trim()),
    feelings: [...document.querySelectorAll(".emotion-feeling")].map(e => e.textContent.trim()),
    visible: document.querySelector("main").innerText,
    height: svg.getBoundingClientRect().height,
  };
})()`

type curveGeo struct {
	Heads []float64 `json:"heads"`
	Lines []struct {
		Stroke string    `json:"stroke"`
		Dash   string    `json:"dash"`
		Marker string    `json:"marker"`
		Xs     []float64 `json:"xs"`
	} `json:"lines"`
	Bands []struct {
		Name string  `json:"name"`
		Top  float64 `json:"top"`
		Fill string  `json:"fill"`
	} `json:"bands"`
	Drops     []float64 `json:"drops"`
	DropCells []string  `json:"dropCells"`
	Key       []string  `json:"key"`
	Personas  []string  `json:"personas"`
	Feelings  []string  `json:"feelings"`
	Visible   string    `json:"visible"`
	Height    float64   `json:"height"`
}

// TestCurveReads checks the emotion curve of every journey of the example,
// light and dark, at 1280 and 375 px: positive, neutral and negative bands
// from top to bottom; each persona's line its own colour, dash and marker
// shape, named in the key; every marker and drop-off arrow on the centre
// of its stage's column; an arrow for every stage that loses customers;
// and each feeling word once on the page.
func TestCurveReads(t *testing.T) {
	t.Parallel()
	base := siteURL(t, "en")
	many := 0
	for _, width := range []int{1280, 375} {
		for _, scheme := range []string{"light", "dark"} {
			ctx := tab(t, width, 900)
			if err := do(ctx, colorScheme(scheme)); err != nil {
				t.Fatal(err)
			}
			for _, p := range exampleJourneys(t, "en") {
				t.Run(fmt.Sprintf("%d/%s/%s", width, scheme, strings.Trim(p, "/")), func(t *testing.T) {
					open(t, ctx, base+p)
					g := eval[curveGeo](t, ctx, curveGeometry)
					if len(g.Bands) != 3 || !strings.Contains(g.Bands[0].Name, "positive") || !strings.Contains(g.Bands[1].Name, "neutral") ||
						!strings.Contains(g.Bands[2].Name, "negative") || !(g.Bands[0].Top < g.Bands[1].Top && g.Bands[1].Top < g.Bands[2].Top) {
						t.Errorf("bands %+v; want positive, neutral and negative from top to bottom", g.Bands)
					} else if g.Bands[0].Fill == g.Bands[2].Fill {
						t.Errorf("the positive and negative bands are both %s", g.Bands[0].Fill)
					}
					if g.Height < 100 {
						t.Errorf("the curve is %v px high", g.Height)
					}
					styles, colours := map[string]bool{}, map[string]bool{}
					for i, l := range g.Lines {
						styles[l.Dash+"|"+l.Marker], colours[l.Stroke] = true, true
						for j, x := range l.Xs {
							if !nearAny(x, g.Heads, 1.5) {
								t.Errorf("line %d's marker %d is at x=%.1f, on no stage column's centre %v", i+1, j+1, x, g.Heads)
							}
						}
					}
					if len(styles) != len(g.Lines) || len(colours) != len(g.Lines) {
						t.Errorf("%d lines share styles or colours: %+v", len(g.Lines), g.Lines)
					}
					if len(g.Lines) > 1 {
						many++
					}
					for _, name := range g.Personas {
						if len(g.Lines) > 0 && !slices.Contains(g.Key, name) {
							t.Errorf("the key %q does not name persona %q", g.Key, name)
						}
					}
					losing := 0
					for _, v := range g.DropCells {
						if v != "" && strings.Trim(v, "0%  ,.\u00a0") != "" {
							losing++
						}
					}
					if len(g.Drops) != losing {
						t.Errorf("%d drop-off arrows on the curve; %d stages lose customers (%q)", len(g.Drops), losing, g.DropCells)
					}
					for _, x := range g.Drops {
						if !nearAny(x, g.Heads, 1.5) {
							t.Errorf("a drop-off arrow is at x=%.1f, on no stage column's centre %v", x, g.Heads)
						}
					}
					for _, f := range g.Feelings {
						if n := countWord(g.Visible, f); n != 1 {
							t.Errorf("the feeling %q shows %d times; want once", f, n)
						}
					}
				})
			}
		}
	}
	if many == 0 {
		t.Error("no journey has several personas' lines: distinct styles went unchecked")
	}
}

// countWord counts f in s where it stands as words of its own ("Loyal",
// not the start of "Loyalty").
func countWord(s, f string) int {
	return len(regexp.MustCompile(`(^|[^\pL\pN])`+regexp.QuoteMeta(f)+`($|[^\pL\pN])`).FindAllStringIndex(s, -1))
}

func nearAny(x float64, xs []float64, tol float64) bool {
	for _, v := range xs {
		if x-v <= tol && v-x <= tol {
			return true
		}
	}
	return false
}

// TestCurveColours: the persona line colours are told apart by readers
// with each common colour-vision deficiency (simulated with the Machado,
// Oliveira and Fernandes 2009 matrices at full severity), and each has at
// least 3:1 contrast with the plot, light and dark, as WCAG asks of
// graphics.
func TestCurveColours(t *testing.T) {
	t.Parallel()
	base := siteURL(t, "en")
	for _, scheme := range []string{"light", "dark"} {
		t.Run(scheme, func(t *testing.T) {
			ctx := tab(t, 1280, 900)
			if err := do(ctx, colorScheme(scheme)); err != nil {
				t.Fatal(err)
			}
			open(t, ctx, base+"journeys/mega-sale-11-11/")
			c := eval[struct {
				Lines [][3]float64 `json:"lines"`
				Bg    [3]float64   `json:"bg"`
			}](t, ctx, `(() => {
			  const rgb = s => s.match(/[\d.]+/g).slice(0, 3).map(Number);
			  const probe = document.createElement("span");
			  document.body.append(probe);
			  const lines = [1, 2, 3, 4].map(n => { probe.style.color = "var(--line-" + n + ")"; return rgb(getComputedStyle(probe).color); });
			  probe.style.color = "var(--surface)";
			  const bg = rgb(getComputedStyle(probe).color);
			  probe.remove();
			  return { lines, bg };
			})()`)
			sims := map[string][3][3]float64{
				"normal":       {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}},
				"protanopia":   {{0.152286, 1.052583, -0.204868}, {0.114503, 0.786281, 0.099216}, {-0.003882, -0.048116, 1.051998}},
				"deuteranopia": {{0.367322, 0.860646, -0.227968}, {0.280085, 0.672501, 0.047413}, {-0.011820, 0.042940, 0.968881}},
				"tritanopia":   {{1.255528, -0.076749, -0.178779}, {-0.078411, 0.930809, 0.147602}, {0.004733, 0.691367, 0.303900}},
			}
			for i, a := range c.Lines {
				if r := contrast(a, c.Bg); r < 3 {
					t.Errorf("line %d (%v) has %.2f:1 contrast with the plot (%v); want 3:1", i+1, a, r, c.Bg)
				}
				for j := i + 1; j < len(c.Lines); j++ {
					for name, m := range sims {
						if d := distance(simulate(m, a), simulate(m, c.Lines[j])); d < 0.12 {
							t.Errorf("with %s, lines %d and %d look alike (distance %.3f in linear RGB)", name, i+1, j+1, d)
						}
					}
				}
			}
		})
	}
}

func linear(c float64) float64 {
	c /= 255
	if c <= 0.04045 {
		return c / 12.92
	}
	return math.Pow((c+0.055)/1.055, 2.4)
}

func simulate(m [3][3]float64, c [3]float64) [3]float64 {
	l := [3]float64{linear(c[0]), linear(c[1]), linear(c[2])}
	var out [3]float64
	for i := range out {
		out[i] = min(max(m[i][0]*l[0]+m[i][1]*l[1]+m[i][2]*l[2], 0), 1)
	}
	return out
}

func distance(a, b [3]float64) float64 {
	s := 0.0
	for i := range a {
		s += (a[i] - b[i]) * (a[i] - b[i])
	}
	return math.Sqrt(s)
}

func contrast(a, b [3]float64) float64 {
	lum := func(c [3]float64) float64 {
		return 0.2126*linear(c[0]) + 0.7152*linear(c[1]) + 0.0722*linear(c[2])
	}
	x, y := lum(a)+0.05, lum(b)+0.05
	return max(x, y) / min(x, y)
}
