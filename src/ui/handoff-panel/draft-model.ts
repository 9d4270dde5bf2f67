/**
 * The panel's draft as data: what the agent typed over what the host gave, the maskings made on the
 * way, and how a form control's value is read into it. No Lit, no DOM beyond reading a control.
 */
import { fieldLabel, type FieldError } from '../../payload/checker.js';
import { containsCardNumber, maskLines, maskText } from '../../payload/redact.js';
import { renderTemplate } from '../../payload/template.js';
import type { HandoffMessages } from '../messages/catalogue.js';
import type { HandoffDraft, Redaction, RedactionKind } from '../../payload/types.js';
import { fromLocalInput, getPath, setPath } from '../shared/paths.js';

type Bag = Record<string, unknown>;

/**
 * The mode preselected until the agent picks one: warm where the agent can stay on (phone, chat, in
 * person; the seeds' assisted model), blind for email and when the agent is leaving (a shift change,
 * absence cover).
 */
export function defaultMode(draft: HandoffDraft): HandoffDraft['mode'] {
  if (!draft.channel) return undefined;
  const leaving = draft.reason?.code === 'shift-change' || draft.reason?.code === 'absence-cover';
  return draft.channel === 'email' || leaving ? 'blind' : 'warm';
}

/** The draft as the form shows it: with the mode preselected. */
export const withPreselections = (draft: HandoffDraft): HandoffDraft =>
  draft.mode || !defaultMode(draft) ? draft : { ...draft, mode: defaultMode(draft) };

/** Fields whose value changes what else the panel shows; others never re-render on a keystroke. */
export const AFFECTS_VIEW: ReadonlySet<string> = new Set([
  'reason.code',
  'reason.detail',
  'mode',
  'channel',
  'customer.name',
  'customer.verification.status',
  'customer.verification.method',
  'to.name',
  'to.team',
  'to.expertise',
  'contingency.fallback.phone',
  'script.managingUp',
]);

/** The optional fields folded away until opened, per fold; the fold counts those filled. */
export const FOLDS = {
  'follow-up': ['nextSteps', 'followUp.at', 'followUp.by', 'followUp.note'],
  more: ['from.callback', 'contingency.note'],
} as const;
const FOLDED: ReadonlySet<string> = new Set(Object.values(FOLDS).flat());

/** Where to put the focus for an error on a whole object. */
export const FOCUS_FOR: Readonly<Record<string, string>> = {
  reason: 'reason.code',
  case: 'case.id',
  customer: 'customer.name',
  'customer.verification': 'customer.verification.status',
  from: 'from.name',
  to: 'to.team',
  recap: 'recap.summary',
  script: 'script.managingUp',
  followUp: 'followUp.at',
  contingency: 'contingency.fallback.phone',
  'contingency.fallback': 'contingency.fallback.phone',
  // No actions: the first row, which is there before there is one.
  actions: 'actions.0.text',
};

export function emptyDraft(): HandoffDraft {
  return {
    priority: 'normal',
    reason: {},
    case: {},
    customer: { contact: {}, verification: { status: 'unverified' } },
    from: {},
    to: {},
    recap: {},
    actions: [],
    script: { customerInformed: false, apologyGiven: false, detailsConfirmed: false },
    contingency: { fallback: {} },
    transfer: {},
  };
}

/** What the host says about the handoff through the panel's attributes and properties. */
export interface HostValues {
  caseId?: string;
  channel?: HandoffDraft['channel'];
  customerName?: string;
  agentId?: string;
  agentName?: string;
  receiverName?: string;
  receiverTeam?: string;
  transferCount?: number;
  customer?: HandoffDraft['customer'];
  agent?: HandoffDraft['from'];
  receiver?: HandoffDraft['to'];
}

/** The properties whose change puts the host's values on the draft again. */
export const HOST_KEYS = [
  'caseId',
  'channel',
  'customerName',
  'agentId',
  'agentName',
  'receiverName',
  'receiverTeam',
  'transferCount',
  'customer',
  'agent',
  'receiver',
] as const;

