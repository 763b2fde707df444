/**
 * @module Styles of the shell (customer-portal.styles.ts) that the login does not need: the
 * dialog of launcher mode and its close button, "Log out", the countdown of a wait and its
 * way out, the site owner's content. They load with the screens after the login
 * (screens.ts), which adds them to every portal's shadow root.
 */
import { css } from 'lit';

export const laterShellStyles = css`
  svg {
    width: 1.25em;
    height: 1.25em;
    fill: none;
    stroke: currentColor;
    stroke-width: 2;
    stroke-linecap: round;
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

  .logout,
  .close {
    min-height: 2.75em;
    border-radius: var(--_radius);
    font-weight: 600;
  }
  .logout {
    padding: 0 0.75em;
    border: 2px solid var(--_accent);
    background: var(--_bg);
    color: var(--_accent);
    white-space: nowrap;
  }
  .close {
    display: inline-grid;
    place-items: center;
    width: 2.75em;
    padding: 0;
    border: 0;
    background: none;
    color: var(--_text);
  }
  .close:hover,
  .logout:hover {
    background: color-mix(in srgb, var(--_accent) 8%, var(--_bg));
  }
  .countdown {
    display: block;
    margin-top: 0.25em;
    font-size: 1.5em;
    font-weight: 700;
    font-variant-numeric: tabular-nums;
  }
  .reset {
    display: block;
    min-height: 2.75em;
    margin-top: 0.25em;
    padding: 0;
    border: 0;
    background: none;
    color: var(--_accent);
    font-weight: 600;
    text-decoration: underline;
    text-underline-offset: 0.2em;
  }

  .content {
    margin-top: 1.25em;
  }
`;
