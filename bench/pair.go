package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"syscall"
	"time"

	"github.com/waymark-cx/waymark/bench/synth"
)

// pair measures a change: the waymark command of this checkout against
// that of an earlier commit, cold builds of the same synthetic handbook
// in turn, one of each a pair. On this shared machine the speed moves by
// tens of percent from one minute to the next, more than most changes
// move it; the ratio within a pair, whose builds are a second apart, is
// what shows a change of a few per cent.
//
//	go run ./bench pair -ref 4cccc0e -n 1000 -pairs 12
func pair(args []string) int {
	fl := flag.NewFlagSet("bench pair", flag.ContinueOnError)
	ref := fl.String("ref", "HEAD", "the commit to compare this checkout's command with")
	n := fl.Int("n", 1000, "journeys in the synthetic handbook")
	pairs := fl.Int("pairs", 12, "pairs of cold builds")
	fl.Usage = func() {
		fmt.Fprintf(fl.Output(), "Usage: go run ./bench pair [-ref COMMIT] [-n N] [-pairs P]\n\n"+
			"Build a synthetic handbook of N journeys P times with the waymark command of COMMIT\n"+
			"and with this checkout's, in turn, on tmpfs, and print the medians of each and of\n"+
			"the ratios within each pair (this checkout's over COMMIT's).\n\nFlags:\n")
		fl.PrintDefaults()
	}
	if err := fl.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fl.NArg() > 0 || *n < 1 || *pairs < 1 {
		fmt.Fprintf(os.Stderr, "bench pair: want -n and -pairs of at least 1 and no arguments\n")
		return 2
	}
	if err := runPair(context.Background(), *ref, *n, *pairs); err != nil {
		fmt.Fprintln(os.Stderr, "bench pair:", err)
		return 2
	}
	return 0
}

func runPair(ctx context.Context, ref string, n, pairs int) error {
	root, err := gitOut(ctx, ".", "rev-parse", "--show-toplevel")
	if err != nil {
		return err
	}
	commit, err := gitOut(ctx, root, "rev-parse", "--verify", ref+"^{commit}")
	if err != nil {
		return err
	}
	dir, err := workDir()
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	old, cur := filepath.Join(dir, "old"), filepath.Join(dir, "waymark-old")
	if err := exportCommit(ctx, root, commit, old); err != nil {
		return err
	}
	if err := goBuild(ctx, old, cur); err != nil {
		return err
	}
	bins := []string{cur, filepath.Join(dir, "waymark-new")}
	if err := goBuild(ctx, root, bins[1]); err != nil {
		return err
	}
	site := filepath.Join(dir, "site")
	if err := synth.Write(site, n); err != nil {
		return err
	}
	type run struct {
		wall, cpu time.Duration
		mem       int64 // KiB
	}
	runs := [2][]run{}
	for range pairs {
		for i, bin := range bins {
			c := exec.CommandContext(ctx, bin, "build", "-s", site, "-d", fresh(dir))
			start := time.Now()
			if out, err := c.CombinedOutput(); err != nil {
				return fmt.Errorf("%s: %v\n%s", bin, err, out)
			}
			r := run{wall: time.Since(start), cpu: c.ProcessState.UserTime() + c.ProcessState.SystemTime()}
			if ru, ok := c.ProcessState.SysUsage().(*syscall.Rusage); ok {
				r.mem = ru.Maxrss
			}
			runs[i] = append(runs[i], r)
		}
	}
	var walls, cpus [2][]time.Duration
	var mems [2][]int64
	var wallRatio, cpuRatio []float64
	for p := range pairs {
		for i := range runs {
			walls[i] = append(walls[i], runs[i][p].wall)
			cpus[i] = append(cpus[i], runs[i][p].cpu)
			mems[i] = append(mems[i], runs[i][p].mem)
		}
		wallRatio = append(wallRatio, runs[1][p].wall.Seconds()/runs[0][p].wall.Seconds())
		cpuRatio = append(cpuRatio, runs[1][p].cpu.Seconds()/runs[0][p].cpu.Seconds())
	}
	fmt.Printf("%d journeys, %d pairs on %s; %s against this checkout:\n", n, pairs, filepath.Dir(dir), commit[:7])
	for i, name := range []string{commit[:7], "this checkout"} {
		fmt.Printf("  %-13s wall %v, CPU %v, peak %s (medians)\n", name,
			median(walls[i]).Round(time.Millisecond), median(cpus[i]).Round(time.Millisecond), mib(median(mems[i])))
	}
	slices.Sort(wallRatio)
	slices.Sort(cpuRatio)
	fmt.Printf("  within a pair, this checkout's over %s: wall %.3f×, CPU %.3f× (medians of %d)\n",
		commit[:7], wallRatio[len(wallRatio)/2], cpuRatio[len(cpuRatio)/2], pairs)
	return nil
}