/** Lays the host's values over a draft: attributes over the object properties they belong to. */
export function withHostValues(draft: HandoffDraft, host: HostValues): HandoffDraft {
  const from: Bag = { ...host.agent };
  if (host.agentId) from.agentId = host.agentId;
  if (host.agentName) from.name = host.agentName;
  const to: Bag = { ...host.receiver };
  if (host.receiverName) to.name = host.receiverName;
  if (host.receiverTeam) to.team = host.receiverTeam;
  const customer: Bag = { ...host.customer };
  if (host.customerName) customer.name = host.customerName;
  const values: HandoffDraft = { from, to, customer };
  if (host.caseId) values.case = { id: host.caseId };
  if (host.channel) values.channel = host.channel;
  if (host.transferCount !== undefined) values.transfer = { count: host.transferCount };
  return deepMerge(draft, values);
}

export const clone = <T>(value: T): T => structuredClone(value);

/** Merges `patch` into a copy of `base`; lists are replaced, objects merged. */
export function deepMerge<T>(base: T, patch: unknown): T {
  if (!patch || typeof patch !== 'object' || Array.isArray(patch)) return (patch === undefined ? base : patch) as T;
  const out: Bag = { ...(base as Bag) };
  for (const [key, value] of Object.entries(patch as Bag)) {
    // A pasted or prefilled `__proto__` is a key like any other in JSON, and a prototype here.
    if (value === undefined || key === '__proto__' || key === 'constructor' || key === 'prototype') continue;
    out[key] =
      value && typeof value === 'object' && !Array.isArray(value) ? deepMerge(out[key] ?? {}, value) : clone(value);
  }
  return out as T;
}

/** A control path (`actions.2.due`) as a payload field path (`actions[2].due`). */
export const errorPath = (path: string): string => path.replace(/\.(\d+)/g, '[$1]');

/** What a control holds, in the draft's terms. */
export function readControl(control: HTMLInputElement): unknown {
  if (control.type === 'checkbox')
    return control.dataset.value ? (control.checked ? control.dataset.value : 'unverified') : control.checked;
  if (control.dataset.kind === 'lines') return control.value.split('\n');
  if (control.dataset.kind === 'datetime') return fromLocalInput(control.value);
  return control.value;
}

/** As a control shows it: a yes/no custom field given as a boolean shows as its option. */
export function stringValue(value: unknown): string {
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
}

/** The form's content: the draft on screen, what the host prefilled for its case, what was masked. */
export class DraftModel {
  draft: HandoffDraft = emptyDraft();
  /** Maskings made as the agent typed, carried into the payload's `redactions`. */
  redactions: Redaction[] = [];
  /** Control paths where something was masked, and what (the field says so). */
  readonly maskedPaths = new Map<string, Set<RedactionKind>>();
  /** The agent wrote their own managing-up script (else the suggestion is used). */
  scriptEdited = false;
  /** What the host gave through prefill() for the draft's case: a send returns the form to it. */
  #prefilled: HandoffDraft = {};

  readonly #host: () => HostValues;

  constructor(host: () => HostValues) {
    this.#host = host;
  }

