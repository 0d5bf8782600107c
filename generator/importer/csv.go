package importer

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/waymark-cx/waymark/generator/diag"
	"github.com/waymark-cx/waymark/generator/export"
	"github.com/waymark-cx/waymark/generator/model"
	"github.com/waymark-cx/waymark/generator/slug"
)

// CSV reads a journey in the shape export.CSV writes: the journey's facts
// (Journey, Type, Personas, Summary, Goal, Owner, Tags) in rows above a
// "Stage" row of stage names, then one row per lane, one cell per stage.
// Labels are matched without regard to case; rows may come in any order
// and may be left out; empty rows are skipped. The apostrophes that stop
// spreadsheets from running formulas are taken off again.
func CSV(path string, src []byte) (*model.Journey, error) {
	p := &csvParser{path: path, j: &model.Journey{Type: model.CurrentState}, seen: map[string]int{}}
	p.parse(bytes.TrimPrefix(src, []byte(export.BOM)))
	if p.errs.Len() > 0 {
		return nil, p.errs.Err()
	}
	return p.j, nil
}

// facts are the rows of a journey's own facts, in the order export.CSV
// writes them.
func facts() []string {
	return []string{export.LabelTitle, export.LabelType, export.LabelPersonas, export.LabelSummary,
		export.LabelGoal, export.LabelOwner, export.LabelTags}
}

type csvParser struct {
	path   string
	errs   diag.List
	j      *model.Journey
	r      *csv.Reader
	stages int            // columns of the Stage row; 0 before it
	seen   map[string]int // label → line, to find a row given twice
}

func (p *csvParser) errorf(line, col int, hint, format string, args ...any) {
	p.errs.Addf(p.path, line, col, hint, format, args...)
}

func labels() []string {
	out := facts()
	out = append(out, export.LabelStage, export.LabelEmotion)
	for _, l := range export.Lanes() {
		out = append(out, l.Label)
	}
	return out
}

func (p *csvParser) parse(src []byte) {
	if !utf8.Valid(src) {
		line := 1 + bytes.Count(src[:invalidAt(src)], []byte("\n"))
		p.errorf(line, 1, "save the spreadsheet as \"CSV UTF-8\" (Excel: File → Save As → CSV UTF-8), which keeps Vietnamese letters",
			"the file is not UTF-8 text")
		return
	}
	p.r = csv.NewReader(bytes.NewReader(src))
	p.r.Comma = delimiter(src)
	p.r.FieldsPerRecord = -1
	lanes := export.Lanes()
	known := facts()
	var lastLine int
	for {
		rec, err := p.r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				p.errorf(pe.Line, pe.Column, "a cell with commas, quotes or line breaks is put in double quotes, and a quote inside it is doubled (\"\")",
					"%v", pe.Err)
			} else {
				p.errorf(lastLine+1, 1, "", "%v", err)
			}
			return
		}
		line, _ := p.r.FieldPos(0)
		lastLine = line
		for i := range rec {
			rec[i] = export.Undefuse(rec[i])
		}
		label := strings.TrimSpace(rec[0])
		if label == "" {
			if slices.ContainsFunc(rec[1:], func(c string) bool { return strings.TrimSpace(c) != "" }) {
				p.errorf(line, 1, "the first cell of a row names it: "+strings.Join(labels(), ", "), "this row has no label")
			}
			continue
		}
		key := strings.ToLower(label)
		if prev, dup := p.seen[key]; dup {
			p.errorf(line, 1, "keep one row per label and put several items in one cell, one per line", "row %q again (first on line %d)", label, prev)
			continue
		}
		p.seen[key] = line
		if i := slices.IndexFunc(known, func(f string) bool { return strings.EqualFold(f, label) }); i >= 0 || strings.EqualFold(label, "title") {
			p.fact(known[max(i, 0)], rec)
			continue
		}
		if strings.EqualFold(label, export.LabelStage) {
			p.stageRow(rec, line)
			continue
		}
		if p.stages == 0 {
			p.errorf(line, 1, "the stage names come first, in a row labelled Stage", "row %q comes before the Stage row", label)
			continue
		}
		if persona, ok := emotionLabel(label); ok {
			p.emotionRow(persona, rec)
			continue
		}
		i := slices.IndexFunc(lanes, func(l export.Lane) bool { return strings.EqualFold(l.Label, label) })
		if i < 0 {
			p.errorf(line, 1, "rows are "+strings.Join(labels(), ", "), "unknown row %q%s", label, diag.DidYouMean(label, labels()))
			continue
		}
		p.laneRow(lanes[i], rec)
	}
	if p.stages == 0 {
		p.errorf(max(lastLine, 1), 1, "add a row whose first cell is Stage and whose other cells name the stages", "no Stage row")
	}
	if p.j.Title == "" && p.stages > 0 {
		p.errorf(1, 1, "add a row whose first cell is Journey and whose second cell is the title", "the journey has no title")
	}
}

