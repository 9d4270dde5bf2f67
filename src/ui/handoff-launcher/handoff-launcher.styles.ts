import { css } from 'lit';

/** The launcher's button, its popover in the top layer, and the "unsent draft" question. */
export const launcherStyles = css`
  :host {
    /* !important: see tokens.styles.ts */
    display: inline-block !important;
  }
  /* The launcher HandoffPanel.open() creates when the page has none. */
  :host([data-floating]) {
    position: fixed;
    inset-block-end: 16px;
    inset-inline-end: 16px;
    z-index: 2147483000;
  }
  button {
    font-weight: 650;
    cursor: pointer;
    border-radius: var(--_radius);
    min-block-size: 2.5em;
    padding: 0.45em 1em;
    border: 1px solid var(--_accent);
    background: var(--_accent);
    color: var(--_on-accent);
  }
  button.secondary {
    background: transparent;
    color: var(--_accent);
  }
  [part='popover'] {
    /* Centred until placed beside the button (while the panel loads, or if it could not). */
    position: fixed;
    inset: 0;
    margin: auto;
    padding: 0;
    inline-size: min(46em, calc(100vw - 16px));
    block-size: fit-content;
    max-block-size: calc(100vh - 16px);
    overflow: auto;
    overscroll-behavior: contain;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 2);
    background: var(--_bg);
    color: var(--_text);
    box-shadow: 0 12px 40px rgb(0 0 0 / 0.28);
  }
  [part='popover'][data-placed='true'] {
    inset: auto;
    margin: 0;
  }
  dialog::backdrop {
    background: rgb(10 15 25 / 0.25);
  }
  .close {
    position: sticky;
    float: inline-end;
    inset-block-start: 0;
    z-index: 2;
    min-block-size: 0;
    margin: 0.25em;
    padding: 0.1em 0.5em;
    border-color: transparent;
    background: transparent;
    color: var(--_text);
    font-size: 1.25em;
    line-height: 1.2;
  }
  .loading,
  .load-failed {
    margin: 0;
    padding: 1em;
  }
  .load-failed p {
    margin: 0 0 0.6em;
  }
  .guard {
    position: sticky;
    inset-block-start: 0;
    z-index: 1;
    display: flex;
    flex-wrap: wrap;
    gap: 0.6em;
    align-items: center;
    padding: 0.75em 1em;
    background: var(--handoff-color-surface, #fff7e6);
    border-block-end: 2px solid var(--_warn);
  }
  .guard p {
    margin: 0;
    font-weight: 650;
    flex: 1 1 12em;
  }
  @media (prefers-color-scheme: dark) {
    .guard {
      background: var(--handoff-color-surface, #2b2314);
    }
  }
  @media (prefers-reduced-motion: no-preference) {
    [part='popover'][data-placed='true'] {
      animation: appear 120ms ease-out;
    }
    @keyframes appear {
      from {
        opacity: 0;
        transform: translateY(-4px);
      }
    }
  }
`;
