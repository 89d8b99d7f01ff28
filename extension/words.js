// @ts-check
// The words of the wallet's service worker (background.js, vault.js) and of
// its content script (content.js) in English, Spanish and French. They cannot
// import web/i18n.mjs, an ES module (a classic service worker, a content
// script), so this classic script, with no import or export, is their
// catalogue: background.js loads it with importScripts, the manifest lists it
// before content.js. It defines one global, Words. The wallet's pages pass
// their language with every message (msg.lang), so what the service worker
// answers is in the reader's language; the content script follows the
// language chosen in the wallet, else the browser's. tests/browser/
// i18n.test.mjs checks that every key has all three, with the same
// parameters, and that every key the scripts use is here.
'use strict';

(() => {
  const LANGS = ['en', 'es', 'fr'];

  const WORDS = {
    // background.js: answers to the wallet's pages
    'bg.locked': {
      en: 'The wallet is locked. Enter your passphrase to open it.',
      es: 'La cartera está bloqueada. Escriba su frase de contraseña para abrirla.',
      fr: 'Le portefeuille est verrouillé. Saisissez votre phrase secrète pour l’ouvrir.',
    },
    'bg.no-wallet': { en: 'There is no wallet yet.', es: 'Todavía no hay ninguna cartera.', fr: 'Il n’y a pas encore de portefeuille.' },
    'bg.no-passphrase': { en: 'Enter your passphrase.', es: 'Escriba su frase de contraseña.', fr: 'Saisissez votre phrase secrète.' },
    'bg.nothing-to-import': { en: 'Nothing to import.', es: 'No hay nada que importar.', fr: 'Rien à importer.' },
    'bg.too-many-files': {
      en: 'At most {max} files at once.',
      es: 'Como máximo {max} archivos a la vez.',
      fr: 'Au plus {max} fichiers à la fois.',
    },
    'bg.item': { en: 'The item', es: 'El elemento', fr: 'L’élément' },
    // The title of a stored presentation (web/i18n.mjs card.presentation-of).
    'bg.presentation-of-one': {
      en: 'Presentation of {n} credential',
      es: 'Presentación de {n} credencial',
      fr: 'Présentation de {n} attestation',
    },
    'bg.presentation-of': {
      en: 'Presentation of {n} credentials',
      es: 'Presentación de {n} credenciales',
      fr: 'Présentation de {n} attestations',
    },
    'bg.item-too-large': {
      en: '{source} is too large (the limit is 16 MB).',
      es: '{source} es demasiado grande (el límite es de 16 MB).',
      fr: '{source} est trop volumineux (la limite est de 16 Mo).',
    },
    'bg.verifier-silent': {
      en: 'The verifier did not answer.',
      es: 'El verificador no respondió.',
      fr: 'Le vérificateur n’a pas répondu.',
    },
    'bg.item-empty': { en: '{source} has no content.', es: '{source} no tiene contenido.', fr: '{source} n’a aucun contenu.' },
    'bg.item-unchecked': {
      en: '{source} could not be checked: {error}',
      es: 'No se pudo comprobar {source}: {error}',
      fr: '{source} n’a pas pu être vérifié : {error}',
    },
    'bg.item-not-credential': {
      en: '{source} was not imported: it is not a credential ClearBadge can read.',
      es: '{source} no se importó: no es una credencial que ClearBadge pueda leer.',
      fr: '{source} n’a pas été importé : ce n’est pas une attestation que ClearBadge sait lire.',
    },
    'bg.not-found': {
      en: 'That credential is not in the wallet.',
      es: 'Esa credencial no está en la cartera.',
      fr: 'Cette attestation n’est pas dans le portefeuille.',
    },
    'bg.selected-gone': {
      en: 'A selected credential is no longer in the wallet.',
      es: 'Una de las credenciales seleccionadas ya no está en la cartera.',
      fr: 'Une attestation sélectionnée n’est plus dans le portefeuille.',
    },
    'bg.nothing-to-restore': { en: 'Nothing to restore.', es: 'No hay nada que recuperar.', fr: 'Rien à restaurer.' },
    'bg.not-sites': { en: 'Not a list of sites.', es: 'No es una lista de sitios.', fr: 'Ce n’est pas une liste de sites.' },
    'bg.registry-https': {
      en: 'A registry address must start with https://.',
      es: 'La dirección de un registro debe empezar por https://.',
      fr: 'L’adresse d’un registre doit commencer par https://.',
    },
    'bg.registry-too-large': {
      en: 'That registry file is too large.',
      es: 'Ese archivo de registro es demasiado grande.',
      fr: 'Ce fichier de registre est trop volumineux.',
    },
    'bg.registry-none': {
      en: 'Give a registry file or its https address.',
      es: 'Indique un archivo de registro o su dirección https.',
      fr: 'Indiquez un fichier de registre ou son adresse https.',
    },
    'bg.registry-not-found': {
      en: 'That registry is not in the wallet.',
      es: 'Ese registro no está en la cartera.',
      fr: 'Ce registre n’est pas dans le portefeuille.',
    },
    'bg.no-permission': {
      en: 'ClearBadge may not contact the sites this check needs. Allow them first.',
      es: 'ClearBadge no tiene permiso para contactar con los sitios que necesita esta comprobación. Autorícelos primero.',
      fr: 'ClearBadge n’a pas le droit de contacter les sites dont cette vérification a besoin. Autorisez-les d’abord.',
    },
    'bg.revoked-notice': {
      en: "{title}: its issuer's status list now says it is revoked or suspended.",
      es: '{title}: la lista de estado de su emisor indica ahora que está revocada o suspendida.',
      fr: '{title} : la liste de statut de son émetteur indique désormais qu’elle est révoquée ou suspendue.',
    },
    'bg.no-backup': {
      en: 'No backup file was given.',
      es: 'No se indicó ningún archivo de copia de seguridad.',
      fr: 'Aucun fichier de sauvegarde n’a été donné.',
    },
    'bg.backup-bad-entry': {
      en: 'The backup holds an entry that is not a credential. Nothing was changed.',
      es: 'La copia de seguridad contiene una entrada que no es una credencial. No se cambió nada.',
      fr: 'La sauvegarde contient une entrée qui n’est pas une attestation. Rien n’a été modifié.',
    },
    'bg.wallet-exists': {
      en: 'There is already a wallet here. Unlock it and add the backup from inside the wallet. Nothing was changed.',
      es: 'Ya hay una cartera aquí. Desbloquéela y añada la copia de seguridad desde dentro de la cartera. No se cambió nada.',
      fr: 'Il y a déjà un portefeuille ici. Déverrouillez-le et ajoutez la sauvegarde depuis le portefeuille. Rien n’a été modifié.',
    },
    'bg.share-none': {
      en: 'Select at least one credential to share.',
      es: 'Seleccione al menos una credencial para compartir.',
      fr: 'Sélectionnez au moins une attestation à partager.',
    },
    'bg.png-or-svg': { en: 'Choose PNG or SVG.', es: 'Elija PNG o SVG.', fr: 'Choisissez PNG ou SVG.' },
    'bg.nothing-to-verify': { en: 'Nothing to verify.', es: 'No hay nada que verificar.', fr: 'Rien à vérifier.' },
    'bg.found-gone': {
      en: 'This page was opened for a credential that is no longer here. Open it again from the page.',
      es: 'Esta página se abrió para una credencial que ya no está aquí. Vuelva a abrirla desde la página.',
      fr: 'Cette page a été ouverte pour une attestation qui n’est plus là. Rouvrez-la depuis la page.',
    },
    'bg.save-locked': {
      en: 'Your wallet is locked. Open ClearBadge from the toolbar, unlock it, and save again.',
      es: 'Su cartera está bloqueada. Abra ClearBadge desde la barra de herramientas, desbloquéela y vuelva a guardar.',
      fr: 'Votre portefeuille est verrouillé. Ouvrez ClearBadge depuis la barre d’outils, déverrouillez-le et enregistrez à nouveau.',
    },
    'bg.revoked-title': {
      en: 'A credential is no longer valid',
      es: 'Una credencial ha dejado de ser válida',
      fr: 'Une attestation n’est plus valide',
    },
    'bg.menu-verify': { en: 'Verify this badge', es: 'Verificar esta insignia', fr: 'Vérifier ce badge' },
    // vault.js: the encrypted store and backups
    'vault.weak-passphrase': {
      en: 'Choose a passphrase of at least 8 characters.',
      es: 'Elija una frase de contraseña de al menos 8 caracteres.',
      fr: 'Choisissez une phrase secrète d’au moins 8 caractères.',
    },
    'vault.wrong-passphrase': {
      en: 'Wrong passphrase. Nothing was changed.',
      es: 'Frase de contraseña incorrecta. No se cambió nada.',
      fr: 'Phrase secrète incorrecte. Rien n’a été modifié.',
    },
    'vault.wrong-backup-passphrase': {
      en: 'That passphrase does not open this backup. Nothing was changed.',
      es: 'Esa frase de contraseña no abre esta copia de seguridad. No se cambió nada.',
      fr: 'Cette phrase secrète n’ouvre pas cette sauvegarde. Rien n’a été modifié.',
    },
    'vault.damaged': {
      en: 'The stored wallet is damaged ({why}).',
      es: 'La cartera guardada está dañada ({why}).',
      fr: 'Le portefeuille enregistré est endommagé ({why}).',
    },
    'vault.not-a-backup-why': {
      en: 'This is not a ClearBadge wallet backup ({why}).',
      es: 'No es una copia de seguridad de una cartera de ClearBadge ({why}).',
      fr: 'Ce n’est pas une sauvegarde de portefeuille ClearBadge ({why}).',
    },
    'vault.damaged-data': {
      en: 'The stored wallet is damaged: the passphrase is right but the data does not decrypt. Nothing was changed; restore a backup to recover.',
      es: 'La cartera guardada está dañada: la frase de contraseña es correcta, pero los datos no se descifran. No se cambió nada; recupere una copia de seguridad.',
      fr: 'Le portefeuille enregistré est endommagé : la phrase secrète est juste, mais les données ne se déchiffrent pas. Rien n’a été modifié ; restaurez une sauvegarde pour le récupérer.',
    },
    'vault.backup-damaged': {
      en: 'The backup is damaged: the passphrase is right but its contents do not decrypt. Nothing was changed.',
      es: 'La copia de seguridad está dañada: la frase de contraseña es correcta, pero su contenido no se descifra. No se cambió nada.',
      fr: 'La sauvegarde est endommagée : la phrase secrète est juste, mais son contenu ne se déchiffre pas. Rien n’a été modifié.',
    },
    'vault.not-a-backup-json': {
      en: 'This file is not a ClearBadge wallet backup (it is not JSON). Nothing was changed.',
      es: 'Este archivo no es una copia de seguridad de una cartera de ClearBadge (no es JSON). No se cambió nada.',
      fr: 'Ce fichier n’est pas une sauvegarde de portefeuille ClearBadge (ce n’est pas du JSON). Rien n’a été modifié.',
    },
    'vault.not-a-backup': {
      en: 'This file is not a ClearBadge wallet backup. Nothing was changed.',
      es: 'Este archivo no es una copia de seguridad de una cartera de ClearBadge. No se cambió nada.',
      fr: 'Ce fichier n’est pas une sauvegarde de portefeuille ClearBadge. Rien n’a été modifié.',
    },
    'vault.backup-version': {
      en: 'This backup has version {version}, which this wallet cannot read. Nothing was changed.',
      es: 'Esta copia de seguridad tiene la versión {version}, que esta cartera no puede leer. No se cambió nada.',
      fr: 'Cette sauvegarde est en version {version}, que ce portefeuille ne sait pas lire. Rien n’a été modifié.',
    },
    // the why of vault.damaged and vault.not-a-backup-why
    'vault.why-unreadable': { en: 'its {part} part is not readable', es: 'su parte {part} no se puede leer', fr: 'sa partie {part} est illisible' },
    'vault.why-truncated': { en: 'its {part} part is truncated', es: 'su parte {part} está truncada', fr: 'sa partie {part} est tronquée' },
    'vault.why-not-json': { en: 'its contents are not JSON', es: 'su contenido no es JSON', fr: 'son contenu n’est pas du JSON' },
    'vault.why-not-wallet': { en: 'its contents are not a wallet', es: 'su contenido no es una cartera', fr: 'son contenu n’est pas un portefeuille' },
    'vault.why-not-object': { en: 'not an object', es: 'no es un objeto', fr: 'ce n’est pas un objet' },
    'vault.why-format': { en: 'unknown format', es: 'formato desconocido', fr: 'format inconnu' },
    'vault.why-version': {
      en: 'version {version} is not supported',
      es: 'la versión {version} no es compatible',
      fr: 'la version {version} n’est pas prise en charge',
    },
    'vault.why-kdf': {
      en: 'key derivation settings missing or out of range',
      es: 'faltan los parámetros de derivación de la clave o están fuera de rango',
      fr: 'paramètres de dérivation de clé absents ou hors limites',
    },
    'vault.why-part-missing': { en: '{part} part missing', es: 'falta la parte {part}', fr: 'partie {part} absente' },
    'vault.why-salt': { en: 'salt is not base64', es: 'la sal no está en base64', fr: 'le sel n’est pas en base64' },
    'vault.why-salt-short': { en: 'salt too short', es: 'sal demasiado corta', fr: 'sel trop court' },
    // content.js: the notice in web pages
    'content.close': { en: 'Close the ClearBadge notice', es: 'Cerrar el aviso de ClearBadge', fr: 'Fermer l’avis de ClearBadge' },
    'content.found-one': {
      en: 'ClearBadge found a credential on this page',
      es: 'ClearBadge encontró una credencial en esta página',
      fr: 'ClearBadge a trouvé une attestation sur cette page',
    },
    'content.found-many': {
      en: 'ClearBadge found {n} possible credentials on this page',
      es: 'ClearBadge encontró {n} posibles credenciales en esta página',
      fr: 'ClearBadge a trouvé {n} attestations possibles sur cette page',
    },
    'content.this-badge': { en: 'ClearBadge: this badge', es: 'ClearBadge: esta insignia', fr: 'ClearBadge : ce badge' },
    'content.show': { en: 'Show', es: 'Mostrar', fr: 'Afficher' },
    'content.hide': { en: 'Hide', es: 'Ocultar', fr: 'Masquer' },
    'content.open': { en: 'Open in ClearBadge', es: 'Abrir en ClearBadge', fr: 'Ouvrir dans ClearBadge' },
    'content.save': { en: 'Save to wallet', es: 'Guardar en la cartera', fr: 'Enregistrer dans le portefeuille' },
    'content.opening': { en: 'Opening it in ClearBadge…', es: 'Abriéndola en ClearBadge…', fr: 'Ouverture dans ClearBadge…' },
    'content.opened': { en: 'Opened in a ClearBadge tab.', es: 'Abierta en una pestaña de ClearBadge.', fr: 'Ouverte dans un onglet ClearBadge.' },
    'content.open-failed': { en: 'Could not open it: {error}', es: 'No se pudo abrir: {error}', fr: 'Impossible de l’ouvrir : {error}' },
    'content.saving': { en: 'Saving…', es: 'Guardando…', fr: 'Enregistrement…' },
    'content.saved': {
      en: 'Saved to your wallet. Open ClearBadge to see what was checked.',
      es: 'Guardada en su cartera. Abra ClearBadge para ver qué se comprobó.',
      fr: 'Enregistrée dans votre portefeuille. Ouvrez ClearBadge pour voir ce qui a été vérifié.',
    },
    'content.already': { en: 'Already in your wallet.', es: 'Ya está en su cartera.', fr: 'Déjà dans votre portefeuille.' },
    'content.not-saved': { en: 'Not saved.', es: 'No se guardó.', fr: 'Non enregistrée.' },
    'content.save-failed': { en: 'Could not save it: {error}', es: 'No se pudo guardar: {error}', fr: 'Impossible de l’enregistrer : {error}' },
    'content.no-answer': { en: 'the wallet did not answer', es: 'la cartera no respondió', fr: 'le portefeuille n’a pas répondu' },
    'content.in-page': { en: 'In the page: {name}', es: 'En la página: {name}', fr: 'Dans la page : {name}' },
    'content.in-page-unnamed': { en: 'credential in this page', es: 'credencial de esta página', fr: 'attestation de cette page' },
    'content.link': { en: 'Link: {name}', es: 'Enlace: {name}', fr: 'Lien : {name}' },
    'content.image': { en: 'Image: {name}', es: 'Imagen: {name}', fr: 'Image : {name}' },
    'content.selected': { en: 'Selected: {name}', es: 'Seleccionado: {name}', fr: 'Sélection : {name}' },
    'content.http-error': { en: 'the site answered HTTP {status}', es: 'el sitio respondió HTTP {status}', fr: 'le site a répondu HTTP {status}' },
    'content.too-large': { en: 'the file is too large', es: 'el archivo es demasiado grande', fr: 'le fichier est trop volumineux' },
    'content.page-changed': {
      en: 'the page changed; search it again',
      es: 'la página cambió; vuelva a buscar en ella',
      fr: 'la page a changé ; recherchez à nouveau',
    },

    // platforms.js: learning platforms over the Open Badges / CLR API
    'pf.what-api': { en: 'API address', es: 'la dirección de la API', fr: 'l’adresse de l’API' },
    'pf.what-privacy': { en: 'privacy policy', es: 'la política de privacidad', fr: 'la politique de confidentialité' },
    'pf.what-terms': { en: 'terms of service', es: 'las condiciones de servicio', fr: 'les conditions d’utilisation' },
    'pf.what-registration': { en: 'registration address', es: 'la dirección de registro', fr: 'l’adresse d’enregistrement' },
    'pf.what-sign-in': { en: 'sign-in address', es: 'la dirección de inicio de sesión', fr: 'l’adresse de connexion' },
    'pf.what-token': { en: 'token address', es: 'la dirección de tokens', fr: 'l’adresse des jetons' },
    'pf.what-refresh': { en: 'refresh address', es: 'la dirección de renovación', fr: 'l’adresse de renouvellement' },
    'pf.no-field': {
      en: "The platform's description has no {what}.",
      es: 'La descripción de la plataforma no indica {what}.',
      fr: 'La description de la plateforme n’indique pas {what}.',
    },
    'pf.not-address': {
      en: "The platform's {what} is not a web address.",
      es: 'En la plataforma, {what} no es una dirección web.',
      fr: 'Sur la plateforme, {what} n’est pas une adresse web.',
    },
    'pf.not-https': {
      en: "The platform's {what} is not an https address, so ClearBadge will not use it.",
      es: 'En la plataforma, {what} no es una dirección https, así que ClearBadge no la usará.',
      fr: 'Sur la plateforme, {what} n’est pas une adresse https : ClearBadge ne l’utilisera pas.',
    },
    'pf.bad-address': { en: 'That is not a web address.', es: 'Eso no es una dirección web.', fr: 'Ce n’est pas une adresse web.' },
    'pf.https-only': {
      en: 'Platforms are reached over https only.',
      es: 'Solo se contacta con las plataformas por https.',
      fr: 'Les plateformes ne sont contactées qu’en https.',
    },
    'pf.too-large': {
      en: 'The platform sent more than ClearBadge reads at once.',
      es: 'La plataforma envió más de lo que ClearBadge lee de una vez.',
      fr: 'La plateforme a envoyé plus que ce que ClearBadge lit d’un coup.',
    },
    'pf.unreachable': { en: '{host} did not answer ({why}).', es: '{host} no respondió ({why}).', fr: '{host} n’a pas répondu ({why}).' },
    'pf.slow': { en: 'it took too long', es: 'tardó demasiado', fr: 'trop long' },
    'pf.no-connection': { en: 'no connection', es: 'sin conexión', fr: 'pas de connexion' },
    'pf.refused': {
      en: '{host} refused to {action}: {why}.',
      es: '{host} rechazó la solicitud ({action}): {why}.',
      fr: '{host} a refusé la demande ({action}) : {why}.',
    },
    'pf.refused-said': {
      en: '{host} refused to {action}: {why} (“{desc}”).',
      es: '{host} rechazó la solicitud ({action}): {why} («{desc}»).',
      fr: '{host} a refusé la demande ({action}) : {why} (« {desc} »).',
    },
    'pf.action-register': { en: 'register ClearBadge', es: 'registro de ClearBadge', fr: 'enregistrement de ClearBadge' },
    'pf.action-complete': { en: 'complete the sign-in', es: 'fin del inicio de sesión', fr: 'fin de la connexion' },
    'pf.action-renew': { en: 'renew the sign-in', es: 'renovación del inicio de sesión', fr: 'renouvellement de la connexion' },
    'pf.action-profile': { en: 'give your profile', es: 'envío de su perfil', fr: 'envoi de votre profil' },
    'pf.action-credentials': { en: 'give your credentials', es: 'envío de sus credenciales', fr: 'envoi de vos attestations' },
    'pf.action-take': { en: 'take it', es: 'recepción de la credencial', fr: 'réception de l’attestation' },
    'pf.why-forbidden': { en: 'it does not allow this', es: 'no lo permite', fr: 'elle ne le permet pas' },
    'pf.why-unauthorized': {
      en: 'it no longer accepts this connection’s sign-in',
      es: 'ya no acepta el inicio de sesión de esta conexión',
      fr: 'elle n’accepte plus la connexion de ce lien',
    },
    'pf.why-busy': { en: 'it is busy', es: 'está ocupada', fr: 'elle est occupée' },
    'pf.why-invalid': { en: 'it found the data invalid', es: 'considera que los datos no son válidos', fr: 'elle juge les données non valides' },
    'pf.why-not-understood': { en: 'it did not understand the request', es: 'no entendió la solicitud', fr: 'elle n’a pas compris la demande' },
    'pf.why-unknown': { en: 'it does not know this item', es: 'no conoce este elemento', fr: 'elle ne connaît pas cet élément' },
    'pf.why-answered': { en: 'it answered {code}', es: 'respondió {code}', fr: 'elle a répondu {code}' },
    'pf.no-description': {
      en: 'The platform did not answer with an Open Badges service description.',
      es: 'La plataforma no respondió con una descripción de servicio de Open Badges.',
      fr: 'La plateforme n’a pas répondu par une description de service Open Badges.',
    },
    'pf.no-oauth': {
      en: 'The platform’s service description offers no OAuth 2.0 sign-in.',
      es: 'La descripción de servicio de la plataforma no ofrece inicio de sesión OAuth 2.0.',
      fr: 'La description de service de la plateforme ne propose pas de connexion OAuth 2.0.',
    },
    'pf.no-api': {
      en: '{host} has no Open Badges 3.0 or CLR 2.0 service description (it answered {status}).',
      es: '{host} no tiene descripción de servicio de Open Badges 3.0 ni de CLR 2.0 (respondió {status}).',
      fr: '{host} n’a pas de description de service Open Badges 3.0 ni CLR 2.0 (elle a répondu {status}).',
    },
    'pf.no-client': {
      en: 'The platform’s registration answer has no client id and secret.',
      es: 'La respuesta de registro de la plataforma no trae identificador ni secreto de cliente.',
      fr: 'La réponse d’enregistrement de la plateforme n’a ni identifiant ni secret client.',
    },
    'pf.not-bearer': {
      en: 'The platform’s token answer is not a bearer token.',
      es: 'La respuesta de token de la plataforma no es un token bearer.',
      fr: 'La réponse de jeton de la plateforme n’est pas un jeton bearer.',
    },
    'pf.unfinished': {
      en: 'The sign-in at {host} did not finish ({why}). Nothing was changed.',
      es: 'El inicio de sesión en {host} no terminó ({why}). No se cambió nada.',
      fr: 'La connexion à {host} n’a pas abouti ({why}). Rien n’a été modifié.',
    },
    'pf.state': {
      en: 'The answer from {host}’s sign-in does not match the request ClearBadge made (its state differs), so it was ignored. Nothing was changed.',
      es: 'La respuesta del inicio de sesión de {host} no corresponde a la solicitud de ClearBadge (su state difiere), así que se ignoró. No se cambió nada.',
      fr: 'La réponse de la connexion à {host} ne correspond pas à la demande de ClearBadge (son state diffère) : elle a été ignorée. Rien n’a été modifié.',
    },
    'pf.denied': {
      en: '{host} did not grant access ({error}). Nothing was changed.',
      es: '{host} no concedió el acceso ({error}). No se cambió nada.',
      fr: '{host} n’a pas accordé l’accès ({error}). Rien n’a été modifié.',
    },
    'pf.no-code': {
      en: '{host}’s sign-in sent no authorization code. Nothing was changed.',
      es: 'El inicio de sesión de {host} no envió ningún código de autorización. No se cambió nada.',
      fr: 'La connexion à {host} n’a envoyé aucun code d’autorisation. Rien n’a été modifié.',
    },
    'pf.not-connected': { en: 'That platform is not connected.', es: 'Esa plataforma no está conectada.', fr: 'Cette plateforme n’est pas reliée.' },
    'pf.foreign': {
      en: 'The platform pointed ClearBadge to another site; it was not followed.',
      es: 'La plataforma remitió a ClearBadge a otro sitio; no se siguió.',
      fr: 'La plateforme a renvoyé ClearBadge vers un autre site ; il n’a pas été suivi.',
    },
    'pf.expired': {
      en: 'Your sign-in at {name} has expired: connect again.',
      es: 'Su sesión en {name} caducó: vuelva a conectar.',
      fr: 'Votre connexion à {name} a expiré : reliez-la à nouveau.',
    },
    'pf.busy': {
      en: '{name} is busy and asked ClearBadge to wait until {until}. What was pulled so far is kept.',
      es: '{name} está ocupada y pidió a ClearBadge esperar hasta el {until}. Se conserva lo traído hasta ahora.',
      fr: '{name} est occupée et a demandé à ClearBadge d’attendre jusqu’au {until}. Ce qui a été récupéré jusqu’ici est conservé.',
    },
    'pf.busy-retry': {
      en: '{name} is busy and asked ClearBadge to wait until {until}; ClearBadge will try again then, while the wallet is open. What was pulled so far is kept.',
      es: '{name} está ocupada y pidió a ClearBadge esperar hasta el {until}; ClearBadge volverá a intentarlo entonces, si la cartera está abierta. Se conserva lo traído hasta ahora.',
      fr: '{name} est occupée et a demandé à ClearBadge d’attendre jusqu’au {until} ; ClearBadge réessaiera alors, si le portefeuille est ouvert. Ce qui a été récupéré jusqu’ici est conservé.',
    },
    'pf.kept': {
      en: '{said} What was pulled so far is kept.',
      es: '{said} Se conserva lo traído hasta ahora.',
      fr: '{said} Ce qui a été récupéré jusqu’ici est conservé.',
    },
    'pf.malformed': {
      en: '{name} sent a page that is not a list of credentials, so the pull stopped there. What was pulled so far is kept.',
      es: '{name} envió una página que no es una lista de credenciales, así que la descarga se detuvo ahí. Se conserva lo traído hasta ahora.',
      fr: '{name} a envoyé une page qui n’est pas une liste d’attestations : la récupération s’est arrêtée là. Ce qui a été récupéré jusqu’ici est conservé.',
    },
    'pf.foreign-next': {
      en: '{name} pointed the next page to another site; it was not followed. What was pulled so far is kept.',
      es: '{name} remitió la página siguiente a otro sitio; no se siguió. Se conserva lo traído hasta ahora.',
      fr: '{name} a placé la page suivante sur un autre site ; elle n’a pas été suivie. Ce qui a été récupéré jusqu’ici est conservé.',
    },
    'pf.select-first': {
      en: 'Select the credentials to send first.',
      es: 'Seleccione primero las credenciales que enviar.',
      fr: 'Sélectionnez d’abord les attestations à envoyer.',
    },
    'pf.gone': {
      en: 'A selected credential is no longer in the wallet.',
      es: 'Una credencial seleccionada ya no está en la cartera.',
      fr: 'Une attestation sélectionnée n’est plus dans le portefeuille.',
    },
    'pf.no-upsert': {
      en: '{name} did not allow ClearBadge to send credentials.',
      es: '{name} no permitió que ClearBadge enviara credenciales.',
      fr: '{name} n’a pas permis à ClearBadge d’envoyer des attestations.',
    },
    'pf.baked': {
      en: 'its image holds no credential ClearBadge can read',
      es: 'su imagen no contiene ninguna credencial que ClearBadge pueda leer',
      fr: 'son image ne contient aucune attestation que ClearBadge puisse lire',
    },
  };

  // say: the words for key in lang (English if lang is not one of LANGS),
  // with {name} parameters filled in; a parameter may itself be words to
  // say ({key, params}).
  function say(lang, key, params = {}) {
    const e = WORDS[key];
    if (!e) return key;
    const value = (v) => (v && typeof v === 'object' ? say(lang, v.key, v.params) : String(v));
    return (e[lang] ?? e.en).replace(/\{(\w+)\}/g, (m, k) => (k in params ? value(params[k]) : m));
  }

  // langOf: the first of prefs (a chosen language, then the browser's
  // languages) that the catalogue has, else English.
  function langOf(...prefs) {
    for (const p of prefs.flat()) {
      const base = String(p || '')
        .toLowerCase()
        .split(/[-_]/)[0];
      if (LANGS.includes(base)) return base;
    }
    return 'en';
  }

  // Refusal: an error the wallet explains with words from here: code (one of
  // Protocol.ERRORS) says what kind, key and params name its words. Its
  // message is English; the service worker answers in the reader's language
  // (background/store.js said). The service worker's, the vault's and the
  // platforms' errors are Refusals (WalletError, VaultError, ApiError).
  class Refusal extends Error {
    /**
     * @param {string} code
     * @param {string} key
     * @param {Record<string, unknown>} [params]
     */
    constructor(code, key, params) {
      super(say('en', key, params));
      this.code = code;
      this.key = key;
      this.params = params;
    }
  }

  self.Words = { WORDS, LANGS, say, langOf, Refusal };
})();
