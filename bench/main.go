// Command bench measures Waymark against Hugo on synthetic handbooks of
// the same data and the same work (issue 20): bench/synth writes the
// handbook for Waymark and a Hugo site that makes the same products of it
// (a journey's page, print page and four downloads, persona, tag and owner
// pages with their CSV files, the touchpoints and pain points across
// journeys, home, sitemap and search index). For each place (the disk,
// tmpfs) and size it builds each site once and checks that both trees
// hold as many files of each kind (kinds.go), then builds with each in
// turn, several rounds, and prints the medians of wall time, CPU time and peak memory and
// their ratios as Markdown tables (BENCHMARKS.md holds the figures).
// Beside them it runs bench/floor, the least a build does with the same
// libraries (read, decode, convert, minify and write one page a journey).
//
//	go run ./bench -n 1000,10000 -runs 3 -on disk,tmpfs
//	go run ./bench -n 50000 -runs 1 -on tmpfs -hugo none
//
// Hugo v0.165.0 installs with:
//
//	CGO_ENABLED=0 go install github.com/gohugoio/hugo@v0.165.0
//
// With the subcommand serve it measures the dev server instead (serve.go):
// time to the first page, resident memory, and one-journey edits to the
// page reloaded:
//
//	go run ./bench serve -n 1000,10000
//
// With the subcommand pair it measures a change instead (pair.go): cold
// builds with the command of an earlier commit and of this checkout in
// turn, and the ratio within each pair:
//
//	go run ./bench pair -ref 4cccc0e -n 1000 -pairs 12
//
// With the subcommand tree it checks instead that the output has not
// changed: it builds a synthetic handbook and the example handbook with
// the waymark command of this checkout and with that of a pinned commit
// (-ref), and compares the two outputs file by file (see tree.go):
//
//	go run ./bench tree -ref 343b07a -n 1000
package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/waymark-cx/waymark/bench/synth"
)

