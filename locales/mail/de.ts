/**
 * @module German mail texts: formal "Sie", the greeting neutral because the name may be a
 * person or a company. After "Guten Tag …," the first paragraph starts in lower case,
 * as German letters do. Field meanings: `MailTexts` in mail-texts.ts.
 */
import type { MailTexts } from './mail-texts.ts';

export const de = {
  common: {
    greeting: 'Guten Tag {name},',
    linkFallback:
      'Falls die Schaltfläche nicht funktioniert, kopieren Sie bitte diese Adresse in die Adresszeile Ihres Browsers:',
    signOff: 'Freundliche Grüße',
    signature: 'Ihr Kundenservice',
    supportSubject: 'Kundenportal – Kundennummer {customerNumber}',
  },
  customer_number: {
    subject: 'Ihre Kundennummer für das Kundenportal',
    intro:
      'vielen Dank für Ihr Vertrauen. Ab sofort steht Ihnen unser Kundenportal zur Verfügung. In dieser E-Mail erhalten Sie Ihre Kundennummer, die Sie bei jeder Anmeldung benötigen.',
    numberLabel: 'Ihre Kundennummer:',
    keepSafe:
      'Bitte bewahren Sie diese E-Mail auf oder speichern Sie Ihre Kundennummer an einem sicheren Ort, und geben Sie sie bei jeder Anfrage an uns an.',
    passwordFollows:
      'Das Passwort für Ihre erste Anmeldung erhalten Sie in einer separaten E-Mail.',
    portalLink: 'Zum Kundenportal',
  },
  initial_password: {
    subject: 'Ihr Passwort für die erste Anmeldung im Kundenportal',
    intro:
      'hier erhalten Sie das Passwort für Ihre erste Anmeldung im Kundenportal. Ihre Kundennummer haben wir Ihnen in einer separaten E-Mail geschickt.',
    passwordLabel: 'Ihr Passwort für die erste Anmeldung:',
    validUntil: 'Dieses Passwort ist gültig bis {expiresAt}.',
    firstLogin:
      'Melden Sie sich mit Ihrer Kundennummer und diesem Passwort an. Anschließend werden Sie gebeten, ein eigenes Passwort festzulegen: Geben Sie das obige Passwort im Feld „Bisheriges Passwort“ ein, danach Ihr neues Passwort in den Feldern „Neues Passwort“ und „Neues Passwort wiederholen“, und klicken Sie auf „Passwort ändern“. Bitte achten Sie auf Groß- und Kleinschreibung.',
    policy:
      'Das neue Passwort muss mindestens 8 Zeichen lang sein und Groß- und Kleinbuchstaben, Ziffern sowie mindestens ein Sonderzeichen enthalten.',
    expired:
      'Sollte das Passwort vor Ihrer ersten Anmeldung abgelaufen sein, weist Sie das Kundenportal bei der Anmeldung darauf hin. Klicken Sie dann auf „Passwort vergessen?“ und legen Sie über den Link, den wir Ihnen per E-Mail senden, ein neues Passwort fest.',
    neverAsk:
      'Bitte geben Sie dieses Passwort an niemanden weiter. Wir werden Sie niemals per E-Mail oder Telefon nach Ihrem Passwort fragen.',
    portalLink: 'Zum Kundenportal',
  },
  password_reset: {
    subject: 'Passwort für das Kundenportal zurücksetzen',
    intro:
      'wir haben eine Anfrage erhalten, das Passwort für Ihren Zugang zum Kundenportal (Kundennummer {customerNumber}) zurückzusetzen. Über den folgenden Link können Sie ein neues Passwort festlegen:',
    action: 'Passwort jetzt ändern',
    validUntil:
      'Der Link ist gültig bis {expiresAt} und kann nur einmal verwendet werden. Wenn Sie einen weiteren Link anfordern, wird dieser Link ungültig.',
    notRequested:
      'Falls Sie kein neues Passwort angefordert haben, können Sie diese E-Mail einfach ignorieren. Ihr Passwort bleibt dann unverändert.',
    support:
      'Bei Problemen schreiben Sie uns bitte an {supportEmail}. Geben Sie dabei bitte immer Ihre Kundennummer ({customerNumber}) an und beschreiben Sie das Problem.',
  },
  password_changed: {
    subject: 'Ihr Passwort für das Kundenportal wurde geändert',
    intro:
      'das Passwort für Ihren Zugang zum Kundenportal (Kundennummer {customerNumber}) wurde am {changedAt} geändert.',
    ifYou: 'Wenn Sie diese Änderung selbst vorgenommen haben, ist nichts weiter zu tun.',
    ifNotYou:
      'Falls Sie Ihr Passwort nicht geändert haben, wenden Sie sich bitte umgehend an {supportEmail} und geben Sie dabei Ihre Kundennummer ({customerNumber}) an. Vergeben Sie außerdem sofort selbst ein neues Passwort über „Passwort vergessen?“ im Kundenportal.',
    portalLink: 'Zum Kundenportal',
  },
} satisfies MailTexts;
