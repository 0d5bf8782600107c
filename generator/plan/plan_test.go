package plan_test

import (
	"io/fs"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/waymark-cx/waymark/generator/hub"
	"github.com/waymark-cx/waymark/generator/model"
	"github.com/waymark-cx/waymark/generator/plan"
	"github.com/waymark-cx/waymark/generator/render"
	"github.com/waymark-cx/waymark/generator/source"
	"github.com/waymark-cx/waymark/themes"
)

// examplePlan plans the example handbook at the repository root with the
// default theme.
func examplePlan(t *testing.T) ([]*plan.Output, *model.Site) {
	t.Helper()
	root := os.DirFS("../..")
	set, err := source.Read(root)
	if err != nil {
		t.Fatal(err)
	}
	site, err := model.New(set, model.Options{Now: time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC), Reserved: plan.Reserved(), Addresses: plan.Addresses()})
	if err != nil {
		t.Fatal(err)
	}
	th, _ := themes.Get("default")
	h := hub.New(site, plan.HubAddresses())
	eng, err := render.New(site, h, render.Layer{Name: "themes/default", FS: th})
	if err != nil {
		t.Fatal(err)
	}
	statics := map[string]fs.FS{}
	_ = fs.WalkDir(th, "static", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			statics[strings.TrimPrefix(p, "static/")] = th
		}
		return err
	})
	raw := func(e *model.Entry) []byte { return nil }
	return plan.Make(plan.Env{Site: site, Hub: h, Engine: eng, Raw: raw, Statics: statics}), site
}

// TestPlanRules checks what every product must keep to, on the example
// handbook: one output a path, paths relative to the site root, a body
// declared as the page's Source, the sitemap's pages only, and every
// folder Waymark writes in reserved, except those content gives names to.
func TestPlanRules(t *testing.T) {
	outs, site := examplePlan(t)
	if len(outs) < 300 {
		t.Fatalf("%d outputs planned for the example, want its whole site", len(outs))
	}
	contentDirs := map[string]bool{}
	for _, p := range site.Pages {
		contentDirs[strings.SplitN(p.URL, "/", 2)[0]] = true
	}
	reserved := plan.Reserved()
	seen := map[string]bool{}
	for _, o := range outs {
		switch {
		case seen[o.Path]:
			t.Errorf("%s is planned twice", o.Path)
		case o.Path == "" || strings.HasPrefix(o.Path, "/") || strings.Contains(o.Path, ".."):
			t.Errorf("%q is not a path below the site root", o.Path)
		case o.Body != nil && o.In.Source != o.Body:
			t.Errorf("%s shows the body of %s but does not declare it as its Source", o.Path, o.Body.Path)
		case o.Sitemap && o.Page == nil:
			t.Errorf("%s is in the sitemap but is not a page", o.Path)
		case o.Page == nil && o.Write == nil && o.Bytes == nil && o.Joined == nil && o.Copy == nil:
			t.Errorf("%s has nothing to make it from", o.Path)
		}
		seen[o.Path] = true
		dir, _, nested := strings.Cut(o.Path, "/")
		if nested && o.Copy == nil && !contentDirs[dir] && !slices.Contains(reserved, dir) {
			t.Errorf("%s is in %s/, which plan.Reserved does not name: a content folder could take it", o.Path, dir)
		}
	}
	for _, want := range []string{"index.html", "hub/index.html", "journeys/mega-sale-11-11/index.html",
		"journeys/mega-sale-11-11/mega-sale-11-11.csv", "search-index.json", "sitemap.xml", "css/waymark.css"} {
		if !seen[want] {
			t.Errorf("%s is not planned", want)
		}
	}
}
