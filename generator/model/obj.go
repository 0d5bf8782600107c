package model

import (
	"fmt"
	"maps"
	"math"
	"slices"
	"strings"
	"time"
	"unique"

	"github.com/waymark-cx/waymark/generator/diag"
	"github.com/waymark-cx/waymark/generator/source"
)

// decoder turns one decoded TOML document into typed values, reporting
// every mistake at the position of the key it concerns.
type decoder struct {
	doc  *source.Doc
	errs *diag.List
	// sparse, when set, looks up an item's or a piece of evidence's
	// position only where a message may need it (positionsOf); nil:
	// every one's.
	sparse *positionsOf
}

func (d *decoder) at(path string) diag.Error {
	line, col := d.doc.Pos(path)
	return diag.Error{Path: d.doc.Path, Line: line, Col: col}
}

func (d *decoder) errorf(path, hint, format string, args ...any) {
	e := d.at(path)
	e.Msg = fmt.Sprintf(format, args...)
	e.Hint = hint
	d.errs.Add(&e)
}

// obj reads the keys of one TOML table. Every getter records its key as
// known, so that done can report the keys nobody asked for.
type obj struct {
	d    *decoder
	path string // "" for the document root, else e.g. "stage[1]"
	// what is how a hint names this table ("the front matter", "this
	// item"); else it is the table of name, "[name]", or, when array,
	// an element of the array of tables of name, "this [[name]]" (see
	// named), made only for a message: a large handbook has tens of
	// thousands of tables.
	what  string
	name  string
	array bool
	m     map[string]any
	known []string
	root  *obj // the document's own keys; nil for the root itself
}

// named is how a hint names this table.
func (o *obj) named() string {
	switch {
	case o.what != "":
		return o.what
	case o.array:
		return "this [[" + o.name + "]]"
	}
	return "[" + o.name + "]"
}

func (d *decoder) root(what string) *obj {
	return &obj{d: d, what: what, m: d.doc.Data}
}

func (o *obj) key(k string) string { return source.Join(o.path, k) }

// header is how the table o reads is written: [[stage.metric]].
func (o *obj) header() string {
	var name strings.Builder // the path without its element numbers: stage[1].metric[0] → stage.metric
	skip := false
	for _, r := range o.path {
		switch {
		case r == '[':
			skip = true
		case r == ']':
			skip = false
		case !skip:
			name.WriteRune(r)
		}
	}
	if o.array || strings.HasSuffix(o.path, "]") {
		return "[[" + name.String() + "]]"
	}
	return "[" + name.String() + "]"
}

// top is the document root's obj.
func (o *obj) top() *obj {
	if o.root != nil {
		return o.root
	}
	return o
}

func (o *obj) get(k string) (any, bool) {
	if o.known == nil {
		// Room for the keys of most tables, at once rather than by
		// doubling: a large handbook decodes tens of thousands.
		o.known = make([]string, 0, 16)
	}
	o.known = append(o.known, k)
	v, ok := o.m[k]
	return v, ok
}

// done reports every key that no getter asked for.
func (o *obj) done() {
	unknown := false
	for k := range o.m {
		if !slices.Contains(o.known, k) {
			unknown = true
			break
		}
	}
	if !unknown {
		return
	}
	for _, k := range slices.Sorted(maps.Keys(o.m)) {
		if slices.Contains(o.known, k) {
			continue
		}
		if o.root != nil && slices.Contains(o.root.known, k) {
			// A key of the document written after a table: TOML reads
			// it as the table's.
			header := o.header()
			if line, _ := o.d.doc.Pos(o.path); line > 0 {
				header += fmt.Sprintf(" (line %d)", line)
			}
			o.d.errorf(o.key(k), "move it above the first [table] or [[table]]: in TOML, a key belongs to the last table header above it",
				"%q belongs to the front matter itself, but comes after a table header, so it was read as a key of %s", k, header)
			continue
		}
		hint := "valid keys here: " + joinKeys(o.known)
		if _, ok := o.m[k].(map[string]any); ok || isTableArray(o.m[k]) {
			hint += "; free-form data goes under [params]"
		}
		o.d.errorf(o.key(k), hint, "unknown key %q%s", k, diag.DidYouMean(k, o.known))
	}
}

