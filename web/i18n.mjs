// @ts-check
// The page's and the widget's words in English, Spanish and French, and the
// core's message codes (report.Check code/params) in Spanish and French.
//
// web/i18n/messages.mjs lists every code the core can emit with its English
// template (generated from the Go source by a Go test), so English is drawn
// from the same words as the CLI's, with dates in the reader's format. Every
// check has a code (a message of several sentences: a code, then `more`); a
// code this version does not know shows the English `message`, marked
// lang="en" where the page is in another language so that a screen reader
// reads it as English. tests/browser/i18n.test.mjs checks that each code, in
// each of its variants, and each UI string, is here in every language.
//
// The language is module state, set before drawing (drawing is synchronous):
// the page sets it from its switch, each widget from its lang attribute.

import EN from './i18n/messages.mjs';

export const LANGS = { en: 'English', es: 'Español', fr: 'Français' };

let current = 'en';

export function setLang(l) {
  current = LANGS[l] ? l : 'en';
  return current;
}
export function lang() {
  return current;
}

// pickLang: the first of the reader's languages (navigator.languages, or a
// lang attribute such as "es-MX") that ClearBadge speaks, else English.
/** @param {string | readonly string[]} [prefs] */
export function pickLang(prefs = globalThis.navigator?.languages || []) {
  for (const p of [prefs].flat()) {
    const base = String(p || '')
      .toLowerCase()
      .split(/[-_]/)[0];
    if (LANGS[base]) return base;
  }
  return 'en';
}

