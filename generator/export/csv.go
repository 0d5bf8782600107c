package export

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"io"
	"strconv"
	"strings"
	"sync"
	"unsafe"

	"github.com/waymark-cx/waymark/generator/model"
)

// BOM starts every CSV file: without it, Excel reads UTF-8 as the
// computer's legacy code page and garbles Vietnamese.
const BOM = "\ufeff"

// csvFormat offers a journey to spreadsheets; a blank template too, so
// that a workshop can fill it in Excel and import it.
func csvFormat() Format {
	kit := new(csvKit)
	return Format{
		Ext: "csv", MediaType: "text/csv", ContentType: "text/csv; charset=utf-8",
		Label: "download.csv", Template: true,
		Write: func(dst []byte, j *model.Journey, in Input) []byte { return appendCSV(dst, j, in.Words, kit) },
	}
}

// csvKit is what the CSV format keeps for journey after journey: the
// lanes (their functions hold nothing of a journey), made when the first
// journey is, since Formats is called for the formats' names too, and
// the csv.Writers' buffers.
type csvKit struct {
	once  sync.Once
	lanes []Lane
	bufs  writerPool
}

func (k *csvKit) lanesOnce() []Lane {
	k.once.Do(func() { k.lanes = Lanes() })
	return k.lanes
}

// CSV writes j as a spreadsheet: the journey's facts, then a row of stage
// names and one row per lane, each labelled in w's language (nil:
// English). Every row has as many cells as the stage row, so that
// spreadsheets line the columns up.
func CSV(j *model.Journey, w Words) []byte { return appendCSV(nil, j, w, new(csvKit)) }

// appendCSV appends CSV(j, w) to dst, with kit's lanes and buffers.
func appendCSV(dst []byte, j *model.Journey, w Words, kit *csvKit) []byte {
	if w == nil {
		w = WordsFor("en", nil)
	}
	out := bytes.NewBuffer(dst)
	bw := kit.bufs.get(out)
	defer kit.bufs.put(bw)
	t := newTableTo(bw)
	width := 1 + max(len(j.Stages), 1)
	row := make([]string, width) // each row's, written at once
	// A cell of several lines is joined in lines, which the row's cells
	// read until the row is written (the csv.Writer copies them) and the
	// next row writes over.
	var lines []byte
	join := func(v []string) string {
		if len(v) < 2 {
			return strings.Join(v, "")
		}
		start := len(lines)
		for i, l := range v {
			if i > 0 {
				lines = append(lines, '\n')
			}
			lines = append(lines, l...)
		}
		return unsafe.String(&lines[start], len(lines)-start)
	}
	write := func() {
		t.row(row...)
		clear(row)
		lines = lines[:0]
	}
	fact := func(key string, v ...string) {
		row[0] = w.Of(key)
		row[1] = join(v)
		write()
	}
	fact(KeyTitle, j.Title)
	fact(KeyType, w.Value("type", string(j.Type)))
	fact(KeyPersonas, j.PersonaSlugs...)
	fact(KeySummary, j.Summary)
	fact(KeyGoal, j.Goal)
	fact(KeyOwner, j.Owner)
	fact(KeyTags, j.Tags...)
	lane := func(label string, cell func(s *model.Stage, w Words) []string) {
		row[0] = label
		for i, s := range j.Stages {
			row[i+1] = join(cell(s, w))
		}
		write()
	}
	row[0] = w.Of(KeyStage)
	for i, s := range j.Stages {
		row[i+1] = s.Name
	}
	write()
	for _, l := range kit.lanesOnce() {
		lane(w.Of(l.Key), l.Cell)
		if l.Key == "touchpoint" {
			for _, p := range emotionRows(j) {
				label := w.Of(KeyEmotion)
				if len(j.PersonaSlugs) > 1 {
					label = w.Emotion(p)
				}
				lane(label, func(s *model.Stage, _ Words) []string {
					if f, ok := s.Emotion[p]; ok {
						return []string{num(f)}
					}
					return nil
				})
			}
		}
	}
	for _, l := range j.Lanes {
		lane(l.Name, CustomLane(l).Cell)
	}
	_ = t.flush() // into memory, which takes every write
	return out.Bytes()
}

// writerPool lends the buffers of csv.Writers that write to memory (a
// journey's CSV): a csv.Writer of a *bufio.Writer writes through it
// rather than making a buffer of its own. Its zero value is ready.
type writerPool struct{ pool sync.Pool }

