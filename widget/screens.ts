/**
 * @module Every screen but the login, with their styles, their transitions and calls to
 * the service, the error sentences, and the shell's dialog (later-shell.ts), in a chunk of its own: the first paint needs only
 * the login (the widget's first-paint budget counts only what it loads). The flow loads this before it shows any of them or an error
 * (`loadLater` in portal-flow.ts), and preloads it when the browser is idle after the
 * first paint.
 */

import { laterShellStyles } from './later-shell.styles.ts';
import { screenStyles } from './views/screens.styles.ts';
import { adoptViewStyles } from './views/views.styles.ts';
import './help/help-view.ts';
import './views/account.ts';
import './views/change-initial.ts';
import './views/forgot.ts';
import './views/forgot-sent.ts';
import './views/new-password-fields.ts';
import './views/password-change-form.ts';
import './views/reset.ts';

export {
  keepFocusInDialog,
  renderCloseButton,
  renderDialog,
  renderLogoutButton,
} from './later-shell.ts';
export {
  changeAccountPassword,
  changeInitialPassword,
  clearHistory,
  failureMessage,
  logOut,
  requestResetLink,
  savePreferredLanguage,
  setNewPassword,
} from './later-transitions.ts';
export { describeError } from './messages.ts';

/** Adds these screens' styles where `element` lives, and the shell's to its shadow root, once. */
export function adoptLaterStyles(element: HTMLElement): void {
  adoptViewStyles(element, screenStyles);
  const shadow = element.shadowRoot;
  const sheet = laterShellStyles.styleSheet;
  if (shadow && sheet && !shadow.adoptedStyleSheets.includes(sheet)) {
    shadow.adoptedStyleSheets = [...shadow.adoptedStyleSheets, sheet];
  }
}
