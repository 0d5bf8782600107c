package generator

import (
	"crypto/sha256"
	"io/fs"
	"maps"
	"math/rand/v2"
	"slices"
	"testing"
	"testing/fstest"
	"time"
)

// keySite is a site with one file in every folder a build reads, and
// some that it does not.
func keySite() fstest.MapFS {
	return fstest.MapFS{
		"waymark.toml":                     {Data: []byte("title = \"x\"\n")},
		"content/journeys/a.md":            {Data: []byte("+++\ntitle = \"A\"\n+++\n")},
		"content/guides/deep/b.md":         {Data: []byte("+++\ntitle = \"B\"\n+++\nbody\n")},
		"content/img/photo.png":            {Data: []byte{0x89, 'P', 'N', 'G'}},
		"static/css/site.css":              {Data: []byte("body{}")},
		"layouts/journey.html":             {Data: []byte("{{.Title}}")},
		"templates/blank.md":               {Data: []byte("+++\ntitle = \"Blank\"\n+++\n")},
		"themes/mine/layouts/home.html":    {Data: []byte("home")},
		"themes/mine/static/js/x.js":       {Data: []byte("x()")},
		"i18n/en.toml":                     {Data: []byte("home = \"Home\"\n")},
		"README.md":                        {Data: []byte("not an input")},
		"public/index.html":                {Data: []byte("output")},
		"themes/mine/.git/objects/aa/bbbb": {Data: []byte("history")},
	}
}

func keyBuiltin() fstest.MapFS {
	return fstest.MapFS{"templates/persona.md": {Data: []byte("+++\ntitle = \"P\"\n+++\n")}}
}

func keyTheme() fstest.MapFS {
	return fstest.MapFS{
		"layouts/journey.html": {Data: []byte("<h1>{{.Title}}</h1>")},
		"static/css/w.css":     {Data: []byte("h1{}")},
		"i18n/en.toml":         {Data: []byte("home = \"Home\"\n")},
	}
}

func keyOptions(site, builtin, theme fstest.MapFS) Options {
	return Options{Source: site, Templates: builtin, Themes: func(name string) (fs.FS, bool) {
		return theme, name == "default"
	}}
}

func day0() time.Time { return time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC) }

// testKey is the key BuildDir would compute.
func testKey(t *testing.T, opts Options, theme string, today time.Time) string {
	t.Helper()
	files, err := listInputs(opts)
	if err != nil {
		t.Fatal(err)
	}
	return buildKey(sumInputs(files), opts, theme, today)
}

func TestBuildKeyStable(t *testing.T) {
	opts := keyOptions(keySite(), keyBuiltin(), keyTheme())
	a := testKey(t, opts, "default", day0())
	b := testKey(t, opts, "default", day0())
	if a != b {
		t.Errorf("two keys of the same inputs differ: %s, %s", a, b)
	}
}

// Every byte of every input counts, and nothing else does.
func TestBuildKeyChanges(t *testing.T) {
	base := testKey(t, keyOptions(keySite(), keyBuiltin(), keyTheme()), "default", day0())
	seen := map[string]string{base: "the unchanged site"}
	differs := func(what, key string) {
		t.Helper()
		if prev, ok := seen[key]; ok {
			t.Errorf("%s: same key as %s", what, prev)
		}
		seen[key] = what
	}
	same := func(what, key string) {
		t.Helper()
		if key != base {
			t.Errorf("%s: the key changed", what)
		}
	}
	for _, name := range slices.Sorted(maps.Keys(keySite())) {
		site := keySite()
		f := *site[name]
		f.Data = append([]byte(nil), f.Data...)
		f.Data[len(f.Data)-1] ^= 1
		site[name] = &f
		key := testKey(t, keyOptions(site, keyBuiltin(), keyTheme()), "default", day0())
		switch name {
		case "README.md", "public/index.html", "themes/mine/.git/objects/aa/bbbb":
			same("editing "+name, key)
		default:
			differs("editing "+name, key)
		}
	}
	site := keySite()
	site["content/journeys/new.md"] = &fstest.MapFile{Data: []byte("+++\n+++\n")}
	differs("a new content file", testKey(t, keyOptions(site, keyBuiltin(), keyTheme()), "default", day0()))
	site = keySite()
	site["content/journeys/b.md"] = site["content/journeys/a.md"]
	delete(site, "content/journeys/a.md")
	differs("a renamed content file", testKey(t, keyOptions(site, keyBuiltin(), keyTheme()), "default", day0()))

	builtin := keyBuiltin()
	builtin["templates/persona.md"] = &fstest.MapFile{Data: []byte("+++\ntitle = \"Q\"\n+++\n")}
	differs("a built-in template", testKey(t, keyOptions(keySite(), builtin, keyTheme()), "default", day0()))
	theme := keyTheme()
	theme["static/css/w.css"] = &fstest.MapFile{Data: []byte("h2{}")}
	differs("the built-in theme", testKey(t, keyOptions(keySite(), keyBuiltin(), theme), "default", day0()))
	differs("another theme", testKey(t, keyOptions(keySite(), keyBuiltin(), keyTheme()), "mine", day0()))

	opts := keyOptions(keySite(), keyBuiltin(), keyTheme())
	opts.BaseURL = "http://127.0.0.1:8080/"
	differs("--base-url", testKey(t, opts, "default", day0()))
	opts = keyOptions(keySite(), keyBuiltin(), keyTheme())
	opts.Drafts = true
	differs("--drafts", testKey(t, opts, "default", day0()))
	differs("the next day", testKey(t, keyOptions(keySite(), keyBuiltin(), keyTheme()), "default", day0().AddDate(0, 0, 1)))
}

// The files are combined in the order of their names, whatever order
// they were found in.
func TestSumInputsOrder(t *testing.T) {
	files, err := listInputs(keyOptions(keySite(), keyBuiltin(), keyTheme()))
	if err != nil {
		t.Fatal(err)
	}
	want := sumInputs(files)
	r := rand.New(rand.NewPCG(1, 2))
	for range 5 {
		r.Shuffle(len(files), func(i, j int) { files[i], files[j] = files[j], files[i] })
		if got := sumInputs(files); got != want {
			t.Fatalf("order %v: sum %x, want %x", names(files), got, want)
		}
	}
	if sumInputs(files[1:]) == want {
		t.Error("a file left out does not change the sum")
	}
	if sumInputs(nil) == [sha256.Size]byte{} {
		t.Error("no files sum to zero")
	}
}

func names(files []inputFile) []string {
	out := make([]string, len(files))
	for i, f := range files {
		out[i] = f.name
	}
	return out
}
