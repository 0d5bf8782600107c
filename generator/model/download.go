package model

// Addresses says where the site publishes each entry: a build hands model
// the plan's (plan.Addresses), so that model spells no path of the site.
// Every address is relative to the site root and ends in "/" for a page.
type Addresses interface {
	// Entry is the page of a persona, journey or template, by the
	// folder its kind is read from ("personas", "journeys",
	// "templates") and its slug; slug "" is the folder's list page.
	Entry(folder, slug string) string
	// Page is a handbook page, by the slugs of its folders below
	// content/ ("guides/advanced", "" for the top) and its own slug, ""
	// for a folder's _index.md (the home page at the top).
	Page(dir, slug string) string
	// Download is the file journey j is offered as in a format ("csv",
	// "json", "mmd", "md").
	Download(j *Journey, ext string) string
	// Print is j's view for paper: a journey's print view, a template's
	// workshop poster.
	Print(j *Journey) string
}

// Download is the path, relative to the site root, of one of the files a
// journey is offered as ("csv", "json", "mmd", "md"); themes call it as
// {{.Download "csv"}}. A journey New did not make has no address: "".
func (j *Journey) Download(ext string) string {
	if j.addr == nil {
		return ""
	}
	return j.addr.Download(j, ext)
}

// Print is the path of j's view for paper: a journey's print view, a
// template's workshop poster; "" for a journey New did not make.
func (j *Journey) Print() string {
	if j.addr == nil {
		return ""
	}
	return j.addr.Print(j)
}

// IsTemplate reports whether j is a blank template rather than a map of
// the handbook.
func (j *Journey) IsTemplate() bool { return j.template }

// Place gives a journey made by hand, not by New (as in tests), the
// addresses of its downloads and print view; template tells whether it
// is a blank template.
func (j *Journey) Place(at Addresses, template bool) { j.addr, j.template = at, template }
