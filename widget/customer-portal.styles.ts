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
    --_font: var(--portal-font, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
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
  *,
  *::before,
  *::after {
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
  svg {
    width: 1.25em;
    height: 1.25em;
    fill: none;
    stroke: currentColor;
    stroke-width: 2;
    stroke-linecap: round;
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

  dialog {
    width: min(36em, calc(100vw - 2rem));
    max-width: none;
    max-height: calc(100dvh - 2rem);
    padding: 0;
    border: 0;
    border-radius: var(--_radius);
    background: var(--_bg);
    box-shadow: 0 1.5rem 4rem rgb(15 23 42 / 0.35);
    font-size: var(--_size);
  }
  dialog::backdrop {
    background: rgb(15 23 42 / 0.55);
  }
  dialog .panel {
    border: 0;
    max-width: none;
  }
  /* On a phone the portal takes the whole screen (B.2: "a new window opens"). */
  @media (max-width: 599.98px) {
    dialog {
      width: 100vw;
      height: 100dvh;
      max-height: none;
      margin: 0;
      border-radius: 0;
    }
    dialog .panel {
      min-height: 100%;
      border-radius: 0;
    }
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
  }

  @media (max-width: 599.98px) {
    .panel {
      padding: 1em 1em 0.75em;
    }
  }

  .header {
    display: grid;
    grid-template-columns: 1fr auto auto auto;
    grid-template-areas: 'title languages logout close';
    align-items: center;
    gap: 0.5em 0.75em;
    padding-bottom: 0.75em;
    margin-bottom: 1.25em;
    border-bottom: 1px solid var(--_soft-border);
  }
  .title {
    grid-area: title;
    margin: 0;
    font-size: 1.125em;
    font-weight: 700;
  }
  .languages {
    grid-area: languages;
    display: flex;
    align-items: center;
  }
  .languages button {
    min-width: 2.75em;
    min-height: 2.75em;
    padding: 0 0.25em;
    border: 0;
    border-radius: var(--_radius);
    background: none;
    color: var(--_muted);
    font-weight: 600;
    letter-spacing: 0.03em;
  }
  .languages button[aria-pressed='true'] {
    color: var(--_accent);
    text-decoration: underline;
    text-decoration-thickness: 2px;
    text-underline-offset: 0.3em;
  }
  .languages button:hover {
    color: var(--_text);
  }
  .dot {
    color: var(--_muted);
  }
  .logout {
    grid-area: logout;
    min-height: 2.75em;
    padding: 0 1em;
    border: 2px solid var(--_accent);
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--_accent);
    font-weight: 600;
    white-space: nowrap;
  }
  .close {
    grid-area: close;
    display: inline-grid;
    place-items: center;
    width: 2.75em;
    height: 2.75em;
    padding: 0;
    border: 0;
    border-radius: var(--_radius);
    background: none;
    color: var(--_text);
  }
  .close:hover,
  .logout:hover {
    background: color-mix(in srgb, var(--_accent) 8%, var(--_bg));
  }
  /* Narrow: "Log out" and close stay top right; the languages get a row of their own. */
  @container (max-width: 30em) {
    .header {
      grid-template-columns: 1fr auto auto;
      grid-template-areas: 'title logout close' 'languages languages languages';
    }
    .languages {
      margin-inline-start: -0.5em;
    }
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

  .content {
    margin-top: 1.25em;
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
  .footer a,
  .clear {
    color: var(--_accent);
    text-decoration: underline;
    text-underline-offset: 0.2em;
  }
  /* An address broken at its hyphen reads as two. */
  .footer a {
    white-space: nowrap;
  }
  .clear {
    min-height: 2.75em;
    padding: 0;
    border: 0;
    background: none;
  }
`;
