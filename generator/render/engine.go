package render

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"path"
	"slices"
	"strconv"
	"strings"
	"text/template/parse"

	"github.com/waymark-cx/waymark/generator/diag"
	"github.com/waymark-cx/waymark/generator/hub"
	"github.com/waymark-cx/waymark/generator/markup"
	"github.com/waymark-cx/waymark/generator/model"
	"github.com/waymark-cx/waymark/generator/source"
)

// Engine renders pages of one site with one theme.
type Engine struct {
	files   map[string][]byte // layouts/… path → text of the winning layer
	origin  map[string]string // layouts/… path → where it came from
	site    *model.Site
	hub     *hub.Hub                      // nil: a site without the hub
	data    *Site                         // .Site of every page
	nums    numbers                       // how the site's language writes numbers
	sources []byte                        // every template and string file, for Fingerprint
	sets    map[string]*template.Template // by layout name
	// redrawn holds the component partials a theme or site draws its own
	// way, with the set to execute them from (parts.go); nil when none.
	redrawn map[string]*template.Template
	strings map[string]string // UI strings in the site's language
	md      *markup.Converter // short Markdown texts of front matter (markdown.go)
	// stringFiles are the string files read, until decodeStrings.
	stringFiles []stringFile
	// minified says the templates were minified as they were parsed
	// (tidy.go): the pages they make need not be. exact is the engine
	// parsed from the templates as written, made when a page fails, to
	// say where.
	minified bool
	exact    *exactEngine
}

// Layer is a folder of theme files: layouts/, static/ and i18n/. Name is
// how errors refer to the layer's files ("layouts/x.html" of a site, or
// "themes/default/layouts/x.html").
type Layer struct {
	Name string
	FS   fs.FS
}

// New loads the templates and UI strings of the layers, later layers
// overriding earlier ones file by file (the theme first, then the site).
func New(site *model.Site, h *hub.Hub, layers ...Layer) (*Engine, error) {
	return Reuse(nil, site, h, layers...)
}

// Data is what every page reaches as .Site.
func (e *Engine) Data() *Site { return e.data }

// Sources reads the template and string files of the layers as New
// would, without parsing them, and returns what Engine.Sources would.
func Sources(lang string, layers ...Layer) ([]byte, error) {
	e, err := read(lang, layers)
	if err != nil {
		return nil, err
	}
	return e.sources, nil
}

// Reuse is New, except that it returns prev, now rendering site, when the
// layers hold exactly the files prev was made from and the language and
// base path are the same (the templates hold strings and addresses,
// foldStrings): parsing templates is a good part of a small rebuild.
func Reuse(prev *Engine, site *model.Site, h *hub.Hub, layers ...Layer) (*Engine, error) {
	e, err := read(site.Config.Language, layers)
	if err != nil {
		return nil, err
	}
	e.site, e.hub, e.data = site, h, NewSite(site, h)
	e.md = newMarkdown(site.Config.BasePath)
	if prev != nil && prev.site.Config.Language == site.Config.Language && prev.site.Config.BasePath == site.Config.BasePath &&
		bytes.Equal(prev.sources, e.sources) {
		prev.site, prev.hub, prev.data, prev.md = site, h, e.data, e.md
		prev.exact = &exactEngine{}
		return prev, nil
	}
	if err := e.decodeStrings(); err != nil {
		return nil, err
	}
	if err := e.parseMinified(); err != nil {
		return nil, err
	}
	return e, nil
}

// read loads the layers' files: templates into e.files, strings into
// e.strings, everything into e.sources.
func read(lang string, layers []Layer) (*Engine, error) {
	e := &Engine{sets: map[string]*template.Template{}, strings: map[string]string{},
		files: map[string][]byte{}, origin: map[string]string{}, nums: numbersFor(lang)}
	files, origin := e.files, e.origin
	for _, l := range layers {
		err := fs.WalkDir(l.FS, "layouts", func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				if p == "layouts" && errors.Is(err, fs.ErrNotExist) {
					return fs.SkipDir
				}
				return err
			}
			if d.IsDir() || path.Ext(p) != ".html" {
				return nil
			}
			b, err := fs.ReadFile(l.FS, p)
			if err != nil {
				return err
			}
			files[p] = b
			origin[p] = path.Join(l.Name, p)
			e.sources = append(append(e.sources, p...), b...)
			return nil
		})
		if err != nil {
			return nil, err
		}
		if err := e.loadStrings(l, lang); err != nil {
			return nil, err
		}
	}
	return e, nil
}

