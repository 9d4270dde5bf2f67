import { css, unsafeCSS, type CSSResult } from 'lit';

/**
 * The design tokens every element uses: `--_*` from the public `--handoff-*` custom properties (with
 * the defaults, light and dark, written once here), and the focus ring. Sizes are in `em` from
 * `--handoff-font-size`, never `rem` (hosts set odd root sizes); logical properties for RTL.
 */
export const tokenStyles = css`
  :host {
    --_font: var(--handoff-font, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    --_font-size: var(--handoff-font-size, 15px);
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
  /* !important: for important declarations the shadow tree wins, so page rules such as
     \`* { all: revert }\` cannot change how the element is laid out. \`hidden\` still hides it. */
  :host([hidden]) {
    display: none !important;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
`;

/** Every inherited text property, set for `selector`. */
const TEXT_RESET = [
  'font-family: var(--_font)',
  'font-size: var(--_font-size)',
  'font-weight: 400',
  'font-style: normal',
  'font-variant: normal',
  'line-height: 1.45',
  'letter-spacing: normal',
  'word-spacing: normal',
  'text-align: start',
  'text-transform: none',
  'text-indent: 0',
  'text-shadow: none',
  'white-space: normal',
  // Bootstrap 5 sets these on its cards and body; a long pasted word wraps in the panel on any page.
  'overflow-wrap: break-word',
  '-webkit-text-size-adjust: 100%',
  'text-size-adjust: 100%',
  '-webkit-tap-highlight-color: transparent',
  'visibility: visible',
  'cursor: auto',
  'color: var(--_text)',
].join(';');

/**
 * Page rules such as `* { all: revert }` reach the host element itself and beat `:host`, so every
 * inherited text property is set on the element's outermost inner elements (`selector`), where no page
 * selector reaches: the host page's typography is kept out there.
 */
export const textReset = (selector: string): CSSResult => unsafeCSS(`${selector}{${TEXT_RESET}}`);
