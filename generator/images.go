package generator

import (
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
func checkImages(site *model.Site, statics map[string]fs.FS, errs *diag.List) {
	for _, im := range site.Images() {
		fsys, ok := statics[path.Clean(im.Path)]
		if !ok {
			errs.Add(im.Missing())
			continue
		}
		im.SetSize(imageSize(fsys, "static/"+path.Clean(im.Path)))
	}
}

// imageSize reads the size of the image file p: its header only for a
// bitmap, its root element's attributes for an SVG.
func imageSize(fsys fs.FS, p string) (w, h int) {
	f, err := fsys.Open(p)
	if err != nil {
		return 0, 0
	}
	defer f.Close()
	if strings.EqualFold(path.Ext(p), ".svg") {
		return svgSize(io.LimitReader(f, 64<<10))
	}
	cfg, _, err := image.DecodeConfig(f)
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
