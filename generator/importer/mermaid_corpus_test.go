package importer_test

import (
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/waymark-cx/waymark/generator/importer"
)

// reading is how Mermaid reads one diagram, as reference.mjs records it.
type reading struct {
	OK       bool          `json:"ok"`
	Error    string        `json:"error,omitempty"`
	Title    string        `json:"title"`
	AccTitle string        `json:"accTitle"`
	AccDescr string        `json:"accDescr"`
	Sections []string      `json:"sections"`
	Tasks    []readingTask `json:"tasks"`
}

type readingTask struct {
	Section string   `json:"section"`
	Task    string   `json:"task"`
	Score   any      `json:"score"` // a number, or "NaN", "Infinity"
	People  []string `json:"people"`
}

const corpus = "testdata/mermaid"

func loadReadings(t *testing.T, file string) map[string]reading {
	t.Helper()
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var out map[string]reading
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatal(err)
	}
	return out
}

// waymarkReading is what Waymark's reader makes of a diagram, in the
// shape of Mermaid's reading.
func waymarkReading(d *importer.MermaidDiagram) reading {
	r := reading{OK: true, Title: d.Title, AccTitle: d.AccTitle, AccDescr: d.AccDescr, Sections: []string{}, Tasks: []readingTask{}}
	for _, s := range d.Sections {
		r.Sections = append(r.Sections, s.Name)
	}
	for _, t := range d.Tasks {
		rt := readingTask{Task: t.Name, People: t.Actors, Score: jsonScore(t.Score)}
		if t.Section >= 0 {
			rt.Section = d.Sections[t.Section].Name
		}
		if rt.People == nil {
			rt.People = []string{}
		}
		r.Tasks = append(r.Tasks, rt)
	}
	return r
}

func jsonScore(f float64) any {
	switch {
	case math.IsNaN(f):
		return "NaN"
	case math.IsInf(f, 1):
		return "Infinity"
	case math.IsInf(f, -1):
		return "-Infinity"
	}
	return f
}

// normal makes a recorded reading comparable: JSON numbers as float64.
func normal(r reading) reading {
	r.Error = ""
	if r.Sections == nil {
		r.Sections = []string{}
	}
	if r.Tasks == nil {
		r.Tasks = []readingTask{}
	}
	for i := range r.Tasks {
		if r.Tasks[i].People == nil {
			r.Tasks[i].People = []string{}
		}
	}
	return r
}

