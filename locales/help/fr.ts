/**
 * @module L’aide aux clients en français (A.1–A.6, B.1–B.4, C.1–C.6), d’après le modèle
 * anglais en.ts. Les libellés sont écrits exactement comme le portail client les affiche.
 */
import { LIMITS } from '../../server/contract.ts';
import {
  type HelpText,
  type Inline,
  label,
  type Paragraph,
  portalLink,
  step,
  supportEmail,
  text,
  wappLink,
} from './help-text.ts';

/**
 * French typography: a no-break space before : ; ? ! » and after «, so that a line never
 * starts with them. Written as plain spaces below; the labels keep the widget's own.
 */
function t(strings: TemplateStringsArray, ...parts: Inline[]): Paragraph {
  return text(strings, ...parts).map((part) =>
    typeof part === 'string'
      ? part.replace(/ ([:;?!»])/g, '\u00a0$1').replace(/« /g, '«\u00a0')
      : part,
  );
}

const passwordRules = t`${label('Votre nouveau mot de passe doit contenir\u00a0:')} ${label(`au moins ${LIMITS.passwordMinLength} caractères`)}, ${label('une lettre minuscule')}, ${label('une lettre majuscule')}, ${label('un chiffre')} et ${label('un caractère spécial, par exemple ! ? # ou %')}. La liste sous le champ coche chaque règle dès qu’elle est respectée. Le mot de passe ne doit pas contenir votre numéro de client.`;

