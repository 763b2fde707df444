/**
 * @module Styles of the shell in the shadow root: panel, header, language picker, dialog,
 * messages, footer. The theme's custom properties are read here once, into private
 * `--_…` properties that the screens in the light DOM inherit.
 */
import { css } from 'lit';

export const shellStyles = css`
  :host {
    --_accent: var(--portal-accent, #1d4ed8);
    --_on-accent: var(--portal-accent-contrast, #ffffff);
    --_radius: var(--portal-radius, 0.5rem);
    /* Every browser with container queries (below) knows system-ui: no older fallbacks. */
    --_font: var(--portal-font, system-ui, sans-serif);
    --_size: var(--portal-font-size, clamp(16px, 1rem, 22px));
    --_text: var(--portal-text, #1f2937);
    --_muted: var(--portal-muted, #4b5563);
    --_bg: var(--portal-background, #ffffff);
    --_border: var(--portal-border, #6b7280);
    --_error: var(--portal-error, #b42318);
    --_success: var(--portal-success, #067647);
    --_soft-border: color-mix(in srgb, var(--_border) 35%, var(--_bg));
    display: block;
  }
  :host([mode='launcher']) {
    display: inline-block;
  }
  * {
    box-sizing: border-box;
  }
  button {
    font: inherit;
    color: inherit;
    cursor: pointer;
  }
  :focus-visible {
    outline: 3px solid var(--_accent);
    outline-offset: 2px;
  }
  .launcher {
    font-family: var(--_font);
    font-size: var(--_size);
    font-weight: 600;
    min-height: 2.75em;
    padding: 0.625em 1.25em;
    border: 0;
    border-radius: var(--_radius);
    background: var(--_accent);
    color: var(--_on-accent);
  }

  .panel {
    container-type: inline-size;
    max-width: 36em;
    margin-inline: auto;
    padding: 1.25em 1.5em 1em;
    border: 1px solid var(--_soft-border);
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--_text);
    font-family: var(--_font);
    font-size: var(--_size);
    font-weight: 400;
    line-height: 1.5;
    text-align: start;
    /* Inherited from the page otherwise, into the header and the screens alike. */
    letter-spacing: normal;
    word-spacing: normal;
    text-transform: none;
  }

  @media (max-width: 599.98px) {
    .panel {
      padding: 1em 1em 0.75em;
    }
  }

  /*
   * The help text puts the languages (A.3, B.2, C.1), "Log out" (A.6) and "Clear History"
   * (B, note) in the top right-hand corner: the languages first, at the same place on
   * every screen and width, the two buttons under them. On a phone the title moves to the
   * second row, beside them.
   */
  .header {
    display: grid;
    grid-template-columns: 1fr auto;
    align-items: center;
    gap: 0.25em 0.5em;
    padding-bottom: 0.75em;
    margin-bottom: 1.25em;
    border-bottom: 1px solid var(--_soft-border);
  }
  /* Smaller in a narrow panel, so "Kundenportal" fits beside "Abmelden" at 320 px. Its
     words keep their room (break-word, not anywhere): "Clear history" wraps first. */
  .title {
    margin: 0;
    font-size: clamp(1em, 6.2cqi, 1.125em);
    font-weight: 700;
    overflow-wrap: break-word;
  }
  .corner,
  .languages {
    display: flex;
    align-items: center;
    justify-content: end;
  }
  @container (max-width: 30em) {
    .corner {
      grid-column: 1 / 3;
      order: -1;
    }
    .actions {
      flex-direction: column-reverse;
      align-items: end;
    }
  }
  /* Padding, not a fixed width: the gap either side of each dot is the same. */
  .languages button {
    min-height: 2.75em;
    padding: 0 0.75em;
    border: 0;
    border-radius: var(--_radius);
    background: none;
    color: var(--_muted);
    font-weight: 600;
  }
  .languages [aria-pressed='false']:hover {
    color: var(--_text);
  }
  .languages [aria-pressed='true'] {
    color: var(--_accent);
    text-decoration: underline 2px;
    text-underline-offset: 0.3em;
  }
  .dot {
    color: var(--_muted);
  }
  /* Side by side; in a narrow panel "Log out" on top and "Clear history" under it, so the
     title keeps its room beside them. */
  .actions {
    grid-column: 2;
    display: flex;
    justify-content: end;
    gap: 0.25em 0.5em;
  }
  .clear {
    min-height: 2.75em;
    padding: 0 0.375em;
    border: 2px solid transparent;
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--_muted);
    font-weight: 600;
    text-align: end;
    text-decoration: underline;
    text-underline-offset: 0.2em;
  }
  .clear:hover {
    background: color-mix(in srgb, var(--_accent) 8%, var(--_bg));
  }

  .message {
    margin-bottom: 1em;
    padding: 0.75em 1em;
    border-inline-start: 4px solid;
    border-radius: var(--_radius);
  }
  .message:empty {
    display: none;
  }
  /* Focused after a failed request, to bring it into view: text, not a control. */
  .message:focus {
    outline: none;
  }
  .message.error {
    border-color: var(--_error);
    background: color-mix(in srgb, var(--_error) 8%, var(--_bg));
    color: color-mix(in srgb, var(--_error) 75%, var(--_text));
  }
  .message.success {
    border-color: var(--_success);
    background: color-mix(in srgb, var(--_success) 8%, var(--_bg));
    color: color-mix(in srgb, var(--_success) 75%, var(--_text));
  }
  .body {
    min-height: 4em;
  }
  .spinner {
    display: block;
    width: 2em;
    height: 2em;
    margin: 2em auto;
    border: 3px solid var(--_soft-border);
    border-top-color: var(--_accent);
    border-radius: 50%;
    animation: spin 0.9s linear infinite;
  }
  @keyframes spin {
    to {
      transform: rotate(1turn);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .spinner {
      animation-duration: 3s;
    }
  }

  .footer {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.25em 1em;
    margin-top: 1.5em;
    padding-top: 0.75em;
    border-top: 1px solid var(--_soft-border);
    color: var(--_muted);
    font-size: 0.9375em;
  }
  .footer p {
    margin: 0;
  }
  /* An address broken at its hyphen reads as two. */
  .footer a {
    color: var(--_accent);
    text-underline-offset: 0.2em;
    white-space: nowrap;
  }
`;
