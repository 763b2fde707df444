/**
 * @module The portal's shell, in the shadow root: the panel with its header (title,
 * language picker, "Log out", close), the message region, the slots for the current
 * screen and the site owner's content, the footer; and, in launcher mode, the button and
 * the modal dialog around the panel.
 */
import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { LANGUAGES, type Language } from '../server/contract.ts';
import { currentLanguage, LANGUAGE_NAMES } from './localization.ts';
import type { View } from './portal-flow.ts';

/** A message for the customer; `text` is a function, so it follows a change of language. */
export interface Message {
  kind: 'error' | 'success';
  text: () => string;
  /** The `name` of the field it is about: shown there instead of in the live region. */
  field?: string | undefined;
}

export interface ShellState {
  mode: 'launcher' | 'inline';
  /** null while the portal starts. */
  view: View | null;
  message: Message | null;
  /** For the support email's subject: the customer's number, when the portal knows it. */
  customerNumber: string;
  /** From the service's configuration, once loaded. */
  supportEmail: string | undefined;
}

export interface ShellActions {
  pickLanguage(language: Language): void;
  logOut(): void;
  clearHistory(): void;
  close(): void;
}

export function renderPanel(state: ShellState, actions: ShellActions): TemplateResult {
  const language = currentLanguage();
  const inAccount = state.view === 'account';
  return html`
    <section class="panel" part="panel" lang=${language} aria-labelledby="title" aria-busy=${state.view === null}>
      <header class="header" part="header">
        <p class="title" part="title" id="title">${msg('Customer portal')}</p>
        <div class="corner">
        <div class="languages" part="languages" role="group" aria-label=${msg('Language')}>
          ${LANGUAGES.map(
            (
              code,
              index,
            ) => html`${index > 0 ? html`<span class="dot" aria-hidden="true">·</span>` : nothing}<button
                type="button"
                part=${code === language ? 'language language-current' : 'language'}
                lang=${code}
                aria-label=${`${code.toUpperCase()} – ${LANGUAGE_NAMES[code]}`}
                aria-pressed=${code === language}
                @click=${() => actions.pickLanguage(code)}
              >
                ${code.toUpperCase()}
              </button>`,
          )}
        </div>
        ${
          state.mode === 'launcher'
            ? html`<button class="close" part="close" type="button" aria-label=${msg('Close')} @click=${actions.close}>
                <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M6 6l12 12M18 6 6 18" /></svg>
              </button>`
            : nothing
        }
        </div>
        ${
          inAccount
            ? html`<button class="logout" part="logout" type="button" @click=${actions.logOut}>
                ${msg('Log out')}
              </button>`
            : nothing
        }
      </header>
      <div class="message ${state.message?.kind ?? ''}" part="message" role="status" aria-live="polite" aria-atomic="true" tabindex="-1">${state.message?.text() ?? nothing}</div>
      <div class="body" part="body">
        ${state.view === null ? html`<span class="spinner" role="img" aria-label=${msg('Loading…')}></span>` : nothing}
        <slot name="view"></slot>
      </div>
      ${inAccount ? html`<div class="content"><slot name="account"></slot></div>` : nothing}
      ${renderFooter(state, actions)}
    </section>
  `;
}

/** Help and contact (the help text's last paragraph), and "Clear history". */
function renderFooter(state: ShellState, actions: ShellActions) {
  const { supportEmail, customerNumber, view } = state;
  const showClear = view === 'account' || view === 'login';
  if (!supportEmail && !showClear) return nothing;
  // The help text asks customers to always give their number: it is in the subject already.
  const subject = customerNumber
    ? msg(str`Customer portal – customer number ${customerNumber}`)
    : msg('Customer portal');
  const body = `${msg('Please describe the problem and give your customer number.')}\n\n`;
  return html`<footer class="footer" part="footer">
    ${
      supportEmail
        ? html`<p>
            ${view === 'account' ? msg('Questions or problems? Write to us:') : msg('Problems logging in? Write to us:')}
            <a href="mailto:${supportEmail}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}">${supportEmail}</a>
          </p>`
        : nothing
    }
    ${
      showClear
        ? html`<button class="clear" type="button" @click=${actions.clearHistory}>${msg('Clear history')}</button>`
        : nothing
    }
  </footer>`;
}

/** Launcher mode: the "Customer portal" line of the WAPP menu and the dialog it opens (B.2). */
export function renderLauncher(
  panel: TemplateResult,
  actions: { open(): void; keydown(event: KeyboardEvent): void },
): TemplateResult {
  return html`
    <button class="launcher" part="launcher" type="button" aria-haspopup="dialog" @click=${actions.open}>
      ${msg('Customer portal')}
    </button>
    <dialog
      part="dialog"
      aria-labelledby="title"
      @keydown=${actions.keydown}
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
    ...shadow.querySelectorAll<HTMLElement>('.header button'),
    ...screens.querySelectorAll<HTMLElement>('a[href], button, input:not([hidden]), select'),
    ...shadow.querySelectorAll<HTMLElement>('.footer a, .footer button'),
  ];
  const focused = (shadow as ShadowRoot).activeElement ?? document.activeElement;
  const [first, last] = [controls[0], controls.at(-1)];
  const wrapTo = event.shiftKey ? focused === first && last : focused === last && first;
  if (wrapTo) {
    event.preventDefault();
    wrapTo.focus();
  }
}