// UI: every string the surfaces draw, by key: {en, es, fr}. {name} marks a
// parameter; a value may be {one, other} (and any other plural category of
// the language), chosen by params.n with Intl.PluralRules.
export const UI = {
  // verdicts and outcomes
  'verdict.verified': { en: 'Verified', es: 'Verificada', fr: 'Vérifiée' },
  'verdict.verified-notes': { en: 'Verified, with notes', es: 'Verificada, con notas', fr: 'Vérifiée, avec des remarques' },
  'verdict.incomplete': { en: 'Incomplete', es: 'Incompleta', fr: 'Incomplète' },
  'verdict.not-verified': { en: 'Not verified', es: 'No verificada', fr: 'Non vérifiée' },
  'verdict.error': { en: 'Could not be read', es: 'No se pudo leer', fr: 'Illisible' },
  'outcome.pass': { en: 'Passed', es: 'Correcto', fr: 'Réussi' },
  'outcome.fail': { en: 'Failed', es: 'Fallido', fr: 'Échec' },
  'outcome.warn': { en: 'Note', es: 'Nota', fr: 'Remarque' },
  'outcome.skip': { en: 'Not checked', es: 'Sin comprobar', fr: 'Non vérifié' },
  // check names
  'check.format': { en: 'File format', es: 'Formato del archivo', fr: 'Format du fichier' },
  'check.proof': { en: 'Signature', es: 'Firma', fr: 'Signature' },
  'check.issuer': { en: 'Issuer', es: 'Emisor', fr: 'Émetteur' },
  'check.validity': { en: 'Dates', es: 'Fechas', fr: 'Dates' },
  'check.status': { en: 'Revocation', es: 'Revocación', fr: 'Révocation' },
  'check.schema': { en: 'Structure', es: 'Estructura', fr: 'Structure' },
  'check.presentation': { en: 'Presentation', es: 'Presentación', fr: 'Présentation' },
  'check.recipient': { en: 'Recipient', es: 'Destinatario', fr: 'Destinataire' },
  'check.endorsements': { en: 'Endorsements', es: 'Avales', fr: 'Recommandations' },
  'check.refresh': { en: 'Refresh service', es: 'Servicio de actualización', fr: 'Service de mise à jour' },
  'check.credentials': { en: 'Credentials inside', es: 'Credenciales incluidas', fr: 'Attestations incluses' },
  'check.identity': { en: 'Issuer identity', es: 'Identidad del emisor', fr: 'Identité de l’émetteur' },
  // why a verdict
  'why.verified': {
    en: 'Signed by the issuer it names, within its dates, and no check failed.',
    es: 'Firmada por el emisor que indica, dentro de sus fechas, y ninguna comprobación falló.',
    fr: 'Signée par l’émetteur qu’elle nomme, dans ses dates de validité, et aucune vérification n’a échoué.',
  },
  'why.not-checked': { en: 'Not checked: {checks}.', es: 'Sin comprobar: {checks}.', fr: 'Non vérifié : {checks}.' },
  'why.not-checked-offline': { en: 'Not checked offline: {checks}.', es: 'Sin comprobar sin conexión: {checks}.', fr: 'Non vérifié hors ligne : {checks}.' },
  'why.incomplete': {
    en: 'Nothing failed, but it is not verified: {checks} could not be checked.',
    es: 'Nada falló, pero no está verificada: no se pudo comprobar {checks}.',
    fr: 'Rien n’a échoué, mais elle n’est pas vérifiée : {checks} n’a pas pu être vérifié.',
  },
  'why.incomplete-offline': {
    en: 'Nothing failed, but it is not verified: {checks} could not be checked offline.',
    es: 'Nada falló, pero no está verificada: no se pudo comprobar {checks} sin conexión.',
    fr: 'Rien n’a échoué, mais elle n’est pas vérifiée : {checks} n’a pas pu être vérifié hors ligne.',
  },
  'why.verified-hosted': {
    en: 'Published by the issuer it names, at an address the issuer uses, within its dates, and no check failed.',
    es: 'Publicada por el emisor que indica, en una dirección que el emisor usa, dentro de sus fechas, y ninguna comprobación falló.',
    fr: 'Publiée par l’émetteur qu’elle nomme, à une adresse que l’émetteur utilise, dans ses dates de validité, et aucune vérification n’a échoué.',
  },
  'why.ob2-nothing': {
    en: 'An Open Badges 2.0 {kind} describes, but awards nothing to anyone: there is nothing to verify.',
    es: 'Un {kind} de Open Badges 2.0 describe, pero no otorga nada a nadie: no hay nada que verificar.',
    fr: 'Un {kind} Open Badges 2.0 décrit, mais n’attribue rien à personne : il n’y a rien à vérifier.',
  },
  'ob2.signed': { en: 'Open Badges 2.0, signed by the issuer', es: 'Open Badges 2.0, firmada por el emisor', fr: 'Open Badges 2.0, signé par l’émetteur' },
  'ob2.hosted': {
    en: "Open Badges 2.0, hosted: genuine as long as the issuer's server still serves it",
    es: 'Open Badges 2.0, alojada: auténtica mientras el servidor del emisor la siga sirviendo',
    fr: 'Open Badges 2.0, hébergé : authentique tant que le serveur de l’émetteur le sert encore',
  },
  'ob2.hosted-at': {
    en: "Open Badges 2.0, hosted: genuine as long as the issuer's server ({host}) still serves it",
    es: 'Open Badges 2.0, alojada: auténtica mientras el servidor del emisor ({host}) la siga sirviendo',
    fr: 'Open Badges 2.0, hébergé : authentique tant que le serveur de l’émetteur ({host}) le sert encore',
  },
  'why.some-checks': { en: 'some checks', es: 'algunas comprobaciones', fr: 'certaines vérifications' },
  'why.no-signature': {
    en: 'No valid signature was found on this credential.',
    es: 'No se encontró ninguna firma válida en esta credencial.',
    fr: 'Aucune signature valide n’a été trouvée sur cette attestation.',
  },
  'why.unreadable': { en: 'The file could not be read.', es: 'No se pudo leer el archivo.', fr: 'Le fichier n’a pas pu être lu.' },
  // card
  'card.presentation-of': {
    en: { one: 'Presentation of {n} credential', other: 'Presentation of {n} credentials' },
    es: { one: 'Presentación de {n} credencial', other: 'Presentación de {n} credenciales' },
    fr: { one: 'Présentation de {n} attestation', other: 'Présentation de {n} attestations' },
  },
  'card.credential': { en: 'Credential', es: 'Credencial', fr: 'Attestation' },
  'card.badge-image': { en: 'Badge image', es: 'Imagen de la insignia', fr: 'Image du badge' },
  'card.badge-image-of': { en: 'Badge image: {name}', es: 'Imagen de la insignia: {name}', fr: 'Image du badge : {name}' },
  'card.image-not-loaded': {
    en: 'Image hosted at {host}; not loaded, to keep this check private.',
    es: 'Imagen alojada en {host}; no se carga, para que esta comprobación sea privada.',
    fr: 'Image hébergée sur {host} ; non chargée, pour que cette vérification reste privée.',
  },
  'card.another-site': { en: 'another site', es: 'otro sitio', fr: 'un autre site' },
  'card.unconfirmed': {
    en: 'What this file claims. None of it is confirmed.',
    es: 'Lo que afirma este archivo. Nada de ello está confirmado.',
    fr: 'Ce que ce fichier affirme. Rien n’en est confirmé.',
  },
  'card.what-was-checked': { en: 'What was checked', es: 'Qué se comprobó', fr: 'Ce qui a été vérifié' },
  'card.what-was-checked-n': { en: 'What was checked ({n})', es: 'Qué se comprobó ({n})', fr: 'Ce qui a été vérifié ({n})' },
  'card.timed-out': {
    en: 'The check was stopped after {seconds} seconds: this credential takes too long to verify, so it was not verified. Credentials built to slow verifiers down do this.',
    es: 'La comprobación se detuvo tras {seconds} segundos: esta credencial tarda demasiado en verificarse, así que no se verificó. Es lo que hacen las credenciales creadas para ralentizar a los verificadores.',
    fr: 'La vérification a été arrêtée au bout de {seconds} secondes : cette attestation est trop longue à vérifier, elle n’a donc pas été vérifiée. C’est ce que font les attestations conçues pour ralentir les vérificateurs.',
  },
  'card.technical-detail': { en: 'Technical detail', es: 'Detalle técnico', fr: 'Détail technique' },
  'card.for': { en: ' for {name}', es: ' de {name}', fr: ' de {name}' },
  'card.credentials-inside': { en: 'Credentials inside ({n})', es: 'Credenciales incluidas ({n})', fr: 'Attestations incluses ({n})' },
  'card.issued-by-short': { en: 'Issued by {name}', es: 'Emitida por {name}', fr: 'Émise par {name}' },
  // facts
  'fact.presented-by': { en: 'Presented by', es: 'Presentada por', fr: 'Présentée par' },
  'fact.issued-by': { en: 'Issued by', es: 'Emitida por', fr: 'Émise par' },
  'fact.issued-to': { en: 'Issued to', es: 'Otorgada a', fr: 'Délivrée à' },
  'fact.achievement': { en: 'Achievement', es: 'Logro', fr: 'Réussite' },
  'fact.kind': { en: 'Kind of achievement', es: 'Tipo de logro', fr: 'Type de réussite' },
  'fact.about': { en: 'About the achievement', es: 'Sobre el logro', fr: 'À propos de la réussite' },
  'fact.criteria': { en: 'Criteria', es: 'Criterios', fr: 'Critères' },
  'fact.valid-from': { en: 'Valid from', es: 'Válida desde', fr: 'Valide à partir du' },
  'fact.valid-until': { en: 'Valid until', es: 'Válida hasta', fr: 'Valide jusqu’au' },
  'fact.refresh': { en: 'Refresh service', es: 'Servicio de actualización', fr: 'Service de mise à jour' },
  // identity line
  'identity.listed-by': { en: '{name} is listed by {registry}', es: '{name} figura en {registry}', fr: '{name} est répertorié par {registry}' },
  'identity.own-claim': {
    en: '‘{name}’ is this credential’s own claim;',
    es: '«{name}» es lo que afirma esta credencial;',
    fr: '« {name} » est ce qu’affirme cette attestation ;',
  },
  'identity.no-registry-checked': { en: 'no registry was checked.', es: 'no se consultó ningún registro.', fr: 'aucun registre n’a été consulté.' },
  'identity.unlisted': {
    en: 'no registry you use lists this issuer.',
    es: 'ningún registro que usted usa incluye a este emisor.',
    fr: 'aucun registre que vous utilisez ne répertorie cet émetteur.',
  },
  'identity.key-published-by': { en: 'Its key is published by {domain}.', es: 'Su clave la publica {domain}.', fr: 'Sa clé est publiée par {domain}.' },
  // what is missing
  'missing.title': { en: 'What is missing', es: 'Qué falta', fr: 'Ce qui manque' },
  'missing.online-host': {
    en: 'An online check would complete this; it contacts {host}.',
    es: 'Una comprobación en línea lo completaría; contacta con {host}.',
    fr: 'Une vérification en ligne compléterait ceci ; elle contacte {host}.',
  },
  'missing.online': {
    en: 'An online check would complete this.',
    es: 'Una comprobación en línea lo completaría.',
    fr: 'Une vérification en ligne compléterait ceci.',
  },
  'missing.document-url': {
    en: 'Supplying {url} (as a file) would complete this.',
    es: 'Aportar {url} (como archivo) lo completaría.',
    fr: 'Fournir {url} (sous forme de fichier) compléterait ceci.',
  },
  'missing.document': {
    en: 'Supplying the document it names would complete this.',
    es: 'Aportar el documento que indica lo completaría.',
    fr: 'Fournir le document qu’elle nomme compléterait ceci.',
  },
  'missing.nothing': {
    en: 'Nothing ClearBadge could fetch or be given would complete this check.',
    es: 'Nada que ClearBadge pueda obtener o recibir completaría esta comprobación.',
    fr: 'Rien de ce que ClearBadge pourrait obtenir ou recevoir ne compléterait cette vérification.',
  },
  'action.check-status-online': { en: 'Check revocation online', es: 'Comprobar la revocación en línea', fr: 'Vérifier la révocation en ligne' },
  'action.check-issuer-online': { en: 'Check the issuer online', es: 'Comprobar el emisor en línea', fr: 'Vérifier l’émetteur en ligne' },
  'action.check-online': { en: 'Check {check} online', es: 'Comprobar {check} en línea', fr: 'Vérifier {check} en ligne' },
  // the widget
  'widget.checking': { en: 'Checking this badge…', es: 'Comprobando esta insignia…', fr: 'Vérification de ce badge…' },
  'widget.digital-badge': { en: 'Digital badge', es: 'Insignia digital', fr: 'Badge numérique' },
  'widget.checked-by': {
    en: 'Checked in your browser by ClearBadge',
    es: 'Comprobada en su navegador por ClearBadge',
    fr: 'Vérifié dans votre navigateur par ClearBadge',
  },
  'widget.badge': { en: 'Badge', es: 'Insignia', fr: 'Badge' },
  'widget.unconfirmed': { en: 'Unconfirmed claims', es: 'Afirmaciones sin confirmar', fr: 'Affirmations non confirmées' },
  'widget.issued-by': { en: 'Issued by {name}', es: 'Emitida por {name}', fr: 'Émis par {name}' },
  'widget.issued-to': { en: 'Issued to {name}', es: 'Otorgada a {name}', fr: 'Délivré à {name}' },
  'widget.presented-by': { en: 'Presented by {name}', es: 'Presentada por {name}', fr: 'Présenté par {name}' },
  'widget.checks': { en: 'Checks', es: 'Comprobaciones', fr: 'Vérifications' },
  'widget.checks-for': { en: ' ({n}) for {title}', es: ' ({n}) de {title}', fr: ' ({n}) de {title}' },
  'widget.complete': {
    en: 'Complete the check on the ClearBadge verifier',
    es: 'Completar la comprobación en el verificador ClearBadge',
    fr: 'Compléter la vérification sur le vérificateur ClearBadge',
  },
  'widget.foot': {
    en: 'Checked offline in this browser by ClearBadge. Nothing was sent anywhere.',
    es: 'Comprobada sin conexión en este navegador por ClearBadge. No se envió nada a ningún sitio.',
    fr: 'Vérifié hors ligne dans ce navigateur par ClearBadge. Rien n’a été envoyé nulle part.',
  },
  'widget.foot-online': {
    en: 'Checked online in this browser by ClearBadge at {date}, contacting only {hosts}. The badge itself was not sent.',
    es: 'Comprobada en línea en este navegador por ClearBadge el {date}, contactando solo con {hosts}. La insignia no se envió.',
    fr: 'Vérifié en ligne dans ce navigateur par ClearBadge le {date}, en ne contactant que {hosts}. Le badge lui-même n’a pas été envoyé.',
  },
  'widget.no-credential': {
    en: 'No credential given: set src, or put the credential inside the element.',
    es: 'No se indicó ninguna credencial: defina src o ponga la credencial dentro del elemento.',
    fr: 'Aucune attestation fournie : indiquez src, ou placez l’attestation dans l’élément.',
  },
  'widget.unreachable': {
    en: '{source} could not be fetched (blocked or unreachable).',
    es: 'No se pudo obtener {source} (bloqueado o inaccesible).',
    fr: '{source} n’a pas pu être récupéré (bloqué ou injoignable).',
  },
  'widget.http': {
    en: '{source} could not be fetched (HTTP {status}).',
    es: 'No se pudo obtener {source} (HTTP {status}).',
    fr: '{source} n’a pas pu être récupéré (HTTP {status}).',
  },
  'widget.too-large': { en: '{source} is too large.', es: '{source} es demasiado grande.', fr: '{source} est trop volumineux.' },
  'widget.inline': { en: 'inline credential', es: 'credencial incluida', fr: 'attestation intégrée' },
  // the verifier page (index.html: data-i18n; *words* are drawn in bold)
  'page.title': {
    en: 'ClearBadge: verify a digital badge, privately',
    es: 'ClearBadge: verifique una insignia digital, en privado',
    fr: 'ClearBadge : vérifiez un badge numérique, en toute confidentialité',
  },
  'page.skip': { en: 'Skip to content', es: 'Saltar al contenido', fr: 'Aller au contenu' },
  'page.language': { en: 'Language', es: 'Idioma', fr: 'Langue' },
  'page.h1': { en: 'Check a digital badge', es: 'Compruebe una insignia digital', fr: 'Vérifier un badge numérique' },
  'page.lede': {
    en: 'See who issued a badge, to whom, and whether it is genuine and unchanged. The check runs in this browser: your file is not uploaded anywhere.',
    es: 'Vea quién emitió una insignia, a quién, y si es auténtica y no ha sido modificada. La comprobación se hace en este navegador: su archivo no se sube a ningún sitio.',
    fr: 'Voyez qui a émis un badge, à qui, et s’il est authentique et intact. La vérification se fait dans ce navigateur : votre fichier n’est envoyé nulle part.',
  },
  'page.drop': { en: 'Drop badge files here', es: 'Suelte aquí los archivos de insignias', fr: 'Déposez les fichiers de badges ici' },
  'page.or': { en: 'or', es: 'o', fr: 'ou' },
  'page.choose': { en: 'Choose files', es: 'Elegir archivos', fr: 'Choisir des fichiers' },
  'page.file-hint': {
    en: 'A credential file (JSON), JWT text, or a badge image (PNG or SVG) with the credential inside (Open Badges 3.0, CLR 2.0 or Open Badges 2.0). You can pick several at once.',
    es: 'Un archivo de credencial (JSON), un texto JWT o una imagen de insignia (PNG o SVG) con la credencial dentro (Open Badges 3.0, CLR 2.0 u Open Badges 2.0). Puede elegir varios a la vez.',
    fr: 'Un fichier d’attestation (JSON), un texte JWT, ou une image de badge (PNG ou SVG) contenant l’attestation (Open Badges 3.0, CLR 2.0 ou Open Badges 2.0). Vous pouvez en choisir plusieurs à la fois.',
  },
  'page.paste-label': {
    en: 'Or paste a credential (JSON or JWT), or the web address of an Open Badges 2.0 badge',
    es: 'O pegue una credencial (JSON o JWT), o la dirección web de una insignia Open Badges 2.0',
    fr: 'Ou collez une attestation (JSON ou JWT), ou l’adresse web d’un badge Open Badges 2.0',
  },
  'wallet.paste-label': { en: 'Or paste a credential (JSON or JWT)', es: 'O pegue una credencial (JSON o JWT)', fr: 'Ou collez une attestation (JSON ou JWT)' },
  'page.paste-go': { en: 'Verify pasted text', es: 'Verificar el texto pegado', fr: 'Vérifier le texte collé' },
  'page.online': { en: 'Online checks', es: 'Comprobaciones en línea', fr: 'Vérifications en ligne' },
  'page.on': { en: 'On', es: 'Activadas', fr: 'Activées' },
  'page.off': { en: 'Off', es: 'Desactivadas', fr: 'Désactivées' },
  'page.pill-offline': {
    en: 'Offline: nothing leaves this device',
    es: 'Sin conexión: nada sale de este dispositivo',
    fr: 'Hors ligne : rien ne quitte cet appareil',
  },
  'page.pill-online': {
    en: 'Online checks on: public documents may be fetched',
    es: 'Comprobaciones en línea activadas: pueden obtenerse documentos públicos',
    fr: 'Vérifications en ligne activées : des documents publics peuvent être récupérés',
  },
  'page.offline-explain': {
    en: "Offline, the badge is checked with what it carries: its signature, the issuer's key when it is embedded (did:key), its dates and its structure. Nothing is sent anywhere, so a revocation list the badge points to, or a key the issuer publishes on the web, is not checked: such a badge is shown as *Incomplete*, with a button that checks just that online, naming the one site it contacts.",
    es: 'Sin conexión, la insignia se comprueba con lo que lleva consigo: su firma, la clave del emisor cuando va incluida (did:key), sus fechas y su estructura. No se envía nada, así que no se comprueba una lista de revocación a la que apunte la insignia ni una clave que el emisor publique en la web: esa insignia se muestra como *Incompleta*, con un botón que comprueba solo eso en línea, indicando el único sitio al que se conecta.',
    fr: 'Hors ligne, le badge est vérifié avec ce qu’il contient : sa signature, la clé de l’émetteur quand elle y est intégrée (did:key), ses dates et sa structure. Rien n’est envoyé, donc une liste de révocation désignée par le badge, ou une clé que l’émetteur publie sur le web, n’est pas vérifiée : un tel badge apparaît comme *Incomplète*, avec un bouton qui vérifie seulement cela en ligne, en nommant le seul site contacté.',
  },
  'page.online-1': {
    en: 'With online checks on, this browser also fetches the *public documents the badge names*:',
    es: 'Con las comprobaciones en línea activadas, este navegador también obtiene los *documentos públicos que indica la insignia*:',
    fr: 'Avec les vérifications en ligne, ce navigateur récupère aussi les *documents publics que le badge désigne* :',
  },
  'page.online-2': {
    en: "where the issuer publishes its signing key: a did:web document, the issuer's profile or key page, or its key set (JWKS),",
    es: 'donde el emisor publica su clave de firma: un documento did:web, la página de perfil o de claves del emisor, o su conjunto de claves (JWKS),',
    fr: 'l’endroit où l’émetteur publie sa clé de signature : un document did:web, la page de profil ou de clés de l’émetteur, ou son jeu de clés (JWKS),',
  },
  'page.online-3': {
    en: 'the revocation list the badge points to,',
    es: 'la lista de revocación a la que apunta la insignia,',
    fr: 'la liste de révocation que le badge désigne,',
  },
  'page.online-4': { en: 'the JSON Schema the badge declares,', es: 'el esquema JSON que declara la insignia,', fr: 'le schéma JSON que le badge déclare,' },
  'page.online-5': {
    en: 'The badge itself is never sent. The sites contacted can see your IP address and that a document was fetched. Sites that do not allow requests from other web pages (CORS) cannot be reached; those checks are then marked “not checked”.',
    es: 'La insignia nunca se envía. Los sitios contactados pueden ver su dirección IP y que se obtuvo un documento. Los sitios que no admiten solicitudes de otras páginas web (CORS) no se pueden alcanzar; esas comprobaciones se marcan entonces como «sin comprobar».',
    fr: 'Le badge lui-même n’est jamais envoyé. Les sites contactés peuvent voir votre adresse IP et qu’un document a été récupéré. Les sites qui refusent les requêtes d’autres pages web (CORS) ne peuvent pas être joints ; ces vérifications sont alors marquées « non vérifié ».',
  },
  'page.online-6': {
    en: 'Addresses on your own network (such as 127.0.0.1, 10.x or 192.168.x) are refused, so a badge cannot make this browser probe it.',
    es: 'Se rechazan las direcciones de su propia red (como 127.0.0.1, 10.x o 192.168.x), para que una insignia no pueda hacer que este navegador la explore.',
    fr: 'Les adresses de votre propre réseau (comme 127.0.0.1, 10.x ou 192.168.x) sont refusées, pour qu’un badge ne puisse pas faire sonder ce réseau par ce navigateur.',
  },
  'page.private-network': {
    en: 'Allow addresses on this network (for an issuer on your intranet)',
    es: 'Permitir direcciones de esta red (para un emisor de su intranet)',
    fr: 'Autoriser les adresses de ce réseau (pour un émetteur de votre intranet)',
  },
  'page.more-options': { en: 'More options', es: 'Más opciones', fr: 'Plus d’options' },
  'page.at': {
    en: 'Check as of a date and time (your local time)',
    es: 'Comprobar en una fecha y hora (su hora local)',
    fr: 'Vérifier à une date et une heure (heure locale)',
  },
  'page.at-hint': {
    en: 'Leave empty to check as of now.',
    es: 'Déjelo vacío para comprobar con la hora actual.',
    fr: 'Laissez vide pour vérifier à l’instant présent.',
  },
  'page.challenge': {
    en: 'Expected challenge (for a presentation)',
    es: 'Desafío esperado (para una presentación)',
    fr: 'Défi attendu (pour une présentation)',
  },
  'page.domain': { en: 'Expected domain (for a presentation)', es: 'Dominio esperado (para una presentación)', fr: 'Domaine attendu (pour une présentation)' },
  'page.vp-hint': {
    en: "If you asked someone to present their badges with a challenge or for a domain, enter it here: their presentation's proof must carry the same value.",
    es: 'Si pidió a alguien que presentara sus insignias con un desafío o para un dominio, escríbalo aquí: la prueba de su presentación debe llevar el mismo valor.',
    fr: 'Si vous avez demandé à quelqu’un de présenter ses badges avec un défi ou pour un domaine, saisissez-le ici : la preuve de sa présentation doit porter la même valeur.',
  },
  'page.strict': {
    en: 'Strict (for issuers testing their output)',
    es: 'Estricto (para emisores que prueban lo que emiten)',
    fr: 'Strict (pour les émetteurs qui testent leurs badges)',
  },
  'page.strict-hint': {
    en: 'A credential that breaks a rule of the Open Badges 3.0 or CLR 2.0 data model is normally verified with a note, when the rule does not touch its authenticity. Strict makes each such slip a failure.',
    es: 'Una credencial que incumple una regla del modelo de datos de Open Badges 3.0 o CLR 2.0 se verifica normalmente con una nota, cuando la regla no afecta a su autenticidad. El modo estricto convierte cada uno de esos fallos en un error.',
    fr: 'Une attestation qui enfreint une règle du modèle de données Open Badges 3.0 ou CLR 2.0 est normalement vérifiée avec une remarque, quand la règle ne touche pas à son authenticité. Le mode strict fait de chaque écart un échec.',
  },
  'page.samples': {
    en: 'No badge at hand? Try a sample:',
    es: '¿No tiene una insignia a mano? Pruebe un ejemplo:',
    fr: 'Pas de badge sous la main ? Essayez un exemple :',
  },
  'page.sample': { en: 'Load sample', es: 'Cargar ejemplo', fr: 'Charger l’exemple' },
  'page.sample-tampered': { en: 'Tampered sample', es: 'Ejemplo alterado', fr: 'Exemple falsifié' },
  'page.sample-expired': { en: 'Expired sample', es: 'Ejemplo caducado', fr: 'Exemple expiré' },
  'page.results': { en: 'Results', es: 'Resultados', fr: 'Résultats' },
  'page.print': { en: 'Print or save', es: 'Imprimir o guardar', fr: 'Imprimer ou enregistrer' },
  'page.clear': { en: 'Clear all', es: 'Borrar todo', fr: 'Tout effacer' },
  'page.how': { en: 'How this works', es: 'Cómo funciona', fr: 'Comment ça marche' },
  'page.how-private': { en: 'Private', es: 'Privado', fr: 'Confidentiel' },
  'page.how-private-text': {
    en: 'The verifier runs as WebAssembly inside this page. Files are read from your device and never uploaded.',
    es: 'El verificador funciona como WebAssembly dentro de esta página. Los archivos se leen de su dispositivo y nunca se suben.',
    fr: 'Le vérificateur s’exécute en WebAssembly dans cette page. Les fichiers sont lus sur votre appareil et jamais envoyés.',
  },
  'page.how-standard': { en: 'Standard', es: 'Estándar', fr: 'Standard' },
  'page.how-standard-text': {
    en: 'Open Badges 3.0 and CLR 2.0 credentials: Data Integrity proofs (eddsa-rdfc-2022 and others) and VC-JWT.',
    es: 'Credenciales Open Badges 3.0 y CLR 2.0: pruebas Data Integrity (eddsa-rdfc-2022 y otras) y VC-JWT.',
    fr: 'Attestations Open Badges 3.0 et CLR 2.0 : preuves Data Integrity (eddsa-rdfc-2022 et autres) et VC-JWT.',
  },
  'page.how-plain': { en: 'Plain answers', es: 'Respuestas claras', fr: 'Des réponses claires' },
  'page.how-plain-text': {
    en: 'Each check is explained in plain words; open “Technical detail” for the exact reason.',
    es: 'Cada comprobación se explica con palabras sencillas; abra «Detalle técnico» para ver el motivo exacto.',
    fr: 'Chaque vérification est expliquée simplement ; ouvrez « Détail technique » pour la raison exacte.',
  },
  'page.footer': {
    en: 'open source · verification runs entirely in your browser',
    es: 'código abierto · la verificación se hace por completo en su navegador',
    fr: 'open source · la vérification se fait entièrement dans votre navigateur',
  },
  // the page's messages (app.mjs)
  'app.not-start': {
    en: 'The verifier could not start: {error}',
    es: 'El verificador no pudo iniciarse: {error}',
    fr: 'Le vérificateur n’a pas pu démarrer : {error}',
  },
  'app.checking': { en: 'Checking {source}…', es: 'Comprobando {source}…', fr: 'Vérification de {source}…' },
  'app.checking-again': { en: 'Checking {source} again…', es: 'Comprobando de nuevo {source}…', fr: 'Nouvelle vérification de {source}…' },
  'app.checking-n': { en: 'Checking {n} files…', es: 'Comprobando {n} archivos…', fr: 'Vérification de {n} fichiers…' },
  'app.the-credential': { en: 'the credential', es: 'la credencial', fr: 'l’attestation' },
  'app.credential': { en: 'credential', es: 'credencial', fr: 'attestation' },
  'app.one-result': { en: '{source}: {verdict}.', es: '{source}: {verdict}.', fr: '{source} : {verdict}.' },
  'app.n-results': { en: '{n} files checked: {counts}.', es: '{n} archivos comprobados: {counts}.', fr: '{n} fichiers vérifiés : {counts}.' },
  'app.count': { en: '{n} {verdict}', es: '{n} {verdict}', fr: '{n} {verdict}' },
  'app.too-large': {
    en: 'The file is too large ({size} bytes); ClearBadge reads files up to {max} bytes.',
    es: 'El archivo es demasiado grande ({size} bytes); ClearBadge lee archivos de hasta {max} bytes.',
    fr: 'Le fichier est trop volumineux ({size} octets) ; ClearBadge lit les fichiers jusqu’à {max} octets.',
  },
  'app.file-too-large': { en: '{name} is too large.', es: '{name} es demasiado grande.', fr: '{name} est trop volumineux.' },
  'app.meta-file': { en: 'File: {name}', es: 'Archivo: {name}', fr: 'Fichier : {name}' },
  'app.meta-format': { en: 'Format: {format}', es: 'Formato: {format}', fr: 'Format : {format}' },
  'app.meta-type': { en: 'Type: {kind}', es: 'Tipo: {kind}', fr: 'Type : {kind}' },
  'app.meta-checked': { en: 'Checked {date} {mode}', es: 'Comprobada el {date} {mode}', fr: 'Vérifiée le {date} {mode}' },
  'app.mode-offline': { en: 'offline', es: 'sin conexión', fr: 'hors ligne' },
  'app.mode-online': { en: 'with online checks', es: 'con comprobaciones en línea', fr: 'avec vérifications en ligne' },
  'app.mode-hosts': { en: 'online, contacting only {hosts}', es: 'en línea, contactando solo con {hosts}', fr: 'en ligne, en ne contactant que {hosts}' },
  'app.fetched-from': { en: 'documents fetched from {hosts}', es: 'documentos obtenidos de {hosts}', fr: 'documents récupérés depuis {hosts}' },
  'app.meta-strict': { en: 'strict', es: 'estricto', fr: 'strict' },
  'app.meta-at': { en: 'as of {date}', es: 'a fecha de {date}', fr: 'à la date du {date}' },
  'app.meta-documents': {
    en: { one: 'with {n} document added', other: 'with {n} documents added' },
    es: { one: 'con {n} documento añadido', other: 'con {n} documentos añadidos' },
    fr: { one: 'avec {n} document ajouté', other: 'avec {n} documents ajoutés' },
  },
  'app.check-again': { en: 'Check again', es: 'Comprobar de nuevo', fr: 'Vérifier à nouveau' },
  'app.check-again-label': {
    en: 'Check again: {title}, with the current options',
    es: 'Comprobar de nuevo: {title}, con las opciones actuales',
    fr: 'Vérifier à nouveau : {title}, avec les options actuelles',
  },
  'app.remove': { en: 'Remove', es: 'Quitar', fr: 'Retirer' },
  'app.remove-label': { en: 'Remove the result for {title}', es: 'Quitar el resultado de {title}', fr: 'Retirer le résultat de {title}' },
  'app.removed': { en: 'Removed {title}.', es: 'Se quitó {title}.', fr: '{title} retiré.' },
  'app.contacts-only': { en: ' (contacts {host} only)', es: ' (solo contacta con {host})', fr: ' (contacte {host} uniquement)' },
  'app.use-cli': {
    en: 'Use the command-line verifier (clearbadge verify --with URL=FILE) or the wallet.',
    es: 'Use el verificador de línea de órdenes (clearbadge verify --with URL=ARCHIVO) o la cartera.',
    fr: 'Utilisez le vérificateur en ligne de commande (clearbadge verify --with URL=FICHIER) ou le portefeuille.',
  },
  'app.could-not-get': {
    en: 'This browser could not get it from {host}. You can add the document instead.',
    es: 'Este navegador no pudo obtenerlo de {host}. Puede añadir el documento en su lugar.',
    fr: 'Ce navigateur n’a pas pu l’obtenir de {host}. Vous pouvez ajouter le document à la place.',
  },
  'app.refused': {
    en: '{host} does not let web pages read its {doc} (or could not be reached from this browser). Add it as a file, or verify with the ClearBadge wallet extension or the command line (clearbadge verify), which are not web pages.',
    es: '{host} no permite que las páginas web lean su {doc} (o no se pudo alcanzar desde este navegador). Añádalo como archivo, o verifique con la extensión de cartera ClearBadge o la línea de órdenes (clearbadge verify), que no son páginas web.',
    fr: '{host} ne laisse pas les pages web lire son {doc} (ou n’a pas pu être joint depuis ce navigateur). Ajoutez-le comme fichier, ou vérifiez avec l’extension portefeuille ClearBadge ou la ligne de commande (clearbadge verify), qui ne sont pas des pages web.',
  },
  'doc.key': { en: 'key document', es: 'documento de claves', fr: 'document de clés' },
  'doc.status-list': { en: 'revocation list', es: 'lista de revocación', fr: 'liste de révocation' },
  'doc.registry': { en: 'issuer registry', es: 'registro de emisores', fr: 'registre d’émetteurs' },
  'doc.document': { en: 'document', es: 'documento', fr: 'document' },
  'app.add-as-file': { en: 'Add {url} as a file', es: 'Añadir {url} como archivo', fr: 'Ajouter {url} comme fichier' },
  'app.paste-first': {
    en: 'Paste a credential first: JSON, or a JWT.',
    es: 'Pegue primero una credencial: JSON o un JWT.',
    fr: 'Collez d’abord une attestation : JSON, ou un JWT.',
  },
  'app.pasted-text': { en: 'pasted text', es: 'texto pegado', fr: 'texte collé' },
  'app.sample-failed': {
    en: 'The sample could not be loaded ({error}).',
    es: 'No se pudo cargar el ejemplo ({error}).',
    fr: 'L’exemple n’a pas pu être chargé ({error}).',
  },
  'app.online-on': {
    en: 'Online checks are on. Public documents named by a badge may now be fetched.',
    es: 'Las comprobaciones en línea están activadas. Ahora pueden obtenerse los documentos públicos que indique una insignia.',
    fr: 'Les vérifications en ligne sont activées. Les documents publics désignés par un badge peuvent désormais être récupérés.',
  },
  'app.online-off': {
    en: 'Online checks are off. Nothing leaves this device.',
    es: 'Las comprobaciones en línea están desactivadas. Nada sale de este dispositivo.',
    fr: 'Les vérifications en ligne sont désactivées. Rien ne quitte cet appareil.',
  },
  'app.cleared': { en: 'Results cleared.', es: 'Resultados borrados.', fr: 'Résultats effacés.' },
  'app.printed': {
    en: 'ClearBadge verification report, printed {date}.',
    es: 'Informe de verificación de ClearBadge, impreso el {date}.',
    fr: 'Rapport de vérification ClearBadge, imprimé le {date}.',
  },
  'app.lang-changed': { en: 'Language: English.', es: 'Idioma: español.', fr: 'Langue : français.' },
  // the wallet (extension/wallet.mjs, wallet.html)
  'wallet.title': { en: 'ClearBadge Wallet', es: 'Cartera ClearBadge', fr: 'Portefeuille ClearBadge' },
  'wallet.encrypted': { en: 'Encrypted on this device', es: 'Cifrada en este dispositivo', fr: 'Chiffré sur cet appareil' },
  'wallet.lock': { en: 'Lock', es: 'Bloquear', fr: 'Verrouiller' },
  'wallet.opening': { en: 'Opening the wallet…', es: 'Abriendo la cartera…', fr: 'Ouverture du portefeuille…' },
  'wallet.no-answer': { en: 'The wallet did not answer.', es: 'La cartera no respondió.', fr: 'Le portefeuille n’a pas répondu.' },
  'wallet.not-start': {
    en: 'The wallet could not start: {error}',
    es: 'La cartera no pudo iniciarse: {error}',
    fr: 'Le portefeuille n’a pas pu démarrer : {error}',
  },
  'wallet.was-locked': { en: 'The wallet was locked.', es: 'La cartera se bloqueó.', fr: 'Le portefeuille a été verrouillé.' },
  'wallet.locked': {
    en: 'Locked. Your credentials are encrypted.',
    es: 'Bloqueada. Sus credenciales están cifradas.',
    fr: 'Verrouillé. Vos attestations sont chiffrées.',
  },
  'wallet.create': { en: 'Create wallet', es: 'Crear la cartera', fr: 'Créer le portefeuille' },
  'wallet.unlock': { en: 'Unlock', es: 'Desbloquear', fr: 'Déverrouiller' },
  'wallet.create-title': { en: 'Create your wallet', es: 'Cree su cartera', fr: 'Créez votre portefeuille' },
  'wallet.unlock-title': { en: 'Unlock your wallet', es: 'Desbloquee su cartera', fr: 'Déverrouillez votre portefeuille' },
  'wallet.create-hint': {
    en: 'Choose a passphrase (8 characters or more). It encrypts your credentials on this device. Nobody can recover it for you, so keep a backup once you have added credentials.',
    es: 'Elija una frase de contraseña (8 caracteres o más). Cifra sus credenciales en este dispositivo. Nadie puede recuperarla por usted, así que guarde una copia de seguridad cuando haya añadido credenciales.',
    fr: 'Choisissez une phrase secrète (8 caractères ou plus). Elle chiffre vos attestations sur cet appareil. Personne ne peut la retrouver pour vous : faites une sauvegarde une fois vos attestations ajoutées.',
  },
  'wallet.unlock-hint': {
    en: 'Your credentials are stored encrypted on this device. Enter your passphrase to open them.',
    es: 'Sus credenciales se guardan cifradas en este dispositivo. Escriba su frase de contraseña para abrirlas.',
    fr: 'Vos attestations sont stockées chiffrées sur cet appareil. Saisissez votre phrase secrète pour les ouvrir.',
  },
  'wallet.new-passphrase': { en: 'New passphrase', es: 'Nueva frase de contraseña', fr: 'Nouvelle phrase secrète' },
  'wallet.passphrase': { en: 'Passphrase', es: 'Frase de contraseña', fr: 'Phrase secrète' },
  'wallet.damaged': {
    en: '{error} Nothing was changed. You can restore a backup below.',
    es: '{error} No se cambió nada. Puede restaurar una copia de seguridad abajo.',
    fr: '{error} Rien n’a été modifié. Vous pouvez restaurer une sauvegarde ci-dessous.',
  },
  'wallet.creating': { en: 'Creating your wallet…', es: 'Creando su cartera…', fr: 'Création de votre portefeuille…' },
  'wallet.unlocking': { en: 'Unlocking…', es: 'Desbloqueando…', fr: 'Déverrouillage…' },
  'wallet.ready': {
    en: 'Your wallet is ready. Add your first credential.',
    es: 'Su cartera está lista. Añada su primera credencial.',
    fr: 'Votre portefeuille est prêt. Ajoutez votre première attestation.',
  },
  'wallet.unlocked': { en: 'Unlocked.', es: 'Desbloqueada.', fr: 'Déverrouillé.' },
  'wallet.restore-damaged': {
    en: 'Restore a backup in place of the damaged wallet',
    es: 'Restaurar una copia de seguridad en lugar de la cartera dañada',
    fr: 'Restaurer une sauvegarde à la place du portefeuille endommagé',
  },
  'wallet.restore-instead': { en: 'Restore a backup instead', es: 'Restaurar una copia de seguridad', fr: 'Restaurer plutôt une sauvegarde' },
  'wallet.restore': { en: 'Restore', es: 'Restaurar', fr: 'Restaurer' },
  'wallet.choose-backup': {
    en: 'Choose the backup file first.',
    es: 'Elija primero el archivo de copia de seguridad.',
    fr: 'Choisissez d’abord le fichier de sauvegarde.',
  },
  'wallet.restored-backup': { en: 'The backup was restored.', es: 'Se restauró la copia de seguridad.', fr: 'La sauvegarde a été restaurée.' },
  'wallet.backup-file': { en: 'Backup file', es: 'Archivo de copia de seguridad', fr: 'Fichier de sauvegarde' },
  'wallet.backup-passphrase': { en: 'Passphrase of the backup', es: 'Frase de contraseña de la copia', fr: 'Phrase secrète de la sauvegarde' },
  'wallet.your-credentials': { en: 'Your credentials', es: 'Sus credenciales', fr: 'Vos attestations' },
  'wallet.reverify-all': { en: 'Re-verify all', es: 'Volver a verificar todo', fr: 'Tout revérifier' },
  'wallet.search': { en: 'Search credentials', es: 'Buscar credenciales', fr: 'Rechercher des attestations' },
  'wallet.search-placeholder': {
    en: 'Search by name, issuer or file',
    es: 'Buscar por nombre, emisor o archivo',
    fr: 'Rechercher par nom, émetteur ou fichier',
  },
  'wallet.show': { en: 'Show', es: 'Mostrar', fr: 'Afficher' },
  'wallet.all': { en: 'All', es: 'Todas', fr: 'Toutes' },
  'wallet.open-full': { en: 'Open the full wallet page', es: 'Abrir la página completa de la cartera', fr: 'Ouvrir la page complète du portefeuille' },
  'wallet.add-title': { en: 'Add credentials', es: 'Añadir credenciales', fr: 'Ajouter des attestations' },
  'wallet.file-hint': {
    en: 'Credential files (JSON or JWT), badge images (PNG or SVG) with the credential inside, or a wallet backup.',
    es: 'Archivos de credenciales (JSON o JWT), imágenes de insignias (PNG o SVG) con la credencial dentro, o una copia de seguridad de la cartera.',
    fr: 'Fichiers d’attestations (JSON ou JWT), images de badges (PNG ou SVG) contenant l’attestation, ou une sauvegarde du portefeuille.',
  },
  'wallet.add-pasted': { en: 'Add pasted', es: 'Añadir lo pegado', fr: 'Ajouter le texte collé' },
  'wallet.find-on-page': { en: 'Find on this page', es: 'Buscar en esta página', fr: 'Chercher sur cette page' },
  'wallet.too-large': {
    en: '{names}: too large (the limit is 16 MB). Not imported.',
    es: '{names}: demasiado grande (el límite es 16 MB). No se importó.',
    fr: '{names} : trop volumineux (la limite est de 16 Mo). Non importé.',
  },
  'wallet.added-one': { en: 'Added {title}.', es: 'Se añadió {title}.', fr: '{title} ajouté.' },
  'wallet.added-n': { en: 'Added {n} credentials.', es: 'Se añadieron {n} credenciales.', fr: '{n} attestations ajoutées.' },
  'wallet.already': { en: 'Already in the wallet: {names}.', es: 'Ya en la cartera: {names}.', fr: 'Déjà dans le portefeuille : {names}.' },
  'wallet.nothing-changed': { en: 'Nothing was changed.', es: 'No se cambió nada.', fr: 'Rien n’a été modifié.' },
  'wallet.error-nothing-changed': { en: '{error} Nothing was changed.', es: '{error} No se cambió nada.', fr: '{error} Rien n’a été modifié.' },
  'wallet.is-backup': {
    en: '{source} is a wallet backup. Its credentials will be added to this wallet (duplicates are skipped).',
    es: '{source} es una copia de seguridad de la cartera. Sus credenciales se añadirán a esta cartera (se omiten los duplicados).',
    fr: '{source} est une sauvegarde de portefeuille. Ses attestations seront ajoutées à ce portefeuille (les doublons sont ignorés).',
  },
  'wallet.add-from-backup': { en: 'Add from backup', es: 'Añadir desde la copia', fr: 'Ajouter depuis la sauvegarde' },
  'wallet.cancel': { en: 'Cancel', es: 'Cancelar', fr: 'Annuler' },
  'wallet.from-backup': {
    en: 'From the backup: {added} added, {skipped} already here.',
    es: 'Desde la copia: {added} añadidas, {skipped} ya estaban.',
    fr: 'Depuis la sauvegarde : {added} ajoutées, {skipped} déjà présentes.',
  },
  'wallet.from-backup-holder': {
    en: 'From the backup: {added} added, {skipped} already here, and its holder key.',
    es: 'Desde la copia: {added} añadidas, {skipped} ya estaban, y su clave de titular.',
    fr: 'Depuis la sauvegarde : {added} ajoutées, {skipped} déjà présentes, et sa clé de titulaire.',
  },
  'wallet.select-to-share': { en: 'Select to share', es: 'Seleccionar para compartir', fr: 'Sélectionner pour partager' },
  'wallet.reverify': { en: 'Re-verify', es: 'Volver a verificar', fr: 'Revérifier' },
  'wallet.download': { en: 'Download', es: 'Descargar', fr: 'Télécharger' },
  'wallet.baked-png': { en: 'Baked PNG', es: 'PNG con credencial', fr: 'PNG avec attestation' },
  'wallet.baked-svg': { en: 'Baked SVG', es: 'SVG con credencial', fr: 'SVG avec attestation' },
  'wallet.delete': { en: 'Delete', es: 'Eliminar', fr: 'Supprimer' },
  'wallet.bake-png-label': {
    en: 'Download as a baked PNG badge: {title}',
    es: 'Descargar como PNG con credencial: {title}',
    fr: 'Télécharger en PNG avec attestation : {title}',
  },
  'wallet.bake-svg-label': {
    en: 'Download as a baked SVG badge: {title}',
    es: 'Descargar como SVG con credencial: {title}',
    fr: 'Télécharger en SVG avec attestation : {title}',
  },
  'wallet.from': { en: 'From {source}', es: 'De {source}', fr: 'De {source}' },
  'wallet.checked-offline': { en: 'Checked {date}, offline', es: 'Comprobada el {date}, sin conexión', fr: 'Vérifiée le {date}, hors ligne' },
  'wallet.remedy-check-online': {
    en: 'Use "Check online" below: ClearBadge asks you first.',
    es: 'Use «Comprobar en línea» abajo: ClearBadge le pregunta antes.',
    fr: 'Utilisez « Vérifier en ligne » ci-dessous : ClearBadge vous le demande d’abord.',
  },
  'wallet.remedy-cli': {
    en: 'The command line (clearbadge verify --with URL=FILE) can complete this.',
    es: 'La línea de órdenes (clearbadge verify --with URL=ARCHIVO) puede completarlo.',
    fr: 'La ligne de commande (clearbadge verify --with URL=FICHIER) peut compléter ceci.',
  },
  'wallet.remedy-found': {
    en: 'Checked offline. Save it to your wallet to check it online there (ClearBadge asks you before contacting anyone), or use the command line (clearbadge verify --online).',
    es: 'Comprobada sin conexión. Guárdela en su cartera para comprobarla allí en línea (ClearBadge le pregunta antes de contactar con nadie), o use la línea de órdenes (clearbadge verify --online).',
    fr: 'Vérifiée hors ligne. Enregistrez-la dans votre portefeuille pour la vérifier en ligne (ClearBadge vous demande avant de contacter qui que ce soit), ou utilisez la ligne de commande (clearbadge verify --online).',
  },
  'wallet.check-online': { en: 'Check online', es: 'Comprobar en línea', fr: 'Vérifier en ligne' },
  'wallet.refresh-online': { en: 'Refresh online', es: 'Actualizar en línea', fr: 'Actualiser en ligne' },
  'time.just-now': { en: 'just now', es: 'ahora mismo', fr: 'à l’instant' },
  'wallet.evidence-status': {
    en: 'Revocation last checked {ago}',
    es: 'Revocación comprobada por última vez {ago}',
    fr: 'Révocation vérifiée pour la dernière fois {ago}',
  },
  'wallet.evidence-key': { en: 'Issuer’s key fetched {ago}', es: 'Clave del emisor obtenida {ago}', fr: 'Clé de l’émetteur obtenue {ago}' },
  'wallet.evidence-registry': { en: 'Issuer registry fetched {ago}', es: 'Registro de emisores obtenido {ago}', fr: 'Registre d’émetteurs obtenu {ago}' },
  'wallet.evidence-document': { en: 'Document fetched {ago}', es: 'Documento obtenido {ago}', fr: 'Document obtenu {ago}' },
  'wallet.evidence-badge-class': {
    en: 'Badge description fetched {ago}',
    es: 'Descripción de la insignia obtenida {ago}',
    fr: 'Description du badge obtenue {ago}',
  },
  'wallet.evidence-profile': { en: 'Issuer’s profile fetched {ago}', es: 'Perfil del emisor obtenido {ago}', fr: 'Profil de l’émetteur obtenu {ago}' },
  'wallet.evidence-from': { en: ', from {host}.', es: ', de {host}.', fr: ', depuis {host}.' },
  'wallet.evidence-stale': {
    en: ', from {host}. Its server asks for a fresh copy by now: Refresh online.',
    es: ', de {host}. Su servidor pide ya una copia nueva: Actualizar en línea.',
    fr: ', depuis {host}. Son serveur demande désormais une copie récente : Actualiser en ligne.',
  },
  'wallet.evidence-title': { en: 'Evidence kept in the wallet', es: 'Pruebas guardadas en la cartera', fr: 'Preuves conservées dans le portefeuille' },
  'wallet.why-status': { en: 'revocation', es: 'la revocación', fr: 'la révocation' },
  'wallet.why-key': { en: 'the issuer’s key', es: 'la clave del emisor', fr: 'la clé de l’émetteur' },
  'wallet.why-registry': { en: 'the issuer registry', es: 'el registro de emisores', fr: 'le registre d’émetteurs' },
  'wallet.why-document': { en: 'a public document', es: 'un documento público', fr: 'un document public' },
  'wallet.consent-question': {
    en: 'Check {why}: allow ClearBadge to contact {hosts}?',
    es: 'Comprobar {why}: ¿permitir que ClearBadge contacte con {hosts}?',
    fr: 'Vérifier {why} : autoriser ClearBadge à contacter {hosts} ?',
  },
  'wallet.consent-explain': {
    en: 'ClearBadge then fetches only the public documents this credential names (the issuer’s key document, its revocation list), without cookies or referrer, and keeps them encrypted here so later checks work offline. The credential itself is not sent. You can revoke this at any time under “Sites ClearBadge may contact”.',
    es: 'ClearBadge obtiene entonces solo los documentos públicos que nombra esta credencial (el documento de clave del emisor, su lista de revocación), sin cookies ni referente, y los guarda cifrados aquí para que las comprobaciones posteriores funcionen sin conexión. La credencial no se envía. Puede revocarlo en cualquier momento en «Sitios que ClearBadge puede contactar».',
    fr: 'ClearBadge ne récupère alors que les documents publics que cette attestation nomme (le document de clé de l’émetteur, sa liste de révocation), sans cookies ni référent, et les garde chiffrés ici pour que les vérifications suivantes fonctionnent hors ligne. L’attestation elle-même n’est pas envoyée. Vous pouvez le révoquer à tout moment sous « Sites que ClearBadge peut contacter ».',
  },
  'wallet.consent-allow': { en: 'Allow and check', es: 'Permitir y comprobar', fr: 'Autoriser et vérifier' },
  'wallet.consent-cancel': { en: 'Cancel', es: 'Cancelar', fr: 'Annuler' },
  'wallet.consent-refused': {
    en: 'Not allowed: nothing was contacted. The card stays as it was.',
    es: 'No permitido: no se contactó con nadie. La tarjeta queda como estaba.',
    fr: 'Non autorisé : personne n’a été contacté. La carte reste telle quelle.',
  },
  'wallet.checking-online': { en: 'Checking {title} online…', es: 'Comprobando {title} en línea…', fr: 'Vérification en ligne de {title}…' },
  'wallet.checked-online-result': {
    en: '{title}: {verdict}, checked online (contacted {hosts}).',
    es: '{title}: {verdict}, comprobada en línea (se contactó con {hosts}).',
    fr: '{title} : {verdict}, vérifiée en ligne ({hosts} contacté).',
  },
  'wallet.sites-title': { en: 'Sites ClearBadge may contact', es: 'Sitios que ClearBadge puede contactar', fr: 'Sites que ClearBadge peut contacter' },
  'wallet.sites-explain': {
    en: 'The wallet checks offline. It contacts a site only after you allow it for a credential’s check, and then only for the public documents that credential names. Revoking a site stops it; the documents already kept stay until you refresh.',
    es: 'La cartera comprueba sin conexión. Solo contacta con un sitio después de que usted lo permita para comprobar una credencial, y solo para los documentos públicos que esa credencial nombra. Revocar un sitio lo detiene; los documentos ya guardados se conservan hasta que actualice.',
    fr: 'Le portefeuille vérifie hors ligne. Il ne contacte un site qu’après votre autorisation pour la vérification d’une attestation, et seulement pour les documents publics qu’elle nomme. Révoquer un site l’arrête ; les documents déjà conservés restent jusqu’à l’actualisation.',
  },
  'wallet.sites-none': { en: 'None. Nothing is contacted.', es: 'Ninguno. No se contacta con nadie.', fr: 'Aucun. Rien n’est contacté.' },
  'wallet.revoke': { en: 'Revoke', es: 'Revocar', fr: 'Révoquer' },
  'wallet.revoke-aria': { en: 'Revoke {host}', es: 'Revocar {host}', fr: 'Révoquer {host}' },
  'wallet.revoked': {
    en: 'ClearBadge may no longer contact {host}.',
    es: 'ClearBadge ya no puede contactar con {host}.',
    fr: 'ClearBadge ne peut plus contacter {host}.',
  },
  'wallet.recheck-label': {
    en: 'Check revocation lists again twice a day (from the sites allowed above, while the wallet is unlocked) and notify me if a credential is revoked or suspended',
    es: 'Comprobar de nuevo las listas de revocación dos veces al día (en los sitios permitidos arriba, con la cartera desbloqueada) y avisarme si una credencial se revoca o suspende',
    fr: 'Revérifier les listes de révocation deux fois par jour (sur les sites autorisés ci-dessus, portefeuille déverrouillé) et me prévenir si une attestation est révoquée ou suspendue',
  },
  'wallet.recheck-on': {
    en: 'Revocation lists will be checked again twice a day while the wallet is unlocked.',
    es: 'Las listas de revocación se comprobarán de nuevo dos veces al día con la cartera desbloqueada.',
    fr: 'Les listes de révocation seront revérifiées deux fois par jour tant que le portefeuille est déverrouillé.',
  },
  'wallet.recheck-off': {
    en: 'Periodic re-checks are off.',
    es: 'Las comprobaciones periódicas están desactivadas.',
    fr: 'Les revérifications périodiques sont désactivées.',
  },
  'wallet.registries-title': { en: 'Issuer registries', es: 'Registros de emisores', fr: 'Registres d’émetteurs' },
  'wallet.registries-explain': {
    en: 'A registry you trust says who an issuer is (its name), beyond the credential’s own claim. Add one as a file, or by its https address (fetched with the same consent as any other site).',
    es: 'Un registro de su confianza dice quién es un emisor (su nombre), más allá de lo que afirma la credencial. Añádalo como archivo o por su dirección https (que se obtiene con el mismo consentimiento que cualquier otro sitio).',
    fr: 'Un registre de confiance dit qui est un émetteur (son nom), au-delà de ce qu’affirme l’attestation. Ajoutez-en un comme fichier, ou par son adresse https (récupérée avec le même consentement que tout autre site).',
  },
  'registry.file': { en: 'Add a registry file', es: 'Añadir un archivo de registro', fr: 'Ajouter un fichier de registre' },
  'registry.address': { en: 'Registry address', es: 'Dirección del registro', fr: 'Adresse du registre' },
  'registry.add': { en: 'Add address', es: 'Añadir dirección', fr: 'Ajouter l’adresse' },
  'registry.remove': { en: 'Remove', es: 'Quitar', fr: 'Retirer' },
  'registry.remove-aria': { en: 'Remove the registry {name}', es: 'Quitar el registro {name}', fr: 'Retirer le registre {name}' },
  'wallet.registries-none': {
    en: 'None added: once you allow their sites, the default registries are asked: {names}.',
    es: 'Ninguno añadido: cuando permita sus sitios, se consultan los registros predeterminados: {names}.',
    fr: 'Aucun ajouté : une fois leurs sites autorisés, les registres par défaut sont consultés : {names}.',
  },
  'wallet.ask-registries': { en: 'Ask the issuer registries', es: 'Consultar los registros de emisores', fr: 'Consulter les registres d’émetteurs' },
  'wallet.registry-consent-explain': {
    en: 'A registry learns at most the issuer’s identifier, never the credential. What it says is kept encrypted here, with its age, and only changes the line saying who the issuer is, never the verdict.',
    es: 'Un registro conoce como mucho el identificador del emisor, nunca la credencial. Lo que dice se guarda cifrado aquí, con su antigüedad, y solo cambia la línea que dice quién es el emisor, nunca el veredicto.',
    fr: 'Un registre apprend au plus l’identifiant de l’émetteur, jamais l’attestation. Ce qu’il dit est gardé chiffré ici, avec son âge, et ne change que la ligne qui dit qui est l’émetteur, jamais le verdict.',
  },
  'page.registries': { en: 'Issuer registries', es: 'Registros de emisores', fr: 'Registres d’émetteurs' },
  'page.registries-hint': {
    en: 'A registry you trust says who an issuer is (its name), beyond the badge’s own claim; it never changes the verdict. Add one as a file (read here, nothing is sent) or by its https address (fetched only with online checks on). The page forgets them when you leave.',
    es: 'Un registro de su confianza dice quién es un emisor (su nombre), más allá de lo que afirma la insignia; nunca cambia el veredicto. Añádalo como archivo (se lee aquí, no se envía nada) o por su dirección https (solo se obtiene con las comprobaciones en línea activadas). La página los olvida al salir.',
    fr: 'Un registre de confiance dit qui est un émetteur (son nom), au-delà de ce qu’affirme le badge ; il ne change jamais le verdict. Ajoutez-en un comme fichier (lu ici, rien n’est envoyé) ou par son adresse https (récupérée seulement avec les vérifications en ligne). La page les oublie quand vous la quittez.',
  },
  'page.registry-default': {
    en: '{name} (default: asked with online checks on, when you add none)',
    es: '{name} (predeterminado: se consulta con las comprobaciones en línea, si no añade ninguno)',
    fr: '{name} (par défaut : consulté avec les vérifications en ligne, si vous n’en ajoutez aucun)',
  },
  'page.registry-added': {
    en: 'Registry {name} added; the results are checked again with it.',
    es: 'Registro {name} añadido; los resultados se comprueban de nuevo con él.',
    fr: 'Registre {name} ajouté ; les résultats sont revérifiés avec lui.',
  },
  'page.registry-removed': { en: 'Registry {name} removed.', es: 'Registro {name} quitado.', fr: 'Registre {name} retiré.' },
  'page.registry-https': {
    en: 'A registry address must start with https://.',
    es: 'La dirección de un registro debe empezar por https://.',
    fr: 'L’adresse d’un registre doit commencer par https://.',
  },
  'page.online-registries': {
    en: 'who vouches for the issuer’s name: the issuer registries (under More options), which learn at most the issuer’s identifier.',
    es: 'quién respalda el nombre del emisor: los registros de emisores (en Más opciones), que conocen como mucho el identificador del emisor.',
    fr: 'qui se porte garant du nom de l’émetteur : les registres d’émetteurs (sous Plus d’options), qui apprennent au plus l’identifiant de l’émetteur.',
  },
  'wallet.checked-online': { en: 'Checked online {date}', es: 'Comprobada en línea el {date}', fr: 'Vérifiée en ligne le {date}' },
  'wallet.checked-offline-docs': {
    en: 'Checked {date}, offline, with the documents kept from its last online check',
    es: 'Comprobada el {date}, sin conexión, con los documentos guardados de su última comprobación en línea',
    fr: 'Vérifiée le {date}, hors ligne, avec les documents conservés de sa dernière vérification en ligne',
  },
  'wallet.checking-found': {
    en: 'Checking what the page offered…',
    es: 'Comprobando lo que ofrecía la página…',
    fr: 'Vérification de ce que la page proposait…',
  },
  'wallet.found-title': { en: 'Found on a web page', es: 'Encontrada en una página web', fr: 'Trouvée sur une page web' },
  'wallet.checked-in-clearbadge': {
    en: 'Checked offline, in ClearBadge',
    es: 'Comprobada sin conexión, en ClearBadge',
    fr: 'Vérifiée hors ligne, dans ClearBadge',
  },
  'wallet.open-wallet': { en: 'Open your wallet', es: 'Abrir su cartera', fr: 'Ouvrir votre portefeuille' },
  'wallet.no-match': {
    en: 'No credential matches the search.',
    es: 'Ninguna credencial coincide con la búsqueda.',
    fr: 'Aucune attestation ne correspond à la recherche.',
  },
  'wallet.empty': {
    en: 'No credentials yet. Add a file, paste one, or find one on a web page.',
    es: 'Aún no hay credenciales. Añada un archivo, pegue una o encuentre una en una página web.',
    fr: 'Aucune attestation pour l’instant. Ajoutez un fichier, collez-en une, ou trouvez-en une sur une page web.',
  },
  'wallet.checking-again': { en: 'Checking again…', es: 'Comprobando de nuevo…', fr: 'Nouvelle vérification…' },
  'wallet.checked-n': { en: 'Checked {n}: {counts}.', es: 'Comprobadas {n}: {counts}.', fr: '{n} vérifiées : {counts}.' },
  'wallet.deleted': { en: 'Deleted {title}.', es: 'Se eliminó {title}.', fr: '{title} supprimé.' },
  'wallet.undo': { en: 'Undo', es: 'Deshacer', fr: 'Annuler la suppression' },
  'wallet.deleted-undo': {
    en: 'Deleted {title}. Undo is available for a few seconds.',
    es: 'Se eliminó {title}. Puede deshacerlo durante unos segundos.',
    fr: '{title} supprimé. L’annulation reste possible quelques secondes.',
  },
  'wallet.restored': { en: 'Restored {title}.', es: 'Se restauró {title}.', fr: '{title} restauré.' },
  'wallet.baked': {
    en: 'Downloaded {title} as a baked {format} badge.',
    es: 'Se descargó {title} como insignia {format} con credencial.',
    fr: '{title} téléchargé en badge {format} avec attestation.',
  },
  'wallet.share': { en: 'Share', es: 'Compartir', fr: 'Partager' },
  'wallet.share-explain': {
    en: 'Select credentials above, then enter the challenge and domain the verifier gave you. The wallet signs a presentation with your own holder key; nothing is sent anywhere, you copy or download it.',
    es: 'Seleccione credenciales arriba y escriba el desafío y el dominio que le dio el verificador. La cartera firma una presentación con su propia clave de titular; no se envía nada, usted la copia o la descarga.',
    fr: 'Sélectionnez des attestations ci-dessus, puis saisissez le défi et le domaine donnés par le vérificateur. Le portefeuille signe une présentation avec votre propre clé de titulaire ; rien n’est envoyé, vous la copiez ou la téléchargez.',
  },
  'wallet.challenge': { en: 'Challenge', es: 'Desafío', fr: 'Défi' },
  'wallet.domain': { en: 'Domain', es: 'Dominio', fr: 'Domaine' },
  'wallet.domain-placeholder': { en: 'e.g. jobs.example.com', es: 'p. ej. empleo.example.com', fr: 'p. ex. emplois.example.com' },
  'wallet.present': { en: 'Create presentation', es: 'Crear la presentación', fr: 'Créer la présentation' },
  'wallet.signed-presentation': { en: 'Your signed presentation', es: 'Su presentación firmada', fr: 'Votre présentation signée' },
  'wallet.copy': { en: 'Copy', es: 'Copiar', fr: 'Copier' },
  'wallet.n-selected': {
    en: '{n} selected',
    es: { one: '{n} seleccionada', other: '{n} seleccionadas' },
    fr: { one: '{n} sélectionnée', other: '{n} sélectionnées' },
  },
  'wallet.none-selected': { en: 'None selected', es: 'Ninguna seleccionada', fr: 'Aucune sélectionnée' },
  'wallet.holder-key': { en: 'Your holder key: {key}', es: 'Su clave de titular: {key}', fr: 'Votre clé de titulaire : {key}' },
  'wallet.holder-later': {
    en: 'Your holder key is made the first time you share.',
    es: 'Su clave de titular se crea la primera vez que comparte.',
    fr: 'Votre clé de titulaire est créée la première fois que vous partagez.',
  },
  'wallet.select-first': {
    en: 'Select at least one credential to share.',
    es: 'Seleccione al menos una credencial para compartir.',
    fr: 'Sélectionnez au moins une attestation à partager.',
  },
  'wallet.signing': { en: 'Signing the presentation…', es: 'Firmando la presentación…', fr: 'Signature de la présentation…' },
  'wallet.signed': {
    en: {
      one: 'Presentation of {n} credential signed by your holder key. Copy it or download it.',
      other: 'Presentation of {n} credentials signed by your holder key. Copy it or download it.',
    },
    es: {
      one: 'Presentación de {n} credencial firmada con su clave de titular. Cópiela o descárguela.',
      other: 'Presentación de {n} credenciales firmada con su clave de titular. Cópiela o descárguela.',
    },
    fr: {
      one: 'Présentation de {n} attestation signée avec votre clé de titulaire. Copiez-la ou téléchargez-la.',
      other: 'Présentation de {n} attestations signée avec votre clé de titulaire. Copiez-la ou téléchargez-la.',
    },
  },
  'wallet.copied': { en: 'Copied.', es: 'Copiada.', fr: 'Copiée.' },
  'wallet.select-all': {
    en: 'Select-all done; press Ctrl+C to copy.',
    es: 'Todo seleccionado; pulse Ctrl+C para copiar.',
    fr: 'Tout est sélectionné ; appuyez sur Ctrl+C pour copier.',
  },
  'wallet.backup': { en: 'Backup', es: 'Copia de seguridad', fr: 'Sauvegarde' },
  'wallet.backup-explain': {
    en: 'A backup file holds every credential and your holder key, encrypted with your current passphrase. To restore, add the file with "Choose files" above.',
    es: 'Un archivo de copia de seguridad contiene todas las credenciales y su clave de titular, cifradas con su frase de contraseña actual. Para restaurarla, añada el archivo con «Elegir archivos» arriba.',
    fr: 'Un fichier de sauvegarde contient toutes les attestations et votre clé de titulaire, chiffrées avec votre phrase secrète actuelle. Pour restaurer, ajoutez le fichier avec « Choisir des fichiers » ci-dessus.',
  },
  'wallet.download-backup': { en: 'Download encrypted backup', es: 'Descargar la copia cifrada', fr: 'Télécharger la sauvegarde chiffrée' },
  'wallet.backup-downloaded': { en: 'Backup downloaded ({date}).', es: 'Copia descargada ({date}).', fr: 'Sauvegarde téléchargée ({date}).' },
  'wallet.cannot-search': {
    en: 'This page cannot be searched (a browser page, or it was open before ClearBadge was installed: reload it).',
    es: 'No se puede buscar en esta página (es una página del navegador, o estaba abierta antes de instalar ClearBadge: vuelva a cargarla).',
    fr: 'Impossible de chercher dans cette page (une page du navigateur, ou elle était ouverte avant l’installation de ClearBadge : rechargez-la).',
  },
  'wallet.none-found': {
    en: 'No credentials found on this page.',
    es: 'No se encontraron credenciales en esta página.',
    fr: 'Aucune attestation trouvée sur cette page.',
  },
  'wallet.add-to-wallet': { en: 'Add to wallet', es: 'Añadir a la cartera', fr: 'Ajouter au portefeuille' },
  'wallet.found-n': { en: 'Found on this page ({n}):', es: 'Encontradas en esta página ({n}):', fr: 'Trouvées sur cette page ({n}) :' },
  // the wallet's zip of original files (extension/zip.mjs)
  'zip.too-many-to-write': {
    en: 'Too many files for one zip.',
    es: 'Demasiados archivos para un solo zip.',
    fr: 'Trop de fichiers pour un seul zip.',
  },
  'zip.too-large-to-write': {
    en: 'The wallet is too large for one zip.',
    es: 'La cartera es demasiado grande para un solo zip.',
    fr: 'Le portefeuille est trop volumineux pour un seul zip.',
  },
  'zip.not-zip': {
    en: 'Not a zip file.',
    es: 'No es un archivo zip.',
    fr: 'Ce n’est pas un fichier zip.',
  },
  'zip.no-end': {
    en: 'Not a zip file, or a truncated one (no end record).',
    es: 'No es un archivo zip, o está truncado (no tiene registro final).',
    fr: 'Ce n’est pas un fichier zip, ou il est tronqué (pas d’enregistrement de fin).',
  },
  'zip.multi-part': {
    en: 'Multi-part zips are not supported.',
    es: 'No se admiten los zip de varias partes.',
    fr: 'Les zip en plusieurs parties ne sont pas pris en charge.',
  },
  'zip.zip64': {
    en: 'Zip64 files are not supported.',
    es: 'No se admiten los archivos Zip64.',
    fr: 'Les fichiers Zip64 ne sont pas pris en charge.',
  },
  'zip.too-many-files': {
    en: 'The zip holds {count} files; at most {max} are read.',
    es: 'El zip contiene {count} archivos; se leen como máximo {max}.',
    fr: 'Le zip contient {count} fichiers ; au plus {max} sont lus.',
  },
  'zip.directory-outside': {
    en: 'The zip is damaged (its directory lies outside the file).',
    es: 'El zip está dañado (su directorio queda fuera del archivo).',
    fr: 'Le zip est endommagé (son répertoire se trouve hors du fichier).',
  },
  'zip.directory-broken': {
    en: 'The zip is damaged (its directory is broken).',
    es: 'El zip está dañado (su directorio está roto).',
    fr: 'Le zip est endommagé (son répertoire est cassé).',
  },
  'zip.encrypted': {
    en: '{name} is encrypted; ClearBadge reads only unencrypted zips.',
    es: '{name} está cifrado; ClearBadge solo lee zip sin cifrar.',
    fr: '{name} est chiffré ; ClearBadge ne lit que les zip non chiffrés.',
  },
  'zip.method': {
    en: '{name} uses a compression method ClearBadge does not read ({method}).',
    es: '{name} usa un método de compresión que ClearBadge no lee ({method}).',
    fr: '{name} utilise une méthode de compression que ClearBadge ne lit pas ({method}).',
  },
  'zip.entry-too-large': {
    en: '{name} is too large (the limit is {mb} MB a file).',
    es: '{name} es demasiado grande (el límite es de {mb} MB por archivo).',
    fr: '{name} est trop volumineux (la limite est de {mb} Mo par fichier).',
  },
  'zip.misplaced': {
    en: 'The zip is damaged ({name} is not where its directory says).',
    es: 'El zip está dañado ({name} no está donde indica su directorio).',
    fr: 'Le zip est endommagé ({name} n’est pas là où son répertoire l’indique).',
  },
  'zip.past-end': {
    en: 'The zip is damaged ({name} runs past its end).',
    es: 'El zip está dañado ({name} sobrepasa su final).',
    fr: 'Le zip est endommagé ({name} dépasse sa fin).',
  },
  'zip.sizes': {
    en: 'The zip is damaged ({name} has inconsistent sizes).',
    es: 'El zip está dañado ({name} tiene tamaños incoherentes).',
    fr: 'Le zip est endommagé ({name} a des tailles incohérentes).',
  },
  'zip.inflate': {
    en: 'The zip is damaged ({name} does not inflate).',
    es: 'El zip está dañado ({name} no se descomprime).',
    fr: 'Le zip est endommagé ({name} ne se décompresse pas).',
  },
  'zip.size': {
    en: 'The zip is damaged ({name} is not the size its directory says).',
    es: 'El zip está dañado ({name} no tiene el tamaño que indica su directorio).',
    fr: 'Le zip est endommagé ({name} n’a pas la taille qu’indique son répertoire).',
  },
  'zip.checksum': {
    en: 'The zip is damaged ({name} fails its checksum).',
    es: 'El zip está dañado ({name} no supera su suma de comprobación).',
    fr: 'Le zip est endommagé ({name} échoue à sa somme de contrôle).',
  },
  'zip.too-large': {
    en: 'The zip holds more than {mb} MB.',
    es: 'El zip contiene más de {mb} MB.',
    fr: 'Le zip contient plus de {mb} Mo.',
  },
  'wallet.could-not-read': {
    en: 'Could not read it from the page: {error}',
    es: 'No se pudo leer de la página: {error}',
    fr: 'Impossible de la lire depuis la page : {error}',
  },
  'wallet.page-no-answer': { en: 'the page did not answer', es: 'la página no respondió', fr: 'la page n’a pas répondu' },

  // moving a whole wallet as original files (extension/move.mjs)
  'move.title': { en: 'Move your wallet', es: 'Trasladar su cartera', fr: 'Déplacer votre portefeuille' },
  'move.explain': {
    en: 'Download every credential as its original file (JSON, JWT or badge image) in one zip, with an index, for any other wallet or platform; or add such a zip, or a folder of credential files, here. The zip is not encrypted.',
    es: 'Descargue cada credencial como su archivo original (JSON, JWT o imagen de insignia) en un zip, con un índice, para cualquier otra cartera o plataforma; o añada aquí un zip así, o una carpeta de archivos de credenciales. El zip no está cifrado.',
    fr: 'Téléchargez chaque attestation dans son fichier d’origine (JSON, JWT ou image de badge) dans un zip, avec un index, pour tout autre portefeuille ou plateforme ; ou ajoutez ici un tel zip, ou un dossier de fichiers d’attestations. Le zip n’est pas chiffré.',
  },
  // README.txt in the exported zip, in the reader's language.
  'move.readme': {
    en: `ClearBadge wallet export

Each file in credentials/ is one credential exactly as it came into the
wallet: Open Badges 3.0 / CLR 2.0 JSON (.json), a signed JWT (.jwt), or a
badge image with the credential baked in (.png, .svg). Any Open Badges
wallet or verifier can read them; nothing here is encrypted, so keep this
file as private as the credentials themselves.

index.json lists the files with their titles, where they came from and the
verdict ClearBadge gave when it last checked them. A verifier should check
each file itself rather than trust that list.
`,
    es: `Exportación de la cartera ClearBadge

Cada archivo de credentials/ es una credencial tal como llegó a la cartera:
JSON de Open Badges 3.0 / CLR 2.0 (.json), un JWT firmado (.jwt) o una
imagen de insignia con la credencial incorporada (.png, .svg). Cualquier
cartera o verificador de Open Badges puede leerlos; nada de esto está
cifrado, así que guarde este archivo con la misma reserva que las propias
credenciales.

index.json enumera los archivos con su título, su procedencia y el veredicto
que dio ClearBadge la última vez que los comprobó. Un verificador debe
comprobar cada archivo por sí mismo en lugar de fiarse de esa lista.
`,
    fr: `Export du portefeuille ClearBadge

Chaque fichier de credentials/ est une attestation telle qu’elle est entrée
dans le portefeuille : JSON Open Badges 3.0 / CLR 2.0 (.json), JWT signé
(.jwt) ou image de badge contenant l’attestation (.png, .svg). Tout
portefeuille ou vérificateur Open Badges peut les lire ; rien ici n’est
chiffré : gardez donc ce fichier aussi confidentiel que les attestations
elles-mêmes.

index.json liste les fichiers avec leur titre, leur provenance et le verdict
que ClearBadge a donné lors de sa dernière vérification. Un vérificateur
doit vérifier chaque fichier lui-même plutôt que de se fier à cette liste.
`,
  },
  'move.export': { en: 'Download all as a zip', es: 'Descargar todo en un zip', fr: 'Tout télécharger en zip' },
  'move.import-zip': { en: 'Add a zip', es: 'Añadir un zip', fr: 'Ajouter un zip' },
  'move.import-folder': { en: 'Add a folder', es: 'Añadir una carpeta', fr: 'Ajouter un dossier' },
  'move.exported': {
    en: { one: '{n} credential downloaded as a zip of original files.', other: '{n} credentials downloaded as a zip of original files.' },
    es: { one: '{n} credencial descargada en un zip de archivos originales.', other: '{n} credenciales descargadas en un zip de archivos originales.' },
    fr: { one: '{n} attestation téléchargée dans un zip de fichiers d’origine.', other: '{n} attestations téléchargées dans un zip de fichiers d’origine.' },
  },
  'move.importing': {
    en: 'Checking the files ({done} of {n} done)…',
    es: 'Comprobando los archivos ({done} de {n})…',
    fr: 'Vérification des fichiers ({done} sur {n})…',
  },
  'move.imported': {
    en: 'Added {added}; {duplicates} already in the wallet.',
    es: 'Añadidas: {added}; ya estaban en la cartera: {duplicates}.',
    fr: 'Ajoutées : {added} ; déjà dans le portefeuille : {duplicates}.',
  },
  'move.skipped': {
    en: { one: '{n} file that is not a credential file was left out: {names}.', other: '{n} files that are not credential files were left out: {names}.' },
    es: { one: 'Se omitió {n} archivo que no es de credencial: {names}.', other: 'Se omitieron {n} archivos que no son de credenciales: {names}.' },
    fr: {
      one: '{n} fichier qui n’est pas une attestation a été laissé de côté : {names}.',
      other: '{n} fichiers qui ne sont pas des attestations ont été laissés de côté : {names}.',
    },
  },
  'move.nothing': {
    en: { one: 'No credential files found ({n} other file). Nothing was changed.', other: 'No credential files found ({n} other files). Nothing was changed.' },
    es: {
      one: 'No se encontraron archivos de credenciales ({n} otro archivo). No se cambió nada.',
      other: 'No se encontraron archivos de credenciales ({n} otros archivos). No se cambió nada.',
    },
    fr: {
      one: 'Aucun fichier d’attestation trouvé ({n} autre fichier). Rien n’a été modifié.',
      other: 'Aucun fichier d’attestation trouvé ({n} autres fichiers). Rien n’a été modifié.',
    },
  },
  'move.not-zip': { en: '{name} is not a zip file.', es: '{name} no es un archivo zip.', fr: '{name} n’est pas un fichier zip.' },

  // learning platforms through the Open Badges API (extension/platforms.mjs)
  'platform.title': { en: 'Platforms', es: 'Plataformas', fr: 'Plateformes' },
  'platform.explain': {
    en: 'Connect a learning platform that offers the Open Badges 3.0 API to bring your credentials here, or to send chosen ones there. You sign in on the platform’s own page; ClearBadge keeps its access encrypted in this wallet.',
    es: 'Conecte una plataforma de aprendizaje que ofrezca la API de Open Badges 3.0 para traer aquí sus credenciales, o para enviar allí las que elija. Usted inicia sesión en la propia página de la plataforma; ClearBadge guarda su acceso cifrado en esta cartera.',
    fr: 'Connectez une plateforme d’apprentissage qui propose l’API Open Badges 3.0 pour ramener ici vos attestations, ou y envoyer celles que vous choisissez. Vous vous connectez sur la page de la plateforme elle-même ; ClearBadge garde son accès chiffré dans ce portefeuille.',
  },
  'platform.address': { en: 'Platform address', es: 'Dirección de la plataforma', fr: 'Adresse de la plateforme' },
  'platform.lookup': { en: 'Look up', es: 'Buscar', fr: 'Rechercher' },
  'platform.bad-address': {
    en: 'Enter the platform’s web address.',
    es: 'Escriba la dirección web de la plataforma.',
    fr: 'Saisissez l’adresse web de la plateforme.',
  },
  'platform.refused-host': {
    en: 'ClearBadge may not contact {host}: nothing was sent.',
    es: 'ClearBadge no puede contactar con {host}: no se envió nada.',
    fr: 'ClearBadge ne peut pas contacter {host} : rien n’a été envoyé.',
  },
  'platform.looking-up': { en: 'Asking {host} to describe itself…', es: 'Pidiendo a {host} que se describa…', fr: 'Demande de sa description à {host}…' },
  'platform.found': {
    en: 'Found {name}. Read its policy and terms before connecting.',
    es: 'Se encontró {name}. Lea su política y sus condiciones antes de conectar.',
    fr: '{name} trouvée. Lisez sa politique et ses conditions avant de vous connecter.',
  },
  'platform.offer': {
    en: '{name} ({host}) offers the Open Badges API.',
    es: '{name} ({host}) ofrece la API de Open Badges.',
    fr: '{name} ({host}) propose l’API Open Badges.',
  },
  'platform.offer-clr': {
    en: '{name} ({host}) offers the CLR 2.0 API (learner records).',
    es: '{name} ({host}) ofrece la API de CLR 2.0 (registros del aprendiz).',
    fr: '{name} ({host}) propose l’API CLR 2.0 (relevés d’apprentissage).',
  },
  'platform.privacy': { en: 'Its privacy policy', es: 'Su política de privacidad', fr: 'Sa politique de confidentialité' },
  'platform.terms': { en: 'Its terms of service', es: 'Sus condiciones de servicio', fr: 'Ses conditions d’utilisation' },
  'platform.no-privacy': {
    en: 'It publishes no privacy policy',
    es: 'No publica política de privacidad',
    fr: 'Elle ne publie aucune politique de confidentialité',
  },
  'platform.no-terms': {
    en: 'It publishes no terms of service',
    es: 'No publica condiciones de servicio',
    fr: 'Elle ne publie aucune condition d’utilisation',
  },
  'platform.offer-explain': {
    en: 'Connecting registers ClearBadge with it and opens its sign-in page, asking only to read your credentials and your profile. ClearBadge will contact {hosts}.',
    es: 'Al conectar, ClearBadge se registra en ella y abre su página de inicio de sesión, pidiendo solo leer sus credenciales y su perfil. ClearBadge contactará con {hosts}.',
    fr: 'La connexion y enregistre ClearBadge et ouvre sa page de connexion, en demandant seulement de lire vos attestations et votre profil. ClearBadge contactera {hosts}.',
  },
  'platform.connect': { en: 'Sign in and connect', es: 'Iniciar sesión y conectar', fr: 'Se connecter et relier' },
  'platform.signing-in': {
    en: 'Sign in on {name}’s page, in the window that opened…',
    es: 'Inicie sesión en la página de {name}, en la ventana que se abrió…',
    fr: 'Connectez-vous sur la page de {name}, dans la fenêtre qui s’est ouverte…',
  },
  'platform.connected': { en: 'Connected to {name}.', es: 'Conectada a {name}.', fr: 'Relié à {name}.' },
  'platform.connected-as': { en: 'Connected to {name} as {who}.', es: 'Conectada a {name} como {who}.', fr: 'Relié à {name} en tant que {who}.' },
  'platform.pulling': {
    en: 'Bringing credentials from {name} and checking each…',
    es: 'Trayendo credenciales de {name} y comprobando cada una…',
    fr: 'Récupération des attestations de {name} et vérification de chacune…',
  },
  'platform.pulled': {
    en: 'From {name}: {added} new, {replaced} replaced by a newer copy, {same} already here.',
    es: 'De {name}: {added} nuevas, {replaced} sustituidas por una copia más reciente, {same} ya estaban aquí.',
    fr: 'De {name} : {added} nouvelles, {replaced} remplacées par une copie plus récente, {same} déjà ici.',
  },
  'platform.select-first': {
    en: 'Select the credentials to send first (their “Select to share” box).',
    es: 'Seleccione primero las credenciales que enviar (su casilla «Seleccionar para compartir»).',
    fr: 'Sélectionnez d’abord les attestations à envoyer (leur case « Sélectionner pour partager »).',
  },
  'platform.sending': { en: 'Sending {n} to {name}…', es: 'Enviando {n} a {name}…', fr: 'Envoi de {n} à {name}…' },
  'platform.sent': {
    en: 'Sent to {name}: {created} new there, {replaced} replaced there.',
    es: 'Enviadas a {name}: {created} nuevas allí, {replaced} sustituidas allí.',
    fr: 'Envoyées à {name} : {created} nouvelles là-bas, {replaced} remplacées là-bas.',
  },
  'platform.revoked': {
    en: 'Disconnected from {name}: its access and ClearBadge’s registration are forgotten.',
    es: 'Desconectada de {name}: se olvidaron su acceso y el registro de ClearBadge.',
    fr: 'Déconnecté de {name} : son accès et l’enregistrement de ClearBadge sont oubliés.',
  },
  'platform.scope-read': { en: 'read your credentials', es: 'leer sus credenciales', fr: 'lire vos attestations' },
  'platform.scope-upsert': { en: 'add credentials there', es: 'añadir credenciales allí', fr: 'y ajouter des attestations' },
  'platform.scope-profile': { en: 'read your profile', es: 'leer su perfil', fr: 'lire votre profil' },
  'platform.as': { en: 'Signed in as {who}', es: 'Sesión iniciada como {who}', fr: 'Connecté en tant que {who}' },
  'platform.may': { en: 'ClearBadge may {scopes}', es: 'ClearBadge puede {scopes}', fr: 'ClearBadge peut {scopes}' },
  'platform.last-sync': { en: 'last brought in {date}', es: 'última vez traídas el {date}', fr: 'dernière récupération le {date}' },
  'platform.never-synced': { en: 'nothing brought in yet', es: 'aún no se ha traído nada', fr: 'rien récupéré pour l’instant' },
  'platform.retry-at': { en: 'it asked to wait until {date}', es: 'pidió esperar hasta el {date}', fr: 'elle a demandé d’attendre jusqu’au {date}' },
  'platform.needs-sign-in': { en: 'sign in again to use it', es: 'inicie sesión de nuevo para usarla', fr: 'reconnectez-vous pour l’utiliser' },
  'platform.pull-new': { en: 'Check for new', es: 'Buscar nuevas', fr: 'Chercher les nouvelles' },
  'platform.pull-all': { en: 'Bring in all', es: 'Traer todas', fr: 'Tout récupérer' },
  'platform.push': { en: 'Send selected', es: 'Enviar las seleccionadas', fr: 'Envoyer la sélection' },
  'platform.revoke': { en: 'Disconnect', es: 'Desconectar', fr: 'Déconnecter' },
  'platform.none': { en: 'No platform connected.', es: 'Ninguna plataforma conectada.', fr: 'Aucune plateforme reliée.' },
};

