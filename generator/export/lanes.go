package export

import (
	"strings"

	"github.com/waymark-cx/waymark/generator/model"
)

// Lane is one row of a map below the stage names.
type Lane struct {
	// Key is the lane's key in the journey format ("pain_points", and
	// "touchpoint" and "metric" for the tables of a stage): the row's
	// label is Words.Of(Key), and the importer accepts the key itself.
	Key string
	// Cell gives the lines of a stage's cell, their details and
	// Waymark's own values in w's language (nil: English).
	Cell func(s *model.Stage, w Words) []string
	// Set stores the lines of a cell in a stage; it reports a line it
	// cannot read by its index.
	Set func(s *model.Stage, lines []string) (bad int, err error)
}

// Lanes lists the lanes in the order the CSV writes them; the emotion rows
// (one per persona) come after the touchpoints and are not in this list.
func Lanes() []Lane {
	bp := func(s *model.Stage) *model.Blueprint {
		if s.Blueprint == nil {
			s.Blueprint = &model.Blueprint{}
		}
		return s.Blueprint
	}
	layer := func(key string, get func(b *model.Blueprint) *[]string) Lane {
		return Lane{Key: key,
			Cell: func(s *model.Stage, w Words) []string {
				if s.Blueprint == nil {
					return nil
				}
				return *get(s.Blueprint)
			},
			Set: func(s *model.Stage, l []string) (int, error) { *get(bp(s)) = l; return 0, nil }}
	}
	text := func(key string, get func(s *model.Stage) *string) Lane {
		return Lane{Key: key,
			Cell: func(s *model.Stage, w Words) []string { return nonEmpty(*get(s)) },
			Set:  func(s *model.Stage, l []string) (int, error) { *get(s) = strings.Join(l, "\n"); return 0, nil }}
	}
	list := func(key string, get func(s *model.Stage) *[]string) Lane {
		return Lane{Key: key,
			Cell: func(s *model.Stage, w Words) []string { return *get(s) },
			Set:  func(s *model.Stage, l []string) (int, error) { *get(s) = l; return 0, nil }}
	}
	items := func(key string, get func(s *model.Stage) *[]model.Item) Lane {
		return Lane{Key: key,
			Cell: func(s *model.Stage, w Words) []string {
				var out []string
				for _, it := range *get(s) {
					out = append(out, FormatItem(it, w))
				}
				return out
			},
			Set: func(s *model.Stage, l []string) (int, error) {
				for i, line := range l {
					it, err := ParseItem(line)
					if err != nil {
						return i, err
					}
					*get(s) = append(*get(s), it)
				}
				return 0, nil
			}}
	}
	return []Lane{
		text("description", func(s *model.Stage) *string { return &s.Description }),
		text("duration", func(s *model.Stage) *string { return &s.Duration }),
		{Key: "actions",
			Cell: func(s *model.Stage, w Words) []string {
				if len(s.ActionDetails) == 0 {
					return s.Actions
				}
				out := make([]string, len(s.ActionDetails))
				for i, a := range s.ActionDetails {
					out[i] = FormatAction(a, w)
				}
				return out
			},
			Set: func(s *model.Stage, l []string) (int, error) {
				detailed := false
				for i, line := range l {
					a, err := ParseAction(line)
					if err != nil {
						return i, err
					}
					detailed = detailed || a.HasEmotion || len(a.Personas) > 0
					s.ActionDetails = append(s.ActionDetails, a)
					s.Actions = append(s.Actions, a.Text)
				}
				if !detailed {
					s.ActionDetails = nil
				}
				return 0, nil
			}},
		list("thoughts", func(s *model.Stage) *[]string { return &s.Thoughts }),
		list("questions", func(s *model.Stage) *[]string { return &s.Questions }),
		{Key: "touchpoint",
			Cell: func(s *model.Stage, w Words) []string {
				var out []string
				for _, t := range s.Touchpoints {
					out = append(out, FormatTouchpoint(t, w))
				}
				return out
			},
			Set: func(s *model.Stage, l []string) (int, error) {
				for i, line := range l {
					t, err := ParseTouchpoint(line)
					if err != nil {
						return i, err
					}
					s.Touchpoints = append(s.Touchpoints, t)
				}
				return 0, nil
			}},
		text("feeling", func(s *model.Stage) *string { return &s.Feeling }),
		items("pain_points", func(s *model.Stage) *[]model.Item { return &s.PainPoints }),
		items("opportunities", func(s *model.Stage) *[]model.Item { return &s.Opportunities }),
		{Key: "metric",
			Cell: func(s *model.Stage, w Words) []string {
				var out []string
				for _, m := range s.Metrics {
					out = append(out, FormatMetric(m, w))
				}
				return out
			},
			Set: func(s *model.Stage, l []string) (int, error) {
				for i, line := range l {
					m, err := ParseMetric(line)
					if err != nil {
						return i, err
					}
					s.Metrics = append(s.Metrics, m)
				}
				return 0, nil
			}},
		{Key: "drop_off",
			Cell: func(s *model.Stage, w Words) []string {
				if !s.HasDropOff {
					return nil
				}
				return []string{num(s.DropOff)}
			},
			Set: func(s *model.Stage, l []string) (int, error) {
				f, err := DropOff(strings.Join(l, ""))
				if err != nil {
					return 0, err
				}
				s.DropOff, s.HasDropOff = f, true
				return 0, nil
			}},
		layer("evidence", func(b *model.Blueprint) *[]string { return &b.Evidence }),
		layer("frontstage", func(b *model.Blueprint) *[]string { return &b.Frontstage }),
		layer("backstage", func(b *model.Blueprint) *[]string { return &b.Backstage }),
		layer("support", func(b *model.Blueprint) *[]string { return &b.Support }),
		layer("policies", func(b *model.Blueprint) *[]string { return &b.Policies }),
		layer("fail_points", func(b *model.Blueprint) *[]string { return &b.FailPoints }),
		{Key: "wait",
			Cell: func(s *model.Stage, w Words) []string {
				if s.Blueprint == nil {
					return nil
				}
				return nonEmpty(s.Blueprint.Wait)
			},
			Set: func(s *model.Stage, l []string) (int, error) { bp(s).Wait = strings.Join(l, " "); return 0, nil }},
	}
}

// DropOff reads a share: "0.35" or "35%", or with a decimal comma
// ("0,35", "35,5 %").
func DropOff(s string) (float64, error) {
	s = strings.TrimSpace(s)
	pct := strings.HasSuffix(s, "%")
	f, err := Decimal(strings.TrimSuffix(s, "%"))
	if err != nil {
		return 0, errDropOff(s)
	}
	if pct {
		f /= 100
	}
	if f < 0 || f > 1 {
		return 0, errDropOff(s)
	}
	return f, nil
}

type errDropOff string

func (e errDropOff) Error() string {
	return "drop-off must be a share from 0 to 1 (0.35) or a percentage (35%), not \"" + string(e) + "\""
}

func nonEmpty(s string) []string {
	if s == "" {
		return nil
	}
	return []string{s}
}
