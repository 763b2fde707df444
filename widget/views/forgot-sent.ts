/**
 * @module After "reset password" (help text C.3): the same answer whether or not the
 * number exists (S07).
 */
import { msg } from '@lit/localize';
import { html } from 'lit';
import { linkButton } from './form-parts.ts';
import { PortalView } from './portal-view.ts';

/** @fires cancel - the customer went back to the login. */
export class ForgotSentView extends PortalView {
  override render() {
    return html`
      <h2 class="cp-heading" tabindex="-1">${msg('Check your email')}</h2>
      <p class="cp-text cp-notice">
        ${msg('An email containing a confirmation link has been sent to the email address registered in our system.')}
      </p>
      <p class="cp-text">
        ${msg('Open the email and click on the link “Change password now”. No email after a few minutes? Please look in your spam folder too.')}
      </p>
      <p class="cp-actions">${linkButton(msg('Back to log in'), () => this.emit('cancel'))}</p>
    `;
  }
}

customElements.define('customer-portal-forgot-sent', ForgotSentView);
