// The module `make wasm` (web/) and `make extension` write: the wasm files the
// pages load. Declared here so that tsc checks its importers on a clean clone,
// before any build (tsconfig's rootDirs reads types/ as web/ and extension/).
declare const wasmName: string;
export default wasmName;
export const offline: string;
