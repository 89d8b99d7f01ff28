package baked

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"unicode/utf8"
)

// pngSignature opens every PNG datastream (PNG §5.2).
var pngSignature = []byte("\x89PNG\r\n\x1a\n")

// pngMaxLength is the largest chunk length PNG allows (§5.3: 2^31-1).
const pngMaxLength = 1<<31 - 1

// chunk is one PNG chunk; raw spans the whole chunk in the input (length,
// type, data and CRC) so that BakePNG can copy it unchanged.
type chunk struct {
	typ    string
	data   []byte
	raw    []byte
	offset int
}

// chunkReader walks the chunks of a PNG held in memory. It never allocates
// from a length field: data is a sub-slice, taken only after the length has
// been checked against the bytes that are actually left.
type chunkReader struct {
	buf []byte
	pos int
}

func newChunkReader(buf []byte) (*chunkReader, error) {
	if !bytes.HasPrefix(buf, pngSignature) {
		return nil, fmt.Errorf("%w: no PNG signature", ErrUnknownFormat)
	}
	return &chunkReader{buf: buf, pos: len(pngSignature)}, nil
}

func (r *chunkReader) fail(format string, args ...any) error {
	return &FormatError{Format: FormatPNG, Offset: int64(r.pos), Reason: fmt.Sprintf(format, args...)}
}

// next returns the next chunk after checking its layout and CRC (§5.3–5.5).
func (r *chunkReader) next() (chunk, error) {
	left := len(r.buf) - r.pos
	if left == 0 {
		return chunk{}, r.fail("the image ends without an IEND chunk (truncated)")
	}
	if left < 12 {
		return chunk{}, r.fail("truncated chunk header: %d bytes left, a chunk needs at least 12", left)
	}
	n := binary.BigEndian.Uint32(r.buf[r.pos:])
	typ := r.buf[r.pos+4 : r.pos+8]
	for _, c := range typ {
		// §5.4: chunk types are four ASCII letters.
		if !(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z') {
			return chunk{}, r.fail("invalid chunk type %q", typ)
		}
	}
	if n > pngMaxLength {
		return chunk{}, r.fail("%s chunk length %d exceeds the PNG maximum of 2^31-1", typ, n)
	}
	if uint64(n) > uint64(left-12) {
		return chunk{}, r.fail("truncated %s chunk: its length field says %d bytes, only %d remain", typ, n, left-12)
	}
	end := r.pos + 12 + int(n)
	data := r.buf[r.pos+8 : end-4]
	stored := binary.BigEndian.Uint32(r.buf[end-4:])
	// §5.5: the CRC covers the type and data fields, not the length.
	if sum := crc32.Update(crc32.ChecksumIEEE(typ), crc32.IEEETable, data); sum != stored {
		return chunk{}, r.fail("CRC mismatch in %s chunk (stored %08x, computed %08x): the file is damaged", typ, stored, sum)
	}
	c := chunk{typ: string(typ), data: data, raw: r.buf[r.pos:end], offset: r.pos}
	r.pos = end
	return c, nil
}

// first reads the first chunk, which §5.6 requires to be IHDR.
func (r *chunkReader) first() (chunk, error) {
	c, err := r.next()
	if err != nil {
		return chunk{}, err
	}
	if c.typ != "IHDR" {
		return chunk{}, &FormatError{Format: FormatPNG, Offset: int64(c.offset), Reason: fmt.Sprintf("first chunk is %s, PNG requires IHDR", c.typ)}
	}
	return c, nil
}

// textKeyword returns the keyword of a tEXt, zTXt or iTXt chunk (1–79 bytes
// ended by a NUL, §11.3.4.2) and the bytes after the NUL; ok is false when
// there is no well-formed keyword.
func textKeyword(data []byte) (keyword string, rest []byte, ok bool) {
	i := bytes.IndexByte(data[:min(len(data), 80)], 0)
	if i < 1 {
		return "", nil, false
	}
	return string(data[:i]), data[i+1:], true
}

func isCredentialKeyword(k string) bool { return k == KeywordOB3 || k == KeywordCLR }

// itxtText parses the rest of an iTXt chunk after its keyword (§11.3.4.5):
// compression flag, compression method, language tag + NUL, translated
// keyword + NUL, then the UTF-8 text up to the end of the chunk.
func itxtText(c chunk, keyword string, rest []byte) ([]byte, error) {
	bad := func(format string, args ...any) error {
		return &FormatError{Format: FormatPNG, Offset: int64(c.offset), Reason: fmt.Sprintf("iTXt %q: ", keyword) + fmt.Sprintf(format, args...)}
	}
	if len(rest) < 2 {
		return nil, bad("chunk ends inside the compression fields")
	}
	switch rest[0] {
	case 0:
	case 1:
		return nil, fmt.Errorf("%w (iTXt %q at byte %d)", ErrCompressed, keyword, c.offset)
	default:
		return nil, bad("compression flag %d is neither 0 nor 1", rest[0])
	}
	rest = rest[2:] // the method byte means nothing when the flag is 0
	lang := bytes.IndexByte(rest, 0)
	if lang < 0 {
		return nil, bad("language tag is not NUL-terminated")
	}
	rest = rest[lang+1:]
	translated := bytes.IndexByte(rest, 0)
	if translated < 0 {
		return nil, bad("translated keyword is not NUL-terminated")
	}
	if !utf8.Valid(rest[:translated]) {
		return nil, bad("translated keyword is not UTF-8")
	}
	text := rest[translated+1:]
	if !utf8.Valid(text) {
		return nil, bad("text is not UTF-8")
	}
	text = bytes.TrimSpace(text)
	if len(text) == 0 {
		return nil, bad("text is empty")
	}
	return bytes.Clone(text), nil
}

