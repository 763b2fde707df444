/**
 * @module The internal area (help text A.6, B.4, C.6): who is logged in, change password,
 * preferred language. The shell around it adds the site owner's content, support
 * contact, "Clear history" and "Log out".
 */
import { msg, str } from '@lit/localize';
import { html, nothing, type PropertyDeclarations } from 'lit';
import { type Customer, LANGUAGES, type Language } from '../../server/contract.ts';
import { isLanguage, LANGUAGE_NAMES } from '../localization.ts';
import { linkButton } from './form-parts.ts';
import type { ChangePasswordDetail } from './password-change-form.ts';
import { PortalView, uniqueId } from './portal-view.ts';

export interface LanguageDetail {
  language: Language;
}

/**
 * @fires change-submit - ChangePasswordDetail: the customer asked to change the password.
 * @fires language-submit - LanguageDetail: the customer saved a preferred language.
 */
export class AccountView extends PortalView {
  static override properties: PropertyDeclarations = {
    customer: { attribute: false },
    changing: { state: true },
  };

  /** Who is logged in. */
  customer?: Customer;

  private changing = false;
  private readonly ids = {
    change: uniqueId('change'),
    language: uniqueId('language'),
    languageHint: uniqueId('language-hint'),
  };

  private async closePasswordForm(): Promise<void> {
    this.changing = false;
    await this.updateComplete;
    this.querySelector<HTMLElement>('.cp-disclosure')?.focus();
  }

  private submitLanguage(event: SubmitEvent): void {
    event.preventDefault();
    const language = this.field('language');
    if (this.busy || !isLanguage(language)) return;
    this.emit<LanguageDetail>('language-submit', { language });
  }

  override render() {
    const { customer, ids } = this;
    if (!customer) return nothing;
    return html`
      <h2 class="cp-heading" tabindex="-1">${msg(str`Hello, ${customer.name}`)}</h2>
      <dl class="cp-facts">
        <dt>${msg('Customer number')}</dt>
        <dd>${customer.number}</dd>
      </dl>

      <section class="cp-section" aria-labelledby=${ids.change}>
        <h3 class="cp-subheading" id=${ids.change}>
          <button
            class="cp-disclosure"
            type="button"
            aria-expanded=${this.changing}
            @click=${() => {
              this.changing = !this.changing;
            }}
          >
            ${msg('Change password')}
          </button>
        </h3>
        ${this.changing ? this.renderPasswordForm() : nothing}
      </section>

      <section class="cp-section">
        <form class="cp-form" novalidate aria-busy=${this.busy} @submit=${this.submitLanguage}>
          <div class="cp-field">
            <label class="cp-label" for=${ids.language}>${msg('Preferred language')}</label>
            <p class="cp-hint" id=${ids.languageHint}>${msg('We write to you in this language.')}</p>
            <div class="cp-inline">
              <select class="cp-input cp-select" id=${ids.language} name="language" aria-describedby=${ids.languageHint}>
                ${LANGUAGES.map(
                  (
                    language,
                  ) => html`<option value=${language} lang=${language} ?selected=${language === customer.language}>
                    ${LANGUAGE_NAMES[language]}
                  </option>`,
                )}
              </select>
              <button class="cp-button cp-button-secondary" type="submit">${msg('Save')}</button>
            </div>
          </div>
        </form>
      </section>
    `;
  }

  private renderPasswordForm() {
    return html`
      <customer-portal-password-change
        .customerNumber=${this.customer?.number ?? ''}
        .serverError=${this.serverError}
        .busy=${this.busy}
        @change-submit=${(event: CustomEvent<ChangePasswordDetail>) => this.emit('change-submit', event.detail)}
      ></customer-portal-password-change>
      <p class="cp-actions">
        ${linkButton(msg('Cancel'), () => void this.closePasswordForm())}
      </p>
    `;
  }
}

customElements.define('customer-portal-account', AccountView);
