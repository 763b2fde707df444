/**
 * @module "New password" and "Re-enter new password", with the live checklist of the
 * contract's rules and the mismatch warning. Only the screens that set a password use
 * it, so it loads with them, after the login.
 */
import { msg } from '@lit/localize';
import { html, nothing, type PropertyDeclarations, type PropertyValues, svg } from 'lit';
import {
  CHECKLIST_RULES,
  failedChecklistRules,
  failedPasswordRules,
  normalizeCustomerNumber,
} from '../../server/contract.ts';
import { describeFailedRules, describeRule } from '../messages.ts';
import { PortalView, uniqueId } from './portal-view.ts';

/**
 * "New password" and "Re-enter new password": the checklist follows typing, the mismatch
 * shows before submit, and `check()` blocks a submit that the service would refuse.
 */
export class NewPasswordFields extends PortalView {
  static override properties: PropertyDeclarations = {
    customerNumber: { attribute: false },
    password: { state: true },
    repeated: { state: true },
    repeatedLeft: { state: true },
    problem: { state: true },
  };

  /** Checked too: the service refuses a password containing it (S03). */
  customerNumber?: string | undefined;

  private password = '';
  private repeated = '';
  private repeatedLeft = false;
  /** The sentence shown after a blocked submit, until the customer types again. */
  private problem: string | null = null;

  private readonly ids = {
    needs: uniqueId('needs'),
    rules: uniqueId('rules'),
    mismatch: uniqueId('mismatch'),
    problem: uniqueId('problem'),
  };

  /** The new password, when both fields agree. */
  get value(): string {
    return this.password;
  }

  /** True when the service may be asked; else says what is wrong and focuses the field. */
  check(): boolean {
    // Compared as the service does: "1001 2345" typed is 10012345 inside a password.
    const number = this.customerNumber && normalizeCustomerNumber(this.customerNumber);
    const failed = failedPasswordRules(this.password, number);
    if (this.password === '' || failed.length > 0) {
      this.problem =
        this.password === '' ? msg('Please enter a new password.') : describeFailedRules(failed);
      void this.focusField('new-password');
      return false;
    }
    if (this.repeated !== this.password) {
      this.repeatedLeft = true;
      void this.focusField('repeat-password');
      return false;
    }
    return true;
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('password') || changed.has('repeated')) this.problem = null;
  }

  private get mismatch(): boolean {
    if (this.repeated === '' || this.repeated === this.password) return false;
    // While the customer is still typing the second field, a correct beginning is no mismatch.
    return (
      this.repeatedLeft ||
      this.repeated.length >= this.password.length ||
      !this.password.startsWith(this.repeated)
    );
  }

  override render() {
    const failed = failedChecklistRules(this.password);
    const mismatch = this.mismatch;
    // The service's verdict (too common, unchanged, …) shows where the customer fixes it.
    const problem = this.problem ?? this.serverErrorAt('new-password');
    return html`
      <div
        class="cp-field"
        @input=${(event: Event) => {
          this.password = (event.target as HTMLInputElement).value;
        }}
      >
        <customer-portal-password
          name="new-password"
          autocomplete="new-password"
          .label=${msg('New password')}
          .describedBy=${`${this.ids.needs} ${this.ids.rules}${problem ? ` ${this.ids.problem}` : ''}`}
          .invalid=${problem !== null}
        ></customer-portal-password>
        <p class="cp-hint" id=${this.ids.needs}>${msg('Your new password needs:')}</p>
        <ul class="cp-checklist" id=${this.ids.rules}>
          ${CHECKLIST_RULES.map((rule) => {
            const met = !failed.includes(rule);
            return html`<li class=${met ? 'cp-met' : ''}>
              ${checkIcon(met)}<span>${describeRule(rule)}</span
              ><span class="cp-visually-hidden"> (${met ? msg('done') : msg('still missing')})</span>
            </li>`;
          })}
        </ul>
        ${problem ? html`<p class="cp-field-error" id=${this.ids.problem}>${problem}</p>` : nothing}
      </div>
      <div
        class="cp-field"
        @input=${(event: Event) => {
          this.repeated = (event.target as HTMLInputElement).value;
        }}
        @focusout=${(event: FocusEvent) => {
          if (event.target instanceof HTMLInputElement) this.repeatedLeft = true;
        }}
      >
        <customer-portal-password
          name="repeat-password"
          autocomplete="new-password"
          .label=${msg('Re-enter new password')}
          .describedBy=${this.ids.mismatch}
          .invalid=${mismatch}
        ></customer-portal-password>
        <p class="cp-field-error" id=${this.ids.mismatch} aria-live="polite">
          ${mismatch ? msg('The passwords do not match.') : nothing}
        </p>
      </div>
    `;
  }
}

customElements.define('customer-portal-new-password', NewPasswordFields);

function checkIcon(met: boolean) {
  return html`<svg class="cp-icon cp-rule-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
    ${met ? svg`<path d="M5 12.5l4.5 4.5L19 7.5" />` : svg`<circle cx="12" cy="12" r="4" />`}
  </svg>`;
}

declare global {
  interface HTMLElementTagNameMap {
    'customer-portal-new-password': NewPasswordFields;
  }
}
