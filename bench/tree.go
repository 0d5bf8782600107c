package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"os/signal"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/waymark-cx/waymark/bench/synth"
	"github.com/waymark-cx/waymark/generator/output"
)

// pinnedRef is the commit whose output `bench tree` compares with by
// default: the last commit whose output was changed on purpose (bbe03c0:
// the canvas map, custom lanes, priorities and research, stage images;
// before it 1b96cbb, after issue 15's restructure, which matched 343b07a).
// Move it when output changes on purpose.
const pinnedRef = "bbe03c09912d131b267143928235d43be893794b"

// fixedEpoch is the SOURCE_DATE_EPOCH that both builds of `bench tree`
// get, so that "today" (review notices and warnings) is the same day in
// both: 2026-11-24, 00:00 UTC.
const fixedEpoch = 1795478400

// maxListed is how many differing, missing or new files `bench tree`
// names for each handbook.
const maxListed = 40

// Exit statuses of `bench tree`.
const (
	treeSame   = 0 // every output is the same
	treeDiffer = 1 // some output differs
	treeFailed = 2 // the comparison could not be made
)

// tree is `bench tree`: it builds a synthetic handbook of -n journeys and
// the example handbook at the root of this checkout with the waymark
// command of this checkout and with that of the commit -ref, and compares
// the two outputs of each file by file. It returns the exit status.
func tree(args []string) int {
	fl := flag.NewFlagSet("bench tree", flag.ContinueOnError)
	ref := fl.String("ref", pinnedRef, "the commit whose waymark command gives the expected output")
	n := fl.Int("n", 1000, "journeys in the synthetic handbook")
	keep := fl.Bool("keep", false, "keep the work folder (sources, binaries and outputs) and print where it is")
	if code, stop := parseSub(fl, args, "Usage: go run ./bench tree [-ref COMMIT] [-n N] [-keep]\n\n"+
		"Build a synthetic handbook of N journeys and the example handbook of this checkout\n"+
		"with the waymark command of this checkout and with that of COMMIT, and compare\n"+
		"the outputs file by file. Exit status 0: the same; 1: some file differs, is\n"+
		"missing or is new; 2: the comparison could not be made."); stop {
		return code
	}
	if fl.NArg() > 0 || *n < 1 {
		fmt.Fprintf(os.Stderr, "bench tree: want -n of at least 1 and no arguments, got -n %d and %q\n", *n, fl.Args())
		return treeFailed
	}
	// On Ctrl-C the builds stop and the work folder is removed; output
	// into a closed pipe (| head) does not stop the harness before that.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	signal.Ignore(syscall.SIGPIPE)
	same, err := runTree(ctx, *ref, *n, *keep)
	if err != nil {
		fmt.Fprintln(os.Stderr, "bench tree:", err)
		return treeFailed
	}
	if !same {
		return treeDiffer
	}
	return treeSame
}

