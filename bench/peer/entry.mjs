// The peer verifier for `make bench`: @digitalcredentials/verifier-core (the
// verifier behind VerifierPlus and the Learner Credential Wallet), exactly as
// published, bundled by bench/peer/build.mjs with two substitutions that keep
// it offline (see loader.mjs and offline-fetch.mjs).
import { verifyCredential } from '@digitalcredentials/verifier-core';
import { offlineStats } from './offline-fetch.mjs';

// verify takes the credential as text, as ClearBadge's verify does, so both
// sides pay for parsing it. No issuer registry is given (knownDIDRegistries:
// []), so the registered_issuer step answers false without any lookup;
// ClearBadge has no registry step either.
export async function verify(text) {
  return verifyCredential({ credential: JSON.parse(text), knownDIDRegistries: [] });
}

// verdict reduces verifier-core's result to ClearBadge's words: verified
// when there is no fatal error and the signature and expiry steps hold (the
// registry step is left out: see above).
export function verdict(result) {
  if (result.errors?.length) return 'not-verified';
  const step = (id) => result.log?.find((s) => s.id === id);
  return step('valid_signature')?.valid === true && step('expiration')?.valid !== false ? 'verified' : 'not-verified';
}

// schemaResult is what verifier-core's own schema step (ajv against the 1EdTech
// JSON Schema it guesses or the credential names) said, for the notes.
export function schemaResult(result) {
  const r = result.additionalInformation?.find((s) => s.id === 'schema_check')?.results;
  if (!Array.isArray(r)) return String(r ?? 'none');
  return r.map((x) => (x.result?.valid ? 'valid' : 'invalid')).join(',');
}

export { offlineStats };
