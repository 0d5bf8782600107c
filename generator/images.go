package generator

import (
	"bytes"
	"encoding/xml"
	"image"
	_ "image/gif"  // the sizes of GIF storyboard images
	_ "image/jpeg" // of JPEG ones
	_ "image/png"  // of PNG ones
	"io"
	"io/fs"
	"math"
	"path"
	"strconv"
	"strings"

	"github.com/waymark-cx/waymark/generator/diag"
	"github.com/waymark-cx/waymark/generator/model"
)

// checkImages checks that every journey's cover and stage image is a
// static file, as avatars are, and records each one's size in pixels, so
// that pages give it width and height and keep its room while it loads.
// A size it cannot read (a format the standard library does not decode,
// an SVG without width, height or viewBox) is left zero: the page then
// sizes the image by CSS alone.
//
// Each image is read once a build: whole, and the build copies it from
// what was read (statics then holds the bytes for it), unless sizes
// knows it unchanged since an earlier build (the dev server's), when it
// is not read at all here.
func checkImages(site *model.Site, statics map[string]fs.FS, sizes *imageSizes, errs *diag.List) {
	for _, im := range site.Images() {
		p := path.Clean(im.Path)
		fsys, ok := statics[p]
		if !ok {
			errs.Add(im.Missing())
			continue
		}
		name := "static/" + p
		if w, h, ok := sizes.known(p, fsys, name); ok {
			im.SetSize(w, h)
			continue
		}
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			continue // its copy says so
		}
		statics[p] = heldFS{FS: fsys, name: name, data: data}
		w, h := imageSize(name, data)
		sizes.learn(p, fsys, name, w, h)
		im.SetSize(w, h)
	}
}

// imageSizes are the sizes of the images a Builder's builds read, by
// site path, with the size and time of the file they were read from; a
// one-off build's is nil and knows nothing.
type imageSizes struct {
	byPath  map[string]imageStamp
	changed map[string]bool // site paths the build was told changed; nil: trust no stamp
}

type imageStamp struct {
	size, mtime int64
	w, h        int
}

// known is an image's size read by an earlier build, while its file has
// the same size and time and was not said to have changed.
func (s *imageSizes) known(p string, fsys fs.FS, name string) (w, h int, ok bool) {
	if s == nil || s.changed == nil || s.changed[name] {
		return 0, 0, false
	}
	st, found := s.byPath[p]
	fi, err := fs.Stat(fsys, name)
	if !found || err != nil || fi.Size() != st.size || fi.ModTime().UnixNano() != st.mtime {
		return 0, 0, false
	}
	return st.w, st.h, true
}

func (s *imageSizes) learn(p string, fsys fs.FS, name string, w, h int) {
	if s == nil {
		return
	}
	if fi, err := fs.Stat(fsys, name); err == nil {
		s.byPath[p] = imageStamp{size: fi.Size(), mtime: fi.ModTime().UnixNano(), w: w, h: h}
	}
}

// heldFS is a static folder with one of its files read already: the
// build's copy of it takes those bytes rather than reading it again.
type heldFS struct {
	fs.FS
	name string
	data []byte
}

func (h heldFS) ReadFile(name string) ([]byte, error) {
	if name == h.name {
		return h.data, nil
	}
	return fs.ReadFile(h.FS, name)
}

func (h heldFS) Open(name string) (fs.File, error) {
	if name != h.name {
		return h.FS.Open(name)
	}
	fi, err := fs.Stat(h.FS, name)
	if err != nil {
		return nil, err
	}
	return &keptFile{Reader: bytes.NewReader(h.data), info: fi}, nil
}

func (h heldFS) Stat(name string) (fs.FileInfo, error) { return fs.Stat(h.FS, name) }

// imageSize is the size of the image file name holds in data: from its
// header for a bitmap, its root element's attributes for an SVG.
func imageSize(name string, data []byte) (w, h int) {
	if strings.EqualFold(path.Ext(name), ".svg") {
		return svgSize(bytes.NewReader(data[:min(len(data), 64<<10)]))
	}
	cfg, _, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		return 0, 0
	}
	return cfg.Width, cfg.Height
}

// svgSize is the size an SVG's root element gives: width and height in
// pixels (or without a unit), else its viewBox.
func svgSize(r io.Reader) (w, h int) {
	d := xml.NewDecoder(r)
	for {
		tok, err := d.Token()
		if err != nil {
			return 0, 0
		}
		el, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		var width, height, box string
		for _, a := range el.Attr {
			switch a.Name.Local {
			case "width":
				width = a.Value
			case "height":
				height = a.Value
			case "viewBox":
				box = a.Value
			}
		}
		if w, h := px(width), px(height); w > 0 && h > 0 {
			return w, h
		}
		f := strings.Fields(strings.ReplaceAll(box, ",", " "))
		if len(f) == 4 {
			return px(f[2]), px(f[3])
		}
		return 0, 0
	}
}

// px reads a length in pixels: "640", "640px", "12.5"; 0 otherwise.
func px(s string) int {
	f, err := strconv.ParseFloat(strings.TrimSuffix(strings.TrimSpace(s), "px"), 64)
	if err != nil || f <= 0 || f > 1e6 {
		return 0
	}
	return int(math.Round(f))
}
