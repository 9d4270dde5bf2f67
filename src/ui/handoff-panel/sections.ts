/**
 * The panel's eight numbered steps, in the order of the moves of a good handoff. Templates only: the
 * component hands in a view of its draft and the field helpers; nothing here keeps state.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { FieldError } from '../../payload/checker.js';
import { renderTemplate } from '../../payload/template.js';
import {
  ACTION_OWNERS,
  CHANNELS,
  FOLLOW_UP_BY,
  IF_UNAVAILABLE,
  MODES,
  PRIORITIES,
  REASON_CODES,
  type HandoffDraft,
  VERIFICATION_METHODS,
  type RedactionKind,
} from '../../payload/types.js';
import { fieldLabel } from '../../payload/checker.js';
import { en, type HandoffMessages, type UiTexts } from '../messages/catalogue.js';
import { checkboxControl, selectControl, textControl } from '../shared/fields.js';
import { controlId, controlPath, toLocalInput } from '../shared/paths.js';
import type { TemplateSection } from '../../template/types.js';
import { FOLDS, errorPath, withPreselections, type DraftModel } from './draft-model.js';

/** Options of a text field in the panel (its value comes from the draft unless given). */
export interface TextFieldOptions {
  type?: string;
  multiline?: boolean;
  rows?: number;
  hint?: string;
  required?: boolean;
  /**
   * An id, link or address: a card number in it is refused at the field, not masked. Every other text
   * is masked when the agent leaves it.
   */
  identifier?: boolean;
  autocomplete?: string;
  wide?: boolean;
  value?: string;
  /** Holds an untouched suggestion (selected on focus). */
  suggested?: boolean;
  /** @default the field label of its path */
  label?: string;
  inputMode?: string;
}

export interface SelectFieldOptions {
  required?: boolean;
  /** An empty first option ("—"); on unless `false`. */
  blank?: boolean;
  /** @default the field label of its path */
  label?: string;
  hint?: string;
}

/** What the sections need from the panel for one render. */
export interface PanelView {
  draft: HandoffDraft;
  ui: UiTexts;
  /** The lines suggested from the templates. */
  lines: { managingUp: string; informCustomer: string; apology: string };
  /** The receiver directory's combobox, and what it says about the receiver picked. */
  picker: TemplateResult | typeof nothing;
  availability: TemplateResult | typeof nothing;
  /** The managing-up script shown: the agent's own, or the suggestion. */
  managingUp: string;
  /** "Why I can't resolve it" still holds the reason's suggested line. */
  reasonSuggested: boolean;
  /** The agent edited the script away from the suggestion: offer to bring it back. */
  offerSuggestion: boolean;
  text(path: string, options?: TextFieldOptions): TemplateResult;
  select(
    path: string,
    values: readonly string[],
    labels: Record<string, string>,
    options?: SelectFieldOptions,
  ): TemplateResult;
  checkbox(path: string, checked: boolean, value?: string, label?: string): TemplateResult;
  /** The organisation's fields placed in a step. */
  custom(section: TemplateSection): TemplateResult | typeof nothing;
  /** What the timing warning at a field says, if there is one. */
  timing(path: string): string | undefined;
  /**
   * Optional fields folded away until the agent opens them; the summary counts what is filled in them,
   * and a fold with an error in it opens.
   */
  fold(id: string, title: string, paths: readonly string[], content: TemplateResult): TemplateResult;
  error(path: string): FieldError | undefined;
  label(path: string): string;
  addAction(): void;
  removeAction(index: number): void;
  useSuggestion(): void;
}

export interface ViewContext {
  model: DraftModel;
  messages: HandoffMessages;
  errors: readonly FieldError[];
  lines: PanelView['lines'];
  /** The folds the agent opened. */
  unfolded: Set<string>;
  picker: PanelView['picker'];
  availability: PanelView['availability'];
  addAction(): void;
  removeAction(index: number): void;
  useSuggestion(): void;
  custom?(section: TemplateSection, view: PanelView): TemplateResult | typeof nothing;
  timing?(path: string): string | undefined;
}

