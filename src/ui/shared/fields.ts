/**
 * One way to lay out a form field in every element: the label (and "required"), a hint, the control, a
 * note of what was masked, and the error — each wired to the control with `aria-describedby`.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';

export interface FieldOptions {
  /** The control's id, unique within the shadow root; hint, note and error ids derive from it. */
  id: string;
  label: string;
  /** The word shown after a required field's label ("required"); omitted when not required. */
  required?: string;
  hint?: string;
  /** Says after the control that something typed there was masked ("Card number masked…"). */
  masked?: string;
  /** A warning that does not block sending (a due time the receiver cannot meet). */
  warning?: string;
  error?: string;
  /** Spans the whole row of the grid. */
  wide?: boolean;
}

/** The ids a control's `aria-describedby` lists: hint, error, masking note — those shown. */
function describedBy(o: FieldOptions): string {
  const shown = { hint: o.hint, error: o.error, masked: o.masked, warning: o.warning };
  return Object.entries(shown)
    .map(([kind, text]) => (text ? `${o.id}-${kind}` : ''))
    .filter(Boolean)
    .join(' ');
}

/** A labelled field around `control`, which gets its `aria-describedby` value and whether it is invalid. */
export function field(
  o: FieldOptions,
  control: (describedBy: string | typeof nothing, invalid: boolean) => TemplateResult,
): TemplateResult {
  return html`<div class="field ${o.wide ? 'wide' : ''}" part="field">
    <div class="label-row">
      <label for=${o.id}>${o.label}</label>
      ${o.required ? html`<span class="req">${o.required}</span>` : nothing}
    </div>
    ${o.hint ? html`<p class="hint" id="${o.id}-hint">${o.hint}</p>` : nothing}
    ${control(describedBy(o) || nothing, Boolean(o.error))}
    ${o.masked ? html`<p class="masked" id="${o.id}-masked">${o.masked}</p>` : nothing}
    ${o.warning ? html`<p class="warning" part="warning" id="${o.id}-warning">${o.warning}</p>` : nothing}
    ${o.error ? html`<p class="error" part="error" id="${o.id}-error">${o.error}</p>` : nothing}
  </div>`;
}

/** `data-*` attributes the element's own handlers read. */
export interface ControlData {
  /** The draft path the control edits. */
  path?: string;
  kind?: string;
  /** Card numbers and secrets in it are masked when the agent leaves it. */
  redact?: boolean;
  /** An id or address: a card number in it is an error at the field. */
  identifier?: boolean;
  /** It holds a suggestion the agent has not touched: focusing it selects it, so typing replaces it. */
  suggested?: boolean;
  name?: string;
}

export interface TextControlOptions {
  value: string;
  /** `input` type; a text input when absent. */
  type?: string;
  multiline?: boolean;
  rows?: number;
  autocomplete?: string;
  /** The keyboard a touch screen shows (`decimal` for numbers). */
  inputMode?: string;
  data?: ControlData;
}

/** A text input or text area for `field()`. */
export function textControl(o: FieldOptions, c: TextControlOptions): TemplateResult {
  return field(o, (describedBy, invalid) => {
    const { path, kind, redact, identifier, suggested, name } = c.data ?? {};
    const invalidText = invalid ? 'true' : 'false';
    return c.multiline
      ? html`<textarea
          part="input"
          id=${o.id}
          name=${name ?? nothing}
          data-path=${path ?? nothing}
          data-redact=${redact ? '' : nothing}
          data-identifier=${identifier ? '' : nothing}
          data-suggested=${suggested ? '' : nothing}
          data-kind=${kind ?? nothing}
          rows=${c.rows ?? 3}
          .value=${live(c.value)}
          ?required=${Boolean(o.required)}
          aria-invalid=${invalidText}
          aria-describedby=${describedBy}
        ></textarea>`
      : html`<input
          part="input"
          id=${o.id}
          name=${name ?? nothing}
          data-path=${path ?? nothing}
          data-redact=${redact ? '' : nothing}
          data-identifier=${identifier ? '' : nothing}
          data-suggested=${suggested ? '' : nothing}
          data-kind=${kind ?? nothing}
          type=${c.type ?? nothing}
          .value=${live(c.value)}
          ?required=${Boolean(o.required)}
          autocomplete=${c.autocomplete ?? 'off'}
          inputmode=${c.inputMode ?? nothing}
          aria-invalid=${invalidText}
          aria-describedby=${describedBy}
        />`;
  });
}

export interface SelectControlOptions {
  value: string;
  path: string;
  options: readonly string[];
  /** The words shown for each option value. */
  labels: Record<string, string>;
  /**
   * Whether an empty first option ("—") is offered.
   * @default true
   */
  blank?: boolean;
}

/** A select for `field()`. */
export function selectControl(o: FieldOptions, c: SelectControlOptions): TemplateResult {
  return field(
    o,
    (describedBy, invalid) =>
      html`<select
        part="input"
        id=${o.id}
        data-path=${c.path}
        ?required=${Boolean(o.required)}
        aria-invalid=${invalid ? 'true' : 'false'}
        aria-describedby=${describedBy}
      >
        ${c.blank !== false ? html`<option value="" ?selected=${!c.value}>—</option>` : nothing}
        ${c.options.map((v) => html`<option value=${v} ?selected=${c.value === v}>${c.labels[v]}</option>`)}
      </select>`,
  );
}

export type CheckboxFieldOptions = Omit<FieldOptions, 'hint' | 'masked' | 'required' | 'wide'>;

export interface CheckboxControlOptions {
  checked: boolean;
  path: string;
  /** For a checkbox that stands for one value of a list (`data-value`). */
  value?: string;
}

/** A labelled checkbox with its error. */
export function checkboxControl(o: CheckboxFieldOptions, c: CheckboxControlOptions): TemplateResult {
  return html`<div class="check" part="field">
    <input
      type="checkbox"
      id=${o.id}
      data-path=${c.path}
      data-value=${c.value ?? nothing}
      .checked=${live(c.checked)}
      aria-invalid=${o.error ? 'true' : 'false'}
      aria-describedby=${o.error ? `${o.id}-error` : nothing}
    />
    <label for=${o.id}>${o.label}</label>
    ${o.error ? html`<p class="error" part="error" id="${o.id}-error">${o.error}</p>` : nothing}
  </div>`;
}
