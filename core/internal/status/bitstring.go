package status

import (
	"bytes"
	"compress/gzip"
	"encoding/base64"
	"fmt"
	"io"
	"strings"
)

// MaxListBytes caps the expanded (gunzipped) bitstring. The compressed form
// is already capped by fetch.MaxBytes, but gzip expands up to ~1000:1, so a
// 2 MiB body could otherwise become 2 GiB ("gzip bomb"). 16 MiB is 134
// million one-bit entries, a thousand times the 16 KB minimum.
const MaxListBytes = 16 << 20

// MinListEntries is the minimum number of entries of a status list:
// Bitstring Status List v1.0 §3.2 "Validate Algorithm" step 2
// (minimumNumberOfEntries, 131,072 = 16 KB of one-bit entries) and the same
// 16 KB floor in StatusList2021 §2.2 (encodedList).
const MinListEntries = 131072

// MaxStatusSize bounds statusSize. The entry must list 2^statusSize messages
// (Bitstring Status List §2.1 statusMessage), so larger sizes cannot occur
// in a credential under the decoder's size cap anyway.
const MaxStatusSize = 16

// Encoding names how an encodedList is written.
type Encoding int

const (
	// Multibase is Bitstring Status List v1.0 §2.2 encodedList: multibase
	// base64url without padding, i.e. the prefix "u" then RFC 4648 §5.
	Multibase Encoding = iota
	// Base64 is StatusList2021 (CCG Final Report) §2.2: "base-64 encoded"
	// without a multibase prefix. The spec's example and the reference
	// implementation use the URL-safe alphabet; the standard one is accepted
	// too since the text says only "base-64".
	Base64
)

// DecodeError says why an encodedList could not be expanded.
type DecodeError struct{ Reason string }

func (e *DecodeError) Error() string { return "the encoded status list is unreadable: " + e.Reason }

// RangeError is Bitstring Status List §3.5 RANGE_ERROR: the entry's index
// lies outside the list.
type RangeError struct {
	Index, Size uint64
	Entries     uint64
}

func (e *RangeError) Error() string {
	return fmt.Sprintf("entry %d is outside the list, which has %d entries of %d bit(s)", e.Index, e.Entries, e.Size)
}

// Bitstring is an expanded status list. Bit i is bit (7 - i%8) of byte i/8:
// index 0 is the most significant ("left-most") bit of the first byte
// (Bitstring Status List §2.2 encodedList; StatusList2021 §2.2 says the
// same).
type Bitstring []byte

// DecodeList expands an encodedList: base64 (after the multibase prefix for
// Multibase), then GZIP (RFC 1952), refusing more than MaxListBytes of
// output. This is the Bitstring Expansion Algorithm (§3.4).
func DecodeList(encoded string, enc Encoding) (Bitstring, error) {
	var raw []byte
	var err error
	switch enc {
	case Multibase:
		if !strings.HasPrefix(encoded, "u") {
			return nil, &DecodeError{Reason: "it does not start with the multibase prefix \"u\" (base64url)"}
		}
		raw, err = base64.RawURLEncoding.DecodeString(strings.TrimRight(encoded[1:], "="))
	case Base64:
		s := strings.TrimRight(encoded, "=")
		raw, err = base64.RawURLEncoding.DecodeString(s)
		if err != nil {
			raw, err = base64.RawStdEncoding.DecodeString(s)
		}
	default:
		return nil, &DecodeError{Reason: "unknown encoding"}
	}
	if err != nil {
		return nil, &DecodeError{Reason: "it is not valid base64url"}
	}
	zr, err := gzip.NewReader(bytes.NewReader(raw))
	if err != nil {
		return nil, &DecodeError{Reason: "it is not GZIP-compressed: " + err.Error()}
	}
	// Read one byte past the cap to tell "exactly at the cap" from "over".
	out, err := io.ReadAll(io.LimitReader(zr, MaxListBytes+1))
	if err != nil {
		return nil, &DecodeError{Reason: "the GZIP data is corrupt: " + err.Error()}
	}
	if len(out) > MaxListBytes {
		return nil, &DecodeError{Reason: fmt.Sprintf("it expands to more than %d bytes", MaxListBytes)}
	}
	if len(out) == 0 {
		return nil, &DecodeError{Reason: "it is empty"}
	}
	return Bitstring(out), nil
}

// Entries is the number of entries of size bits the list holds.
func (b Bitstring) Entries(size uint64) uint64 {
	if size == 0 {
		return 0
	}
	return uint64(len(b)) * 8 / size
}

// Value returns the status of entry index: the size bits starting at bit
// index*size, read most significant bit first (Bitstring Status List §3.2
// step 10: "the value in the bitstring at the position indicated by the
// credentialIndex multiplied by the size").
func (b Bitstring) Value(index, size uint64) (uint64, error) {
	if size == 0 || size > MaxStatusSize {
		return 0, fmt.Errorf("status size %d is not between 1 and %d", size, MaxStatusSize)
	}
	n := b.Entries(size)
	if index >= n {
		return 0, &RangeError{Index: index, Size: size, Entries: n}
	}
	var v uint64
	for i := uint64(0); i < size; i++ {
		pos := index*size + i
		bit := (b[pos/8] >> (7 - pos%8)) & 1
		v = v<<1 | uint64(bit)
	}
	return v, nil
}
