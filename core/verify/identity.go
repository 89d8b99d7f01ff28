package verify

import (
	"context"
	"strings"
	"sync"
	"time"

	"github.com/clearbadge/clearbadge/core/internal/jsonval"
	"github.com/clearbadge/clearbadge/core/internal/names"
	"github.com/clearbadge/clearbadge/core/registry"
	"github.com/clearbadge/clearbadge/core/report"
)

// WithRegistries names the issuer registries the identity check consults,
// most authoritative first (a file's bytes, or a URL fetched when online).
// Without any, the identity check is skipped: the issuer's name is then
// only the credential's own claim.
func WithRegistries(srcs ...registry.Source) Option {
	return func(v *Verifier) { v.registrySources = append(v.registrySources, srcs...) }
}

// registries remembers loaded registries across Verify calls, each until it
// stops being current (registry.Registry.Until) and at most a day; one that
// failed to load is tried again on the next call.
type registries struct {
	mu     sync.Mutex
	loaded map[int]cached
}

type cached struct {
	reg     *registry.Registry
	expires time.Time
}

// loadingKey marks a context in which a registry (a recognition credential)
// is being verified: its own identity check must not load registries again.
type loadingKey struct{}

// registries returns the registries that could be loaded, and the reasons
// the others could not.
func (s *session) registries(ctx context.Context) ([]*registry.Registry, []string) {
	c := &s.Verifier.registryCache
	var out []*registry.Registry
	var failed []string
	for i, src := range s.registrySources {
		c.mu.Lock()
		hit, ok := c.loaded[i]
		c.mu.Unlock()
		if ok && time.Now().Before(hit.expires) {
			out = append(out, hit.reg)
			continue
		}
		verify := func(ctx context.Context, data []byte, source string) (*report.Report, map[string]any) {
			return s.nestedInput(context.WithValue(ctx, loadingKey{}, true), data, source)
		}
		reg, err := registry.Load(ctx, src, s.fetch, verify, s.now)
		if err != nil {
			failed = append(failed, err.Error())
			continue
		}
		expires := time.Now().Add(registryCacheLife)
		if !reg.Until.IsZero() && reg.Until.Before(expires) {
			expires = reg.Until
		}
		c.mu.Lock()
		if c.loaded == nil {
			c.loaded = map[int]cached{}
		}
		c.loaded[i] = cached{reg: reg, expires: expires}
		c.mu.Unlock()
		out = append(out, reg)
	}
	return out, failed
}

// identity adds the identity check: does a registry the verifier trusts
// vouch for the issuer's name? It never decides the verdict (a name is not
// a signature); it tells the reader whose word the name on the card is.
func (s *session) identity(ctx context.Context, r *report.Report, doc map[string]any) {
	issuerID := jsonval.ID(doc["issuer"])
	if issuerID == "" || ctx.Value(loadingKey{}) != nil {
		return
	}
	claimed := r.Summary.Issuer.Name
	shown := claimed
	if shown == "" {
		shown = issuerID
	}
	c := report.Check{ID: report.CheckIdentity}
	caution := names.Caution(claimed)
	regs, failed := s.registries(ctx)
	var listing *report.Listing
	var lookupErrs []string
	for _, reg := range regs {
		l, err := reg.Lookup(ctx, s.fetch, issuerID, s.now)
		if err != nil {
			lookupErrs = append(lookupErrs, reg.Name+": "+err.Error())
			continue
		}
		if l != nil {
			listing = l
			break
		}
	}
	failed = append(failed, lookupErrs...)
	c.Detail = strings.Join(failed, "; ")
	var t report.Text
	switch {
	case listing != nil:
		r.Summary.Issuer.Registry = listing
		c.Outcome = report.Pass
		t = report.Say("identity.listed", "The issuer is listed by {registry} as \u201c{name}\u201d.", "registry", listing.Registry, "name", listing.Name)
		if claimed != "" && !strings.EqualFold(strings.TrimSpace(claimed), strings.TrimSpace(listing.Name)) {
			c.Outcome = report.Warn
			t = report.Say("identity.listed-as-other", "The issuer is listed by {registry} as \u201c{name}\u201d. The credential calls it \u201c{claimed}\u201d: trust the registry's name.",
				"registry", listing.Registry, "name", listing.Name, "claimed", claimed)
		}
	case len(regs) == 0:
		c.Outcome = report.Skip
		t = report.Say("identity.no-registry", "\u201c{name}\u201d is this credential's own claim: no issuer registry was available to say who the issuer is.", "name", shown)
		if s.offline && len(s.registrySources) > 0 {
			t = report.Say("identity.no-registry-offline", "\u201c{name}\u201d is this credential's own claim: no issuer registry was available to say who the issuer is. Checking online (or giving a registry file) would consult one.", "name", shown)
		}
	default:
		c.Outcome = report.Warn
		t = report.Say("identity.unlisted", "\u201c{name}\u201d is this credential's own claim; no registry you use lists this issuer.", "name", shown)
	}
	if d := r.Summary.Issuer.Domain; d != "" && listing == nil {
		t = t.Then(report.Say("identity.keys-by", "Its keys are published by {domain}.", "domain", d))
	}
	if caution.Code != "" {
		c.Outcome = report.Warn
		t = caution.Then(t)
	}
	c.Say(t)
	r.Checks = append(r.Checks, c)
}

// registryCacheLife bounds how long a registry without its own expiry is
// reused by a long-lived Verifier (the page, the wallet).
const registryCacheLife = 24 * time.Hour
