import { css } from 'lit';

/**
 * Sized in `em` from `--handoff-font-size` (never `rem`: hosts set odd root sizes), inherited properties
 * reset on `:host` so the host page's typography cannot leak in, logical properties for RTL.
 *
 * The custom properties are documented on the HandoffPanel class; <handoff-receipt> shares them.
 */
export const baseStyles = css`
  :host {
    --_text: var(--handoff-color-text, #1b2230);
    --_muted: var(--handoff-color-muted, #4f5a6b);
    --_bg: var(--handoff-color-bg, #ffffff);
    --_surface: var(--handoff-color-surface, #ffffff);
    --_border: var(--handoff-color-border, #8a94a6);
    --_accent: var(--handoff-color-accent, #1d4ed8);
    --_on-accent: var(--handoff-color-on-accent, #ffffff);
    --_danger: var(--handoff-color-danger, #b3261e);
    --_warn: var(--handoff-color-warn, #8a4b00);
    --_ok: var(--handoff-color-ok, #1e6b34);
    --_focus: var(--handoff-color-focus, #1d4ed8);
    --_radius: var(--handoff-radius, 0.4em);

    /* !important: for important declarations the shadow tree wins, so page rules such as
       \`* { all: revert }\` cannot turn the panel inline. \`hidden\` still hides it. */
    display: block !important;
    container-type: inline-size;
    color-scheme: light;
  }
  @media (prefers-color-scheme: dark) {
    :host {
      --_text: var(--handoff-color-text, #e8ecf3);
      --_muted: var(--handoff-color-muted, #b4bdcc);
      --_bg: var(--handoff-color-bg, #151a23);
      --_surface: var(--handoff-color-surface, #1e2532);
      --_border: var(--handoff-color-border, #7d889b);
      --_accent: var(--handoff-color-accent, #8ab4ff);
      --_on-accent: var(--handoff-color-on-accent, #0b1220);
      --_danger: var(--handoff-color-danger, #ffb4ab);
      --_warn: var(--handoff-color-warn, #ffc98a);
      --_ok: var(--handoff-color-ok, #8fdca4);
      --_focus: var(--handoff-color-focus, #8ab4ff);
      color-scheme: dark;
    }
  }
  :host([hidden]) { display: none !important; }
  *, *::before, *::after { box-sizing: border-box; }

  /*
   * Page rules such as \`* { all: revert }\` reach the host element itself and beat :host, so every
   * inherited property is set here, on an element no page selector can reach.
   */
  .base {
    display: grid; gap: 0.9em; padding: 1em; margin: 0;
    font-family: var(--handoff-font, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    font-size: var(--handoff-font-size, 15px);
    font-weight: 400; font-style: normal; font-variant: normal; line-height: 1.45;
    letter-spacing: normal; word-spacing: normal; text-align: start; text-transform: none; text-indent: 0;
    text-shadow: none; white-space: normal; visibility: visible; cursor: auto;
    color: var(--_text); background: var(--_bg); color-scheme: light;
  }
  @media (prefers-color-scheme: dark) { .base { color-scheme: dark; } }
  header { display: flex; flex-wrap: wrap; align-items: baseline; justify-content: space-between; gap: 0.5em; }
  h2 { font-size: 1.25em; margin: 0; font-weight: 650; }
  h3 { font-size: 1em; margin: 0 0 0.4em; }
  p { margin: 0; }

  fieldset { border: 1px solid var(--_border); border-radius: var(--_radius); padding: 0.75em 0.9em 0.9em; margin: 0; min-inline-size: 0; }
  legend { font-weight: 650; padding-inline: 0.3em; display: flex; align-items: center; gap: 0.45em; }
  .step {
    display: inline-grid; place-items: center; inline-size: 1.6em; block-size: 1.6em; border-radius: 50%;
    background: var(--_accent); color: var(--_on-accent); font-size: 0.85em;
  }
  .grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(100%, 15em), 1fr)); gap: 0.75em 1em; }
  .wide, .action { grid-column: 1 / -1; }
  .action { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(100%, 12em), 1fr)); gap: 0.5em 1em; align-items: end;
    padding-block-end: 0.6em; border-block-end: 1px dashed var(--_border); }

  .field { display: grid; gap: 0.25em; align-content: start; }
  .label-row { display: flex; gap: 0.5em; align-items: baseline; justify-content: space-between; }
  label { font-weight: 600; }
  .req { font-size: 0.8em; color: var(--_muted); font-weight: 400; }
  .hint { font-size: 0.85em; color: var(--_muted); }
  input, select, textarea, button { font: inherit; color: inherit; letter-spacing: inherit; margin: 0; }
  input:not([type='checkbox'], [type='radio']), select, textarea {
    inline-size: 100%; min-block-size: 2.4em; padding: 0.35em 0.55em; background: var(--_surface);
    border: 1px solid var(--_border); border-radius: var(--_radius); appearance: auto;
  }
  textarea { resize: vertical; min-block-size: 4.5em; }
  [aria-invalid='true'] { border-color: var(--_danger) !important; box-shadow: 0 0 0 1px var(--_danger); }
  .error { color: var(--_danger); font-size: 0.9em; font-weight: 600; }
  .masked { color: var(--_warn); font-size: 0.85em; }

  .check, .radio { display: flex; gap: 0.5em; align-items: center; min-block-size: 2.2em; font-weight: 600; }
  .error-summary li { padding-block: 0.15em; }
  .check { flex-wrap: wrap; }
  .check .error { flex-basis: 100%; }
  /* WCAG 2.2 target size: at least 24 px. */
  input[type='checkbox'], input[type='radio'] { inline-size: max(24px, 1.4em); block-size: max(24px, 1.4em); accent-color: var(--_accent); flex: none; }
  .radios { border: 0; padding: 0; display: grid; gap: 0.15em; }
  .radios legend { padding: 0; }

  button { cursor: pointer; border-radius: var(--_radius); padding: 0.5em 1em; min-block-size: 2.5em; border: 1px solid var(--_accent); }
  .primary { background: var(--_accent); color: var(--_on-accent); font-weight: 650; }
  .secondary { background: transparent; color: var(--_accent); }
  .actions { display: flex; flex-wrap: wrap; gap: 0.75em; }

  :focus-visible { outline: 3px solid var(--_focus); outline-offset: 2px; }
  input:focus-visible, select:focus-visible, textarea:focus-visible { outline-offset: 1px; }

  .transfer { font-weight: 600; color: var(--_muted); }
  .transfer.flagged { color: var(--_warn); border: 1px solid currentColor; border-radius: var(--_radius); padding: 0.2em 0.6em; }
  .say { border-inline-start: 4px solid var(--_accent); padding-inline-start: 0.8em; }
  dl { margin: 0; display: grid; gap: 0.2em; }
  dt { font-weight: 600; font-size: 0.9em; color: var(--_muted); }
  dd { margin: 0 0 0.4em; }

  .error-summary, .config-error { border: 2px solid var(--_danger); border-radius: var(--_radius); padding: 0.7em 0.9em; }
  .error-summary p { font-weight: 650; }
  .error-summary ul { margin: 0.4em 0 0; padding-inline-start: 1.2em; }
  .error-summary a { color: var(--_danger); }

  .history { border: 1px solid var(--_border); border-radius: var(--_radius); padding: 0.6em 0.9em; }
  .history ul { margin: 0; padding: 0; list-style: none; display: grid; gap: 0.5em; }
  .history li { display: flex; flex-wrap: wrap; gap: 0.25em 0.75em; align-items: center; }
  .history-to { font-weight: 600; }
  .history-fate { flex: 1 1 12em; }
  .history button { min-block-size: 2em; padding: 0.2em 0.8em; }
  .tone-ok { color: var(--_ok); }
  .tone-warn { color: var(--_warn); }
  .tone-error { color: var(--_danger); }

  .status { min-block-size: 1.45em; font-weight: 600; }
  .status.ok { color: var(--_ok); }
  .status.warn { color: var(--_warn); }
  .status.error { color: var(--_danger); }

  @media (prefers-reduced-motion: no-preference) {
    button, input, select, textarea { transition: box-shadow 120ms ease, background-color 120ms ease; }
  }
  @container (max-width: 24em) {
    .base { padding: 0.6em; }
    fieldset { padding-inline: 0.6em; }
  }
`;
