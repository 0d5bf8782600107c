package model

import (
	"fmt"
	"strings"

	"github.com/waymark-cx/waymark/generator/diag"
)

// Image is a picture a journey shows: a stage's storyboard image (a
// sketch, a screenshot, a photo of the workshop wall) or the journey's
// cover. Path is under static/; Alt says what it shows, for those who
// cannot see it. Width and Height are the file's own, in pixels, which
// the build reads (SetSize) so that pages reserve its room.
type Image struct {
	Path          string
	Alt           string
	Width, Height int
	key           string     // "image" or "cover", for mistakes
	at            diag.Error // where the path is written
}

// SetSize records the image file's size, read by the build.
func (im *Image) SetSize(w, h int) { im.Width, im.Height = w, h }

// decodeImage reads an image key and its alt text (image and image_alt,
// cover and cover_alt); nil when the key is not there. An image without
// its alt text is a mistake.
func decodeImage(o *obj, key, altKey, what string) *Image {
	p := o.str(key)
	alt := strings.TrimSpace(o.str(altKey))
	if p == "" {
		if alt != "" {
			o.d.errorf(o.key(altKey), fmt.Sprintf("set %s too, or remove %s", key, altKey), "%s without %s", altKey, key)
		}
		return nil
	}
	im := &Image{Path: strings.TrimPrefix(p, "/"), Alt: alt, key: key, at: o.d.at(o.key(key))}
	if alt == "" {
		o.d.errorf(o.key(key), fmt.Sprintf(`say in %s what the image shows, for readers who cannot see it: %s = "…"`, altKey, altKey),
			"%s %q has no %s", what, p, altKey)
	}
	return im
}

// images are a journey's cover and stage images, in the order Images
// lists them.
func (j *Journey) images() []*Image {
	var out []*Image
	if j.Cover != nil {
		out = append(out, j.Cover)
	}
	for _, st := range j.Stages {
		if st.Image != nil {
			out = append(out, st.Image)
		}
	}
	return out
}

// Images lists every image of the site's journeys: covers and stage
// images, for the build to check and measure.
func (s *Site) Images() []*Image {
	var out []*Image
	for _, j := range s.Journeys {
		out = append(out, j.images()...)
	}
	return out
}

// Missing is the mistake of an image that is not a file under static/.
func (im *Image) Missing() *diag.Error {
	e := im.at
	e.Msg = fmt.Sprintf("%s %q is not a file under static/", im.key, im.Path)
	e.Hint = fmt.Sprintf("put the image in static/ and give its path from there, e.g. %s = \"img/stage-1.png\"", im.key)
	return &e
}