func main() {
	if len(os.Args) > 1 && os.Args[1] == "tree" {
		os.Exit(tree(os.Args[2:]))
	}
	if len(os.Args) > 1 && os.Args[1] == "serve" {
		os.Exit(serveBench(os.Args[2:]))
	}
	if len(os.Args) > 1 && os.Args[1] == "pair" {
		os.Exit(pair(os.Args[2:]))
	}
	sizes := flag.String("n", "1000,10000", "comma-separated numbers of journeys")
	runs := flag.Int("runs", 3, "builds per tool and size")
	hugo := flag.String("hugo", "", "the hugo binary (default: hugo on the PATH, else GOPATH/bin/hugo); none: Waymark and the floor only")
	on := flag.String("on", "disk,tmpfs", "comma-separated places to build in: disk (/var/tmp), tmpfs (/dev/shm) or a folder")
	keep := flag.Bool("keep", false, "keep the generated sites")
	wait := flag.Bool("settle", true, "before timing on the disk, wait until six minutes have passed since a run removed its outputs there (false: only warn)")
	write := flag.String("write", "", "only write the synthetic handbook of the first size -n into this folder, then stop")
	flag.Parse()
	if *write != "" {
		n, err := strconv.Atoi(strings.TrimSpace(strings.Split(*sizes, ",")[0]))
		if err == nil {
			err = os.MkdirAll(*write, 0o755)
		}
		if err == nil {
			err = synth.Write(*write, n)
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, "bench:", err)
			os.Exit(1)
		}
		return
	}
	if *hugo == "" {
		// A run that meant to compare with Hugo and found none would
		// print Waymark's rows alone, as if that were the comparison.
		if *hugo = findHugo(); *hugo == "" {
			fmt.Fprintln(os.Stderr, "bench: no hugo on the PATH or in GOPATH/bin: install it with\n\tCGO_ENABLED=0 go install github.com/gohugoio/hugo@v0.165.0\nor run Waymark and the floor alone with -hugo none")
			os.Exit(2)
		}
	} else if *hugo == "none" {
		*hugo = ""
	}
	bins, err := os.MkdirTemp("", "waymark-bench-bin-")
	if err == nil {
		defer os.RemoveAll(bins)
		err = buildTools(bins)
	}
	for _, place := range strings.Split(*on, ",") {
		if err != nil {
			break
		}
		settle(placeDir(place), *wait)
		err = run(bins, placeDir(place), *sizes, *runs, *hugo, *keep)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

// parseSub parses a subcommand's flags, fl made with
// flag.ContinueOnError, with usage and the flags as its help. stop is set
// when the subcommand is to end with code: 0 when help was asked for, 2
// for a flag it does not know.
func parseSub(fl *flag.FlagSet, args []string, usage string) (code int, stop bool) {
	fl.Usage = func() {
		fmt.Fprintf(fl.Output(), "%s\n\nFlags:\n", usage)
		fl.PrintDefaults()
	}
	switch err := fl.Parse(args); {
	case errors.Is(err, flag.ErrHelp):
		return 0, true
	case err != nil:
		return 2, true
	}
	return 0, false
}

// placeDir is the folder a place names.
func placeDir(place string) string {
	switch place {
	case "disk":
		return "/var/tmp"
	case "tmpfs":
		return "/dev/shm"
	}
	return place
}

// buildTools builds the waymark command and the floor program into bins.
func buildTools(bins string) error {
	for _, pkg := range []string{"./cmd/waymark", "./bench/floor"} {
		if out, err := exec.Command("go", "build", "-o", filepath.Join(bins, filepath.Base(pkg)), pkg).CombinedOutput(); err != nil {
			return fmt.Errorf("building %s: %v\n%s", pkg, err, out)
		}
	}
	return nil
}

// run measures each size in a folder of its own under place: first one
// build of each tool, whose trees must hold as many files of each kind
// (sameWork), then the timed runs.
func run(bins, place, sizes string, runs int, hugo string, keep bool) error {
	work, err := os.MkdirTemp(place, "waymark-bench-")
	if err != nil {
		return err
	}
	if !keep {
		defer removeWork(place, work)
	}
	waymark, floor := filepath.Join(bins, "waymark"), filepath.Join(bins, "floor")
	fmt.Printf("\nIn %s:\n\n", place)
	fmt.Printf("| journeys | tool | wall (median) | CPU, user + system (median) | peak memory (median) |\n|---:|---|---:|---:|---:|\n")
	var ratios, work2 []string
	for _, s := range strings.Split(sizes, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil {
			return err
		}
		wdir := filepath.Join(work, fmt.Sprintf("waymark-%d", n))
		hdir := filepath.Join(work, fmt.Sprintf("hugo-%d", n))
		for _, d := range []string{wdir, hdir} {
			if err := os.MkdirAll(d, 0o755); err != nil {
				return err
			}
		}
		if err := synth.Write(wdir, n); err != nil {
			return err
		}
		if hugo != "" {
			if err := synth.WriteHugo(hdir, n); err != nil {
				return err
			}
			// Equal work: one untimed build of each, compared by kind.
			wout, hout := fresh(wdir), fresh(hdir)
			if out, err := exec.Command(waymark, "build", "-s", wdir, "-d", wout).CombinedOutput(); err != nil {
				return fmt.Errorf("waymark: %v\n%s", err, out)
			}
			if out, err := exec.Command(hugo, "--minify", "--quiet", "-s", hdir, "-d", hout).CombinedOutput(); err != nil {
				return fmt.Errorf("hugo: %v\n%s", err, out)
			}
			summary, err := sameWork(wout, hout)
			if err != nil {
				return err
			}
			work2 = append(work2, fmt.Sprintf("N=%d, files of each kind (waymark/hugo): %s", n, summary))
		}
		// Every cold build writes into a folder of its own; see fresh.
		// The tools take turns, a run of each a round, so that a change
		// in the machine's load (it is shared) falls on all of them.
		var out string
		steps := []step{
			{"waymark: built ", func() *exec.Cmd {
				out = fresh(wdir)
				return exec.Command(waymark, "build", "-s", wdir, "-d", out)
			}},
			// A second build with nothing changed: the build cache skips it.
			{"waymark: nothing changed since the last build", func() *exec.Cmd {
				return exec.Command(waymark, "build", "-s", wdir, "-d", out)
			}},
			// The reference program: what the libraries alone take (bench/floor).
			{"floor: wrote ", func() *exec.Cmd {
				return exec.Command(floor, "-s", wdir, "-d", fresh(wdir))
			}},
		}
		if hugo != "" {
			steps = append(steps, step{"", func() *exec.Cmd {
				return exec.Command(hugo, "--minify", "--quiet", "-s", hdir, "-d", fresh(hdir))
			}})
		}
		res, err := measure(runs, steps)
		if err != nil {
			return err
		}
		w, nc, fl := res[0], res[1], res[2]
		fmt.Print(row(n, "waymark build", w), row(n, "waymark build, nothing changed", nc), row(n, "floor (bench/floor)", fl))
		if hugo == "" {
			continue
		}
		h := res[3]
		fmt.Print(row(n, "hugo --minify", h))
		ratios = append(ratios, rounds(n, w, h, fl))
		ratios = append(ratios, fmt.Sprintf("N=%d: waymark/hugo wall %.2f×, CPU %.2f×, peak memory %.2f×; nothing changed: wall %.3f×, peak memory %.3f×; floor/hugo wall %.2f×, CPU %.2f×, peak memory %.2f×",
			n, w.wall.Seconds()/h.wall.Seconds(), w.cpu.Seconds()/h.cpu.Seconds(), float64(w.mem)/float64(h.mem),
			nc.wall.Seconds()/h.wall.Seconds(), float64(nc.mem)/float64(h.mem),
			fl.wall.Seconds()/h.wall.Seconds(), fl.cpu.Seconds()/h.cpu.Seconds(), float64(fl.mem)/float64(h.mem)))
	}
	fmt.Println()
	for _, r := range append(ratios, work2...) {
		fmt.Println(r)
	}
	return nil
}

// fresh returns a new output folder in dir for a cold build. Nothing is
// removed until the harness ends: on an ext4 file system without a
// journal (this machine's), every file created in the minutes after a
// large removal pays for stepping past the inodes just freed (ext4's
// recently_deleted check), which would charge each tool for its last
// run's files rather than measure it.
func fresh(dir string) string {
	for i := 1; ; i++ {
		p := filepath.Join(dir, fmt.Sprintf("public-%d", i))
		if _, err := os.Stat(p); os.IsNotExist(err) {
			return p
		}
	}
}

// result is the medians of several runs of one command.
type result struct {
	wall time.Duration
	cpu  time.Duration // user + system: steadier than wall on a shared machine
	mem  int64         // peak resident memory, KiB
	// walls and cpus are the runs' times, round by round: a run of
	// each tool is in each round, close in time to the others'.
	walls, cpus []time.Duration
}

// step is a command measured, and what its output must say, so that a
// build that did not do what is measured fails.
type step struct {
	want string
	cmd  func() *exec.Cmd
}

// measure runs each step in turn, runs rounds of them, and returns the
// medians of each one's wall time, CPU time and peak resident memory.
func measure(runs int, steps []step) ([]result, error) {
	walls := make([][]time.Duration, len(steps))
	cpus := make([][]time.Duration, len(steps))
	mems := make([][]int64, len(steps))
	for range runs {
		for i, st := range steps {
			c := st.cmd()
			// Let the disk settle after the last run's writes (on this
			// machine's virtual disk they go on for a while), so that
			// no run pays for another's.
			syscall.Sync()
			time.Sleep(2 * time.Second)
			start := time.Now()
			out, err := c.CombinedOutput()
			wall := time.Since(start)
			if err != nil {
				return nil, fmt.Errorf("%s: %v\n%s", strings.Join(c.Args, " "), err, out)
			}
			if !strings.Contains(string(out), st.want) {
				return nil, fmt.Errorf("%s: the output does not say %q:\n%s", strings.Join(c.Args, " "), st.want, out)
			}
			walls[i] = append(walls[i], wall)
			cpus[i] = append(cpus[i], c.ProcessState.UserTime()+c.ProcessState.SystemTime())
			if ru, ok := c.ProcessState.SysUsage().(*syscall.Rusage); ok {
				mems[i] = append(mems[i], ru.Maxrss)
			}
		}
	}
	out := make([]result, len(steps))
	for i := range steps {
		out[i] = result{walls: slices.Clone(walls[i]), cpus: slices.Clone(cpus[i])}
		out[i].wall, out[i].cpu = median(walls[i]).Round(10*time.Millisecond), median(cpus[i]).Round(10*time.Millisecond)
		if len(mems[i]) > 0 {
			out[i].mem = median(mems[i])
		}
	}
	return out, nil
}

// rounds is the wall ratio of waymark to hugo in each round, whose runs
// are close in time, and their median: steadier than the ratio of the
// medians when the shared machine's speed drifts. The floor program,
// the same work in every round, says how much the machine's speed moved.
func rounds(n int, w, h, floor result) string {
	var each []string
	for i := range min(len(w.walls), len(h.walls)) {
		each = append(each, fmt.Sprintf("%.2f×", w.walls[i].Seconds()/h.walls[i].Seconds()))
	}
	s := fmt.Sprintf("N=%d: waymark/hugo wall by round %s (median %.2f×)", n, strings.Join(each, " "), byRound(w.walls, h.walls))
	lo, hi := slices.Min(floor.walls), slices.Max(floor.walls)
	// A small run's few tens of milliseconds move by more than that
	// with the start of a process alone.
	if spread := hi.Seconds() / lo.Seconds(); spread > 1.3 && hi-lo > 100*time.Millisecond {
		s += fmt.Sprintf("; the floor's runs took %s to %s (%.1f×): the machine's speed changed during the run, measure again", lo.Round(10*time.Millisecond), hi.Round(10*time.Millisecond), spread)
	}
	return s
}

// byRound is the median of a's runs over b's, round by round.
func byRound(a, b []time.Duration) float64 {
	var rs []float64
	for i := range min(len(a), len(b)) {
		rs = append(rs, a[i].Seconds()/b[i].Seconds())
	}
	return median(rs)
}

func median[T time.Duration | int64 | float64](xs []T) T {
	slices.Sort(xs)
	return xs[len(xs)/2]
}

// row is a line of the results table.
func row(n int, tool string, r result) string {
	return fmt.Sprintf("| %d | %s | %s | %s | %s |\n", n, tool, r.wall, r.cpu, mib(r.mem))
}

func mib(kib int64) string { return fmt.Sprintf("%.0f MiB", float64(kib)/1024) }

func findHugo() string {
	if p, err := exec.LookPath("hugo"); err == nil {
		return p
	}
	out, err := exec.Command("go", "env", "GOPATH").Output()
	if err != nil {
		return ""
	}
	p := filepath.Join(strings.TrimSpace(string(out)), "bin", "hugo")
	if _, err := os.Stat(p); err != nil {
		return ""
	}
	return p
}
