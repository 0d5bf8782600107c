package generator

import (
	"bytes"
	"image"
	"image/png"
	"io/fs"
	"testing"
	"testing/fstest"
)

// TestImageSize reads the sizes pages give images: a PNG's from its
// header, an SVG's from its width and height or its viewBox; zero for
// what it cannot read.
func TestImageSize(t *testing.T) {
	var b bytes.Buffer
	if err := png.Encode(&b, image.NewRGBA(image.Rect(0, 0, 64, 40))); err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{
		"static/a.png":     {Data: b.Bytes()},
		"static/wh.svg":    {Data: []byte(`<?xml version="1.0"?><!-- x --><svg xmlns="http://www.w3.org/2000/svg" width="320px" height="200">`)},
		"static/box.svg":   {Data: []byte(`<svg viewBox="0 0 960, 240.4"></svg>`)},
		"static/pct.svg":   {Data: []byte(`<svg width="100%" height="50%"></svg>`)},
		"static/bad.png":   {Data: []byte("not a png")},
		"static/upper.SVG": {Data: []byte(`<svg width="10" height="20"/>`)},
	}
	for p, want := range map[string][2]int{
		"static/a.png": {64, 40}, "static/wh.svg": {320, 200}, "static/box.svg": {960, 240},
		"static/pct.svg": {0, 0}, "static/bad.png": {0, 0}, "static/upper.SVG": {10, 20}, "static/none.png": {0, 0},
	} {
		data, _ := fs.ReadFile(fsys, p)
		if w, h := imageSize(p, data); w != want[0] || h != want[1] {
			t.Errorf("%s: %d × %d, want %d × %d", p, w, h, want[0], want[1])
		}
	}
}