// parsed is what parse makes: the sets by layout name, and the redrawn
// partials (Engine.redrawn).
type parsed struct {
	sets    map[string]*template.Template
	redrawn map[string]*template.Template
}

// use makes p the templates e executes.
func (e *Engine) use(p parsed) { e.sets, e.redrawn = p.sets, p.redrawn }

// parse parses the templates read: the partials and _base.html once,
// then each page layout in a set of its own (a layout defines the blocks
// of _base.html its way), which holds what the page calls of them. It
// reads e alone, so that two parses may run at once.
func (e *Engine) parse(tidy func([]byte) string) (parsed, error) {
	out := parsed{sets: map[string]*template.Template{}}
	files, origin := e.files, e.origin
	funcs := []template.FuncMap{e.funcs(), e.componentFuncs(), e.evidenceFuncs(), e.priorityFuncs()}
	newSet := func(name string) *template.Template {
		t := template.New(name)
		for _, f := range funcs {
			t.Funcs(f)
		}
		return t
	}
	base := newSet("")
	var errs diag.List // every template that does not parse, at its line
	var pages []string
	for _, p := range sortedKeys(files) {
		rel := strings.TrimPrefix(p, "layouts/")
		if strings.HasPrefix(rel, "partials/") || strings.HasPrefix(path.Base(rel), "_") {
			if _, err := base.New(rel).Parse(tidy(files[p])); err != nil {
				errs.Add(parseError(origin[p], err))
			}
			continue
		}
		pages = append(pages, p)
	}
	e.foldStrings(base)
	var err error
	if out.redrawn, err = e.findRedrawn(base); err != nil {
		return out, err
	}
	for _, p := range pages {
		name := strings.TrimSuffix(strings.TrimPrefix(p, "layouts/"), ".html")
		page, err := newSet(name).Parse(tidy(files[p]))
		if err != nil {
			errs.Add(parseError(origin[p], err))
			continue
		}
		e.foldStrings(page)
		set, err := pageSet(base, page, newSet(name))
		if err != nil {
			return out, err
		}
		out.sets[name] = set
	}
	return out, errs.Err()
}

// pageSet fills set, named after a page layout, with the templates the
// page (parsed alone) calls, directly or through others, taken from the
// page, else from base: what base.Clone() with the page parsed into it
// would execute, without a copy of every partial for every layout (they
// are most of a small build's memory). As in a set the page is parsed
// into, a template the page defines replaces base's, unless the page's
// is empty. base's trees are copied, as Clone copies them: executing a
// set rewrites its trees for escaping.
func pageSet(base, page, set *template.Template) (*template.Template, error) {
	tree := func(name string) (t *parse.Tree, own bool) {
		var b *parse.Tree
		if bt := base.Lookup(name); bt != nil {
			b = bt.Tree
		}
		if pt := page.Lookup(name); pt != nil && pt.Tree != nil && (b == nil || !parse.IsEmptyTree(pt.Tree.Root)) {
			return pt.Tree, true
		}
		return b, false
	}
	seen := map[string]bool{}
	var add func(name string) error
	add = func(name string) error {
		if seen[name] {
			return nil
		}
		seen[name] = true
		t, own := tree(name)
		if t == nil {
			return nil // executing it says so, as it would have
		}
		if !own {
			t = t.Copy()
		}
		if _, err := set.AddParseTree(name, t); err != nil {
			return err
		}
		var err error
		calls(t.Root, func(callee string) {
			if err == nil {
				err = add(callee)
			}
		})
		return err
	}
	return set, add(set.Name())
}

// calls calls f with the name of every template that node calls.
func calls(node parse.Node, f func(name string)) {
	switch n := node.(type) {
	case *parse.ListNode:
		if n != nil {
			for _, c := range n.Nodes {
				calls(c, f)
			}
		}
	case *parse.TemplateNode:
		f(n.Name)
	case *parse.IfNode:
		calls(n.List, f)
		calls(n.ElseList, f)
	case *parse.RangeNode:
		calls(n.List, f)
		calls(n.ElseList, f)
	case *parse.WithNode:
		calls(n.List, f)
		calls(n.ElseList, f)
	}
}

