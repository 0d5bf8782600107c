package plan

import (
	"path"
	"strings"

	"github.com/waymark-cx/waymark/generator/model"
)

// Addresses is where the site publishes each entry of the model, which
// model.New takes (model.Options.Addresses):
//
//	personas/<slug>/                a persona (personas/ lists them)
//	journeys/<slug>/                a journey (journeys/ lists them)
//	journeys/<slug>/print/          its print view
//	journeys/<slug>/<slug>.<ext>    its downloads, one per export format
//	templates/<slug>/               a template (templates/ lists them)
//	templates/<slug>/poster/        its workshop poster
//	templates/<slug>.<ext>          its downloads, beside the list
//	<folders>/<slug>/               a handbook page, by its folders' slugs
//	<folders>/                      a folder's _index.md
func Addresses() model.Addresses { return addresses{} }

type addresses struct{}

func (addresses) Entry(folder, slug string) string {
	if slug == "" {
		return folder + "/"
	}
	return folder + "/" + slug + "/"
}

func (addresses) Page(dir, slug string) string {
	return strings.TrimPrefix(path.Join(dir, slug)+"/", "/")
}

func (addresses) Download(j *model.Journey, ext string) string {
	if j.IsTemplate() {
		return "templates/" + j.Slug + "." + ext
	}
	return j.URL + j.Slug + "." + ext
}

func (addresses) Print(j *model.Journey) string {
	if j.IsTemplate() {
		return j.URL + "poster/"
	}
	return j.URL + "print/"
}
