package generator

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/waymark-cx/waymark/generator/diag"
)

// TestCheckFindsWhatBuildFinds: a check (no output) leaves out the work
// that cannot find a mistake (minifying, downloads, the search index, the
// hub's CSV files), so it must still report every mistake a build does:
// each of the mistakes table's, a template that fails on a page's data,
// and a template that drops the stage table it asked for.
func TestCheckFindsWhatBuildFinds(t *testing.T) {
	cases := mistakes()
	cases = append(cases,
		mistake{"a template that fails on a page's data", `
-- layouts/journey.html --
{{template "_base.html" .}}{{define "main"}}<p>{{index .Journey.Tags 5}}</p>{{end}}
`, []string{`layouts/journey.html:1:50: rendering journeys/buy/index.html (content/journeys/buy.md): executing "main" at <index .Journey.Tags 5>: error calling index: index out of range: 5`}},
		mistake{"a partial that fails, indented, after accented text", `
-- layouts/journey.html --
{{template "_base.html" .}}
{{define "main"}}
  <section>
    {{template "partials/bad.html" .Journey}}
  </section>
{{end}}
-- layouts/partials/bad.html --
<ul>
    <li>Điểm chạm: {{index .Tags 9}}</li>
</ul>
`, []string{`layouts/partials/bad.html:2:22: rendering journeys/buy/index.html (content/journeys/buy.md): executing "partials/bad.html" at <index .Tags 9>`}},
		mistake{"a redrawn part of the stage table that fails", `
-- layouts/partials/stage-head.html --
<th scope="col">{{.Stage.Name}}
  {{index .Stage.Actions 3}}</th>
`, []string{`layouts/partials/stage-head.html:2:5: rendering journeys/buy/index.html (content/journeys/buy.md): executing "partials/stage-head.html" at <index .Stage.Actions 3>: error calling index: index out of range: 3`}},
		mistake{"templates that do not parse, all of them", `
-- layouts/partials/broken.html --
<p>
{{if .Title}}
</p>
-- layouts/persona.html --
{{template "_base.html" .}}
{{define "main"}}{{.Nope | nofunc}}{{end}}
`, []string{
			"layouts/partials/broken.html:4:1: unexpected EOF",
			`layouts/persona.html:2:1: function "nofunc" not defined`,
		}},
		mistake{"a layout that makes an empty page", `
-- layouts/persona.html --
{{define "main"}}<p>{{.Title}}</p>{{end}}
`, []string{"layouts/persona.html:1:1: rendering personas/lan/index.html: the layout made an empty page"}},
		mistake{"a string file that does not parse", `
-- i18n/en.toml --
"nav.home" = "Home"
"x" =
`, []string{"i18n/en.toml:2:6: toml: expected value"}},
		mistake{"two folders with one address", `
-- content/Guides/a.md --
+++
title = "A"
+++
-- content/guides/b.md --
+++
title = "B"
+++
`, []string{"guides/index.html:1:1: its page, guides/index.html, is written twice: another page or a static file has the same address"}},
		mistake{"static files where Waymark writes its own", `
-- static/sitemap.xml --
<urlset/>
-- static/robots.txt --
User-agent: *
`, []string{
			"static/robots.txt:1:1: static/robots.txt is where Waymark writes robots.txt for a page or a file of its own",
			"static/sitemap.xml:1:1: static/sitemap.xml is where Waymark writes sitemap.xml",
		}},
		mistake{"a template that drops the stage table", `
-- layouts/journey.html --
{{template "_base.html" .}}{{define "main"}}{{with timeline .}}{{end}}<p>x</p>{{end}}
`, []string{"putting the stage table in"}})
	for _, m := range cases {
		t.Run(m.name, func(t *testing.T) {
			src := t.TempDir()
			writeTxtar(t, src, goodSite)
			writeTxtar(t, src, m.files)
			_, buildErr := buildDir(t, src)
			_, checkErr := Build(context.Background(), testOptions(src))
			for name, err := range map[string]error{"build": buildErr, "check": checkErr} {
				var list *diag.Errors
				if !errors.As(err, &list) {
					t.Fatalf("%s: want *diag.Errors, got %v", name, err)
				}
				for _, w := range m.want {
					if !strings.Contains(err.Error(), w) {
						t.Errorf("%s: missing error %q in:\n%s", name, w, err)
					}
				}
			}
			if buildErr.Error() != checkErr.Error() {
				t.Errorf("the check reports\n%s\nthe build\n%s", checkErr, buildErr)
			}
		})
	}
}
