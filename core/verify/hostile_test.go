package verify_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/clearbadge/clearbadge/core/fetch"
	"github.com/clearbadge/clearbadge/core/fetch/httpfetch"
	"github.com/clearbadge/clearbadge/core/internal/proof"
	"github.com/clearbadge/clearbadge/core/internal/testutil"
	"github.com/clearbadge/clearbadge/core/report"
	"github.com/clearbadge/clearbadge/core/verify"
	"github.com/clearbadge/clearbadge/core/work"
	"github.com/clearbadge/clearbadge/internal/hostile"
)

// verifyCounted verifies in with the corpus's supplied documents and
// returns the report and the work it cost.
func verifyCounted(in hostile.Input, opts ...verify.Option) (*report.Report, *work.Counters) {
	var c work.Counters
	opts = append([]verify.Option{verify.WithTime(hostile.At), verify.WithDocuments(in.Docs)}, opts...)
	r := verify.New(opts...).Verify(work.With(context.Background(), &c), in.Data, in.Name)
	return r, &c
}

func wantCheck(t *testing.T, r *report.Report, id report.CheckID, o report.Outcome, text string) {
	t.Helper()
	c := r.Check(id)
	if c == nil || (o != "" && c.Outcome != o) || !strings.Contains(c.Message+" "+c.Detail, text) {
		t.Errorf("%s: check %s = %+v, want %s mentioning %q", r.Source, id, c, o, text)
	}
}

// TestHostileCap: the corpus's "proofs-16" sits exactly at the verifier's cap
// (the corpus, outside core, cannot import it).
func TestHostileCap(t *testing.T) {
	if hostile.MaxProofs != proof.MaxProofs {
		t.Fatalf("hostile.MaxProofs = %d, proof.MaxProofs = %d", hostile.MaxProofs, proof.MaxProofs)
	}
}

// TestHostileCorpus: every corpus input is refused or verified at the cost
// its size allows, as the work counters show (issue 10).
func TestHostileCorpus(t *testing.T) {
	for _, in := range hostile.Corpus() {
		t.Run(in.Name, func(t *testing.T) {
			r, c := verifyCounted(in)
			canon, decodes := c.Canonicalizations.Load(), c.ListDecodes.Load()
			switch in.Name {
			case "proofs-1000":
				wantCheck(t, r, report.CheckProof, report.Fail, "1000 signatures, more than the 16")
				if canon != 0 {
					t.Errorf("%d canonicalizations for a refused proof set", canon)
				}
			case "proofs-16":
				wantCheck(t, r, report.CheckProof, report.Fail, "changed after it was signed")
				if canon != 1 {
					t.Errorf("16 proofs cost %d canonicalizations, want 1", canon)
				}
			case "status-2000":
				wantCheck(t, r, report.CheckStatus, report.Skip, "2000 status entries, more than the 16")
				if decodes != 0 {
					t.Errorf("%d list decodes for refused entries", decodes)
				}
			case "status-16":
				wantCheck(t, r, report.CheckStatus, report.Pass, "has not revoked")
				if decodes != 1 {
					t.Errorf("16 entries naming one list decoded it %d times, want 1", decodes)
				}
			case "poison-graph":
				wantCheck(t, r, report.CheckProof, report.Fail, "dataset poisoning")
				if canon != 1 {
					t.Errorf("%d canonicalizations, want 1 (refused)", canon)
				}
			case "objects-100000":
				wantCheck(t, r, report.CheckProof, report.Fail, "more than 10000 JSON objects")
			case "deep-nesting":
				wantCheck(t, r, report.CheckFormat, report.Fail, "")
			case "huge-string":
				if !r.Verified {
					t.Errorf("a long description is no reason to refuse: %s", dump(r))
				}
			case "gzip-bomb":
				wantCheck(t, r, report.CheckStatus, report.Fail, "expands to more than")
			case "clr-128":
				wantCheck(t, r, report.CheckCredentials, report.Pass, "All 128 credentials")
				if canon != 129 {
					t.Errorf("a record of 128 credentials cost %d canonicalizations, want 129", canon)
				}
			case "clr-129":
				wantCheck(t, r, report.CheckCredentials, report.Skip, "129 credentials, more than the 128")
			case "endorsements-17":
				wantCheck(t, r, report.CheckEndorsements, report.Warn, "17 endorsements, more than the 16")
			case "long-iri-9000":
				if !r.Verified || canon != 1 {
					t.Errorf("a long IRI used 9000 times: %d canonicalizations, want 1 and verified: %s", canon, dump(r))
				}
			case "long-iri-refused":
				// Longer than json-gold's URL check takes.
				wantCheck(t, r, report.CheckProof, report.Fail, "is not a valid IRI")
			default:
				t.Fatalf("no expectation for %s", in.Name)
			}
			if c.Fetches.Load() != 0 {
				t.Errorf("%d network requests offline", c.Fetches.Load())
			}
		})
	}
}

// localServer is a TLS server on 127.0.0.1 counting the connections it
// accepts; handler answers every request.
func localServer(t *testing.T, handler http.HandlerFunc) (*httptest.Server, *atomic.Int64) {
	var conns atomic.Int64
	srv := httptest.NewUnstartedServer(handler)
	srv.Config.ConnState = func(_ net.Conn, s http.ConnState) {
		if s == http.StateNew {
			conns.Add(1)
		}
	}
	srv.StartTLS()
	t.Cleanup(srv.Close)
	return srv, &conns
}

