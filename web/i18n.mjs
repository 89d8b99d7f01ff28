// The page's and the widget's words in English, Spanish and French, and the
// core's message codes (report.Check code/params) in Spanish and French.
//
// web/i18n/messages.mjs lists every code the core can emit with its English
// template (generated from the Go source by a Go test), so English is drawn
// from the same words as the CLI's, with dates in the reader's format; a
// check without a code (a message composed of several sentences) shows its
// English `message`, marked lang="en" where the page is in another language
// so that a screen reader reads it as English. tests/browser/i18n.test.mjs
// checks that each code, and each UI string, is here in every language.
//
// The language is module state, set before drawing (drawing is synchronous):
// the page sets it from its switch, each widget from its lang attribute.

import EN from './i18n/messages.mjs';

export const LANGS = { en: 'English', es: 'Español', fr: 'Français' };

let current = 'en';

export function setLang(l) { current = LANGS[l] ? l : 'en'; return current; }
export function lang() { return current; }

// pickLang: the first of the reader's languages (navigator.languages, or a
// lang attribute such as "es-MX") that ClearBadge speaks, else English.
export function pickLang(prefs = globalThis.navigator?.languages || []) {
  for (const p of [prefs].flat()) {
    const base = String(p || '').toLowerCase().split(/[-_]/)[0];
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
    en: 'Open Badges 2.0, hosted: genuine as long as the issuer\'s server still serves it',
    es: 'Open Badges 2.0, alojada: auténtica mientras el servidor del emisor la siga sirviendo',
    fr: 'Open Badges 2.0, hébergé : authentique tant que le serveur de l’émetteur le sert encore',
  },
  'ob2.hosted-at': {
    en: 'Open Badges 2.0, hosted: genuine as long as the issuer\'s server ({host}) still serves it',
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
    en: '‘{name}’ is this credential’s own claim;', es: '«{name}» es lo que afirma esta credencial;', fr: '« {name} » est ce qu’affirme cette attestation ;',
  },
  'identity.no-registry-checked': { en: 'no registry was checked.', es: 'no se consultó ningún registro.', fr: 'aucun registre n’a été consulté.' },
  'identity.unlisted': {
    en: 'no registry you use lists this issuer.', es: 'ningún registro que usted usa incluye a este emisor.', fr: 'aucun registre que vous utilisez ne répertorie cet émetteur.',
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
    en: 'An online check would complete this.', es: 'Una comprobación en línea lo completaría.', fr: 'Une vérification en ligne compléterait ceci.',
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
  'widget.checked-by': { en: 'Checked in your browser by ClearBadge', es: 'Comprobada en su navegador por ClearBadge', fr: 'Vérifié dans votre navigateur par ClearBadge' },
  'widget.badge': { en: 'Badge', es: 'Insignia', fr: 'Badge' },
  'widget.unconfirmed': { en: 'Unconfirmed claims', es: 'Afirmaciones sin confirmar', fr: 'Affirmations non confirmées' },
  'widget.issued-by': { en: 'Issued by {name}', es: 'Emitida por {name}', fr: 'Émis par {name}' },
  'widget.issued-to': { en: 'Issued to {name}', es: 'Otorgada a {name}', fr: 'Délivré à {name}' },
  'widget.presented-by': { en: 'Presented by {name}', es: 'Presentada por {name}', fr: 'Présenté par {name}' },
  'widget.checks': { en: 'Checks', es: 'Comprobaciones', fr: 'Vérifications' },
  'widget.checks-for': { en: ' ({n}) for {title}', es: ' ({n}) de {title}', fr: ' ({n}) de {title}' },
  'widget.complete': {
    en: 'Complete the check on the ClearBadge verifier', es: 'Completar la comprobación en el verificador ClearBadge', fr: 'Compléter la vérification sur le vérificateur ClearBadge',
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
    en: '{source} could not be fetched (blocked or unreachable).', es: 'No se pudo obtener {source} (bloqueado o inaccesible).', fr: '{source} n’a pas pu être récupéré (bloqué ou injoignable).',
  },
  'widget.http': { en: '{source} could not be fetched (HTTP {status}).', es: 'No se pudo obtener {source} (HTTP {status}).', fr: '{source} n’a pas pu être récupéré (HTTP {status}).' },
  'widget.too-large': { en: '{source} is too large.', es: '{source} es demasiado grande.', fr: '{source} est trop volumineux.' },
  'widget.inline': { en: 'inline credential', es: 'credencial incluida', fr: 'attestation intégrée' },
  // the verifier page (index.html: data-i18n; *words* are drawn in bold)
  'page.title': { en: 'ClearBadge: verify a digital badge, privately', es: 'ClearBadge: verifique una insignia digital, en privado', fr: 'ClearBadge : vérifiez un badge numérique, en toute confidentialité' },
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
  'page.pill-offline': { en: 'Offline: nothing leaves this device', es: 'Sin conexión: nada sale de este dispositivo', fr: 'Hors ligne : rien ne quitte cet appareil' },
  'page.pill-online': {
    en: 'Online checks on: public documents may be fetched', es: 'Comprobaciones en línea activadas: pueden obtenerse documentos públicos', fr: 'Vérifications en ligne activées : des documents publics peuvent être récupérés',
  },
  'page.offline-explain': {
    en: 'Offline, the badge is checked with what it carries: its signature, the issuer\'s key when it is embedded (did:key), its dates and its structure. Nothing is sent anywhere, so a revocation list the badge points to, or a key the issuer publishes on the web, is not checked: such a badge is shown as *Incomplete*, with a button that checks just that online, naming the one site it contacts.',
    es: 'Sin conexión, la insignia se comprueba con lo que lleva consigo: su firma, la clave del emisor cuando va incluida (did:key), sus fechas y su estructura. No se envía nada, así que no se comprueba una lista de revocación a la que apunte la insignia ni una clave que el emisor publique en la web: esa insignia se muestra como *Incompleta*, con un botón que comprueba solo eso en línea, indicando el único sitio al que se conecta.',
    fr: 'Hors ligne, le badge est vérifié avec ce qu’il contient : sa signature, la clé de l’émetteur quand elle y est intégrée (did:key), ses dates et sa structure. Rien n’est envoyé, donc une liste de révocation désignée par le badge, ou une clé que l’émetteur publie sur le web, n’est pas vérifiée : un tel badge apparaît comme *Incomplète*, avec un bouton qui vérifie seulement cela en ligne, en nommant le seul site contacté.',
  },
  'page.online-1': {
    en: 'With online checks on, this browser also fetches the *public documents the badge names*:',
    es: 'Con las comprobaciones en línea activadas, este navegador también obtiene los *documentos públicos que indica la insignia*:',
    fr: 'Avec les vérifications en ligne, ce navigateur récupère aussi les *documents publics que le badge désigne* :',
  },
  'page.online-2': {
    en: 'where the issuer publishes its signing key: a did:web document, the issuer\'s profile or key page, or its key set (JWKS),',
    es: 'donde el emisor publica su clave de firma: un documento did:web, la página de perfil o de claves del emisor, o su conjunto de claves (JWKS),',
    fr: 'l’endroit où l’émetteur publie sa clé de signature : un document did:web, la page de profil ou de clés de l’émetteur, ou son jeu de clés (JWKS),',
  },
  'page.online-3': { en: 'the revocation list the badge points to,', es: 'la lista de revocación a la que apunta la insignia,', fr: 'la liste de révocation que le badge désigne,' },
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
    en: 'Allow addresses on this network (for an issuer on your intranet)', es: 'Permitir direcciones de esta red (para un emisor de su intranet)', fr: 'Autoriser les adresses de ce réseau (pour un émetteur de votre intranet)',
  },
  'page.more-options': { en: 'More options', es: 'Más opciones', fr: 'Plus d’options' },
  'page.at': { en: 'Check as of a date and time (your local time)', es: 'Comprobar en una fecha y hora (su hora local)', fr: 'Vérifier à une date et une heure (heure locale)' },
  'page.at-hint': { en: 'Leave empty to check as of now.', es: 'Déjelo vacío para comprobar con la hora actual.', fr: 'Laissez vide pour vérifier à l’instant présent.' },
  'page.challenge': { en: 'Expected challenge (for a presentation)', es: 'Desafío esperado (para una presentación)', fr: 'Défi attendu (pour une présentation)' },
  'page.domain': { en: 'Expected domain (for a presentation)', es: 'Dominio esperado (para una presentación)', fr: 'Domaine attendu (pour une présentation)' },
  'page.vp-hint': {
    en: 'If you asked someone to present their badges with a challenge or for a domain, enter it here: their presentation\'s proof must carry the same value.',
    es: 'Si pidió a alguien que presentara sus insignias con un desafío o para un dominio, escríbalo aquí: la prueba de su presentación debe llevar el mismo valor.',
    fr: 'Si vous avez demandé à quelqu’un de présenter ses badges avec un défi ou pour un domaine, saisissez-le ici : la preuve de sa présentation doit porter la même valeur.',
  },
  'page.strict': { en: 'Strict (for issuers testing their output)', es: 'Estricto (para emisores que prueban lo que emiten)', fr: 'Strict (pour les émetteurs qui testent leurs badges)' },
  'page.strict-hint': {
    en: 'A credential that breaks a rule of the Open Badges 3.0 or CLR 2.0 data model is normally verified with a note, when the rule does not touch its authenticity. Strict makes each such slip a failure.',
    es: 'Una credencial que incumple una regla del modelo de datos de Open Badges 3.0 o CLR 2.0 se verifica normalmente con una nota, cuando la regla no afecta a su autenticidad. El modo estricto convierte cada uno de esos fallos en un error.',
    fr: 'Une attestation qui enfreint une règle du modèle de données Open Badges 3.0 ou CLR 2.0 est normalement vérifiée avec une remarque, quand la règle ne touche pas à son authenticité. Le mode strict fait de chaque écart un échec.',
  },
  'page.samples': { en: 'No badge at hand? Try a sample:', es: '¿No tiene una insignia a mano? Pruebe un ejemplo:', fr: 'Pas de badge sous la main ? Essayez un exemple :' },
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
    en: 'open source · verification runs entirely in your browser', es: 'código abierto · la verificación se hace por completo en su navegador', fr: 'open source · la vérification se fait entièrement dans votre navigateur',
  },
  // the page's messages (app.js)
  'app.not-start': { en: 'The verifier could not start: {error}', es: 'El verificador no pudo iniciarse: {error}', fr: 'Le vérificateur n’a pas pu démarrer : {error}' },
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
    en: 'Check again: {title}, with the current options', es: 'Comprobar de nuevo: {title}, con las opciones actuales', fr: 'Vérifier à nouveau : {title}, avec les options actuelles',
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
  'app.paste-first': { en: 'Paste a credential first: JSON, or a JWT.', es: 'Pegue primero una credencial: JSON o un JWT.', fr: 'Collez d’abord une attestation : JSON, ou un JWT.' },
  'app.pasted-text': { en: 'pasted text', es: 'texto pegado', fr: 'texte collé' },
  'app.sample-failed': { en: 'The sample could not be loaded ({error}).', es: 'No se pudo cargar el ejemplo ({error}).', fr: 'L’exemple n’a pas pu être chargé ({error}).' },
  'app.online-on': {
    en: 'Online checks are on. Public documents named by a badge may now be fetched.',
    es: 'Las comprobaciones en línea están activadas. Ahora pueden obtenerse los documentos públicos que indique una insignia.',
    fr: 'Les vérifications en ligne sont activées. Les documents publics désignés par un badge peuvent désormais être récupérés.',
  },
  'app.online-off': {
    en: 'Online checks are off. Nothing leaves this device.', es: 'Las comprobaciones en línea están desactivadas. Nada sale de este dispositivo.', fr: 'Les vérifications en ligne sont désactivées. Rien ne quitte cet appareil.',
  },
  'app.cleared': { en: 'Results cleared.', es: 'Resultados borrados.', fr: 'Résultats effacés.' },
  'app.printed': {
    en: 'ClearBadge verification report, printed {date}.', es: 'Informe de verificación de ClearBadge, impreso el {date}.', fr: 'Rapport de vérification ClearBadge, imprimé le {date}.',
  },
  'app.lang-changed': { en: 'Language: English.', es: 'Idioma: español.', fr: 'Langue : français.' },
  // the wallet (extension/wallet.mjs, popup.html)
  'wallet.title': { en: 'ClearBadge Wallet', es: 'Cartera ClearBadge', fr: 'Portefeuille ClearBadge' },
  'wallet.encrypted': { en: 'Encrypted on this device', es: 'Cifrada en este dispositivo', fr: 'Chiffré sur cet appareil' },
  'wallet.lock': { en: 'Lock', es: 'Bloquear', fr: 'Verrouiller' },
  'wallet.opening': { en: 'Opening the wallet…', es: 'Abriendo la cartera…', fr: 'Ouverture du portefeuille…' },
  'wallet.no-answer': { en: 'The wallet did not answer.', es: 'La cartera no respondió.', fr: 'Le portefeuille n’a pas répondu.' },
  'wallet.not-start': { en: 'The wallet could not start: {error}', es: 'La cartera no pudo iniciarse: {error}', fr: 'Le portefeuille n’a pas pu démarrer : {error}' },
  'wallet.was-locked': { en: 'The wallet was locked.', es: 'La cartera se bloqueó.', fr: 'Le portefeuille a été verrouillé.' },
  'wallet.locked': { en: 'Locked. Your credentials are encrypted.', es: 'Bloqueada. Sus credenciales están cifradas.', fr: 'Verrouillé. Vos attestations sont chiffrées.' },
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
    en: '{error} Nothing was changed. You can restore a backup below.', es: '{error} No se cambió nada. Puede restaurar una copia de seguridad abajo.', fr: '{error} Rien n’a été modifié. Vous pouvez restaurer une sauvegarde ci-dessous.',
  },
  'wallet.creating': { en: 'Creating your wallet…', es: 'Creando su cartera…', fr: 'Création de votre portefeuille…' },
  'wallet.unlocking': { en: 'Unlocking…', es: 'Desbloqueando…', fr: 'Déverrouillage…' },
  'wallet.ready': { en: 'Your wallet is ready. Add your first credential.', es: 'Su cartera está lista. Añada su primera credencial.', fr: 'Votre portefeuille est prêt. Ajoutez votre première attestation.' },
  'wallet.unlocked': { en: 'Unlocked.', es: 'Desbloqueada.', fr: 'Déverrouillé.' },
  'wallet.restore-damaged': {
    en: 'Restore a backup in place of the damaged wallet', es: 'Restaurar una copia de seguridad en lugar de la cartera dañada', fr: 'Restaurer une sauvegarde à la place du portefeuille endommagé',
  },
  'wallet.restore-instead': { en: 'Restore a backup instead', es: 'Restaurar una copia de seguridad', fr: 'Restaurer plutôt une sauvegarde' },
  'wallet.restore': { en: 'Restore', es: 'Restaurar', fr: 'Restaurer' },
  'wallet.choose-backup': { en: 'Choose the backup file first.', es: 'Elija primero el archivo de copia de seguridad.', fr: 'Choisissez d’abord le fichier de sauvegarde.' },
  'wallet.restored-backup': { en: 'The backup was restored.', es: 'Se restauró la copia de seguridad.', fr: 'La sauvegarde a été restaurée.' },
  'wallet.backup-file': { en: 'Backup file', es: 'Archivo de copia de seguridad', fr: 'Fichier de sauvegarde' },
  'wallet.backup-passphrase': { en: 'Passphrase of the backup', es: 'Frase de contraseña de la copia', fr: 'Phrase secrète de la sauvegarde' },
  'wallet.your-credentials': { en: 'Your credentials', es: 'Sus credenciales', fr: 'Vos attestations' },
  'wallet.reverify-all': { en: 'Re-verify all', es: 'Volver a verificar todo', fr: 'Tout revérifier' },
  'wallet.search': { en: 'Search credentials', es: 'Buscar credenciales', fr: 'Rechercher des attestations' },
  'wallet.search-placeholder': { en: 'Search by name, issuer or file', es: 'Buscar por nombre, emisor o archivo', fr: 'Rechercher par nom, émetteur ou fichier' },
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
    en: '{names}: too large (the limit is 16 MB). Not imported.', es: '{names}: demasiado grande (el límite es 16 MB). No se importó.', fr: '{names} : trop volumineux (la limite est de 16 Mo). Non importé.',
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
    en: 'From the backup: {added} added, {skipped} already here.', es: 'Desde la copia: {added} añadidas, {skipped} ya estaban.', fr: 'Depuis la sauvegarde : {added} ajoutées, {skipped} déjà présentes.',
  },
  'wallet.from-backup-holder': {
    en: 'From the backup: {added} added, {skipped} already here, and its holder key.', es: 'Desde la copia: {added} añadidas, {skipped} ya estaban, y su clave de titular.', fr: 'Depuis la sauvegarde : {added} ajoutées, {skipped} déjà présentes, et sa clé de titulaire.',
  },
  'wallet.select-to-share': { en: 'Select to share', es: 'Seleccionar para compartir', fr: 'Sélectionner pour partager' },
  'wallet.reverify': { en: 'Re-verify', es: 'Volver a verificar', fr: 'Revérifier' },
  'wallet.download': { en: 'Download', es: 'Descargar', fr: 'Télécharger' },
  'wallet.baked-png': { en: 'Baked PNG', es: 'PNG con credencial', fr: 'PNG avec attestation' },
  'wallet.baked-svg': { en: 'Baked SVG', es: 'SVG con credencial', fr: 'SVG avec attestation' },
  'wallet.delete': { en: 'Delete', es: 'Eliminar', fr: 'Supprimer' },
  'wallet.bake-png-label': { en: 'Download as a baked PNG badge: {title}', es: 'Descargar como PNG con credencial: {title}', fr: 'Télécharger en PNG avec attestation : {title}' },
  'wallet.bake-svg-label': { en: 'Download as a baked SVG badge: {title}', es: 'Descargar como SVG con credencial: {title}', fr: 'Télécharger en SVG avec attestation : {title}' },
  'wallet.from': { en: 'From {source}', es: 'De {source}', fr: 'De {source}' },
  'wallet.checked-offline': { en: 'Checked {date}, offline', es: 'Comprobada el {date}, sin conexión', fr: 'Vérifiée le {date}, hors ligne' },
  'wallet.remedy-check-online': {
    en: 'Use "Check online" below: ClearBadge asks you first.', es: 'Use «Comprobar en línea» abajo: ClearBadge le pregunta antes.', fr: 'Utilisez « Vérifier en ligne » ci-dessous : ClearBadge vous le demande d’abord.',
  },
  'wallet.remedy-cli': {
    en: 'The command line (clearbadge verify --with URL=FILE) can complete this.', es: 'La línea de órdenes (clearbadge verify --with URL=ARCHIVO) puede completarlo.', fr: 'La ligne de commande (clearbadge verify --with URL=FICHIER) peut compléter ceci.',
  },
  'wallet.remedy-found': {
    en: 'Checked offline. Save it to your wallet to check it online there (ClearBadge asks you before contacting anyone), or use the command line (clearbadge verify --online).',
    es: 'Comprobada sin conexión. Guárdela en su cartera para comprobarla allí en línea (ClearBadge le pregunta antes de contactar con nadie), o use la línea de órdenes (clearbadge verify --online).',
    fr: 'Vérifiée hors ligne. Enregistrez-la dans votre portefeuille pour la vérifier en ligne (ClearBadge vous demande avant de contacter qui que ce soit), ou utilisez la ligne de commande (clearbadge verify --online).',
  },
  'wallet.check-online': { en: 'Check online', es: 'Comprobar en línea', fr: 'Vérifier en ligne' },
  'wallet.refresh-online': { en: 'Refresh online', es: 'Actualizar en línea', fr: 'Actualiser en ligne' },
  'time.just-now': { en: 'just now', es: 'ahora mismo', fr: 'à l’instant' },
  'wallet.evidence-status': { en: 'Revocation last checked {ago}', es: 'Revocación comprobada por última vez {ago}', fr: 'Révocation vérifiée pour la dernière fois {ago}' },
  'wallet.evidence-key': { en: 'Issuer’s key fetched {ago}', es: 'Clave del emisor obtenida {ago}', fr: 'Clé de l’émetteur obtenue {ago}' },
  'wallet.evidence-registry': { en: 'Issuer registry fetched {ago}', es: 'Registro de emisores obtenido {ago}', fr: 'Registre d’émetteurs obtenu {ago}' },
  'wallet.evidence-document': { en: 'Document fetched {ago}', es: 'Documento obtenido {ago}', fr: 'Document obtenu {ago}' },
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
  'wallet.revoked': { en: 'ClearBadge may no longer contact {host}.', es: 'ClearBadge ya no puede contactar con {host}.', fr: 'ClearBadge ne peut plus contacter {host}.' },
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
  'wallet.recheck-off': { en: 'Periodic re-checks are off.', es: 'Las comprobaciones periódicas están desactivadas.', fr: 'Les revérifications périodiques sont désactivées.' },
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
    en: 'A registry address must start with https://.', es: 'La dirección de un registro debe empezar por https://.', fr: 'L’adresse d’un registre doit commencer par https://.',
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
  'wallet.checking-found': { en: 'Checking what the page offered…', es: 'Comprobando lo que ofrecía la página…', fr: 'Vérification de ce que la page proposait…' },
  'wallet.found-title': { en: 'Found on a web page', es: 'Encontrada en una página web', fr: 'Trouvée sur une page web' },
  'wallet.checked-in-clearbadge': { en: 'Checked offline, in ClearBadge', es: 'Comprobada sin conexión, en ClearBadge', fr: 'Vérifiée hors ligne, dans ClearBadge' },
  'wallet.open-wallet': { en: 'Open your wallet', es: 'Abrir su cartera', fr: 'Ouvrir votre portefeuille' },
  'wallet.no-match': { en: 'No credential matches the search.', es: 'Ninguna credencial coincide con la búsqueda.', fr: 'Aucune attestation ne correspond à la recherche.' },
  'wallet.empty': {
    en: 'No credentials yet. Add a file, paste one, or find one on a web page.', es: 'Aún no hay credenciales. Añada un archivo, pegue una o encuentre una en una página web.', fr: 'Aucune attestation pour l’instant. Ajoutez un fichier, collez-en une, ou trouvez-en une sur une page web.',
  },
  'wallet.checking-again': { en: 'Checking again…', es: 'Comprobando de nuevo…', fr: 'Nouvelle vérification…' },
  'wallet.checked-n': { en: 'Checked {n}: {counts}.', es: 'Comprobadas {n}: {counts}.', fr: '{n} vérifiées : {counts}.' },
  'wallet.deleted': { en: 'Deleted {title}.', es: 'Se eliminó {title}.', fr: '{title} supprimé.' },
  'wallet.undo': { en: 'Undo', es: 'Deshacer', fr: 'Annuler la suppression' },
  'wallet.deleted-undo': {
    en: 'Deleted {title}. Undo is available for a few seconds.', es: 'Se eliminó {title}. Puede deshacerlo durante unos segundos.', fr: '{title} supprimé. L’annulation reste possible quelques secondes.',
  },
  'wallet.restored': { en: 'Restored {title}.', es: 'Se restauró {title}.', fr: '{title} restauré.' },
  'wallet.baked': { en: 'Downloaded {title} as a baked {format} badge.', es: 'Se descargó {title} como insignia {format} con credencial.', fr: '{title} téléchargé en badge {format} avec attestation.' },
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
    en: '{n} selected', es: { one: '{n} seleccionada', other: '{n} seleccionadas' }, fr: { one: '{n} sélectionnée', other: '{n} sélectionnées' },
  },
  'wallet.none-selected': { en: 'None selected', es: 'Ninguna seleccionada', fr: 'Aucune sélectionnée' },
  'wallet.holder-key': { en: 'Your holder key: {key}', es: 'Su clave de titular: {key}', fr: 'Votre clé de titulaire : {key}' },
  'wallet.holder-later': { en: 'Your holder key is made the first time you share.', es: 'Su clave de titular se crea la primera vez que comparte.', fr: 'Votre clé de titulaire est créée la première fois que vous partagez.' },
  'wallet.select-first': { en: 'Select at least one credential to share.', es: 'Seleccione al menos una credencial para compartir.', fr: 'Sélectionnez au moins une attestation à partager.' },
  'wallet.signing': { en: 'Signing the presentation…', es: 'Firmando la presentación…', fr: 'Signature de la présentation…' },
  'wallet.signed': {
    en: { one: 'Presentation of {n} credential signed by your holder key. Copy it or download it.', other: 'Presentation of {n} credentials signed by your holder key. Copy it or download it.' },
    es: { one: 'Presentación de {n} credencial firmada con su clave de titular. Cópiela o descárguela.', other: 'Presentación de {n} credenciales firmada con su clave de titular. Cópiela o descárguela.' },
    fr: { one: 'Présentation de {n} attestation signée avec votre clé de titulaire. Copiez-la ou téléchargez-la.', other: 'Présentation de {n} attestations signée avec votre clé de titulaire. Copiez-la ou téléchargez-la.' },
  },
  'wallet.copied': { en: 'Copied.', es: 'Copiada.', fr: 'Copiée.' },
  'wallet.select-all': { en: 'Select-all done; press Ctrl+C to copy.', es: 'Todo seleccionado; pulse Ctrl+C para copiar.', fr: 'Tout est sélectionné ; appuyez sur Ctrl+C pour copier.' },
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
  'wallet.none-found': { en: 'No credentials found on this page.', es: 'No se encontraron credenciales en esta página.', fr: 'Aucune attestation trouvée sur cette page.' },
  'wallet.add-to-wallet': { en: 'Add to wallet', es: 'Añadir a la cartera', fr: 'Ajouter au portefeuille' },
  'wallet.found-n': { en: 'Found on this page ({n}):', es: 'Encontradas en esta página ({n}):', fr: 'Trouvées sur cette page ({n}) :' },
  'wallet.could-not-read': { en: 'Could not read it from the page: {error}', es: 'No se pudo leer de la página: {error}', fr: 'Impossible de la lire depuis la page : {error}' },
  'wallet.page-no-answer': { en: 'the page did not answer', es: 'la página no respondió', fr: 'la page n’a pas répondu' },

  // moving a whole wallet as original files (extension/move.mjs)
  'move.title': { en: 'Move your wallet', es: 'Trasladar su cartera', fr: 'Déplacer votre portefeuille' },
  'move.explain': {
    en: 'Download every credential as its original file (JSON, JWT or badge image) in one zip, with an index, for any other wallet or platform; or add such a zip, or a folder of credential files, here. The zip is not encrypted.',
    es: 'Descargue cada credencial como su archivo original (JSON, JWT o imagen de insignia) en un zip, con un índice, para cualquier otra cartera o plataforma; o añada aquí un zip así, o una carpeta de archivos de credenciales. El zip no está cifrado.',
    fr: 'Téléchargez chaque attestation dans son fichier d’origine (JSON, JWT ou image de badge) dans un zip, avec un index, pour tout autre portefeuille ou plateforme ; ou ajoutez ici un tel zip, ou un dossier de fichiers d’attestations. Le zip n’est pas chiffré.',
  },
  'move.export': { en: 'Download all as a zip', es: 'Descargar todo en un zip', fr: 'Tout télécharger en zip' },
  'move.import-zip': { en: 'Add a zip', es: 'Añadir un zip', fr: 'Ajouter un zip' },
  'move.import-folder': { en: 'Add a folder', es: 'Añadir una carpeta', fr: 'Ajouter un dossier' },
  'move.exported': {
    en: { one: '{n} credential downloaded as a zip of original files.', other: '{n} credentials downloaded as a zip of original files.' },
    es: { one: '{n} credencial descargada en un zip de archivos originales.', other: '{n} credenciales descargadas en un zip de archivos originales.' },
    fr: { one: '{n} attestation téléchargée dans un zip de fichiers d’origine.', other: '{n} attestations téléchargées dans un zip de fichiers d’origine.' },
  },
  'move.importing': { en: 'Checking the files ({done} of {n} done)…', es: 'Comprobando los archivos ({done} de {n})…', fr: 'Vérification des fichiers ({done} sur {n})…' },
  'move.imported': { en: 'Added {added}; {duplicates} already in the wallet.', es: 'Añadidas: {added}; ya estaban en la cartera: {duplicates}.', fr: 'Ajoutées : {added} ; déjà dans le portefeuille : {duplicates}.' },
  'move.skipped': {
    en: { one: '{n} file that is not a credential file was left out: {names}.', other: '{n} files that are not credential files were left out: {names}.' },
    es: { one: 'Se omitió {n} archivo que no es de credencial: {names}.', other: 'Se omitieron {n} archivos que no son de credenciales: {names}.' },
    fr: { one: '{n} fichier qui n’est pas une attestation a été laissé de côté : {names}.', other: '{n} fichiers qui ne sont pas des attestations ont été laissés de côté : {names}.' },
  },
  'move.nothing': {
    en: { one: 'No credential files found ({n} other file). Nothing was changed.', other: 'No credential files found ({n} other files). Nothing was changed.' },
    es: { one: 'No se encontraron archivos de credenciales ({n} otro archivo). No se cambió nada.', other: 'No se encontraron archivos de credenciales ({n} otros archivos). No se cambió nada.' },
    fr: { one: 'Aucun fichier d’attestation trouvé ({n} autre fichier). Rien n’a été modifié.', other: 'Aucun fichier d’attestation trouvé ({n} autres fichiers). Rien n’a été modifié.' },
  },
  'move.not-zip': { en: '{name} is not a zip file.', es: '{name} no es un archivo zip.', fr: '{name} n’est pas un fichier zip.' },
};

