package synth

// hugoLayouts are the Hugo site's templates: html/template like Waymark's
// theme, the journey's stage table drawn the same way on its page and
// its print page.
func hugoLayouts() map[string]string {
	base := func(main string) string {
		return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{{ .Title }} · {{ site.Title }}</title></head><body><header><a href="{{ "" | relURL }}">{{ site.Title }}</a> <a href="{{ "journeys/" | relURL }}">Journeys</a> <a href="{{ "personas/" | relURL }}">Personas</a> <a href="{{ "tags/" | relURL }}">Tags</a> <a href="{{ "owners/" | relURL }}">Owners</a></header><main>` + main + `</main></body></html>`
	}
	card := `<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Params.type }} · {{ .Params.summary }}</li>`
	return map[string]string{
		"_partials/stages.html": stageTable,
		"_partials/card.html":   card,
		"single.html": base(`<h1>{{ .Title }}</h1>
{{ range .GetTerms "personas" }}<p>Persona: <a href="{{ .RelPermalink }}">{{ .Params.name }}</a></p>{{ end }}
<p>{{ range .GetTerms "tags" }}<a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a> {{ end }}</p>
<ul>{{ range .AlternativeOutputFormats }}<li><a href="{{ .RelPermalink }}" download>{{ .Name }}</a></li>{{ end }}</ul>
{{ partial "stages.html" . }}
{{ .Content }}`),
		"single.print.html": base(`<h1>{{ .Title }}</h1>{{ range .GetTerms "personas" }}<p>Persona: {{ .Params.name }}</p>{{ end }}{{ partial "stages.html" . }}{{ .Content }}`),
		"single.csv.csv": `Journey,{{ .Title }}
Type,{{ .Params.type }}
Summary,"{{ .Params.summary }}"
Owner,{{ .Params.owner }}
Tags,"{{ delimit .Params.tags "\n" }}"
{{ with .Params.stage }}Stage{{ range . }},{{ .name }}{{ end }}
Description{{ range . }},"{{ .description }}"{{ end }}
Emotion{{ range . }},{{ .emotion }}{{ end }}
Feeling{{ range . }},"{{ .feeling }}"{{ end }}
Actions{{ range . }},"{{ delimit .actions "\n" }}"{{ end }}
Thoughts{{ range . }},"{{ delimit .thoughts "\n" }}"{{ end }}
Pain points{{ range . }},"{{ range $i, $p := .pain_points }}{{ if $i }}{{ "\n" }}{{ end }}{{ if reflect.IsMap $p }}{{ $p.text }}{{ else }}{{ $p }}{{ end }}{{ end }}"{{ end }}
Opportunities{{ range . }},"{{ range $i, $p := .opportunities }}{{ if $i }}{{ "\n" }}{{ end }}{{ if reflect.IsMap $p }}{{ $p.text }}{{ else }}{{ $p }}{{ end }}{{ end }}"{{ end }}
Touchpoints{{ range . }},"{{ range $i, $t := .touchpoint }}{{ if $i }}{{ "\n" }}{{ end }}{{ $t.name }} ({{ $t.channel }}, {{ $t.owner }}){{ end }}"{{ end }}
Metrics{{ range . }},"{{ range .metric }}{{ .name }}: {{ .value }}{{ .unit }}{{ end }}"{{ end }}
Drop-off{{ range . }},{{ .drop_off }}{{ end }}
{{ end }}`,
		"single.json.json": `{{ dict "title" .Title "type" .Params.type "personas" .Params.personas "summary" .Params.summary "owner" .Params.owner "tags" .Params.tags "last_reviewed" .Params.last_reviewed "stages" .Params.stage | jsonify (dict "indent" "  ") }}`,
		"single.mmd.mmd": `journey
    title {{ .Title }}
    accDescr: {{ .Params.summary }}
{{ range .Params.stage }}    section {{ .name }}
      {{ .name }}: {{ .emotion }}: {{ index $.Params.personas 0 }}
{{ range .actions }}      {{ . }}: -
{{ end }}{{ end }}`,
		"single.md.md":          "+++\n{{ transform.Remarshal \"toml\" (jsonify .Params) }}+++\n{{ .RawContent }}",
		"list.html":             base(`<h1>{{ .Title }}</h1>{{ .Content }}<ul>{{ range .Pages }}{{ partial "card.html" . }}{{ end }}</ul>`),
		"home.html":             base(`<h1>{{ site.Title }}</h1>{{ .Content }}<ul>{{ range first 20 (where site.RegularPages "Section" "journeys") }}{{ partial "card.html" . }}{{ end }}</ul>`),
		"home.searchindex.json": `[{{ range $i, $p := where site.RegularPages "Section" "journeys" }}{{ if $i }},{{ end }}{{ $stages := slice }}{{ range $p.Params.stage }}{{ $tps := slice }}{{ range .touchpoint }}{{ $tps = $tps | append .name }}{{ end }}{{ $stages = $stages | append (dict "t" .name "d" .description "p" $tps) }}{{ end }}{{ dict "k" "journey" "t" $p.Title "u" $p.RelPermalink "c" $p.Params.summary "s" $stages | jsonify }}{{ end }}]`,
		"taxonomy.html":         base(`<h1>{{ .Title }}</h1><ul>{{ range .Data.Terms.ByCount }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.LinkTitle }}</a> ({{ .Count }})</li>{{ end }}</ul>`),
		"term.html":             base(`<h1>{{ .Title }}</h1><ul>{{ range .Pages }}{{ partial "card.html" . }}{{ end }}</ul>`),
		"tags/term.csv.csv":     "Journey,URL,Type,Summary\n{{ range .Pages }}{{ .Title }},{{ .Permalink }},{{ .Params.type }},\"{{ .Params.summary }}\"\n{{ end }}",
		"personas/term.html": base(`<h1>{{ .Params.name }}</h1><p>{{ .Params.role }} · {{ .Params.segment }}</p><blockquote>{{ .Params.quote }}</blockquote>{{ .Content }}
