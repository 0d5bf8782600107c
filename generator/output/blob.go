package output

import (
	"bytes"
	"compress/flate"
	"io"
	"sync"
)

// A Blob is a file as Memory keeps it: DEFLATE-compressed, unless that
// would not make it smaller (an image, a font, a few bytes). A dev server
// holds every file of the site: at 10,000 journeys a gigabyte of pages,
// CSV and JSON, which compress seven to eight times at the fastest
// level. The zero Blob is an empty file.
type Blob struct {
	data   []byte // compressed when packed, else the file itself
	size   int64  // the file's size
	packed bool
}

// Size is the size of the file.
func (b Blob) Size() int64 { return b.size }

// Packed reports whether b holds its file compressed: unpacking it makes
// a copy, where an unpacked blob hands over its own bytes.
func (b Blob) Packed() bool { return b.packed }

// Bytes is the file, decompressed: a new slice when it was packed.
func (b Blob) Bytes() []byte { return b.unpack(nil, nil) }

// unpack decompresses b with r, a decompressor to reset, or a new one:
// into dst when it has room for the file, else into a slice of the
// file's size, read once.
func (b Blob) unpack(r io.Reader, dst []byte) []byte {
	if !b.packed {
		return b.data
	}
	out := dst[:0]
	if int64(cap(out)) < b.size {
		out = make([]byte, b.size)
	}
	out = out[:b.size]
	src := bytes.NewReader(b.data)
	if rs, ok := r.(flate.Resetter); !ok || rs.Reset(src, nil) != nil {
		r = flate.NewReader(src)
	}
	if _, err := io.ReadFull(r, out); err != nil {
		panic("output: a packed blob does not decompress: " + err.Error()) // written by Pack only
	}
	return out
}

// Same reports whether b and c hold the same file. Compression is
// deterministic, so equal files give equal blobs.
func (b Blob) Same(c Blob) bool {
	if b.size != c.size || b.packed != c.packed || len(b.data) != len(c.data) {
		return false
	}
	return len(b.data) == 0 || &b.data[0] == &c.data[0] || bytes.Equal(b.data, c.data)
}

// Identical reports whether b and c share their bytes: c is b kept from
// one build to the next.
func (b Blob) Identical(c Blob) bool {
	return b.size == c.size && len(b.data) == len(c.data) && (len(b.data) == 0 || &b.data[0] == &c.data[0])
}

// Pack makes a Blob of data, which it does not keep. It makes a
// compressor for the one file: a caller packing many uses a Packer.
func Pack(data []byte) Blob {
	var p Packer
	return p.Pack(data)
}

// A Packer makes Blobs, reusing its compressor, which takes about a
// megabyte to make. The zero Packer is ready; it is not safe for
// concurrent use.
type Packer struct {
	buf bytes.Buffer
	zw  *flate.Writer
}

// smallest is the size below which a file is kept as it is: compressing
// a few bytes makes them longer.
const smallest = 64

// Pack makes a Blob of data, which it does not keep.
func (p *Packer) Pack(data []byte) Blob {
	if len(data) < smallest {
		return Blob{data: bytes.Clone(data), size: int64(len(data))}
	}
	p.start()
	p.zw.Write(data) // a bytes.Buffer does not fail
	return p.finish(data, int64(len(data)))
}

// start readies the compressor for a new file.
func (p *Packer) start() {
	p.buf.Reset()
	if p.zw == nil {
		p.zw, _ = flate.NewWriter(&p.buf, flate.BestSpeed) // a valid level
	} else {
		p.zw.Reset(&p.buf)
	}
}

// finish makes the Blob of what was written since start: plain, the
// size bytes, when compressing did not make it smaller.
func (p *Packer) finish(plain []byte, size int64) Blob {
	p.zw.Close()
	if int64(p.buf.Len()) >= size {
		if plain == nil {
			plain = (&Blob{data: p.buf.Bytes(), size: size, packed: true}).Bytes()
		}
		return Blob{data: bytes.Clone(plain), size: size}
	}
	return Blob{data: bytes.Clone(p.buf.Bytes()), size: size, packed: true}
}

// Packers lends Packers to goroutines packing files at once, and
// decompressors to those unpacking them (Unpack). The zero Packers is
// ready.
type Packers struct{ pool, readers sync.Pool }

// Unpack is b.Bytes with a decompressor used again: a large build
// unpacks thousands of texts, each decompressor ~40 kB. The file is put
// in dst when it has room (a buffer the caller uses again), else in a
// slice of its own; an unpacked blob's bytes are its own.
func (ps *Packers) Unpack(b Blob, dst []byte) []byte {
	if !b.packed {
		return b.data
	}
	r, _ := ps.readers.Get().(io.Reader)
	if r == nil {
		r = flate.NewReader(bytes.NewReader(nil))
	}
	defer ps.readers.Put(r)
	return b.unpack(r, dst)
}

// Get lends a Packer; Put gives it back.
func (ps *Packers) Get() *Packer {
	if p, ok := ps.pool.Get().(*Packer); ok {
		return p
	}
	return &Packer{}
}

// Put takes back a Packer that Get lent.
func (ps *Packers) Put(p *Packer) {
	if p.buf.Cap() > 4<<20 {
		p.buf = bytes.Buffer{} // a very large file's buffer goes with it
	}
	ps.pool.Put(p)
}

// packWriter compresses a file as it is written (Memory.Create).
type packWriter struct {
	m    *Memory
	name string
	p    *Packer
	size int64
}

func (w *packWriter) Write(b []byte) (int, error) {
	w.size += int64(len(b))
	return w.p.zw.Write(b)
}

func (w *packWriter) Close() error {
	blob := w.p.finish(nil, w.size)
	w.m.packers.Put(w.p)
	w.m.set(w.name, blob)
	return nil
}
