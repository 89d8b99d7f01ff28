// @ts-check
// What the learner's holder key does (background.js loads this file): the
// key, made on first use, signs presentations; and a stored credential baked
// into a badge image. Both run the wasm in this worker (verifier.js).
'use strict';

// holderKey returns the learner's holder key, making it on first use: an
// Ed25519 did:key whose private JWK is kept in the encrypted store.
async function holderKey() {
  const { store } = await readStore();
  if (store.holder) return store.holder;
  const cb = await verifier();
  const made = await cb.keygen();
  return mutate((s) => {
    if (s.holder) return { ...s.holder, unchanged: true }; // made meanwhile by another view
    s.holder = { did: made.did, jwk: made.jwk, created: new Date().toISOString() };
    return { ...s.holder };
  });
}

// present signs a presentation of the chosen credentials for a verifier's
// challenge and domain. Nothing is sent: the page copies or downloads it.
/** @param {WalletArgs} m what was asked (untrusted) */
async function presentOp({ ids, challenge, domain }) {
  if (!Array.isArray(ids) || ids.length === 0) throw new WalletError('empty', 'bg.share-none');
  const { store } = await readStore();
  const chosen = ids.map((id) => store.credentials.find((c) => c.id === id));
  if (chosen.some((c) => !c)) throw new WalletError('not-found', 'bg.selected-gone');
  const key = await holderKey();
  const cb = await verifier();
  const presentation = await cb.present(chosen.map(Common.inputOf), {
    key: key.jwk,
    challenge: typeof challenge === 'string' ? challenge : '',
    domain: typeof domain === 'string' ? domain : '',
  });
  return { presentation, holder: key.did };
}

// bake returns a stored credential baked into a PNG or SVG badge: into the
// image it came in when that has the format asked for, else a plain badge.
/** @param {WalletArgs} m what was asked (untrusted) */
async function bakeOp({ id, format }) {
  if (format !== 'png' && format !== 'svg') throw new WalletError('invalid', 'bg.png-or-svg');
  const { store } = await readStore();
  const c = store.credentials.find((x) => x.id === id);
  if (!c) throw new WalletError('not-found', 'bg.not-found');
  const own = c.b64 && c.mime === Common.IMAGE_TYPES[format] ? Common.unb64(c.b64) : undefined;
  const cb = await verifier();
  const out = await cb.bake(Common.inputOf(c), { format, image: own, title: c.title, kind: c.report?.kind });
  return { b64: Common.b64(out) };
}
