package importer

import (
	"strings"

	"github.com/waymark-cx/waymark/generator/export"
	"github.com/waymark-cx/waymark/generator/model"
	"github.com/waymark-cx/waymark/generator/slug"
)

// rows knows every label a CSV row may have: its key in the journey
// format ("pain_points"), the labels of every built-in language
// ("Pain points", "Điểm đau") and a site's own (export.Words given to
// CSV). Labels match without regard to case, diacritics, hyphens or
// underscores, so that "hanh dong" is "Hành động" and "drop off" is
// "Drop-off". When two rows would share a label, the key wins over a
// site's label, and a site's label over a built-in one.
type rows struct {
	key   map[string]string       // folded label → key
	words map[string]export.Words // folded label → the words it is from
	all   []string                // every label, for "did you mean"
	langs map[string]export.Words // language → built-in words
}

// rowKeys lists the keys of the rows, in the order export.CSV writes them.
func rowKeys() []string {
	keys := append(export.Facts(), export.KeyStage, export.KeyEmotion)
	for _, l := range export.Lanes() {
		keys = append(keys, l.Key)
	}
	return keys
}

func newRows(own []export.Words) *rows {
	r := &rows{key: map[string]string{}, words: map[string]export.Words{}, langs: map[string]export.Words{}}
	keys := rowKeys()
	add := func(label, key string, w export.Words) {
		f := foldLabel(label)
		if f == "" {
			return
		}
		if _, taken := r.key[f]; !taken {
			r.key[f], r.words[f] = key, w
			r.all = append(r.all, label)
		}
	}
	for _, k := range keys {
		add(k, k, nil)
	}
	for _, w := range own {
		for _, k := range keys {
			if s, ok := w[k]; ok {
				add(s, k, w)
			}
		}
	}
	for _, lang := range export.Languages() {
		w := export.WordsFor(lang, nil)
		r.langs[lang] = w
		for _, k := range keys {
			add(w[k], k, w)
		}
	}
	return r
}

// find gives the key of a label, and the words it is from (nil for a
// key).
func (r *rows) find(label string) (key string, w export.Words, ok bool) {
	f := foldLabel(label)
	key, ok = r.key[f]
	return key, r.words[f], ok
}

// emotion reads "Emotion (lan)", "Cảm xúc (lan)": the label of a
// persona's emotion row, in any language.
func (r *rows) emotion(label string) (persona string, ok bool) {
	open := strings.LastIndex(label, "(")
	if open < 0 || !strings.HasSuffix(strings.TrimSpace(label), ")") {
		return "", false
	}
	if key, _, found := r.find(label[:open]); !found || key != export.KeyEmotion {
		return "", false
	}
	persona = slug.Make(strings.TrimSuffix(strings.TrimSpace(label[open+1:]), ")"))
	return persona, persona != ""
}

// foldLabel is how labels compare: lower case, no diacritics, hyphens and
// underscores as spaces, runs of space as one.
func foldLabel(s string) string {
	s = strings.NewReplacer("_", " ", "-", " ").Replace(slug.Fold(s))
	return strings.Join(strings.Fields(s), " ")
}

// customRows maps the folded name and key of each custom lane to it.
func customRows(lanes []*model.Lane) map[string]*model.Lane {
	out := map[string]*model.Lane{}
	for _, l := range lanes {
		out[foldLabel(l.Key)] = l
		out[foldLabel(l.Name)] = l
	}
	return out
}
