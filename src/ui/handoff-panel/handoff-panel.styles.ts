import { css } from 'lit';

/** What only the panel has: numbered steps, the action rows, the lines to say, the error summary, the history. */
export const panelStyles = css`
  .fold {
    border-block-start: 1px dashed var(--_border);
    padding-block-start: 0.4em;
  }
  /* Our own marker: the list marker's box differs between engines and under host pages' list styles. */
  .fold summary {
    cursor: pointer;
    font-weight: 600;
    list-style: none;
    display: flex;
    align-items: center;
    gap: 0.5em;
  }
  .fold summary::-webkit-details-marker {
    display: none;
  }
  .fold summary::before {
    content: '▸';
    inline-size: 1em;
  }
  .fold[open] summary::before {
    content: '▾';
  }
  .fold summary:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  .fold .count {
    color: var(--_muted);
    font-weight: 400;
  }
  .fold > .grid {
    margin-block-start: 0.5em;
  }
  .listbox {
    list-style: none;
    margin: 0.25em 0 0;
    padding: 0.2em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    max-block-size: 14em;
    overflow-y: auto;
  }
  .listbox li {
    display: flex;
    flex-direction: column;
    padding: 0.35em 0.5em;
    border-radius: calc(var(--_radius) / 2);
    cursor: pointer;
  }
  .listbox li[aria-selected='true'] {
    outline: 2px solid var(--_focus);
    outline-offset: -2px;
    background: var(--_surface);
  }
  .listbox .what {
    color: var(--_muted);
    font-size: 0.9em;
  }
  .listbox li.closed .what {
    color: var(--_warn);
  }
  .availability {
    border-inline-start: 4px solid var(--_warn);
    padding: 0.4em 0.75em;
  }
  .availability p {
    margin: 0.2em 0;
  }
  .proposals {
    display: flex;
    flex-wrap: wrap;
    gap: 0.4em;
    list-style: none;
    margin: 0.3em 0 0;
    padding: 0;
  }
  .proposals button[aria-pressed='true'] {
    outline: 2px solid var(--_accent);
  }
  fieldset {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.75em 0.9em 0.9em;
    margin: 0;
    min-inline-size: 0;
  }
  legend {
    font-weight: 650;
    padding-inline: 0.3em;
    display: flex;
    align-items: center;
    gap: 0.45em;
  }
  .step {
    display: inline-grid;
    place-items: center;
    inline-size: 1.6em;
    block-size: 1.6em;
    border-radius: 50%;
    background: var(--_accent);
    color: var(--_on-accent);
    font-size: 0.85em;
  }
  .grid {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 12em), 1fr));
    gap: 0.75em 1em;
  }
  .wide,
  .action {
    grid-column: 1 / -1;
  }
  /* The date-time field's own minimum width must not push it out of its row. */
  .action > *,
  .action input {
    min-inline-size: 0;
  }
  /* A date-time field's own inner layout can make it a fraction of a pixel taller than a text field. */
  input[type='datetime-local'] {
    block-size: 2.4em;
  }
  .action {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 12em), 1fr));
    gap: 0.5em 1em;
    align-items: end;
    padding-block-end: 0.6em;
    border-block-end: 1px dashed var(--_border);
  }
  .radios {
    border: 0;
    padding: 0;
    display: grid;
    gap: 0.15em;
  }
  .radios legend {
    padding: 0;
  }
  .say {
    border-inline-start: 4px solid var(--_accent);
    padding-inline-start: 0.8em;
  }

  .error-summary {
    border: 2px solid var(--_danger);
    border-radius: var(--_radius);
    padding: 0.7em 0.9em;
  }
  .error-summary p {
    font-weight: 650;
  }
  .error-summary ul {
    margin: 0.4em 0 0;
    padding-inline-start: 1.2em;
  }
  .error-summary li {
    padding-block: 0.15em;
  }
  .error-summary a {
    color: var(--_danger);
  }

  .shortcuts kbd {
    font: inherit;
    font-size: 0.9em;
    border: 1px solid var(--_border);
    border-radius: 0.25em;
    padding: 0 0.3em;
  }

  .quality {
    border-inline-start: 4px solid var(--_border);
    padding-inline-start: 0.8em;
  }
  .quality h3 {
    font-size: 1em;
    margin: 0;
  }
  .quality .score {
    font-weight: 400;
    color: var(--_muted);
  }
  .quality ul {
    margin: 0.3em 0 0;
    padding-inline-start: 1.2em;
  }
  .quality li {
    padding-block: 0.1em;
  }

  .history {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.6em 0.9em;
  }
  .history ul {
    margin: 0;
    padding: 0;
    list-style: none;
    display: grid;
    gap: 0.5em;
  }
  .history li {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em 0.75em;
    align-items: center;
  }
  .history-to {
    font-weight: 600;
  }
  .history-fate {
    flex: 1 1 12em;
  }
  .history button {
    min-block-size: 2em;
    padding: 0.2em 0.8em;
  }
  .tone-ok {
    color: var(--_ok);
  }
  .tone-warn {
    color: var(--_warn);
  }
  .tone-error {
    color: var(--_danger);
  }

  @container (max-width: 24em) {
    fieldset {
      padding-inline: 0.6em;
    }
  }
`;