/** The sections' view of the panel: its draft, texts and errors, and its fields as templates. */
export function panelView({
  model,
  messages,
  errors,
  lines,
  unfolded,
  picker,
  availability,
  custom,
  timing,
  ...actions
}: ViewContext): PanelView {
  const { ui } = messages;
  const label = (path: string) => fieldLabel(messages.fieldLabels, errorPath(path));
  const error = (path: string) => errors.find((e) => controlPath(e.path) === path);
  const base = (path: string, required?: boolean, given?: string) => ({
    id: controlId(path),
    label: given ?? label(path),
    required: required ? ui.required : undefined,
    error: error(path)?.message,
  });
  const managingUp = model.managingUp(lines.managingUp);
  const view: PanelView = {
    draft: model.draft,
    ui,
    lines,
    picker,
    availability,
    managingUp,
    offerSuggestion: model.scriptEdited && managingUp !== lines.managingUp,
    reasonSuggested: model.holdsReasonSuggestion(ui.reasonSuggestions),
    text: (path, o = {}) =>
      textControl(
        {
          ...base(path, o.required, o.label),
          hint: o.hint,
          wide: o.wide,
          masked: maskedNote(model.maskedPaths.get(path), ui),
          warning: timing?.(path),
        },
        {
          value: o.value ?? model.text(path),
          type: o.type,
          multiline: o.multiline,
          rows: o.rows,
          autocomplete: o.autocomplete,
          inputMode: o.inputMode,
          data: {
            path,
            kind: path === 'recap.tried' ? 'lines' : o.type === 'datetime-local' ? 'datetime' : undefined,
            redact: !isIdentifier(o) && o.type !== 'datetime-local',
            identifier: isIdentifier(o),
            suggested: o.suggested,
          },
        },
      ),
    select: (path, values, labels, o = {}) =>
      selectControl(
        { ...base(path, o.required, o.label), hint: o.hint },
        {
          value: model.text(path),
          path,
          options: values,
          labels,
          blank: o.blank,
        },
      ),
    checkbox: (path, checked, value, given) => checkboxControl(base(path, false, given), { checked, path, value }),
    custom: (section) => custom?.(section, view) ?? nothing,
    timing: (path) => timing?.(path),
    fold: (id, title, paths, content) => {
      const filled = paths.filter((p) => model.text(p).trim()).length;
      const open = unfolded.has(id) || paths.some((p) => error(p) ?? timing?.(p));
      return html`<details
        class="fold wide"
        part="fold"
        ?open=${open}
        @toggle=${(e: Event) => {
          if ((e.target as HTMLDetailsElement).open) unfolded.add(id);
          else unfolded.delete(id);
        }}
      >
        <summary>${title}${filled ? html` <span class="count">(${renderTemplate(ui.folds?.filled ?? '{count}', { count: filled })})</span>` : nothing}</summary>
        <div class="grid">${content}</div>
      </details>`;
    },
    error,
    label,
    ...actions,
  };
  return view;
}

/** Ids, phone numbers and addresses: refused at the field if they hold a card number, never masked. */
const isIdentifier = (o: TextFieldOptions): boolean => o.identifier === true || o.type === 'tel' || o.type === 'email';

/** What the field says was masked in it, one sentence per kind. */
function maskedNote(kinds: ReadonlySet<RedactionKind> | undefined, ui: UiTexts): string | undefined {
  return kinds?.size ? [...kinds].map((kind) => ui.maskedKinds[kind]).join(' ') : undefined;
}

function section(n: number, title: string, content: TemplateResult): TemplateResult {
  return html`<fieldset part="section">
    <legend><span class="step" aria-hidden="true">${n}</span>${title}</legend>
    <div class="grid">${content}</div>
  </fieldset>`;
}

function why(v: PanelView): TemplateResult {
  const { ui } = v;
  return section(
    1,
    ui.sections.why,
    html`${v.select('reason.code', REASON_CODES, ui.options.reason, { required: true })}
    ${v.select('priority', PRIORITIES, ui.options.priority, { blank: false })}
    ${v.text('reason.detail', { multiline: true, required: true, hint: ui.hints.detail, wide: true, suggested: v.reasonSuggested })}
    ${v.text('case.id', { required: true, identifier: true })} ${v.custom('why')}`,
  );
}

