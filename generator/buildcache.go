package generator

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync/atomic"

	"github.com/waymark-cx/waymark/generator/diag"
	"github.com/waymark-cx/waymark/generator/internal/par"
	"github.com/waymark-cx/waymark/generator/output"
)

// record is what a build into a folder leaves in its output.CacheName:
// the key of the build, its report, the size and modification time of
// each file it wrote (the manifest included), and the sum of each input
// with the size and time it had (see inputIndex). The first line holds
// the header as JSON, then one line per file written: "size mtime name",
// then one per input: "in size mtime bad sum name".
type record struct {
	header
	Files   []stamp    `json:"-"`
	Inputs  []inputSum `json:"-"`
	written int64      // when the record was written (its file's time, Unix nanoseconds)
}

type header struct {
	Format int    `json:"format"`
	Key    string `json:"key"`
	Theme  string `json:"theme"`
	Report struct {
		Personas  int           `json:"personas"`
		Journeys  int           `json:"journeys"`
		Pages     int           `json:"pages"`
		Templates int           `json:"templates"`
		Files     int           `json:"files"`
		Warnings  []*diag.Error `json:"warnings"`
	} `json:"report"`
}

// stamp is a file's size and modification time (Unix nanoseconds).
type stamp struct {
	name  string
	size  int64
	mtime int64
}

// newRecord records a build's report under its key.
func newRecord(rep *Report, key, theme string) *record {
	r := &record{}
	r.Key, r.Theme = key, theme
	h := &r.Report
	h.Personas, h.Journeys, h.Pages, h.Templates = rep.Personas, rep.Journeys, rep.Pages, rep.Templates
	h.Files, h.Warnings = rep.Files, rep.Warnings
	return r
}

// report is the recorded build's report, marked as cached.
func (r *record) report() *Report {
	h := r.Report
	return &Report{Personas: h.Personas, Journeys: h.Journeys, Pages: h.Pages, Templates: h.Templates,
		Files: h.Files, Warnings: h.Warnings, Cached: true}
}

// readRecord reads dest's cache record; nil when there is none or it
// cannot be understood.
func readRecord(dest string) *record {
	name := filepath.Join(dest, output.CacheName)
	fi, err := os.Stat(name)
	if err != nil {
		return nil
	}
	b, err := os.ReadFile(name)
	if err != nil {
		return nil
	}
	first, rest, _ := bytes.Cut(b, []byte("\n"))
	r := &record{written: fi.ModTime().UnixNano()}
	if json.Unmarshal(first, &r.header) != nil || r.Format != cacheFormat {
		return nil
	}
	r.Files = make([]stamp, 0, bytes.Count(rest, []byte("\n"))+1)
	for len(rest) > 0 {
		var line []byte
		line, rest, _ = bytes.Cut(rest, []byte("\n"))
		if in, ok := bytes.CutPrefix(line, []byte("in ")); ok {
			s, ok := parseInputSum(in)
			if !ok {
				return nil
			}
			r.Inputs = append(r.Inputs, s)
			continue
		}
		size, line, _ := bytes.Cut(line, []byte(" "))
		mtime, name, _ := bytes.Cut(line, []byte(" "))
		s, err1 := strconv.ParseInt(string(size), 10, 64)
		m, err2 := strconv.ParseInt(string(mtime), 10, 64)
		if err1 != nil || err2 != nil || len(name) == 0 {
			return nil
		}
		r.Files = append(r.Files, stamp{string(name), s, m})
	}
	if len(r.Files) == 0 { // it always stamps the manifest
		return nil
	}
	return r
}

// intact reports whether every recorded file is in dest as it was
// written: a regular file of the same size and modification time.
func (r *record) intact(dest string) bool {
	tree, err := output.OpenTree(dest)
	if err != nil {
		return false
	}
	defer tree.Close()
	var bad atomic.Bool
	eachChunk(len(r.Files), func(lo, hi int) {
		for _, f := range r.Files[lo:hi] {
			if bad.Load() {
				return
			}
			if st, err := tree.Stamp(f.name); err != nil || st.Size != f.size || st.Mtime != f.mtime {
				bad.Store(true)
			}
		}
	})
	return !bad.Load()
}

// writeRecord stamps the files out committed (and the manifest) and
// writes the record into the output folder, through a temporary file.
func writeRecord(out *output.Dir, r *record) error {
	names := append(out.Names(), output.ManifestName)
	r.Files = make([]stamp, len(names))
	errs := make([]error, len(names))
	tree, err := output.OpenTree(out.Dest())
	if err != nil {
		return err
	}
	defer tree.Close()
	eachChunk(len(names), func(lo, hi int) {
		for i := lo; i < hi; i++ {
			st, ok := out.StampOf(names[i])
			if !ok {
				st, errs[i] = tree.Stamp(names[i])
			}
			r.Files[i] = stamp{names[i], st.Size, st.Mtime}
		}
	})
	for _, err := range errs {
		if err != nil {
			return err // the first is enough to say why
		}
	}
	r.Format = cacheFormat
	head, err := json.Marshal(r.header)
	if err != nil {
		return err
	}
	var b bytes.Buffer
	b.Grow(len(head) + 64*len(r.Files))
	b.Write(head)
	for _, f := range r.Files {
		if strings.ContainsAny(f.name, "\r\n") {
			return fmt.Errorf("cannot record the output file %q", f.name)
		}
		b.WriteByte('\n')
		b.Write(strconv.AppendInt(b.AvailableBuffer(), f.size, 10))
		b.WriteByte(' ')
		b.Write(strconv.AppendInt(b.AvailableBuffer(), f.mtime, 10))
		b.WriteByte(' ')
		b.WriteString(f.name)
	}
	for _, in := range r.Inputs {
		if strings.ContainsAny(in.name, "\r\n") {
			return fmt.Errorf("cannot record the input %q", in.name)
		}
		fmt.Fprintf(&b, "\nin %d %d %v %x %s", in.size, in.mtime, in.bad, in.sum, in.name)
	}
	tmp, err := os.CreateTemp(out.Dest(), output.CacheName+"-*")
	if err != nil {
		return err
	}
	_, err = tmp.Write(b.Bytes())
	err = errors.Join(err, tmp.Close())
	if err == nil {
		err = os.Rename(tmp.Name(), filepath.Join(out.Dest(), output.CacheName))
	}
	if err != nil {
		_ = os.Remove(tmp.Name())
	}
	return err
}

// eachChunk splits [0, n) among a few goroutines.
func eachChunk(n int, do func(lo, hi int)) {
	if n == 0 {
		return
	}
	workers := min(runtime.GOMAXPROCS(0), 4)
	size := (n + workers - 1) / workers
	_ = par.Each((n+size-1)/size, workers, func(c int) error {
		do(c*size, min((c+1)*size, n))
		return nil
	})
}

// parseInputSum reads an input's line of a record: "size mtime bad sum
// name", without its "in ".
func parseInputSum(line []byte) (inputSum, bool) {
	f := strings.SplitN(string(line), " ", 5)
	if len(f) != 5 || f[4] == "" {
		return inputSum{}, false
	}
	size, err1 := strconv.ParseInt(f[0], 10, 64)
	mtime, err2 := strconv.ParseInt(f[1], 10, 64)
	bad, err3 := strconv.ParseBool(f[2])
	sum, err4 := hex.DecodeString(f[3])
	if err1 != nil || err2 != nil || err3 != nil || err4 != nil || len(sum) != sha256.Size {
		return inputSum{}, false
	}
	s := inputSum{name: f[4], size: size, mtime: mtime, bad: bad}
	copy(s.sum[:], sum)
	return s, true
}
