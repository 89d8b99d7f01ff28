package baked

import (
	"github.com/clearbadge/clearbadge/core/internal/credential"
	"github.com/clearbadge/clearbadge/core/report"
)

// Label is what baking needs to know of the credential it bakes: the PNG
// keyword and SVG namespace its kind is baked under (a CLR has its own, CLR
// 2.0 "CLR Document Formats") and the title a plain Badge shows.
type Label struct {
	Keyword, Namespace, Title string
}

// LabelOf reads payload's Label. A payload that is not a credential's JSON
// (a VC-JWT, say) is labelled as an Open Badge titled "Open Badge".
func LabelOf(payload []byte) Label {
	l := Label{Keyword: KeywordOB3, Namespace: NamespaceOB3, Title: "Open Badge"}
	doc, err := credential.Decode(payload)
	if err != nil {
		return l
	}
	if credential.Kind(doc) == report.KindCLR {
		l.Keyword, l.Namespace = KeywordCLR, NamespaceCLR
	}
	if s := credential.Summarize(doc); s.Name != "" {
		l.Title = s.Name
	}
	return l
}
