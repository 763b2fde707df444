/**
 * @module The small parts the screens' forms share: the submit button with its busy
 * state, a quiet button that reads like a link, the message under a field, the customer
 * number field and the hidden username of the forms that set a new password.
 */
import { msg } from '@lit/localize';
import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { LIMITS } from '../../server/contract.ts';

/** While busy, the button stays focusable (no focus lost) but announces and ignores clicks. */
export function submitButton(label: string, busy: boolean) {
  return html`<button class="cp-button" type="submit" aria-disabled=${busy ? 'true' : 'false'}>
    ${busy ? html`<span class="cp-spinner" aria-hidden="true"></span>` : nothing}<span>${label}</span>
    ${busy ? html`<span class="cp-visually-hidden">${msg('Please wait…')}</span>` : nothing}
  </button>`;
}

/** A secondary action: changes the screen, sends nothing. */
export function linkButton(label: string, onClick: () => void) {
  return html`<button class="cp-link" type="button" @click=${onClick}>${label}</button>`;
}

/** Says what a field needs; the field points to it with `aria-describedby`. */
export function fieldError(id: string, text: string | null) {
  return text ? html`<p class="cp-field-error" id=${id}>${text}</p>` : nothing;
}

/** The customer number field of login and forgot: what password managers fill as the username. */
export function customerNumberInput(id: string, value: string, errorId: string | undefined) {
  return html`
    <label class="cp-label" for=${id}>${msg('Customer number')}</label>
    <input
      class="cp-input"
      id=${id}
      name="customer-number"
      type="text"
      autocomplete="username"
      autocapitalize="characters"
      spellcheck="false"
      maxlength=${LIMITS.customerNumberMaxLength}
      .value=${value}
      aria-invalid=${errorId ? 'true' : 'false'}
      aria-describedby=${ifDefined(errorId)}
    />
  `;
}

/**
 * A username field no one sees, in forms that set a new password: password managers save
 * the new password under this customer number instead of guessing.
 */
export function hiddenUsername(customerNumber: string) {
  return html`<input type="text" name="username" autocomplete="username" .value=${customerNumber} hidden />`;
}