// MESSAGES: the core's message codes in each language (English: the core's
// own templates). A value may be an object keyed by params.what (the core
// says "credential" or "bundle", which differ in gender here).
export const MESSAGES = {
  en: EN,
  es: {
    'credentials.clr-empty': 'Este registro de aprendizaje no contiene ninguna credencial.',
    'credentials.clr-too-many':
      'Este registro de aprendizaje contiene {n} credenciales, más de las {max} que comprueba ClearBadge, así que no se comprobó ninguna.',
    'credentials.clr-verified': 'Las {n} credenciales de este registro se verificaron.',
    'credentials.clr-verified-one': 'Se verificó la única credencial de este registro.',
    'credentials.failed-one': {
      record: 'La única credencial de este registro, {which}, no se verificó.',
      bundle: 'La única credencial de este paquete, {which}, no se verificó.',
    },
    'credentials.failed': {
      record: '{n} de las {total} credenciales de este registro no se verificaron: {which}.',
      bundle: '{n} de las {total} credenciales de este paquete no se verificaron: {which}.',
    },
    'credentials.incomplete-one': {
      record: 'La única credencial de este registro, {which}, no se pudo comprobar del todo. Consúltela para ver qué falta.',
      bundle: 'La única credencial de este paquete, {which}, no se pudo comprobar del todo. Consúltela para ver qué falta.',
    },
    'credentials.incomplete': {
      record: '{n} de las {total} credenciales de este registro no se pudieron comprobar del todo: {which}. Consulte cada una para ver qué falta.',
      bundle: '{n} de las {total} credenciales de este paquete no se pudieron comprobar del todo: {which}. Consulte cada una para ver qué falta.',
    },
    'credentials.not-holder':
      'Las {n} credenciales se verificaron, pero el titular no es el destinatario de {which}. Puede ser legítimo (un padre que presenta el expediente de su hijo), pero compruebe quién la presenta.',
    'credentials.not-holder-one':
      'Se verificó la única credencial del paquete, {which}, pero el titular no es su destinatario. Puede ser legítimo (un padre que presenta el expediente de su hijo), pero compruebe quién la presenta.',
    'credentials.vp-empty': 'Este paquete no contiene ninguna credencial.',
    'credentials.vp-too-many': 'Este paquete contiene {n} credenciales, más de las {max} que comprueba ClearBadge, así que no se comprobó ninguna.',
    'credentials.vp-verified': 'Las {n} credenciales de este paquete se verificaron.',
    'credentials.vp-verified-one': 'Se verificó la única credencial de este paquete.',
    'endorsements.failed': '{n} de {total} avales no se pudieron verificar ({which}); esto no afecta a la credencial en sí.',
    'endorsements.failed-one': 'El aval no se pudo verificar ({which}); esto no afecta a la credencial en sí.',
    'endorsements.incomplete': '{n} de {total} avales no se pudieron comprobar del todo; esto no afecta a la credencial en sí.',
    'endorsements.incomplete-one': 'El aval no se pudo comprobar del todo; esto no afecta a la credencial en sí.',
    'endorsements.too-many':
      'Esta credencial lleva {n} avales, más de los {max} que comprueba ClearBadge, así que no se comprobó ninguno; esto no afecta a la credencial en sí.',
    'endorsements.verified': 'Se verificaron los {total} avales.',
    'endorsements.verified-one': 'Se verificó el aval.',
    'format.clr': 'Es un Registro Completo del Aprendiz (CLR 2.0).',
    'format.clr-context':
      'Es un Registro Completo del Aprendiz (CLR 2.0), pero su @context no indica los contextos de CLR 2.0 y de Open Badges 3.0 en segundo y tercer lugar, como exige CLR 2.0.',
    'format.document-unreadable': 'No se pudo leer el documento.',
    'format.embedded-type': 'Una credencial incluida no es ni un objeto JSON ni un JWT.',
    'format.empty': 'El archivo está vacío.',
    'format.endorsement': 'Es un aval de Open Badges 3.0.',
    'format.endorsement-context':
      'Es un aval de Open Badges 3.0, pero su @context no indica el contexto de Open Badges 3.0 en segundo lugar, como exige la especificación.',
    'format.expected':
      'ClearBadge lee credenciales y presentaciones de Open Badges 3.0 y CLR 2.0, e insignias de Open Badges 2.0: un archivo JSON, un JWT (un texto en tres partes separadas por puntos), una imagen de insignia (PNG o SVG) con la credencial incrustada, o la dirección web de una aserción de Open Badges 2.0.',
    'format.image-empty': 'No se pudo leer ninguna credencial en esta imagen.',
    'format.jwt-not-credential': 'El contenido del JWT no es una credencial.',
    'format.jwt-unreadable': 'Parece un JWT, pero no se pudo leer.',
    'format.not-credential': 'Este archivo no es una credencial.',
    'format.not-endorsement': 'Este aval no es una EndorsementCredential.',
    'format.not-vc-context': 'No es una credencial verificable: la primera entrada de su @context no es el contexto de credenciales del W3C.',
    'format.not-vc-type': 'No es una credencial verificable: su tipo no incluye VerifiableCredential.',
    'format.not-vp-context': 'No es una presentación verificable: la primera entrada de su @context no es el contexto de credenciales del W3C.',
    'format.open-badge': 'Es una credencial de Open Badges 3.0.',
    'format.open-badge-context':
      'Es una credencial de Open Badges 3.0, pero su @context no indica el contexto de Open Badges 3.0 en segundo lugar, como exige la especificación.',
    'format.presentation': 'Es una presentación verificable: un paquete de credenciales firmado por la persona que las presenta.',
    'format.token-notes': 'Su token no cumple todas las reglas de la especificación de Open Badges; esto no afecta a la firma.',
    'format.too-deep': 'Este documento está anidado demasiado profundamente dentro de otros documentos como para comprobarlo.',
    'format.too-large': 'El archivo es demasiado grande ({n} bytes; el límite es {max}).',
    'format.too-many-documents': 'Este documento no se comprobó: la entrada contiene más de {max} documentos anidados, el máximo que comprueba ClearBadge.',
    'format.unreadable': 'No se pudo leer el archivo como una credencial.',
    'format.vc-only':
      'Es una credencial verificable, pero no una insignia Open Badge ni un registro de aprendizaje: solo se comprueban su firma, sus fechas y su estado.',
    'identity.keys-by': 'Sus claves las publica {domain}.',
    'identity.listed': 'El emisor figura en {registry} como «{name}».',
    'identity.listed-as-other': 'El emisor figura en {registry} como «{name}». La credencial lo llama «{claimed}»: confíe en el nombre del registro.',
    'identity.no-registry': '«{name}» es lo que afirma esta credencial: no había ningún registro de emisores disponible para decir quién es el emisor.',
    'identity.no-registry-offline':
      '«{name}» es lo que afirma esta credencial: no había ningún registro de emisores disponible para decir quién es el emisor. Una comprobación en línea (o un archivo de registro) consultaría uno.',
    'identity.unlisted': '«{name}» es lo que afirma esta credencial; ningún registro que usted usa incluye a este emisor.',
    'issuer.domain-publishes-key': 'La clave de firma pertenece al emisor: {domain} la publica para {issuer}.',
    'issuer.lists-key': 'La clave de firma pertenece al emisor: {issuer} la declara como propia.',
    'issuer.none': 'La credencial no indica quién la emitió.',
    'issuer.not-listed': 'La credencial se firmó con una clave que {name} no publica como propia.',
    'issuer.opaque-id': 'el emisor solo se identifica como {id}, que no publica ninguna clave que se pueda comprobar.',
    'issuer.other-key': 'La credencial se firmó con la clave de otra persona, no con una del emisor que indica ({name}).',
    'issuer.token-key': 'la clave venía dentro del propio token, y cualquiera podría haber creado esa clave;',
    'issuer.token-mismatch': 'El token y la credencial que contiene indican emisores distintos.',
    'issuer.unchecked': 'No se pudo confirmar quién emitió esta credencial, porque no se pudo comprobar su firma.',
    'issuer.unconfirmed': 'La firma está intacta, pero nada confirma que la clave que la hizo sea de {name}:',
    'key.controller-no-document': 'la clave indica como responsable a {controller}, que no tiene ningún documento que pueda confirmarlo.',
    'key.controller-offline': 'al comprobar sin conexión, ClearBadge no pudo obtener el documento de {controller} para ver si incluye esta clave.',
    'key.controller-refutes': 'el documento de {controller} no confirma la clave ({error}).',
    'key.controller-unreadable': 'no se pudo leer el documento de {controller} para confirmar la clave ({error}).',
    'key.different': '{controller} incluye otra clave con el nombre {key}.',
    'key.fragment-no-document':
      'la clave está escrita en la dirección {key}, y {controller} no tiene ningún documento que pueda confirmar que pertenece al emisor.',
    'key.fragment-offline':
      'la clave está escrita en la dirección {key}, y al comprobar sin conexión, ClearBadge no pudo obtener {controller} para ver si incluye esa clave.',
    'key.fragment-unfetched': 'la clave está escrita en la dirección {key}, pero no se pudo obtener {controller} para confirmarla ({error}).',
    'key.no-keys': '{controller} no publica ninguna clave ({error}).',
    'key.not-in-did': 'el documento DID de {controller} no incluye esta clave para {purpose}.',
    'key.not-listed': '{controller} no incluye esta clave para {purpose}.',
    'key.other-controller': '{document} incluye la clave para {purpose}, pero indica como responsable a {controller}.',
    'key.other-document': 'el documento de {controller} describe a {id}, no a sí mismo, así que sus claves no son de esa dirección.',
    'key.other-purpose': '{controller} incluye {key}, pero no para {purpose}.',
    'key.set-other-owner': 'el conjunto de claves del emisor indica que esta clave pertenece a {owner}.',
    'key.token-no-document': 'el token lleva su propia clave, y {issuer} no tiene ningún documento que pueda confirmarla.',
    'key.token-no-issuer': 'el token lleva su propia clave y no indica ningún emisor con el que confirmarla.',
    'key.token-not-in-did': 'el documento DID de {issuer} no incluye la clave del token para assertionMethod.',
    'key.token-not-published': 'el emisor no publica esa clave: {documents} no la incluyen.',
    'key.token-offline':
      'al comprobar sin conexión, ClearBadge no pudo obtener {issuer} ni su conjunto de claves para ver si la clave del token es del emisor.',
    'key.token-unfetched': 'no se pudo obtener ni {issuer} ni {keyset} para confirmar la clave del token ({error}).',
    'name.hidden': 'Cuidado con el nombre «{name}»: contiene caracteres que no se ven pero cambian cómo se muestra el texto: {chars}.',
    'name.hidden-lookalike':
      'Cuidado con el nombre «{name}»: contiene caracteres que no se ven pero cambian cómo se muestra el texto: {chars}; está escrito en letras del alfabeto {script} que parecen todas latinas.',
    'name.hidden-scripts':
      'Cuidado con el nombre «{name}»: contiene caracteres que no se ven pero cambian cómo se muestra el texto: {chars}; mezcla letras de distintas escrituras ({scripts}), como hacen los nombres que imitan a otros.',
    'name.lookalike': 'Cuidado con el nombre «{name}»: está escrito en letras del alfabeto {script} que parecen todas latinas.',
    'name.scripts': 'Cuidado con el nombre «{name}»: mezcla letras de distintas escrituras ({scripts}), como hacen los nombres que imitan a otros.',
    'ob2.endorsements.failed': '{n} de {total} avales no se pudieron verificar ({which}); esto no afecta a la insignia en sí.',
    'ob2.endorsements.failed-one': 'El aval no se pudo verificar ({which}); esto no afecta a la insignia en sí.',
    'ob2.endorsements.too-many': 'Esta insignia incluye {n} avales; ClearBadge comprueba como máximo {max}.',
    'ob2.endorsements.verified': 'Se verificaron {n} avales.',
    'ob2.endorsements.verified-one': 'Se verificó el aval.',
    'ob2.format.context': 'No es un documento válido de Open Badges 2.0: su contexto JSON-LD es incorrecto.',
    'ob2.format.endorsement-missing': 'El aval de {url} no estaba disponible.',
    'ob2.format.endorsement-not-url': 'Un aval no es ni una dirección web ni un aval firmado.',
    'ob2.format.endorsement-ref': 'Un aval no es ni una dirección ni un documento incluido.',
    'ob2.format.endorsement-unreadable': 'No se puede leer el aval de {url}.',
    'ob2.format.hosted': {
      assertion: 'Una aserción de Open Badges 2.0, verificada por el servidor del emisor (alojada).',
      endorsement: 'Un aval de Open Badges 2.0, verificado por el servidor del emisor (alojado).',
      _: 'Un documento de Open Badges 2.0 ({what}), verificado por el servidor del emisor (alojado).',
    },
    'ob2.format.not-endorsement': 'Este aval no es un Endorsement de Open Badges 2.0.',
    'ob2.format.not-url': 'No es la dirección web de una insignia.',
    'ob2.format.object': 'Un {class} de Open Badges 2.0: describe, pero no otorga nada a nadie, así que no hay nada que verificar; se comprobaron sus datos.',
    'ob2.format.signed': {
      assertion: 'Una aserción de Open Badges 2.0, firmada (JWS).',
      endorsement: 'Un aval de Open Badges 2.0, firmado (JWS).',
    },
    'ob2.format.signed-bare': {
      assertion: 'Una aserción de Open Badges 2.0 que se verifica mediante su firma.',
      endorsement: 'Un aval de Open Badges 2.0 que se verifica mediante su firma.',
    },
    'ob2.format.signed-context': 'El contenido de la insignia firmada no es un documento válido de Open Badges 2.0: su contexto JSON-LD es incorrecto.',
    'ob2.format.signed-not-assertion': 'El contenido de la insignia firmada no es una aserción de Open Badges 2.0.',
    'ob2.format.signed-not-json': 'El contenido de la insignia firmada no es un documento JSON.',
    'ob2.format.signed-unreadable': 'Parece una insignia firmada, pero no se pudo leer.',
    'ob2.format.url-not-badge': 'El documento de esta dirección no es una insignia de Open Badges 2.0.',
    'ob2.format.url-offline': 'ClearBadge está sin conexión, así que no se obtuvo la insignia de esta dirección: conéctese o añada la insignia como archivo.',
    'ob2.format.url-unfetched': 'No se pudo obtener la insignia de esta dirección.',
    'ob2.issuer.address': 'Esta insignia está publicada en una dirección que {name} usa para sus insignias.',
    'ob2.issuer.id-not-url': 'El id del emisor no es una dirección web, así que nada vincula el servidor que aloja esta insignia con {name}.',
    'ob2.issuer.key-missing': 'La clave del emisor no estaba disponible.',
    'ob2.issuer.key-untied': 'La clave a la que remite esta insignia no está vinculada a {name}.',
    'ob2.issuer.keys-missing': 'Las claves del emisor no estaban disponibles.',
    'ob2.issuer.no-keys': 'Ninguna clave de {name} pudo haber firmado esta insignia.',
    'ob2.issuer.not-address': '{name} no publica insignias en esta dirección.',
    'ob2.issuer.not-their-key': 'La clave de firma no es de {name}.',
    'ob2.issuer.profile-missing': 'El perfil del emisor no estaba disponible, así que se desconoce si el emisor publica insignias en esta dirección.',
    'ob2.issuer.signature-failed': 'La firma no se verificó, así que nada vincula esta insignia con {name}.',
    'ob2.issuer.their-key': 'La clave de firma es de {name}: el perfil del emisor la incluye, y la clave indica ese perfil como su propietario.',
    'ob2.issuer.unchecked': 'La firma no se comprobó, así que nada vincula esta insignia con su emisor.',
    'ob2.issuer.unsigned': 'Sin su firma, nada vincula esta insignia con su emisor.',
    'ob2.proof.algorithm': 'La firma de la insignia usa un algoritmo que Open Badges 2.0 no usa (se espera RS256).',
    'ob2.proof.creator-not-listed': 'La insignia indica una clave de firma que {name} no declara como propia.',
    'ob2.proof.endorsement-unchecked': 'No se pudo comprobar el aval.',
    'ob2.proof.hosted':
      'El servidor del emisor sirve esta insignia en su dirección: una insignia alojada es auténtica mientras ese servidor sea del emisor y la siga sirviendo.',
    'ob2.proof.hosted-answers': 'El servidor del emisor responde por esta insignia en su dirección.',
    'ob2.proof.hosted-differs':
      'El servidor del emisor sirve esta insignia en su dirección, pero su copia difiere de la recibida: lo que se comprobó, y lo que muestra esta tarjeta, es la copia del emisor.',
    'ob2.proof.hosted-no-url': 'Una insignia alojada debe tener como id la dirección web donde el emisor la publica; esta no la tiene.',
    'ob2.proof.hosted-offline':
      'Una insignia alojada se comprueba con la copia del servidor del emisor, y ClearBadge está sin conexión: conéctese o añada la copia del emisor como archivo.',
    'ob2.proof.hosted-other': 'El servidor del emisor sirve otra insignia en la dirección de esta.',
    'ob2.proof.hosted-unfetched':
      'El servidor del emisor no dio su copia de esta insignia, así que no se pudo comprobar: puede que ya no la sirva o que rechace las peticiones de páginas web. En su lugar se pueden aportar copias guardadas de los documentos que necesita.',
    'ob2.proof.hosted-unreadable': 'El servidor del emisor no sirve esta insignia en su dirección.',
    'ob2.proof.key-missing': 'La clave del emisor no estaba disponible, así que no se pudo comprobar la firma.',
    'ob2.proof.no-keys': '{name} no publica ninguna clave, así que no se puede comprobar esta insignia firmada.',
    'ob2.proof.no-match': 'La firma de la insignia no coincide con ninguna clave de {name}: se modificó, o no la firmó este emisor.',
    'ob2.proof.not-fetched': 'No se pudo comprobar la insignia: no se obtuvo.',
    'ob2.proof.offline': 'ClearBadge está sin conexión, así que no se obtuvieron el perfil ni las claves del emisor: conéctese o añádalos como archivos.',
    'ob2.proof.profile-missing': 'El perfil del emisor, que incluye sus claves, no estaba disponible, así que no se pudo comprobar la firma.',
    'ob2.proof.signature-missing':
      'Esta insignia se comprueba mediante su firma, que no venía con ella: aporte la insignia firmada (el texto en tres partes separadas por puntos, o la imagen de la insignia).',
    'ob2.proof.valid': 'La firma de la insignia es válida (RS256, {key}).',
    'ob2.recipient.match': 'Esta insignia se otorgó a {recipient}.',
    'ob2.recipient.mismatch': 'Esta insignia no se otorgó a {recipient}.',
    'ob2.schema.incomplete':
      'Algunos de los documentos a los que remite esta insignia no estaban disponibles, así que no se pudieron comprobar todos sus datos.',
    'ob2.schema.invalid': 'Los datos de la insignia no siguen las reglas de Open Badges 2.0.',
    'ob2.schema.ok': 'Los datos de la insignia siguen las reglas de Open Badges 2.0.',
    'ob2.schema.remarks': 'Los datos de la insignia siguen las reglas de Open Badges 2.0, con observaciones.',
    'ob2.status.gone': 'El emisor ha revocado esta insignia: su servidor responde que ya no existe.',
    'ob2.status.list-missing': 'La lista de revocación del emisor no estaba disponible, así que se desconoce si esta insignia se revocó.',
    'ob2.status.list-unreadable': 'No se puede leer la lista de revocación del emisor, así que se desconoce si esta insignia se revocó.',
    'ob2.status.no-list': 'No revocada: el emisor no publica ninguna lista de revocación.',
    'ob2.status.not-a-list': 'La lista de revocación del emisor no es una RevocationList.',
    'ob2.status.not-asked': 'Se desconoce si el emisor retiró esta insignia: no se consultó a su servidor.',
    'ob2.status.not-listed': 'No revocada: la lista de revocación del emisor no la incluye.',
    'ob2.status.profile-missing': 'No se pudo comprobar la revocación: el perfil del emisor no estaba disponible.',
    'ob2.status.reason': 'Motivo indicado: {reason}',
    'ob2.status.revoked': 'El emisor ha revocado esta insignia.',
    'ob2.status.served': 'No revocada: el servidor del emisor sigue sirviendo esta insignia.',
    'ob2.status.unverified': 'No se comprobó la revocación: no se pudo verificar la propia insignia.',
    'ob2.validity.expired': 'Esta insignia caducó el {expires}.',
    'ob2.validity.expires-before-issued': 'Esta insignia caduca antes de haberse emitido.',
    'ob2.validity.expires-unreadable': 'No se puede leer la fecha de caducidad de la insignia, así que se desconoce su validez.',
    'ob2.validity.future': 'Esta insignia dice haberse emitido en el futuro, el {issued}.',
    'ob2.validity.issued': 'Emitida el {issued}; no caduca.',
    'ob2.validity.issued-unreadable': 'No se puede leer la fecha de emisión de la insignia, así que se desconoce su validez.',
    'ob2.validity.issued-until': 'Emitida el {issued}; válida hasta el {expires}.',
    'presentation.challenge-mismatch': 'Este paquete se hizo para otra solicitud (su desafío no coincide con el suyo): puede ser una reutilización.',
    'presentation.domain-mismatch': 'Este paquete se hizo para otro sitio web o verificador (su dominio no coincide).',
    'presentation.expired': 'La firma del titular en este paquete caducó el {until}: pida una nueva.',
    'presentation.key-not-listed': 'Este paquete se firmó con una clave que el titular no publica como propia.',
    'presentation.key-unconfirmed': 'Pero no se pudo confirmar que la clave sea del titular:',
    'presentation.no-challenge': 'Este paquete no se hizo en respuesta a su solicitud: no lleva ningún desafío.',
    'presentation.no-holder': 'El paquete no indica su titular.',
    'presentation.not-yet': 'La firma del titular en este paquete aún no es válida: empieza el {from}.',
    'presentation.ok': 'El titular firmó este paquete para esta solicitud.',
    'presentation.other-signer': 'Este paquete lo firmó alguien distinto del titular que indica.',
    'presentation.token-mismatch': 'El token y el paquete que contiene indican titulares distintos.',
    'presentation.unasked': 'El titular firmó este paquete, pero no se dio ningún desafío con el que compararlo: podría ser una reutilización.',
    'presentation.unchecked': 'Todavía no se pudo comprobar la firma de quien presenta este paquete:',
    'presentation.unsigned':
      'Este paquete no está firmado por su titular, así que no se puede confirmar quién lo entregó; cada credencial que contiene se comprueba por separado.',
    'presentation.unsigned-challenge': 'Este paquete no está firmado por su titular, así que no puede responder a su desafío.',
    'presentation.unverified': 'No se pudo verificar la firma de quien presenta este paquete.',
    'proof.alg-mismatch': 'El algoritmo del token no corresponde a su clave; es un truco de falsificación conocido, así que se rechaza.',
    'proof.alg-none': 'Este token no está firmado en absoluto (algoritmo "none"): cualquiera podría haberlo escrito.',
    'proof.base-proof': {
      credential:
        'Esta credencial lleva la prueba base de divulgación selectiva del emisor, que está destinada al titular: el titular debe derivar de ella una prueba para mostrarla.',
      bundle:
        'Este paquete lleva la prueba base de divulgación selectiva del emisor, que está destinada al titular: el titular debe derivar de ella una prueba para mostrarlo.',
    },
    'proof.bundle-no-kid': 'El token del paquete no indica cuál de las claves del titular lo firmó, así que no se puede confirmar el titular.',
    'proof.changed': {
      credential: 'Esta credencial se modificó después de firmarse, o no la firmó la clave que indica.',
      bundle: 'Este paquete se modificó después de firmarse, o no lo firmó la clave que indica.',
    },
    'proof.expired': {
      credential: 'La firma de esta credencial ha caducado.',
      bundle: 'La firma de este paquete ha caducado.',
    },
    'proof.hmac': 'Este token usa un algoritmo de secreto compartido que no puede demostrar quién lo emitió.',
    'proof.intact': 'La firma del emisor está intacta: nada en esta credencial se modificó después de firmarse.',
    'proof.intact-holder': 'La firma del titular está intacta: nada en este paquete se modificó después de firmarse.',
    'proof.key-not-found': {
      credential: 'No se encontró la clave que debería haber firmado esta credencial, así que no se puede confiar en su firma.',
      bundle: 'No se encontró la clave que debería haber firmado este paquete, así que no se puede confiar en su firma.',
    },
    'proof.key-offline':
      'No se pudo comprobar la firma sin conexión: la clave del firmante está publicada en línea. Active las comprobaciones en línea (o aporte el documento de la clave) para comprobarla.',
    'proof.key-unreachable':
      'No se pudo comprobar la firma: la clave del firmante está publicada en {host}, que no respondió. Inténtelo más tarde o aporte el documento de la clave.',
    'proof.key-withheld': 'No se pudo comprobar la firma: la clave del firmante está publicada en {host}, que no se contactó ({reason}).',
    'proof.malformed': {
      credential: 'La firma de la credencial está mal formada.',
      bundle: 'La firma del paquete está mal formada.',
    },
    'proof.no-kid': 'El token no indica qué clave lo firmó, así que no se puede comprobar su firma.',
    'proof.none': {
      credential: 'Esta credencial no lleva ninguna firma, así que nada muestra quién la hizo ni que no haya cambiado.',
      bundle: 'Este paquete no lleva ninguna firma, así que nada muestra quién lo hizo ni que no haya cambiado.',
    },
    'proof.purpose': 'La firma no se hizo para este uso: su propósito es "{purpose}", no "{expected}".',
    'proof.too-complex': {
      credential: 'Esta credencial es demasiado grande o compleja para comprobar su firma en un tiempo acotado, así que se rechaza.',
      bundle: 'Este paquete es demasiado grande o complejo para comprobar su firma en un tiempo acotado, así que se rechaza.',
    },
    'proof.too-many': {
      credential: 'Esta credencial lleva {n} firmas, más de las {max} que comprueba ClearBadge, así que no se comprobó ninguna.',
      bundle: 'Este paquete lleva {n} firmas, más de las {max} que comprueba ClearBadge, así que no se comprobó ninguna.',
    },
    'proof.two-keys': 'El token indica dos claves distintas para su firma, así que no se puede confiar en él.',
    'proof.undefined-term': {
      credential: 'Esta credencial contiene una propiedad que su vocabulario no define ({term}), así que la firma no podía cubrirla.',
      bundle: 'Este paquete contiene una propiedad que su vocabulario no define ({term}), así que la firma no podía cubrirla.',
    },
    'proof.unknown-context': {
      credential: 'No se pudo comprobar la firma: la credencial usa un vocabulario que ClearBadge no incluye ({url}), y los vocabularios nunca se descargan.',
      bundle: 'No se pudo comprobar la firma: el paquete usa un vocabulario que ClearBadge no incluye ({url}), y los vocabularios nunca se descargan.',
    },
    'proof.unreadable': {
      credential: 'No se pudo comprobar la firma de la credencial: está mal formada.',
      bundle: 'No se pudo comprobar la firma del paquete: está mal formada.',
    },
    'proof.unsupported': {
      credential: 'La firma de esta credencial es de un tipo que ClearBadge no puede comprobar.',
      bundle: 'La firma de este paquete es de un tipo que ClearBadge no puede comprobar.',
    },
    'recipient.match': 'Esta credencial se otorgó a {recipient}.',
    'recipient.mismatch': 'Esta credencial no se otorgó a {recipient}.',
    'refresh.not-verified': 'La copia actualizada del emisor no se verificó; la credencial se comprobó tal como está.',
    'refresh.offered': 'El emisor ofrece una copia actualizada de esta credencial; ClearBadge no la pidió.',
    'refresh.offline': 'El emisor ofrece una copia actualizada de esta credencial; no se obtuvo porque ClearBadge está sin conexión.',
    'refresh.unfetched': 'No se pudo obtener la copia actualizada del emisor; la credencial se comprobó tal como está.',
    'refresh.unsigned': 'No se obtuvo la copia actualizada del emisor, porque la firma de esta credencial no se verificó.',
    'refresh.verified': 'La copia actualizada del emisor de esta credencial también se verificó.',
    'schema.date-not-text': 'El valor de {path} debería ser una fecha escrita como texto, pero es {actual}.',
    'schema.empty-list': 'La lista {path} está vacía.',
    'schema.missing': 'Falta el campo obligatorio {path}.',
    'schema.more': '…y {n} problemas más como estos.',
    'schema.named-matches': 'Se ajusta a {urls}.',
    'schema.named-mismatch': {
      credential: 'La credencial no se ajusta al esquema que indicó su emisor ({url}).',
      endorsement: 'El aval no se ajusta al esquema que indicó su emisor ({url}).',
      'learner record': 'El registro de aprendizaje no se ajusta al esquema que indicó su emisor ({url}).',
    },
    'schema.named-mismatch-error': {
      credential: 'La credencial no se ajusta al esquema que indicó su emisor ({url}): {error}.',
      endorsement: 'El aval no se ajusta al esquema que indicó su emisor ({url}): {error}.',
      'learner record': 'El registro de aprendizaje no se ajusta al esquema que indicó su emisor ({url}): {error}.',
    },
    'schema.named-offline': 'El esquema que indicó su emisor ({urls}) no se comprobó, porque ClearBadge está sin conexión.',
    'schema.named-too-many': 'El esquema que indicó su emisor ({urls}) no se comprobó: ClearBadge comprueba como máximo {max} esquemas por credencial.',
    'schema.named-unreadable': 'El esquema que indicó su emisor ({urls}) no se pudo usar, así que no se comprobó: {reason}.',
    'schema.named-unsupported': 'El esquema que indicó su emisor ({urls}) no se comprobó: ClearBadge no implementa esquemas de tipo {type}.',
    'schema.no-id': 'Falta {path} y no hay ningún identificador (identifier), así que nada dice a quién se refiere.',
    'schema.not-allowed': 'El valor {value} de {path} no es uno de los que permite la especificación.',
    'schema.not-bool': 'El valor de {path} debería ser verdadero o falso, pero es {actual}.',
    'schema.not-date': 'El valor {value} de {path} no es una fecha, como 2024-05-01.',
    'schema.not-datetime': 'El valor {value} de {path} no es una fecha y hora, como 2024-05-01T09:30:00.',
    'schema.not-datetime-zone': 'El valor {value} de {path} no es una fecha y hora con zona horaria, como 2024-05-01T09:30:00Z.',
    'schema.not-iri': 'El valor de {path} debería ser una dirección web u otro identificador escrito como texto, pero es {actual}.',
    'schema.not-jws': 'El valor de {path} no es un token firmado (un JWS compacto).',
    'schema.not-number': 'El valor de {path} debería ser un número, pero es {actual}.',
    'schema.not-object': 'El valor de {path} debería ser un objeto con sus propios campos, pero es {actual}.',
    'schema.not-profile': 'El valor de {path} debería ser una dirección web o un perfil, pero es {actual}.',
    'schema.not-text': 'El valor de {path} debería ser texto, pero es {actual}.',
    'schema.notes':
      'Son observaciones sobre el modelo de datos; no afectan a quién emitió la credencial ni a si ha cambiado (el modo estricto las convierte en fallos).',
    'schema.ok': {
      credential: 'La credencial tiene todos los campos que exige {spec}, con la forma correcta (comprobado con las reglas propias de ClearBadge).',
      endorsement: 'El aval tiene todos los campos que exige {spec}, con la forma correcta (comprobado con las reglas propias de ClearBadge).',
      'learner record':
        'El registro de aprendizaje tiene todos los campos que exige {spec}, con la forma correcta (comprobado con las reglas propias de ClearBadge).',
    },
    'schema.ok-named': {
      credential: 'La credencial tiene todos los campos que exige {spec}, con la forma correcta, y se ajusta al esquema que indicó su emisor.',
      endorsement: 'El aval tiene todos los campos que exige {spec}, con la forma correcta, y se ajusta al esquema que indicó su emisor.',
      'learner record':
        'El registro de aprendizaje tiene todos los campos que exige {spec}, con la forma correcta, y se ajusta al esquema que indicó su emisor.',
    },
    'schema.too-deep': '{path} está anidado demasiado profundamente para comprobarlo.',
    'schema.type-missing': 'Falta el campo obligatorio {path}.',
    'schema.type-not-text': 'El tipo ({path}) debería ser texto, pero es {actual}.',
    'schema.type-unknown':
      'El tipo {types} ({path}) no indica ni una Open Badge (OpenBadgeCredential o AchievementCredential), ni un aval (EndorsementCredential), ni un registro de aprendizaje (ClrCredential).',
    'schema.type-wrong': 'El tipo {types} ({path}) debe incluir {type}.',
    'status.list-dates': 'sus fechas no son válidas.',
    'status.list-expired': 'caducó el {until}.',
    'status.list-no-entry': 'No se pudo usar la {list}: no tiene la entrada {index}.',
    'status.list-no-subject': 'no contiene ningún {type}.',
    'status.list-not-credential': 'no es una credencial.',
    'status.list-not-yet': 'no es válida antes de {from}.',
    'status.list-of-list': 'El estado de una lista de estado no se sigue más allá.',
    'status.list-other-id': 'La {list} dice llamarse {id}, pero se obtuvo de {url}.',
    'status.list-other-issuer': 'La {list} la publica «{publisher}», no el emisor de la credencial; se comprobó su propia firma.',
    'status.list-proof-unchecked': {
      Revocation: 'La revocación no se comprobó: no se pudo comprobar la prueba de su lista.',
      Suspension: 'La suspensión no se comprobó: no se pudo comprobar la prueba de su lista.',
      "The credential's status": 'El estado de la credencial no se comprobó: no se pudo comprobar la prueba de su lista.',
    },
    'status.list-purpose': 'es una lista para «{purposes}», pero la credencial remite a ella para «{purpose}».',
    'status.list-short': 'La {list} solo tiene {n} entradas; {spec} exige al menos {min} para proteger la privacidad de los titulares.',
    'status.list-unchecked': {
      Revocation: 'La revocación no se comprobó:',
      Suspension: 'La suspensión no se comprobó:',
      "The credential's status": 'El estado de la credencial no se comprobó:',
    },
    'status.list-unreadable': 'No se pudo usar la {list}: su lista codificada es ilegible.',
    'status.list-untrusted': 'No se pudo confiar en la {list}:',
    'status.list-wrong-type': 'no es un {type}.',
    'status.malformed': 'La entrada de estado de esta credencial está mal formada, así que no se puede saber si se revocó.',
    'status.marked': 'La lista de estado del emisor marca esta credencial para «{purpose}».',
    'status.message': 'El mensaje de estado del emisor para esta credencial es «{message}» ({value}).',
    'status.no-type': 'La entrada de estado de esta credencial no tiene tipo, así que no se pudo comprobar su estado.',
    'status.no-verifier': {
      Revocation: 'La revocación no se comprobó: ClearBadge no puede verificar aquí la {list}.',
      Suspension: 'La suspensión no se comprobó: ClearBadge no puede verificar aquí la {list}.',
      "The credential's status": 'El estado de la credencial no se comprobó: ClearBadge no puede verificar aquí la {list}.',
    },
    'status.none': 'Esta credencial no usa una lista de revocación.',
    'status.not-marked': 'La lista de estado del emisor no marca esta credencial para «{purpose}».',
    'status.not-refreshed': 'El emisor no ha anunciado una versión actualizada de esta credencial.',
    'status.not-revoked': 'El emisor no ha revocado esta credencial.',
    'status.not-suspended': 'El emisor no ha suspendido esta credencial.',
    'status.offline': {
      Revocation:
        'La revocación no se comprobó porque ClearBadge está sin conexión; active las comprobaciones en línea o aporte la lista con --with URL=ARCHIVO.',
      Suspension:
        'La suspensión no se comprobó porque ClearBadge está sin conexión; active las comprobaciones en línea o aporte la lista con --with URL=ARCHIVO.',
      "The credential's status":
        'El estado de la credencial no se comprobó porque ClearBadge está sin conexión; active las comprobaciones en línea o aporte la lista con --with URL=ARCHIVO.',
    },
    'status.reason': 'Motivo indicado: «{reason}».',
    'status.refreshed': 'El emisor ha publicado una versión actualizada de esta credencial.',
    'status.revoked': 'El emisor ha revocado esta credencial.',
    'status.suspended': 'El emisor ha suspendido esta credencial; una suspensión puede levantarse más adelante.',
    'status.too-many': 'Esta credencial tiene {n} entradas de estado, más de las {max} que comprueba ClearBadge, así que no se comprobó si se revocó.',
    'status.unfetched': {
      Revocation: 'La revocación no se comprobó: no se pudo obtener la lista de {host}.',
      Suspension: 'La suspensión no se comprobó: no se pudo obtener la lista de {host}.',
      "The credential's status": 'El estado de la credencial no se comprobó: no se pudo obtener la lista de {host}.',
    },
    'status.unknown-type': 'El estado de esta credencial usa «{type}», que ClearBadge no comprueba.',
    'status.untrusted-credential': {
      Revocation: 'La revocación no se comprobó: la firma de la credencial no se verificó, así que no se obtuvo su lista.',
      Suspension: 'La suspensión no se comprobó: la firma de la credencial no se verificó, así que no se obtuvo su lista.',
      "The credential's status": 'El estado de la credencial no se comprobó: la firma de la credencial no se verificó, así que no se obtuvo su lista.',
    },
    'status.vcrl-no-id': 'No se comprobó la revocación: esta credencial no tiene ningún id que buscar en la lista de revocación del emisor.',
    'status.vcrl-not-list': 'No se comprobó la revocación: el documento de la dirección de la lista de revocación no es una lista de revocación.',
    'status.vcrl-not-revoked': 'El emisor no ha revocado esta credencial, según su lista de revocación (un documento sin firmar servido por {host}).',
    'status.vcrl-revoked': 'La lista de revocación del emisor dice que esta credencial se ha revocado.',
    'status.vcrl-unreadable': 'No se comprobó la revocación: no se pudo leer la lista de revocación del emisor.',
    'status.withheld': {
      Revocation: 'La revocación no se comprobó: la lista de {host} no se obtuvo ({reason}).',
      Suspension: 'La suspensión no se comprobó: la lista de {host} no se obtuvo ({reason}).',
      "The credential's status": 'El estado de la credencial no se comprobó: la lista de {host} no se obtuvo ({reason}).',
    },
    'validity.expired': 'Esta credencial caducó el {until}.',
    'validity.from': 'Válida desde el {from}; no caduca.',
    'validity.from-until': 'Válida desde el {from} hasta el {until}.',
    'validity.no-date': 'La credencial no indica cuándo se emitió.',
    'validity.not-yet': 'Esta credencial aún no es válida: lo será a partir del {from}.',
    'validity.unreadable': 'No se pueden leer las fechas de la credencial, así que se desconoce su validez.',
  },
  fr: {
    'credentials.clr-empty': 'Ce relevé d’acquis ne contient aucune attestation.',
    'credentials.clr-too-many': 'Ce relevé d’acquis contient {n} attestations, plus que les {max} que vérifie ClearBadge : aucune n’a donc été vérifiée.',
    'credentials.clr-verified': 'Les {n} attestations de ce relevé ont été vérifiées.',
    'credentials.clr-verified-one': 'L’unique attestation de ce relevé a été vérifiée.',
    'credentials.failed-one': {
      record: 'L’unique attestation de ce relevé, {which}, n’a pas été vérifiée.',
      bundle: 'L’unique attestation de ce lot, {which}, n’a pas été vérifiée.',
    },
    'credentials.failed': {
      record: '{n} des {total} attestations de ce relevé n’ont pas été vérifiées : {which}.',
      bundle: '{n} des {total} attestations de ce lot n’ont pas été vérifiées : {which}.',
    },
    'credentials.incomplete-one': {
      record: 'L’unique attestation de ce relevé, {which}, n’a pas pu être entièrement vérifiée. Consultez-la pour voir ce qui manque.',
      bundle: 'L’unique attestation de ce lot, {which}, n’a pas pu être entièrement vérifiée. Consultez-la pour voir ce qui manque.',
    },
    'credentials.incomplete': {
      record: '{n} des {total} attestations de ce relevé n’ont pas pu être entièrement vérifiées : {which}. Consultez chacune pour voir ce qui manque.',
      bundle: '{n} des {total} attestations de ce lot n’ont pas pu être entièrement vérifiées : {which}. Consultez chacune pour voir ce qui manque.',
    },
    'credentials.not-holder':
      'Les {n} attestations ont été vérifiées, mais le titulaire n’est pas le destinataire de {which}. Cela peut être légitime (un parent qui présente le dossier de son enfant), mais vérifiez qui les présente.',
    'credentials.not-holder-one':
      'L’unique attestation du lot, {which}, a été vérifiée, mais le titulaire n’en est pas le destinataire. Cela peut être légitime (un parent qui présente le dossier de son enfant), mais vérifiez qui la présente.',
    'credentials.vp-empty': 'Ce lot ne contient aucune attestation.',
    'credentials.vp-too-many': 'Ce lot contient {n} attestations, plus que les {max} que vérifie ClearBadge : aucune n’a donc été vérifiée.',
    'credentials.vp-verified': 'Les {n} attestations de ce lot ont été vérifiées.',
    'credentials.vp-verified-one': 'L’unique attestation de ce lot a été vérifiée.',
    'endorsements.failed': '{n} recommandations sur {total} n’ont pas pu être vérifiées ({which}) ; cela n’affecte pas l’attestation elle-même.',
    'endorsements.failed-one': 'La recommandation n’a pas pu être vérifiée ({which}) ; cela n’affecte pas l’attestation elle-même.',
    'endorsements.incomplete': '{n} recommandations sur {total} n’ont pas pu être entièrement vérifiées ; cela n’affecte pas l’attestation elle-même.',
    'endorsements.incomplete-one': 'La recommandation n’a pas pu être entièrement vérifiée ; cela n’affecte pas l’attestation elle-même.',
    'endorsements.too-many':
      'Cette attestation porte {n} recommandations, plus que les {max} que vérifie ClearBadge : aucune n’a donc été vérifiée ; cela n’affecte pas l’attestation elle-même.',
    'endorsements.verified': 'Les {total} recommandations ont été vérifiées.',
    'endorsements.verified-one': 'La recommandation a été vérifiée.',
    'format.clr': 'Il s’agit d’un relevé complet des acquis (CLR 2.0).',
    'format.clr-context':
      'Il s’agit d’un relevé complet des acquis (CLR 2.0), mais son @context n’indique pas les contextes CLR 2.0 et Open Badges 3.0 en deuxième et troisième position, comme l’exige CLR 2.0.',
    'format.document-unreadable': 'Le document n’a pas pu être lu.',
    'format.embedded-type': 'Une attestation incluse n’est ni un objet JSON ni un JWT.',
    'format.empty': 'Le fichier est vide.',
    'format.endorsement': 'Il s’agit d’une recommandation Open Badges 3.0.',
    'format.endorsement-context':
      'Il s’agit d’une recommandation Open Badges 3.0, mais son @context n’indique pas le contexte Open Badges 3.0 en deuxième position, comme l’exige la spécification.',
    'format.expected':
      'ClearBadge lit les attestations et présentations Open Badges 3.0 et CLR 2.0, ainsi que les badges Open Badges 2.0 : un fichier JSON, un JWT (un texte en trois parties séparées par des points), une image de badge (PNG ou SVG) contenant l’attestation, ou l’adresse web d’une assertion Open Badges 2.0.',
    'format.image-empty': 'Aucune attestation n’a pu être lue dans cette image.',
    'format.jwt-not-credential': 'Le contenu du JWT n’est pas une attestation.',
    'format.jwt-unreadable': 'Cela ressemble à un JWT, mais il n’a pas pu être lu.',
    'format.not-credential': 'Ce fichier n’est pas une attestation.',
    'format.not-endorsement': 'Cette recommandation n’est pas une EndorsementCredential.',
    'format.not-vc-context': 'Ce n’est pas une attestation vérifiable : la première entrée de son @context n’est pas le contexte des attestations du W3C.',
    'format.not-vc-type': 'Ce n’est pas une attestation vérifiable : son type n’inclut pas VerifiableCredential.',
    'format.not-vp-context': 'Ce n’est pas une présentation vérifiable : la première entrée de son @context n’est pas le contexte des attestations du W3C.',
    'format.open-badge': 'Il s’agit d’une attestation Open Badges 3.0.',
    'format.open-badge-context':
      'Il s’agit d’une attestation Open Badges 3.0, mais son @context n’indique pas le contexte Open Badges 3.0 en deuxième position, comme l’exige la spécification.',
    'format.presentation': 'Il s’agit d’une présentation vérifiable : un lot d’attestations signé par la personne qui les présente.',
    'format.token-notes': 'Son jeton ne respecte pas toutes les règles de la spécification Open Badges ; cela n’affecte pas la signature.',
    'format.too-deep': 'Ce document est imbriqué trop profondément dans d’autres documents pour être vérifié.',
    'format.too-large': 'Le fichier est trop volumineux ({n} octets ; la limite est de {max}).',
    'format.too-many-documents': 'Ce document n’a pas été vérifié : l’entrée contient plus de {max} documents imbriqués, le maximum que vérifie ClearBadge.',
    'format.unreadable': 'Le fichier n’a pas pu être lu comme une attestation.',
    'format.vc-only':
      'Il s’agit d’une attestation vérifiable, mais ni d’un Open Badge ni d’un relevé d’acquis : seules sa signature, ses dates et son statut sont vérifiés.',
    'identity.keys-by': 'Ses clés sont publiées par {domain}.',
    'identity.listed': 'L’émetteur est répertorié par {registry} sous le nom « {name} ».',
    'identity.listed-as-other':
      'L’émetteur est répertorié par {registry} sous le nom « {name} ». L’attestation l’appelle « {claimed} » : fiez-vous au nom du registre.',
    'identity.no-registry': '« {name} » est ce qu’affirme cette attestation : aucun registre d’émetteurs n’était disponible pour dire qui est l’émetteur.',
    'identity.no-registry-offline':
      '« {name} » est ce qu’affirme cette attestation : aucun registre d’émetteurs n’était disponible pour dire qui est l’émetteur. Une vérification en ligne (ou un fichier de registre) en consulterait un.',
    'identity.unlisted': '« {name} » est ce qu’affirme cette attestation ; aucun registre que vous utilisez ne répertorie cet émetteur.',
    'issuer.domain-publishes-key': 'La clé de signature appartient à l’émetteur : {domain} la publie pour {issuer}.',
    'issuer.lists-key': 'La clé de signature appartient à l’émetteur : {issuer} la déclare comme sienne.',
    'issuer.none': 'L’attestation n’indique pas qui l’a émise.',
    'issuer.not-listed': 'L’attestation a été signée avec une clé que {name} ne publie pas comme sienne.',
    'issuer.opaque-id': 'l’émetteur n’est identifié que par {id}, qui ne publie aucune clé vérifiable.',
    'issuer.other-key': 'L’attestation a été signée avec la clé de quelqu’un d’autre, et non avec une clé de l’émetteur qu’elle nomme ({name}).',
    'issuer.token-key': 'la clé figurait dans le jeton lui-même, et n’importe qui aurait pu créer cette clé ;',
    'issuer.token-mismatch': 'Le jeton et l’attestation qu’il contient nomment des émetteurs différents.',
    'issuer.unchecked': 'Qui a émis cette attestation n’a pas pu être confirmé, car sa signature n’a pas pu être vérifiée.',
    'issuer.unconfirmed': 'La signature est intacte, mais rien ne confirme que la clé qui l’a produite appartient à {name} :',
    'key.controller-no-document': 'la clé désigne {controller} comme responsable, qui n’a aucun document pouvant le confirmer.',
    'key.controller-offline': 'hors ligne, ClearBadge n’a pas pu récupérer le document de {controller} pour voir s’il répertorie cette clé.',
    'key.controller-refutes': 'le document de {controller} ne confirme pas la clé ({error}).',
    'key.controller-unreadable': 'le document de {controller} n’a pas pu être lu pour confirmer la clé ({error}).',
    'key.different': '{controller} répertorie une autre clé sous le nom {key}.',
    'key.fragment-no-document':
      'la clé est inscrite dans l’adresse {key}, et {controller} n’a aucun document pouvant confirmer qu’elle appartient à l’émetteur.',
    'key.fragment-offline':
      'la clé est inscrite dans l’adresse {key}, et hors ligne, ClearBadge n’a pas pu récupérer {controller} pour voir s’il répertorie cette clé.',
    'key.fragment-unfetched': 'la clé est inscrite dans l’adresse {key}, mais {controller} n’a pas pu être récupéré pour la confirmer ({error}).',
    'key.no-keys': '{controller} ne publie aucune clé ({error}).',
    'key.not-in-did': 'le document DID de {controller} ne répertorie pas cette clé pour {purpose}.',
    'key.not-listed': '{controller} ne répertorie pas cette clé pour {purpose}.',
    'key.other-controller': '{document} répertorie la clé pour {purpose}, mais désigne {controller} comme responsable.',
    'key.other-document': 'le document à l’adresse {controller} décrit {id}, et non lui-même : ses clés ne sont donc pas celles de cette adresse.',
    'key.other-purpose': '{controller} répertorie {key}, mais pas pour {purpose}.',
    'key.set-other-owner': 'le jeu de clés de l’émetteur indique que cette clé appartient à {owner}.',
    'key.token-no-document': 'le jeton porte sa propre clé, et {issuer} n’a aucun document pouvant la confirmer.',
    'key.token-no-issuer': 'le jeton porte sa propre clé et ne nomme aucun émetteur auprès duquel la confirmer.',
    'key.token-not-in-did': 'le document DID de {issuer} ne répertorie pas la clé du jeton pour assertionMethod.',
    'key.token-not-published': 'l’émetteur ne publie pas cette clé : {documents} ne la répertorient pas.',
    'key.token-offline': 'hors ligne, ClearBadge n’a pas pu récupérer {issuer} ni son jeu de clés pour voir si la clé du jeton est celle de l’émetteur.',
    'key.token-unfetched': 'ni {issuer} ni {keyset} n’ont pu être récupérés pour confirmer la clé du jeton ({error}).',
    'name.hidden': 'Attention au nom « {name} » : il contient des caractères invisibles qui changent l’affichage du texte : {chars}.',
    'name.hidden-lookalike':
      'Attention au nom « {name} » : il contient des caractères invisibles qui changent l’affichage du texte : {chars} ; il est écrit en lettres de l’écriture {script} qui ressemblent toutes à des lettres latines.',
    'name.hidden-scripts':
      'Attention au nom « {name} » : il contient des caractères invisibles qui changent l’affichage du texte : {chars} ; il mélange des lettres de plusieurs écritures ({scripts}), comme le font les noms qui en imitent d’autres.',
    'name.lookalike': 'Attention au nom « {name} » : il est écrit en lettres de l’écriture {script} qui ressemblent toutes à des lettres latines.',
    'name.scripts': 'Attention au nom « {name} » : il mélange des lettres de plusieurs écritures ({scripts}), comme le font les noms qui en imitent d’autres.',
    'ob2.endorsements.failed': '{n} recommandations sur {total} n’ont pas pu être vérifiées ({which}) ; cela n’affecte pas le badge lui-même.',
    'ob2.endorsements.failed-one': 'La recommandation n’a pas pu être vérifiée ({which}) ; cela n’affecte pas le badge lui-même.',
    'ob2.endorsements.too-many': 'Ce badge comporte {n} recommandations ; ClearBadge en vérifie au plus {max}.',
    'ob2.endorsements.verified': '{n} recommandations vérifiées.',
    'ob2.endorsements.verified-one': 'La recommandation a été vérifiée.',
    'ob2.format.context': 'Ce n’est pas un document Open Badges 2.0 valide : son contexte JSON-LD est incorrect.',
    'ob2.format.endorsement-missing': 'La recommandation à l’adresse {url} n’était pas disponible.',
    'ob2.format.endorsement-not-url': 'Une recommandation n’est ni une adresse web ni une recommandation signée.',
    'ob2.format.endorsement-ref': 'Une recommandation n’est ni une adresse ni un document inclus.',
    'ob2.format.endorsement-unreadable': 'La recommandation à l’adresse {url} ne peut pas être lue.',
    'ob2.format.hosted': {
      assertion: 'Une assertion Open Badges 2.0, vérifiée par le serveur de l’émetteur (hébergée).',
      endorsement: 'Une recommandation Open Badges 2.0, vérifiée par le serveur de l’émetteur (hébergée).',
      _: 'Un document Open Badges 2.0 ({what}), vérifié par le serveur de l’émetteur (hébergé).',
    },
    'ob2.format.not-endorsement': 'Cette recommandation n’est pas un Endorsement Open Badges 2.0.',
    'ob2.format.not-url': 'Ce n’est pas l’adresse web d’un badge.',
    'ob2.format.object':
      'Un {class} Open Badges 2.0 : il décrit, mais n’attribue rien à personne, il n’y a donc rien à vérifier ; ses données ont été contrôlées.',
    'ob2.format.signed': {
      assertion: 'Une assertion Open Badges 2.0, signée (JWS).',
      endorsement: 'Une recommandation Open Badges 2.0, signée (JWS).',
    },
    'ob2.format.signed-bare': {
      assertion: 'Une assertion Open Badges 2.0 destinée à être vérifiée par sa signature.',
      endorsement: 'Une recommandation Open Badges 2.0 destinée à être vérifiée par sa signature.',
    },
    'ob2.format.signed-context': 'Le contenu du badge signé n’est pas un document Open Badges 2.0 valide : son contexte JSON-LD est incorrect.',
    'ob2.format.signed-not-assertion': 'Le contenu du badge signé n’est pas une assertion Open Badges 2.0.',
    'ob2.format.signed-not-json': 'Le contenu du badge signé n’est pas un document JSON.',
    'ob2.format.signed-unreadable': 'Cela ressemble à un badge signé, mais il n’a pas pu être lu.',
    'ob2.format.url-not-badge': 'Le document à cette adresse n’est pas un badge Open Badges 2.0.',
    'ob2.format.url-offline':
      'ClearBadge est hors ligne, le badge à cette adresse n’a donc pas été récupéré : passez en ligne, ou ajoutez le badge sous forme de fichier.',
    'ob2.format.url-unfetched': 'Le badge à cette adresse n’a pas pu être récupéré.',
    'ob2.issuer.address': 'Ce badge est publié à une adresse que {name} utilise pour ses badges.',
    'ob2.issuer.id-not-url': 'L’identifiant de l’émetteur n’est pas une adresse web : rien ne relie donc le serveur qui héberge ce badge à {name}.',
    'ob2.issuer.key-missing': 'La clé de l’émetteur n’était pas disponible.',
    'ob2.issuer.key-untied': 'La clé à laquelle renvoie ce badge n’est pas liée à {name}.',
    'ob2.issuer.keys-missing': 'Les clés de l’émetteur n’étaient pas disponibles.',
    'ob2.issuer.no-keys': 'Aucune clé de {name} n’a pu signer ce badge.',
    'ob2.issuer.not-address': '{name} ne publie pas de badges à cette adresse.',
    'ob2.issuer.not-their-key': 'La clé de signature n’appartient pas à {name}.',
    'ob2.issuer.profile-missing': 'Le profil de l’émetteur n’était pas disponible : on ne sait donc pas si l’émetteur publie des badges à cette adresse.',
    'ob2.issuer.signature-failed': 'La signature n’a pas été vérifiée : rien ne relie donc ce badge à {name}.',
    'ob2.issuer.their-key':
      'La clé de signature appartient à {name} : le profil de l’émetteur la répertorie, et la clé désigne ce profil comme son propriétaire.',
    'ob2.issuer.unchecked': 'La signature n’a pas été vérifiée : rien ne relie donc ce badge à son émetteur.',
    'ob2.issuer.unsigned': 'Sans sa signature, rien ne relie ce badge à son émetteur.',
    'ob2.proof.algorithm': 'La signature du badge utilise un algorithme qu’Open Badges 2.0 n’utilise pas (RS256 est attendu).',
    'ob2.proof.creator-not-listed': 'Le badge nomme une clé de signature que {name} ne déclare pas comme sienne.',
    'ob2.proof.endorsement-unchecked': 'La recommandation n’a pas pu être vérifiée.',
    'ob2.proof.hosted':
      'Le serveur de l’émetteur sert ce badge à son adresse : un badge hébergé est authentique tant que ce serveur est celui de l’émetteur et le sert encore.',
    'ob2.proof.hosted-answers': 'Le serveur de l’émetteur répond pour ce badge à son adresse.',
    'ob2.proof.hosted-differs':
      'Le serveur de l’émetteur sert ce badge à son adresse, mais sa copie diffère de celle fournie : c’est la copie de l’émetteur qui a été vérifiée, et que montre cette carte.',
    'ob2.proof.hosted-no-url': 'Un badge hébergé doit avoir pour identifiant l’adresse web où l’émetteur le publie ; ce n’est pas le cas de celui-ci.',
    'ob2.proof.hosted-offline':
      'Un badge hébergé est vérifié par rapport à la copie du serveur de l’émetteur, et ClearBadge est hors ligne : passez en ligne, ou ajoutez la copie de l’émetteur sous forme de fichier.',
    'ob2.proof.hosted-other': 'Le serveur de l’émetteur sert un autre badge à l’adresse de celui-ci.',
    'ob2.proof.hosted-unfetched':
      'Le serveur de l’émetteur n’a pas fourni sa copie de ce badge, qui n’a donc pas pu être vérifié : il ne le sert peut-être plus, ou refuse les requêtes des pages web. Des copies enregistrées des documents nécessaires peuvent être fournies à la place.',
    'ob2.proof.hosted-unreadable': 'Le serveur de l’émetteur ne sert pas ce badge à son adresse.',
    'ob2.proof.key-missing': 'La clé de l’émetteur n’était pas disponible : la signature n’a donc pas pu être vérifiée.',
    'ob2.proof.no-keys': '{name} ne publie aucune clé : ce badge signé ne peut donc pas être vérifié.',
    'ob2.proof.no-match': 'La signature du badge ne correspond à aucune clé de {name} : il a été modifié, ou n’a pas été signé par cet émetteur.',
    'ob2.proof.not-fetched': 'Le badge n’a pas pu être vérifié : il n’a pas été récupéré.',
    'ob2.proof.offline':
      'ClearBadge est hors ligne : le profil et les clés de l’émetteur n’ont donc pas été récupérés. Passez en ligne, ou ajoutez-les sous forme de fichiers.',
    'ob2.proof.profile-missing': 'Le profil de l’émetteur, qui répertorie ses clés, n’était pas disponible : la signature n’a donc pas pu être vérifiée.',
    'ob2.proof.signature-missing':
      'Ce badge se vérifie par sa signature, qui ne l’accompagnait pas : fournissez le badge signé (le texte en trois parties séparées par des points, ou l’image du badge).',
    'ob2.proof.valid': 'La signature du badge est valide (RS256, {key}).',
    'ob2.recipient.match': 'Ce badge a été délivré à {recipient}.',
    'ob2.recipient.mismatch': 'Ce badge n’a pas été délivré à {recipient}.',
    'ob2.schema.incomplete':
      'Certains des documents auxquels renvoie ce badge n’étaient pas disponibles : toutes ses données n’ont donc pas pu être contrôlées.',
    'ob2.schema.invalid': 'Les données du badge ne suivent pas les règles d’Open Badges 2.0.',
    'ob2.schema.ok': 'Les données du badge suivent les règles d’Open Badges 2.0.',
    'ob2.schema.remarks': 'Les données du badge suivent les règles d’Open Badges 2.0, avec des remarques.',
    'ob2.status.gone': 'L’émetteur a révoqué ce badge : son serveur répond qu’il n’existe plus.',
    'ob2.status.list-missing': 'La liste de révocation de l’émetteur n’était pas disponible : on ne sait donc pas si ce badge a été révoqué.',
    'ob2.status.list-unreadable': 'La liste de révocation de l’émetteur est illisible : on ne sait donc pas si ce badge a été révoqué.',
    'ob2.status.no-list': 'Non révoqué : l’émetteur ne publie aucune liste de révocation.',
    'ob2.status.not-a-list': 'La liste de révocation de l’émetteur n’est pas une RevocationList.',
    'ob2.status.not-asked': 'On ne sait pas si l’émetteur a retiré ce badge : son serveur n’a pas été interrogé.',
    'ob2.status.not-listed': 'Non révoqué : la liste de révocation de l’émetteur ne le mentionne pas.',
    'ob2.status.profile-missing': 'La révocation n’a pas pu être vérifiée : le profil de l’émetteur n’était pas disponible.',
    'ob2.status.reason': 'Motif indiqué : {reason}',
    'ob2.status.revoked': 'L’émetteur a révoqué ce badge.',
    'ob2.status.served': 'Non révoqué : le serveur de l’émetteur sert toujours ce badge.',
    'ob2.status.unverified': 'La révocation n’a pas été vérifiée : le badge lui-même n’a pas pu être vérifié.',
    'ob2.validity.expired': 'Ce badge a expiré le {expires}.',
    'ob2.validity.expires-before-issued': 'Ce badge expire avant d’avoir été délivré.',
    'ob2.validity.expires-unreadable': 'La date d’expiration du badge est illisible : sa validité est donc inconnue.',
    'ob2.validity.future': 'Ce badge dit avoir été délivré dans le futur, le {issued}.',
    'ob2.validity.issued': 'Délivré le {issued} ; il n’expire pas.',
    'ob2.validity.issued-unreadable': 'La date de délivrance du badge est illisible : sa validité est donc inconnue.',
    'ob2.validity.issued-until': 'Délivré le {issued} ; valide jusqu’au {expires}.',
    'presentation.challenge-mismatch': 'Ce lot a été fait pour une autre demande (son défi ne correspond pas au vôtre) : il peut s’agir d’une réutilisation.',
    'presentation.domain-mismatch': 'Ce lot a été fait pour un autre site web ou vérificateur (son domaine ne correspond pas).',
    'presentation.expired': 'La signature du titulaire sur ce lot a expiré le {until} : demandez-en une nouvelle.',
    'presentation.key-not-listed': 'Ce lot a été signé avec une clé que le titulaire ne publie pas comme sienne.',
    'presentation.key-unconfirmed': 'Mais la clé n’a pas pu être confirmée comme celle du titulaire :',
    'presentation.no-challenge': 'Ce lot n’a pas été fait en réponse à votre demande : il ne porte aucun défi.',
    'presentation.no-holder': 'Le lot ne nomme pas son titulaire.',
    'presentation.not-yet': 'La signature du titulaire sur ce lot n’est pas encore valide : elle commence le {from}.',
    'presentation.ok': 'Le titulaire a signé ce lot pour cette demande.',
    'presentation.other-signer': 'Ce lot a été signé par quelqu’un d’autre que le titulaire qu’il nomme.',
    'presentation.token-mismatch': 'Le jeton et le lot qu’il contient nomment des titulaires différents.',
    'presentation.unasked': 'Le titulaire a signé ce lot, mais aucun défi n’a été donné pour comparer : il pourrait s’agir d’une réutilisation.',
    'presentation.unchecked': 'La signature de la personne qui présente ce lot n’a pas encore pu être vérifiée :',
    'presentation.unsigned':
      'Ce lot n’est pas signé par son titulaire : on ne peut donc pas confirmer qui l’a remis ; chaque attestation qu’il contient est vérifiée séparément.',
    'presentation.unsigned-challenge': 'Ce lot n’est pas signé par son titulaire : il ne peut donc pas répondre à votre défi.',
    'presentation.unverified': 'La signature de la personne qui présente ce lot n’a pas pu être vérifiée.',
    'proof.alg-mismatch': 'L’algorithme du jeton ne correspond pas à sa clé ; c’est une ruse de falsification connue, il est donc refusé.',
    'proof.alg-none': 'Ce jeton n’est pas signé du tout (algorithme "none") : n’importe qui aurait pu l’écrire.',
    'proof.base-proof': {
      credential:
        'Cette attestation porte la preuve de base à divulgation sélective de l’émetteur, destinée au titulaire : le titulaire doit en dériver une preuve pour la montrer.',
      bundle:
        'Ce lot porte la preuve de base à divulgation sélective de l’émetteur, destinée au titulaire : le titulaire doit en dériver une preuve pour le montrer.',
    },
    'proof.bundle-no-kid': 'Le jeton du lot n’indique pas laquelle des clés du titulaire l’a signé : le titulaire ne peut donc pas être confirmé.',
    'proof.changed': {
      credential: 'Cette attestation a été modifiée après sa signature, ou elle n’a pas été signée par la clé qu’elle nomme.',
      bundle: 'Ce lot a été modifié après sa signature, ou il n’a pas été signé par la clé qu’il nomme.',
    },
    'proof.expired': {
      credential: 'La signature de cette attestation a expiré.',
      bundle: 'La signature de ce lot a expiré.',
    },
    'proof.hmac': 'Ce jeton utilise un algorithme à secret partagé qui ne peut pas prouver qui l’a émis.',
    'proof.intact': 'La signature de l’émetteur est intacte : rien dans cette attestation n’a été modifié après sa signature.',
    'proof.intact-holder': 'La signature du titulaire est intacte : rien dans ce lot n’a été modifié après sa signature.',
    'proof.key-not-found': {
      credential: 'La clé qui aurait dû signer cette attestation est introuvable : sa signature ne peut donc pas être considérée comme fiable.',
      bundle: 'La clé qui aurait dû signer ce lot est introuvable : sa signature ne peut donc pas être considérée comme fiable.',
    },
    'proof.key-offline':
      'La signature n’a pas pu être vérifiée hors ligne : la clé du signataire est publiée en ligne. Activez les vérifications en ligne (ou fournissez le document de la clé) pour la vérifier.',
    'proof.key-unreachable':
      'La signature n’a pas pu être vérifiée : la clé du signataire est publiée sur {host}, qui n’a pas répondu. Réessayez plus tard, ou fournissez le document de la clé.',
    'proof.key-withheld': 'La signature n’a pas pu être vérifiée : la clé du signataire est publiée sur {host}, qui n’a pas été contacté ({reason}).',
    'proof.malformed': {
      credential: 'La signature de l’attestation est mal formée.',
      bundle: 'La signature du lot est mal formée.',
    },
    'proof.no-kid': 'Le jeton n’indique pas quelle clé l’a signé : sa signature ne peut donc pas être vérifiée.',
    'proof.none': {
      credential: 'Cette attestation ne porte aucune signature : rien ne montre qui l’a faite ni qu’elle n’a pas été modifiée.',
      bundle: 'Ce lot ne porte aucune signature : rien ne montre qui l’a fait ni qu’il n’a pas été modifié.',
    },
    'proof.purpose': 'La signature n’a pas été faite pour cet usage : son objet est "{purpose}", et non "{expected}".',
    'proof.too-complex': {
      credential: 'Cette attestation est trop volumineuse ou trop complexe pour que sa signature soit vérifiée en un temps limité : elle est donc refusée.',
      bundle: 'Ce lot est trop volumineux ou trop complexe pour que sa signature soit vérifiée en un temps limité : il est donc refusé.',
    },
    'proof.too-many': {
      credential: 'Cette attestation porte {n} signatures, plus que les {max} que vérifie ClearBadge : aucune n’a donc été vérifiée.',
      bundle: 'Ce lot porte {n} signatures, plus que les {max} que vérifie ClearBadge : aucune n’a donc été vérifiée.',
    },
    'proof.two-keys': 'Le jeton nomme deux clés différentes pour sa signature : on ne peut donc pas s’y fier.',
    'proof.undefined-term': {
      credential: 'Cette attestation contient une propriété que son vocabulaire ne définit pas ({term}) : la signature ne pouvait donc pas la couvrir.',
      bundle: 'Ce lot contient une propriété que son vocabulaire ne définit pas ({term}) : la signature ne pouvait donc pas la couvrir.',
    },
    'proof.unknown-context': {
      credential:
        'La signature n’a pas pu être vérifiée : l’attestation utilise un vocabulaire que ClearBadge n’embarque pas ({url}), et les vocabulaires ne sont jamais téléchargés.',
      bundle:
        'La signature n’a pas pu être vérifiée : le lot utilise un vocabulaire que ClearBadge n’embarque pas ({url}), et les vocabulaires ne sont jamais téléchargés.',
    },
    'proof.unreadable': {
      credential: 'La signature de l’attestation n’a pas pu être vérifiée : elle est mal formée.',
      bundle: 'La signature du lot n’a pas pu être vérifiée : elle est mal formée.',
    },
    'proof.unsupported': {
      credential: 'La signature de cette attestation est d’un type que ClearBadge ne sait pas vérifier.',
      bundle: 'La signature de ce lot est d’un type que ClearBadge ne sait pas vérifier.',
    },
    'recipient.match': 'Cette attestation a été délivrée à {recipient}.',
    'recipient.mismatch': 'Cette attestation n’a pas été délivrée à {recipient}.',
    'refresh.not-verified': 'La copie mise à jour de l’émetteur n’a pas été vérifiée ; l’attestation a été vérifiée telle quelle.',
    'refresh.offered': 'L’émetteur propose une copie mise à jour de cette attestation ; ClearBadge ne l’a pas demandée.',
    'refresh.offline': 'L’émetteur propose une copie mise à jour de cette attestation ; elle n’a pas été récupérée car ClearBadge est hors ligne.',
    'refresh.unfetched': 'La copie mise à jour de l’émetteur n’a pas pu être récupérée ; l’attestation a été vérifiée telle quelle.',
    'refresh.unsigned': 'La copie mise à jour de l’émetteur n’a pas été récupérée, car la signature de cette attestation n’a pas été vérifiée.',
    'refresh.verified': 'La copie mise à jour de l’émetteur pour cette attestation a aussi été vérifiée.',
    'schema.date-not-text': 'La valeur de {path} devrait être une date écrite sous forme de texte, mais c’est {actual}.',
    'schema.empty-list': 'La liste {path} est vide.',
    'schema.missing': 'Le champ obligatoire {path} est absent.',
    'schema.more': '…et {n} autres problèmes de ce genre.',
    'schema.named-matches': 'Conforme à {urls}.',
    'schema.named-mismatch': {
      credential: 'L’attestation n’est pas conforme au schéma désigné par son émetteur ({url}).',
      endorsement: 'La recommandation n’est pas conforme au schéma désigné par son émetteur ({url}).',
      'learner record': 'Le relevé d’acquis n’est pas conforme au schéma désigné par son émetteur ({url}).',
    },
    'schema.named-mismatch-error': {
      credential: 'L’attestation n’est pas conforme au schéma désigné par son émetteur ({url}) : {error}.',
      endorsement: 'La recommandation n’est pas conforme au schéma désigné par son émetteur ({url}) : {error}.',
      'learner record': 'Le relevé d’acquis n’est pas conforme au schéma désigné par son émetteur ({url}) : {error}.',
    },
    'schema.named-offline': 'Le schéma désigné par son émetteur ({urls}) n’a pas été vérifié, car ClearBadge est hors ligne.',
    'schema.named-too-many': 'Le schéma désigné par son émetteur ({urls}) n’a pas été vérifié : ClearBadge vérifie au plus {max} schémas par attestation.',
    'schema.named-unreadable': 'Le schéma désigné par son émetteur ({urls}) n’a pas pu être utilisé, il n’a donc pas été vérifié : {reason}.',
    'schema.named-unsupported': 'Le schéma désigné par son émetteur ({urls}) n’a pas été vérifié : ClearBadge n’implémente pas les schémas de type {type}.',
    'schema.no-id': '{path} est absent et aucun identifiant (identifier) n’est donné : rien ne dit de qui il s’agit.',
    'schema.not-allowed': 'La valeur {value} de {path} ne fait pas partie des valeurs autorisées par la spécification.',
    'schema.not-bool': 'La valeur de {path} devrait être vrai ou faux, mais c’est {actual}.',
    'schema.not-date': 'La valeur {value} de {path} n’est pas une date, comme 2024-05-01.',
    'schema.not-datetime': 'La valeur {value} de {path} n’est pas une date et une heure, comme 2024-05-01T09:30:00.',
    'schema.not-datetime-zone': 'La valeur {value} de {path} n’est pas une date et une heure avec fuseau horaire, comme 2024-05-01T09:30:00Z.',
    'schema.not-iri': 'La valeur de {path} devrait être une adresse web ou un autre identifiant écrit sous forme de texte, mais c’est {actual}.',
    'schema.not-jws': 'La valeur de {path} n’est pas un jeton signé (un JWS compact).',
    'schema.not-number': 'La valeur de {path} devrait être un nombre, mais c’est {actual}.',
    'schema.not-object': 'La valeur de {path} devrait être un objet avec ses propres champs, mais c’est {actual}.',
    'schema.not-profile': 'La valeur de {path} devrait être une adresse web ou un profil, mais c’est {actual}.',
    'schema.not-text': 'La valeur de {path} devrait être du texte, mais c’est {actual}.',
    'schema.notes':
      'Ce sont des remarques sur le modèle de données ; elles ne changent rien à qui a émis l’attestation ni à son intégrité (le mode strict en fait des échecs).',
    'schema.ok': {
      credential: 'L’attestation a tous les champs qu’exige {spec}, sous la bonne forme (vérifié avec les règles intégrées de ClearBadge).',
      endorsement: 'La recommandation a tous les champs qu’exige {spec}, sous la bonne forme (vérifié avec les règles intégrées de ClearBadge).',
      'learner record': 'Le relevé d’acquis a tous les champs qu’exige {spec}, sous la bonne forme (vérifié avec les règles intégrées de ClearBadge).',
    },
    'schema.ok-named': {
      credential: 'L’attestation a tous les champs qu’exige {spec}, sous la bonne forme, et elle est conforme au schéma désigné par son émetteur.',
      endorsement: 'La recommandation a tous les champs qu’exige {spec}, sous la bonne forme, et elle est conforme au schéma désigné par son émetteur.',
      'learner record': 'Le relevé d’acquis a tous les champs qu’exige {spec}, sous la bonne forme, et il est conforme au schéma désigné par son émetteur.',
    },
    'schema.too-deep': '{path} est imbriqué trop profondément pour être vérifié.',
    'schema.type-missing': 'Le champ obligatoire {path} est absent.',
    'schema.type-not-text': 'Le type ({path}) devrait être du texte, mais c’est {actual}.',
    'schema.type-unknown':
      'Le type {types} ({path}) ne désigne ni un Open Badge (OpenBadgeCredential ou AchievementCredential), ni une recommandation (EndorsementCredential), ni un relevé d’acquis (ClrCredential).',
    'schema.type-wrong': 'Le type {types} ({path}) doit inclure {type}.',
    'status.list-dates': 'ses dates ne sont pas valides.',
    'status.list-expired': 'elle a expiré le {until}.',
    'status.list-no-entry': 'La {list} n’a pas pu être utilisée : elle n’a pas d’entrée {index}.',
    'status.list-no-subject': 'elle ne contient aucun {type}.',
    'status.list-not-credential': 'ce n’est pas une attestation.',
    'status.list-not-yet': 'elle n’est pas valide avant {from}.',
    'status.list-of-list': 'Le statut d’une liste de statut n’est pas suivi plus loin.',
    'status.list-other-id': 'La {list} se nomme {id} mais a été récupérée depuis {url}.',
    'status.list-other-issuer': 'La {list} est publiée par « {publisher} », et non par l’émetteur de l’attestation ; sa propre signature a été vérifiée.',
    'status.list-proof-unchecked': {
      Revocation: 'La révocation n’a pas été vérifiée : la preuve de sa liste n’a pas pu être vérifiée.',
      Suspension: 'La suspension n’a pas été vérifiée : la preuve de sa liste n’a pas pu être vérifiée.',
      "The credential's status": 'Le statut de l’attestation n’a pas été vérifié : la preuve de sa liste n’a pas pu être vérifiée.',
    },
    'status.list-purpose': 'c’est une liste pour « {purposes} », mais l’attestation y renvoie pour « {purpose} ».',
    'status.list-short': 'La {list} n’a que {n} entrées ; {spec} en exige au moins {min} pour protéger la vie privée des titulaires.',
    'status.list-unchecked': {
      Revocation: 'La révocation n’a pas été vérifiée :',
      Suspension: 'La suspension n’a pas été vérifiée :',
      "The credential's status": 'Le statut de l’attestation n’a pas été vérifié :',
    },
    'status.list-unreadable': 'La {list} n’a pas pu être utilisée : sa liste encodée est illisible.',
    'status.list-untrusted': 'La {list} n’a pas pu être considérée comme fiable :',
    'status.list-wrong-type': 'ce n’est pas une {type}.',
    'status.malformed': 'L’entrée de statut de cette attestation est mal formée : on ne peut donc pas savoir si elle a été révoquée.',
    'status.marked': 'La liste de statut de l’émetteur marque cette attestation pour « {purpose} ».',
    'status.message': 'Le message de statut de l’émetteur pour cette attestation est « {message} » ({value}).',
    'status.no-type': 'L’entrée de statut de cette attestation n’a pas de type : son statut n’a donc pas pu être vérifié.',
    'status.no-verifier': {
      Revocation: 'La révocation n’a pas été vérifiée : ClearBadge ne peut pas vérifier la {list} ici.',
      Suspension: 'La suspension n’a pas été vérifiée : ClearBadge ne peut pas vérifier la {list} ici.',
      "The credential's status": 'Le statut de l’attestation n’a pas été vérifié : ClearBadge ne peut pas vérifier la {list} ici.',
    },
    'status.none': 'Cette attestation n’utilise pas de liste de révocation.',
    'status.not-marked': 'La liste de statut de l’émetteur ne marque pas cette attestation pour « {purpose} ».',
    'status.not-refreshed': 'L’émetteur n’a pas annoncé de version mise à jour de cette attestation.',
    'status.not-revoked': 'L’émetteur n’a pas révoqué cette attestation.',
    'status.not-suspended': 'L’émetteur n’a pas suspendu cette attestation.',
    'status.offline': {
      Revocation:
        'La révocation n’a pas été vérifiée car ClearBadge est hors ligne ; activez les vérifications en ligne ou fournissez la liste avec --with URL=FICHIER.',
      Suspension:
        'La suspension n’a pas été vérifiée car ClearBadge est hors ligne ; activez les vérifications en ligne ou fournissez la liste avec --with URL=FICHIER.',
      "The credential's status":
        'Le statut de l’attestation n’a pas été vérifié car ClearBadge est hors ligne ; activez les vérifications en ligne ou fournissez la liste avec --with URL=FICHIER.',
    },
    'status.reason': 'Motif indiqué : « {reason} ».',
    'status.refreshed': 'L’émetteur a publié une version mise à jour de cette attestation.',
    'status.revoked': 'L’émetteur a révoqué cette attestation.',
    'status.suspended': 'L’émetteur a suspendu cette attestation ; une suspension peut être levée plus tard.',
    'status.too-many': 'Cette attestation a {n} entrées de statut, plus que les {max} que vérifie ClearBadge : sa révocation n’a donc pas été vérifiée.',
    'status.unfetched': {
      Revocation: 'La révocation n’a pas été vérifiée : la liste sur {host} n’a pas pu être récupérée.',
      Suspension: 'La suspension n’a pas été vérifiée : la liste sur {host} n’a pas pu être récupérée.',
      "The credential's status": 'Le statut de l’attestation n’a pas été vérifié : la liste sur {host} n’a pas pu être récupérée.',
    },
    'status.unknown-type': 'Le statut de cette attestation utilise « {type} », que ClearBadge ne vérifie pas.',
    'status.untrusted-credential': {
      Revocation: 'La révocation n’a pas été vérifiée : la signature de l’attestation n’a pas été vérifiée, sa liste n’a donc pas été récupérée.',
      Suspension: 'La suspension n’a pas été vérifiée : la signature de l’attestation n’a pas été vérifiée, sa liste n’a donc pas été récupérée.',
      "The credential's status":
        'Le statut de l’attestation n’a pas été vérifié : la signature de l’attestation n’a pas été vérifiée, sa liste n’a donc pas été récupérée.',
    },
    'status.vcrl-no-id': 'La révocation n’a pas été vérifiée : cette attestation n’a pas d’identifiant à chercher dans la liste de révocation de l’émetteur.',
    'status.vcrl-not-list': 'La révocation n’a pas été vérifiée : le document à l’adresse de la liste de révocation n’est pas une liste de révocation.',
    'status.vcrl-not-revoked': 'L’émetteur n’a pas révoqué cette attestation, selon sa liste de révocation (un document non signé servi par {host}).',
    'status.vcrl-revoked': 'La liste de révocation de l’émetteur indique que cette attestation a été révoquée.',
    'status.vcrl-unreadable': 'La révocation n’a pas été vérifiée : la liste de révocation de l’émetteur n’a pas pu être lue.',
    'status.withheld': {
      Revocation: 'La révocation n’a pas été vérifiée : la liste sur {host} n’a pas été récupérée ({reason}).',
      Suspension: 'La suspension n’a pas été vérifiée : la liste sur {host} n’a pas été récupérée ({reason}).',
      "The credential's status": 'Le statut de l’attestation n’a pas été vérifié : la liste sur {host} n’a pas été récupérée ({reason}).',
    },
    'validity.expired': 'Cette attestation a expiré le {until}.',
    'validity.from': 'Valide à partir du {from} ; elle n’expire pas.',
    'validity.from-until': 'Valide du {from} au {until}.',
    'validity.no-date': 'L’attestation n’indique pas quand elle a été délivrée.',
    'validity.not-yet': 'Cette attestation n’est pas encore valide : elle le sera à partir du {from}.',
    'validity.unreadable': 'Les dates de l’attestation sont illisibles, sa validité est donc inconnue.',
  },
};

