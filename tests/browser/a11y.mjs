// Accessibility helpers shared by the page, widget and wallet tests: axe-core
// (npm) run inside the page against WCAG 2.0-2.2 A and AA, and the checks a
// rule engine cannot make: visible focus, reflow without horizontal
// scrolling.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import assert from 'node:assert/strict';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

// axe runs axe-core in page (evaluated over the DevTools protocol, so the
// page's own Content-Security-Policy does not stop it) and fails with every
// violation, named by rule and element, for state (what is on screen).
export async function assertNoAxeViolations(page, state) {
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async (tags) => {
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return r.violations.map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes
          .slice(0, 4)
          .map((n) => `${n.target.join(' ')} ${n.failureSummary.replace(/\s+/g, ' ')}`)
          .join('\n    ')}`,
    );
  }, WCAG_TAGS);
  assert.deepEqual(violations, [], `axe-core violations in state "${state}"`);
}

// noHorizontalScroll: the document is no wider than the viewport (WCAG 1.4.10).
export async function assertNoHorizontalScroll(page, state) {
  const { scroll, client, wide } = await page.evaluate(() => {
    const el = document.documentElement;
    const vw = el.clientWidth;
    // The widest element that pokes out, to name it when this fails.
    let wideEl = '';
    for (const e of document.querySelectorAll('body *')) {
      const r = e.getBoundingClientRect();
      if (r.width && r.right > vw + 1) {
        wideEl = `${e.tagName.toLowerCase()}.${e.className}#${e.id} right=${Math.round(r.right)}`;
        break;
      }
    }
    return { scroll: el.scrollWidth, client: vw, wide: wideEl };
  });
  assert.ok(scroll <= client, `${state}: the page scrolls sideways (${scroll} > ${client}); ${wide}`);
}

// focusVisible: the focused element (deep into shadow roots) has a visible
// focus indicator: an outline of 2px or more, or a box-shadow.
export async function focusedInfo(page) {
  return page.evaluate(() => {
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    if (!el || el === document.body) return null;
    // A visually hidden file input shows its focus on its label.
    const shown = el.matches('input[type=file]') && el.id ? el.getRootNode().querySelector(`label[for="${el.id}"]`) || el : el;
    const cs = getComputedStyle(shown);
    const outline = cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) >= 2;
    const shadow = cs.boxShadow && cs.boxShadow !== 'none';
    return {
      id: el.id,
      tag: el.tagName.toLowerCase(),
      inResults: !!el.closest('#results'),
      text: (el.getAttribute('aria-label') || el.textContent || el.value || '').trim().slice(0, 60),
      visible: outline || shadow,
    };
  });
}

// tabTo presses Tab (or Shift+Tab) until the focused element matches pred,
// at most max times, checking that every stop shows its focus; it returns
// the stops passed through.
export async function tabTo(page, pred, { max = 60, back = false } = {}) {
  const stops = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    const f = await focusedInfo(page);
    if (!f) continue;
    assert.ok(f.visible, `focus is not visible on ${f.tag}#${f.id} "${f.text}"`);
    stops.push(f);
    if (pred(f)) return stops;
  }
  assert.fail(`no focus stop matched after ${max} tabs: ${stops.map((s) => s.id || s.text).join(' > ')}`);
  return stops;
}
