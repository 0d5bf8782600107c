package model

import (
	"fmt"
	"time"

	"github.com/waymark-cx/waymark/generator/diag"
)

// ReviewDue is the date by which the map should be reviewed again; zero
// when it has never been reviewed.
func (j *Journey) ReviewDue() time.Time {
	if j.LastReviewed.IsZero() || j.ReviewEvery.IsZero() {
		return time.Time{}
	}
	return j.ReviewEvery.After(j.LastReviewed)
}

// NeedsReview reports whether the map is past its review date, or has
// never been reviewed, at the given time. A zero now checks nothing.
func (j *Journey) NeedsReview(now time.Time) bool {
	if now.IsZero() {
		return false
	}
	if j.LastReviewed.IsZero() {
		return true
	}
	return now.After(j.ReviewDue())
}

// NeedsReview lists the site's journeys that are due for review.
func (s *Site) NeedsReview() []*Journey {
	var out []*Journey
	for _, j := range s.Journeys {
		if j.NeedsReview(s.Now) {
			out = append(out, j)
		}
	}
	return out
}

func reviewWarnings(site *Site) {
	for _, j := range site.Journeys {
		// A date in the future is a typo that would silence the review
		// for years; a day ahead is a reviewer in another time zone.
		if j.LastReviewed.After(site.Now.AddDate(0, 0, 1)) {
			e := j.refs.reviewed
			e.Msg = fmt.Sprintf("journey %q was last reviewed on %s, a day still to come", j.Title, j.LastReviewed.Format(time.DateOnly))
			e.Hint = "set last_reviewed to the day of the last review, today at the latest: " + site.Now.Format(time.DateOnly)
			site.Warnings = append(site.Warnings, &e)
		}
	}
	for _, j := range site.NeedsReview() {
		if j.LastReviewed.IsZero() && site.Config.Rules.On(RuleMapNeedsReviewDate) {
			continue // the rule's own warning says so (rules.go)
		}
		e := j.refs.reviewed
		if j.LastReviewed.IsZero() {
			e.Msg = fmt.Sprintf("journey %q has never been reviewed", j.Title)
			e.Hint = "after reviewing it with its owners, set last_reviewed = " + site.Now.Format(time.DateOnly)
		} else {
			e.Msg = fmt.Sprintf("journey %q needs review: last reviewed %s, due every %s (since %s)",
				j.Title, j.LastReviewed.Format(time.DateOnly), j.ReviewEvery, j.ReviewDue().Format(time.DateOnly))
			e.Hint = "review the map with its owners, then update last_reviewed"
		}
		site.Warnings = append(site.Warnings, &e)
	}
	diag.Sort(site.Warnings)
}

// PersonaBySlug returns the journey's resolved persona with that slug, or
// nil (unknown, or a draft left out of the build).
func (j *Journey) PersonaBySlug(slug string) *Persona {
	for _, p := range j.Personas {
		if p.Slug == slug {
			return p
		}
	}
	return nil
}
