package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"

	"github.com/waymark-cx/waymark/bench/synth"
)

// pair measures a change: the waymark command of this checkout against
// that of an earlier commit, cold builds of the same synthetic handbook
// in turn, one of each a round (measure). On this shared machine the
// speed moves by tens of percent from one minute to the next, more than
// most changes move it; the ratio within a round, whose builds are
// seconds apart, is what shows a change of a few per cent.
//
//	go run ./bench pair -ref 4cccc0e -n 1000 -pairs 12
func pair(args []string) int {
	fl := flag.NewFlagSet("bench pair", flag.ContinueOnError)
	ref := fl.String("ref", "HEAD", "the commit to compare this checkout's command with")
	n := fl.Int("n", 1000, "journeys in the synthetic handbook")
	pairs := fl.Int("pairs", 12, "pairs of cold builds")
	if code, stop := parseSub(fl, args, "Usage: go run ./bench pair [-ref COMMIT] [-n N] [-pairs P]\n\n"+
		"Build a synthetic handbook of N journeys P times with the waymark command of COMMIT\n"+
		"and with this checkout's, in turn, on tmpfs, and print the medians of each and of\n"+
		"the ratios within each pair (this checkout's over COMMIT's)."); stop {
		return code
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
	old := filepath.Join(dir, "old")
	if err := exportCommit(ctx, root, commit, old); err != nil {
		return err
	}
	bins := []string{filepath.Join(dir, "waymark-old"), filepath.Join(dir, "waymark-new")}
	if err := goBuild(ctx, old, bins[0]); err != nil {
		return err
	}
	if err := goBuild(ctx, root, bins[1]); err != nil {
		return err
	}
	site := filepath.Join(dir, "site")
	if err := synth.Write(site, n); err != nil {
		return err
	}
	var steps []step
	for _, bin := range bins {
		steps = append(steps, step{"waymark: built ", func() *exec.Cmd {
			return exec.CommandContext(ctx, bin, "build", "-s", site, "-d", fresh(dir))
		}})
	}
	res, err := measure(pairs, steps)
	if err != nil {
		return err
	}
	fmt.Printf("%d journeys, %d pairs in %s; %s against this checkout:\n", n, pairs, filepath.Dir(dir), commit[:7])
	for i, name := range []string{commit[:7], "this checkout"} {
		fmt.Printf("  %-13s wall %v, CPU %v, peak %s (medians)\n", name, res[i].wall, res[i].cpu, mib(res[i].mem))
	}
	fmt.Printf("  within a pair, this checkout's over %s: wall %.3f×, CPU %.3f× (medians of %d)\n",
		commit[:7], byRound(res[1].walls, res[0].walls), byRound(res[1].cpus, res[0].cpus), pairs)
	return nil
}
