import { css } from 'lit';

export const insightsStyles = css`
  :host {
    display: block;
    font-family: var(--_font);
    font-size: var(--_font-size);
    color: var(--_text);
    background: var(--_bg);
  }
  .base {
    display: grid;
    gap: 1em;
  }
  h2 {
    font-size: 1.4em;
    margin: 0;
  }
  .range,
  .note,
  .status {
    color: var(--_muted);
    margin: 0.2em 0 0;
  }
  .status.failed {
    color: var(--_danger);
  }
  .controls,
  .token {
    display: flex;
    flex-wrap: wrap;
    gap: 1em;
    align-items: center;
  }
  select,
  input,
  button {
    font: inherit;
    color: inherit;
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.3em 0.5em;
  }
  .check {
    display: inline-flex;
    gap: 0.4em;
    align-items: center;
  }
  :focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  .headline {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(9em, 1fr));
    gap: 0.6em;
    margin: 0;
  }
  .headline div {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.5em 0.7em;
  }
  .headline dt {
    color: var(--_muted);
    font-size: 0.85em;
  }
  .headline dd {
    margin: 0.1em 0 0;
    font-size: 1.5em;
    font-weight: 650;
  }
  .charts {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 30em), 1fr));
    gap: 1.2em;
  }
  figure {
    margin: 0;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.7em 0.9em;
  }
  figcaption {
    font-weight: 650;
  }
  svg {
    display: block;
    inline-size: 100%;
    block-size: auto;
    overflow: visible;
  }
  .legend svg {
    display: inline-block;
    inline-size: 0.8em;
    margin-inline-end: 0.3em;
  }
  .legend {
    display: flex;
    flex-wrap: wrap;
    gap: 0.3em 1em;
    list-style: none;
    padding: 0;
    margin: 0.4em 0 0;
    font-size: 0.9em;
  }
  text {
    fill: var(--_text);
    font-size: 12px;
  }
  text.axis {
    fill: var(--_muted);
  }
  .baseline {
    stroke: var(--_border);
  }
  .s0 {
    fill: var(--_accent);
  }
  .s1 {
    fill: #c2410c;
  }
  .s2 {
    fill: #0f766e;
  }
  .s3 {
    fill: #7e22ce;
  }
  .s4 {
    fill: var(--_muted);
  }
  details {
    margin-top: 0.4em;
    font-size: 0.9em;
  }
  table {
    border-collapse: collapse;
    margin-top: 0.3em;
  }
  th,
  td {
    text-align: start;
    padding: 0.15em 0.6em 0.15em 0;
  }
  .empty {
    color: var(--_muted);
  }
`;
