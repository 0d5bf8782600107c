package generator

import (
	"bufio"
	"context"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/waymark-cx/waymark"
	"github.com/waymark-cx/waymark/bench/synth"
	"github.com/waymark-cx/waymark/generator/diag"
	"github.com/waymark-cx/waymark/generator/export"
	"github.com/waymark-cx/waymark/generator/hub"
	"github.com/waymark-cx/waymark/generator/markup"
	"github.com/waymark-cx/waymark/generator/model"
	"github.com/waymark-cx/waymark/generator/output"
	"github.com/waymark-cx/waymark/generator/plan"
	"github.com/waymark-cx/waymark/generator/render"
	"github.com/waymark-cx/waymark/generator/source"
)

// synthSite writes a synthetic handbook of n journeys once per benchmark.
func synthSite(b *testing.B, n int) string {
	b.Helper()
	dir := b.TempDir()
	if err := synth.Write(dir, n); err != nil {
		b.Fatal(err)
	}
	return dir
}

// BenchmarkBuild is a cold build of a 1,000-journey handbook into memory.
func BenchmarkBuild(b *testing.B) {
	dir := synthSite(b, 1000)
	b.ReportAllocs()
	for b.Loop() {
		opts := testOptions(dir)
		opts.Output = output.NewMemory()
		if _, err := Build(context.Background(), opts); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLoad reads and decodes a 1,000-journey handbook into its
// model: every file, its TOML, the cross-references and the hub's index.
func BenchmarkLoad(b *testing.B) {
	dir := synthSite(b, 1000)
	b.ReportAllocs()
	for b.Loop() {
		set, err := source.Read(os.DirFS(dir))
		if err != nil {
			b.Fatal(err)
		}
		if _, err := model.New(set, model.Options{Now: fixedNow(), Addresses: plan.Addresses()}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRender is a build of 1,000 journeys that writes nothing:
// loading, rendering and minifying every page, the exports and the hub's
// CSVs, without the file system.
func BenchmarkRender(b *testing.B) {
	dir := synthSite(b, 1000)
	b.ReportAllocs()
	for b.Loop() {
		opts := testOptions(dir)
		opts.Output = &output.Discard{}
		if _, err := Build(context.Background(), opts); err != nil {
			b.Fatal(err)
		}
	}
}

// benchPlan loads a synthetic handbook of n journeys, with its hub (not
// filled) and the default theme: what plan.Make plans from.
func benchPlan(b *testing.B, n int) (*model.Site, *hub.Hub, *render.Engine) {
	b.Helper()
	opts := testOptions(synthSite(b, n))
	set, err := source.Read(opts.Source)
	if err != nil {
		b.Fatal(err)
	}
	site, err := model.New(set, model.Options{Now: fixedNow(), Addresses: plan.Addresses()})
	if err != nil {
		b.Fatal(err)
	}
	th, err := loadTheme(opts, site, set)
	if err != nil {
		b.Fatal(err)
	}
	h := hub.New(site, plan.HubAddresses())
	eng, err := render.New(site, h, render.Layer{Name: th.name, FS: th.fs})
	if err != nil {
		b.Fatal(err)
	}
	return site, h, eng
}

// BenchmarkRenderJourney renders and minifies one journey page, the
// unit of a large handbook's build.
func BenchmarkRenderJourney(b *testing.B) {
	site, h, eng := benchPlan(b, 20)
	var page *plan.Output
	for _, o := range plan.Make(plan.Env{Site: site, Hub: h, Engine: eng}) {
		if o.Page != nil && o.Page.Kind == plan.KindJourney {
			page = o
			break
		}
	}
	conv := markup.New(markup.Options{BasePath: site.Config.BasePath})
	min := newMinifier()
	fail := func(e *diag.Error) { b.Fatal(e) }
	m := &maker{eng: eng, conv: conv, min: min, fail: fail}
	// A page worker's buffers, as a one-off build into a folder has them.
	s := &scratch{reuse: true}
	b.ReportAllocs()
	for b.Loop() {
		m.page(page, func(string, []byte) error { return nil }, s)
	}
}

// BenchmarkHubFiles writes the hub's CSV files of a 200-journey handbook
// (its touchpoints, pain points, owners', tags', priorities and metrics):
// tens of thousands of rows, each saying where its entry stands.
func BenchmarkHubFiles(b *testing.B) {
	site, h, eng := benchPlan(b, 200)
	h.Fill()
	var files []*plan.Output
	for _, o := range plan.Make(plan.Env{Site: site, Hub: h, Engine: eng}) {
		if o.Hub && o.Write != nil && strings.HasSuffix(o.Path, ".csv") {
			files = append(files, o)
		}
	}
	if len(files) < 10 {
		b.Fatalf("only %d hub files", len(files))
	}
	var w countWriter
	bw := bufio.NewWriterSize(&w, 64<<10) // as the build's sink writes them
	b.ReportAllocs()
	for b.Loop() {
		for _, o := range files {
			if err := o.Write(bw); err != nil {
				b.Fatal(err)
			}
			bw.Flush()
		}
	}
	b.ReportMetric(float64(w)/float64(b.N), "B/files")
}

// BenchmarkDownloads makes the downloads of a 200-journey handbook made
// from the model (CSV, JSON, Mermaid) into one buffer, as a build's
// worker does.
func BenchmarkDownloads(b *testing.B) {
	dir := synthSite(b, 200)
	set, err := source.Read(testOptions(dir).Source)
	if err != nil {
		b.Fatal(err)
	}
	site, err := model.New(set, model.Options{Now: fixedNow(), Addresses: plan.Addresses()})
	if err != nil {
		b.Fatal(err)
	}
	in := export.Input{SchemaURL: "https://example.com/schema/journey.schema.json", Words: export.WordsFor("en", nil)}
	var buf []byte
	size := 0
	b.ReportAllocs()
	for b.Loop() {
		size = 0
		for _, f := range export.Formats() {
			if f.Verbatim {
				continue
			}
			for _, j := range site.Journeys {
				buf = f.Write(buf[:0], j, in)
				size += len(buf)
			}
		}
	}
	b.ReportMetric(float64(size), "B/files")
}

// countWriter counts what is written to it.
type countWriter int

func (w *countWriter) Write(p []byte) (int, error) { *w += countWriter(len(p)); return len(p), nil }

// BenchmarkBuildExample builds the example handbook into memory.
func BenchmarkBuildExample(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		opts := testOptions("..")
		opts.Output = output.NewMemory()
		if _, err := Build(context.Background(), opts); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBuildDir builds 1,000 journeys to disk, swap included.
func BenchmarkBuildDir(b *testing.B) {
	dir := synthSite(b, 1000)
	dest := filepath.Join(b.TempDir(), "public")
	b.ReportAllocs()
	opts := testOptions(dir)
	opts.Force = true // every build a real one, not the build cache's
	for b.Loop() {
		if _, err := BuildDir(context.Background(), opts, dir, dest); err != nil {
			b.Fatal(err)
		}
	}
	os.RemoveAll(dest)
}

// BenchmarkRebuildOneJourney is the dev server's case: on a 1,000-journey
// handbook, one journey's notes change and the site is rebuilt into
// memory, reusing everything that did not change.
func BenchmarkRebuildOneJourney(b *testing.B) {
	benchRebuild(b, func(text string, i int) string { return text + "\nEdit " + strconv.Itoa(i) + "\n" }, 2)
}

// BenchmarkRebuildOneJourneyFront is the other kind of one-journey edit:
// its front matter changes (a stage's feeling), so the journey is decoded
// again and every page that may show it is looked at.
func BenchmarkRebuildOneJourneyFront(b *testing.B) {
	benchRebuild(b, func(text string, i int) string {
		return strings.Replace(text, `feeling = "Feeling 0"`, `feeling = "Feeling `+strconv.Itoa(i)+`"`, 1)
	}, 0)
}

// BenchmarkRebuildOneJourneyEmotion edits what the hub's views show: a
// stage's emotion, which the touchpoints view and its CSV files carry
// (bench serve's stage edit).
func BenchmarkRebuildOneJourneyEmotion(b *testing.B) {
	benchRebuild(b, func(text string, i int) string {
		// Journey 500's first stage has emotion 1: 2 and 3 alternate.
		return strings.Replace(text, "emotion = 1\n", "emotion = "+strconv.Itoa(2+i%2)+"\n", 1)
	}, 0)
}

// BenchmarkRebuildOneJourneyTouchpoint edits a touchpoint's name: the
// touchpoints view, its CSV and the owners' pages and files show it.
func BenchmarkRebuildOneJourneyTouchpoint(b *testing.B) {
	benchRebuild(b, func(text string, i int) string {
		return strings.Replace(text, `name = "Touchpoint 0"`, `name = "Touchpoint 0 `+strconv.Itoa(i%2)+`"`, 1)
	}, 0)
}

// BenchmarkRebuildOneJourneyPain edits a pain point: the pain points
// view, the owners' files and the journey's personas' pages show it.
func BenchmarkRebuildOneJourneyPain(b *testing.B) {
	benchRebuild(b, func(text string, i int) string {
		return strings.Replace(text, `"Pain 0.1"`, `"Pain 0.1 `+strconv.Itoa(i%2)+`"`, 1)
	}, 0)
}

// BenchmarkRebuildOneJourneyTitle edits what lists show of a journey:
// its title, which every list, the hub's views and the search index
// show, and which may move it among the journeys. Not made from the last
// build: the whole site is planned again.
func BenchmarkRebuildOneJourneyTitle(b *testing.B) {
	benchRebuild(b, func(text string, i int) string {
		return strings.Replace(text, `title = "Journey `, `title = "Journey `+strconv.Itoa(i%2)+` `, 1)
	}, 0)
}

// profileEdits profiles the CPU into WAYMARK_BENCH_CPUPROFILE, if set,
// from now until the returned func is called: the edits, without the
// first build that -cpuprofile would take in too; or the allocations,
// into WAYMARK_BENCH_MEMPROFILE.
func profileEdits(b *testing.B) func() {
	if mem := os.Getenv("WAYMARK_BENCH_MEMPROFILE"); mem != "" {
		// Two profiles of what was allocated: pprof -base NAME.before NAME
		// shows the edits' allocations alone.
		writeHeap(b, mem+".before")
		return func() { writeHeap(b, mem) }
	}
	name := os.Getenv("WAYMARK_BENCH_CPUPROFILE")
	if name == "" {
		return func() {}
	}
	f, err := os.Create(name)
	if err != nil {
		b.Fatal(err)
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		b.Fatal(err)
	}
	return func() {
		pprof.StopCPUProfile()
		f.Close()
	}
}

func writeHeap(b *testing.B, name string) {
	runtime.GC() // the profile is as of the last collection
	f, err := os.Create(name)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	if err := pprof.Lookup("allocs").WriteTo(f, 0); err != nil {
		b.Fatal(err)
	}
}

// benchJourneys is how many journeys the rebuild benchmarks write:
// 1,000, or WAYMARK_BENCH_JOURNEYS (e.g. 10000 for the dev server's
// target at scale; CI's one-iteration run keeps the default).
func benchJourneys(b *testing.B) int {
	s := os.Getenv("WAYMARK_BENCH_JOURNEYS")
	if s == "" {
		return 1000
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 2 {
		b.Fatalf("WAYMARK_BENCH_JOURNEYS=%q: want a number of journeys, at least 2", s)
	}
	return n
}

// benchRebuild builds 1,000 journeys (benchJourneys) with a Builder, then edits one
// journey's file with edit and rebuilds, again and again. most, if not 0,
// is how many pages a rebuild may render.
func benchRebuild(b *testing.B, edit func(text string, i int) string, most int) {
	n := benchJourneys(b)
	dir := synthSite(b, n)
	opts := testOptions(dir)
	opts.Templates = waymark.Templates() // as waymark serve builds: the blank maps make leftover warnings
	bl := NewBuilder(opts)
	first := output.NewMemory()
	bl.SetOutput(first)
	if _, err := bl.Build(context.Background(), nil); err != nil {
		b.Fatal(err)
	}
	files := len(first.Blobs())
	path := synth.JourneyPath(n / 2)
	full := filepath.Join(dir, path)
	text := synth.Journey(n/2, n, "")
	defer profileEdits(b)()
	b.ReportAllocs()
	i := 0
	var times []time.Duration
	for b.Loop() {
		i++
		if err := os.WriteFile(full, []byte(edit(text, i)), 0o644); err != nil {
			b.Fatal(err)
		}
		start := time.Now()
		bl.SetOutput(output.NewMemorySized(files)) // as the dev server does
		rep, err := bl.Build(context.Background(), []string{path})
		times = append(times, time.Since(start))
		if err != nil {
			b.Fatal(err)
		}
		if most > 0 && rep.Rendered > most {
			b.Fatalf("rendered %d pages, want at most %d", rep.Rendered, most)
		}
	}
	// The target is a median: a garbage collection now and then weighs
	// on the mean.
	slices.Sort(times)
	b.ReportMetric(float64(times[len(times)/2].Microseconds())/1000, "ms/median")
}

// BenchmarkBuildNothingChanged builds 1,000 journeys to disk once, then
// again and again with nothing changed: each build hashes the inputs,
// checks the output against its record and writes nothing.
func BenchmarkBuildNothingChanged(b *testing.B) {
	dir := synthSite(b, 1000)
	dest := filepath.Join(b.TempDir(), "public")
	if _, err := BuildDir(context.Background(), testOptions(dir), dir, dest); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		rep, err := BuildDir(context.Background(), testOptions(dir), dir, dest)
		if err != nil {
			b.Fatal(err)
		}
		if !rep.Cached {
			b.Fatal("the build ran again")
		}
	}
	os.RemoveAll(dest)
}
