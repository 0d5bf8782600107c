package model

import "slices"

// TemplateGroup is the templates written in one language.
type TemplateGroup struct {
	Language  string // "en" or "vi"
	Own       bool   // the site's language
	Templates []*Journey
}

// TemplateLanguage is the language a template is written in: its
// [params] language when it is one Waymark speaks (Languages), else the
// site's (a team's own templates are in its language).
func (s *Site) TemplateLanguage(t *Journey) string {
	if l, ok := t.Params["language"].(string); ok && slices.Contains(Languages(), l) {
		return l
	}
	return s.Config.Language
}

// TemplatesIn lists the templates written in lang, in slug order.
func (s *Site) TemplatesIn(lang string) []*Journey {
	var out []*Journey
	for _, t := range s.Templates {
		if s.TemplateLanguage(t) == lang {
			out = append(out, t)
		}
	}
	return out
}

// TemplateGroups groups the templates by language: the site's language
// first, then the others in the order their first template comes.
func (s *Site) TemplateGroups() []TemplateGroup {
	groups := []TemplateGroup{{Language: s.Config.Language, Own: true}}
	at := map[string]int{s.Config.Language: 0}
	for _, t := range s.Templates {
		l := s.TemplateLanguage(t)
		i, ok := at[l]
		if !ok {
			i = len(groups)
			at[l] = i
			groups = append(groups, TemplateGroup{Language: l})
		}
		groups[i].Templates = append(groups[i].Templates, t)
	}
	if len(groups[0].Templates) == 0 {
		groups = groups[1:]
	}
	return groups
}
