// @ts-check
// The wallet's "Platforms" section (issue 14): connect to a learning
// platform that serves the Open Badges 3.0 API, pull credentials from it,
// send chosen ones to it, and revoke the connection. All talking is done by
// the service worker (platforms.js); this page asks the browser for the
// platform's hosts in the learner's click (a user gesture is needed) and
// shows the platform's own name, privacy policy and terms before anything
// is sent to it beyond the request for its public description.
//
// Test contract: #platform-url and #platform-lookup find a platform; the
// offer (#platform-offer) shows its name and its policy and terms links
// ([data-link=privacy|terms]) with #platform-connect; each connection is
// li[data-connection=ID] with buttons [data-action=pull|pull-all|push|revoke].
import { h, formatDate } from './render.mjs';
import { t, list, number } from './i18n.mjs';

/**
 * originOf is the host permission the wallet asks for to reach host (a
 * platform's API here, a credential's public documents in wallet/online.mjs).
 * @param {string} host
 */
export const originOf = (host) => `https://${host}/*`;

// deps: {call, announce, refresh (the wallet's list), picked () -> ids}
export function platformsSection(deps) {
  const { call, announce } = deps;
  const url = h('input', {
    type: 'text',
    inputmode: 'url',
    id: 'platform-url',
    placeholder: 'https://badges.example.edu',
    spellcheck: 'false',
    autocomplete: 'url',
  });
  const offer = h('div', { id: 'platform-offer', class: 'consent', hidden: true });
  const ul = h('ul', { id: 'connections', class: 'sites-list' });

  const lookup = () => {
    let host;
    try {
      host = new URL(/^https?:\/\//i.test(url.value.trim()) ? url.value.trim() : `https://${url.value.trim()}`).host;
    } catch {
      announce(t('platform.bad-address'), true);
      url.focus();
      return;
    }
    // In the click itself: the browser's own question for this host.
    chrome.permissions.request({ origins: [originOf(host)] }).then(
      async (ok) => {
        if (!ok) {
          announce(t('platform.refused-host', { host }));
          return;
        }
        announce(t('platform.looking-up', { host }));
        try {
          const { platform } = await call('platformDiscover', { base: url.value.trim() });
          showOffer(platform);
          announce(t('platform.found', { name: platform.name }));
        } catch (err) {
          offer.hidden = true;
          announce(err.message, true);
        }
      },
      (err) => announce(err.message, true),
    );
  };

  function showOffer(p) {
    const link = (kind, href) =>
      href
        ? h('a', { href, target: '_blank', rel: 'noopener noreferrer', 'data-link': kind, text: t(`platform.${kind}`) })
        : h('span', { 'data-link': kind, class: 'hint', text: t(`platform.no-${kind}`) });
    offer.replaceChildren(
      h('p', {
        class: 'strong',
        id: 'platform-offer-title',
        text: t(p.api === 'clr' ? 'platform.offer-clr' : 'platform.offer', { name: p.name, host: p.host }),
      }),
      h('p', {}, link('privacy', p.privacy), ' · ', link('terms', p.terms)),
      h('p', { class: 'hint', text: t('platform.offer-explain', { hosts: list(p.hosts) }) }),
      h(
        'div',
        { class: 'row' },
        h('button', { type: 'button', id: 'platform-connect', class: 'button primary small', onclick: () => connect(p) }, t('platform.connect')),
        h(
          'button',
          {
            type: 'button',
            class: 'button quiet small',
            onclick: () => {
              offer.hidden = true;
            },
          },
          t('wallet.cancel'),
        ),
      ),
    );
    offer.setAttribute('aria-labelledby', 'platform-offer-title');
    offer.setAttribute('role', 'group');
    offer.hidden = false;
    /** @type {HTMLButtonElement} */ (offer.querySelector('#platform-connect')).focus();
  }

  function connect(p) {
    chrome.permissions.request({ origins: p.hosts.map(originOf) }).then(
      async (ok) => {
        if (!ok) {
          announce(t('platform.refused-host', { host: list(p.hosts) }));
          return;
        }
        announce(t('platform.signing-in', { name: p.name }));
        try {
          const { connection } = await call('platformConnect', { base: p.base });
          offer.hidden = true;
          url.value = '';
          await draw();
          announce(
            connection.profile?.name
              ? t('platform.connected-as', { name: connection.name, who: connection.profile.name })
              : t('platform.connected', { name: connection.name }),
          );
        } catch (err) {
          announce(err.message, true);
        }
      },
      (err) => announce(err.message, true),
    );
  }

  async function pull(c, all) {
    announce(t('platform.pulling', { name: c.name }));
    try {
      const r = await call('platformPull', { id: c.id, all });
      await deps.refresh();
      await draw();
      const said = t('platform.pulled', {
        name: c.name,
        added: number(r.added),
        replaced: number(r.replaced),
        same: number(r.same),
      });
      announce([said, ...(r.refused || []), r.error].filter(Boolean).join(' '), !!r.error);
    } catch (err) {
      await deps.refresh();
      await draw();
      announce(err.message, true);
    }
  }

  async function push(c) {
    const ids = deps.picked();
    if (!ids.length) {
      announce(t('platform.select-first'), true);
      return;
    }
    announce(t('platform.sending', { n: number(ids.length), name: c.name }));
    try {
      const r = await call('platformPush', { id: c.id, ids });
      const ok = r.results.filter((x) => x.outcome);
      const bad = r.results.filter((x) => x.error).map((x) => `${x.title}: ${x.error}`);
      announce(
        [
          t('platform.sent', {
            name: c.name,
            created: number(ok.filter((x) => x.outcome === 'created').length),
            replaced: number(ok.filter((x) => x.outcome === 'replaced').length),
          }),
          ...bad,
        ].join(' '),
        bad.length > 0,
      );
      await draw();
    } catch (err) {
      announce(err.message, true);
    }
  }

  async function revoke(c) {
    try {
      const r = await call('platformRevoke', { id: c.id });
      // The browser's permission for hosts nothing else uses goes too
      // (hosts the learner allowed for online checks stay).
      const { sites } = await call('list');
      const drop = r.hosts.filter((x) => !(sites || []).includes(x));
      if (drop.length) await chrome.permissions.remove({ origins: drop.map(originOf) }).catch(() => {});
      await draw();
      announce(t('platform.revoked', { name: c.name }));
    } catch (err) {
      announce(err.message, true);
    }
  }

  async function draw() {
    let connections = [];
    try {
      ({ connections } = await call('platformConnections'));
    } catch {
      return;
    }
    ul.replaceChildren(
      ...(connections.length
        ? connections.map((c) => {
            const scopes = list(c.scopes.map((s) => t(`platform.scope-${s}`)));
            const facts = [
              c.profile?.name && t('platform.as', { who: c.profile.name }),
              t('platform.may', { scopes }),
              c.lastSync ? t('platform.last-sync', { date: formatDate(c.lastSync, true) }) : t('platform.never-synced'),
              c.retryAt && t('platform.retry-at', { date: formatDate(c.retryAt, true) }),
              c.needsSignIn && t('platform.needs-sign-in'),
            ].filter(Boolean);
            const btn = (action, label) =>
              h(
                'button',
                {
                  type: 'button',
                  class: `button small ${action === 'pull' ? 'primary' : 'quiet'}`,
                  'data-action': action,
                  'aria-label': `${label} (${c.name})`,
                  onclick: () => ({ pull: () => pull(c, false), 'pull-all': () => pull(c, true), push: () => push(c), revoke: () => revoke(c) })[action](),
                },
                label,
              );
            return h(
              'li',
              { 'data-connection': c.id, 'data-host': c.host, class: 'connection' },
              h(
                'div',
                {},
                h('p', { class: 'strong' }, c.name, ' ', h('span', { class: 'hint', text: c.host })),
                h('p', { class: 'meta', text: facts.join(' · ') }),
              ),
              h(
                'div',
                { class: 'row' },
                btn('pull', t('platform.pull-new')),
                btn('pull-all', t('platform.pull-all')),
                btn('push', t('platform.push')),
                btn('revoke', t('platform.revoke')),
              ),
            );
          })
        : [h('li', { class: 'hint', text: t('platform.none') })]),
    );
  }

  const sec = h(
    'section',
    { class: 'options platforms', 'aria-labelledby': 'platforms-title' },
    h('h2', { id: 'platforms-title', text: t('platform.title') }),
    h('p', { class: 'explain', text: t('platform.explain') }),
    h(
      'form',
      {
        class: 'row',
        onsubmit: (e) => {
          e.preventDefault();
          lookup();
        },
      },
      h('label', { for: 'platform-url', class: 'visually-hidden', text: t('platform.address') }),
      url,
      h('button', { type: 'submit', id: 'platform-lookup', class: 'button small' }, t('platform.lookup')),
    ),
    offer,
    ul,
  );
  draw();
  return sec;
}
