import { css } from 'lit';

/** What only the receipt has: a block per part of the handoff, the verification line, tags, the decision. */
export const receiptStyles = css`
  .base {
    gap: 0.75em;
  }
  section {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.7em 0.9em;
  }
  h3 {
    font-size: 1em;
    margin: 0 0 0.45em;
  }
  .meta {
    color: var(--_muted);
    font-size: 0.9em;
  }
  .verified {
    color: var(--_ok);
    font-weight: 650;
  }
  .unverified,
  .overdue {
    color: var(--_warn);
    font-weight: 650;
  }
  .quote {
    white-space: pre-line;
  }
  ol,
  ul {
    margin: 0;
    padding-inline-start: 1.3em;
    display: grid;
    gap: 0.3em;
  }
  .tag {
    font-size: 0.85em;
    border: 1px solid currentColor;
    border-radius: var(--_radius);
    padding: 0 0.4em;
    margin-inline-start: 0.4em;
  }
  .training {
    color: var(--_muted);
  }
  .warned {
    color: var(--_warn);
  }
  a {
    color: var(--_accent);
  }
  form section {
    display: grid;
    gap: 0.6em;
  }
  .note {
    margin-block: var(--handoff-space-3, 0.75rem);
  }
  .note textarea {
    inline-size: 100%;
  }
  .decision {
    border: 0;
    padding: 0;
    margin: 0;
    min-inline-size: 0;
    display: grid;
    gap: 0.15em;
  }
  .decision legend {
    padding: 0;
    font-weight: 650;
    display: flex;
    align-items: center;
    gap: 0.45em;
  }
  .read-back-check {
    border-inline-start: 4px solid var(--_warn);
    padding-inline-start: 0.8em;
  }
  .read-back-check ul {
    margin: 0.3em 0 0;
    padding-inline-start: 1.2em;
  }
  .read-back-check li {
    padding-block: 0.15em;
  }
  .read-back-check button {
    margin-inline-start: 0.5em;
    padding: 0.1em 0.6em;
    font-size: 0.9em;
  }
`;
