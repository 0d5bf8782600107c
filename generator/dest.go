package generator

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/waymark-cx/waymark/generator/diag"
	"github.com/waymark-cx/waymark/generator/output"
	"github.com/waymark-cx/waymark/generator/source"
)

// changedLimit is how much of a site's files may have changed in size or
// time for BuildDir to read them before the build, to tell whether their
// content changed: more, and it builds.
const changedLimit = 32 << 20

// BuildDir builds the site in srcDir into the folder dest. The build goes
// to a temporary folder beside dest first; dest changes only when the
// whole build succeeded, and then only in files Waymark wrote before.
//
// A successful build records in dest what it was built from (see
// buildKey). When the next build finds the same inputs and every file of
// that build still in dest as written, it builds nothing and returns the
// recorded report, marked Cached; opts.Force builds regardless.
func BuildDir(ctx context.Context, opts Options, srcDir, dest string) (*Report, error) {
	start := time.Now()
	if err := CheckDest(srcDir, dest); err != nil {
		return nil, err
	}
	// One clock reading for the key and the build: review badges change
	// with the day.
	now := time.Now()
	if opts.Now != nil {
		now = opts.Now()
	}
	opts.Now = func() time.Time { return now }
	recorded := make(chan *record, 1) // read while the inputs are listed
	go func() {
		if opts.Force {
			recorded <- nil
		} else {
			recorded <- readRecord(dest)
		}
	}()
	files, listErr := listInputs(opts)
	r := <-recorded
	keyed := listErr == nil
	var idx *inputIndex
	if keyed {
		idx = newInputIndex(files)
		// Nothing changed when every input has its recorded sum (its size
		// and time are as recorded, or a few changed files read now have
		// it) and every file written is as it was written.
		if r != nil {
			intact := make(chan bool, 1)
			go func() { intact <- r.intact(dest) }() // stat the output while the inputs are looked at
			idx.recall(r.Inputs, r.written)
			same := idx.readChanged(changedLimit) && r.Key == buildKey(combine(idx.finish()), opts, r.Theme, day(now))
			if <-intact && same {
				rep := r.report()
				rep.Duration = time.Since(start)
				return rep, nil
			}
		}
		// The build reads each input once, through the index.
		opts.Source, opts.Templates = idx.fs(opts.Source, "site/"), idx.fs(opts.Templates, "builtin/")
	}
	out, err := output.NewDir(dest)
	if err != nil {
		return nil, err
	}
	opts.Output = out
	rep, err := Build(ctx, opts)
	if err != nil {
		_ = out.Abort()
		return nil, err
	}
	if err := out.Commit(); err != nil {
		_ = out.Abort()
		return nil, err
	}
	switch {
	case !keyed:
		rep.Warnings = append(rep.Warnings, &diag.Error{Path: output.CacheName,
			Msg:  "this build is not recorded: listing its inputs failed (" + listErr.Error() + ")",
			Hint: "the next build will build everything again, even with nothing changed"})
	default:
		// Failing to record the build only means that the next one runs;
		// the author hears of it, since every build will.
		sums := idx.finish()
		r := newRecord(rep, buildKey(combine(sums), opts, rep.Site.Config.Theme, day(now)), rep.Site.Config.Theme)
		r.Inputs = sums
		write := writeRecord
		if opts.writeRecord != nil {
			write = opts.writeRecord
		}
		if err := write(out, r); err != nil {
			rep.Warnings = append(rep.Warnings, &diag.Error{Path: filepath.Join(dest, output.CacheName),
				Msg:  "this build is not recorded: " + err.Error(),
				Hint: "the next build will build everything again, even with nothing changed; check that the output folder can be written"})
		}
	}
	return rep, nil
}

// DestError explains why an output folder is refused.
type DestError struct {
	Dest   string
	Reason string
}

func (e *DestError) Error() string {
	return fmt.Sprintf("refusing to build into %s: %s\n\thint: choose an output folder of its own with -d, such as public", e.Dest, e.Reason)
}

// CheckDest refuses an output folder that a build could wreck: the
// source folder itself or one that contains it, a folder inside content/,
// static/, layouts/, templates/, themes/ or i18n/ (source.Folders), the
// home folder, or /.
func CheckDest(srcDir, dest string) error {
	src, err := realPath(srcDir)
	if err != nil {
		return err
	}
	d, err := realPath(dest)
	if err != nil {
		return err
	}
	home, _ := os.UserHomeDir()
	if home != "" {
		home, _ = realPath(home)
	}
	switch {
	case d == string(filepath.Separator) || filepath.Dir(d) == d:
		return &DestError{dest, "it is the root of the file system"}
	case home != "" && d == home:
		return &DestError{dest, "it is your home folder"}
	case d == src:
		return &DestError{dest, "it is the source folder"}
	case within(src, d):
		return &DestError{dest, "it contains the source folder"}
	}
	for _, sub := range source.Folders() {
		if within(d, filepath.Join(src, sub)) || d == filepath.Join(src, sub) {
			return &DestError{dest, "it is inside the source's " + sub + "/ folder"}
		}
	}
	return nil
}

// within reports whether path p is strictly inside folder dir.
func within(p, dir string) bool {
	rel, err := filepath.Rel(dir, p)
	return err == nil && rel != "." && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// realPath makes p absolute and resolves symbolic links in the part of it
// that exists.
func realPath(p string) (string, error) {
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", err
	}
	rest := ""
	for cur := abs; ; cur = filepath.Dir(cur) {
		if r, err := filepath.EvalSymlinks(cur); err == nil {
			return filepath.Join(r, rest), nil
		}
		if filepath.Dir(cur) == cur {
			return abs, nil
		}
		rest = filepath.Join(filepath.Base(cur), rest)
	}
}
