package model

func decodePersona(d *decoder, e Entry) *Persona {
	o := d.root("the persona's front matter")
	p := &Persona{
		Entry:       e,
		Name:        o.required("name"),
		Role:        o.str("role"),
		Segment:     o.str("segment"),
		Avatar:      o.str("avatar"),
		Quote:       o.str("quote"),
		Location:    o.str("location"),
		Goals:       o.strs("goals"),
		Needs:       o.strs("needs"),
		PainPoints:  o.strs("pain_points"),
		Motivations: o.strs("motivations"),
		Barriers:    o.strs("barriers"),
		Channels:    o.strs("channels"),
		Tags:        o.strs("tags"),
	}
	if age, ok := o.integer("age"); ok {
		if age < 0 || age > 150 {
			d.errorf("age", "age is in years, such as age = 34; leave it out when it does not matter", "age must be between 0 and 150, not %d", age)
		}
		p.Age = age
	}
	p.avatarAt = d.at("avatar")
	decodeEntry(o, &p.Entry)
	o.done()
	return p
}

// decodeEntry reads the keys every kind of page accepts.
func decodeEntry(o *obj, e *Entry) {
	e.Layout = o.str("layout")
	at := o.d.at("layout")
	e.layoutAt = [2]int{at.Line, at.Col}
	e.Draft = o.boolean("draft", false)
	e.Params = o.params()
}

func decodePage(d *decoder, e Entry, dir string, isIndex bool) *Page {
	o := d.root("the page's front matter")
	p := &Page{Entry: e, Dir: dir, IsIndex: isIndex}
	if isIndex {
		p.Title = o.str("title")
	} else {
		p.Title = o.required("title")
	}
	p.Description = o.str("description")
	p.Weight, _ = o.integer("weight")
	if dir == ResearchDir && !isIndex {
		p.Research = decodeResearch(o)
	}
	decodeEntry(o, &p.Entry)
	o.done()
	return p
}
