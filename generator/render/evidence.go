package render

import (
	"html/template"
	"net/url"
	"strings"

	"github.com/waymark-cx/waymark/generator/model"
)

// itemExtras writes what an item card shows of its scores and evidence,
// after its severity, status and owner: a chip of its value and effort,
// and how many sources it rests on, each a link.
func (w *htmlw) itemExtras(it model.Item) {
	if it.Value != 0 || it.Effort != 0 {
		w.raw(` <span class="chip chip-scores">`)
		first := true
		for _, s := range []struct {
			key string
			n   int
		}{{"scores.value", it.Value}, {"scores.business-value", it.BusinessValue}, {"scores.effort", it.Effort}} {
			if s.n == 0 {
				continue
			}
			if !first {
				w.raw(` · `)
			}
			first = false
			w.t(s.key)
			w.raw(` `)
			w.int(s.n)
			w.raw(`/5`)
		}
		w.raw(`</span>`)
	}
	w.evidence(it.Evidence)
}

// evidence writes how many sources an item cites, and a link to each:
// a research note by its title, an outside address by its host.
func (w *htmlw) evidence(evs []model.Evidence) {
	if len(evs) == 0 {
		return
	}
	w.raw(` <span class="item-evidence"><span class="evidence-count">`)
	if len(evs) == 1 {
		w.t("evidence.count-1")
	} else {
		w.t("evidence.count", len(evs))
	}
	w.raw(`:</span><span class="evidence-links">`)
	for i, ev := range evs {
		if i > 0 {
			w.raw(`,`)
		}
		w.raw(` <a class="evidence-link`)
		if ev.External {
			w.raw(` is-external" rel="external noopener`)
		}
		w.raw(`" href="`)
		w.href(ev.URL)
		w.raw(`">`)
		w.text(evidenceName(ev))
		w.raw(`</a>`)
	}
	w.raw(`</span></span>`)
}

// evidenceName is how a link to a source reads: a research note's title,
// an outside address's host and path.
func evidenceName(ev model.Evidence) string {
	if !ev.External {
		if ev.Title != "" {
			return ev.Title
		}
		return ev.Ref
	}
	u, err := url.Parse(ev.URL)
	if err != nil || u.Host == "" {
		return ev.URL
	}
	name := strings.TrimPrefix(u.Host, "www.") + strings.TrimSuffix(u.Path, "/")
	if len([]rune(name)) > 48 {
		name = string([]rune(name)[:47]) + "…"
	}
	return name
}

// evidenceFuncs are the templates' ways to the evidence drawing: hub
// lists and research pages show an item's sources as its card does.
func (e *Engine) evidenceFuncs() template.FuncMap {
	return template.FuncMap{
		"evidence": func(evs []model.Evidence) template.HTML {
			return e.draw(256, func(w *htmlw) { w.evidence(evs) }).html()
		},
		"evidenceName": evidenceName,
	}
}
