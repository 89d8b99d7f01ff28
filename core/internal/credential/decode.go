package credential

import (
	"encoding/json"
	"strconv"
	"unicode/utf8"
)

// decodeObject is encoding/json's decoding of one JSON object into
// map[string]any, written out for the shapes credentials have: in
// WebAssembly encoding/json's byte-at-a-time scanner (two passes, an
// indirect call per byte) was a tenth of a verification. It gives the value
// encoding/json gives (float64 numbers, non-nil empty lists, the last of
// duplicate keys, the same strings) or reports false for anything else,
// malformed input included, and Decode then asks encoding/json, whose
// answer and error message stand. FuzzDecodeAgrees holds the two together.
func decodeObject(b []byte) (map[string]any, bool) {
	// The strings are cut from one copy of the whole text: one allocation
	// instead of one per key and value (a string kept after the document
	// is dropped keeps that copy, a few KB, alive with it).
	d := decoder{b: b, s: string(b)}
	d.space()
	if d.i >= len(d.b) || d.b[d.i] != '{' {
		return nil, false
	}
	v, ok := d.value()
	if !ok {
		return nil, false
	}
	d.space()
	if d.i != len(d.b) {
		return nil, false
	}
	return v.(map[string]any), true
}

type decoder struct {
	b     []byte
	s     string // b as a string
	i     int
	depth int // of the object or list being read; beyond MaxDepth, Decode's own check answers
}

func (d *decoder) space() {
	for d.i < len(d.b) {
		switch d.b[d.i] {
		case ' ', '\t', '\n', '\r':
			d.i++
		default:
			return
		}
	}
}

func (d *decoder) value() (any, bool) {
	if d.i >= len(d.b) {
		return nil, false
	}
	switch c := d.b[d.i]; {
	case c == '{' || c == '[':
		if d.depth++; d.depth > MaxDepth {
			return nil, false
		}
		var v any
		var ok bool
		if c == '{' {
			v, ok = d.object()
		} else {
			v, ok = d.array()
		}
		d.depth--
		return v, ok
	case c == '"':
		if s, ok := d.string(); ok {
			return s, true
		}
		return nil, false
	case c == '-' || c >= '0' && c <= '9':
		return d.number()
	case c == 't':
		return true, d.literal("true")
	case c == 'f':
		return false, d.literal("false")
	case c == 'n':
		return nil, d.literal("null")
	}
	return nil, false
}

func (d *decoder) literal(word string) bool {
	if len(d.b)-d.i < len(word) || string(d.b[d.i:d.i+len(word)]) != word {
		return false
	}
	d.i += len(word)
	return true
}

func (d *decoder) object() (any, bool) {
	d.i++ // {
	m := make(map[string]any)
	d.space()
	if d.i < len(d.b) && d.b[d.i] == '}' {
		d.i++
		return m, true
	}
	for {
		d.space()
		if d.i >= len(d.b) || d.b[d.i] != '"' {
			return nil, false
		}
		k, ok := d.string()
		if !ok {
			return nil, false
		}
		d.space()
		if d.i >= len(d.b) || d.b[d.i] != ':' {
			return nil, false
		}
		d.i++
		d.space()
		v, ok := d.value()
		if !ok {
			return nil, false
		}
		m[k] = v
		d.space()
		if d.i >= len(d.b) {
			return nil, false
		}
		switch d.b[d.i] {
		case ',':
			d.i++
		case '}':
			d.i++
			return m, true
		default:
			return nil, false
		}
	}
}

func (d *decoder) array() (any, bool) {
	d.i++                  // [
	list := make([]any, 0) // encoding/json's empty list is not nil
	d.space()
	if d.i < len(d.b) && d.b[d.i] == ']' {
		d.i++
		return list, true
	}
	for {
		d.space()
		v, ok := d.value()
		if !ok {
			return nil, false
		}
		list = append(list, v)
		d.space()
		if d.i >= len(d.b) {
			return nil, false
		}
		switch d.b[d.i] {
		case ',':
			d.i++
		case ']':
			d.i++
			return list, true
		default:
			return nil, false
		}
	}
}

// string reads a string. One without escapes and in valid UTF-8 is its
// bytes; any other is handed to encoding/json, whose treatment of escapes,
// surrogates and invalid bytes is then exactly what it is. It returns a
// string, not an any: an object's key would otherwise be boxed (an
// allocation) only to be unboxed again.
func (d *decoder) string() (string, bool) {
	start := d.i
	d.i++ // "
	plain := true
	for ; d.i < len(d.b); d.i++ {
		switch c := d.b[d.i]; {
		case c == '"':
			d.i++
			seg := d.s[start+1 : d.i-1]
			if plain && utf8.ValidString(seg) {
				return seg, true
			}
			var s string
			if json.Unmarshal(d.b[start:d.i], &s) != nil {
				return "", false
			}
			return s, true
		case c == '\\':
			plain = false
			d.i++ // the escaped byte cannot end the string
		case c < 0x20:
			return "", false
		}
	}
	return "", false
}

// number reads a number as JSON writes it (RFC 8259 §6) into a float64.
func (d *decoder) number() (any, bool) {
	start := d.i
	if d.b[d.i] == '-' {
		d.i++
	}
	switch {
	case d.i < len(d.b) && d.b[d.i] == '0':
		d.i++
	case d.i < len(d.b) && d.b[d.i] >= '1' && d.b[d.i] <= '9':
		d.digits()
	default:
		return nil, false
	}
	if d.i < len(d.b) && d.b[d.i] == '.' {
		d.i++
		if d.digits() == 0 {
			return nil, false
		}
	}
	if d.i < len(d.b) && (d.b[d.i] == 'e' || d.b[d.i] == 'E') {
		d.i++
		if d.i < len(d.b) && (d.b[d.i] == '+' || d.b[d.i] == '-') {
			d.i++
		}
		if d.digits() == 0 {
			return nil, false
		}
	}
	f, err := strconv.ParseFloat(d.s[start:d.i], 64)
	if err != nil {
		return nil, false // out of range: encoding/json's error stands
	}
	return f, true
}

func (d *decoder) digits() int {
	n := 0
	for d.i < len(d.b) && d.b[d.i] >= '0' && d.b[d.i] <= '9' {
		d.i++
		n++
	}
	return n
}