func joinKeys(keys []string) string {
	ks := slices.Clone(keys)
	slices.Sort(ks)
	ks = slices.Compact(ks)
	s := ""
	for i, k := range ks {
		if i > 0 {
			s += ", "
		}
		s += k
	}
	return s
}

func isTableArray(v any) bool {
	_, ok := v.([]map[string]any)
	return ok
}

func (o *obj) typeErr(k string, v any, want, example string) {
	o.d.errorf(o.key(k), "write it as "+example, "%s must be %s, not %s", k, want, describe(v))
}

func describe(v any) string {
	switch v := v.(type) {
	case string:
		return fmt.Sprintf("the string %q", v)
	case int64, float64:
		return fmt.Sprintf("the number %v", v)
	case bool:
		return fmt.Sprintf("%v", v)
	case time.Time:
		return "a date"
	case map[string]any:
		return "a table"
	case []map[string]any:
		return "an array of tables"
	case []any:
		return "an array"
	}
	return fmt.Sprintf("%T", v)
}

func (o *obj) str(k string) string { return own(o.text(k)) }

// word reads a string that names one of the things a handbook names again
// and again (a team, a channel, a touchpoint, a stage, a metric or its
// unit), kept once however often it is written: the same few words
// would otherwise take a copy each in the model of every journey.
func (o *obj) word(k string) string { return intern(o.text(k)) }

// text reads a string as decoded: a piece of the TOML text (own).
func (o *obj) text(k string) string {
	v, ok := o.get(k)
	if !ok {
		return ""
	}
	s, ok := v.(string)
	if !ok {
		o.typeErr(k, v, "a string", fmt.Sprintf("%s = \"…\"", k))
	}
	return s
}

// own copies a string out of the decoded TOML. The decoder hands out a
// string without escapes as a piece of the whole front matter's text, so
// keeping it would keep all of that text for as long as the model lives:
// most of a large handbook's front matter, for a few words a key.
func own(s string) string { return strings.Clone(s) }

// intern is own for a word (obj.word): one copy of each, shared by every
// journey that writes it while any holds it.
func intern(s string) string {
	if s == "" {
		return ""
	}
	return unique.Make(s).Value()
}

// required reads a string that must be present and not empty.
func (o *obj) required(k string) string { return own(o.requiredText(k)) }

// requiredWord is required for a word (obj.word).
func (o *obj) requiredWord(k string) string { return intern(o.requiredText(k)) }

func (o *obj) requiredText(k string) string {
	v, ok := o.get(k)
	if !ok {
		o.d.errorf(o.path, fmt.Sprintf("add %s = \"…\" to %s", k, o.named()), "missing required key %q", k)
		return ""
	}
	s, ok := v.(string)
	if !ok {
		o.typeErr(k, v, "a string", fmt.Sprintf("%s = \"…\"", k))
		return ""
	}
	if s == "" {
		o.d.errorf(o.key(k), "write some text between the quotes: "+k+` = "…"`, "%s must not be empty", k)
	}
	return s
}

// strs reads a list of strings; a single string is taken as a list of one.
func (o *obj) strs(k string) []string {
	v, ok := o.get(k)
	if !ok {
		return nil
	}
	switch v := v.(type) {
	case string:
		return []string{own(v)}
	case []any:
		out := make([]string, 0, len(v))
		for i, e := range v {
			s, ok := e.(string)
			if !ok {
				o.d.errorf(source.Elem(o.key(k), i), fmt.Sprintf(`write it as %s = ["…", "…"]`, k),
					"%s must hold strings, not %s", k, describe(e))
				continue
			}
			out = append(out, own(s))
		}
		return out
	}
	o.typeErr(k, v, "a list of strings", fmt.Sprintf(`%s = ["…", "…"]`, k))
	return nil
}

