// Replaces @digitalcredentials/security-document-loader for verifier-core in
// the bench bundle. verifier-core builds its document loader once, at import
// time, as securityLoader({fetchRemoteContexts: true}): contexts it does not
// bundle would be fetched from the web. Here the same loader is built with
// remote fetching off (so its own DID resolution, did:key and did:web
// drivers, and its own bundled contexts stay as published), and every
// context ClearBadge bundles (core/internal/jsonld/contexts/manifest.json) is added
// as static, so both verifiers read the same contexts and neither touches
// the network.
import { securityLoader as published } from '@digitalcredentials/security-document-loader';
import contexts from 'clearbadge:contexts';

export * from '@digitalcredentials/security-document-loader';

export function securityLoader(opts = {}) {
  const loader = published({ ...opts, fetchRemoteContexts: false });
  for (const [url, doc] of Object.entries(contexts)) loader.addStatic(url, doc);
  return loader;
}
