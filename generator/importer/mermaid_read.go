package importer

import (
	"math"
	"strings"

	"github.com/waymark-cx/waymark/generator/diag"
)

// MermaidDiagram is a journey diagram as Mermaid 11 reads it: what its
// journey db holds after parsing, texts as it draws them (entities
// decoded, white space collapsed), and where each part stands in the
// file.
type MermaidDiagram struct {
	Title    string // the last `title`, else the front matter's
	AccTitle string
	AccDescr string
	Sections []MermaidSection
	Tasks    []MermaidTask
}

// MermaidSection is a `section` line.
type MermaidSection struct {
	Name string
	Line int
}

// MermaidTask is a task line, `Name: score: Actor, Actor`.
type MermaidTask struct {
	Line, Col int
	Section   int     // index in Sections; -1 before the first section
	Name      string  // as drawn
	Score     float64 // JavaScript's Number() of ScoreText: NaN when not a number
	ScoreText string  // as written, trimmed
	ScoreCol  int
	// Actors are Mermaid's people: the text after the second colon split
	// at commas and trimmed; Mermaid keeps empty ones ("Me," gives "Me"
	// and ""). Nil when the task has no second colon.
	Actors []string
	Extra  string // what follows a third colon, which Mermaid ignores
	Stage  bool   // after a `%% waymark: stage` comment: the stage's own score
}

// ReadMermaid parses src as Mermaid's journey parser does, and refuses
// what it refuses: every mistake located at path:line:col, with a hint,
// all of them (Mermaid itself stops at the first).
func ReadMermaid(path string, src []byte) (*MermaidDiagram, error) {
	r := &reader{path: path, prep: prepare(string(src))}
	r.lines = lineStarts(r.prep.text)
	d := r.read()
	if err := r.errs.Err(); err != nil {
		return nil, err
	}
	return d, nil
}

type reader struct {
	path  string
	prep  prepared
	lines []int
	errs  diag.List
}

func lineStarts(s string) []int {
	starts := []int{0}
	for i := 0; i < len(s); i++ {
		if s[i] == '\n' {
			starts = append(starts, i+1)
		}
	}
	return starts
}

