// extension/zip.mjs in Node (the same CompressionStream the browser has):
// what it writes, Python's zipfile reads and tests, and what zipfile writes
// it reads; hostile zips (truncated, a changed byte, a bomb, encrypted, too
// many files, Zip64, random damage) end in a ZipError, never another error
// or a hang.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { makeZip, readZip, crc32, ZipError, LIMITS } from '../../extension/zip.mjs';

const enc = new TextEncoder();
const files = [
  { name: 'index.json', bytes: enc.encode(JSON.stringify({ a: 'x'.repeat(2000) })) },
  { name: 'credentials/0001-Café-badge.json', bytes: enc.encode('{"id":"urn:uuid:1","name":"Café"}') },
  { name: 'credentials/0002-b.png', bytes: Uint8Array.from({ length: 3000 }, (_, i) => (i * 7919) % 251) },
  { name: 'empty.txt', bytes: new Uint8Array(0) },
];

function py(code, ...args) {
  return execFileSync('python3', ['-c', code, ...args], { encoding: 'utf8' });
}

test('crc32 is the zip one', () => {
  assert.equal(crc32(enc.encode('123456789')), 0xcbf43926);
});

test("round trip, and Python's zipfile agrees both ways", async () => {
  const zip = await makeZip(files);
  const back = await readZip(zip);
  assert.deepEqual(
    back.map((f) => f.name),
    files.map((f) => f.name),
  );
  for (const [i, f] of back.entries()) assert.deepEqual(f.bytes, files[i].bytes);

  const dir = mkdtempSync(path.join(tmpdir(), 'clearbadge-zip-'));
  try {
    writeFileSync(path.join(dir, 'ours.zip'), zip);
    const listed = JSON.parse(
      py(
        `import zipfile,sys,json
z=zipfile.ZipFile(sys.argv[1]); assert z.testzip() is None
print(json.dumps([[i.filename, i.compress_type, len(z.read(i))] for i in z.infolist()]))`,
        path.join(dir, 'ours.zip'),
      ),
    );
    assert.deepEqual(
      listed.map(([n]) => n),
      files.map((f) => f.name),
    );
    assert.deepEqual(
      listed.map(([, m]) => m),
      [8, 0, 8, 0],
    ); // deflated when smaller, else stored
    assert.deepEqual(
      listed.map(([, , n]) => n),
      files.map((f) => f.bytes.length),
    );

    py(
      `import zipfile,sys
with zipfile.ZipFile(sys.argv[1], 'w') as z:
  z.writestr('dir/', '')
  z.writestr('a.json', '{"x": 1}' * 100, compress_type=zipfile.ZIP_DEFLATED)
  z.writestr('b.jwt', 'e30.e30.sig', compress_type=zipfile.ZIP_STORED)
  z.comment = b'made by python'`,
      path.join(dir, 'theirs.zip'),
    );
    const theirs = await readZip(new Uint8Array(readFileSync(path.join(dir, 'theirs.zip'))));
    assert.deepEqual(
      theirs.map((f) => [f.name, new TextDecoder().decode(f.bytes)]),
      [
        ['a.json', '{"x": 1}'.repeat(100)],
        ['b.jwt', 'e30.e30.sig'],
      ],
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

async function refused(bytes, re, limits) {
  await assert.rejects(readZip(bytes, limits), (err) => err instanceof ZipError && re.test(err.message));
}

test('hostile zips are refused with a ZipError that says why', async () => {
  const zip = await makeZip(files);
  await refused(new Uint8Array(0), /no end record/);
  await refused(zip.subarray(0, zip.length - 5), /no end record/);
  await refused(zip.subarray(40), /directory|not where/);

  // A changed byte inside the first deflated entry.
  const flipped = zip.slice();
  flipped[30 + files[0].name.length + 3] ^= 0x40;
  await refused(flipped, /checksum|does not inflate|not the size/);

  // A bomb: 64 MiB of zeros in a few KiB, its directory claiming 100 bytes.
  const big = new Uint8Array(64 << 20);
  const bomb = await makeZip([{ name: 'bomb.json', bytes: big }]);
  assert.ok(bomb.length < 200000);
  const dv = new DataView(bomb.buffer);
  const cd = dv.getUint32(bomb.length - 6, true);
  dv.setUint32(cd + 24, 100, true);
  await refused(bomb, /not the size/);
  // ... and claiming its real size: over the per-file limit.
  await refused(await makeZip([{ name: 'bomb.json', bytes: big }]), /too large/);

  // Encrypted, unknown method, too many files, Zip64 count.
  const one = await makeZip([files[1]]);
  const set = (z, off, v, bits = 16) => {
    const c = z.slice();
    const d = new DataView(c.buffer);
    if (bits === 16) d.setUint16(off, v, true);
    else d.setUint32(off, v, true);
    return c;
  };
  const cdOne = new DataView(one.buffer).getUint32(one.length - 6, true);
  await refused(set(one, cdOne + 8, 0x0801), /encrypted/);
  await refused(set(one, cdOne + 10, 12), /compression method/);
  await refused(one, /at most 0 are read/, { ...LIMITS, files: 0 });
  await refused(set(set(one, one.length - 12, 0xffff), one.length - 14, 0xffff), /Zip64/);
  await refused(await makeZip([files[0], files[1]]), /more than 0 MB/, { ...LIMITS, totalBytes: 100 });

  // A stored entry whose sizes disagree, and deflate that is not deflate.
  const stored = await makeZip([{ name: 'noise.png', bytes: crypto.getRandomValues(new Uint8Array(3000)) }]);
  const cdS = new DataView(stored.buffer).getUint32(stored.length - 6, true);
  await refused(set(stored, cdS + 20, 10, 32), /inconsistent sizes/);
  const junk = enc.encode('not deflate at all, just words');
  const fake = await makeZip([{ name: 'x.json', bytes: junk }]);
  const cdF = new DataView(fake.buffer).getUint32(fake.length - 6, true);
  await refused(set(set(fake, cdF + 10, 8), 8, 8), /does not inflate|not the size|checksum/);
  assert.ok(deflateRawSync(junk).length > 0);
});

test('random damage never escapes as anything but a ZipError', async () => {
  const zip = await makeZip(files);
  let seed = 14;
  const rnd = (n) => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed % n;
  };
  for (let i = 0; i < 400; i++) {
    const z = zip.slice();
    for (let k = 1 + rnd(4); k > 0; k--) z[rnd(z.length)] = rnd(256);
    try {
      await readZip(z);
    } catch (err) {
      assert.ok(err instanceof ZipError, `${err.name}: ${err.message}`);
    }
  }
});
