package main

import (
	"bytes"
	"embed"
	"fmt"
	"io/fs"
	"slices"
	"text/template"

	"github.com/waymark-cx/waymark/generator/model"
	"github.com/waymark-cx/waymark/generator/source"
)

// starters are the texts new persona, new journey and import write, one
// file per language: persona.<lang>.md (also for the personas import
// writes), journey.<lang>.md (the notes of a map with the site's stages),
// journey-template.<lang>.md (the notes of a map started from a template,
// which replace the template's workshop instructions) and
// journey-import.<lang>.md (the notes of an imported map). They are text/templates; toml quotes a TOML string.
//
//go:embed scaffold/new
var starters embed.FS

// starter executes the starter name ("persona", "journey",
// "journey-template") in language lang, English when Waymark has no
// starter in that language.
func starter(name, lang string, data any) ([]byte, error) {
	if !slices.Contains(model.Languages(), lang) {
		lang = "en"
	}
	file := fmt.Sprintf("scaffold/new/%s.%s.md", name, lang)
	t, err := template.New(name).Funcs(template.FuncMap{"toml": tomlString}).ParseFS(starters, file)
	if err != nil {
		return nil, err
	}
	var out bytes.Buffer
	err = t.ExecuteTemplate(&out, name+"."+lang+".md", data)
	return out.Bytes(), err
}

// defaultStages are a new journey's stages when the site sets none, in
// the site's language: the B2B preset of content/guides/stage-models.md.
func defaultStages(lang string) []string {
	if lang == "vi" {
		return []string{"Nhận biết", "Cân nhắc", "Quyết định", "Duy trì", "Ủng hộ"}
	}
	return []string{"Awareness", "Consideration", "Decision", "Retention", "Advocacy"}
}

// siteLanguage is the language waymark.toml sets, "en" when it sets none
// or cannot be read: a starter in English is better than none, and check
// reports the configuration's mistakes.
func siteLanguage(site fs.FS) string {
	b, err := fs.ReadFile(site, "waymark.toml")
	if err != nil {
		return "en"
	}
	doc, err := source.Decode("waymark.toml", b, 1)
	if err != nil {
		return "en"
	}
	if l, ok := doc.Data["language"].(string); ok && slices.Contains(model.Languages(), l) {
		return l
	}
	return "en"
}
