package output

import "maps"

// Set is a build's files as kept (Blob), to look up and never change:
// a map of them, or, for a build made from the last one, the files it
// made over the map of the build it was made from, which the two share.
// A rebuild that changes a few files of tens of thousands so copies the
// few (With), not the map.
type Set struct {
	under *layer          // shared between the sets made from one another; never changed
	over  map[string]Blob // the files made since, in place of under's; nil for none
}

type layer struct{ files map[string]Blob }

// SetOf is the Set of files. The map is kept, not copied, and must not
// change afterwards.
func SetOf(files map[string]Blob) Set {
	if files == nil {
		files = map[string]Blob{}
	}
	return Set{under: &layer{files: files}}
}

// Get returns the file of a name.
func (s Set) Get(name string) (Blob, bool) {
	if b, ok := s.over[name]; ok {
		return b, true
	}
	if s.under == nil {
		return Blob{}, false
	}
	b, ok := s.under.files[name]
	return b, ok
}

// Len is how many files there are: the files made over others take
// their names.
func (s Set) Len() int {
	if s.under == nil {
		return 0
	}
	return len(s.under.files)
}

// Each calls f with every file, in no order, until f returns false.
func (s Set) Each(f func(name string, b Blob) bool) {
	if s.under == nil {
		return
	}
	for name, b := range s.under.files {
		if o, ok := s.over[name]; ok {
			b = o
		}
		if !f(name, b) {
			return
		}
	}
}

// With is s with made in place of its files of the same names, which it
// must have: a build made from the last one writes the names the last
// one wrote. It copies the files made since the map under s, and folds
// them into a new map once they are many.
func (s Set) With(made map[string]Blob) Set {
	over := make(map[string]Blob, len(s.over)+len(made))
	maps.Copy(over, s.over)
	maps.Copy(over, made)
	if s.under == nil || len(over) > len(s.under.files)/8 {
		files := map[string]Blob{}
		if s.under != nil {
			files = maps.Clone(s.under.files)
		}
		maps.Copy(files, over)
		return SetOf(files)
	}
	return Set{under: s.under, over: over}
}

// Changed lists the names whose files differ between s and t (Blob.Same,
// or a name one of them lacks). When t was made from s, or s from t, by
// With, only the files made since their shared map are looked at.
func (s Set) Changed(t Set) []string {
	var out []string
	if s.under != nil && s.under == t.under {
		seen := map[string]bool{}
		for _, m := range []map[string]Blob{s.over, t.over} {
			for name := range m {
				if seen[name] {
					continue
				}
				seen[name] = true
				a, _ := s.Get(name)
				b, _ := t.Get(name)
				if !a.Identical(b) && !a.Same(b) {
					out = append(out, name)
				}
			}
		}
		return out
	}
	t.Each(func(name string, b Blob) bool {
		a, ok := s.Get(name)
		if !ok || !a.Identical(b) && !a.Same(b) {
			out = append(out, name)
		}
		return true
	})
	s.Each(func(name string, _ Blob) bool {
		if _, ok := t.Get(name); !ok {
			out = append(out, name)
		}
		return true
	})
	return out
}
