/**
 * @module The "Change password" form (help text A.4): "Previous password", "New password",
 * "Re-enter new password", "Change password". The first change of the initial password
 * and the internal area both use it.
 */
import { msg } from '@lit/localize';
import { html, type PropertyDeclarations } from 'lit';
import { fieldError, hiddenUsername, submitButton } from './form-parts.ts';
import { PortalView, uniqueId } from './portal-view.ts';

export interface ChangePasswordDetail {
  currentPassword: string;
  newPassword: string;
}

/** @fires change-submit - ChangePasswordDetail: the customer asked to change the password. */
export class PasswordChangeForm extends PortalView {
  static override properties: PropertyDeclarations = {
    customerNumber: { attribute: false },
    initial: { attribute: false },
    currentMissing: { state: true },
  };

  /** For the hidden username field, so the password manager saves for this customer. */
  customerNumber = '';
  /** The previous password is the one from the email (A.4), not one the customer chose. */
  initial = false;

  private currentMissing = false;
  private readonly errorId = uniqueId('error');

  private submit(event: SubmitEvent): void {
    event.preventDefault();
    if (this.busy) return;
    const currentPassword = this.field('current-password');
    this.currentMissing = currentPassword === '';
    if (this.currentMissing) {
      void this.focusField('current-password');
      return;
    }
    const newPassword = this.newPasswordFields();
    if (!newPassword?.check()) return;
    this.emit<ChangePasswordDetail>('change-submit', {
      currentPassword,
      newPassword: newPassword.value,
    });
  }

  override render() {
    const error = !this.currentMissing
      ? this.serverErrorAt('current-password')
      : this.initial
        ? msg('Please enter the password we sent you by email.')
        : msg('Please enter your previous password.');
    return html`
      <form class="cp-form" novalidate aria-busy=${this.busy} @submit=${this.submit}>
        ${hiddenUsername(this.customerNumber)}
        <div class="cp-field">
          <customer-portal-password
            name="current-password"
            autocomplete="current-password"
            .label=${msg('Previous password')}
            .invalid=${error !== null}
            .describedBy=${error ? this.errorId : undefined}
          ></customer-portal-password>
          ${fieldError(this.errorId, error)}
        </div>
        <customer-portal-new-password
          .customerNumber=${this.customerNumber}
          .serverError=${this.serverError}
        ></customer-portal-new-password>
        ${submitButton(msg('Change password'), this.busy)}
      </form>
    `;
  }
}

customElements.define('customer-portal-password-change', PasswordChangeForm);