func extractPNG(data []byte) (*Baked, error) {
	r, err := newChunkReader(data)
	if err != nil {
		return nil, err
	}
	if _, err := r.first(); err != nil {
		return nil, err
	}
	// An OB 2.0 assertion (or the error reading it) is kept in case no
	// OB 3.0 or CLR credential follows.
	var ob2 *Baked
	var ob2Err error
	for {
		c, err := r.next()
		if err != nil {
			return nil, err
		}
		switch c.typ {
		case "IEND":
			if ob2 != nil {
				return ob2, nil
			}
			if ob2Err != nil {
				return nil, ob2Err
			}
			return nil, ErrNotBaked
		case "iTXt":
			k, rest, ok := textKeyword(c.data)
			if !ok || !(isCredentialKeyword(k) || k == KeywordOB2 && ob2 == nil && ob2Err == nil) {
				continue
			}
			text, err := itxtText(c, k, rest)
			if k == KeywordOB2 {
				ob2Err = err
				if err == nil {
					ob2 = &Baked{Format: FormatPNG, Keyword: k, Payload: text}
				}
				continue
			}
			if err != nil {
				return nil, err
			}
			// OB 3.0 "Extracting": the first matching chunk wins; the rest
			// of the stream can be discarded.
			return &Baked{Format: FormatPNG, Keyword: k, Payload: text}, nil
		case "tEXt":
			// Pre-2.0 badges put the hosted assertion URL in tEXt "openbadges".
			k, rest, ok := textKeyword(c.data)
			if ok && k == KeywordOB2 && ob2 == nil {
				if text := bytes.TrimSpace(latin1ToUTF8(rest)); len(text) > 0 {
					ob2 = &Baked{Format: FormatPNG, Keyword: k, Payload: text}
				}
			}
		}
	}
}

// latin1ToUTF8 decodes tEXt text, which PNG defines as ISO 8859-1 (§11.3.4.3).
func latin1ToUTF8(b []byte) []byte {
	out := make([]byte, 0, len(b))
	for _, c := range b {
		out = utf8.AppendRune(out, rune(c))
	}
	return out
}

// BakePNG returns a copy of the PNG img with payload (a credential JSON
// object or compact JWS) baked in an uncompressed iTXt chunk with the given
// keyword (KeywordOB3 or KeywordCLR) placed right after IHDR. Any existing
// OB 3.0 or CLR iTXt chunk is dropped — an image carries one credential —
// and every other chunk is copied byte for byte; anything after IEND is
// dropped.
func BakePNG(img []byte, payload []byte, keyword string) ([]byte, error) {
	if !isCredentialKeyword(keyword) {
		return nil, fmt.Errorf("%w: keyword %q", ErrUnsupportedKind, keyword)
	}
	if len(img) > MaxImageBytes {
		return nil, fmt.Errorf("%w: %d bytes, the limit is %d", ErrTooLarge, len(img), MaxImageBytes)
	}
	text, _, err := bakeText(payload)
	if err != nil {
		return nil, err
	}
	r, err := newChunkReader(img)
	if err != nil {
		return nil, err
	}
	ihdr, err := r.first()
	if err != nil {
		return nil, err
	}
	// iTXt data: keyword, NUL, flag 0, method 0, empty language tag + NUL,
	// empty translated keyword + NUL, text (§11.3.4.5; OB 3.0 "Baking").
	itxt := make([]byte, 0, len(keyword)+5+len(text))
	itxt = append(itxt, keyword...)
	itxt = append(itxt, 0, 0, 0, 0, 0)
	itxt = append(itxt, text...)

	out := make([]byte, 0, len(img)+12+len(itxt))
	out = append(out, pngSignature...)
	out = append(out, ihdr.raw...)
	out = appendChunk(out, "iTXt", itxt)
	for {
		c, err := r.next()
		if err != nil {
			return nil, err
		}
		if c.typ == "iTXt" {
			if k, _, ok := textKeyword(c.data); ok && isCredentialKeyword(k) {
				continue
			}
		}
		out = append(out, c.raw...)
		if c.typ == "IEND" {
			break
		}
	}
	if len(out) > MaxImageBytes {
		return nil, fmt.Errorf("%w: the baked image would be %d bytes, the limit is %d", ErrTooLarge, len(out), MaxImageBytes)
	}
	return out, nil
}

func appendChunk(out []byte, typ string, data []byte) []byte {
	out = binary.BigEndian.AppendUint32(out, uint32(len(data)))
	out = append(out, typ...)
	out = append(out, data...)
	return binary.BigEndian.AppendUint32(out, crc32.Update(crc32.ChecksumIEEE([]byte(typ)), crc32.IEEETable, data))
}
