/**
 * @module What every screen of the portal shares. Screens render into the light DOM of
 * `<customer-portal>` (so password managers see their forms), hold only the state of
 * their own fields, and tell the portal what the customer did through events.
 */
import { updateWhenLocaleChanges } from '@lit/localize';
import { LitElement, type PropertyDeclarations } from 'lit';

let lastId = 0;
/** Ids unique in the page: the screens live in the page's DOM, maybe beside another portal. */
export function uniqueId(prefix: string): string {
  lastId += 1;
  return `customer-portal-${prefix}-${lastId}`;
}

/** A server error about one field of a screen, shown under that field. */
export interface FieldError {
  /** The field's `name`: `customer-number`, `current-password`, `new-password`, … */
  field: string;
  text: string;
}

/**
 * Reactive properties are declared with `static properties` rather than decorators in the
 * widget's elements: the same Lit behaviour, without the decorator helpers in the bundle
 * that every customer downloads (the 20 KB budget).
 */
export abstract class PortalView extends LitElement {
  static override properties: PropertyDeclarations = {
    busy: { attribute: false },
    serverError: { attribute: false },
  };

  /** True while the portal waits for the service: the submit button shows it and ignores clicks. */
  busy = false;
  /** What the service said about one of this screen's fields, until the customer edits it. */
  serverError: FieldError | null = null;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // For views.styles.ts, which cannot select "every customer-portal-… element" by name.
    this.classList.add('cp-view');
  }

  /** No shadow root: forms must be in the page's DOM for password managers (DESIGN.md). */
  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  /** Puts focus on the screen's heading, so a screen reader announces where the customer is. */
  async focusHeading(): Promise<void> {
    await this.updateComplete;
    this.querySelector<HTMLElement>('h2')?.focus();
  }

  /** Tells the portal what the customer did; the portal decides what happens next. */
  protected emit<T>(type: string, detail?: T): void {
    this.dispatchEvent(new CustomEvent<T | undefined>(type, { detail }));
  }

  /** The value of one of this screen's fields, by its `name`. */
  protected field(name: string): string {
    return this.querySelector<HTMLInputElement>(`:is(input, select)[name="${name}"]`)?.value ?? '';
  }

  /** The "New password" and "Re-enter new password" pair of this screen, if it has one. */
  protected newPasswordFields() {
    return this.querySelector('customer-portal-new-password');
  }

  /** The service's error for the field `name`, if it is about that field. */
  protected serverErrorAt(name: string): string | null {
    return this.serverError?.field === name ? this.serverError.text : null;
  }

  /** Moves focus to a field whose value needs the customer's attention, once its error shows. */
  async focusField(name: string): Promise<void> {
    await this.updateComplete;
    // The field may be in a part inside this screen, which renders after it.
    for (const part of this.querySelectorAll<PortalView>('*')) await part.updateComplete;
    this.querySelector<HTMLInputElement>(`input[name="${name}"]`)?.focus();
  }
}
