/**
 * @module The "Change password now" link of the reset email (help text C.4): its token
 * travels in the fragment `#portal-reset=…` and leaves the address bar at once (S12).
 */

const RESET_FRAGMENT = /^#portal-reset=(.+)$/;

let pendingToken: string | null = null;

/** Takes the token out of the address bar, so it is neither bookmarked, shared nor kept in history. */
function captureResetToken(): void {
  const match = RESET_FRAGMENT.exec(window.location.hash);
  if (!match?.[1]) return;
  try {
    pendingToken = decodeURIComponent(match[1]);
  } catch {
    pendingToken = match[1];
  }
  const { pathname, search } = window.location;
  window.history.replaceState(window.history.state, '', pathname + search);
}

// At import, before anything else on the page has a chance to read or report the URL.
captureResetToken();

/** The token of a reset link opened on this page, once; null when there is none. */
export function takeResetToken(): string | null {
  captureResetToken();
  const token = pendingToken;
  pendingToken = null;
  return token;
}