export const fr = {
  language: 'fr',
  title: 'Aide pour le portail client',
  intro: t`Comment vous connecter au portail client pour la première fois (A), comment l’ouvrir depuis notre page WAPP (B) et que faire si vous avez oublié votre mot de passe (C). Choisissez votre langue en haut à droite du portail client : DE · FR · IT · EN.`,
  sections: [
    {
      id: 'a',
      title: 'Première connexion au portail client',
      steps: [
        {
          id: 'a-1',
          paragraphs: [
            t`Après la conclusion de votre premier contrat d’achat, vous recevez à l’adresse e-mail que vous nous avez indiquée un e-mail contenant votre numéro de client. Son objet est « ${label('Votre numéro de client pour le portail client')} ». Veuillez ouvrir cet e-mail et noter votre numéro de client. Conservez-le en lieu sûr : vous en aurez besoin à chaque connexion et chaque fois que vous nous écrivez.`,
          ],
          picture: 'L’e-mail contenant le numéro de client.',
        },
        {
          id: 'a-2',
          paragraphs: [
            t`Vous recevez dans un second e-mail, séparé, le mot de passe de votre première connexion : « ${label('Votre mot de passe pour la première connexion au portail client')} ». Il indique aussi jusqu’à quand ce mot de passe est valable. Veuillez ouvrir cet e-mail et garder le mot de passe à portée de main.`,
          ],
          picture: 'L’e-mail contenant le mot de passe de la première connexion.',
        },
        {
          id: 'a-3',
          paragraphs: [
            t`Ouvrez le lien du portail client ${portalLink} et choisissez la langue souhaitée en haut à droite. Saisissez votre numéro de client dans le champ « ${label('Numéro de client')} » et le mot de passe reçu par e-mail dans le champ « ${label('Mot de passe')} », puis cliquez sur « ${label('Se connecter')} ».`,
          ],
          picture:
            'La connexion au portail client, avec le numéro de client et le mot de passe saisis.',
        },
        {
          id: 'a-4',
          paragraphs: [
            t`Une nouvelle fenêtre s’ouvre : « ${label('Choisissez votre propre mot de passe')} ». Saisissez dans le champ « ${label('Ancien mot de passe')} » le mot de passe que nous vous avons envoyé. Saisissez ensuite un mot de passe de votre choix dans les deux champs « ${label('Nouveau mot de passe')} » et « ${label('Confirmer le nouveau mot de passe')} ».`,
            passwordRules,
            t`Cliquez ensuite sur « ${label('Modifier le mot de passe')} ». Conservez votre nouveau mot de passe en lieu sûr.`,
          ],
          picture:
            'La fenêtre « Choisissez votre propre mot de passe » avec les champs « Ancien mot de passe », « Nouveau mot de passe » et « Confirmer le nouveau mot de passe ».',
        },
        {
          id: 'a-5',
          paragraphs: [
            t`Vous revenez à la connexion, qui affiche « ${label('Votre mot de passe a été modifié. Veuillez vous connecter avec votre nouveau mot de passe.')} » Votre numéro de client (voir ${step('a-1')}) est déjà saisi. Saisissez dans le champ « ${label('Mot de passe')} » le mot de passe que vous venez de choisir (voir ${step('a-4')}) et cliquez sur « ${label('Se connecter')} ».`,
          ],
          picture:
            'La connexion avec la confirmation que le mot de passe a été modifié et le numéro de client déjà saisi.',
        },
        {
          id: 'a-6',
          paragraphs: [
            t`Vous êtes maintenant dans l’espace client du portail : il vous salue par votre nom et affiche votre numéro de client. Vous pouvez y changer votre mot de passe avec « ${label('Modifier le mot de passe')} » et choisir la langue de nos e-mails sous « ${label('Langue préférée')} ». Pour vous déconnecter, cliquez sur le bouton « ${label('Se déconnecter')} » en haut à droite.`,
          ],
          picture: 'L’espace client du portail avec le bouton « Se déconnecter » en haut à droite.',
        },
      ],
    },
    {
      id: 'b',
      title: 'Ouvrir le portail client via WAPP',
      steps: [
        {
          id: 'b-1',
          paragraphs: [t`Ouvrez notre page WAPP${wappLink} et cliquez sur la flèche au milieu.`],
          picture: 'Notre page WAPP avec la flèche au milieu.',
        },
        {
          id: 'b-2',
          paragraphs: [
            t`Un menu s’ouvre. Cliquez sur la deuxième ligne, « ${label('Portail client')} ». Le portail client s’ouvre dans sa propre fenêtre (en plein écran sur un smartphone). Choisissez la langue souhaitée en haut à droite.`,
          ],
          picture: 'Le menu de la page WAPP ; sa deuxième ligne est « Portail client ».',
        },
        {
          id: 'b-3',
          paragraphs: [
            t`Saisissez votre numéro de client (voir ${step('a-1')}) et le mot de passe que vous avez choisi (voir ${step('a-4')}), puis cliquez sur « ${label('Se connecter')} ». S’il s’agit de votre toute première connexion, saisissez le mot de passe reçu par e-mail et continuez comme au point ${step('a-4')}.`,
          ],
          picture:
            'Le portail client dans sa fenêtre au-dessus de la page WAPP, avec la connexion remplie.',
        },
        {
          id: 'b-4',
          paragraphs: [
            t`Vous êtes maintenant dans l’espace client du portail. Pour vous déconnecter, cliquez sur le bouton « ${label('Se déconnecter')} » en haut à droite. Le bouton « ${label('Fermer')} » (×) ferme la fenêtre.`,
          ],
          picture:
            'L’espace client dans la fenêtre au-dessus de la page WAPP, avec « Effacer l’historique » et « Se déconnecter » en haut à droite.',
        },
      ],
      note: t`Le portail client enregistre quelques informations dans votre navigateur : la langue choisie, votre numéro de client si vous avez coché « ${label('Mémoriser mon numéro de client sur cet appareil')} », et votre connexion. Pour tout effacer, cliquez sur « ${label('Effacer l’historique')} » en haut à droite du portail client (et non dans votre navigateur). Vous êtes alors aussi déconnecté, et le portail client confirme : « ${label('C’est fait\u00a0: le portail client a effacé tout ce qu’il avait enregistré dans ce navigateur.')} »`,
    },
    {
      id: 'c',
      title: 'Demander un nouveau mot de passe dans le portail client',
      steps: [
        {
          id: 'c-1',
          paragraphs: [
            t`Ouvrez le portail client via son lien (voir ${step('a-3')}) ou via notre page WAPP (voir ${step('b-1')} et ${step('b-2')}). Choisissez la langue souhaitée en haut à droite. Cliquez ensuite sur « ${label('Mot de passe oublié\u00a0?')} ».`,
          ],
          picture:
            'La connexion avec le lien « Mot de passe oublié ? » sous le bouton « Se connecter ».',
        },
        {
          id: 'c-2',
          paragraphs: [
            t`Une nouvelle fenêtre s’ouvre. Saisissez votre numéro de client (voir ${step('a-1')}) et cliquez sur « ${label('Réinitialiser le mot de passe')} ».`,
          ],
          picture: 'La fenêtre « Mot de passe oublié ? » avec le numéro de client saisi.',
        },
        {
          id: 'c-3',
          paragraphs: [
            t`Une nouvelle fenêtre s’ouvre avec le message : « ${label('Un e-mail contenant un lien de confirmation a été envoyé à l’adresse e-mail enregistrée dans notre système.')} » Elle affiche aussi le numéro de client saisi : s’il n’est pas correct, cliquez sur « ${label('Corriger le numéro de client')} ».`,
          ],
          picture:
            'Le message indiquant qu’un e-mail contenant un lien de confirmation a été envoyé.',
        },
        {
          id: 'c-4',
          paragraphs: [
            t`Ouvrez la boîte de réception de l’adresse e-mail indiquée dans votre contrat et ouvrez l’e-mail « ${label('Réinitialisation de votre mot de passe pour le portail client')} ». Cliquez sur le lien « ${label('Modifier le mot de passe maintenant')} ». L’e-mail indique jusqu’à quand le lien est valable ; il ne fonctionne qu’une fois, et seul le dernier lien demandé est valable.`,
          ],
          picture: 'L’e-mail avec le lien « Modifier le mot de passe maintenant ».',
        },
        {
          id: 'c-5',
          paragraphs: [
            t`Le portail client s’ouvre sur « ${label('Définissez un nouveau mot de passe')} » avec deux champs. Saisissez votre nouveau mot de passe dans les deux champs, « ${label('Nouveau mot de passe')} » et « ${label('Confirmer le nouveau mot de passe')} ».`,
            passwordRules,
            t`Cliquez ensuite sur « ${label('Définir le mot de passe')} ». Conservez votre nouveau mot de passe en lieu sûr.`,
          ],
          picture:
            'La fenêtre « Définissez un nouveau mot de passe » avec ses deux champs remplis.',
        },
        {
          id: 'c-6',
          paragraphs: [
            t`Vous êtes maintenant dans l’espace client du portail, qui affiche « ${label('Votre nouveau mot de passe est défini. Vous êtes dans votre espace client.')} » Pour vous déconnecter, cliquez sur le bouton « ${label('Se déconnecter')} » en haut à droite. Nous vous confirmons aussi par e-mail que votre mot de passe a été modifié.`,
          ],
          picture: 'L’espace client avec la confirmation que le nouveau mot de passe est défini.',
        },
      ],
    },
  ],
  support: {
    title: 'Problèmes techniques',
    paragraphs: [
      t`Si vous rencontrez des problèmes techniques lors de votre première connexion ou en définissant un nouveau mot de passe, veuillez nous écrire à ${supportEmail}. Indiquez toujours votre numéro de client et décrivez le problème. Nous vous contacterons dans les meilleurs délais.`,
      t`L’adresse en bas du portail client prépare cet e-mail pour vous, avec votre numéro de client dans l’objet.`,
    ],
  },
  page: {
    contents: 'Sommaire',
    print: 'Imprimer',
    languages: 'Langue',
    note: 'Remarque\u00a0:',
    openPortal: 'Ouvrir le portail client',
  },
} satisfies HelpText;
