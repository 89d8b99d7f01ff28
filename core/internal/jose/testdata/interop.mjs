// Interoperability with the npm `jose` package (panva/jose), run by
// TestInteropNodeJose when node and jose are available, and used once to
// make interop-jose-npm.json.
//
//   node interop.mjs sign           prints tokens signed by jose, each with its public key in a jwk header
//   node interop.mjs verify < in    verifies tokens (a JSON array of {alg, token}) against their jwk header
//
// `jose` is imported by name: run from a directory whose node_modules holds it.
import * as jose from 'jose';

const algs = ['RS256', 'RS512', 'PS256', 'ES256', 'ES384', 'ES512', 'EdDSA'];
const payload = new TextEncoder().encode(JSON.stringify({
  iss: 'https://issuer.example/', jti: 'urn:uuid:7b1c5a5e-0000-4000-8000-000000000000',
  vc: { type: ['VerifiableCredential', 'OpenBadgeCredential'] },
}));

async function sign() {
  const out = [];
  for (const alg of algs) {
    const { publicKey, privateKey } = await jose.generateKeyPair(alg, { extractable: true });
    const jwk = await jose.exportJWK(publicKey);
    const token = await new jose.CompactSign(payload)
      .setProtectedHeader({ alg, typ: 'JWT', jwk })
      .sign(privateKey);
    out.push({ alg, token });
  }
  return out;
}

async function verify(items) {
  const out = [];
  for (const { alg, token } of items) {
    try {
      const header = jose.decodeProtectedHeader(token);
      const key = await jose.importJWK(header.jwk, alg);
      await jose.compactVerify(token, key, { algorithms: [alg] });
      out.push({ alg, ok: true });
    } catch (e) {
      out.push({ alg, ok: false, error: String(e) });
    }
  }
  return out;
}

const chunks = [];
if (process.argv[2] === 'verify') {
  for await (const c of process.stdin) chunks.push(c);
}
const result = process.argv[2] === 'verify'
  ? await verify(JSON.parse(Buffer.concat(chunks).toString()))
  : await sign();
process.stdout.write(JSON.stringify(result, null, 1) + '\n');
