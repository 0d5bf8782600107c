package render

import (
	"html/template"
	"strings"
	"text/template/parse"

	"github.com/waymark-cx/waymark/generator/model"
)

// The components draw a journey's stage table, its blueprint and its card
// in Go, and inside them the parts that the default theme's partials of
// the same names wrap: partials/items.html is {{itemList .Items .Class}}.
// A theme or site that redraws such a partial sees its version wherever
// the part appears, the stage table included: the component executes the
// partial for that part instead of drawing it.

// The partials a component may draw a part by.
const (
	partStageHead   = "partials/stage-head.html"
	partStrings     = "partials/strings.html"
	partTouchpoints = "partials/touchpoints.html"
	partEmotion     = "partials/emotion.html"
	partItems       = "partials/items.html"
	partMetrics     = "partials/metrics.html"
	partCurve       = "partials/curve.html"
	partReviewBadge = "partials/review-badge.html"
)

// partCalls maps each such partial to its one action in the default
// theme: a partial that is that action alone is drawn in Go.
func partCalls() map[string]string {
	return map[string]string{
		partStageHead:   `{{stageHead .Stage (or .ID "")}}`,
		partStrings:     `{{cellList .}}`,
		partTouchpoints: `{{touchpointList .}}`,
		partEmotion:     `{{emotionCell .Journey .Stage}}`,
		partItems:       `{{itemList .Items .Class}}`,
		partMetrics:     `{{metricList .}}`,
		partCurve:       `{{emotionCurve .}}`,
		partReviewBadge: `{{reviewBadge .}}`,
	}
}

// findRedrawn finds the partials of base that do other than the default
// theme's, with a set of the partials to execute them from; nil when
// none.
func (e *Engine) findRedrawn(base *template.Template) (map[string]*template.Template, error) {
	var names []string
	for name, call := range partCalls() {
		if t := base.Lookup(name); t != nil && t.Tree != nil && !only(t.Tree.Root, call) {
			names = append(names, name)
		}
	}
	if len(names) == 0 {
		return nil, nil
	}
	set, err := base.Clone()
	if err != nil {
		return nil, err
	}
	redrawn := map[string]*template.Template{}
	for _, n := range names {
		redrawn[n] = set
	}
	return redrawn, nil
}

// only reports whether a template is the action call alone (as parsed,
// so spacing inside it does not matter), between blanks and comments.
func only(root *parse.ListNode, call string) bool {
	calls := 0
	for _, n := range root.Nodes {
		switch n := n.(type) {
		case *parse.TextNode:
			if strings.TrimSpace(string(n.Text)) != "" {
				return false
			}
		case *parse.CommentNode:
		case *parse.ActionNode:
			if n.String() != call {
				return false
			}
			calls++
		default:
			return false
		}
	}
	return calls == 1
}

// redraws returns the set to execute the partial name from when a theme
// or site redraws it, else nil.
func (w *htmlw) redraws(name string) *template.Template {
	if w.e.redrawn == nil {
		return nil
	}
	return w.e.redrawn[name]
}

// exec draws a part by its partial; the first error stops the component.
func (w *htmlw) exec(set *template.Template, name string, dot any) {
	if w.err != nil {
		return
	}
	w.err = set.ExecuteTemplate(w, name, dot)
}

// The parts, each drawn by its partial when redrawn, else in Go; each
// partial gets the dot the default theme's gives it.

func (w *htmlw) stageHeadPart(s *model.Stage, id string) {
	if set := w.redraws(partStageHead); set != nil {
		w.exec(set, partStageHead, map[string]any{"Stage": s, "ID": id})
		return
	}
	w.stageHead(s, id)
}

func (w *htmlw) cellListPart(items []string) {
	if set := w.redraws(partStrings); set != nil {
		w.exec(set, partStrings, items)
		return
	}
	w.cellList(items)
}

func (w *htmlw) touchpointsPart(tps []*model.Touchpoint) {
	if set := w.redraws(partTouchpoints); set != nil {
		w.exec(set, partTouchpoints, tps)
		return
	}
	w.touchpointList(tps)
}

func (w *htmlw) emotionPart(j *model.Journey, s *model.Stage) {
	if set := w.redraws(partEmotion); set != nil {
		w.exec(set, partEmotion, map[string]any{"Journey": j, "Stage": s})
		return
	}
	w.emotionCell(j, s)
}

func (w *htmlw) itemsPart(items []model.Item, class string) {
	if set := w.redraws(partItems); set != nil {
		w.exec(set, partItems, map[string]any{"Items": items, "Class": class})
		return
	}
	w.itemList(items, class)
}

func (w *htmlw) metricsPart(ms []*model.Metric) {
	if set := w.redraws(partMetrics); set != nil {
		w.exec(set, partMetrics, ms)
		return
	}
	w.metricList(ms)
}

func (w *htmlw) curvePart(j *model.Journey, c *Curve) {
	if set := w.redraws(partCurve); set != nil {
		w.exec(set, partCurve, j)
		return
	}
	w.drawCurve(j, c)
}

func (w *htmlw) reviewBadgePart(j *model.Journey) {
	if set := w.redraws(partReviewBadge); set != nil {
		w.exec(set, partReviewBadge, j)
		return
	}
	w.reviewBadge(j)
}

// reviewBadge draws a "needs review" badge when j is past its review date.
func (w *htmlw) reviewBadge(j *model.Journey) {
	if j.NeedsReview(w.e.site.Now) {
		w.raw(`<span class="badge badge-review"><span aria-hidden="true">⟳</span> `)
		w.t("review.needs-review")
		w.raw(`</span>`)
	}
}
