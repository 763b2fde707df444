/**
 * @module After "Reset password" (help text C.3): the same answer whether or not the
 * number exists (S07), with the number as typed, so a typo shows before the customer
 * waits for a mail that cannot come.
 */
import { msg } from '@lit/localize';
import { html, type PropertyDeclarations } from 'lit';
import type { ForgotDetail } from './forgot.ts';
import { linkButton } from './form-parts.ts';
import { PortalView } from './portal-view.ts';

/**
 * @fires forgot-password - ForgotDetail: the customer corrects the number.
 * @fires cancel - the customer went back to the login.
 */
export class ForgotSentView extends PortalView {
  static override properties: PropertyDeclarations = {
    customerNumber: { attribute: false },
  };

  /** The number the customer typed for the reset. */
  customerNumber = '';

  override render() {
    return html`
      <h2 class="cp-heading" tabindex="-1">${msg('Check your email')}</h2>
      <p class="cp-text cp-notice">
        ${msg('An email containing a confirmation link has been sent to the email address registered in our system.')}
      </p>
      <dl class="cp-facts">
        <dt>${msg('The customer number you entered')}</dt>
        <dd>${this.customerNumber}</dd>
      </dl>
      <p class="cp-text">
        ${msg('Open the email and click on the link “Change password now”. No email after a few minutes? Please look in your spam folder too.')}
        ${msg('If the customer number is not right, no email can reach you: please correct it.')}
      </p>
      <p class="cp-actions">
        ${linkButton(msg('Correct the customer number'), () =>
          this.emit<ForgotDetail>('forgot-password', { customerNumber: this.customerNumber }),
        )}
        ${linkButton(msg('Back to log in'), () => this.emit('cancel'))}
      </p>
    `;
  }
}

customElements.define('customer-portal-forgot-sent', ForgotSentView);