// MESSAGES: the core's message codes in each language (English: the core's
// own templates). A value may be an object keyed by params.what (the core
// says "credential" or "bundle", which differ in gender here).
export const MESSAGES = {
  en: EN,
  es: {
    'format.clr': 'Es un Registro Completo del Aprendiz (CLR 2.0).',
    'format.endorsement': 'Es un aval de Open Badges 3.0.',
    'format.open-badge': 'Es una credencial de Open Badges 3.0.',
    'format.vc-only': 'Es una credencial verificable, pero no una insignia Open Badge ni un registro de aprendizaje: solo se comprueban su firma, sus fechas y su estado.',
    'identity.listed': 'El emisor figura en {registry} como «{name}».',
    'identity.listed-as-other': 'El emisor figura en {registry} como «{name}». La credencial lo llama «{claimed}»: confíe en el nombre del registro.',
    'identity.no-registry': '«{name}» es lo que afirma esta credencial: no había ningún registro de emisores disponible para decir quién es el emisor.',
    'identity.no-registry-offline': '«{name}» es lo que afirma esta credencial: no había ningún registro de emisores disponible para decir quién es el emisor. Una comprobación en línea (o un archivo de registro) consultaría uno.',
    'identity.unlisted': '«{name}» es lo que afirma esta credencial; ningún registro que usted usa incluye a este emisor.',
    'issuer.domain-publishes-key': 'La clave de firma pertenece al emisor: {domain} la publica para {issuer}.',
    'issuer.lists-key': 'La clave de firma pertenece al emisor: {issuer} la declara como propia.',
    'issuer.none': 'La credencial no indica quién la emitió.',
    'issuer.unchecked': 'No se pudo confirmar quién emitió esta credencial, porque no se pudo comprobar su firma.',
    'proof.changed': {
      credential: 'Esta credencial se modificó después de firmarse, o no la firmó la clave que indica.',
      bundle: 'Este paquete se modificó después de firmarse, o no lo firmó la clave que indica.',
    },
    'proof.intact': 'La firma del emisor está intacta: nada en esta credencial se modificó después de firmarse.',
    'proof.intact-holder': 'La firma del titular está intacta: nada en este paquete se modificó después de firmarse.',
    'proof.key-offline': 'No se pudo comprobar la firma sin conexión: la clave del firmante está publicada en línea. Active las comprobaciones en línea (o aporte el documento de la clave) para comprobarla.',
    'proof.key-unreachable': 'No se pudo comprobar la firma: la clave del firmante está publicada en {host}, que no respondió. Inténtelo más tarde o aporte el documento de la clave.',
    'recipient.match': 'Esta credencial se otorgó a {recipient}.',
    'recipient.mismatch': 'Esta credencial no se otorgó a {recipient}.',
    'refresh.offered': 'El emisor ofrece una copia actualizada de esta credencial; ClearBadge no la pidió.',
    'refresh.offline': 'El emisor ofrece una copia actualizada de esta credencial; no se obtuvo porque ClearBadge está sin conexión.',
    'refresh.unsigned': 'No se obtuvo la copia actualizada del emisor, porque la firma de esta credencial no se verificó.',
    'refresh.unfetched': 'No se pudo obtener la copia actualizada del emisor; la credencial se comprobó tal como está.',
    'refresh.verified': 'La copia actualizada del emisor de esta credencial también se verificó.',
    'refresh.not-verified': 'La copia actualizada del emisor no se verificó; la credencial se comprobó tal como está.',
    'schema.ok': {
      credential: 'La credencial tiene todos los campos que exige {spec}, con la forma correcta (comprobado con las reglas propias de ClearBadge).',
      endorsement: 'El aval tiene todos los campos que exige {spec}, con la forma correcta (comprobado con las reglas propias de ClearBadge).',
      'learner record': 'El registro de aprendizaje tiene todos los campos que exige {spec}, con la forma correcta (comprobado con las reglas propias de ClearBadge).',
    },
    'status.none': 'Esta credencial no usa una lista de revocación.',
    'status.not-refreshed': 'El emisor no ha anunciado una versión actualizada de esta credencial.',
    'status.not-revoked': 'El emisor no ha revocado esta credencial.',
    'status.not-suspended': 'El emisor no ha suspendido esta credencial.',
    'status.refreshed': 'El emisor ha publicado una versión actualizada de esta credencial.',
    'status.revoked': 'El emisor ha revocado esta credencial.',
    'status.suspended': 'El emisor ha suspendido esta credencial; una suspensión puede levantarse más adelante.',
    'validity.expired': 'Esta credencial caducó el {until}.',
    'validity.from': 'Válida desde el {from}; no caduca.',
    'validity.from-until': 'Válida desde el {from} hasta el {until}.',
    'validity.no-date': 'La credencial no indica cuándo se emitió.',
    'validity.not-yet': 'Esta credencial aún no es válida: lo será a partir del {from}.',
    'validity.unreadable': 'No se pueden leer las fechas de la credencial, así que se desconoce su validez.',
  },
  fr: {
    'format.clr': 'Il s’agit d’un relevé complet des acquis (CLR 2.0).',
    'format.endorsement': 'Il s’agit d’une recommandation Open Badges 3.0.',
    'format.open-badge': 'Il s’agit d’une attestation Open Badges 3.0.',
    'format.vc-only': 'Il s’agit d’une attestation vérifiable, mais ni d’un Open Badge ni d’un relevé d’acquis : seules sa signature, ses dates et son statut sont vérifiés.',
    'identity.listed': 'L’émetteur est répertorié par {registry} sous le nom « {name} ».',
    'identity.listed-as-other': 'L’émetteur est répertorié par {registry} sous le nom « {name} ». L’attestation l’appelle « {claimed} » : fiez-vous au nom du registre.',
    'identity.no-registry': '« {name} » est ce qu’affirme cette attestation : aucun registre d’émetteurs n’était disponible pour dire qui est l’émetteur.',
    'identity.no-registry-offline': '« {name} » est ce qu’affirme cette attestation : aucun registre d’émetteurs n’était disponible pour dire qui est l’émetteur. Une vérification en ligne (ou un fichier de registre) en consulterait un.',
    'identity.unlisted': '« {name} » est ce qu’affirme cette attestation ; aucun registre que vous utilisez ne répertorie cet émetteur.',
    'issuer.domain-publishes-key': 'La clé de signature appartient à l’émetteur : {domain} la publie pour {issuer}.',
    'issuer.lists-key': 'La clé de signature appartient à l’émetteur : {issuer} la déclare comme sienne.',
    'issuer.none': 'L’attestation n’indique pas qui l’a émise.',
    'issuer.unchecked': 'Qui a émis cette attestation n’a pas pu être confirmé, car sa signature n’a pas pu être vérifiée.',
    'proof.changed': {
      credential: 'Cette attestation a été modifiée après sa signature, ou elle n’a pas été signée par la clé qu’elle nomme.',
      bundle: 'Ce lot a été modifié après sa signature, ou il n’a pas été signé par la clé qu’il nomme.',
    },
    'proof.intact': 'La signature de l’émetteur est intacte : rien dans cette attestation n’a été modifié après sa signature.',
    'proof.intact-holder': 'La signature du titulaire est intacte : rien dans ce lot n’a été modifié après sa signature.',
    'proof.key-offline': 'La signature n’a pas pu être vérifiée hors ligne : la clé du signataire est publiée en ligne. Activez les vérifications en ligne (ou fournissez le document de la clé) pour la vérifier.',
    'proof.key-unreachable': 'La signature n’a pas pu être vérifiée : la clé du signataire est publiée sur {host}, qui n’a pas répondu. Réessayez plus tard, ou fournissez le document de la clé.',
    'recipient.match': 'Cette attestation a été délivrée à {recipient}.',
    'recipient.mismatch': 'Cette attestation n’a pas été délivrée à {recipient}.',
    'refresh.offered': 'L’émetteur propose une copie mise à jour de cette attestation ; ClearBadge ne l’a pas demandée.',
    'refresh.offline': 'L’émetteur propose une copie mise à jour de cette attestation ; elle n’a pas été récupérée car ClearBadge est hors ligne.',
    'refresh.unsigned': 'La copie mise à jour de l’émetteur n’a pas été récupérée, car la signature de cette attestation n’a pas été vérifiée.',
    'refresh.unfetched': 'La copie mise à jour de l’émetteur n’a pas pu être récupérée ; l’attestation a été vérifiée telle quelle.',
    'refresh.verified': 'La copie mise à jour de l’émetteur pour cette attestation a aussi été vérifiée.',
    'refresh.not-verified': 'La copie mise à jour de l’émetteur n’a pas été vérifiée ; l’attestation a été vérifiée telle quelle.',
    'schema.ok': {
      credential: 'L’attestation a tous les champs qu’exige {spec}, sous la bonne forme (vérifié avec les règles intégrées de ClearBadge).',
      endorsement: 'La recommandation a tous les champs qu’exige {spec}, sous la bonne forme (vérifié avec les règles intégrées de ClearBadge).',
      'learner record': 'Le relevé d’acquis a tous les champs qu’exige {spec}, sous la bonne forme (vérifié avec les règles intégrées de ClearBadge).',
    },
    'status.none': 'Cette attestation n’utilise pas de liste de révocation.',
    'status.not-refreshed': 'L’émetteur n’a pas annoncé de version mise à jour de cette attestation.',
    'status.not-revoked': 'L’émetteur n’a pas révoqué cette attestation.',
    'status.not-suspended': 'L’émetteur n’a pas suspendu cette attestation.',
    'status.refreshed': 'L’émetteur a publié une version mise à jour de cette attestation.',
    'status.revoked': 'L’émetteur a révoqué cette attestation.',
    'status.suspended': 'L’émetteur a suspendu cette attestation ; une suspension peut être levée plus tard.',
    'validity.expired': 'Cette attestation a expiré le {until}.',
    'validity.from': 'Valide à partir du {from} ; elle n’expire pas.',
    'validity.from-until': 'Valide du {from} au {until}.',
    'validity.no-date': 'L’attestation n’indique pas quand elle a été délivrée.',
    'validity.not-yet': 'Cette attestation n’est pas encore valide : elle le sera à partir du {from}.',
    'validity.unreadable': 'Les dates de l’attestation sont illisibles, sa validité est donc inconnue.',
  },
};

