/**
 * @module Styles of the screens, which live in the page's DOM (for password managers).
 * Every rule starts with `customer-portal > .cp-root`, so it outranks a page's element
 * rules (`input {…}`, `form {…}`, `* {…}`), and first reverts whatever the page set, so the
 * forms look the same on any page and the page is not touched by them.
 */
import { type CSSResult, css } from 'lit';

export const viewStyles: CSSResult = css`
  /* Not inside SVG: there, geometry (d, cx, r) is CSS too, and reverting would erase it. */
  customer-portal > .cp-root,
  customer-portal > .cp-root *:not(svg *) {
    all: revert;
    box-sizing: border-box;
  }
  /* Chromium maps the hidden attribute at author level, so the revert above undoes it. */
  customer-portal > .cp-root [hidden] {
    display: none;
  }
  /* The screens' own width decides the compact layout, wherever the site owner puts them. */
  customer-portal > .cp-root {
    container-type: inline-size;
  }
  @container (max-width: 24em) {
    customer-portal > .cp-root .cp-toggle span {
      display: none;
    }
  }
  /* The screens and their parts (class set by PortalView): unknown elements are inline. */
  customer-portal > .cp-root,
  customer-portal > .cp-root .cp-view {
    display: block;
  }
  customer-portal > .cp-root :focus-visible {
    outline: 3px solid var(--_accent);
    outline-offset: 2px;
  }
  customer-portal > .cp-root .cp-heading:focus {
    outline: none;
  }
  customer-portal > .cp-root .cp-heading {
    margin: 0 0 0.75em;
    font-size: 1.375em;
    font-weight: 700;
    line-height: 1.25;
  }
  customer-portal > .cp-root .cp-form {
    display: grid;
    gap: 1.25em;
    margin: 0;
  }
  customer-portal > .cp-root .cp-field {
    display: grid;
    gap: 0.375em;
  }
  customer-portal > .cp-root .cp-label {
    font-weight: 600;
  }
  customer-portal > .cp-root .cp-input {
    display: block;
    width: 100%;
    min-height: 3em;
    margin: 0;
    padding: 0.625em 0.75em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--_text);
    font: inherit;
  }
  customer-portal > .cp-root .cp-input:focus-visible {
    outline-offset: 0;
    border-color: var(--_accent);
  }
  customer-portal > .cp-root .cp-input[aria-invalid='true'] {
    border: 2px solid var(--_error);
  }
  customer-portal > .cp-root .cp-password-row {
    display: flex;
    gap: 0.5em;
  }
  customer-portal > .cp-root .cp-password-row .cp-input {
    flex: 1 1 auto;
    min-width: 0;
  }
  customer-portal > .cp-root .cp-toggle {
    display: inline-flex;
    flex: none;
    align-items: center;
    gap: 0.375em;
    min-height: 3em;
    min-width: 3em;
    margin: 0;
    padding: 0 0.75em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--_accent);
    font: inherit;
    font-weight: 600;
    cursor: pointer;
  }
  customer-portal > .cp-root .cp-icon {
    width: 1.25em;
    height: 1.25em;
    flex: none;
    fill: none;
    stroke: currentColor;
    stroke-width: 2;
    stroke-linecap: round;
    stroke-linejoin: round;
  }
  customer-portal > .cp-root .cp-caps {
    margin: 0.25em 0 0;
    font-weight: 600;
  }
  customer-portal > .cp-root .cp-caps:empty {
    display: none;
  }
  customer-portal > .cp-root .cp-field-error {
    margin: 0;
    color: var(--_error);
    font-weight: 600;
  }
  customer-portal > .cp-root .cp-field-error:empty {
    display: none;
  }
  customer-portal > .cp-root .cp-check {
    display: flex;
    align-items: flex-start;
    gap: 0.625em;
  }
  customer-portal > .cp-root .cp-check label {
    padding-block: 0.125em;
    cursor: pointer;
  }
  customer-portal > .cp-root .cp-checkbox {
    flex: none;
    width: 1.375em;
    height: 1.375em;
    margin: 0.1875em 0 0;
    accent-color: var(--_accent);
    cursor: pointer;
  }
  customer-portal > .cp-root .cp-button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.5em;
    width: 100%;
    min-height: 3em;
    margin: 0.25em 0 0;
    padding: 0.625em 1.5em;
    border: 2px solid var(--_accent);
    border-radius: var(--_radius);
    background: var(--_accent);
    color: var(--_on-accent);
    font: inherit;
    font-size: 1.0625em;
    font-weight: 700;
    cursor: pointer;
  }
  customer-portal > .cp-root .cp-button:hover {
    background: color-mix(in srgb, var(--_accent) 85%, #000000);
  }
  customer-portal > .cp-root .cp-button[aria-disabled='true'] {
    cursor: progress;
    opacity: 0.8;
  }
  customer-portal > .cp-root .cp-link {
    min-height: 2.75em;
    margin: 0;
    padding: 0;
    border: 0;
    background: none;
    color: var(--_accent);
    font: inherit;
    text-decoration: underline;
    text-underline-offset: 0.2em;
    cursor: pointer;
  }
  customer-portal > .cp-root .cp-actions {
    display: flex;
    flex-wrap: wrap;
    gap: 1em;
    margin: 0.75em 0 0;
  }
  customer-portal > .cp-root .cp-spinner {
    width: 1em;
    height: 1em;
    border: 2px solid currentColor;
    border-right-color: transparent;
    border-radius: 50%;
    animation: customer-portal-spin 0.8s linear infinite;
  }
  @keyframes customer-portal-spin {
    to {
      transform: rotate(1turn);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    customer-portal > .cp-root .cp-spinner {
      animation-duration: 3s;
    }
  }
  customer-portal > .cp-root .cp-visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }
`;

/**
 * Adds the screens' styles to the document or shadow root the element lives in, once:
 * the login's with the element, the other screens' (screens.styles.ts) when they load.
 */
export function adoptViewStyles(element: HTMLElement, styles: CSSResult = viewStyles): void {
  const root = element.getRootNode();
  const sheet = styles.styleSheet;
  if (!(root instanceof Document || root instanceof ShadowRoot) || !sheet) return;
  if (!root.adoptedStyleSheets.includes(sheet)) {
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  }
}
