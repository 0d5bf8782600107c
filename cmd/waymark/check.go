package main

import (
	"context"
	"fmt"

	"github.com/waymark-cx/waymark/generator"
)

func (m *Main) check(ctx context.Context, args []string) int {
	fs := m.flags("check", "waymark check [-s SOURCE] [--drafts] [--strict]",
		"Check the handbook in SOURCE: report every mistake, as build does,\nbut write nothing.")
	var src string
	var drafts, strict bool
	fs.StringVar(&src, "s", ".", "the site `folder` (holding waymark.toml)")
	fs.StringVar(&src, "source", ".", "same as -s")
	fs.BoolVar(&drafts, "drafts", false, "check pages marked draft = true too")
	fs.BoolVar(&strict, "strict", false, "fail on warnings too, such as maps due for review")
	if code, ok := m.parse(fs, args); !ok {
		return code
	}
	if !m.siteFolder(src) {
		return exitContent
	}
	rep, err := generator.Build(ctx, m.options(src, "", drafts, nil))
	if err != nil {
		return m.fail(err, "check", src)
	}
	m.warn(rep.Warnings, src)
	if strict && len(rep.Warnings) > 0 {
		m.errorf("check failed: %d %s, and --strict fails on warnings", len(rep.Warnings), plural(len(rep.Warnings), "warning", "warnings"))
		return exitContent
	}
	fmt.Fprintf(m.Stdout, "waymark: no mistakes in %d %s, %d %s, %d %s and %d %s; %d %s\n",
		rep.Personas, plural(rep.Personas, "persona", "personas"),
		rep.Journeys, plural(rep.Journeys, "journey", "journeys"),
		rep.Pages, plural(rep.Pages, "page", "pages"),
		rep.Templates, plural(rep.Templates, "template", "templates"),
		len(rep.Warnings), plural(len(rep.Warnings), "warning", "warnings"))
	return exitOK
}
