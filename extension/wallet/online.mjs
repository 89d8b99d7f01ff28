// @ts-check
// Online checks: the question asked before a host is first contacted, the
// evidence a card's verdict rests on and its age, the allowed hosts and
// the issuer registries.
import { formatDate, list, t } from '../i18n.mjs';
import { originOf } from '../platforms.mjs';
import { $, ago, announce, h, verdictLabel } from '../render.mjs';
import { drawList, reverify } from './list.mjs';
import { call } from './messages.mjs';
import { ui } from './state.mjs';
import { refresh } from './unlocked.mjs';

// EVIDENCE: what a kept document is evidence of, by the check it served.
const EVIDENCE = { status: 'status', issuer: 'key', proof: 'key', identity: 'registry' };
const evidenceOf = (check) => EVIDENCE[check] || 'document';

// documentKind: what a kept document serving no check of EVIDENCE is, by
// the URLs the card's report names ('document' when none names it): an Open
// Badges 2.0 badge's BadgeClass (the achievement's id) and its issuer's
// profile (the issuer's id). A hosted assertion itself serves the status
// check: fetched again, it says whether the issuer still stands by it.
function documentKind(entry, url) {
  const s = entry.report?.summary || {};
  if (url === s.achievement?.id) return 'badge-class';
  if (url === s.issuer?.id) return 'profile';
  return 'document';
}

// evidence: how old each document the card's verdict rests on is
// ("Revocation last checked 3 days ago, from status.example.edu"), and
// whether its server asked for it to be checked again by now.
export function evidence(entry) {
  const items = (entry.docs || [])
    .filter((d) => ui.documents[d.url])
    .map((d) => {
      const k = ui.documents[d.url];
      const host = new URL(d.url).host;
      const stale = Date.now() - new Date(k.fetchedAt).getTime() > (k.maxAge || 0) * 1000;
      return h(
        'li',
        { 'data-evidence': d.check, 'data-url': d.url, 'data-fetched-at': k.fetchedAt },
        h('time', {
          datetime: k.fetchedAt,
          title: formatDate(k.fetchedAt, true),
          text: t(`wallet.evidence-${EVIDENCE[d.check] || documentKind(entry, d.url)}`, { ago: ago(k.fetchedAt) }),
        }),
        t(stale ? 'wallet.evidence-stale' : 'wallet.evidence-from', { host }),
      );
    });
  return items.length ? h('div', { class: 'evidence' }, h('p', { class: 'strong', text: t('wallet.evidence-title') }), h('ul', {}, ...items)) : null;
}

export const hostsOf = (entry) => [...new Set((entry.needs || []).map((n) => n.host).filter(Boolean))];

// consentBox: the question asked before any host is contacted for the
// first time, naming exactly the hosts the card needs and why. Its button
// asks the browser for those host permissions (the browser's own prompt).
export function consentBox(entry) {
  // Asking the registries who the issuer is is its own question: it is
  // about the name on the card, never the verdict.
  const only = ui.consentIdentity ? 'identity' : undefined;
  const hosts = only ? ui.registryHosts || [] : hostsOf(entry);
  const why = only ? [t('wallet.why-registry')] : [...new Set((entry.needs || []).map((n) => t(`wallet.why-${evidenceOf(n.check)}`)))];
  const allow = h(
    'button',
    { type: 'button', class: 'button primary small', id: 'consent-allow', onclick: () => allowAndCheck(entry, hosts, only) },
    t('wallet.consent-allow'),
  );
  return h(
    'div',
    { class: 'consent', role: 'group', 'aria-labelledby': `consent-${entry.id}`, 'data-hosts': hosts.join(' ') },
    h('p', { class: 'strong', id: `consent-${entry.id}`, text: t('wallet.consent-question', { why: list(why), hosts: list(hosts) }) }),
    h('p', { class: 'hint', text: t(only ? 'wallet.registry-consent-explain' : 'wallet.consent-explain') }),
    h(
      'div',
      { class: 'row' },
      allow,
      h(
        'button',
        {
          type: 'button',
          class: 'button quiet small',
          onclick: () => {
            ui.consent = null;
            drawList();
          },
        },
        t('wallet.consent-cancel'),
      ),
    ),
  );
}

// checkOnlineClick: straight to the check when every host is granted;
// otherwise open the consent box first.
// only: 'identity' asks the registries alone (hosts: theirs).
export async function checkOnlineClick(entry, only) {
  if (only) {
    try {
      ui.registryHosts = (await call('registryInfo')).hosts;
    } catch (err) {
      announce(err.message, true);
      return;
    }
  }
  const hosts = only ? ui.registryHosts : hostsOf(entry);
  if (!hosts.every((x) => ui.sites.includes(x))) {
    ui.consent = entry.id;
    ui.consentIdentity = !!only;
    drawList();
    $('#consent-allow')?.focus();
    return;
  }
  await runCheckOnline(entry, only);
}

// asksRegistries: whether a card offers to ask the registries who its
// issuer is: no registry confirmed it yet, and one is online (the
// defaults, or an address the learner added).
export function asksRegistries(entry) {
  const identity = (entry.report?.checks || []).find((c) => c.id === 'identity');
  const online = ui.registries.length ? ui.registries.some((r) => r.url) : true;
  return online && entry.verdict !== 'error' && identity && identity.outcome !== 'pass';
}

