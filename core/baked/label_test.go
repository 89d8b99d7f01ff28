package baked

import "testing"

func TestLabelOf(t *testing.T) {
	for name, c := range map[string]struct {
		payload string
		want    Label
	}{
		"open badge": {`{"type":["VerifiableCredential","OpenBadgeCredential"],"name":"Welder"}`, Label{KeywordOB3, NamespaceOB3, "Welder"}},
		"clr":        {`{"type":["VerifiableCredential","ClrCredential"],"name":"Transcript"}`, Label{KeywordCLR, NamespaceCLR, "Transcript"}},
		"unnamed":    {`{"type":["VerifiableCredential","OpenBadgeCredential"]}`, Label{KeywordOB3, NamespaceOB3, "Open Badge"}},
		"jwt":        {`eyJhbGciOiJFZERTQSJ9.e30.c2ln`, Label{KeywordOB3, NamespaceOB3, "Open Badge"}},
	} {
		if got := LabelOf([]byte(c.payload)); got != c.want {
			t.Errorf("%s: got %+v, want %+v", name, got, c.want)
		}
	}
}
