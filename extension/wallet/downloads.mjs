// @ts-check
// Downloads: a stored credential as it came in, or baked into a PNG or SVG
// badge.
import { IMAGE_TYPES, unb64 } from '../common.mjs';
import { t } from '../i18n.mjs';
import { slug } from '../move.mjs';
import { announce, h } from '../render.mjs';
import { call } from './messages.mjs';

export function download(name, blob) {
  const url = URL.createObjectURL(blob);
  const a = h('a', { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

function fileName(title, ext) {
  return `${slug(title)}.${ext}`;
}

export function downloadEntry(e) {
  if (typeof e.text === 'string') {
    const jwt = !e.text.trim().startsWith('{');
    download(fileName(e.title, jwt ? 'jwt' : 'json'), new Blob([e.text], { type: jwt ? 'application/jwt' : 'application/json' }));
  } else {
    const bin = unb64(e.b64);
    download(fileName(e.title, e.mime === IMAGE_TYPES.svg ? 'svg' : 'png'), new Blob([bin], { type: e.mime }));
  }
}

/**
 * bake downloads e baked into a badge image of the format asked for.
 * @param {WalletEntry} e
 * @param {'png' | 'svg'} format
 */
export async function bake(e, format) {
  try {
    const r = await call('bake', { id: e.id, format });
    const bin = unb64(r.b64);
    download(fileName(e.title, format), new Blob([bin], { type: IMAGE_TYPES[format] }));
    announce(t('wallet.baked', { title: e.title, format: format.toUpperCase() }));
  } catch (err) {
    announce(err.message, true);
  }
}
