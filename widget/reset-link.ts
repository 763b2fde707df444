/**
 * @module The "Change password now" link of the reset email (help text C.4): its token
 * and the mail's language travel in the fragment (`resetLinkFragment` in the contract)
 * and leave the address bar at once (S12).
 */
import { type Language, parseResetFragment } from '../server/contract.ts';

export interface ResetLink {
  token: string;
  /** The language of the mail the customer just read; null in a link without one. */
  language: Language | null;
}

let pending: ResetLink | null = null;

/** Takes the link out of the address bar, so it is neither bookmarked, shared nor kept in history. */
function captureResetLink(): void {
  const link = parseResetFragment(window.location.hash);
  if (!link) return;
  pending = link;
  const { pathname, search } = window.location;
  window.history.replaceState(window.history.state, '', pathname + search);
}

// At import, before anything else on the page has a chance to read or report the URL.
captureResetLink();

/** The reset link opened on this page, once; null when there is none. */
export function takeResetLink(): ResetLink | null {
  captureResetLink();
  const link = pending;
  pending = null;
  return link;
}