// DATE_PARAMS: message parameters that carry an RFC 3339 date.
const DATE_PARAMS = new Set(['from', 'until']);

// fill puts params into a template ({name}; {name|date} in the English
// templates, a date in any language: DATE_PARAMS).
function fill(template, params = {}, fmt = (k, v) => v) {
  return template.replace(/\{(\w+)(?:\|\w+)?\}/g, (m, k) => (k in params ? fmt(k, params[k]) : m));
}

// t: a UI string in the current language (English if a key lacks one).
export function t(key, params) {
  const e = UI[key];
  if (!e) return key;
  let s = e[current] ?? e.en;
  if (typeof s === 'object') s = s[new Intl.PluralRules(current).select(Number(String(params?.n).replace(/\D/g, '')))] ?? s.other;
  return fill(s, params);
}

// message: what a check (or a missing item) says, in the current language:
// {text, lang}. lang is the language the text is in, for a lang attribute
// where it differs from the page's.
export function message(c) {
  const entry = c.code ? MESSAGES[current]?.[c.code] : undefined;
  const tmpl = typeof entry === 'object' ? entry[c.params?.what] : entry;
  if (!tmpl) return { text: c.message ?? '', lang: 'en' };
  return { text: fill(tmpl, c.params, (k, v) => (DATE_PARAMS.has(k) ? formatDate(v) : v)), lang: current };
}

// formatDate: a date alone when the time is midnight UTC (how most badges
// give their dates), else date and time in the reader's zone; in the
// current language (Intl).
export function formatDate(iso, withTime = false) {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const midnightUTC = d.getUTCHours() === 0 && d.getUTCMinutes() === 0 && d.getUTCSeconds() === 0;
  if (!withTime && midnightUTC) {
    return new Intl.DateTimeFormat(current, { dateStyle: 'long', timeZone: 'UTC' }).format(d);
  }
  return new Intl.DateTimeFormat(current, { dateStyle: 'long', timeStyle: 'short' }).format(d);
}

// list: words joined as the language joins a list ("a, b and c").
export function list(items) {
  return new Intl.ListFormat(current, { style: 'long', type: 'conjunction' }).format(items);
}

// number: a number in the current language.
export function number(n) {
  return new Intl.NumberFormat(current).format(n);
}
