import { css } from 'lit';

/** The status line and the dead-letter list with its Retry and Discard buttons. */
export const outboxStatusStyles = css`
  :host {
    /* !important: see tokens.styles.ts */
    display: block !important;
  }
  p {
    margin: 0;
    font-weight: 600;
  }
  .dead {
    color: var(--_danger);
  }
  ul {
    margin: 0.4em 0 0;
    padding: 0;
    list-style: none;
    display: grid;
    gap: 0.4em;
  }
  li {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    align-items: center;
  }
  code {
    font-size: 0.85em;
  }
  button {
    font: inherit;
    cursor: pointer;
    border-radius: var(--_radius);
    padding: 0.25em 0.7em;
    min-block-size: 2.2em;
    border: 1px solid var(--_accent);
    background: transparent;
    color: var(--_accent);
  }
`;
