// What web/clearbadge.mjs uses of Node, for tsc (make lint): the name it
// tells Node by, and the few Node APIs it runs the wasm with there
// (loadNode, nodeEd25519). Declared one by one rather than
// all of @types/node, so that tsc still flags a Node API used in code that
// runs in a browser. (tests/tsconfig.json, which has @types/node, leaves this
// file out.)
declare var process: { versions?: { node?: string } } | undefined;
declare var Buffer: { from(bytes: Uint8Array): { toString(encoding: 'base64url'): string } };

declare module 'node:fs/promises' {
  export function readFile(path: URL, encoding: 'utf8'): Promise<string>;
  export function readFile(path: URL): Promise<Uint8Array<ArrayBuffer>>;
}

declare module 'node:crypto' {
  export interface KeyObject { readonly type: string }
  export function createPublicKey(key: { key: JsonWebKey, format: 'jwk' }): KeyObject;
  export function verify(algorithm: null, data: Uint8Array, key: KeyObject, signature: Uint8Array): boolean;
  export interface Hash { update(data: Uint8Array): Hash; digest(): Uint8Array }
  export function createHash(algorithm: 'sha256'): Hash;
}
