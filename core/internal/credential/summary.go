package credential

import (
	"github.com/clearbadge/clearbadge/core/internal/jsonval"
	"github.com/clearbadge/clearbadge/core/report"
)

// Summarize reads what a credential card shows: the credential's name, the
// issuer, the subject and the achievement, the dates, and for a CLR its
// associations. Missing fields stay empty; nothing here is trusted until
// the Report says the credential verified.
func Summarize(doc map[string]any) report.Summary {
	s := report.Summary{
		ID:          jsonval.Str(doc, "id"),
		Name:        jsonval.Text(doc["name"]),
		Description: jsonval.Text(doc["description"]),
		Image:       imageURL(doc["image"]),
		Issuer:      party(doc["issuer"]),
	}
	if d, err := ReadDates(doc); err == nil || d.FromRaw != "" || d.UntilRaw != "" {
		s.ValidFrom, s.ValidUntil = d.FromRaw, d.UntilRaw
	}
	if rs, ok := doc["refreshService"].(map[string]any); ok {
		s.Refresh = jsonval.Str(rs, "id")
	}
	if Kind(doc) == report.KindPresentation {
		s.Holder = jsonval.ID(doc["holder"])
		return s
	}
	subs := Subjects(doc)
	if len(subs) == 0 {
		return s
	}
	sub := subs[0]
	s.Subject = jsonval.Str(sub, "id")
	s.SubjectName = jsonval.Text(sub["name"])
	if s.Subject == "" {
		s.Subject = identifierLabel(sub)
	}
	if a, ok := sub["achievement"].(map[string]any); ok {
		s.Achievement = achievement(a)
	} else if HasType(sub, "EndorsementSubject") {
		s.Achievement = &report.Achievement{Description: jsonval.Text(sub["endorsementComment"])}
	}
	if s.Name == "" && s.Achievement != nil {
		s.Name = s.Achievement.Name
	}
	if s.Image == "" && s.Achievement != nil {
		s.Image = s.Achievement.Image
	}
	for _, a := range jsonval.List(sub["association"]) {
		if m, ok := a.(map[string]any); ok {
			s.Associations = append(s.Associations, report.Association{
				Type: jsonval.Str(m, "associationType"), SourceID: jsonval.Str(m, "sourceId"), TargetID: jsonval.Str(m, "targetId"),
			})
		}
	}
	return s
}

func party(v any) report.Party {
	p := report.Party{ID: jsonval.ID(v)}
	if m, ok := v.(map[string]any); ok {
		p.Name = jsonval.Text(m["name"])
		p.URL = jsonval.Str(m, "url")
	}
	return p
}

func achievement(a map[string]any) *report.Achievement {
	out := &report.Achievement{
		ID:          jsonval.Str(a, "id"),
		Name:        jsonval.Text(a["name"]),
		Description: jsonval.Text(a["description"]),
		Image:       imageURL(a["image"]),
		Type:        jsonval.Str(a, "achievementType"),
	}
	if c, ok := a["criteria"].(map[string]any); ok {
		out.Criteria = jsonval.Text(c["narrative"])
		if out.Criteria == "" {
			out.Criteria = jsonval.Str(c, "id")
		}
	}
	return out
}

// imageURL reads an OB 3.0 Image (an object with id) or a bare IRI.
func imageURL(v any) string { return jsonval.ID(v) }

// identifierLabel names a subject identified only by IdentityObjects: the
// first plaintext identifier, or the kind of a hashed one.
func identifierLabel(sub map[string]any) string {
	for _, v := range jsonval.List(sub["identifier"]) {
		m, ok := v.(map[string]any)
		if !ok {
			continue
		}
		if h, _ := m["hashed"].(bool); !h {
			if s := jsonval.Str(m, "identityHash"); s != "" {
				return s
			}
		}
		if t := jsonval.Str(m, "identityType"); t != "" {
			return "hashed " + t
		}
	}
	return ""
}
