package model

import "strings"

// Download is the path, relative to the site root, of one of the files a
// journey is offered as ("csv", "json", "mmd", "md"): beside its page for
// a journey (journeys/buy/buy.csv), beside the templates page for a
// template (templates/b2b.csv), where templates/b2b.md has always been.
func (j *Journey) Download(ext string) string {
	if strings.HasPrefix(j.URL, "templates/") {
		return "templates/" + j.Slug + "." + ext
	}
	return j.URL + j.Slug + "." + ext
}

// IsTemplate reports whether j is a blank template rather than a map of
// the handbook.
func (j *Journey) IsTemplate() bool { return strings.HasPrefix(j.URL, "templates/") }
