/**
 * @module Whether the customer reads the help: the footer's "Help" shows it in place of
 * the current screen, and "Back" returns to that screen as it was (its fields keep what
 * was typed). The help view (help/help-view.ts) loads with the parts after the login
 * (screens.ts), the help's text (locales/help/) at the first click: nothing of them weighs
 * on the first paint.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { loadLater } from './portal-flow.ts';

type Host = ReactiveControllerHost & HTMLElement & { readonly renderRoot: ParentNode };

export class HelpController implements ReactiveController {
  /** The help shows instead of the screen. */
  isOpen = false;
  /** The screen the help was opened on: when the flow moves on (a session ends, a reset link opens), the help closes. */
  #openedOn: unknown = null;

  constructor(
    private readonly host: Host,
    private readonly currentView: () => unknown,
  ) {
    host.addController(this);
  }

  hostUpdate(): void {
    if (this.isOpen && this.currentView() !== this.#openedOn) this.isOpen = false;
  }

  /**
   * The footer's "Help" link: a plain click opens the help in place, focus on its heading.
   * The link also works without this (a new tab, or a click with Ctrl): the /help page.
   */
  open = async (event: MouseEvent): Promise<void> => {
    if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey)
      return;
    event.preventDefault();
    const link = event.currentTarget as HTMLAnchorElement;
    try {
      // The help view is among the parts after the login, with the language's texts for it.
      await loadLater();
    } catch {
      // The chunk cannot be loaded (offline, a new version deployed): the page may still open.
      window.open(link.href, '_blank', 'noopener');
      return;
    }
    this.isOpen = true;
    this.#openedOn = this.currentView();
    this.host.requestUpdate();
    await this.host.updateComplete;
    await this.host.renderRoot.querySelector('customer-portal-help')?.focusHeading();
  };

  /** "Back": the screen as it was, focus on the "Help" link the customer came from. */
  close = async (): Promise<void> => {
    this.isOpen = false;
    this.host.requestUpdate();
    await this.host.updateComplete;
    this.host.renderRoot.querySelector<HTMLElement>('[part~="help"]')?.focus();
  };
}
