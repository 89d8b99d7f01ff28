// Package jsonval reads values out of decoded JSON (map[string]any and
// []any) in the compacted forms credentials use: a single item or a list, an
// IRI or an object with an `id`, a plain string or a JSON-LD language map.
// Each accessor returns the zero value for a value of another shape, so that
// callers read untrusted documents without type assertions of their own.
package jsonval

// Strings reads a string or a list of strings.
func Strings(v any) []string {
	switch x := v.(type) {
	case string:
		return []string{x}
	case []any:
		out := make([]string, 0, len(x))
		for _, e := range x {
			if s, ok := e.(string); ok {
				out = append(out, s)
			}
		}
		return out
	}
	return nil
}

// List reads a value that may be a single item or a JSON array.
func List(v any) []any {
	switch x := v.(type) {
	case nil:
		return nil
	case []any:
		return x
	default:
		return []any{x}
	}
}

// ID reads the id of a node that is either an IRI string or an object with
// an `id` (the two forms of `issuer`, `holder` and similar properties).
func ID(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case map[string]any:
		s, _ := x["id"].(string)
		return s
	}
	return ""
}

// Str returns m[key] when it is a string.
func Str(m map[string]any, key string) string {
	s, _ := m[key].(string)
	return s
}

// Text reads a human-readable string that may be a plain string, a JSON-LD
// language map or value object, or a list of those: OB 3.0 allows
// language-tagged names, and the purl schemas accept the compacted forms.
func Text(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case []any:
		for _, e := range x {
			if s := Text(e); s != "" {
				return s
			}
		}
	case map[string]any:
		if s, ok := x["@value"].(string); ok {
			return s
		}
		for _, k := range []string{"en", "en-US", "en-GB"} {
			if s, ok := x[k].(string); ok {
				return s
			}
		}
		for _, e := range x {
			if s, ok := e.(string); ok {
				return s
			}
		}
	}
	return ""
}
