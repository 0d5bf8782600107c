package plan

import (
	"github.com/waymark-cx/waymark/generator/export"
	"github.com/waymark-cx/waymark/generator/model"
)

// words are the labels of the CSV downloads in a language: the built-in
// ones (export.WordsFor) with the site's renamings ("csv.actions" in its
// i18n/<language>.toml, or its theme's) when lang is the site's, the
// only language whose strings the build reads.
func (p *Planner) words(lang string) export.Words {
	if w, ok := p.byLang[lang]; ok {
		return w
	}
	if p.byLang == nil {
		p.byLang = map[string]export.Words{}
	}
	w := p.makeWords(lang)
	p.byLang[lang] = w
	return w
}

// makeWords makes words (read-only once made: every download in the
// language shares them).
func (p *Planner) makeWords(lang string) export.Words {
	if lang != p.Site.Config.Language {
		return export.WordsFor(lang, nil)
	}
	own := map[string]string{}
	for _, k := range export.OverrideKeys() {
		// Translate gives "[key]" for a key no string file has.
		if s := p.T(k); s != "["+k+"]" {
			own[k] = s
		}
	}
	return export.WordsFor(lang, own)
}

// journeyWords are the labels of a journey's or template's downloads, in
// its language (export.Language).
func (p *Planner) journeyWords(j *model.Journey) export.Words {
	return p.words(export.Language(j, p.Site.Config.Language))
}
