/**
 * @module What happens when the customer submits a screen after the login: the bodies of
 * those transitions of the flow (portal-flow.ts, where each has its one-line handler). They
 * load with those screens (screens.ts); the flow lends each what it may read and do
 * (`Flow`), and screens change only through its `show`.
 */
import { msg } from '@lit/localize';
import { PortalError, type PortalErrorBody } from './api.ts';
import { clearStoredData } from './browser-storage.ts';
import type { PortalLogoutDetail } from './customer-portal.ts';
import { changePassword, forgotPassword, resetPassword, updateMe } from './later-api.ts';
import { currentLanguage } from './localization.ts';
import { describeError, fieldOfError } from './messages.ts';
import type { Flow } from './portal-flow.ts';
import type { EndReason } from './session.ts';
import type { Message } from './shell.ts';
import type { LanguageDetail } from './views/account.ts';
import type { ForgotDetail } from './views/forgot.ts';
import type { ChangePasswordDetail } from './views/password-change-form.ts';
import type { ResetDetail } from './views/reset.ts';

/** Help text A.4, then A.5: back to the login with the number filled in. */
export async function changeInitialPassword(
  flow: Flow,
  detail: ChangePasswordDetail,
): Promise<void> {
  try {
    await changePassword(flow.session.api, flow.screenToken ?? '', detail);
  } catch (error) {
    // The change token is single-use and short-lived (S14): start again at the login.
    if (error instanceof PortalError && error.code === 'unauthorized') {
      await flow.show('login', { kind: 'error', text: () => describeError(error.body) });
      return;
    }
    throw error;
  }
  await flow.show('login', {
    kind: 'success',
    text: () => msg('Your password has been changed. Please log in with your new password.'),
  });
}

/** Help text C: the reset link goes out by email, in the portal's language. */
export async function requestResetLink(flow: Flow, detail: ForgotDetail): Promise<void> {
  flow.setState({ customerNumber: detail.customerNumber });
  await forgotPassword(flow.session.api, {
    customerNumber: detail.customerNumber,
    language: currentLanguage(),
  });
  await flow.show('forgot-sent');
}

/** Help text C.5, C.6: the new password of the reset link, and the account. */
export async function setNewPassword(flow: Flow, detail: ResetDetail): Promise<void> {
  try {
    const response = await resetPassword(flow.session.api, {
      token: flow.screenToken ?? '',
      newPassword: detail.newPassword,
    });
    await flow.enterAccount(response, {
      kind: 'success',
      text: () => msg('Your new password is set. You are now logged in.'),
    });
  } catch (error) {
    // Used or replaced since it was opened: the screen now says so and offers a new one.
    if (error instanceof PortalError && error.code === 'invalid_or_expired_link') {
      flow.setState({ linkInvalid: true, focusPending: true });
      return;
    }
    throw error;
  }
}

/** A change from the internal area opens a new session; all others are revoked (S13). */
export function changeAccountPassword(flow: Flow, detail: ChangePasswordDetail): Promise<void> {
  return whileLoggedIn(flow, async (accessToken) => {
    const response = await changePassword(flow.session.api, accessToken, detail);
    if (response) flow.session.start(response);
    await flow.show('account', {
      kind: 'success',
      text: () => msg('Your password has been changed.'),
    });
  });
}

/** The language of the customer's emails, chosen in the internal area (help text A.6). */
export function savePreferredLanguage(flow: Flow, detail: LanguageDetail): Promise<void> {
  return whileLoggedIn(flow, async (accessToken) => {
    const customer = await updateMe(flow.session.api, accessToken, {
      language: detail.language,
    });
    flow.setState({
      customer,
      message: { kind: 'success', text: () => msg('Your preferred language has been saved.') },
      noticePending: true,
    });
  });
}

/** Help text A.6: "Log out", and the login. */
export async function logOut(flow: Flow): Promise<void> {
  await endSession(flow, 'logout');
  // A shared computer must not show the next person whose number was used.
  if (!flow.remembered) flow.setState({ customerNumber: '' });
  await flow.show('login', { kind: 'success', text: () => msg('You have been logged out.') });
}

/**
 * "Clear history" (help text B, note): the session ends on the service, also one this
 * page has not resumed; the language, the remembered number and any message are gone (S25).
 */
export async function clearHistory(flow: Flow): Promise<void> {
  await endSession(flow, 'clear-history', { always: true });
  clearStoredData();
  flow.setState({ customerNumber: '', remembered: false });
  await flow.show('login', {
    kind: 'success',
    text: () => msg('Done: the customer portal has forgotten everything it kept in this browser.'),
  });
}

async function endSession(flow: Flow, reason: EndReason, options = { always: false }) {
  const { session } = flow;
  const accessToken = session.active ? await session.accessToken() : null;
  const wasLoggedIn = flow.customer !== null;
  // Whatever the service answers, this page forgets the session now, in every portal;
  // without an access token, the service still ends the session of the refresh cookie.
  // First `customer`, so this portal's own listener leaves the login to this transition.
  flow.setState({ customer: null });
  session.end(reason);
  if (accessToken || options.always) {
    await session.api.logout(accessToken ?? undefined).catch(() => null);
  }
  if (wasLoggedIn) flow.emit<PortalLogoutDetail>('portal-logout', { reason });
}

/** With the access token; a session the service no longer knows ends here, in every portal. */
async function whileLoggedIn(
  flow: Flow,
  task: (accessToken: string) => Promise<void>,
): Promise<void> {
  const accessToken = await flow.session.accessToken();
  try {
    if (!accessToken) throw new PortalError({ error: 'session_expired', message: '' });
    await task(accessToken);
  } catch (error) {
    if (error instanceof PortalError && ['unauthorized', 'session_expired'].includes(error.code)) {
      // Every portal of the page shows the login, with the reason.
      flow.session.end('expired');
      return;
    }
    throw error;
  }
}

/**
 * The message for a request that failed: at the field it is about, where the screen has
 * that field; a wait counts down, and at the login a wait or an expired initial password
 * has a way out (help text C).
 */
export function failureMessage(flow: Flow, error: PortalErrorBody): Message {
  const field = fieldOfError(error);
  const { retryAfter } = error;
  const message: Message = {
    kind: 'error',
    text: () => describeError(error),
    field: field && flow.hasField(field) ? field : undefined,
    until: retryAfter ? Date.now() + retryAfter * 1000 : undefined,
    offerReset:
      flow.view === 'login' && (!!retryAfter || error.error === 'initial_password_expired'),
  };
  if (retryAfter) countDown(flow, message);
  return message;
}

/** Shows the wait of `message` ticking down; once it is over, says the customer may try again. */
function countDown(flow: Flow, message: Message): void {
  const ticking = setInterval(() => {
    if (flow.message() !== message) {
      clearInterval(ticking);
    } else if (Date.now() < (message.until ?? 0)) {
      flow.render();
    } else {
      clearInterval(ticking);
      flow.setState({ message: { kind: 'success', text: () => msg('You can try again now.') } });
    }
  }, 1000);
}
