package render

import "github.com/waymark-cx/waymark/generator/model"

// storyboard writes the storyboard lane: each stage's image (image,
// image_alt), when any stage has one.
func (w *htmlw) storyboard(j *model.Journey) {
	has := false
	for _, s := range j.Stages {
		has = has || s.Image != nil
	}
	if !has {
		return
	}
	w.stageRow(j, "lane lane-storyboard", "lane.storyboard", func(s *model.Stage) {
		if s.Image != nil {
			w.image(s.Image, "storyboard-image")
		}
	})
}

// image writes an image lazily loaded, with its alt text and, when the
// build could read them, its width and height.
func (w *htmlw) image(im *model.Image, class string) {
	w.raw(`<img class="`, class, `" src="`)
	w.href(im.Path)
	w.raw(`" alt="`)
	w.attr(im.Alt)
	w.raw(`"`)
	if im.Width > 0 && im.Height > 0 {
		w.raw(` width="`)
		w.int(im.Width)
		w.raw(`" height="`)
		w.int(im.Height)
		w.raw(`"`)
	}
	w.raw(` loading="lazy" decoding="async">`)
}