// runTree does the work of tree and reports whether every output was the
// same.
func runTree(ctx context.Context, ref string, n int, keep bool) (same bool, err error) {
	root, err := gitOut(ctx, "", "rev-parse", "--show-toplevel")
	if err != nil {
		return false, err
	}
	commit, err := gitOut(ctx, root, "rev-parse", "--verify", ref+"^{commit}")
	if err != nil {
		return false, err
	}
	subject, err := gitOut(ctx, root, "log", "-1", "--format=%s", commit)
	if err != nil {
		return false, err
	}
	head, err := gitOut(ctx, root, "rev-parse", "HEAD")
	if err != nil {
		return false, err
	}
	dirty, err := gitOut(ctx, root, "status", "--porcelain")
	if err != nil {
		return false, err
	}
	work, err := workDir()
	if err != nil {
		return false, err
	}
	if keep {
		defer fmt.Printf("kept %s\n", work)
	} else {
		defer os.RemoveAll(work)
	}
	changes := ""
	if dirty != "" {
		changes = " with uncommitted changes"
	}
	fmt.Printf("ref      %s %s\ncurrent  %s (HEAD %s%s)\nclock    SOURCE_DATE_EPOCH=%d for both builds\n",
		commit, subject, root, head, changes, fixedEpoch)

	// The reference command, built from a copy of the commit's files
	// (git archive: the repository's worktrees are left alone).
	refSrc := filepath.Join(work, "ref-src")
	if err := exportCommit(ctx, root, commit, refSrc); err != nil {
		return false, err
	}
	refBin, curBin := filepath.Join(work, "waymark-ref"), filepath.Join(work, "waymark-current")
	if err := goBuild(ctx, refSrc, refBin); err != nil {
		return false, err
	}
	if err := os.RemoveAll(refSrc); err != nil {
		return false, err
	}
	if err := goBuild(ctx, root, curBin); err != nil {
		return false, err
	}

	synthSite := filepath.Join(work, "synth")
	if err := os.MkdirAll(synthSite, 0o755); err != nil {
		return false, err
	}
	if err := synth.Write(synthSite, n); err != nil {
		return false, err
	}
	same = true
	for _, h := range []struct{ name, label, site string }{
		{"synth", fmt.Sprintf("synthetic handbook, %d journeys", n), synthSite},
		// The example is this checkout's: both commands build the same
		// content, so that only the code can make a difference.
		{"example", "example handbook (" + root + ")", root},
	} {
		refOut, curOut := filepath.Join(work, "out-ref", h.name), filepath.Join(work, "out-current", h.name)
		refMsg, err := waymarkBuild(ctx, refBin, h.site, refOut)
		if err != nil {
			return false, err
		}
		curMsg, err := waymarkBuild(ctx, curBin, h.site, curOut)
		if err != nil {
			return false, err
		}
		d, err := compareTrees(os.DirFS(refOut), os.DirFS(curOut))
		if err != nil {
			return false, err
		}
		if refMsg != curMsg {
			d.Changes = append([]change{{Kind: "messages", Name: "(the command's output)",
				Note: fmt.Sprintf("\n    ref:     %s\n    current: %s", indent(refMsg), indent(curMsg))}}, d.Changes...)
		}
		fmt.Printf("\n%s: %s\n", h.label, d.summary())
		for i, c := range d.Changes {
			if i == maxListed {
				fmt.Printf("  … and %d more\n", len(d.Changes)-maxListed)
				break
			}
			fmt.Printf("  %-8s %s%s\n", c.Kind, c.Name, c.Note)
		}
		same = same && len(d.Changes) == 0
	}
	fmt.Println()
	if same {
		fmt.Println("same output as", commit[:7])
	} else {
		fmt.Println("the output differs from", commit[:7])
	}
	return same, nil
}

// workDir makes the folder for sources, binaries and outputs: on tmpfs
// (/dev/shm) when there is one, since this machine's disk is slow to
// create many files (see BENCHMARKS.md), else in os.TempDir.
func workDir() (string, error) {
	if dir, err := os.MkdirTemp("/dev/shm", "waymark-tree-"); err == nil {
		return dir, nil
	}
	return os.MkdirTemp("", "waymark-tree-")
}

// gitOut runs git in dir and returns its output, trimmed.
func gitOut(ctx context.Context, dir string, args ...string) (string, error) {
	cmd := exec.CommandContext(ctx, "git", args...)
	cmd.Dir = dir
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return "", fmt.Errorf("git %s: %v\n%s", strings.Join(args, " "), err, stderr.Bytes())
	}
	return strings.TrimSpace(string(out)), nil
}

// exportCommit writes the files of commit into dir, which must not exist.
func exportCommit(ctx context.Context, root, commit, dir string) error {
	if err := os.Mkdir(dir, 0o755); err != nil {
		return err
	}
	archive := dir + ".tar"
	defer os.Remove(archive)
	if _, err := gitOut(ctx, root, "archive", "--format=tar", "-o", archive, commit); err != nil {
		return err
	}
	if out, err := exec.CommandContext(ctx, "tar", "-x", "-f", archive, "-C", dir).CombinedOutput(); err != nil {
		return fmt.Errorf("unpacking %s: %v\n%s", commit, err, out)
	}
	return nil
}

// goBuild builds the waymark command of the module in dir into bin.
func goBuild(ctx context.Context, dir, bin string) error {
	cmd := exec.CommandContext(ctx, "go", "build", "-o", bin, "./cmd/waymark")
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("building ./cmd/waymark in %s: %v\n%s", dir, err, out)
	}
	return nil
}

// waymarkBuild builds site into dest, which must not exist, with the
// clock fixed, and returns what the command said, with the parts that
// differ from one run to the next masked (see maskRun).
func waymarkBuild(ctx context.Context, bin, site, dest string) (string, error) {
	cmd := exec.CommandContext(ctx, bin, "build", "-s", site, "-d", dest)
	cmd.Env = append(os.Environ(), "SOURCE_DATE_EPOCH="+strconv.Itoa(fixedEpoch))
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		return "", fmt.Errorf("%s: %v\n%s%s", strings.Join(cmd.Args, " "), err, stdout.Bytes(), stderr.Bytes())
	}
	if !strings.Contains(stdout.String(), "waymark: built ") {
		return "", fmt.Errorf("%s: the output does not say it built:\n%s%s", strings.Join(cmd.Args, " "), stdout.Bytes(), stderr.Bytes())
	}
	return maskRun(stdout.String()+stderr.String(), dest), nil
}