// DATES: by code, the parameters its English template shows as a date
// ({name|date}), RFC 3339 values said in the reader's format.
const DATES = Object.fromEntries(Object.entries(EN).map(([code, tmpl]) => [code, new Set([...tmpl.matchAll(/\{(\w+)\|date\}/g)].map((m) => m[1]))]));

// fill puts params into a template ({name}; {name|date} in the English
// templates).
function fill(template, params = {}, fmt = (_k, v) => v) {
  return template.replace(/\{(\w+)(?:\|\w+)?\}/g, (m, k) => (k in params ? fmt(k, params[k]) : m));
}

// intl: an Intl formatter of the current language, made once per language
// and options. Making one costs milliseconds (ICU builds its patterns), using
// one microseconds, and a card formats several dates: making them afresh
// was half of drawing the first card.
/** @type {Map<string, any>} */
const formatters = new Map();
/**
 * @template {new (locales: string, options?: any) => any} K
 * @param {K} Kind
 * @param {object} [options]
 * @returns {InstanceType<K>}
 */
function intl(Kind, options) {
  const key = `${Kind.name} ${current} ${JSON.stringify(options ?? {})}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Kind(current, options);
    formatters.set(key, f);
  }
  return f;
}

// t: a UI string in the current language (English if a key lacks one).
export function t(key, params) {
  const e = UI[key];
  if (!e) return key;
  let s = e[current] ?? e.en;
  if (typeof s === 'object') s = s[intl(Intl.PluralRules).select(Number(String(params?.n).replace(/\D/g, '')))] ?? s.other;
  return fill(s, params);
}

// VALUES: the English words a few parameters carry (what a malformed value
// is, core/schema describe; where a nested credential was found; why a
// character in a name is flagged, core/names), said in each language.
const VALUES = {
  actual: {
    'empty (null)': { es: 'vacío (null)', fr: 'vide (null)' },
    'empty text': { es: 'un texto vacío', fr: 'un texte vide' },
    'true or false': { es: 'verdadero o falso', fr: 'vrai ou faux' },
    'a list': { es: 'una lista', fr: 'une liste' },
    'an object': { es: 'un objeto', fr: 'un objet' },
    'a number': { es: 'un número', fr: 'un nombre' },
    'a value of an unknown kind': { es: 'un valor de tipo desconocido', fr: 'une valeur de type inconnu' },
  },
  label: {
    credential: { es: 'credencial', fr: 'attestation' },
    endorsement: { es: 'aval', fr: 'recommandation' },
  },
  char: {
    'a text-direction control': { es: 'un control de dirección del texto', fr: 'un contrôle de direction du texte' },
    'an invisible character': { es: 'un carácter invisible', fr: 'un caractère invisible' },
  },
  list: {
    'revocation list': { es: 'lista de revocación', fr: 'liste de révocation' },
    'suspension list': { es: 'lista de suspensión', fr: 'liste de suspension' },
    'status list': { es: 'lista de estado', fr: 'liste de statut' },
  },
  class: {
    document: { es: 'documento', fr: 'document' },
  },
};

// SCRIPTS: core/names' script names as ISO 15924 codes, which
// Intl.DisplayNames says in the reader's language.
const SCRIPTS = {
  Latin: 'Latn',
  Greek: 'Grek',
  Cyrillic: 'Cyrl',
  Armenian: 'Armn',
  Hebrew: 'Hebr',
  Arabic: 'Arab',
  Devanagari: 'Deva',
  Thai: 'Thai',
  Georgian: 'Geor',
  Cherokee: 'Cher',
  Han: 'Hani',
  Hiragana: 'Hira',
  Katakana: 'Kana',
  Hangul: 'Hang',
  Bopomofo: 'Bopo',
};

function scriptName(name) {
  try {
    return SCRIPTS[name] ? intl(Intl.DisplayNames, { type: 'script' }).of(SCRIPTS[name]) : name;
  } catch {
    return name;
  }
}

// param says one parameter of a code in the current language: a date in
// the reader's format, a word from VALUES, a script name; anything else
// (a name, an address, a technical reason) as given.
function param(code, k, v) {
  const s = String(v);
  if (DATES[code]?.has(k)) return formatDate(s);
  const word = (w, table) => VALUES[table][w]?.[current] ?? w;
  switch (k) {
    case 'actual': {
      const text = /^the text (".*")$/s.exec(s);
      if (text) return { es: `el texto ${text[1]}`, fr: `le texte ${text[1]}` }[current] ?? s;
      return word(s, 'actual');
    }
    case 'which':
      // "credential 2", "endorsement 1" (where a nested credential was
      // found), or its name in quotes.
      return s
        .split(', ')
        .map((x) => x.replace(/^(credential|endorsement) (\d+)$/, (_m, w, n) => `${word(w, 'label')} ${n}`))
        .join(', ');
    case 'chars':
      return s.replace(/\((a text-direction control|an invisible character)\)/g, (_m, w) => `(${word(w, 'char')})`);
    case 'list':
    case 'class':
      return word(s, k);
    case 'script':
      return scriptName(s);
    case 'scripts':
      return list(s.split(', ').map(scriptName));
    case 'documents':
      // the addresses that do not list a key, "a and b" (key.token-not-published)
      return list(s.split(' and '));
  }
  return s;
}

// say: one coded sentence in the current language, or undefined when the
// catalogue lacks it. A value may be an object of variants chosen by a
// parameter (params.what, or the one its `by` names) whose words differ in
// gender or form here; `_` is the variant for any other value.
function say(code, params = {}) {
  const entry = MESSAGES[current]?.[code];
  const tmpl = typeof entry === 'object' ? (entry[params[entry.by ?? 'what']] ?? entry._) : entry;
  return tmpl && fill(tmpl, params, (k, v) => param(code, k, v));
}

// message: what a check (or a missing item) says, in the current language:
// {text, lang}. A message is its code's sentence followed by those of
// `more`; lang is the language the text is in, for a lang attribute where
// it differs from the page's (the English `message`, should a code be
// unknown to this version of the page).
export function message(c) {
  const parts = c.code ? [say(c.code, c.params), ...(c.more || []).map((p) => say(p.code, p.params))] : [];
  if (!parts.length || parts.some((p) => p === undefined)) return { text: c.message ?? '', lang: 'en' };
  return { text: parts.join(' '), lang: current };
}

// formatDate: a date alone when the time is midnight UTC (how most badges
// give their dates), else date and time in the reader's zone; in the
// current language (Intl).
export function formatDate(iso, withTime = false) {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const midnightUTC = d.getUTCHours() === 0 && d.getUTCMinutes() === 0 && d.getUTCSeconds() === 0;
  if (!withTime && midnightUTC) {
    return intl(Intl.DateTimeFormat, { dateStyle: 'long', timeZone: 'UTC' }).format(d);
  }
  return intl(Intl.DateTimeFormat, { dateStyle: 'long', timeStyle: 'short' }).format(d);
}

// prepareFormats makes the date formats a card uses, for a page to call
// while it waits for a verification: the first Intl.DateTimeFormat costs
// tens of milliseconds (ICU loads its data), which the first card would pay.
export function prepareFormats() {
  formatDate('2000-01-01T00:00:00Z');
  formatDate('2000-01-01T12:00:00Z', true);
}

// list: words joined as the language joins a list ("a, b and c").
export function list(items) {
  return intl(Intl.ListFormat, { style: 'long', type: 'conjunction' }).format(items);
}

// relative: a distance in time in the current language ("3 days ago",
// "yesterday"), n units from now.
/**
 * @param {number} n
 * @param {Intl.RelativeTimeFormatUnit} unit
 */
export function relative(n, unit) {
  return intl(Intl.RelativeTimeFormat, { numeric: 'auto' }).format(n, unit);
}

// number: a number in the current language.
export function number(n) {
  return intl(Intl.NumberFormat).format(n);
}
