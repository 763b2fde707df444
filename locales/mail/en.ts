/**
 * @module English mail texts, the reference the other languages are checked against.
 * A TypeScript module rather than JSON: `satisfies MailTexts` makes a missing or
 * misspelt key a compile error here, and each field's comment in `MailTexts` tells the
 * translator what it is for. Plain text only; `{placeholders}` are filled (and
 * HTML-escaped) by `server/mail/templates.ts`.
 */
import type { MailTexts } from './mail-texts.ts';

export const en = {
  common: {
    greeting: 'Dear {name},',
    linkFallback:
      'If the button does not work, copy this address into the address bar of your browser:',
    signOff: 'Kind regards,',
    signature: 'Your customer service team',
    supportSubject: 'Customer portal – customer number {customerNumber}',
  },
  customer_number: {
    subject: 'Your customer number for the customer portal',
    intro:
      'Thank you for your trust. You now have access to our customer portal. This email contains your customer number, which you will need every time you log in.',
    numberLabel: 'Your customer number:',
    keepSafe:
      'Please keep this email or save your customer number in a secure place, and always indicate it when you contact us.',
    passwordFollows: 'You will receive the password for your first login in a separate email.',
    portalLink: 'Open the customer portal',
  },
  initial_password: {
    subject: 'Your password for your first login to the customer portal',
    intro:
      'Here is the password for your first login to the customer portal. Your customer number has been sent to you in a separate email.',
    passwordLabel: 'Your password for the first login:',
    validUntil: 'This password is valid until {expiresAt}.',
    firstLogin:
      'Log in with your customer number and this password. You will then be asked to choose a password of your own: enter the password above in the field “Previous password”, then your new password in the fields “New password” and “Re-enter new password”, and click on “Change password”. Please note that upper and lower case letters matter.',
    policy:
      'The new password must contain at least 8 characters, with upper and lower case letters, numbers and at least one symbol.',
    expired:
      'If the password has expired before your first login, the customer portal tells you so when you log in with it. Then click on “Forgot your password?” and choose a new password with the link we send you by email.',
    neverAsk:
      'Please do not pass this password on to anyone. We will never ask you for your password by email or telephone.',
    portalLink: 'Open the customer portal',
  },
  password_reset: {
    subject: 'Reset your password for the customer portal',
    intro:
      'We have received a request to reset the password for your customer portal access (customer number {customerNumber}). To choose a new password, please click on the link below:',
    action: 'Change password now',
    validUntil:
      'The link is valid until {expiresAt} and can only be used once. If you request another link, this one will no longer work.',
    notRequested:
      'If you did not request a new password, you can simply ignore this email. Your password will remain unchanged.',
    support:
      'If you encounter any problems, please write to us at {supportEmail}. Please always indicate your customer number ({customerNumber}) and describe the problem.',
  },
  password_changed: {
    subject: 'Your password for the customer portal has been changed',
    intro:
      'The password for your customer portal access (customer number {customerNumber}) was changed on {changedAt}.',
    ifYou: 'If you made this change yourself, there is nothing more you need to do.',
    ifNotYou:
      'If you did not change your password, please contact us immediately at {supportEmail}, indicating your customer number ({customerNumber}). Then set a new password yourself straight away with “Forgot your password?” in the customer portal.',
    portalLink: 'Open the customer portal',
  },
} satisfies MailTexts;
