/**
 * @module The login screen (help text A.5, B.3): customer number, password, "Log in",
 * and the way to "Forgot your password?". The first screen: it loads with the element,
 * the others after it (screens.ts).
 */
import { msg } from '@lit/localize';
import { html, nothing, type PropertyDeclarations } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { ForgotDetail } from './forgot.ts';
import { customerNumberInput, fieldError, linkButton, submitButton } from './form-parts.ts';
import { PortalView, uniqueId } from './portal-view.ts';

export interface LoginDetail {
  customerNumber: string;
  password: string;
  /** The customer ticked "remember me": keep the number in this browser (S25). */
  remember: boolean;
}

/**
 * @fires login-submit - LoginDetail: the customer asked to log in.
 * @fires forgot-password - ForgotDetail: the customer clicked "Forgot your password".
 */
export class LoginView extends PortalView {
  static override properties: PropertyDeclarations = {
    customerNumber: { attribute: false },
    remembered: { attribute: false },
    resetOffered: { attribute: false },
    missing: { state: true },
  };

  /** Filled in: the remembered number, or the one just used to change the password (A.5). */
  customerNumber = '';
  /** Whether the number came from this browser's memory, so "remember me" starts ticked. */
  remembered = false;
  /**
   * The message above already offers "Forgot your password?" (a lockout, an expired initial
   * password): the screen does not offer it a second time.
   */
  resetOffered = false;

  private missing: 'customer-number' | 'password' | null = null;
  private readonly ids = {
    number: uniqueId('number'),
    error: uniqueId('error'),
    remember: uniqueId('remember'),
  };

  private submit(event: SubmitEvent): void {
    event.preventDefault();
    if (this.busy) return;
    const customerNumber = this.field('customer-number').trim();
    const password = this.field('password');
    this.missing = customerNumber === '' ? 'customer-number' : password === '' ? 'password' : null;
    if (this.missing) {
      void this.focusField(this.missing);
      return;
    }
    const remember = this.querySelector<HTMLInputElement>('[name="remember"]')?.checked ?? false;
    this.emit<LoginDetail>('login-submit', { customerNumber, password, remember });
  }

  override render() {
    const { missing, ids } = this;
    // One error at a time: the submit that finds a field missing clears the service's.
    const numberError =
      missing === 'customer-number'
        ? msg('Please enter your customer number.')
        : this.serverErrorAt('customer-number');
    const passwordError =
      missing === 'password' ? msg('Please enter your password.') : this.serverErrorAt('password');
    return html`
      <h2 class="cp-heading" tabindex="-1">${msg('Log in')}</h2>
      <form class="cp-form" novalidate aria-busy=${this.busy} @submit=${this.submit}>
        <div class="cp-field">
          ${customerNumberInput(ids.number, this.customerNumber, numberError ? ids.error : undefined)}
          ${fieldError(ids.error, numberError)}
        </div>
        <div class="cp-field">
          <customer-portal-password
            name="password"
            autocomplete="current-password"
            .label=${msg('Password')}
            .invalid=${passwordError !== null}
            .describedBy=${ifDefined(passwordError ? ids.error : undefined)}
          ></customer-portal-password>
          ${fieldError(ids.error, passwordError)}
        </div>
        <div class="cp-check">
          <input class="cp-checkbox" type="checkbox" name="remember" id=${ids.remember} .checked=${this.remembered} />
          <label for=${ids.remember}>${msg('Remember my customer number on this device')}</label>
        </div>
        ${submitButton(msg('Log in'), this.busy)}
      </form>
      ${
        this.resetOffered
          ? nothing
          : html`<p class="cp-actions">
            ${linkButton(msg('Forgot your password?'), () =>
              this.emit<ForgotDetail>('forgot-password', {
                customerNumber: this.field('customer-number').trim(),
              }),
            )}
          </p>`
      }
    `;
  }
}

customElements.define('customer-portal-login', LoginView);