// parseError locates a template's parse error, "template: journey:12:
// unexpected …", at its file and line.
func parseError(file string, err error) *diag.Error {
	e := &diag.Error{Path: file, Line: 1, Col: 1, Msg: err.Error(),
		Hint: "fix the template; see content/docs/theming.md"}
	rest, ok := strings.CutPrefix(err.Error(), "template: ")
	if !ok {
		return e
	}
	_, rest, _ = strings.Cut(rest, ":")
	lineStr, msg, ok := strings.Cut(rest, ": ")
	if n, err := strconv.Atoi(lineStr); ok && err == nil && n > 0 {
		e.Line, e.Msg = n, msg
	}
	return e
}

// compact drops the indentation and trailing blanks of a template's
// lines. Pages are minified anyway, which collapses such runs of
// whitespace to one newline; doing it once here, in the template, spares
// the minifier a third of a page. A template with a <pre> or <textarea>,
// or a raw string, is left as written.
func compact(text []byte) string {
	s := string(text)
	if !compacts(text) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i, line := range strings.Split(s, "\n") {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(strings.TrimRight(strings.TrimLeft(line, " \t"), " \t"))
	}
	return b.String()
}

// compacts reports whether compact changes a template's lines.
func compacts(text []byte) bool {
	return !bytes.Contains(text, []byte("<pre")) && !bytes.Contains(text, []byte("<textarea")) && !bytes.Contains(text, []byte("`"))
}

// loadStrings reads a layer's UI strings; decodeStrings decodes them,
// only when the engine is not the previous one again.
func (e *Engine) loadStrings(l Layer, lang string) error {
	p := "i18n/" + lang + ".toml"
	b, err := fs.ReadFile(l.FS, p)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	e.sources = append(append(e.sources, p...), b...)
	e.stringFiles = append(e.stringFiles, stringFile{name: path.Join(l.Name, p), text: b})
	return nil
}

func (e *Engine) decodeStrings() error {
	var errs diag.List
	for _, f := range e.stringFiles {
		doc, err := source.Decode(f.name, f.text, 1) // located, depth-checked
		if err != nil {
			if de, ok := err.(*diag.Error); ok {
				errs.Add(de)
			} else {
				errs.Add(&diag.Error{Path: f.name, Line: 1, Col: 1, Msg: err.Error()})
			}
			continue
		}
		for _, k := range sortedKeys(doc.Data) {
			v, ok := doc.Data[k].(string)
			if !ok {
				line, col := doc.Pos(k)
				errs.Add(&diag.Error{Path: f.name, Line: line, Col: col, Msg: fmt.Sprintf("the string %q is not text", k),
					Hint: `each line of a string file is "key" = "text"`})
				continue
			}
			e.strings[k] = v
		}
	}
	e.stringFiles = nil
	return errs.Err()
}

// stringFile is a layer's i18n file, read but not yet decoded.
type stringFile struct {
	name string
	text []byte
}

// Has reports whether a layout exists.
func (e *Engine) Has(layout string) bool {
	_, ok := e.sets[layout]
	return ok
}

// File is the file a layout was read from, as errors name it.
func (e *Engine) File(layout string) string { return e.origin["layouts/"+layout+".html"] }

// Layouts lists the page layouts the engine knows.
func (e *Engine) Layouts() []string {
	return sortedKeys(e.sets)
}

// Execute renders p with its layout (p.Layout, else p.Kind).
func (e *Engine) Execute(w io.Writer, p *Page) error {
	name := p.Layout
	if name == "" {
		name = p.Kind
	}
	set, ok := e.sets[name]
	if !ok {
		return fmt.Errorf("no layout %q (have %s)", name, strings.Join(e.Layouts(), ", "))
	}
	p.Layout = name
	err := set.ExecuteTemplate(w, name, p)
	if err != nil && e.minified {
		// Where the minified templates failed is not where their
		// author wrote it: the templates as written say.
		if x := e.AsWritten(); x != e {
			if xerr := x.Execute(io.Discard, p); xerr != nil {
				return xerr
			}
		}
	}
	return err
}

// Bytes renders p into a new buffer.
func (e *Engine) Bytes(p *Page) ([]byte, error) {
	var b bytes.Buffer
	err := e.Execute(&b, p)
	return b.Bytes(), err
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// Sources is the text of every template and string file the engine
// loaded, so that a rebuild can tell whether the theme changed.
func (e *Engine) Sources() []byte { return e.sources }