function how(v: PanelView): TemplateResult {
  const { ui, draft } = v;
  const chosen = withPreselections(draft).mode;
  const error = v.error('mode');
  const id = controlId('mode');
  return section(
    2,
    ui.sections.how,
    html`<fieldset class="field radios" part="field" aria-describedby=${error ? `${id}-error` : nothing}>
        <legend>${v.label('mode')} <span class="req">${ui.required}</span></legend>
        ${MODES.map(
          (mode, i) =>
            html`<label class="radio"
              ><input
                type="radio"
                name="mode"
                id=${i === 0 ? id : nothing}
                data-path="mode"
                value=${mode}
                .checked=${live(chosen === mode)}
              />${ui.options.mode[mode]}</label
            >`,
        )}
        ${error ? html`<p class="error" part="error" id="${id}-error">${error.message}</p>` : nothing}
      </fieldset>
      ${v.select('channel', CHANNELS, ui.options.channel, { required: true })} ${v.custom('how')}`,
  );
}

function recap(v: PanelView): TemplateResult {
  const { ui, draft } = v;
  return section(
    3,
    ui.sections.recap,
    html`${v.text('recap.summary', { multiline: true, rows: 4, required: true, hint: ui.hints.summary, wide: true })}
    ${v.text('recap.tried', { multiline: true, hint: ui.hints.tried, value: (draft.recap?.tried ?? []).join('\n'), wide: true })}
    ${v.text('recap.expectation', { wide: true })} ${v.custom('recap')}`,
  );
}

function customer(v: PanelView): TemplateResult {
  const { ui, draft } = v;
  const verified = draft.customer?.verification?.status === 'verified';
  return section(
    4,
    ui.sections.customer,
    html`${v.text('customer.name', { required: true })} ${v.text('customer.accountId', { identifier: true })}
    ${v.text('customer.contact.phone', { type: 'tel' })} ${v.text('customer.contact.email', { type: 'email' })}
    ${v.checkbox('customer.verification.status', verified, 'verified')}
    ${
      verified
        ? html`${v.select('customer.verification.method', VERIFICATION_METHODS, ui.options.verificationMethod, { required: true })}
          ${draft.customer?.verification?.method === 'other' ? v.text('customer.verification.methodDetail', { required: true }) : nothing}
          ${v.text('customer.verification.by')}
          ${v.text('customer.verification.at', { type: 'datetime-local', value: toLocalInput(draft.customer?.verification?.at), hint: ui.hints.datetime })}`
        : nothing
    }
    ${v.custom('customer')}`,
  );
}

const folds = (ui: UiTexts) => ui.folds ?? en.ui.folds!;

/** Most handoffs leave something to do: the first row is there before the agent adds one. */
const EMPTY_ROWS: HandoffDraft['actions'] = [{ text: '', owner: 'receiver' }];
const actionRows = (draft: HandoffDraft) => (draft.actions?.length ? draft.actions : EMPTY_ROWS);

function actions(v: PanelView): TemplateResult {
  const { ui, draft } = v;
  return section(
    5,
    ui.sections.actions,
    html`${actionRows(draft).map(
      (_, i, rows) =>
        html`<div class="action wide">
            ${v.text(`actions.${i}.text`, { required: rows !== EMPTY_ROWS })}
            ${v.select(`actions.${i}.owner`, ACTION_OWNERS, ui.options.owner, { blank: false })}
            ${v.text(`actions.${i}.due`, { type: 'datetime-local', value: toLocalInput(draft.actions?.[i]?.due) })}
            ${
              rows === EMPTY_ROWS
                ? nothing
                : html`<button type="button" class="secondary" @click=${() => v.removeAction(i)}>
                    ${renderTemplate(ui.removeAction, { index: i + 1 })}
                  </button>`
            }
          </div>`,
    )}
      <div class="wide">
        <button type="button" class="secondary" id="add-action" @click=${() => v.addAction()}>${ui.addAction}</button>
      </div>
      ${v.fold(
        'follow-up',
        folds(ui).followUp,
        FOLDS['follow-up'],
        html`${v.text('nextSteps', { multiline: true, wide: true })}
        ${v.text('followUp.at', { type: 'datetime-local', value: toLocalInput(draft.followUp?.at), hint: ui.hints.datetime })}
        ${v.select('followUp.by', FOLLOW_UP_BY, ui.options.followUpBy)}
        ${v.text('followUp.note', { wide: true })}`,
      )}
      ${v.custom('actions')}`,
  );
}

