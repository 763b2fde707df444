/**
 * @module The mails a customer reads: every kind in every language, complete, translated,
 * saying what the help text promises, and safe against hostile values (S24).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { LANGUAGES, type Language } from '../../server/contract.ts';
import { MAIL_KINDS, type MailKind, type MailValues } from '../../server/mail/kinds.ts';
import { placeholdersOf, renderMail } from '../../server/mail/templates.ts';
import { MAIL_TEXTS } from '../../server/mail/texts.ts';

const EXPIRES = new Date(Date.UTC(2026, 11, 10, 9, 0)); // 10:00 in Berlin, winter time
const NUMBER = 'DGM-48213';
const PASSWORD = 'Kx7#pRt9wQ2m';
const RESET_URL =
  'https://portal.dealer.example/kunden#portal-reset=Zq3vT0yA8bX1cW5dE7fG9hJ2kL4mN6pR8sU0vX2yZ4a';

const VALUES: { [K in MailKind]: MailValues[K] } = {
  customer_number: {
    name: 'Erika Muster',
    customerNumber: NUMBER,
    portalUrl: 'https://portal.dealer.example/kunden',
  },
  initial_password: {
    name: 'Erika Muster',
    password: PASSWORD,
    expiresAt: EXPIRES,
    portalUrl: 'https://portal.dealer.example/kunden',
  },
  password_reset: {
    name: 'Erika Muster',
    customerNumber: NUMBER,
    resetUrl: RESET_URL,
    expiresAt: EXPIRES,
    supportEmail: 'support@dealer.example',
  },
  password_changed: {
    name: 'Erika Muster',
    customerNumber: NUMBER,
    changedAt: EXPIRES,
    supportEmail: 'support@dealer.example',
    portalUrl: 'https://portal.dealer.example/kunden',
  },
};

const OTHER_LANGUAGES = LANGUAGES.filter((language) => language !== 'en');

/** Every text of a language as path → words, so languages can be compared key by key. */
function leavesOf(value: unknown, path = ''): Map<string, string> {
  const leaves = new Map<string, string>();
  if (typeof value === 'string') return leaves.set(path, value);
  if (typeof value === 'object' && value !== null) {
    for (const [key, child] of Object.entries(value)) {
      for (const [childPath, text] of leavesOf(child, path ? `${path}.${key}` : key)) {
        leaves.set(childPath, text);
      }
    }
  }
  return leaves;
}

function render(kind: MailKind, language: Language) {
  // The switch keeps each kind paired with its own values for the type checker.
  switch (kind) {
    case 'customer_number':
      return renderMail(kind, language, VALUES[kind]);
    case 'initial_password':
      return renderMail(kind, language, VALUES[kind]);
    case 'password_reset':
      return renderMail(kind, language, VALUES[kind]);
    case 'password_changed':
      return renderMail(kind, language, VALUES[kind]);
  }
}

