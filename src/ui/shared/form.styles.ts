import { css } from 'lit';

/**
 * The form every element with fields shares (the panel, the receipt): the outer `.base`, fields with
 * their labels, hints, errors and masking notes, checkboxes and radios, buttons, and the status line.
 * Sizes in `em`; targets at least 24 px (WCAG 2.2).
 */
export const formStyles = css`
  :host {
    /* !important: see tokens.styles.ts; \`hidden\` still hides it. */
    display: block !important;
    container-type: inline-size;
  }
  .base {
    display: grid;
    gap: 0.9em;
    padding: 1em;
    margin: 0;
    background: var(--_bg);
    color-scheme: light;
  }
  @media (prefers-color-scheme: dark) {
    .base {
      color-scheme: dark;
    }
  }
  header {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    justify-content: space-between;
    gap: 0.5em;
  }
  h2 {
    font-size: 1.25em;
    margin: 0;
    font-weight: 650;
  }
  h3 {
    font-size: 1em;
    margin: 0 0 0.4em;
  }
  p {
    margin: 0;
  }

  .field {
    display: grid;
    gap: 0.25em;
    align-content: start;
  }
  .label-row {
    display: flex;
    gap: 0.5em;
    align-items: baseline;
    justify-content: space-between;
  }
  label {
    font-weight: 600;
  }
  .req {
    font-size: 0.8em;
    color: var(--_muted);
    font-weight: 400;
  }
  .hint {
    font-size: 0.85em;
    color: var(--_muted);
  }
  input,
  select,
  textarea,
  button {
    font: inherit;
    color: inherit;
    letter-spacing: inherit;
    margin: 0;
  }
  input:not([type='checkbox'], [type='radio']),
  select,
  textarea {
    inline-size: 100%;
    min-block-size: 2.4em;
    padding: 0.35em 0.55em;
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    appearance: auto;
  }
  textarea {
    resize: vertical;
    min-block-size: 4.5em;
  }
  [aria-invalid='true'] {
    border-color: var(--_danger) !important;
    box-shadow: 0 0 0 1px var(--_danger);
  }
  .error {
    color: var(--_danger);
    font-size: 0.9em;
    font-weight: 600;
  }
  .masked {
    color: var(--_warn);
    font-size: 0.85em;
  }
  .warning {
    color: var(--_warn);
    font-size: 0.85em;
    font-weight: 600;
  }

  .check,
  .radio {
    display: flex;
    gap: 0.5em;
    align-items: center;
    min-block-size: 2.2em;
    font-weight: 600;
  }
  .check {
    flex-wrap: wrap;
  }
  .check .error {
    flex-basis: 100%;
  }
  input[type='checkbox'],
  input[type='radio'] {
    inline-size: max(24px, 1.4em);
    block-size: max(24px, 1.4em);
    accent-color: var(--_accent);
    flex: none;
  }

  button {
    cursor: pointer;
    border-radius: var(--_radius);
    padding: 0.5em 1em;
    min-block-size: 2.5em;
    border: 1px solid var(--_accent);
  }
  .primary {
    background: var(--_accent);
    color: var(--_on-accent);
    font-weight: 650;
  }
  .secondary {
    background: transparent;
    color: var(--_accent);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75em;
  }
  input:focus-visible,
  select:focus-visible,
  textarea:focus-visible {
    outline-offset: 1px;
  }

  .transfer {
    font-weight: 600;
    color: var(--_muted);
  }
  .transfer.flagged {
    color: var(--_warn);
    border: 1px solid currentColor;
    border-radius: var(--_radius);
    padding: 0.2em 0.6em;
  }
  dl {
    margin: 0;
    display: grid;
    gap: 0.2em;
  }
  dt {
    font-weight: 600;
    font-size: 0.9em;
    color: var(--_muted);
  }
  dd {
    margin: 0 0 0.4em;
  }
  .config-error {
    border: 2px solid var(--_danger);
    border-radius: var(--_radius);
    padding: 0.7em 0.9em;
  }

  .status {
    min-block-size: 1.45em;
    font-weight: 600;
  }
  .status.ok {
    color: var(--_ok);
  }
  .status.warn {
    color: var(--_warn);
  }
  .status.error {
    color: var(--_danger);
  }

  @media (prefers-reduced-motion: no-preference) {
    button,
    input,
    select,
    textarea {
      transition:
        box-shadow 120ms ease,
        background-color 120ms ease;
    }
  }
  @container (max-width: 24em) {
    .base {
      padding: 0.6em;
    }
  }
`;
