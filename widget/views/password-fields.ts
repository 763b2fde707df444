/**
 * @module One password field: its label, a button that shows or hides what was typed (a
 * toggle: `aria-pressed`), and a hint while Caps Lock is on. Light DOM, like the screens
 * that use it; the pair "New password" / "Re-enter new password" is in
 * new-password-fields.ts.
 */
import { msg, str } from '@lit/localize';
import { html, nothing, type PropertyDeclarations, svg } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { PortalView, uniqueId } from './portal-view.ts';

/** One password input with its label, the show/hide toggle and the Caps Lock hint. */
export class PasswordField extends PortalView {
  static override properties: PropertyDeclarations = {
    label: { attribute: false },
    name: {},
    autocomplete: {},
    describedBy: { attribute: false },
    invalid: { attribute: false },
    visible: { state: true },
    capsLock: { state: true },
  };

  /** The visible label, one of the help text's ("Previous password", "New password", …). */
  label = '';
  /** The input's `name`, by which the screen reads its value. */
  name = '';
  /** `current-password` or `new-password`, so password managers fill or save the right one. */
  autocomplete: 'current-password' | 'new-password' = 'current-password';
  /** Ids of the texts that describe the field (rules, errors). */
  describedBy?: string | undefined;
  /** Marks the field for assistive technology as needing a correction. */
  invalid = false;

  private visible = false;
  /** Caps Lock was on at the last key typed here: a password typed so fails unseen. */
  private capsLock = false;
  private readonly inputId = uniqueId('password');
  private readonly capsId = uniqueId('caps');

  private readCapsLock(event: KeyboardEvent): void {
    // Synthetic events (a password manager filling in) may lack the method.
    this.capsLock = event.getModifierState?.('CapsLock') ?? false;
  }

  override render() {
    const describedBy = [this.describedBy, this.capsLock && this.capsId].filter(Boolean).join(' ');
    return html`
      <label class="cp-label" for=${this.inputId}>${this.label}</label>
      <div class="cp-password-row">
        <input
          class="cp-input"
          id=${this.inputId}
          name=${this.name}
          type=${this.visible ? 'text' : 'password'}
          autocomplete=${this.autocomplete}
          autocapitalize="off"
          spellcheck="false"
          aria-describedby=${ifDefined(describedBy || undefined)}
          aria-invalid=${this.invalid ? 'true' : 'false'}
          @keydown=${this.readCapsLock}
          @keyup=${this.readCapsLock}
          @blur=${() => {
            this.capsLock = false;
          }}
        />
        <button
          class="cp-toggle"
          type="button"
          aria-label=${msg(str`Show ${this.label}`)}
          aria-pressed=${this.visible}
          aria-controls=${this.inputId}
          @click=${() => {
            this.visible = !this.visible;
          }}
        >
          ${eyeIcon(this.visible)}<span>${msg('Show')}</span>
        </button>
      </div>
      <p class="cp-caps" id=${this.capsId} aria-live="polite">${this.capsLock ? msg('Caps Lock is on.') : nothing}</p>
    `;
  }
}

customElements.define('customer-portal-password', PasswordField);

declare global {
  interface HTMLElementTagNameMap {
    'customer-portal-password': PasswordField;
  }
}

/** An eye; struck through while the password shows, as the toggle is pressed. */
function eyeIcon(shown: boolean) {
  return html`<svg class="cp-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
    <path d="M2 12s3.6-7 10-7 10 7 10 7-3.6 7-10 7S2 12 2 12Z" />
    <circle cx="12" cy="12" r="3" />
    ${shown ? svg`<path d="M4 4l16 16" />` : nothing}
  </svg>`;
}