// fact reads one of the journey's own rows: the value is its second cell.
func (p *csvParser) fact(label string, rec []string) {
	v := ""
	if len(rec) > 1 {
		v = strings.TrimSpace(rec[1])
	}
	for i := 2; i < len(rec); i++ {
		if strings.TrimSpace(rec[i]) != "" {
			l, c := p.r.FieldPos(i)
			p.errorf(l, c, "the value of "+label+" goes in the second cell; the others stay empty", "unexpected value in column %d of row %q", i+1, label)
		}
	}
	switch label {
	case export.LabelTitle:
		p.j.Title = oneLine(v)
	case export.LabelType:
		if v == "" {
			return
		}
		var types []string
		for _, t := range model.MapTypes() {
			types = append(types, string(t))
		}
		if !slices.Contains(types, v) {
			l, c := p.r.FieldPos(1)
			p.errorf(l, c, "type is "+diag.OneOf(types), "unknown type %q%s", v, diag.DidYouMean(v, types))
			return
		}
		p.j.Type = model.MapType(v)
	case export.LabelPersonas:
		for _, s := range cellLines(v) {
			s := slug.Make(s.text)
			if s != "" && !slices.Contains(p.j.PersonaSlugs, s) {
				p.j.PersonaSlugs = append(p.j.PersonaSlugs, s)
			}
		}
	case export.LabelSummary:
		p.j.Summary = v
	case export.LabelGoal:
		p.j.Goal = v
	case export.LabelOwner:
		p.j.Owner = oneLine(v)
	case export.LabelTags:
		for _, t := range cellLines(v) {
			p.j.Tags = append(p.j.Tags, t.text)
		}
	}
}

func (p *csvParser) stageRow(rec []string, line int) {
	last := 0
	for i := 1; i < len(rec); i++ {
		if strings.TrimSpace(rec[i]) != "" {
			last = i
		}
	}
	if last == 0 {
		p.errorf(line, 1, "name the stages in the cells right of Stage: Awareness, Consideration …", "the Stage row names no stage")
		return
	}
	p.stages = last
	for i := 1; i <= last; i++ {
		name := oneLine(rec[i])
		if name == "" {
			l, c := p.r.FieldPos(i)
			p.errorf(l, c, "every column between the first and the last stage needs a stage name", "column %d has no stage name", i+1)
		}
		p.j.Stages = append(p.j.Stages, &model.Stage{Index: i - 1, Name: name})
	}
}

// cells calls fn for each stage's cell of a lane row that has something
// in it, reporting values right of the last stage.
func (p *csvParser) cells(label string, rec []string, fn func(s *model.Stage, lines []cellLine, line, col int)) {
	for i := 1; i < len(rec); i++ {
		if strings.TrimSpace(rec[i]) == "" {
			continue
		}
		l, c := p.r.FieldPos(i)
		if i > p.stages {
			p.errorf(l, c, "the Stage row names "+plural(p.stages, "stage", "stages")+"; add a stage name above this cell, or move it",
				"a value in column %d of row %q, right of the last stage", i+1, label)
			continue
		}
		fn(p.j.Stages[i-1], cellLines(rec[i]), l, c)
	}
}

