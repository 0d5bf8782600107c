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
// A row's label may be in either built-in language ("Actions", "Hành
// động"), the lane's key ("actions", "pain_points"), or a label of own (a
// site's renamings, export.WordsFor); labels are matched without regard
// to case or diacritics (see rows). Rows may come in any order and may be
// left out; empty rows are skipped. The apostrophes that stop
// spreadsheets from running formulas are taken off again. Numbers may
// have a decimal comma ("0,25"); a value that is not a number is a
// mistake, not text.
func CSV(path string, src []byte, own ...export.Words) (*model.Journey, error) {
	return CSVFor(path, src, Site{Words: own})
}

// Site is what an import knows of the site the journey is for.
type Site struct {
	Words []export.Words // the site's own row labels (export.WordsFor)
	Lanes []*model.Lane  // its custom lanes (waymark.toml [[lane]])
}

// CSVFor is CSV for a journey of a site: rows labelled with the name or
// the key of one of the site's custom lanes fill that lane.
func CSVFor(path string, src []byte, site Site) (*model.Journey, error) {
	src = bytes.TrimPrefix(src, []byte(export.BOM))
	p := &csvParser{path: path, src: src, j: &model.Journey{Type: model.CurrentState, Lanes: site.Lanes}, seen: map[string]int{},
		rows: newRows(site.Words), custom: customRows(site.Lanes)}
	p.words = p.rows.langs["en"]
	p.parse()
	if p.errs.Len() > 0 {
		return nil, p.errs.Err()
	}
	return p.j, nil
}

type csvParser struct {
	path   string
	src    []byte // without the BOM
	starts []int  // the offset of each line in src, made by col
	errs   diag.List
	j      *model.Journey
	r      *csv.Reader
	rows   *rows
	// words are the labels of the file's language, as the first label
	// read tells it (English until then), for the hints.
	words  export.Words
	stages int                    // columns of the Stage row; 0 before it
	seen   map[string]int         // row key → line, to find a row given twice
	custom map[string]*model.Lane // folded name or key → the site's custom lane
}

// errorf adds a mistake at a line and a byte column, as encoding/csv
// counts them; the message gives the column in characters.
func (p *csvParser) errorf(line, col int, hint, format string, args ...any) {
	p.errs.Addf(p.path, line, p.col(line, col), hint, format, args...)
}

// col turns a byte column of a line into a column in characters.
func (p *csvParser) col(line, col int) int {
	if p.starts == nil {
		p.starts = []int{0}
		for i, b := range p.src {
			if b == '\n' {
				p.starts = append(p.starts, i+1)
			}
		}
	}
	if line < 1 || line > len(p.starts) || col <= 1 {
		return col
	}
	start := p.starts[line-1]
	return utf8.RuneCount(p.src[start:min(start+col-1, len(p.src))]) + 1
}

// label is the label of a key in the file's language.
func (p *csvParser) label(key string) string { return p.words.Of(key) }

// labels lists the rows' labels in the file's language, for a hint.
func (p *csvParser) labels() string {
	var out []string
	for _, k := range rowKeys() {
		out = append(out, p.label(k))
	}
	return strings.Join(out, ", ")
}

// candidates are the labels a mistyped one may be meant as: the file's
// language's first, which win a tie.
func (p *csvParser) candidates() []string {
	var out []string
	for _, k := range rowKeys() {
		out = append(out, p.label(k))
	}
	for _, l := range p.j.Lanes {
		out = append(out, l.Name)
	}
	return append(out, p.rows.all...)
}

func (p *csvParser) parse() {
	src := p.src
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
	langKnown := false
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
				p.errorf(line, 1, "the first cell of a row names it: "+p.labels(), "this row has no label")
			}
			continue
		}
		key, words, ok := p.rows.find(label)
		persona := ""
		if !ok {
			persona, ok = p.rows.emotion(label)
			key = export.KeyEmotion
		}
		custom := p.custom[foldLabel(label)]
		if !ok && custom != nil {
			key, ok = custom.Key, true
		}
		if !ok {
			hint := "rows are " + p.labels() + "; or the keys of the journey format (actions, pain_points …)"
			if len(p.custom) == 0 {
				hint += "; a custom lane's row is read with -s, from the site whose waymark.toml declares it"
			}
			p.errorf(line, 1, hint, "unknown row %q%s", label, diag.DidYouMean(label, p.candidates()))
			continue
		}
		if words != nil && !langKnown {
			p.words, langKnown = words, true
		}
		seenAs := key + "\x00" + persona
		if prev, dup := p.seen[seenAs]; dup {
			p.errorf(line, 1, "keep one row per label and put several items in one cell, one per line", "row %q again (first on line %d)", label, prev)
			continue
		}
		p.seen[seenAs] = line
		if slices.Contains(export.Facts(), key) {
			p.fact(key, label, rec)
			continue
		}
		if key == export.KeyStage {
			p.stageRow(rec, line)
			continue
		}
		if p.stages == 0 {
			p.errorf(line, 1, "the stage names come first, in a row labelled "+p.label(export.KeyStage), "row %q comes before the %s row", label, p.label(export.KeyStage))
			continue
		}
		if key == export.KeyEmotion {
			p.emotionRow(persona, label, rec)
			continue
		}
		if custom != nil && key == custom.Key {
			p.laneRow(export.CustomLane(custom), label, rec)
			continue
		}
		i := slices.IndexFunc(lanes, func(l export.Lane) bool { return l.Key == key })
		p.laneRow(lanes[i], label, rec)
	}
	if p.stages == 0 {
		p.errorf(max(lastLine, 1), 1, "add a row whose first cell is "+p.label(export.KeyStage)+" and whose other cells name the stages",
			"no %s row", p.label(export.KeyStage))
	}
	if p.j.Title == "" && p.stages > 0 {
		p.errorf(1, 1, "add a row whose first cell is "+p.label(export.KeyTitle)+" and whose second cell is the title", "the journey has no title")
	}
}