// TestMermaidCorpus: for every diagram of the corpus, Waymark's reader
// gives Mermaid's verdict and, when it accepts, Mermaid's reading:
// title, accessible title and description, sections, and every task in
// order with its section, score and people.
func TestMermaidCorpus(t *testing.T) {
	want := loadReadings(t, filepath.Join(corpus, "reading.json"))
	files, _ := filepath.Glob(filepath.Join(corpus, "*.mmd"))
	if len(files) < 40 || len(files) != len(want) {
		t.Fatalf("%d diagrams, %d readings: want at least 40, one reading each (run reference.mjs)", len(files), len(want))
	}
	accepted := 0
	for _, f := range files {
		name := filepath.Base(f)
		src, _ := os.ReadFile(f)
		w, ok := want[name]
		if !ok {
			t.Errorf("%s: no reading in reading.json", name)
			continue
		}
		d, err := importer.ReadMermaid(name, src)
		if !w.OK {
			if err == nil {
				t.Errorf("%s: Mermaid refuses it (%s), Waymark accepts it", name, w.Error)
			} else if !strings.HasPrefix(err.Error(), name+":") || !strings.Contains(err.Error(), "hint: ") {
				t.Errorf("%s: the error does not say where and what to do:\n%v", name, err)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: Mermaid accepts it, Waymark refuses it:\n%v", name, err)
			continue
		}
		accepted++
		if got := waymarkReading(d); !reflect.DeepEqual(got, normal(w)) {
			a, _ := json.Marshal(normal(w))
			b, _ := json.Marshal(got)
			t.Errorf("%s: Waymark reads it otherwise\nMermaid %s\nWaymark %s", name, a, b)
		}
		// And it imports: nothing of it is lost.
		if _, err := importer.Mermaid(name, src, nil); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
	if accepted < 40 {
		t.Errorf("%d diagrams that Mermaid accepts: want at least 40", accepted)
	}
}

// TestMermaidErrors: what Mermaid refuses, Waymark refuses at the line
// and column of the mistake, with a hint, every mistake at once.
func TestMermaidErrors(t *testing.T) {
	for _, tc := range []struct {
		src  string
		want []string
	}{
		{"flowchart TD\n", []string{"a.mmd:1:1: expected `journey`, not \"flowchart TD\""}},
		{"", []string{"a.mmd:1:1: this file has no diagram"}},
		{"JOURNEY\ntitle T\n", []string{"a.mmd:1:1: expected `journey`, not \"JOURNEY\"", "in lower case"}},
		{"journey\ntitle T\nsection Step 1: Context\n  Go: 3: Me\n", []string{"a.mmd:3:15: \": Context\" has no task name before it", "#58;"}},
		{"journey\nsection S\n  Wait; go: 2: Me\n  Just words\n  Section review: 2: Me\n  Journey on: 1: Me\n  x:\n", []string{
			"a.mmd:3:7: a name cannot hold `;`",
			"a.mmd:4:3: \"Just words\" is not a title, a section or a task",
			"a.mmd:5:17: \": 2: Me\" has no task name before it",
			"a.mmd:6:3: unexpected `journey`",
			"a.mmd:7:4: task \"x\" has nothing after its colon",
		}},
		{"journey\ntitle T\n  Ticket #42: 2: Me\n", []string{"a.mmd:3:3: \"Ticket\" is not a title, a section or a task", "#35;"}},
		{"journey\ntitle T\naccDescr {\nnever closed\n", []string{"a.mmd:3:1: accDescr { is never closed"}},
		{"journey\n  title 用户\n  section 上午\n    启动; 软件: 5: 用户\n", []string{"a.mmd:4:7: a name cannot hold `;`"}},
	} {
		_, err := importer.Mermaid("a.mmd", []byte(tc.src), nil)
		if err == nil {
			t.Errorf("%q: no error", tc.src)
			continue
		}
		for _, w := range tc.want {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("%q: error\n%v\ndoes not contain %q", tc.src, err, w)
			}
		}
	}
}

// TestMermaidKeepsEverything: what a diagram says survives the import,
// and what Waymark cannot hold as it is comes with a warning at its line.
func TestMermaidKeepsEverything(t *testing.T) {
	src := "journey\n" +
		"  title Paying\n" +
		"  accTitle: Paying at the till\n" +
		"  accDescr: Ticket #42 covers it\n" +
		"  Wake up: 3\n" +
		"  section Pay\n" +
		"    Pay: 2: Me\n" +
		"    Pay: 4: me, ME\n" +
		"    Shrug: 3\n" +
		"    Think: high: Me\n" +
		"  section 下午\n" +
		"    分享: 5: 用户, 同事\n" +
		"    Wait: 1: Me:Cat\n"
	im, err := importer.Mermaid("pay.mmd", []byte(src), []importer.SitePersona{{Slug: "me", Name: "Me"}})
	if err != nil {
		t.Fatal(err)
	}
	j := im.Journey
	var got []string
	for _, s := range j.Stages {
		for i := range s.Actions {
			a := s.ActionAt(i)
			got = append(got, fmt.Sprintf("%s/%s/%v/%v/%v", s.Name, a.Text, a.Emotion, a.HasEmotion, a.Personas))
		}
	}
	want := []string{
		"Wake up/Wake up/3/true/[]",
		"Pay/Pay/2/true/[me]",
		"Pay/Pay/4/true/[me-2 me-3]",
		"Pay/Shrug/3/true/[]",
		"Pay/Think/0/false/[me]",
		"下午/分享/5/true/[persona persona-2]",
		"下午/Wait/1/true/[me]",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("actions\n got %q\nwant %q", got, want)
	}
	if j.Title != "Paying" || j.Summary != "Ticket #42 covers it" || !reflect.DeepEqual(im.Notes, []string{"Accessible title: Paying at the till"}) {
		t.Errorf("title %q, summary %q, notes %q", j.Title, j.Summary, im.Notes)
	}
	var ps []string
	for _, p := range im.Personas {
		ps = append(ps, fmt.Sprintf("%s=%s new:%v", p.Slug, p.Name, p.New))
	}
	if w := []string{"me=Me new:false", "me-2=me new:true", "me-3=ME new:true", "persona=用户 new:true", "persona-2=同事 new:true"}; !reflect.DeepEqual(ps, w) {
		t.Errorf("personas %q, want %q", ps, w)
	}
	var warns []string
	for _, w := range im.Warnings {
		warns = append(warns, w.Location()+": "+w.Msg)
	}
	sort.Strings(warns)
	for _, w := range []string{
		`pay.mmd:1:1: accTitle "Paying at the till" differs from the title: it is kept in the journey's text`,
		`pay.mmd:5:3: task "Wake up" comes before the first section: it goes in a stage of its own, named after it`,
		`pay.mmd:10:12: score "high" of task "Think" is not a number (Mermaid reads NaN): the action is imported without an emotion`,
		`pay.mmd:13:5: Mermaid ignores "Cat" after the third colon of task "Wait", and so does Waymark`,
	} {
		if !contains(warns, w) {
			t.Errorf("no warning %q in\n%s", w, strings.Join(warns, "\n"))
		}
	}
}

func contains(list []string, s string) bool {
	for _, l := range list {
		if l == s {
			return true
		}
	}
	return false
}

// TestMermaidScores: scores out of 10 are read as such; others outside
// 1–5 are brought onto the scale, each with a warning at its line.
func TestMermaidScores(t *testing.T) {
	for _, tc := range []struct {
		src   string
		want  []float64
		warns int
	}{
		{"journey\nsection S\n a: 1\n b: 2.5\n c: 5\n", []float64{1, 2.5, 5}, 1},                    // the missing title only
		{"journey\ntitle T\nsection S\n a: 0\n b: -1\n c: 4\n", []float64{1, 1, 4}, 2},              // clamped
		{"journey\ntitle T\nsection S\n a: 0\n b: 5\n c: 10\n d: 10.2\n", []float64{1, 3, 5, 5}, 2}, // out of 10, then 10.2 clamped
	} {
		im, err := importer.Mermaid("s.mmd", []byte(tc.src), nil)
		if err != nil {
			t.Fatal(err)
		}
		var got []float64
		for _, a := range im.Journey.Stages[0].ActionDetails {
			got = append(got, a.Emotion)
		}
		if !reflect.DeepEqual(got, tc.want) || len(im.Warnings) != tc.warns {
			t.Errorf("%q: scores %v, %d warnings %v; want %v, %d", tc.src, got, len(im.Warnings), im.Warnings, tc.want, tc.warns)
		}
	}
}

// FuzzMermaid: no input makes the importer panic, an error is always
// located, and what it accepts is a journey file that splits and decodes.
func FuzzMermaid(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join(corpus, "*.mmd"))
	for _, n := range files {
		b, _ := os.ReadFile(n)
		f.Add(b)
	}
	f.Add([]byte("journey\ntitle x\nsection a#58;b\nt: 0: q\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		im, err := importer.Mermaid("f.mmd", b, nil)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "f.mmd:") {
				t.Fatalf("an error without a place: %v", err)
			}
			return
		}
		decodes(t, im.Journey)
	})
}
