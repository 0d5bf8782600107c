package export

import (
	"fmt"
	"strings"

	"github.com/waymark-cx/waymark/generator/model"
)

// CustomLane is a custom lane ([[lane]]) as a row of the CSV: labelled
// with its name, its cells in the shape of its kind (a line per string or
// item, the text, the score).
func CustomLane(l *model.Lane) Lane {
	value := func(s *model.Stage) *model.LaneValue {
		if s.Custom == nil {
			s.Custom = map[string]*model.LaneValue{}
		}
		v := s.Custom[l.Key]
		if v == nil {
			v = &model.LaneValue{}
			s.Custom[l.Key] = v
		}
		return v
	}
	return Lane{Key: l.Key,
		Cell: func(s *model.Stage, w Words) []string {
			v := s.Lane(l.Key)
			if v.Empty() {
				return nil
			}
			switch l.Kind {
			case model.LaneList:
				return v.List
			case model.LaneText:
				return []string{v.Text}
			case model.LaneItems:
				out := make([]string, len(v.Items))
				for i, it := range v.Items {
					out[i] = FormatItem(it, w)
				}
				return out
			case model.LaneScore:
				return []string{num(v.Score)}
			}
			return nil
		},
		Set: func(s *model.Stage, lines []string) (int, error) {
			switch l.Kind {
			case model.LaneList:
				value(s).List = lines
			case model.LaneText:
				value(s).Text = strings.Join(lines, "\n")
			case model.LaneItems:
				for i, line := range lines {
					it, err := ParseItem(line)
					if err != nil {
						return i, err
					}
					value(s).Items = append(value(s).Items, it)
				}
			case model.LaneScore:
				f, err := Decimal(strings.Join(lines, ""))
				if err != nil {
					return 0, err
				}
				if f < l.Min || f > l.Max {
					return 0, &Hinted{Msg: fmt.Sprintf("%s is outside %s–%s", num(f), num(l.Min), num(l.Max)),
						Hint: fmt.Sprintf("%s is scored from %s to %s", l.Name, num(l.Min), num(l.Max))}
				}
				v := value(s)
				v.Score, v.HasScore = f, true
			}
			return 0, nil
		}}
}