<h2>Journeys</h2><ul>{{ range .Pages }}{{ partial "card.html" . }}{{ end }}</ul>
<h2>Pain points by stage</h2>{{ range $s := slice "Awareness" "Consideration" "Decision" "Retention" "Advocacy" }}<h3>{{ $s }}</h3><ul>{{ range $.Pages }}{{ $j := . }}{{ range .Params.stage }}{{ if eq .name $s }}{{ range .pain_points }}<li>{{ if reflect.IsMap . }}{{ .text }}{{ else }}{{ . }}{{ end }} · <a href="{{ $j.RelPermalink }}">{{ $j.Title }}</a></li>{{ end }}{{ end }}{{ end }}{{ end }}</ul>{{ end }}`),
		"owners/term.html": base(`<h1>{{ .Title }}</h1>{{ $o := .Title }}<h2>Journeys</h2><ul>{{ range where .Pages "Params.owner" $o }}{{ partial "card.html" . }}{{ end }}</ul>
<h2>Touchpoints</h2><ul>{{ range first 100 .Pages }}{{ $j := . }}{{ range .Params.stage }}{{ range .touchpoint }}{{ if eq .owner $o }}<li>{{ .name }} · {{ .channel }} · <a href="{{ $j.RelPermalink }}">{{ $j.Title }}</a></li>{{ end }}{{ end }}{{ end }}{{ end }}</ul>`),
		"owners/term.ownerjourneys.csv":             "Journey,URL,Type,Summary\n{{ range where .Pages \"Params.owner\" .Title }}{{ .Title }},{{ .Permalink }},{{ .Params.type }},\"{{ .Params.summary }}\"\n{{ end }}",
		"owners/term.ownertouchpoints.csv":          "Touchpoint,Channel,Kind,Owner,Journey,Journey URL,Stage\n{{ $o := .Title }}{{ range .Pages }}{{ $j := . }}{{ range .Params.stage }}{{ $s := .name }}{{ range .touchpoint }}{{ if eq .owner $o }}{{ .name }},{{ .channel }},{{ .kind }},{{ .owner }},{{ $j.Title }},{{ $j.Permalink }},{{ $s }}\n{{ end }}{{ end }}{{ end }}{{ end }}",
		"owners/term.ownerpainpoints.csv":           "Pain point,Owner,Status,Severity,Journey,Journey URL,Stage\n{{ $o := .Title }}{{ range .Pages }}{{ $j := . }}{{ range .Params.stage }}{{ $s := .name }}{{ range .pain_points }}{{ if and (reflect.IsMap .) (eq .owner $o) }}{{ .text }},{{ .owner }},{{ .status }},{{ .severity }},{{ $j.Title }},{{ $j.Permalink }},{{ $s }}\n{{ end }}{{ end }}{{ end }}{{ end }}",
		"owners/term.owneropportunities.csv":        "Opportunity,Owner,Status,Journey,Journey URL,Stage\n{{ $o := .Title }}{{ range .Pages }}{{ $j := . }}{{ range .Params.stage }}{{ $s := .name }}{{ range .opportunities }}{{ if and (reflect.IsMap .) (eq .owner $o) }}{{ .text }},{{ .owner }},{{ .status }},{{ $j.Title }},{{ $j.Permalink }},{{ $s }}\n{{ end }}{{ end }}{{ end }}{{ end }}",
		"touchpoints/section.html":                  base(`<h1>{{ .Title }}</h1><ul>{{ range first 50 (where site.RegularPages "Section" "journeys") }}{{ $j := . }}{{ range .Params.stage }}{{ range .touchpoint }}<li>{{ .name }} · {{ .channel }} · {{ .owner }} · <a href="{{ $j.RelPermalink }}">{{ $j.Title }}</a></li>{{ end }}{{ end }}{{ end }}</ul>`),
		"touchpoints/section.csv.csv":               "Touchpoint,Channel,Kind,Owner,Emotion,Journey,Journey URL,Stage\n{{ range where site.RegularPages \"Section\" \"journeys\" }}{{ $j := . }}{{ range .Params.stage }}{{ $s := . }}{{ range .touchpoint }}{{ .name }},{{ .channel }},{{ .kind }},{{ .owner }},{{ $s.emotion }},{{ $j.Title }},{{ $j.Permalink }},{{ $s.name }}\n{{ end }}{{ end }}{{ end }}",
		"pain-points/section.html":                  base(`<h1>{{ .Title }}</h1><ul>{{ range first 50 (where site.RegularPages "Section" "journeys") }}{{ $j := . }}{{ range .Params.stage }}{{ range .pain_points }}<li>{{ if reflect.IsMap . }}{{ .text }} · {{ .owner }}{{ else }}{{ . }}{{ end }} · <a href="{{ $j.RelPermalink }}">{{ $j.Title }}</a></li>{{ end }}{{ end }}{{ end }}</ul>`),
		"pain-points/section.csv.csv":               "Pain point,Owner,Status,Severity,Journey,Journey URL,Stage\n{{ range where site.RegularPages \"Section\" \"journeys\" }}{{ $j := . }}{{ range .Params.stage }}{{ $s := .name }}{{ range .pain_points }}{{ if reflect.IsMap . }}{{ .text }},{{ .owner }},{{ .status }},{{ .severity }}{{ else }}{{ . }},,,{{ end }},{{ $j.Title }},{{ $j.Permalink }},{{ $s }}\n{{ end }}{{ end }}{{ end }}",
		"pain-points/section.painopportunities.csv": "Opportunity,Owner,Status,Journey,Journey URL,Stage\n{{ range where site.RegularPages \"Section\" \"journeys\" }}{{ $j := . }}{{ range .Params.stage }}{{ $s := .name }}{{ range .opportunities }}{{ if reflect.IsMap . }}{{ .text }},{{ .owner }},{{ .status }}{{ else }}{{ . }},,{{ end }},{{ $j.Title }},{{ $j.Permalink }},{{ $s }}\n{{ end }}{{ end }}{{ end }}",
		"pain-points/section.painnoowner.csv":       "Item,Kind,Journey,Journey URL,Stage\n{{ range where site.RegularPages \"Section\" \"journeys\" }}{{ $j := . }}{{ range .Params.stage }}{{ $s := .name }}{{ range .pain_points }}{{ if not (reflect.IsMap .) }}{{ . }},pain point,{{ $j.Title }},{{ $j.Permalink }},{{ $s }}\n{{ end }}{{ end }}{{ range .opportunities }}{{ if not (reflect.IsMap .) }}{{ . }},opportunity,{{ $j.Title }},{{ $j.Permalink }},{{ $s }}\n{{ end }}{{ end }}{{ end }}{{ end }}",
		"404.html":                                  base(`<h1>Not found</h1>`),
	}
}

// stageTable is the journey's stage table, persona link and emotion
// polyline: what Waymark's journey and print pages draw at their core.
const stageTable = `{{ with .Params.stage }}
<table><thead><tr><th scope="col">Stage</th>{{ range . }}<th scope="col">{{ .name }}<br><small>{{ .description }}</small></th>{{ end }}</tr></thead><tbody>
<tr><th scope="row">Actions</th>{{ range . }}<td><ul>{{ range .actions }}<li>{{ . }}</li>{{ end }}</ul></td>{{ end }}</tr>
<tr><th scope="row">Thoughts</th>{{ range . }}<td><ul>{{ range .thoughts }}<li>{{ . }}</li>{{ end }}</ul></td>{{ end }}</tr>
<tr><th scope="row">Pain points</th>{{ range . }}<td><ul>{{ range .pain_points }}<li>{{ if reflect.IsMap . }}{{ .text }}{{ with .owner }} ({{ . }}){{ end }}{{ else }}{{ . }}{{ end }}</li>{{ end }}</ul></td>{{ end }}</tr>
<tr><th scope="row">Opportunities</th>{{ range . }}<td><ul>{{ range .opportunities }}<li>{{ if reflect.IsMap . }}{{ .text }}{{ else }}{{ . }}{{ end }}</li>{{ end }}</ul></td>{{ end }}</tr>
<tr><th scope="row">Touchpoints</th>{{ range . }}<td><ul>{{ range .touchpoint }}<li>{{ .name }} · {{ .channel }} · {{ .kind }} · <a href="{{ printf "owners/%s/" (urlize .owner) | relURL }}">{{ .owner }}</a></li>{{ end }}</ul></td>{{ end }}</tr>
<tr><th scope="row">Metrics</th>{{ range . }}<td>{{ range .metric }}{{ .name }}: {{ .value }}{{ .unit }} (target {{ .target }}{{ .unit }}){{ end }}</td>{{ end }}</tr>
<tr><th scope="row">Drop-off</th>{{ range . }}<td>{{ with .drop_off }}{{ mul . 100 }}%{{ end }}</td>{{ end }}</tr>
<tr><th scope="row">Blueprint</th>{{ range . }}<td>{{ with .blueprint }}{{ delimit .evidence ", " }} / {{ delimit .frontstage ", " }} / {{ delimit .backstage ", " }} / {{ delimit .support ", " }}{{ end }}</td>{{ end }}</tr>
<tr><th scope="row">Emotion</th><td colspan="{{ len . }}"><svg viewBox="0 0 {{ mul (len .) 200 }} 200" role="img"><title>Emotion curve</title><polyline fill="none" stroke="currentColor" points="{{ range $i, $s := . }}{{ add (mul $i 200) 100 }},{{ add 34 (div (mul (sub 5 $s.emotion) 150) 4.0) }} {{ end }}"/></svg></td></tr>
</tbody></table>
{{ end }}`
