/**
 * @module Styles of the help view, in its own shadow root. It inherits the portal's
 * private `--_…` properties (the theme), so it looks like the screens around it.
 */
import { css } from 'lit';

export const helpViewStyles = css`
  :host {
    display: block;
    line-height: 1.5;
  }
  * {
    box-sizing: border-box;
  }
  :focus-visible {
    outline: 3px solid var(--_accent);
    outline-offset: 2px;
  }
  /* As the screens' headings (views.styles.ts .cp-heading). */
  h2 {
    margin: 0 0 0.5em;
    font-size: 1.375em;
    line-height: 1.25;
  }
  h3 {
    margin: 1.75em 0 0.5em;
    font-size: 1.0625em;
    line-height: 1.3;
  }
  h2:focus,
  h3:focus,
  li:focus {
    outline: none;
  }
  h2:focus-visible,
  h3:focus-visible,
  li:focus-visible {
    outline: 3px solid var(--_accent);
  }
  p {
    margin: 0 0 0.75em;
  }
  a,
  .link {
    color: var(--_accent);
    text-underline-offset: 0.2em;
  }
  .link {
    padding: 0;
    border: 0;
    background: none;
    font: inherit;
    text-align: start;
    text-decoration: underline;
    cursor: pointer;
  }
  .back {
    min-height: 2.75em;
    margin: 0.25em 0 1em;
    padding: 0.5em 1em;
    border: 2px solid var(--_accent);
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--_accent);
    font: inherit;
    font-weight: 600;
    cursor: pointer;
  }
  .contents {
    margin: 0 0 1em;
    padding: 0;
    list-style: none;
  }
  .contents .link {
    min-height: 2.75em;
  }
  .label {
    font-weight: 600;
  }
  .steps {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .steps li {
    display: grid;
    grid-template-columns: 2.5em 1fr;
    gap: 0 0.5em;
    padding: 0.75em 0;
    border-top: 1px solid var(--_soft-border);
  }
  .number {
    font-weight: 700;
    color: var(--_accent);
  }
  img {
    display: block;
    max-width: min(100%, 16em);
    height: auto;
    border: 1px solid var(--_soft-border);
    border-radius: var(--_radius);
  }
  .note {
    padding: 0.75em 1em;
    border-inline-start: 4px solid var(--_accent);
    background: color-mix(in srgb, var(--_accent) 8%, var(--_bg));
  }
  .spinner {
    display: block;
    width: 2em;
    height: 2em;
    margin: 1em auto;
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
`;
