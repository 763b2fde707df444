/**
 * @module French mail texts: formal "vous", phrased so that no adjective needs a gender.
 * French typography puts a no-break space (\u00a0) before ":" "?" and inside « »,
 * so a line never starts with the punctuation. Field meanings: `MailTexts`.
 */
import type { MailTexts } from './mail-texts.ts';

export const fr = {
  common: {
    greeting: 'Bonjour {name},',
    linkFallback:
      'Si le bouton ne fonctionne pas, copiez cette adresse dans la barre d’adresse de votre navigateur\u00a0:',
    signOff: 'Meilleures salutations,',
    signature: 'Votre service clientèle',
    supportSubject: 'Portail client – numéro de client {customerNumber}',
  },
  customer_number: {
    subject: 'Votre numéro de client pour le portail client',
    intro:
      'Nous vous remercions de votre confiance. Vous avez désormais accès à notre portail client. Vous trouverez ci-dessous votre numéro de client, qui vous sera demandé à chaque connexion.',
    numberLabel: 'Votre numéro de client\u00a0:',
    keepSafe:
      'Veuillez conserver cet e-mail ou enregistrer votre numéro de client en lieu sûr, et l’indiquer systématiquement lorsque vous nous contactez.',
    passwordFollows:
      'Vous recevrez le mot de passe pour votre première connexion dans un e-mail séparé.',
    portalLink: 'Accéder au portail client',
  },
  initial_password: {
    subject: 'Votre mot de passe pour la première connexion au portail client',
    intro:
      'Voici le mot de passe pour votre première connexion au portail client. Votre numéro de client vous a été envoyé dans un e-mail séparé.',
    passwordLabel: 'Votre mot de passe pour la première connexion\u00a0:',
    validUntil: 'Ce mot de passe est valable jusqu’au {expiresAt}.',
    firstLogin:
      'Connectez-vous avec votre numéro de client et ce mot de passe. Il vous sera ensuite demandé de choisir votre propre mot de passe\u00a0: saisissez le mot de passe ci-dessus dans le champ «\u00a0Ancien mot de passe\u00a0», puis votre nouveau mot de passe dans les champs «\u00a0Nouveau mot de passe\u00a0» et «\u00a0Confirmer le nouveau mot de passe\u00a0», et cliquez sur «\u00a0Modifier le mot de passe\u00a0». Veuillez respecter les majuscules et les minuscules.',
    policy:
      'Le nouveau mot de passe doit comporter au moins 8\u00a0caractères, dont des majuscules et des minuscules, des chiffres et au moins un caractère spécial.',
    expired:
      'Si le mot de passe a expiré avant votre première connexion, le portail client vous le signale lorsque vous vous connectez. Cliquez alors sur «\u00a0Mot de passe oublié\u00a0?\u00a0» et choisissez un nouveau mot de passe grâce au lien que nous vous enverrons par e-mail.',
    neverAsk:
      'Ne communiquez ce mot de passe à personne. Nous ne vous demanderons jamais votre mot de passe par e-mail ou par téléphone.',
    portalLink: 'Accéder au portail client',
  },
  password_reset: {
    subject: 'Réinitialisation de votre mot de passe pour le portail client',
    intro:
      'Nous avons reçu une demande de réinitialisation du mot de passe de votre accès au portail client (numéro de client {customerNumber}). Pour choisir un nouveau mot de passe, veuillez cliquer sur le lien ci-dessous\u00a0:',
    action: 'Modifier le mot de passe maintenant',
    validUntil:
      'Ce lien est valable jusqu’au {expiresAt} et ne peut être utilisé qu’une seule fois. Si vous demandez un nouveau lien, le présent lien ne sera plus valable.',
    notRequested:
      'Si vous n’avez pas demandé de nouveau mot de passe, vous pouvez simplement ignorer cet e-mail. Votre mot de passe restera inchangé.',
    support:
      'En cas de problème, écrivez-nous à {supportEmail}. Veuillez toujours indiquer votre numéro de client ({customerNumber}) et décrire le problème.',
  },
  password_changed: {
    subject: 'Le mot de passe de votre portail client a été modifié',
    intro:
      'Le mot de passe de votre accès au portail client (numéro de client {customerNumber}) a été modifié le {changedAt}.',
    ifYou: 'Si vous avez effectué cette modification vous-même, vous n’avez rien d’autre à faire.',
    ifNotYou:
      'Si vous n’avez pas modifié votre mot de passe, contactez-nous immédiatement à {supportEmail} en indiquant votre numéro de client ({customerNumber}). Définissez également sans attendre un nouveau mot de passe via «\u00a0Mot de passe oublié\u00a0?\u00a0» dans le portail client.',
    portalLink: 'Accéder au portail client',
  },
} satisfies MailTexts;
