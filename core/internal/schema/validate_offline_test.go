//go:build clearbadge_offline

package schema

import (
	"testing"

	"github.com/clearbadge/clearbadge/core/fetch"
)

// TestOfflineBuild: the offline build (make wasm's page verifier) gives a
// schema it cannot fetch the result the full build gives, and says that one
// it could fetch was not checked. `make test-go` runs it with the tag.
func TestOfflineBuild(t *testing.T) {
	const loc = "https://schema.example/s.json"
	doc := map[string]any{"credentialSchema": []any{
		map[string]any{"id": loc, "type": "1EdTechJsonSchemaValidator2019"},
		map[string]any{"id": "urn:x:s", "type": "JsonSchema"},
		map[string]any{"id": loc, "type": "Unknown2024"},
	}}
	for _, tc := range []struct {
		name  string
		f     fetch.Fetcher
		first namedStatus
	}{
		{"offline", fetch.Offline, namedOffline},
		{"supplied", &fetch.Static{Docs: map[string][]byte{loc: []byte(`{"type": "object"}`)}}, namedUnsupported},
	} {
		got := checkNamed(t.Context(), doc, tc.f)
		if len(got) != 3 || got[0].Status != tc.first || got[1].Status != namedUnreadable || got[2].Status != namedUnsupported {
			t.Errorf("%s: %+v", tc.name, got)
		}
	}
}
