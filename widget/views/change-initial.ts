/**
 * @module The first change of password (help text A.4): the password from the email in
 * "Previous password", a new one twice, "Change password".
 */
import { msg } from '@lit/localize';
import { html, type PropertyDeclarations } from 'lit';
import { linkButton } from './form-parts.ts';
import type { ChangePasswordDetail } from './password-change-form.ts';
import { PortalView } from './portal-view.ts';

/**
 * @fires change-submit - ChangePasswordDetail: the customer asked to change the password.
 * @fires cancel - the customer went back to the login.
 */
export class ChangeInitialView extends PortalView {
  static override properties: PropertyDeclarations = {
    customerNumber: { attribute: false },
  };

  /** For the hidden username field, so the password manager saves for this customer. */
  customerNumber = '';

  override render() {
    return html`
      <h2 class="cp-heading" tabindex="-1">${msg('Choose your own password')}</h2>
      <p class="cp-text">
        ${msg('Enter the password we sent you by email in “Previous password”. Then enter a password of your choice in “New password” and “Re-enter new password”.')}
      </p>
      <customer-portal-password-change
        .customerNumber=${this.customerNumber}
        .initial=${true}
        .serverError=${this.serverError}
        .busy=${this.busy}
        @change-submit=${(event: CustomEvent<ChangePasswordDetail>) => this.emit('change-submit', event.detail)}
      ></customer-portal-password-change>
      <p class="cp-actions">${linkButton(msg('Cancel'), () => this.emit('cancel'))}</p>
    `;
  }
}

customElements.define('customer-portal-change-initial', ChangeInitialView);