function allowAndCheck(entry, hosts, only) {
  // permissions.request must be called in the click itself (a user gesture).
  chrome.permissions.request({ origins: hosts.map(originOf) }).then(
    async (ok) => {
      ui.consent = null;
      if (!ok) {
        drawList();
        announce(t('wallet.consent-refused'));
        return;
      }
      await call('allowSites', { hosts });
      await runCheckOnline(entry, only);
    },
    (err) => announce(err.message, true),
  );
}

async function runCheckOnline(entry, only) {
  announce(t('wallet.checking-online', { title: entry.title }));
  try {
    const r = await call('checkOnline', { id: entry.id, only });
    await refresh();
    announce(t('wallet.checked-online-result', { title: entry.title, verdict: verdictLabel(r.verdict), hosts: list(r.hosts) }));
  } catch (err) {
    await refresh();
    announce(err.message, true);
  }
}

// sitesSection: the hosts ClearBadge may contact, each with a Revoke
// button, and the opt-in periodic re-check of revocation lists.
export function sitesSection() {
  const recheck = h('input', {
    type: 'checkbox',
    id: 'recheck',
    onchange: async (e) => {
      try {
        await call('setRecheck', { on: e.target.checked });
        announce(t(e.target.checked ? 'wallet.recheck-on' : 'wallet.recheck-off'));
      } catch (err) {
        announce(err.message, true);
      }
    },
  });
  return h(
    'section',
    { class: 'options sites', 'aria-labelledby': 'sites-title' },
    h('h2', { id: 'sites-title', text: t('wallet.sites-title') }),
    h('p', { class: 'explain', text: t('wallet.sites-explain') }),
    h('ul', { id: 'sites', class: 'sites-list' }),
    h('h3', { text: t('wallet.registries-title') }),
    h('p', { class: 'explain', text: t('wallet.registries-explain') }),
    h('ul', { id: 'registries', class: 'sites-list' }),
    h(
      'div',
      { class: 'row' },
      h('input', {
        type: 'file',
        id: 'registry-file',
        class: 'file-input',
        accept: '.json,.jwt,application/json',
        onchange: async (e) => {
          const f = e.target.files[0];
          e.target.value = '';
          if (f) await addRegistry({ name: f.name, text: await f.text() });
        },
      }),
      h('label', { for: 'registry-file', class: 'button small' }, t('registry.file')),
      h('label', { for: 'registry-url', class: 'visually-hidden', text: t('registry.address') }),
      h('input', { type: 'text', id: 'registry-url', placeholder: 'https://registry.example/registry.json', spellcheck: 'false' }),
      h(
        'button',
        {
          type: 'button',
          id: 'registry-add',
          class: 'button small',
          onclick: async () => {
            const input = () => /** @type {HTMLInputElement} */ ($('#registry-url'));
            const url = input().value.trim();
            if (await addRegistry({ url, name: url })) input().value = '';
          },
        },
        t('registry.add'),
      ),
    ),
    h('p', { class: 'check-row' }, recheck, h('label', { for: 'recheck', text: t('wallet.recheck-label') })),
  );
}

export async function drawSites() {
  const ul = $('#sites');
  if (!ul) return;
  const hosts = ui.sites;
  ul.replaceChildren(
    ...(hosts.length
      ? hosts.map((host) =>
          h(
            'li',
            { 'data-site': host },
            h('span', { text: host }),
            h(
              'button',
              {
                type: 'button',
                class: 'button small quiet',
                'data-revoke': host,
                'aria-label': t('wallet.revoke-aria', { host }),
                onclick: async () => {
                  await call('revokeSite', { host });
                  await chrome.permissions.remove({ origins: [originOf(host)] }).catch(() => {});
                  await refresh();
                  announce(t('wallet.revoked', { host }));
                },
              },
              t('wallet.revoke'),
            ),
          ),
        )
      : [h('li', { class: 'hint', text: t('wallet.sites-none') })]),
  );
  /** @type {HTMLInputElement} */ ($('#recheck')).checked = ui.recheck;
  $('#registries').replaceChildren(
    ...(ui.registries.length
      ? ui.registries.map((r, index) =>
          h(
            'li',
            { 'data-registry': r.url || r.name },
            h('span', { text: r.url || r.name }),
            h(
              'button',
              {
                type: 'button',
                class: 'button small quiet',
                'aria-label': t('registry.remove-aria', { name: r.url || r.name }),
                onclick: async () => {
                  try {
                    await call('removeRegistry', { index });
                    await refresh();
                  } catch (err) {
                    announce(err.message, true);
                  }
                },
              },
              t('registry.remove'),
            ),
          ),
        )
      : [h('li', { class: 'hint', id: 'registries-none' })]),
  );
  // The defaults' names, once known (learning them may start the verifier:
  // the wallet does not wait for it).
  if (!ui.registries.length) {
    call('registryInfo').then(
      (r) => {
        const li = $('#registries-none');
        if (li) li.textContent = t('wallet.registries-none', { names: list(r.defaults) });
      },
      () => {},
    );
  }
}

// addRegistry stores a registry and re-verifies every credential with it.
async function addRegistry(r) {
  try {
    await call('addRegistry', r);
  } catch (err) {
    announce(err.message, true);
    return false;
  }
  await reverify(undefined);
  return true;
}
