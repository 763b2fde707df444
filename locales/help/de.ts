/**
 * @module Die Kundenhilfe auf Deutsch (A.1–A.6, B.1–B.4, C.1–C.6), nach der englischen
 * Vorlage en.ts. Beschriftungen stehen genau so da, wie das Kundenportal sie zeigt.
 */
import { LIMITS } from '../../server/contract.ts';
import {
  type HelpText,
  label,
  portalLink,
  step,
  supportEmail,
  text,
  wappLink,
} from './help-text.ts';

const passwordRules = text`${label('Ihr neues Passwort muss enthalten:')} ${label(`mindestens ${LIMITS.passwordMinLength} Zeichen`)}, ${label('einen Kleinbuchstaben')}, ${label('einen Großbuchstaben')}, ${label('eine Ziffer')} und ${label('ein Sonderzeichen, zum Beispiel ! ? # oder %')}. Die Liste unter dem Feld hakt jede Regel ab, sobald sie erfüllt ist. Das Passwort darf Ihre Kundennummer nicht enthalten.`;

export const de = {
  language: 'de',
  title: 'Hilfe zum Kundenportal',
  intro: text`So melden Sie sich zum ersten Mal im Kundenportal an (A), so öffnen Sie es über unsere WAPP-Seite (B), und so gehen Sie vor, wenn Sie Ihr Passwort vergessen haben (C). Die Sprache wählen Sie oben rechts im Kundenportal: DE · FR · IT · EN.`,
  sections: [
    {
      id: 'a',
      title: 'Erste Anmeldung im Kundenportal',
      steps: [
        {
          id: 'a-1',
          paragraphs: [
            text`Nach Abschluss Ihres ersten Kaufvertrags erhalten Sie an die von Ihnen angegebene E-Mail-Adresse eine E-Mail mit Ihrer Kundennummer. Ihr Betreff lautet „${label('Ihre Kundennummer für das Kundenportal')}“. Bitte öffnen Sie diese E-Mail und notieren Sie Ihre Kundennummer. Bewahren Sie sie sicher auf: Sie brauchen sie bei jeder Anmeldung und immer, wenn Sie uns schreiben.`,
          ],
          picture: 'Die E-Mail mit der Kundennummer.',
        },
        {
          id: 'a-2',
          paragraphs: [
            text`Mit einer zweiten, separaten E-Mail erhalten Sie das Passwort für Ihre erste Anmeldung: „${label('Ihr Passwort für die erste Anmeldung im Kundenportal')}“. Darin steht auch, bis wann dieses Passwort gültig ist. Bitte öffnen Sie diese E-Mail und halten Sie das Passwort bereit.`,
          ],
          picture: 'Die E-Mail mit dem Passwort für die erste Anmeldung.',
        },
        {
          id: 'a-3',
          paragraphs: [
            text`Öffnen Sie den Kundenportal-Link ${portalLink} und wählen Sie oben rechts die gewünschte Sprache. Geben Sie Ihre Kundennummer im Feld „${label('Kundennummer')}“ und das Passwort aus der E-Mail im Feld „${label('Passwort')}“ ein und klicken Sie auf „${label('Anmelden')}“.`,
          ],
          picture:
            'Die Anmeldung im Kundenportal mit eingetragener Kundennummer und eingetragenem Passwort.',
        },
        {
          id: 'a-4',
          paragraphs: [
            text`Es öffnet sich ein neues Fenster: „${label('Eigenes Passwort festlegen')}“. Geben Sie im Feld „${label('Bisheriges Passwort')}“ das Passwort ein, das wir Ihnen geschickt haben. Geben Sie dann ein Passwort Ihrer Wahl in die beiden Felder „${label('Neues Passwort')}“ und „${label('Neues Passwort wiederholen')}“ ein.`,
            passwordRules,
            text`Klicken Sie dann auf „${label('Passwort ändern')}“. Bewahren Sie Ihr neues Passwort sicher auf.`,
          ],
          picture:
            'Das Fenster „Eigenes Passwort festlegen“ mit den Feldern „Bisheriges Passwort“, „Neues Passwort“ und „Neues Passwort wiederholen“.',
        },
        {
          id: 'a-5',
          paragraphs: [
            text`Sie sind wieder bei der Anmeldung, mit der Meldung „${label('Ihr Passwort wurde geändert. Bitte melden Sie sich mit Ihrem neuen Passwort an.')}“ Ihre Kundennummer (siehe ${step('a-1')}) ist bereits eingetragen. Geben Sie im Feld „${label('Passwort')}“ das soeben gewählte Passwort (siehe ${step('a-4')}) ein und klicken Sie auf „${label('Anmelden')}“.`,
          ],
          picture:
            'Die Anmeldung mit der Bestätigung, dass das Passwort geändert wurde, und eingetragener Kundennummer.',
        },
        {
          id: 'a-6',
          paragraphs: [
            text`Sie befinden sich jetzt im internen Bereich des Kundenportals: Es begrüßt Sie mit Ihrem Namen und zeigt Ihre Kundennummer. Hier können Sie mit „${label('Passwort ändern')}“ Ihr Passwort ändern und unter „${label('Bevorzugte Sprache')}“ die Sprache unserer E-Mails wählen. Zum Abmelden klicken Sie oben rechts auf die Schaltfläche „${label('Abmelden')}“.`,
          ],
          picture:
            'Der interne Bereich des Kundenportals mit der Schaltfläche „Abmelden“ oben rechts.',
        },
      ],
    },
    {
      id: 'b',
      title: 'Kundenportal über WAPP öffnen',
      steps: [
        {
          id: 'b-1',
          paragraphs: [
            text`Öffnen Sie unsere WAPP-Seite${wappLink} und klicken Sie auf den Pfeil in der Mitte.`,
          ],
          picture: 'Unsere WAPP-Seite mit dem Pfeil in der Mitte.',
        },
        {
          id: 'b-2',
          paragraphs: [
            text`Es öffnet sich ein Menü. Klicken Sie auf die zweite Zeile, „${label('Kundenportal')}“. Das Kundenportal öffnet sich in einem eigenen Fenster (auf dem Smartphone bildschirmfüllend). Wählen Sie oben rechts die gewünschte Sprache.`,
          ],
          picture: 'Das Menü der WAPP-Seite; seine zweite Zeile ist „Kundenportal“.',
        },
        {
          id: 'b-3',
          paragraphs: [
            text`Geben Sie Ihre Kundennummer (siehe ${step('a-1')}) und das von Ihnen gewählte Passwort (siehe ${step('a-4')}) ein und klicken Sie auf „${label('Anmelden')}“. Melden Sie sich zum allerersten Mal an, geben Sie das Passwort aus der E-Mail ein und fahren Sie fort wie unter ${step('a-4')}.`,
          ],
          picture:
            'Das Kundenportal in seinem Fenster über der WAPP-Seite, mit ausgefüllter Anmeldung.',
        },
        {
          id: 'b-4',
          paragraphs: [
            text`Sie befinden sich jetzt im internen Bereich des Kundenportals. Zum Abmelden klicken Sie oben rechts auf die Schaltfläche „${label('Abmelden')}“. Die Schaltfläche „${label('Schließen')}“ (×) schließt das Fenster.`,
          ],
          picture:
            'Der interne Bereich im Fenster über der WAPP-Seite, mit „Verlauf löschen“ und „Abmelden“ oben rechts.',
        },
      ],
      note: text`Das Kundenportal speichert einiges in Ihrem Browser: die gewählte Sprache, Ihre Kundennummer, wenn Sie „${label('Kundennummer auf diesem Gerät merken')}“ angekreuzt haben, und Ihre Anmeldung. Um all das zu löschen, klicken Sie oben rechts im Kundenportal (nicht im Browser) auf „${label('Verlauf löschen')}“. Damit werden Sie auch abgemeldet, und das Kundenportal bestätigt: „${label('Erledigt: Das Kundenportal hat alles gelöscht, was es in diesem Browser gespeichert hatte.')}“`,
    },
    {
      id: 'c',
      title: 'Neues Passwort im Kundenportal anfordern',
      steps: [
        {
          id: 'c-1',
          paragraphs: [
            text`Öffnen Sie das Kundenportal über den Kundenportal-Link (siehe ${step('a-3')}) oder über unsere WAPP-Seite (siehe ${step('b-1')} und ${step('b-2')}). Wählen Sie oben rechts die gewünschte Sprache. Klicken Sie dann auf „${label('Passwort vergessen?')}“.`,
          ],
          picture:
            'Die Anmeldung mit dem Link „Passwort vergessen?“ unter der Schaltfläche „Anmelden“.',
        },
        {
          id: 'c-2',
          paragraphs: [
            text`Es öffnet sich ein neues Fenster. Geben Sie Ihre Kundennummer (siehe ${step('a-1')}) ein und klicken Sie auf „${label('Passwort zurücksetzen')}“.`,
          ],
          picture: 'Das Fenster „Passwort vergessen?“ mit eingetragener Kundennummer.',
        },
        {
          id: 'c-3',
          paragraphs: [
            text`Es öffnet sich ein neues Fenster mit der Meldung: „${label('Eine E-Mail mit einem Bestätigungslink wurde an die in unserem System hinterlegte E-Mail-Adresse gesendet.')}“ Es zeigt auch die eingegebene Kundennummer: Ist sie nicht richtig, klicken Sie auf „${label('Kundennummer korrigieren')}“.`,
          ],
          picture: 'Die Meldung, dass eine E-Mail mit einem Bestätigungslink gesendet wurde.',
        },
        {
          id: 'c-4',
          paragraphs: [
            text`Öffnen Sie das Postfach der E-Mail-Adresse, die Sie in Ihrem Vertrag angegeben haben, und öffnen Sie die E-Mail „${label('Passwort für das Kundenportal zurücksetzen')}“. Klicken Sie auf den Link „${label('Passwort jetzt ändern')}“. In der E-Mail steht, bis wann der Link gültig ist; er funktioniert nur einmal, und nur der zuletzt angeforderte Link gilt.`,
          ],
          picture: 'Die E-Mail mit dem Link „Passwort jetzt ändern“.',
        },
        {
          id: 'c-5',
          paragraphs: [
            text`Das Kundenportal öffnet sich mit „${label('Neues Passwort festlegen')}“ und zwei Feldern. Geben Sie Ihr neues Passwort in beide Felder ein, „${label('Neues Passwort')}“ und „${label('Neues Passwort wiederholen')}“.`,
            passwordRules,
            text`Klicken Sie dann auf „${label('Passwort festlegen')}“. Bewahren Sie Ihr neues Passwort sicher auf.`,
          ],
          picture: 'Das Fenster „Neues Passwort festlegen“ mit seinen beiden ausgefüllten Feldern.',
        },
        {
          id: 'c-6',
          paragraphs: [
            text`Sie befinden sich jetzt im internen Bereich des Kundenportals, mit der Meldung „${label('Ihr neues Passwort ist festgelegt. Sie sind jetzt angemeldet.')}“ Zum Abmelden klicken Sie oben rechts auf die Schaltfläche „${label('Abmelden')}“. Wir bestätigen Ihnen die Änderung Ihres Passworts außerdem per E-Mail.`,
          ],
          picture:
            'Der interne Bereich mit der Bestätigung, dass das neue Passwort festgelegt ist.',
        },
      ],
    },
  ],
  support: {
    title: 'Technische Probleme',
    paragraphs: [
      text`Sollten bei der ersten Anmeldung oder beim Festlegen eines neuen Passworts technische Probleme auftreten, schreiben Sie uns bitte eine E-Mail an ${supportEmail}. Bitte geben Sie immer Ihre Kundennummer an und beschreiben Sie das Problem. Wir melden uns so schnell wie möglich bei Ihnen.`,
      text`Die Adresse unten im Kundenportal schreibt diese E-Mail für Sie, mit Ihrer Kundennummer im Betreff.`,
    ],
  },
  page: {
    contents: 'Inhalt',
    print: 'Drucken',
    languages: 'Sprache',
    note: 'Hinweis:',
    openPortal: 'Zum Kundenportal',
  },
} satisfies HelpText;
