package model

// testAddresses stands in for plan.Addresses, which model's tests cannot
// import: every entry gets a distinct address.
type testAddresses struct{}

func (testAddresses) Entry(folder, slug string) string { return folder + "/" + slug + "/" }
func (testAddresses) Page(dir, slug string) string     { return "p/" + dir + "/" + slug + "/" }
func (testAddresses) Download(j *Journey, ext string) string {
	return j.URL + j.Slug + "." + ext
}
func (testAddresses) Print(j *Journey) string { return j.URL + "print/" }
