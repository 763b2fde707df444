/**
 * @module Every screen but the login, with their styles, their transitions and calls to
 * the service, and the error sentences, in a chunk of its own: the first paint needs only
 * the login (the widget's first-paint budget counts only what it loads). The flow loads this before it shows any of them or an error
 * (`loadLater` in portal-flow.ts), and preloads it when the browser is idle after the
 * first paint.
 */

import { screenStyles } from './views/screens.styles.ts';
import { adoptViewStyles } from './views/views.styles.ts';
import './views/account.ts';
import './views/change-initial.ts';
import './views/forgot.ts';
import './views/forgot-sent.ts';
import './views/new-password-fields.ts';
import './views/password-change-form.ts';
import './views/reset.ts';

export {
  changeAccountPassword,
  changeInitialPassword,
  requestResetLink,
  savePreferredLanguage,
  setNewPassword,
} from './later-transitions.ts';
export { describeError, fieldOfError } from './messages.ts';

/** Adds these screens' styles where `element` lives, once. */
export function adoptScreenStyles(element: HTMLElement): void {
  adoptViewStyles(element, screenStyles);
}
