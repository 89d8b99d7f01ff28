package status

import (
	"bytes"
	"compress/gzip"
	"encoding/base64"
	"errors"
	"testing"
)

// encode makes an encodedList from raw bytes, as a list publisher would.
func encode(t testing.TB, raw []byte, enc Encoding) string {
	t.Helper()
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	if _, err := zw.Write(raw); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	s := base64.RawURLEncoding.EncodeToString(buf.Bytes())
	if enc == Multibase {
		return "u" + s
	}
	return s
}

func TestBitOrder(t *testing.T) {
	// Bitstring Status List §2.2: index 0 is the left-most bit of the first
	// byte. 0x80 0x01 has entries 0 and 15 set.
	b := Bitstring{0x80, 0x01}
	for i, want := range map[uint64]uint64{0: 1, 1: 0, 7: 0, 8: 0, 14: 0, 15: 1} {
		got, err := b.Value(i, 1)
		if err != nil || got != want {
			t.Errorf("Value(%d, 1) = %d, %v; want %d", i, got, err, want)
		}
	}
	// statusSize 2: 0b01_10_00_11 holds entries 1, 2, 0, 3, most significant
	// bit first.
	b = Bitstring{0b01100011}
	for i, want := range []uint64{1, 2, 0, 3} {
		got, err := b.Value(uint64(i), 2)
		if err != nil || got != want {
			t.Errorf("Value(%d, 2) = %d, %v; want %d", i, got, err, want)
		}
	}
	// An entry may cross a byte boundary (statusSize 3: entry 2 is bits 6-8).
	b = Bitstring{0b00000011, 0b10000000}
	if got, err := b.Value(2, 3); err != nil || got != 0b111 {
		t.Errorf("Value(2, 3) = %b, %v; want 111", got, err)
	}
}

func TestValueRange(t *testing.T) {
	b := Bitstring{0, 0}
	var re *RangeError
	if _, err := b.Value(16, 1); !errors.As(err, &re) || re.Entries != 16 {
		t.Errorf("Value(16, 1) error = %v, want RangeError with 16 entries", err)
	}
	if _, err := b.Value(8, 2); !errors.As(err, &re) {
		t.Errorf("Value(8, 2) error = %v, want RangeError", err)
	}
	// index*size must not overflow into a small position.
	if _, err := b.Value(1<<63, 2); !errors.As(err, &re) {
		t.Errorf("Value(2^63, 2) error = %v, want RangeError", err)
	}
	if _, err := b.Value(0, 0); err == nil {
		t.Error("Value with statusSize 0 succeeded")
	}
	if _, err := b.Value(0, MaxStatusSize+1); err == nil {
		t.Error("Value with statusSize over the cap succeeded")
	}
}

func TestDecodeList(t *testing.T) {
	raw := make([]byte, 16384)
	raw[2] = 0x01 // entry 23
	bits, err := DecodeList(encode(t, raw, Multibase), Multibase)
	if err != nil {
		t.Fatal(err)
	}
	if bits.Entries(1) != 131072 {
		t.Errorf("Entries(1) = %d, want 131072", bits.Entries(1))
	}
	if v, _ := bits.Value(23, 1); v != 1 {
		t.Error("entry 23 is not set")
	}

	// StatusList2021: no prefix; standard alphabet and padding accepted too.
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write(raw)
	zw.Close()
	for _, s := range []string{
		base64.RawURLEncoding.EncodeToString(buf.Bytes()),
		base64.StdEncoding.EncodeToString(buf.Bytes()),
		base64.URLEncoding.EncodeToString(buf.Bytes()),
	} {
		if b, err := DecodeList(s, Base64); err != nil || len(b) != len(raw) {
			t.Errorf("DecodeList(%.20q…, Base64) = %d bytes, %v", s, len(b), err)
		}
	}

	bad := map[string]struct {
		s   string
		enc Encoding
	}{
		"no multibase prefix": {encode(t, raw, Base64), Multibase},
		"not base64":          {"u!!!!", Multibase},
		"not gzip":            {"u" + base64.RawURLEncoding.EncodeToString([]byte("hello, world")), Multibase},
		"truncated gzip":      {encode(t, raw, Multibase)[:30], Multibase},
		"empty list":          {encode(t, nil, Multibase), Multibase},
		"empty string":        {"", Base64},
	}
	for name, c := range bad {
		var de *DecodeError
		if _, err := DecodeList(c.s, c.enc); !errors.As(err, &de) {
			t.Errorf("%s: error = %v, want DecodeError", name, err)
		}
	}
}

func TestDecodeListGzipBomb(t *testing.T) {
	// 64 MiB of zeros gzip to about 64 KiB: far under fetch.MaxBytes, far
	// over MaxListBytes once expanded.
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	zero := make([]byte, 1<<20)
	for range 64 {
		zw.Write(zero)
	}
	zw.Close()
	enc := "u" + base64.RawURLEncoding.EncodeToString(buf.Bytes())
	_, err := DecodeList(enc, Multibase)
	var de *DecodeError
	if !errors.As(err, &de) {
		t.Fatalf("error = %v, want DecodeError", err)
	}
	// Exactly at the cap is still a list.
	if b, err := DecodeList(encode(t, make([]byte, MaxListBytes), Multibase), Multibase); err != nil || len(b) != MaxListBytes {
		t.Errorf("list of MaxListBytes: %d bytes, %v", len(b), err)
	}
}

// The 1EdTech validator's test list sets entry 23 (its credential's index).
func TestDecode1EdTechTestList(t *testing.T) {
	doc := readVectorDoc(t, "1edtech", "validator", "ob30", "bit-string-list", "testlist")
	subject := doc["credentialSubject"].(map[string]any)
	bits, err := DecodeList(subject["encodedList"].(string), Multibase)
	if err != nil {
		t.Fatal(err)
	}
	for i := range bits.Entries(1) {
		v, _ := bits.Value(i, 1)
		if (v == 1) != (i == 23) {
			t.Errorf("entry %d = %d", i, v)
		}
	}
}

func FuzzDecodeList(f *testing.F) {
	raw := make([]byte, 64)
	raw[3] = 0xa5
	f.Add(encode(f, raw, Multibase), 0, uint64(29), uint64(1))
	f.Add(encode(f, raw, Base64), 1, uint64(12), uint64(2))
	f.Add("uH4sIAAAAAAAA_-3BMQEAAAzDoMy_6cnoA9QFAAAAAAAAAAAAAAAAAAAAbD3uPa2cAEAAAA", 0, uint64(23), uint64(1))
	f.Add("u", 0, uint64(0), uint64(1))
	f.Add("", 1, uint64(0), uint64(3))
	f.Fuzz(func(t *testing.T, s string, enc int, index, size uint64) {
		bits, err := DecodeList(s, Encoding(enc&1))
		if err != nil {
			var de *DecodeError
			if !errors.As(err, &de) {
				t.Fatalf("error %v is not a DecodeError", err)
			}
			return
		}
		if len(bits) == 0 || len(bits) > MaxListBytes {
			t.Fatalf("decoded %d bytes", len(bits))
		}
		size = size%MaxStatusSize + 1
		v, err := bits.Value(index, size)
		switch {
		case index < bits.Entries(size) && err != nil:
			t.Fatalf("Value(%d, %d) in range: %v", index, size, err)
		case index >= bits.Entries(size) && err == nil:
			t.Fatalf("Value(%d, %d) out of range succeeded", index, size)
		case v >= 1<<size:
			t.Fatalf("Value(%d, %d) = %d does not fit", index, size, v)
		}
	})
}
