package export

import (
	"strings"

	"github.com/waymark-cx/waymark/generator/model"
)

// The labels of the CSV rows. The rows above LabelStage describe the
// journey; the rows below are its lanes, one cell per stage.
const (
	LabelTitle    = "Journey"
	LabelType     = "Type"
	LabelPersonas = "Personas"
	LabelSummary  = "Summary"
	LabelGoal     = "Goal"
	LabelOwner    = "Owner"
	LabelTags     = "Tags"
	LabelStage    = "Stage"
	LabelEmotion  = "Emotion" // "Emotion (lan)" with several personas
)

// Lane is one row of a map below the stage names.
type Lane struct {
	Label string
	// Cell gives the lines of a stage's cell.
	Cell func(s *model.Stage) []string
	// Set stores the lines of a cell in a stage; it reports a line it
	// cannot read by its index.
	Set func(s *model.Stage, lines []string) (bad int, err error)
}

// Lanes lists the lanes in the order the CSV writes them; the emotion rows
// (one per persona) come after Touchpoints and are not in this list.
func Lanes() []Lane {
	bp := func(s *model.Stage) *model.Blueprint {
		if s.Blueprint == nil {
			s.Blueprint = &model.Blueprint{}
		}
		return s.Blueprint
	}
	layer := func(label string, get func(b *model.Blueprint) *[]string) Lane {
		return Lane{Label: label,
			Cell: func(s *model.Stage) []string {
				if s.Blueprint == nil {
					return nil
				}
				return *get(s.Blueprint)
			},
			Set: func(s *model.Stage, l []string) (int, error) { *get(bp(s)) = l; return 0, nil }}
	}
	text := func(label string, get func(s *model.Stage) *string) Lane {
		return Lane{Label: label,
			Cell: func(s *model.Stage) []string { return nonEmpty(*get(s)) },
			Set:  func(s *model.Stage, l []string) (int, error) { *get(s) = strings.Join(l, "\n"); return 0, nil }}
	}
	list := func(label string, get func(s *model.Stage) *[]string) Lane {
		return Lane{Label: label,
			Cell: func(s *model.Stage) []string { return *get(s) },
			Set:  func(s *model.Stage, l []string) (int, error) { *get(s) = l; return 0, nil }}
	}
	items := func(label string, get func(s *model.Stage) *[]model.Item) Lane {
		return Lane{Label: label,
			Cell: func(s *model.Stage) []string {
				var out []string
				for _, it := range *get(s) {
					out = append(out, FormatItem(it))
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
		text("Description", func(s *model.Stage) *string { return &s.Description }),
		text("Duration", func(s *model.Stage) *string { return &s.Duration }),
		list("Actions", func(s *model.Stage) *[]string { return &s.Actions }),
		list("Thoughts", func(s *model.Stage) *[]string { return &s.Thoughts }),
		list("Questions", func(s *model.Stage) *[]string { return &s.Questions }),
		{Label: "Touchpoints",
			Cell: func(s *model.Stage) []string {
				var out []string
				for _, t := range s.Touchpoints {
					out = append(out, FormatTouchpoint(t))
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
		text("Feeling", func(s *model.Stage) *string { return &s.Feeling }),
		items("Pain points", func(s *model.Stage) *[]model.Item { return &s.PainPoints }),
		items("Opportunities", func(s *model.Stage) *[]model.Item { return &s.Opportunities }),
		{Label: "Metrics",
			Cell: func(s *model.Stage) []string {
				var out []string
				for _, m := range s.Metrics {
					out = append(out, FormatMetric(m))
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
		{Label: "Drop-off",
			Cell: func(s *model.Stage) []string {
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
		layer("Evidence", func(b *model.Blueprint) *[]string { return &b.Evidence }),
		layer("Frontstage", func(b *model.Blueprint) *[]string { return &b.Frontstage }),
		layer("Backstage", func(b *model.Blueprint) *[]string { return &b.Backstage }),
		layer("Support", func(b *model.Blueprint) *[]string { return &b.Support }),
		layer("Policies", func(b *model.Blueprint) *[]string { return &b.Policies }),
		layer("Fail points", func(b *model.Blueprint) *[]string { return &b.FailPoints }),
		{Label: "Wait",
			Cell: func(s *model.Stage) []string {
				if s.Blueprint == nil {
					return nil
				}
				return nonEmpty(s.Blueprint.Wait)
			},
			Set: func(s *model.Stage, l []string) (int, error) { bp(s).Wait = strings.Join(l, " "); return 0, nil }},
	}
}

// DropOff reads a share: "0.35" or "35%".
func DropOff(s string) (float64, error) {
	s = strings.TrimSpace(s)
	pct := strings.HasSuffix(s, "%")
	f, err := Number(strings.TrimSuffix(s, "%"))
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