// online returns the options of an online verifier that trusts srv's
// certificate; allowPrivate is the --allow-private-network setting.
func online(srv *httptest.Server, allowPrivate bool) []verify.Option {
	tlsConf := srv.Client().Transport.(*http.Transport).TLSClientConfig
	return []verify.Option{verify.WithFetcher(&httpfetch.Fetcher{AllowPrivate: allowPrivate, TLS: tlsConf}), verify.WithPrivateNetwork(allowPrivate)}
}

// TestLocalDocumentsNotFetched: a did:web, status list or schema on
// 127.0.0.1 gets no connection unless private network access is allowed,
// and a credential whose proof fails makes no request for its status list
// or schema at all.
func TestLocalDocumentsNotFetched(t *testing.T) {
	srv, conns := localServer(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Write([]byte(`{"internal":"secret"}`))
	})
	didWeb := hostile.Input{Name: "did:web on 127.0.0.1", Data: hostile.DIDWeb(strings.TrimPrefix(srv.URL, "https://"))}

	// A signed credential whose status list and schema are on 127.0.0.1.
	doc := hostile.Badge()
	doc["credentialStatus"] = map[string]any{"id": srv.URL + "/status#1", "type": "BitstringStatusListEntry",
		"statusPurpose": "revocation", "statusListIndex": "1", "statusListCredential": srv.URL + "/status"}
	doc["credentialSchema"] = []any{map[string]any{"id": srv.URL + "/schema.json", "type": "JsonSchema"}}
	linked := hostile.Input{Name: "status and schema on 127.0.0.1", Data: testutil.JSON(t, hostile.Sign(doc))}

	for _, in := range []hostile.Input{didWeb, linked} {
		r, c := verifyCounted(in, online(srv, false)...)
		if conns.Load() != 0 || c.Fetches.Load() != 0 {
			t.Fatalf("%s: %d connections, %d requests, want none\n%s", in.Name, conns.Load(), c.Fetches.Load(), dump(r))
		}
		if b, _ := json.Marshal(r); !strings.Contains(string(b), "127.0.0.1 is a local address") || strings.Contains(string(b), "secret") {
			t.Errorf("%s: the report does not name the refusal (or shows the body):\n%s", in.Name, dump(r))
		}
	}
	// The same credential, with private network access: the server is asked.
	if _, c := verifyCounted(linked, online(srv, true)...); conns.Load() == 0 || c.Fetches.Load() == 0 {
		t.Errorf("with private network access allowed: %d connections", conns.Load())
	}

	// Tampered (the proof no longer verifies): nothing it points to is fetched.
	var asked atomic.Int64
	spy := fetch.Func(func(ctx context.Context, url string, _ ...string) ([]byte, error) {
		asked.Add(1)
		return nil, fmt.Errorf("unreachable")
	})
	var m map[string]any
	json.Unmarshal(linked.Data, &m)
	m["name"] = "Tampered"
	r, _ := verifyCounted(hostile.Input{Name: "tampered", Data: testutil.JSON(t, m)}, verify.WithFetcher(spy), verify.WithPrivateNetwork(true))
	if asked.Load() != 0 {
		t.Errorf("a credential whose proof failed made %d requests", asked.Load())
	}
	wantCheck(t, r, report.CheckStatus, report.Skip, "signature did not verify")
}

// TestDeadlineAndBudget: slow servers cannot stretch a verification past
// its deadline, and large ones cannot fill memory past the byte budget.
func TestDeadlineAndBudget(t *testing.T) {
	statusDoc := func(base string, n int) hostile.Input {
		doc := hostile.Badge()
		var entries []any
		for i := 0; i < n; i++ {
			entries = append(entries, map[string]any{"id": fmt.Sprintf("%s/list/%d#1", base, i), "type": "BitstringStatusListEntry",
				"statusPurpose": "revocation", "statusListIndex": "1", "statusListCredential": fmt.Sprintf("%s/list/%d", base, i)})
		}
		doc["credentialStatus"] = entries
		return hostile.Input{Name: fmt.Sprintf("%d status lists", n), Data: testutil.JSON(t, hostile.Sign(doc))}
	}

	// Slow: 5 lists that never answer; each request may wait 10 s but all
	// of them together only as long as the deadline.
	slow, _ := localServer(t, func(w http.ResponseWriter, r *http.Request) { <-r.Context().Done() })
	limits := verify.WithLimits(fetch.Limits{RequestTimeout: 10 * time.Second, Deadline: 300 * time.Millisecond})
	r, c := verifyCounted(statusDoc(slow.URL, 5), append(online(slow, true), limits)...)
	if c.Fetches.Load() != 1 {
		t.Errorf("%d requests to slow servers, want 1 (the deadline passes during the first)", c.Fetches.Load())
	}
	wantCheck(t, r, report.CheckStatus, report.Skip, "time for network requests (300ms)")

	// Large: 12 lists of 1.9 MiB each against a 16 MiB budget.
	big := strings.Repeat(" ", 1900<<10)
	large, _ := localServer(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Write([]byte(big + "{}"))
	})
	r, c = verifyCounted(statusDoc(large.URL, 12), online(large, true)...)
	if kept := c.FetchedBytes.Load(); c.Fetches.Load() != 9 || kept > int64(9*(1900<<10)+18) {
		t.Errorf("%d requests, %d bytes received; want the budget to stop keeping bodies at 16 MiB", c.Fetches.Load(), kept)
	}
	// The lists fetched are not credentials (a fail); those past the
	// budget were not fetched.
	wantCheck(t, r, report.CheckStatus, "", "would pass 16777216 bytes; entry 10: "+large.URL+"/list/9: "+large.URL+"/list/9: not fetched: this verification's documents already reached")
}
