package fetch

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/clearbadge/clearbadge/core/work"
)

// Limits bound the network use of one verification (issue 10): without them
// a credential naming hundreds of slow or large documents would decide how
// long a verification takes and how much memory it holds.
type Limits struct {
	// RequestTimeout bounds each request, body included.
	RequestTimeout time.Duration
	// Deadline bounds all the requests of one verification together; the
	// verifier applies it to the verification's context.
	Deadline time.Duration
	// MaxDocuments bounds the distinct URLs requested, and MaxBytes the
	// bodies kept (every fetched body stays in the session's cache).
	MaxDocuments int
	MaxBytes     int
}

// DefaultLimits are documented in docs/design.md ("Network and cost limits"). A
// credential needs a handful of documents (the issuer's DID document, a
// status list, a schema), each a few KiB; a CLR of many credentials sharing
// one issuer still needs few, because each URL is fetched once.
var DefaultLimits = Limits{RequestTimeout: 10 * time.Second, Deadline: 30 * time.Second, MaxDocuments: 32, MaxBytes: 16 << 20}

// OrDefault fills unset limits with DefaultLimits.
func (l Limits) OrDefault() Limits {
	d := DefaultLimits
	if l.RequestTimeout > 0 {
		d.RequestTimeout = l.RequestTimeout
	}
	if l.Deadline > 0 {
		d.Deadline = l.Deadline
	}
	if l.MaxDocuments > 0 {
		d.MaxDocuments = l.MaxDocuments
	}
	if l.MaxBytes > 0 {
		d.MaxBytes = l.MaxBytes
	}
	return d
}

// LimitError is a document not fetched because the verification's budget
// (documents, bytes or time) is spent.
type LimitError struct{ URL, Reason string }

func (e *LimitError) Error() string { return e.URL + ": not fetched: " + e.Reason }

// ErrUntrusted is returned for a document a credential points to when the
// credential's own proof did not verify: an unsigned or forged credential
// must not be able to make the verifier contact the servers it names. See
// Untrusted.
var ErrUntrusted = errors.New("not fetched: the credential's signature did not verify, so the documents it points to are not requested")

type untrustedKey struct{}

// Untrusted marks ctx as belonging to the checks of a credential whose proof
// did not verify: a Session then serves only supplied documents.
func Untrusted(ctx context.Context) context.Context {
	return context.WithValue(ctx, untrustedKey{}, true)
}

// Session is the fetcher of one verification: supplied documents first,
// then the network (Next, nil for offline), with the address rule, the
// limits and a cache in which each URL is requested once, its failure
// included.
type Session struct {
	Docs         map[string][]byte // supplied documents (--with)
	Next         Fetcher           // the network; nil means offline
	AllowPrivate bool              // allow local addresses (intranet use)
	Limits       Limits

	mu    sync.Mutex
	seen  map[string]result
	bytes int
	spent bool // a body was dropped for the byte budget: no more requests
}

type result struct {
	body []byte
	err  error
}

// Fetch returns the document at url.
func (s *Session) Fetch(ctx context.Context, url string, accept ...string) ([]byte, error) {
	if b, err, ok := supplied(s.Docs, url); ok {
		return b, err
	}
	if s.Next == nil {
		return nil, ErrOffline
	}
	if ctx.Value(untrustedKey{}) != nil {
		return nil, fmt.Errorf("%s: %w", url, ErrUntrusted)
	}
	s.mu.Lock()
	defer s.mu.Unlock() // one request at a time: a verification is sequential
	if r, ok := s.seen[url]; ok {
		return r.body, r.err
	}
	if s.seen == nil {
		s.seen = map[string]result{}
	}
	r := s.fetch(ctx, url, accept)
	s.seen[url] = r
	return r.body, r.err
}

func (s *Session) fetch(ctx context.Context, url string, accept []string) result {
	if err := CheckURL(url, s.AllowPrivate); err != nil {
		return result{err: err}
	}
	l := s.Limits.OrDefault()
	if len(s.seen) >= l.MaxDocuments {
		return result{err: &LimitError{URL: url, Reason: fmt.Sprintf("this verification already asked for %d documents, the most it may", l.MaxDocuments)}}
	}
	if s.spent {
		return result{err: &LimitError{URL: url, Reason: fmt.Sprintf("this verification's documents already reached %d bytes", l.MaxBytes)}}
	}
	if ctx.Err() != nil {
		return result{err: &LimitError{URL: url, Reason: fmt.Sprintf("this verification's time for network requests (%s) has run out", l.Deadline)}}
	}
	rctx, cancel := context.WithTimeout(ctx, l.RequestTimeout)
	defer cancel()
	c := work.From(ctx)
	c.Fetches.Add(1)
	b, err := s.Next.Fetch(rctx, url, accept...)
	c.FetchedBytes.Add(int64(len(b)))
	switch {
	case err != nil && ctx.Err() != nil:
		return result{err: &LimitError{URL: url, Reason: fmt.Sprintf("this verification's time for network requests (%s) ran out", l.Deadline)}}
	case err != nil && rctx.Err() != nil:
		return result{err: &LimitError{URL: url, Reason: fmt.Sprintf("the server did not answer within %s", l.RequestTimeout)}}
	case err != nil:
		return result{err: err}
	case s.bytes+len(b) > l.MaxBytes:
		s.spent = true
		return result{err: &LimitError{URL: url, Reason: fmt.Sprintf("this verification's documents would pass %d bytes", l.MaxBytes)}}
	}
	s.bytes += len(b)
	return result{body: b}
}