// maskRun takes out of a build's messages what differs from one run to
// the next of the same build: the output folder, and how long it took
// (the " in 1.23s," of the summary line).
func maskRun(msg, dest string) string {
	lines := strings.Split(strings.ReplaceAll(msg, dest, "DEST"), "\n")
	for i, l := range lines {
		at := strings.LastIndex(l, " in ")
		if !strings.HasPrefix(l, "waymark: built ") || at < 0 {
			continue
		}
		rest := l[at+len(" in "):]
		if end := strings.Index(rest, ", "); end > 0 {
			if _, err := time.ParseDuration(rest[:end]); err == nil {
				lines[i] = l[:at] + " in TIME" + rest[end:]
			}
		}
	}
	return strings.TrimSpace(strings.Join(lines, "\n"))
}

// indent puts a multi-line message under its label.
func indent(s string) string { return strings.ReplaceAll(s, "\n", "\n             ") }

// treeDiff is how one built tree differs from another.
type treeDiff struct {
	Compared int      // files in both trees, compared byte for byte
	Changes  []change // differing, missing and new files, by name
}

// change is one file that is not the same in both trees.
type change struct {
	Kind string // "differs", "missing" (only in the old tree) or "new" (only in the new one)
	Name string // slash-separated, from the tree's root
	Note string // for a file that differs: its sizes and the first byte that differs
}

// summary is one line: how many files were compared, and how many differ.
func (d treeDiff) summary() string {
	count := map[string]int{}
	for _, c := range d.Changes {
		count[c.Kind]++
	}
	if len(d.Changes) == 0 {
		return fmt.Sprintf("%d files compared, identical", d.Compared)
	}
	var parts []string
	for _, k := range []string{"messages", "differs", "missing", "new"} {
		if count[k] > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", count[k], k))
		}
	}
	return fmt.Sprintf("%d files compared, %s", d.Compared, strings.Join(parts, ", "))
}

// compareTrees compares two built trees file by file: names and bytes.
// Waymark's own records of a build at the root of the tree (its manifest
// and build cache, see generator/output) are left out: they name the
// binary and the folder, not what a reader gets.
func compareTrees(old, cur fs.FS) (treeDiff, error) {
	oldFiles, err := treeFiles(old)
	if err != nil {
		return treeDiff{}, err
	}
	curFiles, err := treeFiles(cur)
	if err != nil {
		return treeDiff{}, err
	}
	var d treeDiff
	for _, name := range oldFiles {
		if _, found := slices.BinarySearch(curFiles, name); !found {
			d.Changes = append(d.Changes, change{Kind: "missing", Name: name})
			continue
		}
		a, err := fs.ReadFile(old, name)
		if err != nil {
			return treeDiff{}, err
		}
		b, err := fs.ReadFile(cur, name)
		if err != nil {
			return treeDiff{}, err
		}
		d.Compared++
		if !bytes.Equal(a, b) {
			d.Changes = append(d.Changes, change{Kind: "differs", Name: name, Note: differsAt(a, b)})
		}
	}
	for _, name := range curFiles {
		if _, found := slices.BinarySearch(oldFiles, name); !found {
			d.Changes = append(d.Changes, change{Kind: "new", Name: name})
		}
	}
	slices.SortStableFunc(d.Changes, func(a, b change) int { return strings.Compare(a.Name, b.Name) })
	return d, nil
}

// treeFiles lists every file of a tree but Waymark's records, sorted.
func treeFiles(fsys fs.FS) ([]string, error) {
	var names []string
	err := fs.WalkDir(fsys, ".", func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if e.IsDir() || isRecord(p) {
			return nil
		}
		names = append(names, p)
		return nil
	})
	slices.Sort(names)
	return names, err
}

// isRecord reports whether name is one of Waymark's records of a build.
func isRecord(name string) bool {
	return path.Dir(name) == "." && (name == output.ManifestName || name == output.CacheName)
}

// differsAt describes how two different files differ: their sizes and
// the offset of the first byte that is not the same.
func differsAt(a, b []byte) string {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	return fmt.Sprintf(" (%d → %d bytes, first difference at byte %d)", len(a), len(b), i)
}
