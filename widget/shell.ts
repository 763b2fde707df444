/**
 * @module The portal's shell, in the shadow root: the panel with its header (title,
 * language picker, close, "Clear history" and "Log out"), the message region, the slots
 * for the current screen and the site owner's content, the footer with "Help" and the
 * support address; in launcher mode, the button. The dialog around the panel, its close
 * button and "Log out" load with the screens after the login (later-shell.ts).
 */
import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { LANGUAGES, type Language } from '../server/contract.ts';
import type * as LaterShellModule from './later-shell.ts';
import { currentLanguage, LANGUAGE_NAMES } from './localization.ts';
import type { View } from './portal-flow.ts';

type LaterShell = Pick<typeof LaterShellModule, 'renderCloseButton' | 'renderLogoutButton'>;

/** A message for the customer; `text` is a function, so it follows a change of language. */
export interface Message {
  kind: 'error' | 'success';
  text: () => string;
  /** The `name` of the field it is about: shown there instead of in the live region. */
  field?: string | undefined;
  /** When a wait ends (`Date.now()` time): shown as a countdown. */
  until?: number | undefined;
  /** Offer "Forgot your password?" with it: a lockout, an expired initial password. */
  offerReset?: boolean | undefined;
}

export interface ShellState {
  mode: 'launcher' | 'inline';
  /** The page is the portal's own: its title is the page's main heading. */
  standalone: boolean;
  /** null while the portal starts. */
  view: View | null;
  message: Message | null;
  /** For the support email's subject: the customer's number, when the portal knows it. */
  customerNumber: string;
  /** From the service's configuration, once loaded. */
  supportEmail: string | undefined;
  /** The dealer's WAPP page, which the help's B.1 links; from the configuration too. */
  wappUrl: string | null | undefined;
  /** The auth service's address: the help's pictures and its printable page are there. */
  service: string;
  /** The help shows in place of the screen (help-controller.ts). */
  helpOpen: boolean;
  /** The parts of the shell after the login (later-shell.ts), once loaded. */
  later: LaterShell | null;
}

export interface ShellActions {
  pickLanguage(language: Language): void;
  logOut(): void;
  clearHistory(): void;
  forgotPassword(): void;
  close(): void;
  /** The footer's "Help" link was clicked. */
  openHelp(event: MouseEvent): void;
  /** The help's "Back". */
  closeHelp(): void;
}

export function renderPanel(state: ShellState, actions: ShellActions): TemplateResult {
  const language = currentLanguage();
  const { view, message } = state;
  const title = msg('Customer portal');
  return html`
    <section class="panel" part="panel" lang=${language} aria-labelledby="title" aria-busy=${view === null}>
      <header class="header" part="header">
        ${
          state.standalone
            ? html`<h1 class="title" part="title" id="title">${title}</h1>`
            : html`<h2 class="title" part="title" id="title">${title}</h2>`
        }
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
        ${state.mode === 'launcher' ? state.later?.renderCloseButton(actions.close) : nothing}
        </div>
        ${
          // The note of help text B: "Clear History" in the top right-hand corner, beside "Log out".
          view
            ? html`<div class="actions">
                <button class="clear" part="clear-history" type="button" @click=${actions.clearHistory}>
                  ${msg('Clear history')}
                </button>
                ${view === 'account' ? state.later?.renderLogoutButton(actions.logOut) : nothing}
              </div>`
            : nothing
        }
      </header>
      <div class="message ${message?.kind ?? ''}" part="message" role="status" aria-live="polite" aria-atomic="true" tabindex="-1">${message ? renderMessage(message, actions) : nothing}</div>
      <div class="body" part="body">
        ${view === null ? html`<span class="spinner" role="img" aria-label=${msg('Loading…')}></span>` : nothing}
        ${
          // The screen stays in the light DOM, only unslotted: "Back" finds its fields as they were.
          state.helpOpen
            ? html`<customer-portal-help
                .language=${language}
                .service=${state.service}
                .supportEmail=${state.supportEmail}
                .wappUrl=${state.wappUrl}
                @help-close=${actions.closeHelp}
              ></customer-portal-help>`
            : html`<slot name="view"></slot>`
        }
      </div>
      ${view === 'account' && !state.helpOpen ? html`<div class="content"><slot name="account"></slot></div>` : nothing}
      ${renderFooter(state, actions)}
    </section>
  `;
}

/**
 * The message, with the countdown of a wait and the way out of it. The countdown is
 * hidden from screen readers: the sentence says the wait once, a live region ticking
 * every second would say it 60 times.
 */
function renderMessage(message: Message, actions: ShellActions) {
  const left = Math.ceil(((message.until ?? 0) - Date.now()) / 1000);
  return html`${message.text()}${
    left > 0
      ? html`<span class="countdown" aria-hidden="true">${Math.floor(left / 60)}:${String(left % 60).padStart(2, '0')}</span>`
      : nothing
  }${
    message.offerReset
      ? html`<button class="reset" type="button" @click=${actions.forgotPassword}>${msg('Forgot your password?')}</button>`
      : nothing
  }`;
}

/** "Help", and the contact of the help text's last paragraph once the address is known. */
function renderFooter(state: ShellState, actions: ShellActions) {
  const { supportEmail, view } = state;
  if (view === null) return nothing;
  // A link to the /help page, which the click opens in place instead (help-controller.ts).
  const help = html`<a class="help" part="help" href=${new URL(`/help/${currentLanguage()}`, state.service).href} @click=${actions.openHelp}>${msg('Help')}</a>`;
  return html`<footer class="footer" part="footer">
    ${supportEmail ? renderContact(state, supportEmail) : nothing}
    ${help}
  </footer>`;
}

function renderContact(state: ShellState, supportEmail: string) {
  const { customerNumber, view } = state;
  // The help text asks customers to always give their number: it is in the subject already.
  const subject = customerNumber
    ? msg(str`Customer portal – customer number ${customerNumber}`)
    : msg('Customer portal');
  const body = `${msg('Please describe the problem and give your customer number.')}\n\n`;
  return html`<p>
    ${view === 'account' ? msg('Questions or problems? Write to us:') : msg('Problems logging in? Write to us:')}
    <a href="mailto:${supportEmail}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}">${supportEmail}</a>
  </p>`;
}

/** Launcher mode: the "Customer portal" line of the WAPP menu (B.2), which opens the dialog. */
export function renderLauncher(open: () => void): TemplateResult {
  return html`<button class="launcher" part="launcher" type="button" aria-haspopup="dialog" @click=${open}>
    ${msg('Customer portal')}
  </button>`;
}
