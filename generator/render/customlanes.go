package render

import (
	"github.com/waymark-cx/waymark/generator/model"
)

// followers maps each built-in lane of j to the custom lanes drawn right
// after it (model.Journey.Rows), "" to those drawn before every built-in
// lane: the grid draws a built-in lane, then its followers, whether or
// not the built-in lane itself has anything to show.
func followers(j *model.Journey) map[string][]*model.Lane {
	if len(j.Lanes) == 0 {
		return nil
	}
	out := map[string][]*model.Lane{}
	last := ""
	for _, r := range j.Rows() {
		if r.Lane == nil {
			last = r.Key
			continue
		}
		out[last] = append(out[last], r.Lane)
	}
	return out
}

// customLane writes the row of a custom lane, unless no stage fills it:
// its name, its description as a hint under it, and each stage's value in
// the shape of its kind.
func (w *htmlw) customLane(j *model.Journey, l *model.Lane) {
	filled := false
	for _, s := range j.Stages {
		filled = filled || !s.Lane(l.Key).Empty()
	}
	if !filled {
		return
	}
	w.raw(`<tr class="lane lane-custom lane-kind-`, string(l.Kind), `" data-lane="`)
	w.attr(l.Key)
	w.raw(`"><th scope="row">`)
	w.text(l.Name)
	if l.Description != "" {
		w.raw(`<span class="lane-hint">`)
		w.text(l.Description)
		w.raw(`</span>`)
	}
	w.raw(`</th>`)
	for _, s := range j.Stages {
		w.raw("<td>")
		if v := s.Lane(l.Key); !v.Empty() {
			w.laneValue(j, l, v)
		}
		w.raw("</td>")
	}
	w.raw("</tr>")
}

// laneValue draws one stage's value of a custom lane.
func (w *htmlw) laneValue(j *model.Journey, l *model.Lane, v *model.LaneValue) {
	switch l.Kind {
	case model.LaneList:
		w.cellListPart(v.List)
	case model.LaneText:
		w.raw(`<div class="lane-text">`)
		w.raw(string(w.e.markdown(v.Text, j.Path)))
		w.raw(`</div>`)
	case model.LaneItems:
		w.itemsPart(v.Items, "lane-items")
	case model.LaneScore:
		// The score in words for everyone, and a bar for the eye.
		share := (v.Score - l.Min) / (l.Max - l.Min)
		w.raw(`<div class="lane-score"><span class="lane-score-value">`, w.e.nums.num(v.Score),
			`</span><span class="lane-score-scale"> / `, w.e.nums.num(l.Max), `</span>`,
			`<span class="lane-score-bar" aria-hidden="true"><span style="width:`, percent(share), `"></span></span></div>`)
	}
}

// actionsCell draws a stage's actions: with their own emotion and
// personas (a Mermaid task's score and actors) when some action has them.
func (w *htmlw) actionsCell(j *model.Journey, s *model.Stage) {
	if len(s.ActionDetails) == 0 {
		w.cellListPart(s.Actions)
		return
	}
	w.raw(`<ul class="cell-list actions-scored">`)
	for _, a := range s.ActionDetails {
		w.raw(`<li>`)
		w.text(a.Text)
		if a.HasEmotion || len(a.Personas) > 0 {
			w.raw(`<span class="action-meta">`)
			if a.HasEmotion {
				w.score("chip chip-emo", a.Emotion, "", 0)
			}
			for i, slug := range a.Personas {
				if i > 0 {
					w.raw(`, `)
				} else if a.HasEmotion {
					w.raw(` `)
				}
				w.raw(`<span class="action-persona">`)
				name := slug
				if p := j.PersonaBySlug(slug); p != nil {
					name = p.Name
				}
				w.text(name)
				w.raw(`</span>`)
			}
			w.raw(`</span>`)
		}
		w.raw(`</li>`)
	}
	w.raw(`</ul>`)
}
