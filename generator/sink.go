package generator

import (
	"bufio"
	"bytes"
	"io"
	"sync"
	"sync/atomic"

	"github.com/waymark-cx/waymark/generator/output"
)

// sink is where a build writes its files: the output, counting them.
type sink struct {
	w     output.Writer
	files atomic.Int64
	bufs  sync.Pool // *bufio.Writer: a build streams thousands of files
}

// write writes a whole file.
func (s *sink) write(name string, data []byte) error {
	s.files.Add(1)
	return s.w.WriteFile(name, data)
}

// put writes a file again as mem kept it in the last build.
func (s *sink) put(mem *output.Memory, name string, b output.Blob) error {
	s.files.Add(1)
	return mem.Put(name, b)
}

// stream writes a file too large to hold whole a piece at a time, where
// the output can take it so.
func (s *sink) stream(name string, fill func(io.Writer) error) error {
	c, ok := s.w.(output.Creator)
	if !ok {
		var buf bytes.Buffer
		if err := fill(&buf); err != nil {
			return err
		}
		return s.write(name, buf.Bytes())
	}
	s.files.Add(1)
	f, err := c.Create(name)
	if err != nil {
		return err
	}
	bw, _ := s.bufs.Get().(*bufio.Writer)
	if bw == nil {
		bw = bufio.NewWriterSize(f, 64<<10)
	} else {
		bw.Reset(f)
	}
	err = fill(bw)
	if err == nil {
		err = bw.Flush()
	}
	bw.Reset(nil)
	s.bufs.Put(bw)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}
