// @ts-check
// Zip files for moving a whole wallet out of ClearBadge and back (issue 14):
// any unzip tool opens what makeZip writes, and readZip reads what common
// tools write, within limits. Only what a wallet needs of PKWARE's APPNOTE
// (6.3.10): stored (0) and deflated (8) entries, UTF-8 names (flag bit 11),
// no encryption, no Zip64, no multi-disk. Deflate is the browser's own
// CompressionStream('deflate-raw'), so no library comes with the extension.
//
// readZip reads a file the learner picked, which may be hostile: every
// length and offset is checked against the bytes, the central directory is
// the only index trusted (APPNOTE 4.3.6), output is capped while inflating
// (a zip bomb stops at the cap, not at the end of memory), and each entry's
// CRC-32 must match. It never throws anything but ZipError.

import { t } from './i18n.mjs';
import { MAX_INPUT_BYTES } from './common.mjs';

// ZipError says what is wrong, in the wallet's language (key and params
// name its words in i18n.mjs).
export class ZipError extends Error {
  constructor(key, params) {
    super(t(key, params));
    this.name = 'ZipError';
  }
}

// An entry is a credential file: at most what the wallet imports.
export const LIMITS = { files: 2000, entryBytes: MAX_INPUT_BYTES, totalBytes: 512 << 20 };

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function crc32(bytes) {
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

async function pipe(bytes, stream, cap = Infinity) {
  const reader = new Blob([bytes]).stream().pipeThrough(stream).getReader();
  const parts = [];
  let n = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    n += value.length;
    if (n > cap) {
      await reader.cancel();
      return null;
    }
    parts.push(value);
  }
  const out = new Uint8Array(n);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

// dosTime: MS-DOS date and time (APPNOTE 4.4.6), in UTC so that the same
// wallet zips to the same bytes anywhere.
function dosTime(d) {
  const time = (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | (d.getUTCSeconds() >> 1);
  const date = ((Math.max(d.getUTCFullYear(), 1980) - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate();
  return { time, date };
}

// makeZip: files [{name, bytes, date?}] -> the zip's bytes. Each entry is
// deflated, or stored when deflate does not make it smaller (a PNG, say).
export async function makeZip(files) {
  if (files.length > 0xffff) throw new ZipError('zip.too-many-to-write');
  const enc = new TextEncoder();
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const f of files) {
    const name = enc.encode(f.name);
    const data = f.bytes;
    const crc = crc32(data);
    const deflated = await pipe(data, new CompressionStream('deflate-raw'));
    const method = deflated.length < data.length ? 8 : 0;
    const body = method === 8 ? deflated : data;
    if (offset + body.length > 0xfffffff0) throw new ZipError('zip.too-large-to-write');
    const { time, date } = dosTime(f.date || new Date());
    const local = new DataView(new ArrayBuffer(30));
    local.setUint32(0, 0x04034b50, true);
    local.setUint16(4, 20, true); // version needed: 2.0 (deflate)
    local.setUint16(6, 0x0800, true); // UTF-8 names
    local.setUint16(8, method, true);
    local.setUint16(10, time, true);
    local.setUint16(12, date, true);
    local.setUint32(14, crc, true);
    local.setUint32(18, body.length, true);
    local.setUint32(22, data.length, true);
    local.setUint16(26, name.length, true);
    local.setUint16(28, 0, true);
    const central = new DataView(new ArrayBuffer(46));
    central.setUint32(0, 0x02014b50, true);
    central.setUint16(4, 0x0314, true); // made by: Unix, 2.0
    central.setUint16(6, 20, true);
    central.setUint16(8, 0x0800, true);
    central.setUint16(10, method, true);
    central.setUint16(12, time, true);
    central.setUint16(14, date, true);
    central.setUint32(16, crc, true);
    central.setUint32(20, body.length, true);
    central.setUint32(24, data.length, true);
    central.setUint16(28, name.length, true);
    central.setUint32(38, (0o100644 << 16) >>> 0, true); // a regular file, rw-r--r--
    central.setUint32(42, offset, true);
    locals.push(new Uint8Array(local.buffer), name, body);
    centrals.push(new Uint8Array(central.buffer), name);
    offset += 30 + name.length + body.length;
  }
  const cdSize = centrals.reduce((n, p) => n + p.length, 0);
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, files.length, true);
  end.setUint16(10, files.length, true);
  end.setUint32(12, cdSize, true);
  end.setUint32(16, offset, true);
  return new Uint8Array(await new Blob([...locals, ...centrals, new Uint8Array(end.buffer)]).arrayBuffer());
}

export function isZip(bytes) {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

// readZip: the zip's bytes -> [{name, bytes}] of its files (folders and
// entries the limits refuse are errors, never skipped silently).
export async function readZip(bytes, limits = LIMITS) {
  if (!(bytes instanceof Uint8Array)) throw new ZipError('zip.not-zip');
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end record is the last 22 bytes plus a comment of up to 64 KiB.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (dv.getUint32(i, true) === 0x06054b50 && i + 22 + dv.getUint16(i + 20, true) === bytes.length) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipError('zip.no-end');
  const count = dv.getUint16(eocd + 10, true);
  const cdSize = dv.getUint32(eocd + 12, true);
  const cdOffset = dv.getUint32(eocd + 16, true);
  if (dv.getUint16(eocd + 4, true) !== 0 || dv.getUint16(eocd + 8, true) !== count) throw new ZipError('zip.multi-part');
  if (count === 0xffff || cdOffset === 0xffffffff) throw new ZipError('zip.zip64');
  if (count > limits.files) throw new ZipError('zip.too-many-files', { count, max: limits.files });
  if (cdOffset + cdSize > eocd) throw new ZipError('zip.directory-outside');
  const dec = new TextDecoder('utf-8', { fatal: false });
  const out = [];
  let total = 0;
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > cdOffset + cdSize || dv.getUint32(p, true) !== 0x02014b50) throw new ZipError('zip.directory-broken');
    const flags = dv.getUint16(p + 8, true);
    const method = dv.getUint16(p + 10, true);
    const crc = dv.getUint32(p + 16, true);
    const csize = dv.getUint32(p + 20, true);
    const usize = dv.getUint32(p + 24, true);
    const nlen = dv.getUint16(p + 28, true);
    const xlen = dv.getUint16(p + 30, true);
    const clen = dv.getUint16(p + 32, true);
    const local = dv.getUint32(p + 42, true);
    if (p + 46 + nlen + xlen + clen > cdOffset + cdSize) throw new ZipError('zip.directory-broken');
    const name = dec.decode(bytes.subarray(p + 46, p + 46 + nlen));
    p += 46 + nlen + xlen + clen;
    if (name.endsWith('/')) continue; // a folder
    if (flags & 0x1) throw new ZipError('zip.encrypted', { name });
    if (method !== 0 && method !== 8) throw new ZipError('zip.method', { name, method });
    if (usize > limits.entryBytes) throw new ZipError('zip.entry-too-large', { name, mb: limits.entryBytes >> 20 });
    if (local + 30 > bytes.length || dv.getUint32(local, true) !== 0x04034b50) throw new ZipError('zip.misplaced', { name });
    const start = local + 30 + dv.getUint16(local + 26, true) + dv.getUint16(local + 28, true);
    if (start + csize > cdOffset) throw new ZipError('zip.past-end', { name });
    const body = bytes.subarray(start, start + csize);
    let data;
    if (method === 0) {
      if (csize !== usize) throw new ZipError('zip.sizes', { name });
      data = body.slice();
    } else {
      try {
        data = await pipe(body, new DecompressionStream('deflate-raw'), usize);
      } catch {
        throw new ZipError('zip.inflate', { name });
      }
      if (data === null || data.length !== usize) throw new ZipError('zip.size', { name });
    }
    if (crc32(data) !== crc) throw new ZipError('zip.checksum', { name });
    total += data.length;
    if (total > limits.totalBytes) throw new ZipError('zip.too-large', { mb: limits.totalBytes >> 20 });
    out.push({ name, bytes: data });
  }
  return out;
}
