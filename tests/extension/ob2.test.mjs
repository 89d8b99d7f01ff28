// The wallet holds Open Badges 2.0 badges too: a signed one (JWS) and a
// baked PNG from 1EdTech's OB 2.0 validator tests import, and their cards
// say Open Badges 2.0 with their verdict. The wallet verifies offline and
// has none of the issuer's documents, so both are incomplete; neither is
// refused as "not a credential", and neither is re-baked as OB 3.0. Screenshot: tests/out/ob2-wallet.png.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { mkdirSync } from 'node:fs';
import {
  root, openWallet, unlock, waitForCards, importFiles, statusText, sharedWallet,
} from './helpers.mjs';

const ob20 = path.resolve(root, '..', 'shared', 'vectors', '1edtech', 'validator', 'ob20');

const shared = sharedWallet();

test('wallet: Open Badges 2.0 signed and baked badges import and show their verdict', async (t) => {
  let files;
  try {
    files = [path.join(ob20, 'simple.jwt'), path.join(ob20, 'simple-badge.png')];
    (await import('node:fs')).statSync(files[0]);
  } catch {
    if (process.env.CI === 'true') assert.fail('../shared/vectors is absent under CI');
    t.skip('../shared/vectors is absent: the OB 2.0 badges were not tested');
    return;
  }
  const page = await openWallet(shared.w.ctx, shared.w.id, 'popup.html?view=full');
  await unlock(page);
  await importFiles(page, files);
  const got = await waitForCards(page, 2);
  for (const c of got) assert.equal(c.verdict, 'incomplete', JSON.stringify(c));
  const texts = await page.$$eval('#credentials > [data-verdict]', (els) => els.map((el) => el.innerText));
  for (const text of texts) {
    assert.match(text, /Open Badges 2\.0/);
    assert.match(text, /Format: (ob2-signed|png)/);
  }
  assert.ok(texts.some((x) => /Open Badges 2\.0, signed by the issuer/.test(x)), texts.join('\n---\n'));
  assert.ok(texts.some((x) => /Format: png/.test(x)), texts.join('\n---\n'));
  // Baking is for OB 3.0 and CLR: an OB 2.0 badge is not re-baked under
  // another keyword.
  await page.locator('#credentials > [data-verdict]').first().getByRole('button', { name: /baked PNG badge/ }).click();
  await statusText(page, /cannot be baked/);
  mkdirSync(path.join(root, 'tests', 'out'), { recursive: true });
  await page.screenshot({ path: path.join(root, 'tests', 'out', 'ob2-wallet.png'), fullPage: true });
  await page.close();
});
