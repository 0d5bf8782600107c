package importer

import (
	"strings"
	"unicode/utf8"
)

// prepared is a diagram after what Mermaid does before its parser runs
// (mermaid.core's preprocessDiagram and encodeEntities, v11): line ends
// made \n, YAML front matter, %%{…}%% directives and %% comment lines
// taken out. What is taken out is blanked, not cut, so that every byte
// keeps its line and column for located errors.
type prepared struct {
	text  string
	start int    // the first byte after leading white space (trimStart)
	title string // the front matter's title
	marks []mark // the `%% waymark: …` comments, which Waymark reads
}

// mark is a `%% waymark: …` comment: Mermaid skips it, Waymark's own
// export writes it to say what Mermaid has no words for.
type mark struct {
	line int
	text string
}

func prepare(src string) prepared {
	src = strings.TrimPrefix(src, "\ufeff")
	b := []byte(src)
	for i, c := range b {
		if c == '\r' {
			if i+1 < len(b) && b[i+1] == '\n' {
				b[i] = ' '
			} else {
				b[i] = '\n'
			}
		}
	}
	var p prepared
	if end, title, ok := frontMatter(string(b)); ok {
		p.title = title
		blank(b, 0, end)
	}
	blankDirectives(b)
	p.marks = blankComments(b)
	p.text = string(b)
	p.start = len(p.text) - len(strings.TrimLeftFunc(p.text, isJSSpace))
	return p
}

// blank replaces b[from:to] with spaces, keeping line ends.
func blank(b []byte, from, to int) {
	for i := from; i < to; i++ {
		if b[i] != '\n' {
			b[i] = ' '
		}
	}
}

// frontMatter finds YAML front matter as Mermaid's frontMatterRegex does,
// /^([^\S\n\r]*)-{3}\s*[\n\r](.*?)[\n\r]\1-{3}\s*[\n\r]+/s, and reads its
// top-level title (plain or quoted), as its YAML would.
func frontMatter(s string) (end int, title string, ok bool) {
	i := 0
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == '\n' || r == '\r' || !isJSSpace(r) {
			break
		}
		i += n
	}
	indent := s[:i]
	if !strings.HasPrefix(s[i:], "---") {
		return 0, "", false
	}
	bodyStart := lastLineEnd(s, i+3)
	if bodyStart < 0 {
		return 0, "", false
	}
	for k := bodyStart; k < len(s); k++ {
		if s[k] != '\n' || !strings.HasPrefix(s[k+1:], indent+"---") {
			continue
		}
		after := lastLineEnd(s, k+1+len(indent)+3)
		if after < 0 {
			continue
		}
		body := s[bodyStart:k]
		if bodyStart > k {
			body = ""
		}
		return after, yamlTitle(body, indent), true
	}
	return 0, "", false
}

// lastLineEnd matches \s*[\n\r] (or \s*[\n\r]+) at s[i:], greedily: the
// offset after the last line end in the run of white space there, or -1.
func lastLineEnd(s string, i int) int {
	end := -1
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !isJSSpace(r) {
			break
		}
		i += n
		if r == '\n' || r == '\r' {
			end = i
		}
	}
	return end
}

func yamlTitle(body, indent string) string {
	for line := range strings.SplitSeq(body, "\n") {
		line = strings.TrimPrefix(line, indent)
		v, ok := strings.CutPrefix(line, "title:")
		if !ok {
			continue
		}
		v = strings.TrimSpace(v)
		if len(v) >= 2 && (v[0] == '"' || v[0] == '\'') && v[len(v)-1] == v[0] {
			v = v[1 : len(v)-1]
		}
		return v
	}
	return ""
}

// blankDirectives takes out %%{ word … }%% (to the end when unclosed), as
// Mermaid's directiveRegex does.
func blankDirectives(b []byte) {
	s := string(b)
	for i := 0; ; {
		k := strings.Index(s[i:], "%%{")
		if k < 0 {
			return
		}
		k += i
		j := k + 3
		for j < len(s) && isJSSpace(rune(s[j])) && s[j] < utf8.RuneSelf {
			j++
		}
		if j >= len(s) || !isWordByte(s[j]) {
			i = k + 1
			continue
		}
		end := strings.Index(s[j:], "}%%")
		if end < 0 {
			end = len(s)
		} else {
			end += j + 3
		}
		blank(b, k, end)
		i = end
	}
}

// blankComments takes out the lines that hold only a %% comment
// (/^\s*%%(?!{)[^\n]+\n?/gm), and returns those that are Waymark's marks.
func blankComments(b []byte) []mark {
	var marks []mark
	line, from := 1, 0
	for from <= len(b) {
		to := from
		for to < len(b) && b[to] != '\n' {
			to++
		}
		t := strings.TrimLeftFunc(string(b[from:to]), isJSSpace)
		if rest, ok := strings.CutPrefix(t, "%%"); ok && rest != "" && rest[0] != '{' {
			if m, ok := strings.CutPrefix(strings.TrimSpace(rest), "waymark:"); ok {
				marks = append(marks, mark{line: line, text: strings.TrimSpace(m)})
			}
			blank(b, from, to)
		}
		line++
		from = to + 1
	}
	return marks
}
