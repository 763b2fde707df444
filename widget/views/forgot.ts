/**
 * @module "Forgot your password?" (help text C.2): the customer number and "Reset password".
 */
import { msg } from '@lit/localize';
import { html, type PropertyDeclarations } from 'lit';
import { customerNumberInput, fieldError, linkButton, submitButton } from './form-parts.ts';
import { PortalView, uniqueId } from './portal-view.ts';

export interface ForgotDetail {
  customerNumber: string;
}

/**
 * @fires forgot-submit - ForgotDetail: the customer asked for a reset link.
 * @fires cancel - the customer went back to the login.
 */
export class ForgotView extends PortalView {
  static override properties: PropertyDeclarations = {
    customerNumber: { attribute: false },
    missing: { state: true },
  };

  /** Filled in with what the customer typed on the login, if anything. */
  customerNumber = '';

  private missing = false;
  private readonly ids = { number: uniqueId('number'), error: uniqueId('error') };

  private submit(event: SubmitEvent): void {
    event.preventDefault();
    if (this.busy) return;
    const customerNumber = this.field('customer-number').trim();
    this.missing = customerNumber === '';
    if (this.missing) {
      void this.focusField('customer-number');
      return;
    }
    this.emit<ForgotDetail>('forgot-submit', { customerNumber });
  }

  override render() {
    const { ids, missing } = this;
    const error = missing
      ? msg('Please enter your customer number.')
      : this.serverErrorAt('customer-number');
    return html`
      <h2 class="cp-heading" tabindex="-1">${msg('Forgot your password?')}</h2>
      <p class="cp-text">
        ${msg('Enter your customer number. We will send you an email with a link to set a new password.')}
      </p>
      <form class="cp-form" novalidate aria-busy=${this.busy} @submit=${this.submit}>
        <div class="cp-field">
          ${customerNumberInput(ids.number, this.customerNumber, error ? ids.error : undefined)}
          ${fieldError(ids.error, error)}
        </div>
        ${submitButton(msg('Reset password'), this.busy)}
      </form>
      <p class="cp-actions">${linkButton(msg('Back to log in'), () => this.emit('cancel'))}</p>
    `;
  }
}

customElements.define('customer-portal-forgot', ForgotView);
