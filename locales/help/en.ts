/**
 * @module The customer help in English, the reference the other languages follow: the
 * help text customers know (A.1–A.6, B.1–B.4, C.1–C.6), rewritten to match this portal's
 * screens, labels and mails. Labels are quoted exactly as the widget shows them.
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

const passwordRules = text`Your new password needs: ${label(`at least ${LIMITS.passwordMinLength} characters`)}, ${label('a lower-case letter')}, ${label('an upper-case letter')}, ${label('a number')} and ${label('a symbol, for example ! ? # or %')}. The list under the field ticks off each rule as you type. The password must not contain your customer number.`;

export const en = {
  language: 'en',
  title: 'Help for the customer portal',
  intro: text`How to log in to the customer portal for the first time (A), how to open it from our WAPP page (B), and what to do if you have forgotten your password (C). Choose your language at the top right-hand corner of the customer portal: DE · FR · IT · EN.`,
  sections: [
    {
      id: 'a',
      title: 'First connection to the customer portal',
      steps: [
        {
          id: 'a-1',
          paragraphs: [
            text`After you have concluded an initial purchase contract, you will receive an email with your customer number at the email address you gave us. Its subject is “${label('Your customer number for the customer portal')}”. Please open this email and note your customer number. Keep it in a safe place: you need it every time you log in, and whenever you write to us.`,
          ],
          picture: 'The email with the customer number.',
        },
        {
          id: 'a-2',
          paragraphs: [
            text`You will receive a second, separate email with the password for your first login: “${label('Your password for your first login to the customer portal')}”. It also says until when this password is valid. Please open this email and keep the password at hand.`,
          ],
          picture: 'The email with the password for the first login.',
        },
        {
          id: 'a-3',
          paragraphs: [
            text`Open the customer portal link ${portalLink} and choose the language of your choice at the top right-hand corner. Enter your customer number in “${label('Customer number')}” and the password from the email in “${label('Password')}”, then click on “${label('Log in')}”.`,
          ],
          picture:
            'The login of the customer portal with the customer number and the password filled in.',
        },
        {
          id: 'a-4',
          paragraphs: [
            text`A new window opens: “${label('Choose your own password')}”. Enter the password we sent you in the field “${label('Previous password')}”. Then enter a password of your choice in the two fields “${label('New password')}” and “${label('Re-enter new password')}”.`,
            passwordRules,
            text`Then click on “${label('Change password')}”. Save your new password in a secure place.`,
          ],
          picture:
            'The window “Choose your own password” with the fields “Previous password”, “New password” and “Re-enter new password”.',
        },
        {
          id: 'a-5',
          paragraphs: [
            text`You are back at the login, which says “${label('Your password has been changed. Please log in with your new password.')}” Your customer number (see ${step('a-1')}) is already filled in. Enter the password you have just chosen (see ${step('a-4')}) in “${label('Password')}” and click on “${label('Log in')}”.`,
          ],
          picture:
            'The login with the confirmation that the password has been changed and the customer number filled in.',
        },
        {
          id: 'a-6',
          paragraphs: [
            text`You are now in the internal area of the customer portal: it greets you by name and shows your customer number. Here you can change your password with “${label('Change password')}” and choose the language of our emails in “${label('Preferred language')}”. To log out, click on the “${label('Log out')}” button in the top right-hand corner.`,
          ],
          picture:
            'The internal area of the customer portal with the “Log out” button at the top right.',
        },
      ],
    },
    {
      id: 'b',
      title: 'Open the customer portal via WAPP',
      steps: [
        {
          id: 'b-1',
          paragraphs: [text`Open our WAPP page${wappLink} and click on the arrow in the middle.`],
          picture: 'Our WAPP page with the arrow in the middle.',
        },
        {
          id: 'b-2',
          paragraphs: [
            text`A menu opens. Click on the second line, “${label('Customer portal')}”. The customer portal opens in a window of its own (on a phone, over the whole screen). Select the language of your choice in the top right-hand corner.`,
          ],
          picture: 'The menu of the WAPP page; its second line is “Customer portal”.',
        },
        {
          id: 'b-3',
          paragraphs: [
            text`Enter your customer number (see ${step('a-1')}) and the password you have created (see ${step('a-4')}) and click on “${label('Log in')}”. If you are logging in for the very first time, enter the password from the email and continue as in ${step('a-4')}.`,
          ],
          picture:
            'The customer portal in its window over the WAPP page, with the login filled in.',
        },
        {
          id: 'b-4',
          paragraphs: [
            text`You are now in the internal area of the customer portal. To log out, click on the “${label('Log out')}” button in the top right-hand corner. The button “${label('Close')}” (×) closes the window.`,
          ],
          picture:
            'The internal area in the window over the WAPP page, with “Clear history” and “Log out” at the top right.',
        },
      ],
      note: text`The customer portal keeps a few things in your browser: the language you chose, your customer number if you ticked “${label('Remember my customer number on this device')}”, and your login. To delete all of it, click on “${label('Clear history')}” in the top right-hand corner of the customer portal (not in your browser). This also logs you out, and the customer portal confirms: “${label('Done: the customer portal has forgotten everything it kept in this browser.')}”`,
    },
    {
      id: 'c',
      title: 'Request a new password in the customer portal',
      steps: [
        {
          id: 'c-1',
          paragraphs: [
            text`Open the customer portal via the customer portal link (see ${step('a-3')}) or via our WAPP page (see ${step('b-1')} and ${step('b-2')}). Select the language of your choice in the top right-hand corner. Then click on “${label('Forgot your password?')}”.`,
          ],
          picture: 'The login with the link “Forgot your password?” under the “Log in” button.',
        },
        {
          id: 'c-2',
          paragraphs: [
            text`A new window opens. Enter your customer number (see ${step('a-1')}) and click on “${label('Reset password')}”.`,
          ],
          picture: 'The window “Forgot your password?” with the customer number filled in.',
        },
        {
          id: 'c-3',
          paragraphs: [
            text`A new window opens with the message: “${label('An email containing a confirmation link has been sent to the email address registered in our system.')}” It also shows the customer number you entered: if it is not right, click on “${label('Correct the customer number')}”.`,
          ],
          picture: 'The message that an email with a confirmation link has been sent.',
        },
        {
          id: 'c-4',
          paragraphs: [
            text`Open your mailbox at the email address given in your contract and open the email “${label('Reset your password for the customer portal')}”. Click on the link “${label('Change password now')}”. The email says until when the link is valid; it works only once, and only the newest link you requested works.`,
          ],
          picture: 'The email with the link “Change password now”.',
        },
        {
          id: 'c-5',
          paragraphs: [
            text`The customer portal opens with “${label('Set a new password')}” and two fields. Enter your new password in both fields, “${label('New password')}” and “${label('Re-enter new password')}”.`,
            passwordRules,
            text`Then click on “${label('Set password')}”. Save your new password in a secure place.`,
          ],
          picture: 'The window “Set a new password” with its two fields filled in.',
        },
        {
          id: 'c-6',
          paragraphs: [
            text`You are now in the internal area of the customer portal, which says “${label('Your new password is set. You are now logged in.')}” To log out, click on the “${label('Log out')}” button in the top right-hand corner. We also send you an email confirming that your password has been changed.`,
          ],
          picture: 'The internal area with the confirmation that the new password is set.',
        },
      ],
    },
  ],
  support: {
    title: 'Technical problems',
    paragraphs: [
      text`If you encounter technical problems when logging in for the first time or when setting a new password, please send us an email to ${supportEmail}. Please always indicate your customer number and describe the problem. We will contact you as soon as possible.`,
      text`The address at the bottom of the customer portal writes this email for you, with your customer number in the subject.`,
    ],
  },
  page: {
    contents: 'Contents',
    print: 'Print',
    languages: 'Language',
    note: 'Note:',
    openPortal: 'Open the customer portal',
  },
} satisfies HelpText;