function receiver(v: PanelView): TemplateResult {
  const { ui, lines } = v;
  return section(
    6,
    ui.sections.receiver,
    html`${v.picker} ${v.text('to.name')} ${v.text('to.team', { required: true })} ${v.text('to.expertise', { wide: true })}
      ${v.availability}
      ${v.text('script.managingUp', { multiline: true, required: true, hint: ui.hints.managingUp, value: v.managingUp, wide: true })}
      ${
        v.offerSuggestion
          ? html`<div class="wide">
              <button type="button" class="secondary" @click=${() => v.useSuggestion()}>${ui.useSuggestion}</button>
            </div>`
          : nothing
      }
      <section class="say wide" part="script" aria-labelledby="say">
        <h3 id="say">${ui.sayToCustomer}</h3>
        <dl>
          <dt>${ui.informLine}</dt>
          <dd>${lines.informCustomer}</dd>
          <dt>${ui.apologyLine}</dt>
          <dd>${lines.apology}</dd>
        </dl>
      </section>
      ${v.custom('receiver')}`,
  );
}

function contingency(v: PanelView): TemplateResult {
  const { ui, draft } = v;
  const phone = draft.channel === 'phone';
  return section(
    7,
    ui.sections.contingency,
    html`${v.text('contingency.fallback.phone', { type: 'tel', required: phone, hint: ui.hints.fallback })}
    ${v.text('contingency.fallback.name')}
    ${v.select('contingency.ifUnavailable', IF_UNAVAILABLE, ui.options.ifUnavailable, { required: phone })}
    ${v.text('from.name', { required: true, autocomplete: 'name' })}
    ${v.text('from.agentId', { required: true, identifier: true })}
    ${v.fold(
      'more',
      folds(ui).more,
      FOLDS.more,
      html`${v.text('from.callback', { type: 'tel' })} ${v.text('contingency.note', { wide: true })}`,
    )}
    ${v.custom('contingency')}`,
  );
}

function check(v: PanelView): TemplateResult {
  const script = v.draft.script;
  return section(
    8,
    v.ui.sections.check,
    html`${v.checkbox('script.customerInformed', Boolean(script?.customerInformed))}
    ${v.checkbox('script.apologyGiven', Boolean(script?.apologyGiven))}
    ${v.checkbox('script.detailsConfirmed', Boolean(script?.detailsConfirmed))} ${v.custom('check')}`,
  );
}

/** All eight steps. */
export function renderSections(v: PanelView): TemplateResult {
  return html`${why(v)} ${how(v)} ${recap(v)} ${customer(v)} ${actions(v)} ${receiver(v)} ${contingency(v)} ${check(v)}`;
}

/** The list of problems shown on "Send handoff", each a link that moves focus to its field. */
export function renderErrorSummary(
  errors: readonly FieldError[],
  ui: UiTexts,
  focusId: (path: string) => string,
  onPick: (path: string) => void,
): TemplateResult | typeof nothing {
  if (!errors.length) return nothing;
  const heading =
    errors.length === 1 ? ui.errorSummaryOne : renderTemplate(ui.errorSummaryMany, { count: errors.length });
  return html`<div class="error-summary" role="alert" part="error-summary">
    <p>${heading}</p>
    <ul>
      ${errors.map(
        (e) =>
          html`<li>
            <a
              href="#${focusId(e.path)}"
              @click=${(event: Event) => {
                event.preventDefault();
                onPick(e.path);
              }}
              >${e.message}</a
            >
          </li>`,
      )}
    </ul>
  </div>`;
}