  /** The form as the host gave it: its attributes and properties over what it prefilled. */
  baseline(): HandoffDraft {
    return withHostValues(deepMerge(emptyDraft(), this.#prefilled), this.#host());
  }

  /** Whether anything differs from what the host gave. */
  get unsent(): boolean {
    return JSON.stringify(this.draft) !== JSON.stringify(this.baseline());
  }

  prefill(partial: HandoffDraft): void {
    this.#prefilled = deepMerge(this.#prefilled, partial);
    this.draft = deepMerge(this.draft, partial);
  }

  /** Puts values on the draft as if the agent typed them (a directory pick, a proposal taken). */
  fill(patch: HandoffDraft): void {
    this.draft = deepMerge(this.draft, patch);
  }

  /** The host's values changed: they go over the draft again. */
  applyHost(): void {
    this.draft = withHostValues(this.draft, this.#host());
  }

  /** Back to what the host gave; `forgetPrefill` for another case, whose customer is another. */
  clear(forgetPrefill = false): void {
    if (forgetPrefill) this.#prefilled = {};
    this.draft = this.baseline();
    this.redactions = [];
    this.maskedPaths.clear();
    this.scriptEdited = false;
  }

  /** A saved draft of this case over what the host gives. */
  restore(draft: HandoffDraft, redactions: Redaction[]): void {
    this.draft = deepMerge(this.baseline(), draft);
    this.redactions = redactions;
    this.scriptEdited = Boolean(draft.script?.managingUp);
  }

  /** Reads a control into the draft. Returns whether the rest of the form may have to change. */
  input(control: HTMLInputElement, path: string): boolean {
    // The first action's row is shown before there is one: typing in it makes it.
    const row = /^actions\.(\d+)\./.exec(path);
    if (row && !this.draft.actions?.[Number(row[1])]) this.addAction();
    const wasFilled = Boolean(this.text(path).trim());
    setPath(this.draft, path, readControl(control));
    // One action typed in and emptied again is no action: the row goes back to the one shown before.
    const only = this.draft.actions?.length === 1 ? this.draft.actions[0] : undefined;
    if (row && only && !only.text?.trim() && !only.due && only.owner === 'receiver') this.draft.actions = [];
    if (path === 'script.managingUp') this.scriptEdited = true;
    // A fold's count of filled fields changes when one becomes filled or empty.
    const recount = FOLDED.has(path) && wasFilled !== Boolean(this.text(path).trim());
    // A due time or a follow-up may now be one the receiver cannot meet: its warning changes.
    const timed = /^actions\.\d+\.due$|^followUp\.at$/.test(path);
    return AFFECTS_VIEW.has(path) || recount || timed || control.type === 'checkbox' || control.type === 'radio';
  }

  /**
   * Masks every card number and secret in a text control the agent left, visibly (the lines of "what
   * has been tried" as one text). Returns whether anything was.
   */
  mask(control: HTMLInputElement, path: string): boolean {
    const lines = control.dataset.kind === 'lines';
    const masked = lines ? maskLines(control.value.split('\n')) : maskText(control.value);
    if (!masked.found.length) return false;
    control.value = 'lines' in masked ? masked.lines.join('\n') : masked.text;
    setPath(this.draft, path, readControl(control));
    const kinds = this.maskedPaths.get(path) ?? new Set<RedactionKind>();
    for (const found of masked.found) {
      const field = 'line' in found ? `${errorPath(path)}[${found.line}]` : errorPath(path);
      this.redactions.push({ field, kind: found.kind });
      kinds.add(found.kind);
    }
    this.maskedPaths.set(path, kinds);
    return true;
  }

  /**
   * After the agent chose a reason: its suggested "why I can't resolve it" goes in the field, if the
   * field is empty or still holds the suggestion for the reason chosen before. Returns whether it did.
   */
  suggestReason(previous: string | undefined, suggestions: Partial<Record<string, string>> | undefined): boolean {
    const detail = this.draft.reason?.detail?.trim() ?? '';
    if (detail && detail !== (previous && suggestions?.[previous])) return false;
    const code = this.draft.reason?.code;
    setPath(this.draft, 'reason.detail', (code && suggestions?.[code]) ?? '');
    return true;
  }

  holdsReasonSuggestion(suggestions: Partial<Record<string, string>> | undefined): boolean {
    const code = this.draft.reason?.code;
    return Boolean(code && suggestions?.[code] && this.text('reason.detail') === suggestions[code]);
  }

  /** Adds an empty action row; returns its index. */
  addAction(): number {
    (this.draft.actions ??= []).push({ text: '', owner: 'receiver' });
    return this.draft.actions.length - 1;
  }

  removeAction(index: number): void {
    this.draft.actions?.splice(index, 1);
  }

  /** Brings the suggested managing-up script back. */
  useSuggestion(): void {
    if (this.draft.script) delete this.draft.script.managingUp;
    this.scriptEdited = false;
  }

  /** The managing-up script shown: the agent's own, or the suggestion. */
  managingUp(suggested: string): string {
    return this.scriptEdited ? stringValue(this.draft.script?.managingUp) : suggested;
  }

  /** The draft as it will be built: the suggested script unless the agent wrote their own. */
  forBuild(suggested: string): HandoffDraft {
    const draft = clone(withPreselections(this.draft));
    draft.script ??= {};
    if (!this.scriptEdited || !draft.script.managingUp?.trim()) draft.script.managingUp = suggested;
    return draft;
  }

  /** A field's value as its control shows it. */
  text(path: string): string {
    return stringValue(getPath(this.draft, path));
  }
}

/** An id the agent typed that holds a card number: refused at the field (masked, it would point nowhere). */
export function cardInIdentifier(value: string, path: string, messages: HandoffMessages): FieldError | undefined {
  if (!containsCardNumber(value)) return undefined;
  const field = fieldLabel(messages.fieldLabels, errorPath(path));
  const code = 'card-number-in-identifier';
  return { path: errorPath(path), code, message: renderTemplate(messages.validation[code], { field }), params: {} };
}