func (p *csvParser) laneRow(lane export.Lane, rec []string) {
	p.cells(lane.Label, rec, func(s *model.Stage, lines []cellLine, l, c int) {
		texts := make([]string, len(lines))
		for i, ln := range lines {
			texts[i] = ln.text
		}
		bad, err := lane.Set(s, texts)
		if err != nil {
			at, col := l, c
			if bad < len(lines) && lines[bad].offset > 0 {
				at, col = l+lines[bad].offset, 1
			}
			p.errorf(at, col, laneHint(lane.Label), "%s of stage %q: %v", lane.Label, s.Name, err)
		}
	})
}

func (p *csvParser) emotionRow(persona string, rec []string) {
	label := export.LabelEmotion
	if persona != "" {
		label = export.EmotionLabel(persona)
		if !slices.Contains(p.j.PersonaSlugs, persona) {
			l, c := p.r.FieldPos(0)
			hint := "name the personas in the Personas row first"
			if len(p.j.PersonaSlugs) > 0 {
				hint = "the Personas row names " + strings.Join(p.j.PersonaSlugs, ", ")
			}
			p.errorf(l, c, hint, "row %q is for a persona the journey does not have", label)
			return
		}
	}
	p.cells(label, rec, func(s *model.Stage, lines []cellLine, l, c int) {
		v := ""
		for _, ln := range lines {
			v += ln.text
		}
		f, err := export.Score(v)
		if err != nil {
			p.errorf(l, c, "emotion is a score from 1 (very negative) to 5 (very positive)", "%s of stage %q: %v", label, s.Name, err)
			return
		}
		if s.Emotion == nil {
			s.Emotion = map[string]float64{}
		}
		switch {
		case persona != "":
			s.Emotion[persona] = f
		case len(p.j.PersonaSlugs) == 0:
			s.Emotion[""] = f
		default:
			for _, per := range p.j.PersonaSlugs {
				s.Emotion[per] = f
			}
		}
	})
}

// emotionLabel reads "Emotion" or "Emotion (lan)".
func emotionLabel(label string) (persona string, ok bool) {
	if strings.EqualFold(label, export.LabelEmotion) {
		return "", true
	}
	rest, found := strings.CutPrefix(strings.ToLower(label), strings.ToLower(export.LabelEmotion)+" (")
	if !found || !strings.HasSuffix(rest, ")") {
		return "", false
	}
	return slug.Make(strings.TrimSuffix(rest, ")")), true
}

func laneHint(label string) string {
	switch label {
	case "Touchpoints":
		return "one touchpoint a line: Name | channel: Website | kind: digital | owner: Team | emotion: 3 | fail point | description: …"
	case "Pain points", "Opportunities":
		return "one item a line: Text | owner: Team | status: open | severity: 2"
	case "Metrics":
		return "one metric a line: Name | value: 1.8 | target: 2.5 | unit: % | lower is better"
	case "Drop-off":
		return "a share of customers from 0 to 1, such as 0.35, or a percentage, such as 35%"
	}
	return ""
}

// cellLine is one non-empty line of a cell, with its offset in lines from
// the cell's first line.
type cellLine struct {
	text   string
	offset int
}

func cellLines(cell string) []cellLine {
	var out []cellLine
	for i, l := range strings.Split(strings.ReplaceAll(cell, "\r\n", "\n"), "\n") {
		if t := strings.TrimSpace(strings.TrimSuffix(l, "\r")); t != "" {
			out = append(out, cellLine{t, i})
		}
	}
	return out
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

// delimiter guesses the separator from the first line: spreadsheets in
// many locales save CSV with semicolons, and some with tabs.
func delimiter(src []byte) rune {
	first, _, _ := bytes.Cut(src, []byte("\n"))
	best, most := ',', 0
	for _, d := range []rune{',', ';', '\t'} {
		n, quoted := 0, false
		for _, r := range string(first) {
			switch {
			case r == '"':
				quoted = !quoted
			case r == d && !quoted:
				n++
			}
		}
		if n > most {
			best, most = d, n
		}
	}
	return best
}

func invalidAt(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return len(b)
}
