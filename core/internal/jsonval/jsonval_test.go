package jsonval

import (
	"encoding/json"
	"reflect"
	"testing"
)

func decode(t *testing.T, s string) any {
	t.Helper()
	var v any
	if err := json.Unmarshal([]byte(s), &v); err != nil {
		t.Fatal(err)
	}
	return v
}

// Each accessor reads the compacted forms and yields the zero value for any
// other shape, never a panic.
func TestAccessors(t *testing.T) {
	doc := decode(t, `{"id": "urn:x", "n": 1, "name": {"@value": "Welder"}, "langs": {"fr": "Soudeur", "en": "Welder"},
		"names": [{"fr": "Soudeur"}, "Welder"], "issuer": {"id": "did:example:i"}, "type": "Badge", "types": ["A", 2, "B"]}`).(map[string]any)
	for name, c := range map[string]struct{ got, want any }{
		"Str":                 {Str(doc, "id"), "urn:x"},
		"Str of a number":     {Str(doc, "n"), ""},
		"Str missing":         {Str(doc, "none"), ""},
		"Text value object":   {Text(doc["name"]), "Welder"},
		"Text language map":   {Text(doc["langs"]), "Welder"},
		"Text list":           {Text(doc["names"]), "Soudeur"},
		"Text of a number":    {Text(doc["n"]), ""},
		"ID of a string":      {ID(doc["id"]), "urn:x"},
		"ID of an object":     {ID(doc["issuer"]), "did:example:i"},
		"ID of a number":      {ID(doc["n"]), ""},
		"Strings of a string": {Strings(doc["type"]), []string{"Badge"}},
		"Strings of a list":   {Strings(doc["types"]), []string{"A", "B"}},
		"Strings of a number": {Strings(doc["n"]), []string(nil)},
		"List of one":         {List(doc["type"]), []any{"Badge"}},
		"List of a list":      {len(List(doc["types"])), 3},
		"List of nothing":     {List(doc["none"]), []any(nil)},
	} {
		if !reflect.DeepEqual(c.got, c.want) {
			t.Errorf("%s: got %#v, want %#v", name, c.got, c.want)
		}
	}
}