// fact reads one of the journey's own rows: the value is its second cell.
func (p *csvParser) fact(key, label string, rec []string) {
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
	switch key {
	case export.KeyTitle:
		p.j.Title = oneLine(v)
	case export.KeyType:
		if v == "" {
			return
		}
		t, ok := export.ParseValue("type", v)
		if !ok {
			en, vi := export.ValueSpellings("type")
			l, c := p.r.FieldPos(1)
			p.errorf(l, c, "type is "+diag.OneOf(en)+"; or in Vietnamese "+diag.OneOf(vi), "unknown type %q%s", v,
				diag.DidYouMean(v, append(slices.Clone(en), vi...)))
			return
		}
		p.j.Type = model.MapType(t)
	case export.KeyPersonas:
		for _, s := range cellLines(v) {
			s := slug.Make(s.text)
			if s != "" && !slices.Contains(p.j.PersonaSlugs, s) {
				p.j.PersonaSlugs = append(p.j.PersonaSlugs, s)
			}
		}
	case export.KeySummary:
		p.j.Summary = v
	case export.KeyGoal:
		p.j.Goal = v
	case export.KeyOwner:
		p.j.Owner = oneLine(v)
	case export.KeyTags:
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
		p.errorf(line, 1, "name the stages in the cells right of "+p.label(export.KeyStage)+": Awareness, Consideration …", "the %s row names no stage", p.label(export.KeyStage))
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
			p.errorf(l, c, "the "+p.label(export.KeyStage)+" row names "+plural(p.stages, "stage", "stages")+"; add a stage name above this cell, or move it",
				"a value in column %d of row %q, right of the last stage", i+1, label)
			continue
		}
		fn(p.j.Stages[i-1], cellLines(rec[i]), l, c)
	}
}

func (p *csvParser) laneRow(lane export.Lane, label string, rec []string) {
	p.cells(label, rec, func(s *model.Stage, lines []cellLine, l, c int) {
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
			hint := laneHint(lane.Key)
			var h *export.Hinted
			if errors.As(err, &h) {
				hint = h.Hint
			}
			p.errorf(at, col, hint, "%s of stage %q: %v", label, s.Name, err)
		}
	})
}

func (p *csvParser) emotionRow(persona, label string, rec []string) {
	if persona != "" && !slices.Contains(p.j.PersonaSlugs, persona) {
		l, c := p.r.FieldPos(0)
		hint := "name the personas in the " + p.label(export.KeyPersonas) + " row first"
		if len(p.j.PersonaSlugs) > 0 {
			hint = "the " + p.label(export.KeyPersonas) + " row names " + strings.Join(p.j.PersonaSlugs, ", ")
		}
		p.errorf(l, c, hint, "row %q is for a persona the journey does not have", label)
		return
	}
	p.cells(label, rec, func(s *model.Stage, lines []cellLine, l, c int) {
		v := ""
		for _, ln := range lines {
			v += ln.text
		}
		f, err := export.DecimalScore(v)
		if err != nil {
			p.errorf(l, c, "emotion is a score from 1 (very negative) to 5 (very positive), such as 4 or 3,5", "%s of stage %q: %v", label, s.Name, err)
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

func laneHint(key string) string {
	switch key {
	case "touchpoint":
		return "one touchpoint a line: Name | channel: Website | kind: digital | owner: Team | emotion: 3 | fail point | description: …"
	case "pain_points", "opportunities":
		return "one item a line: Text | owner: Team | status: open | severity: 2"
	case "metric":
		return "one metric a line: Name | value: 1.8 | target: 2.5 | unit: % | lower is better (or value: 64% | target: 80%; 1,8 for a decimal comma)"
	case "drop_off":
		return "a share of customers from 0 to 1, such as 0.35 or 0,35, or a percentage, such as 35%"
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
