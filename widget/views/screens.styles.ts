/**
 * @module Styles only the screens after the login use (password rules, the account's
 * sections, notices): they load with those screens (screens.ts), not with the first
 * paint. The same rules as views.styles.ts: every one starts with `customer-portal > .cp-root`.
 */
import { type CSSResult, css } from 'lit';

export const screenStyles: CSSResult = css`
  customer-portal > .cp-root .cp-text {
    margin: 0 0 1.25em;
  }
  customer-portal > .cp-root .cp-notice {
    padding: 0.875em 1em;
    border-inline-start: 4px solid var(--_success);
    border-radius: var(--_radius);
    background: color-mix(in srgb, var(--_success) 8%, var(--_bg));
    font-weight: 600;
  }
  customer-portal > .cp-root customer-portal-new-password.cp-view {
    display: grid;
    gap: 1.25em;
  }
  customer-portal > .cp-root .cp-hint {
    margin: 0.25em 0 0;
    color: var(--_muted);
    font-size: 0.9375em;
  }
  customer-portal > .cp-root .cp-checklist {
    display: grid;
    gap: 0.125em;
    margin: 0;
    padding: 0;
    list-style: none;
    color: var(--_muted);
    font-size: 0.9375em;
  }
  customer-portal > .cp-root .cp-checklist li {
    display: flex;
    align-items: center;
    gap: 0.5em;
  }
  customer-portal > .cp-root .cp-checklist .cp-met {
    color: var(--_success);
  }
  customer-portal > .cp-root .cp-button-secondary {
    width: auto;
    margin: 0;
    background: var(--_bg);
    color: var(--_accent);
    font-size: 1em;
  }
  customer-portal > .cp-root .cp-button-secondary:hover {
    background: color-mix(in srgb, var(--_accent) 8%, var(--_bg));
  }
  customer-portal > .cp-root .cp-facts {
    margin: 0 0 1.25em;
  }
  customer-portal > .cp-root .cp-facts dt {
    color: var(--_muted);
    font-size: 0.9375em;
  }
  customer-portal > .cp-root .cp-facts dd {
    margin: 0;
    font-size: 1.25em;
    font-weight: 700;
    letter-spacing: 0.02em;
  }
  customer-portal > .cp-root .cp-section {
    display: block;
    margin-top: 1em;
    padding-top: 1em;
    border-top: 1px solid var(--_soft-border);
  }
  customer-portal > .cp-root .cp-subheading {
    margin: 0;
    font-size: 1em;
  }
  customer-portal > .cp-root .cp-disclosure {
    display: flex;
    align-items: center;
    justify-content: space-between;
    width: 100%;
    min-height: 2.75em;
    margin: 0 0 0.5em;
    padding: 0;
    border: 0;
    background: none;
    color: var(--_text);
    font: inherit;
    font-size: 1.0625em;
    font-weight: 700;
    text-align: start;
    cursor: pointer;
  }
  customer-portal > .cp-root .cp-disclosure::after {
    content: '';
    width: 0.6em;
    height: 0.6em;
    margin-inline: 0.5em;
    border-right: 2px solid currentColor;
    border-bottom: 2px solid currentColor;
    transform: rotate(45deg);
  }
  customer-portal > .cp-root .cp-disclosure[aria-expanded='true']::after {
    transform: rotate(225deg);
  }
  customer-portal > .cp-root .cp-inline {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
  }
  customer-portal > .cp-root .cp-inline .cp-select {
    flex: 1 1 12em;
    width: auto;
  }
`;
