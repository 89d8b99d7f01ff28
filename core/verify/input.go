package verify

import (
	"bytes"
	"context"
	"fmt"
	"regexp"
	"strconv"
	"sync"

	"github.com/clearbadge/clearbadge/core/baked"
	"github.com/clearbadge/clearbadge/core/internal/credential"
	"github.com/clearbadge/clearbadge/core/internal/ob2"
	"github.com/clearbadge/clearbadge/core/report"
)

// compactJWS matches the shape of a compact JWS (RFC 7515 §7.1): three
// base64url parts separated by dots. Compiled on first use, like webAddress:
// a JSON credential, the usual input, needs neither.
var compactJWS = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*$`) })

// webAddress matches an http(s) URL on its own: the address of a hosted
// Open Badges 2.0 assertion (OB 2.0 §HostedBadge Verification may start
// "with the verification URL").
var webAddress = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^https?://[^\s]+$`) })

// expected says what ClearBadge reads, after a format error.
func expected() report.Text {
	return report.Say("format.expected", "ClearBadge reads Open Badges 3.0 and CLR 2.0 credentials and presentations, and Open Badges 2.0 badges: "+
		"a JSON file, a JWT (text in three parts separated by dots), a badge image (PNG or SVG) with the credential baked in, "+
		"or the web address of an Open Badges 2.0 assertion.")
}

// input detects what the bytes are and dispatches.
func (s *session) input(ctx context.Context, in []byte) *report.Report {
	switch {
	case len(in) == 0:
		return formatError("", report.Say("format.empty", "The file is empty.").Then(expected()), "")
	case bytes.HasPrefix(in, []byte("\x89PNG")) || in[0] == '<':
		return s.image(ctx, in) // baked.Extract has its own, larger, size cap
	case len(in) > credential.MaxBytes:
		return formatError("", report.Say("format.too-large", "The file is too large ({n} bytes; the limit is {max}).", "n", strconv.Itoa(len(in)), "max", strconv.Itoa(credential.MaxBytes)).Then(expected()), "")
	case in[0] == '{':
		doc, err := credential.Decode(in)
		if err != nil {
			return formatError("json-ld", report.Say("format.unreadable", "The file could not be read as a credential.").Then(expected()), err.Error())
		}
		if ob2.Is(doc) {
			return s.ob2().Document(ctx, doc)
		}
		return s.document(ctx, doc, "json-ld")
	case compactJWS().Match(in):
		if ob2.IsSigned(string(in)) {
			return s.ob2().Signed(ctx, string(in))
		}
		return s.jwt(ctx, string(in))
	case webAddress().Match(in):
		return s.ob2().URL(ctx, string(in))
	}
	return formatError("", report.Say("format.not-credential", "This file is not a credential.").Then(expected()), "")
}

// image reads a credential baked into a PNG or SVG (OB 3.0 §5.3 "Baked
// badges") and verifies it; the report's format names the image type.
func (s *session) image(ctx context.Context, in []byte) *report.Report {
	b, err := baked.Extract(in)
	if err != nil {
		return formatError("image", report.Say("format.image-empty", "No credential could be read from this image.").Then(expected()), err.Error())
	}
	// An OB 2.0 image holds the assertion's JSON, its JWS, or (OB 1.0
	// style) its hosted URL; input tells them apart.
	r := s.input(ctx, b.Payload)
	inner := r.Format
	r.Format = b.Format
	if c := r.Check(report.CheckFormat); c != nil && c.Outcome != report.Fail {
		c.Detail = joinDetail(fmt.Sprintf("baked into a %s image (%s); encoded as %s", b.Format, b.Keyword, inner), c.Detail)
	}
	return r
}

// ob2 is the Open Badges 2.0 verifier of this session: same fetcher,
// time and recipient.
func (s *session) ob2() *ob2.Verifier {
	return &ob2.Verifier{Fetch: s.fetch, Now: s.now, Recipient: s.Verifier.recipient,
		Other: func(ctx context.Context, data []byte, source string) *report.Report {
			r, _ := s.nestedInput(ctx, data, source)
			return r
		}}
}

// document verifies a decoded JSON object: a presentation or a credential.
func (s *session) document(ctx context.Context, doc map[string]any, format string) *report.Report {
	if credential.Kind(doc) == report.KindPresentation {
		return s.presentation(ctx, doc, format)
	}
	return s.credential(ctx, doc, format, nil)
}

func formatError(format string, msg report.Text, detail string) *report.Report {
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
