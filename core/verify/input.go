package verify

import (
	"bytes"
	"context"
	"fmt"
	"regexp"

	"github.com/clearbadge/clearbadge/core/baked"
	"github.com/clearbadge/clearbadge/core/credential"
	"github.com/clearbadge/clearbadge/core/report"
)

// compactJWS matches the shape of a compact JWS (RFC 7515 §7.1): three
// base64url parts separated by dots.
var compactJWS = regexp.MustCompile(`^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*$`)

const expected = "ClearBadge reads Open Badges 3.0 and CLR 2.0 credentials and presentations: " +
	"a JSON file, a JWT (text in three parts separated by dots), or a badge image (PNG or SVG) with the credential baked in."

// input detects what the bytes are and dispatches.
func (s *session) input(ctx context.Context, in []byte) *report.Report {
	switch {
	case len(in) == 0:
		return formatError("", "The file is empty. "+expected, "")
	case bytes.HasPrefix(in, []byte("\x89PNG")) || in[0] == '<':
		return s.image(ctx, in) // baked.Extract has its own, larger, size cap
	case len(in) > credential.MaxBytes:
		return formatError("", fmt.Sprintf("The file is too large (%d bytes; the limit is %d). %s", len(in), credential.MaxBytes, expected), "")
	case in[0] == '{':
		doc, err := credential.Decode(in)
		if err != nil {
			return formatError("json-ld", "The file could not be read as a credential. "+expected, err.Error())
		}
		return s.document(ctx, doc, "json-ld")
	case compactJWS.Match(in):
		return s.jwt(ctx, string(in))
	}
	return formatError("", "This file is not a credential. "+expected, "")
}

// image reads a credential baked into a PNG or SVG (OB 3.0 §5.3 "Baked
// badges") and verifies it; the report's format names the image type.
func (s *session) image(ctx context.Context, in []byte) *report.Report {
	b, err := baked.Extract(in)
	if err != nil {
		return formatError("image", "No credential could be read from this image. "+expected, err.Error())
	}
	if b.Keyword == baked.KeywordOB2 {
		return formatError(b.Format, "This image holds an Open Badges 2.0 assertion. ClearBadge verifies Open Badges 3.0 and CLR 2.0 credentials.", "")
	}
	r := s.input(ctx, b.Payload)
	inner := r.Format
	r.Format = b.Format
	if c := r.Check(report.CheckFormat); c != nil && c.Outcome != report.Fail {
		c.Detail = joinDetail(fmt.Sprintf("baked into a %s image (%s); encoded as %s", b.Format, b.Keyword, inner), c.Detail)
	}
	return r
}

// document verifies a decoded JSON object: a presentation or a credential.
func (s *session) document(ctx context.Context, doc map[string]any, format string) *report.Report {
	if credential.Kind(doc) == credential.KindPresentation {
		return s.presentation(ctx, doc, format)
	}
	return s.credential(ctx, doc, format, nil)
}

func formatError(format, msg, detail string) *report.Report {
	r := &report.Report{Kind: "unknown", Format: format}
	r.Add(report.CheckFormat, report.Fail, msg, detail)
	r.Finish()
	return r
}

func joinDetail(a, b string) string {
	switch {
	case a == "":
		return b
	case b == "":
		return a
	}
	return a + "; " + b
}
