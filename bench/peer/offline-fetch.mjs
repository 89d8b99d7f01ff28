// Injected by esbuild as the `fetch` of every module in the peer bundle.
// verifier-core calls fetch itself for the JSON Schema of its schema step
// (ajv's loadSchema) and for issuer registries. This fetch answers only the
// 1EdTech JSON Schemas read from ../shared at build time (when present) and
// refuses everything else, keeping the first refused URLs.
import schemas from 'clearbadge:schemas';

export const offlineStats = { served: 0, refused: [], logged: 0 };

async function offlineFetch(input) {
  const url = typeof input === 'string' ? input : input.url;
  const doc = schemas[url];
  if (doc !== undefined) {
    offlineStats.served++;
    return new Response(JSON.stringify(doc), { status: 200, headers: { 'Content-Type': 'application/json' } });
  }
  if (offlineStats.refused.length < 20) offlineStats.refused.push(url);
  throw new TypeError(`offline bench: no network for ${url}`);
}

// The console of the bundle, too: verifier-core logs every schema it could not
// fetch (twice, with stacks) on every verification, which would drown the
// bench's output. The lines are counted instead.
const quiet = new Proxy(console, {
  get: (target, key) =>
    ['log', 'info', 'warn', 'error', 'debug'].includes(key)
      ? () => {
          offlineStats.logged++;
        }
      : Reflect.get(target, key),
});

export { offlineFetch as fetch, quiet as console };
