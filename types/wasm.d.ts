// The two globals of the Go wasm, for tsc (make lint): Go, which the Go
// toolchain's loader (wasm_exec.js) defines, and ClearBadge, the API the Go
// program (wasm/main.go, wasm/wallet.go) sets once it runs. Their hosts
// start it with startGo (web/common.mjs). VerifierReport is the Report's
// type (extension/protocol.js).

// Go runs one Go program compiled to wasm (wasm_exec.js): new Go(), then
// run(the instance of the module made with its importObject).
interface GoProgram {
  importObject: WebAssembly.Imports;
  argv: string[];
  env: Record<string, string>;
  exited: boolean;
  run(instance: WebAssembly.Instance): Promise<void>;
}
declare var Go: { new(): GoProgram };

// An issuer registry for the identity check: a URL (fetched only online) or
// the registry file's own bytes (wasm/main.go, the registries option).
type RegistrySource = { name?: string, url?: string, data?: string | Uint8Array };

// A public document fetched online, kept with keepDocuments (wasm/fetch.go).
type FetchedDocument = { url: string, fetchedAt: string, maxAge: number, body: Uint8Array };

// The options ClearBadge.verify takes, as web/clearbadge.mjs prepare()
// hands them over (wasm/main.go says what each does).
interface WasmVerifyOptions {
  offline?: boolean;
  allowPrivateNetwork?: boolean;
  at?: string;
  challenge?: string;
  domain?: string;
  strict?: boolean;
  keepDocuments?: boolean;
  hosts?: string[];
  documents?: Record<string, string | Uint8Array>;
  registries?: RegistrySource[];
  source?: string;
  // The Report as JSON text instead (not when documents are kept): the
  // page's worker sends it on as such.
  reportJSON?: boolean;
}

// A credential as the wallet's functions take it: JSON or JWT text, or
// bytes (those of a baked PNG or SVG stand for the credential inside).
type CredentialInput = string | Uint8Array;

// ClearBadge, the one global the Go program sets (wasm/main.go).
interface ClearBadgeAPI {
  version: string;
  ready: Promise<void>;
  defaultRegistries: { name: string, url: string }[];
  // The Report; with keepDocuments (online) also the documents fetched,
  // which are the bridge's, not the Report's.
  verify(input: CredentialInput, opts: WasmVerifyOptions & { reportJSON: true }): Promise<string | (VerifierReport & { documents?: FetchedDocument[] })>;
  verify(input: CredentialInput, opts?: WasmVerifyOptions): Promise<VerifierReport & { documents?: FetchedDocument[] }>;
  // The wallet's (wasm/wallet.go).
  keygen(): Promise<{ did: string, jwk: string }>;
  present(credentials: CredentialInput[], opts: { key: string, challenge?: string, domain?: string, format?: string }): Promise<string>;
  bake(credential: CredentialInput, opts: { format: string, image?: Uint8Array, title?: string, kind?: string }): Promise<Uint8Array>;
  unbake(image: Uint8Array): Promise<string>;
}

// The scope a host starts the program in: a worker's self, or the private
// scope web/clearbadge.mjs makes in Node.
interface GoScope {
  Go: typeof Go;
  ClearBadge?: ClearBadgeAPI;
}