// pos is the line and character column of byte offset at.
func (r *reader) pos(at int) (int, int) {
	lo, hi := 0, len(r.lines)-1
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if r.lines[mid] <= at {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	start := r.lines[lo]
	end := len(r.prep.text)
	if lo+1 < len(r.lines) {
		end = r.lines[lo+1]
	}
	return lo + 1, column(r.prep.text[start:end], at-start)
}

func (r *reader) errorf(at int, hint, format string, args ...any) {
	line, col := r.pos(at)
	r.errs.Addf(r.path, line, col, hint, format, args...)
}

func (r *reader) read() *MermaidDiagram {
	text, start := r.prep.text, r.prep.start
	if !detected(text[start:]) {
		hint := "a Mermaid user-journey diagram starts with the line `journey`, in lower case"
		if strings.HasPrefix(strings.TrimLeftFunc(text[start:], isJSSpace), "---") {
			hint = "front matter opens and closes with `---` lines at the same indent, before `journey`"
		}
		first, _, _ := strings.Cut(strings.TrimSpace(text[start:]), "\n")
		if first == "" {
			r.errorf(start, hint, "this file has no diagram")
		} else {
			r.errorf(start, hint, "expected `journey`, not %q", clip(first))
		}
		return nil
	}
	d := &MermaidDiagram{Title: r.prep.title}
	lx := &lexer{s: text, p: start}
	if t := lx.next(); t.kind != tJourney {
		r.unexpected(t, lx)
	}
	lastLine := 0
	for {
		t := lx.next()
		switch t.kind {
		case tEOF:
			return d
		case tNewline:
		case tTitle:
			d.Title = drawn(t.val)
		case tAccTitle:
			d.AccTitle = drawn(t.val)
		case tAccDescr:
			d.AccDescr = drawn(t.val)
		case tSection:
			line, _ := r.pos(t.at)
			d.Sections = append(d.Sections, MermaidSection{Name: drawn(t.val), Line: line})
			lastLine = line
		case tTaskName:
			data := lx.next()
			if data.kind != tTaskData {
				r.taskWithoutData(t, data, lx)
				continue
			}
			task := r.task(t, data, len(d.Sections)-1)
			task.Stage = r.stageMark(lastLine, task.Line)
			d.Tasks = append(d.Tasks, task)
			lastLine = task.Line
		case tOpenDescr:
			r.errorf(t.at, "close it with `}`; the description may span lines", "accDescr { is never closed")
		default:
			r.unexpected(t, lx)
		}
	}
}

// detected is Mermaid's type detector, /^\s*journey/ once comments are
// out: case matters to it, though not to the grammar.
func detected(s string) bool {
	for {
		s = strings.TrimLeftFunc(s, isJSSpace)
		if !strings.HasPrefix(s, "%%") {
			break
		}
		_, s, _ = strings.Cut(s, "\n")
	}
	return strings.HasPrefix(s, "journey")
}

func (r *reader) task(name, data token, section int) MermaidTask {
	line, col := r.pos(name.at)
	pieces := strings.Split(data.val, ":")
	t := MermaidTask{
		Line: line, Col: col, Section: section,
		Name:      drawn(name.val),
		ScoreText: strings.TrimFunc(pieces[0], isJSSpace),
		Score:     jsNumber(pieces[0]),
	}
	_, t.ScoreCol = r.pos(data.vat + len(pieces[0]) - len(strings.TrimLeftFunc(pieces[0], isJSSpace)))
	if strings.TrimFunc(pieces[0], isJSSpace) == "" {
		t.ScoreCol = col
		_, t.ScoreCol = r.pos(data.vat)
	}
	if len(pieces) > 1 {
		for a := range strings.SplitSeq(pieces[1], ",") {
			t.Actors = append(t.Actors, drawn(a))
		}
	}
	if len(pieces) > 2 {
		t.Extra = strings.TrimSpace(strings.Join(pieces[2:], ":"))
	}
	return t
}

// stageMark reports whether a `%% waymark: stage` comment stands between
// the previous statement's line and this task's.
func (r *reader) stageMark(after, line int) bool {
	for _, m := range r.prep.marks {
		if m.line > after && m.line < line && m.text == "stage" {
			return true
		}
	}
	return false
}

const taskHint = "a task is written `Task name: 5: Actor, Actor`: a name, a colon, a score and, after another colon, who does it"

func (r *reader) taskWithoutData(name, next token, lx *lexer) {
	n := strings.TrimSpace(drawn(name.val))
	switch {
	case next.kind == tColon:
		r.errorf(next.at, taskHint, "task %q has nothing after its colon", clip(n))
	case next.kind == tInvalid && next.val == ";":
		r.errorf(next.at, "Mermaid ends a statement at `;`: write it as #59; to keep it in a name", "a name cannot hold `;`")
	case isKeywordStart(n):
		r.errorf(name.at, "Mermaid reads a line starting with `title`, `section`, `journey` or `accTitle` as that statement; write its first letter as an entity (#83; for S)", "%q is not a title, a section or a task", clip(n))
	default:
		r.errorf(name.at, taskHint+"; a # starts a comment (write #35; for the sign)", "%q is not a title, a section or a task", clip(n))
	}
	r.skipLine(next, lx)
}

func isKeywordStart(s string) bool {
	for _, k := range [...]string{"title", "section", "journey", "acctitle", "accdescr"} {
		if hasFold(s, k) {
			return true
		}
	}
	return false
}

func (r *reader) unexpected(t token, lx *lexer) {
	switch t.kind {
	case tJourney:
		r.errorf(t.at, "Mermaid reads a word `journey` at the start of a line as the diagram's first line again; write its first letter as an entity (#74; for J)", "unexpected `journey`")
	case tTaskData:
		r.errorf(t.at, "a section's name cannot hold a colon (write #58;); a task has a name before its colon", "%q has no task name before it", clip(":"+t.val))
	case tColon:
		r.errorf(t.at, taskHint, "a colon with no task name before it")
	case tInvalid:
		if t.val == ";" {
			r.errorf(t.at, "Mermaid ends a statement at `;`: write it as #59; to keep it in a text", "unexpected `;`")
		} else if t.val != "" && (t.val[0] == 'a' || t.val[0] == 'A') {
			r.errorf(t.at, "write the text on the same line: `"+t.val+": text`", "%s has no text", t.val)
		} else {
			r.errorf(t.at, taskHint, "unexpected %q", t.val)
		}
	case tEOF:
		r.errorf(t.at, "a Mermaid user-journey diagram starts with the line `journey`", "the diagram ends before it starts")
	default:
		r.errorf(t.at, "a Mermaid user-journey diagram starts with the line `journey`", "expected `journey`")
	}
	r.skipLine(t, lx)
}

// skipLine goes on after a mistake at the next line, so that every
// mistake is reported, not only Mermaid's first.
func (r *reader) skipLine(t token, lx *lexer) {
	if t.kind == tNewline || t.kind == tEOF {
		return
	}
	if k := strings.IndexByte(lx.s[lx.p:], '\n'); k >= 0 {
		lx.p += k
	} else {
		lx.p = len(lx.s)
	}
}

// HasScore reports whether Mermaid reads the task's score as a number.
func (t MermaidTask) HasScore() bool { return !math.IsNaN(t.Score) }