func (p *writerPool) get(w io.Writer) *bufio.Writer {
	if bw, ok := p.pool.Get().(*bufio.Writer); ok {
		bw.Reset(w)
		return bw
	}
	return bufio.NewWriter(w)
}

func (p *writerPool) put(bw *bufio.Writer) {
	bw.Reset(nil)
	p.pool.Put(bw)
}

// table writes a CSV file the way spreadsheets read it: a BOM, CRLF line
// ends, every cell defused (see Defuse).
type table struct {
	w *csv.Writer
	// err is the BOM's; the rows' are the csv.Writer's.
	err error
	// failed is set once a row's write failed: the rows after it are
	// not written, and the long lists stop (ok).
	failed bool
	// cells are the cells of the hub's rows (rowWhere), made again for
	// each, and addrs the bytes of their addresses.
	cells []string
	addrs []byte
}

// ok reports whether the rows so far were written: a list of thousands
// stops at the first that was not (a reader gone, a rebuild told to
// stop), rather than making the rest for nothing.
func (t *table) ok() bool { return !t.failed && t.err == nil }

// newTableTo makes a table written to w, for flush.
func newTableTo(w io.Writer) *table {
	t := &table{}
	t.start(w)
	return t
}

func (t *table) start(w io.Writer) {
	_, t.err = io.WriteString(w, BOM)
	t.w = csv.NewWriter(w)
	t.w.UseCRLF = true // what Excel writes, and RFC 4180
}

// row writes one row; it changes the cells of the slice it is given.
func (t *table) row(cells ...string) {
	for i, c := range cells {
		if strings.ContainsRune(c, '\r') {
			// encoding/csv drops a lone CR when writing CRLF: make it
			// the line break it stands for, then defuse.
			c = strings.ReplaceAll(strings.ReplaceAll(c, "\r\n", "\n"), "\r", "\n")
		}
		cells[i] = Defuse(c)
	}
	if t.failed {
		return
	}
	if err := t.w.Write(cells); err != nil {
		t.failed = true // and shows in flush
	}
}

// rowWhere writes a row of the hub's: cells, then where the entry
// stands, at stage st of journey j: the journey's title and address, the
// stage's name and address.
func (t *table) rowWhere(sh Sheet, j *model.Journey, st *model.Stage, cells ...string) {
	// The addresses, the journey's and the stage's (the journey's and a
	// fragment), are made in one buffer the table uses again row after
	// row: they are the half of what a hub file would allocate, and the
	// csv.Writer copies them as it writes the row, before the next row
	// writes over them.
	b := append(append(t.addrs[:0], sh.Base...), j.URL...)
	n := len(b)
	b = strconv.AppendInt(append(b, "#stage-"...), int64(st.Index+1), 10)
	t.addrs = b
	journey, stage := unsafe.String(&b[0], n), unsafe.String(&b[0], len(b))
	t.cells = append(append(t.cells[:0], cells...), j.Title, journey, st.Name, stage)
	t.row(t.cells...)
}

// flush writes out what is buffered and returns the first error.
func (t *table) flush() error {
	t.w.Flush()
	if t.err != nil {
		return t.err
	}
	return t.w.Error()
}

// emotionRows gives the persona slug of each emotion row: one row for a
// journey with at most one persona, one per persona otherwise.
func emotionRows(j *model.Journey) []string {
	switch len(j.PersonaSlugs) {
	case 0:
		return []string{""}
	case 1:
		return []string{j.PersonaSlugs[0]}
	}
	return j.PersonaSlugs
}

// Defuse stops a spreadsheet from running a cell as a formula: a cell
// starting with =, +, -, @, a tab, a line break or a NUL gets a leading
// apostrophe, which spreadsheets hide and treat as "this is text"
// (the OWASP advice on CSV injection, and ASVS's list). Undefuse takes
// it off again.
func Defuse(c string) string {
	if c != "" && formulaStart(c[0]) {
		return "'" + c
	}
	return c
}

// Undefuse removes the apostrophe Defuse added.
func Undefuse(c string) string {
	if len(c) > 1 && c[0] == '\'' && formulaStart(c[1]) {
		return c[1:]
	}
	return c
}

// formulaStart reports whether a cell starting with b may be read as a
// formula (after a line break, the formula is on the cell's next line).
func formulaStart(b byte) bool {
	switch b {
	case '=', '+', '-', '@', '\t', '\r', '\n', 0:
		return true
	}
	return false
}
