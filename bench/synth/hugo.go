package synth

import (
	"fmt"
)

// WriteHugo writes the same handbook as Write, as a Hugo site whose
// layouts render what Waymark's journey page does at its core: the stage
// table, the persona link and the emotion polyline. It is the fair
// opponent of issue 7's comparison: same data, comparable templates.
func WriteHugo(dir string, n int) error {
	if err := write(dir, "hugo.toml", `baseURL = "https://example.org/bench/"
title = "Synthetic handbook"
disableKinds = ["taxonomy", "term", "RSS"]
[markup.goldmark.renderer]
unsafe = false
`); err != nil {
		return err
	}
	for name, text := range hugoLayouts() {
		if err := write(dir, "layouts/"+name, text); err != nil {
			return err
		}
	}
	for i := range Personas(n) {
		if err := write(dir, fmt.Sprintf("content/personas/persona-%04d.md", i), Persona(i)); err != nil {
			return err
		}
	}
	for i := range n {
		// Hugo reads the same TOML front matter; "title" is its own key
		// too, the rest land in .Params.
		if err := write(dir, JourneyPath(i), Journey(i, n, "")); err != nil {
			return err
		}
	}
	return nil
}

func hugoLayouts() map[string]string {
	base := func(main string) string {
		return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{{ .Title }} · {{ site.Title }}</title></head><body><header><a href="{{ "" | relURL }}">{{ site.Title }}</a></header><main>` + main + `</main></body></html>`
	}
	single := `<h1>{{ .Title }}</h1>
{{ with .Params.persona }}{{ with site.GetPage (printf "/personas/%s" .) }}<p>Persona: <a href="{{ .RelPermalink }}">{{ .Params.name }}</a></p>{{ end }}{{ end }}
{{ with .Params.stage }}
<table><thead><tr><th scope="col">Stage</th>{{ range . }}<th scope="col">{{ .name }}</th>{{ end }}</tr></thead><tbody>
<tr><th scope="row">Actions</th>{{ range . }}<td><ul>{{ range .actions }}<li>{{ . }}</li>{{ end }}</ul></td>{{ end }}</tr>
<tr><th scope="row">Thoughts</th>{{ range . }}<td><ul>{{ range .thoughts }}<li>{{ . }}</li>{{ end }}</ul></td>{{ end }}</tr>
<tr><th scope="row">Pain points</th>{{ range . }}<td><ul>{{ range .pain_points }}<li>{{ if reflect.IsMap . }}{{ .text }}{{ with .owner }} ({{ . }}){{ end }}{{ else }}{{ . }}{{ end }}</li>{{ end }}</ul></td>{{ end }}</tr>
<tr><th scope="row">Opportunities</th>{{ range . }}<td><ul>{{ range .opportunities }}<li>{{ if reflect.IsMap . }}{{ .text }}{{ else }}{{ . }}{{ end }}</li>{{ end }}</ul></td>{{ end }}</tr>
<tr><th scope="row">Touchpoints</th>{{ range . }}<td><ul>{{ range .touchpoint }}<li>{{ .name }} · {{ .channel }} · {{ .kind }} · {{ .owner }}</li>{{ end }}</ul></td>{{ end }}</tr>
<tr><th scope="row">Metrics</th>{{ range . }}<td>{{ range .metric }}{{ .name }}: {{ .value }}{{ .unit }} (target {{ .target }}{{ .unit }}){{ end }}</td>{{ end }}</tr>
<tr><th scope="row">Drop-off</th>{{ range . }}<td>{{ with .drop_off }}{{ mul . 100 }}%{{ end }}</td>{{ end }}</tr>
<tr><th scope="row">Blueprint</th>{{ range . }}<td>{{ with .blueprint }}{{ delimit .evidence ", " }} / {{ delimit .frontstage ", " }} / {{ delimit .backstage ", " }} / {{ delimit .support ", " }}{{ end }}</td>{{ end }}</tr>
<tr><th scope="row">Emotion</th><td colspan="{{ len . }}"><svg viewBox="0 0 {{ mul (len .) 200 }} 200" role="img"><title>Emotion curve</title><polyline fill="none" stroke="currentColor" points="{{ range $i, $s := . }}{{ add (mul $i 200) 100 }},{{ add 34 (div (mul (sub 5 $s.emotion) 150) 4.0) }} {{ end }}"/></svg></td></tr>
</tbody></table>
{{ end }}
{{ .Content }}`
	return map[string]string{
		"_default/single.html": base(single),
		"_default/list.html":   base(`<h1>{{ .Title }}</h1><ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>`),
		"index.html":           base(`<h1>{{ site.Title }}</h1><ul>{{ range site.RegularPages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>`),
		"personas/single.html": base(`<h1>{{ .Params.name }}</h1><p>{{ .Params.role }}</p>{{ .Content }}`),
	}
}
