/**
 * @module The parts of the shell (shell.ts) the login does not need, loaded with the screens
 * after it (screens.ts): the modal dialog of launcher mode, its close button, the focus
 * kept in it, and the account's "Log out". Until they load, a launcher shows its button only.
 */
import { msg } from '@lit/localize';
import { html, type TemplateResult } from 'lit';

/** The dialog's close button, top right in the header (launcher mode). */
export function renderCloseButton(close: () => void): TemplateResult {
  return html`<button class="close" part="close" type="button" aria-label=${msg('Close')} @click=${close}>
    <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M6 6l12 12M18 6 6 18" /></svg>
  </button>`;
}

/** "Log out", in the header of the account (help text A.6). */
export function renderLogoutButton(logOut: () => void): TemplateResult {
  return html`<button class="logout" part="logout" type="button" @click=${logOut}>
    ${msg('Log out')}
  </button>`;
}

/** Launcher mode: the dialog the launcher opens (B.2), around the panel. */
export function renderDialog(
  panel: TemplateResult,
  keydown: (event: KeyboardEvent) => void,
): TemplateResult {
  return html`
    <dialog
      part="dialog"
      aria-labelledby="title"
      @keydown=${keydown}
      @close=${(event: Event) => {
        const dialog = event.currentTarget as HTMLDialogElement;
        dialog.parentNode?.querySelector<HTMLElement>('.launcher')?.focus();
      }}
    >
      ${panel}
    </dialog>
  `;
}

/**
 * A modal dialog still lets Tab leave for the browser's own controls: from the last
 * control Tab comes back to the first, and Shift+Tab from the first to the last.
 */
export function keepFocusInDialog(
  event: KeyboardEvent,
  shadow: ParentNode,
  screens: ParentNode,
): void {
  if (event.key !== 'Tab') return;
  const controls = [
    ...shadow.querySelectorAll<HTMLElement>('.header button, .message button'),
    ...screens.querySelectorAll<HTMLElement>('a[href], button, input:not([hidden]), select'),
    ...shadow.querySelectorAll<HTMLElement>('.footer a'),
  ];
  const focused = (shadow as ShadowRoot).activeElement ?? document.activeElement;
  const [first, last] = [controls[0], controls.at(-1)];
  const wrapTo = event.shiftKey ? focused === first && last : focused === last && first;
  if (wrapTo) {
    event.preventDefault();
    wrapTo.focus();
  }
}
