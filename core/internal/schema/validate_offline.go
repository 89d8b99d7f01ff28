//go:build clearbadge_offline

package schema

import (
	"context"

	"github.com/clearbadge/clearbadge/core/fetch"
)

// validate, in the page's offline wasm (build tag clearbadge_offline),
// fetches the schema as the full build does, so that a schema that cannot
// be fetched (offline: every one) gives the same result, but has no JSON
// Schema validator to apply one that was supplied: leaving out
// santhosh-tekuri/jsonschema and golang.org/x/text makes that wasm ~10 %
// smaller. The page and the widget switch to the full build to go online.
func validate(ctx context.Context, _ map[string]any, f fetch.Fetcher, _ string, sri string, r *namedResult) {
	if _, _, _, err := rootDoc(ctx, f, r.Used, sri); err != nil {
		notChecked(r, err)
		return
	}
	r.Status, r.Reason = namedUnsupported, "this offline build of ClearBadge has no JSON Schema validator; verify online to check the schema"
}
