/**
 * @module What happens when the customer submits a screen after the login: the bodies of
 * those transitions of the flow (portal-flow.ts, where each has its one-line handler). They
 * load with those screens (screens.ts); the flow lends each what it may read and do
 * (`Flow`), and screens change only through its `show`.
 */
import { msg } from '@lit/localize';
import { PortalError } from './api.ts';
import { changePassword, forgotPassword, resetPassword, updateMe } from './later-api.ts';
import { currentLanguage } from './localization.ts';
import { describeError } from './messages.ts';
import type { Flow } from './portal-flow.ts';
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
export async function changeAccountPassword(
  flow: Flow,
  accessToken: string,
  detail: ChangePasswordDetail,
): Promise<void> {
  const response = await changePassword(flow.session.api, accessToken, detail);
  if (response) flow.session.start(response);
  await flow.show('account', {
    kind: 'success',
    text: () => msg('Your password has been changed.'),
  });
}

/** The language of the customer's emails, chosen in the internal area (help text A.6). */
export async function savePreferredLanguage(
  flow: Flow,
  accessToken: string,
  detail: LanguageDetail,
): Promise<void> {
  const customer = await updateMe(flow.session.api, accessToken, { language: detail.language });
  flow.setState({
    customer,
    message: { kind: 'success', text: () => msg('Your preferred language has been saved.') },
    noticePending: true,
  });
}
