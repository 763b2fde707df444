/**
 * @module The page the reset email's link opens (help text C.5): two fields and "Set
 * password"; the customer is then in the internal area (S15). A link that no longer works
 * (checked as it opens) says so at once and offers a new one, instead of the fields.
 */
import { msg } from '@lit/localize';
import { html, type PropertyDeclarations } from 'lit';
import { hiddenUsername, submitButton } from './form-parts.ts';
import { PortalView } from './portal-view.ts';

export interface ResetDetail {
  newPassword: string;
}

/**
 * @fires reset-submit - ResetDetail: the customer set a new password.
 * @fires forgot-password - the link was no longer valid and the customer asks for a new one.
 */
export class ResetView extends PortalView {
  static override properties: PropertyDeclarations = {
    customerNumber: { attribute: false },
    linkInvalid: { attribute: false },
  };

  /** The customer number if this browser remembers it: the password manager's username. */
  customerNumber = '';
  /** The service said the link is used, expired or replaced: offer to ask for a new one. */
  linkInvalid = false;

  private submit(event: SubmitEvent): void {
    event.preventDefault();
    const newPassword = this.newPasswordFields();
    if (this.busy || !newPassword?.check()) return;
    this.emit<ResetDetail>('reset-submit', { newPassword: newPassword.value });
  }

  override render() {
    if (this.linkInvalid) {
      return html`
        <h2 class="cp-heading" tabindex="-1">${msg('This link is no longer valid')}</h2>
        <p class="cp-text">
          ${msg('It has expired, was already used, or a newer one was sent. We will gladly send you a new link by email.')}
        </p>
        <button class="cp-button" type="button" @click=${() => this.emit('forgot-password')}>
          ${msg('Request a new link')}
        </button>
      `;
    }
    return html`
      <h2 class="cp-heading" tabindex="-1">${msg('Set a new password')}</h2>
      <p class="cp-text">${msg('Enter your new password in both fields.')}</p>
      <form class="cp-form" novalidate aria-busy=${this.busy} @submit=${this.submit}>
        ${hiddenUsername(this.customerNumber)}
        <customer-portal-new-password
          .customerNumber=${this.customerNumber || undefined}
          .serverError=${this.serverError}
        ></customer-portal-new-password>
        ${submitButton(msg('Set password'), this.busy)}
      </form>
    `;
  }
}

customElements.define('customer-portal-reset', ResetView);