/** What a reader sees of the HTML with all markup and styles gone. */
function visibleText(html: string): string {
  return html
    .replace(/<head>[\s\S]*<\/head>/, '')
    .replace(/<br>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&quot;', '"')
    .replaceAll('&#39;', "'")
    .replaceAll('&amp;', '&');
}

describe('mail texts', () => {
  const english = leavesOf(MAIL_TEXTS.en);

  test('every mail has all its texts in German, French, Italian and English', () => {
    for (const language of LANGUAGES) {
      const leaves = leavesOf(MAIL_TEXTS[language]);
      assert.deepEqual([...leaves.keys()].sort(), [...english.keys()].sort(), `${language} keys`);
      for (const [path, text] of leaves) {
        assert.ok(text.trim().length > 0, `${language} ${path} is empty`);
      }
    }
  });

  test('every language fills in the same values as the English mail', () => {
    for (const language of OTHER_LANGUAGES) {
      for (const [path, text] of leavesOf(MAIL_TEXTS[language])) {
        assert.deepEqual(
          placeholdersOf(text),
          placeholdersOf(english.get(path) ?? ''),
          `${language} ${path}`,
        );
      }
    }
  });

  test('no English is left in the German, French and Italian mails', () => {
    for (const language of OTHER_LANGUAGES) {
      for (const [path, text] of leavesOf(MAIL_TEXTS[language])) {
        assert.notEqual(text, english.get(path), `${language} ${path} is still English`);
      }
      for (const kind of MAIL_KINDS) {
        // Lines that are only a value (number, password, link) are the same in every language.
        const values = new Set(Object.values(VALUES[kind]).map(String));
        const englishLines = new Set(
          render(kind, 'en')
            .text.split('\n')
            .filter((line) => line && !values.has(line)),
        );
        for (const line of render(kind, language).text.split('\n')) {
          assert.ok(!englishLines.has(line), `${language} ${kind}: "${line}" is English`);
        }
      }
    }
  });

  test('every mail renders in every language, and its HTML says what its text says', () => {
    for (const language of LANGUAGES) {
      for (const kind of MAIL_KINDS) {
        const mail = render(kind, language);
        assert.ok(
          mail.subject.length > 0 && !mail.subject.includes('{'),
          `${language} ${kind} subject`,
        );
        assert.ok(
          !mail.text.includes('{') && !mail.html.includes('{'),
          `${language} ${kind} placeholder left`,
        );
        const seen = visibleText(mail.html);
        for (const line of mail.text.split('\n').filter(Boolean)) {
          assert.ok(seen.includes(line), `${language} ${kind}: HTML lacks "${line}"`);
        }
      }
    }
  });
});

describe('what each mail tells the customer', () => {
  test('A.1 and A.2 the customer number and the initial password come in two separate mails', () => {
    for (const language of LANGUAGES) {
      const numberMail = render('customer_number', language);
      const passwordMail = render('initial_password', language);
      assert.notEqual(numberMail.subject, passwordMail.subject);
      for (const part of [numberMail.text, numberMail.html]) {
        assert.ok(part.includes(NUMBER), `${language}: number mail has the number`);
        assert.ok(!part.includes(PASSWORD), `${language}: number mail has no password`);
      }
      for (const part of [passwordMail.text, passwordMail.html]) {
        assert.ok(part.includes(PASSWORD), `${language}: password mail has the password`);
        assert.ok(!part.includes(NUMBER), `${language}: password mail has no number`);
      }
    }
  });

  test('A.2 the initial password mail says when it expires, in the date format of each language', () => {
    const expected: Record<Language, string> = {
      en: 'valid until 10 December 2026 at 10:00 CET',
      de: 'gültig bis 10. Dezember 2026 um 10:00 MEZ',
      fr: 'valable jusqu’au 10 décembre 2026 à 10:00 (heure d’Europe centrale)',
      it: 'valida fino al 10 dicembre 2026 alle ore 10:00 CET',
    };
    for (const language of LANGUAGES) {
      assert.ok(render('initial_password', language).text.includes(expected[language]), language);
    }
  });

  test('the first of a month reads as French and Italian readers write it: "1er décembre", "1° dicembre", in central European time', () => {
    const first = { ...VALUES.password_reset, expiresAt: new Date(Date.UTC(2026, 11, 1, 9, 0)) };
    const expected: Record<Language, string> = {
      en: 'valid until 1 December 2026 at 10:00 CET',
      de: 'gültig bis 1. Dezember 2026 um 10:00 MEZ',
      fr: 'valable jusqu’au 1er décembre 2026 à 10:00 (heure d’Europe centrale)',
      it: 'valido fino al 1° dicembre 2026 alle ore 10:00 CET',
    };
    for (const language of LANGUAGES) {
      const { text } = renderMail('password_reset', language, first);
      assert.ok(text.includes(expected[language]), `${language}: ${text}`);
      assert.doesNotMatch(text, /UTC[+-]/, `${language}: no "UTC+1"`);
    }
  });

  test("native readers' wording: the reset link that another request voids, and digits in the Italian policy", () => {
    const expected: Array<[MailKind, Language, string]> = [
      [
        'password_reset',
        'de',
        'Wenn Sie einen weiteren Link anfordern, wird dieser Link ungültig.',
      ],
      [
        'password_reset',
        'fr',
        'Si vous demandez un nouveau lien, le présent lien ne sera plus valable.',
      ],
      ['password_reset', 'it', 'Se richiede un nuovo link, il presente link non sarà più valido.'],
      [
        'initial_password',
        'it',
        'lettere maiuscole e minuscole, cifre e almeno un carattere speciale',
      ],
    ];
    for (const [kind, language, sentence] of expected) {
      assert.ok(render(kind, language).text.includes(sentence), `${kind} ${language}: ${sentence}`);
    }
  });

  test('A.2 an expired initial password: the mail sends the customer to "Forgot your password?", not to us', () => {
    const expected: Record<Language, string> = {
      en: '“Forgot your password?”',
      de: '„Passwort vergessen?“',
      fr: '«\u00a0Mot de passe oublié\u00a0?\u00a0»',
      it: '«Password dimenticata?»',
    };
    for (const language of LANGUAGES) {
      const { expired } = MAIL_TEXTS[language].initial_password;
      assert.ok(expired.includes(expected[language]), `${language}: ${expired}`);
    }
  });

  test('A.2 the initial password stands alone in a monospace box, so a double-click or a long press copies exactly it', () => {
    const { html, text } = render('initial_password', 'de');
    const box = new RegExp(`<code style="[^"]*monospace[^"]*">${PASSWORD}</code>`);
    assert.match(html, box);
    assert.match(html, /<div[^>]*><code[^>]*>[^<]*<\/code><\/div>/, 'nothing else in its box');
    assert.ok(text.split('\n').includes(PASSWORD), 'on a line of its own in the text part');
  });

  test("the dealer's name (PORTAL_BRAND_NAME) signs every mail, under the customer service's words", () => {
    for (const language of LANGUAGES) {
      const { text, html } = renderMail(
        'password_reset',
        language,
        VALUES.password_reset,
        'Muster & Söhne AG',
      );
      const { signOff, signature } = MAIL_TEXTS[language].common;
      assert.ok(text.trimEnd().endsWith(`${signOff}\n${signature}\nMuster & Söhne AG`), language);
      assert.ok(html.includes(`${signature}<br>Muster &amp; Söhne AG`), `${language}: escaped`);
    }
    const unsigned = render('password_reset', 'en').text.trimEnd();
    assert.ok(unsigned.endsWith('Your customer service team'), 'without a name, as before');
  });

  test('A.4 the initial password mail says it must be changed at the first login, with the help text labels', () => {
    const text = render('initial_password', 'en').text;
    for (const label of [
      '“Previous password”',
      '“New password”',
      '“Re-enter new password”',
      '“Change password”',
    ]) {
      assert.ok(text.includes(label), label);
    }
    assert.match(
      text,
      /at least 8 characters, with upper and lower case letters, numbers and at least one symbol/,
    );
    assert.match(render('initial_password', 'de').text, /„Bisheriges Passwort“/);
  });

  test('C.4 the reset mail has a “Change password now” link that opens the portal with the token after #', () => {
    const labels: Record<Language, string> = {
      en: 'Change password now',
      de: 'Passwort jetzt ändern',
      fr: 'Modifier le mot de passe maintenant',
      it: 'Cambia la password ora',
    };
    for (const language of LANGUAGES) {
      const mail = render('password_reset', language);
      assert.match(
        mail.html,
        new RegExp(`<a href="${RESET_URL}"[^>]*>${labels[language]}</a>`),
        language,
      );
      assert.ok(mail.text.includes(`${labels[language]}\n${RESET_URL}\n`), `${language} text link`);
      assert.ok(new URL(RESET_URL).hash.startsWith('#portal-reset='));
    }
  });

  test('C.4 the reset mail says until when the link works, that it can be ignored, and whom to write to with the customer number', () => {
    const mail = render('password_reset', 'en');
    assert.match(mail.text, /valid until 10 December 2026 at 10:00 CET/);
    assert.match(
      mail.text,
      /If you did not request a new password, you can simply ignore this email/,
    );
    assert.match(
      mail.text,
      /write to us at support@dealer\.example\. Please always indicate your customer number \(DGM-48213\)/,
    );
    // The support link already carries the number in its subject, as the help text asks.
    assert.match(
      mail.html,
      /href="mailto:support@dealer\.example\?subject=Customer%20portal%20%E2%80%93%20customer%20number%20DGM-48213"/,
    );
  });

  test('S13 the password-changed mail says when, and what to do if it was not the customer', () => {
    for (const language of LANGUAGES) {
      const mail = render('password_changed', language);
      assert.ok(mail.text.includes('support@dealer.example'), language);
      assert.ok(mail.text.includes(NUMBER), language);
    }
    const english = render('password_changed', 'en').text;
    assert.match(english, /was changed on 10 December 2026 at 10:00 CET/);
    assert.match(english, /If you did not change your password, please contact us immediately/);
  });
});

describe('mail HTML', () => {
  test('every HTML mail names its language, links with real links, and needs no image or stylesheet', () => {
    for (const language of LANGUAGES) {
      for (const kind of MAIL_KINDS) {
        const { html } = render(kind, language);
        assert.match(html, new RegExp(`^<!DOCTYPE html>\\n<html lang="${language}">`));
        assert.match(html, /<a href="https:\/\/[^"]+"/);
        assert.doesNotMatch(html, /<(img|link|style|script|iframe|form)\b/i);
        assert.doesNotMatch(html, /\b(class|src)=/);
      }
    }
  });

  test('S24 a hostile customer name shows as text in the mail, never as markup', () => {
    const name = '<img src=x onerror=alert(1)>';
    const mail = renderMail('password_reset', 'en', { ...VALUES.password_reset, name });
    assert.ok(!mail.html.includes('<img'));
    assert.ok(mail.html.includes('Dear &lt;img src=x onerror=alert(1)&gt;,'));
    assert.ok(mail.text.includes(`Dear ${name},`), 'the text part shows the name as it is');
  });

  test('S24 a value cannot break out of a link or be filled in a second time', () => {
    const mail = renderMail('password_reset', 'en', {
      ...VALUES.password_reset,
      name: '{customerNumber}',
      resetUrl: 'https://portal.dealer.example/#portal-reset=a"onmouseover="alert(1)',
    });
    assert.ok(mail.text.startsWith('Dear {customerNumber},'));
    assert.ok(
      mail.html.includes(
        'href="https://portal.dealer.example/#portal-reset=a&quot;onmouseover=&quot;alert(1)"',
      ),
    );
    assert.doesNotMatch(mail.html, /" onmouseover=|"onmouseover="/);
  });

  test('a link that is not a web address is refused rather than mailed', () => {
    assert.throws(
      () =>
        renderMail('password_reset', 'en', {
          ...VALUES.password_reset,
          resetUrl: 'javascript:alert(1)',
        }),
      /not an http\(s\) URL/,
    );
  });
});