func (o *obj) num(k string) (float64, bool) {
	v, ok := o.get(k)
	if !ok {
		return 0, false
	}
	switch v := v.(type) {
	case int64:
		return float64(v), true
	case float64:
		if math.IsNaN(v) || math.IsInf(v, 0) {
			// TOML has nan and inf; no measure is either, and neither
			// can be drawn or written as JSON.
			o.d.errorf(o.key(k), "write it as "+k+" = "+example(k), "%s must be a finite number, not %v", k, v)
			return 0, false
		}
		return v, true
	}
	o.typeErr(k, v, "a number", k+" = "+example(k))
	return 0, false
}

// example is a valid number for key k, for hints.
func example(k string) string {
	switch k {
	case "drop_off":
		return "0.35"
	case "drop_off_alert":
		return "0.3"
	case "hub_limit":
		return "200"
	case "age":
		return "34"
	case "severity":
		return "2"
	case "value", "target":
		return "42"
	}
	return "3"
}

func (o *obj) integer(k string) (int, bool) {
	v, ok := o.get(k)
	if !ok {
		return 0, false
	}
	n, ok := v.(int64)
	if !ok {
		o.typeErr(k, v, "a whole number", k+" = "+example(k))
		return 0, false
	}
	return int(n), true
}

func (o *obj) boolean(k string, def bool) bool {
	v, ok := o.get(k)
	if !ok {
		return def
	}
	b, ok := v.(bool)
	if !ok {
		o.typeErr(k, v, "true or false", k+" = true")
		return def
	}
	return b
}

func (o *obj) date(k string) time.Time {
	v, ok := o.get(k)
	if !ok {
		return time.Time{}
	}
	t, ok := v.(time.Time)
	if !ok {
		o.typeErr(k, v, "a TOML date", k+" = 2026-09-01 (no quotes)")
		return time.Time{}
	}
	if t.Location().String() == "time-local" { // BurntSushi/toml's zone for 07:32:00
		o.d.errorf(o.key(k), "write it as "+k+" = 2026-09-01", "%s must be a date, not a time of day", k)
		return time.Time{}
	}
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

func (o *obj) table(k string) *obj {
	v, ok := o.get(k)
	if !ok {
		return nil
	}
	m, ok := v.(map[string]any)
	if !ok {
		o.typeErr(k, v, "a table", "["+o.key(k)+"]")
		return nil
	}
	return &obj{d: o.d, path: o.key(k), name: k, m: m, root: o.top()}
}

func (o *obj) tables(k string) []*obj {
	v, ok := o.get(k)
	if !ok {
		return nil
	}
	ms, ok := v.([]map[string]any)
	if !ok {
		o.typeErr(k, v, "an array of tables", "[["+k+"]]")
		return nil
	}
	out := make([]*obj, len(ms))
	at := o.key(k)
	for i, m := range ms {
		out[i] = &obj{d: o.d, path: source.Elem(at, i), name: k, array: true, m: m, root: o.top()}
	}
	return out
}

// params reads the free-form [params] table.
func (o *obj) params() map[string]any {
	v, ok := o.get("params")
	if !ok {
		return nil
	}
	m, ok := v.(map[string]any)
	if !ok {
		o.typeErr("params", v, "a table", "[params]")
	}
	return m
}

// oneOf reads a string that must be one of the valid values.
func (o *obj) oneOf(k string, valid []string) string {
	s := o.text(k)
	if s == "" {
		return ""
	}
	i := slices.Index(valid, s)
	if i < 0 {
		o.d.errorf(o.key(k), k+" is "+diag.OneOf(valid), "unknown %s %q%s", k, s, diag.DidYouMean(s, valid))
		return own(s)
	}
	return valid[i] // not a copy of the text
}
