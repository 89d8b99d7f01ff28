// @ts-check
// The page's first script: it starts the verifier's offline worker, and with
// it the wasm's download and compilation, as soon as clearbadge.mjs is here,
// without waiting for the rest of the page's modules or for the document to
// be parsed (index.html loads it async, before anything else). app.mjs's
// load() then gets the same verifier (load() starts one per base URL). A
// failed start is app.mjs's to report: load() tries again when it calls.
import { load } from './clearbadge.mjs';

load().catch(() => {});
