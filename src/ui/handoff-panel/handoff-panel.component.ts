import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { AckWatchOptions } from '../../acks/watch-acks.js';
import { DraftStore } from '../../drafts/draft-store.js';
import { OutboxStorageError } from '../../outbox/errors.js';
import type { Outbox, OutboxOptions } from '../../outbox/outbox.js';
import type { OutboxEventDetail } from '../../outbox/types.js';
import { fieldLabel, type FieldError } from '../../payload/checker.js';
import { buildHandoff, DEFAULT_FLAG_THRESHOLD } from '../../payload/handoff.js';
import { maskCardNumbers } from '../../payload/redact.js';
import { compileScriptTemplates, suggestScripts, type CompiledScriptTemplates } from '../../payload/scripts.js';
import { renderTemplate } from '../../payload/template.js';
import {
  ACTION_OWNERS, CHANNELS, FOLLOW_UP_BY, IF_UNAVAILABLE, MODES, PRIORITIES, REASON_CODES,
  type HandoffAckV1, type HandoffDraft, type HandoffV1, type Redaction,
} from '../../payload/types.js';
import { emit } from '../events.js';
import { mergeMessages, messagesFor, type HandoffMessages, type HandoffMessagesOverride } from '../messages/catalogue.js';
import { elementDefaults, elementLocale, onDefaultsChange } from '../shared/defaults.js';
import { deadReason, retryingStatus } from '../shared/delivery-status.js';
import { changedStructurally } from '../shared/equal.js';
import { elementOutbox } from '../shared/outbox-registry.js';
import { controlId, controlPath, fromLocalInput, getPath, setPath, toLocalInput } from '../shared/paths.js';
import { baseStyles } from '../shared/base.styles.js';
import { CaseHistoryController, type CaseHistoryHost } from './case-history.controller.js';
import { renderCaseHistory } from './case-history.js';

export interface HandoffPanelConfig {
  /** Outbox options (the endpoint comes from the `endpoint` attribute unless given here). */
  outbox?: Partial<OutboxOptions>;
  /** A whole catalogue (e.g. `es`) or overrides of some strings. */
  messages?: HandoffMessages | HandoffMessagesOverride;
  /** Language of the panel; default: the nearest `lang` attribute, then `en`. */
  locale?: string;
  /** Country calling code for phone numbers typed in national form, e.g. `44`. */
  defaultCallingCode?: string;
  /** Transfer count from which a contact is flagged for the priority lane. Default 2. */
  flagThreshold?: number;
  /** `false` turns draft autosave off. */
  drafts?: false | { name?: string; debounceMs?: number };
  /**
   * How the panel learns that the receiver acknowledged a delivered handoff. Default: polls
   * `GET <endpoint>/<id>` (the reference receiver's route) and stops if the endpoint has none.
   * `false` turns it off.
   */
  acks?: false | AckWatchOptions;
}

type Tone = 'info' | 'ok' | 'warn' | 'error';
type Bag = Record<string, unknown>;

/** Fields whose value changes what else the panel shows; others never re-render on a keystroke. */
const AFFECTS_VIEW = new Set([
  'reason.code', 'reason.detail', 'mode', 'channel', 'customer.name', 'customer.verification.status',
  'to.name', 'to.team', 'to.expertise', 'contingency.fallback.phone', 'script.managingUp',
]);

/** Where to put the focus for an error on a whole object. */
const FOCUS_FOR: Record<string, string> = {
  reason: 'reason.code', case: 'case.id', customer: 'customer.name', 'customer.verification': 'customer.verification.status',
  from: 'from.name', to: 'to.team', recap: 'recap.summary', script: 'script.managingUp', followUp: 'followUp.at',
  contingency: 'contingency.fallback.phone', 'contingency.fallback': 'contingency.fallback.phone',
};

const DEFAULT_DEBOUNCE_MS = 400;

function emptyDraft(): HandoffDraft {
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

const clone = <T,>(value: T): T => structuredClone(value);
/** A control path (`actions.2.due`) as a payload field path (`actions[2].due`). */
const errorPath = (path: string) => path.replace(/\.(\d+)/g, '[$1]');

/**
 * `<handoff-panel>`: walks an agent through a good handoff and sends it through the outbox.
 *
 * @tagname handoff-panel
 * @fires handoff-submit - cancelable; detail is the payload
 * @fires handoff-queued - durably saved; detail `{ payload, item }`
 * @fires handoff-delivered - detail `{ id }`
 * @fires handoff-acknowledged - the receiver acknowledged or declined; detail `{ handoffId, ack }`
 * @fires handoff-failed - detail `{ id?, reason, message }`
 * @fires handoff-invalid - detail `{ errors }`
 * @csspart base - the form
 * @csspart section - each numbered step
 * @csspart field - a label, its control, hint and error
 * @csspart input - every text field, select and text area
 * @csspart error - an error under a field
 * @csspart error-summary - the list of problems shown on "Send handoff"
 * @csspart transfer - the transfer count and priority-lane flag
 * @csspart script - the lines to read to the customer
 * @csspart send-button - the "Send handoff" button
 * @csspart status - the live status line
 * @cssprop --handoff-font - font family
 * @cssprop --handoff-font-size - base size; everything scales from it (default 15px)
 * @cssprop --handoff-color-text
 * @cssprop --handoff-color-muted - hints and secondary text
 * @cssprop --handoff-color-bg
 * @cssprop --handoff-color-surface - fields and sections
 * @cssprop --handoff-color-border
 * @cssprop --handoff-color-accent - primary button, step numbers
 * @cssprop --handoff-color-on-accent
 * @cssprop --handoff-color-danger - errors
 * @cssprop --handoff-color-warn - the priority-lane flag, retries
 * @cssprop --handoff-color-ok - delivered
 * @cssprop --handoff-color-focus - the focus ring
 * @cssprop --handoff-radius
 */
export class HandoffPanel extends LitElement implements CaseHistoryHost {
  static override styles = baseStyles;
  /** `panel.focus()` lands on the first control (the launcher relies on it). */
  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, delegatesFocus: true };

  static override properties = {
    endpoint: { type: String },
    caseId: { type: String, attribute: 'case-id' },
    channel: { type: String },
    customerName: { type: String, attribute: 'customer-name' },
    agentId: { type: String, attribute: 'agent-id' },
    agentName: { type: String, attribute: 'agent-name' },
    receiverName: { type: String, attribute: 'receiver-name' },
    receiverTeam: { type: String, attribute: 'receiver-team' },
    transferCount: { type: Number, attribute: 'transfer-count' },
    training: { type: Boolean },
    customer: { attribute: false, hasChanged: changedStructurally },
    agent: { attribute: false, hasChanged: changedStructurally },
    receiver: { attribute: false, hasChanged: changedStructurally },
    config: { attribute: false, hasChanged: changedStructurally },
    errors: { state: true },
    statusText: { state: true },
  };

  /** Where handoffs are POSTed (or `config.outbox.endpoint`). */
  declare endpoint: string | undefined;
  declare caseId: string | undefined;
  declare channel: HandoffDraft['channel'] | undefined;
  declare customerName: string | undefined;
  declare agentId: string | undefined;
  declare agentName: string | undefined;
  declare receiverName: string | undefined;
  declare receiverTeam: string | undefined;
  declare transferCount: number | undefined;
  /** Marks handoffs as demo or training traffic. */
  declare training: boolean;
  declare customer: HandoffDraft['customer'] | undefined;
  /** The sending agent (the payload's `from`). */
  declare agent: HandoffDraft['from'] | undefined;
  /** The receiver (the payload's `to`). */
  declare receiver: HandoffDraft['to'] | undefined;
  declare config: HandoffPanelConfig;
  protected declare errors: FieldError[];
  protected declare statusText: string;

  private draft: HandoffDraft = emptyDraft();
  private redactions: Redaction[] = [];
  private readonly maskedPaths = new Set<string>();
  private scriptEdited = false;
  private statusTone: Tone = 'info';
  private sentId: string | undefined;
  private unsaved: HandoffV1 | undefined;
  private busy = false;
  private saveTimer: ReturnType<typeof setTimeout> | undefined;
  private drafts: DraftStore | undefined;
  private outbox: Outbox | undefined;
  private messagesCache: { key: unknown; messages: HandoffMessages; templates: CompiledScriptTemplates } | undefined;
  private configError: string | undefined;
  private endpointError: string | undefined;
  /** What the host gave through prefill() for the draft's case: a send returns the form to it. */
  private prefilled: HandoffDraft = {};
  /** The case the draft on screen belongs to (what autosave writes it under). */
  private draftCase = '';
  private readonly history = new CaseHistoryController(this);

  constructor() {
    super();
    this.training = false;
    this.config = {};
    this.errors = [];
    this.statusText = '';
  }

  // ——— public API ———

  /**
   * Fills fields from a partial handoff in the payload's own shape, e.g.
   * `prefill({ case: { id: 'C-1' }, customer: { name: 'Ada' }, transfer: { count: 2 } })`.
   * Throws a TypeError naming any field that is not part of a handoff.
   */
  prefill(partial: HandoffDraft): void {
    const unknown = buildHandoff(partial, {}).errors?.filter((e) => e.code === 'unknown-field' || e.code === 'not-an-object');
    if (unknown?.length) throw new TypeError(`prefill(): ${unknown.map((e) => e.message).join(' ')}`);
    const named = partial.case?.id;
    if (typeof named === 'string' && this.caseId !== undefined && named !== this.caseId) {
      // Filling one case's panel with another customer's details is how handoffs get mixed up.
      throw new TypeError(`prefill(): case.id "${named}" is not this panel's case "${this.caseId}"; set caseId first, then prefill.`);
    }
    // The host may have set a new caseId just before (not rendered yet): the prefill is for that case.
    this.followCase();
    this.prefilled = deepMerge(this.prefilled, partial);
    this.draft = deepMerge(this.draft, partial);
    this.scheduleSave();
    this.requestUpdate();
  }

  /** The current draft (a copy). */
  get value(): HandoffDraft {
    return clone(this.draft);
  }

  /** Whether the agent has typed anything beyond what the host provided and not sent it yet. */
  get hasUnsentDraft(): boolean {
    return JSON.stringify(this.draft) !== JSON.stringify(this.baseline());
  }

  /** Clears the form back to what the host provided, and deletes the saved draft. */
  async reset(): Promise<void> {
    const deleting = this.draftStore()?.clear(this.draftCase).catch(() => undefined);
    this.clearForm();
    await deleting;
  }

  private clearForm(): void {
    clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    this.draft = this.baseline();
    this.redactions = [];
    this.maskedPaths.clear();
    this.scriptEdited = false;
    this.errors = [];
    this.requestUpdate();
  }

  // ——— lifecycle ———

  private stopDefaults: (() => void) | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    this.stopDefaults = onDefaultsChange(this.onDefaults);
    globalThis.addEventListener?.('pagehide', this.saveNow);
    // Knowing an endpoint is enough to start delivering what earlier visits left queued.
    this.getOutbox();
    void this.restoreDraft();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopDefaults?.();
    globalThis.removeEventListener?.('pagehide', this.saveNow);
    this.saveNow();
    this.unsubscribe();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const hostKeys = ['caseId', 'channel', 'customerName', 'agentId', 'agentName', 'receiverName', 'receiverTeam', 'transferCount', 'customer', 'agent', 'receiver'] as const;
    if (changed.has('caseId')) this.followCase();
    if (hostKeys.some((k) => changed.has(k))) this.draft = this.hostDraft(this.draft);
    if (changed.has('endpoint') || changed.has('config')) this.resubscribe();
    this.history.sync();
  }

  /** Once a user has changed a select, only its `value` (not `selected` attributes) moves it. */
  protected override updated(): void {
    for (const select of this.renderRoot.querySelectorAll<HTMLSelectElement>('select[data-path]')) {
      const value = stringValue(getPath(this.draft, select.dataset.path!));
      if (select.value !== value) select.value = value;
    }
  }

  // ——— host values, messages, outbox ———

  /** This panel's config over the page-wide defaults (`HandoffPanel.configure()`). */
  private get cfg(): HandoffPanelConfig {
    return { ...elementDefaults(), ...this.config };
  }

  private readonly onDefaults = (): void => {
    this.messagesCache = undefined;
    this.resubscribe();
    this.requestUpdate();
  };

  /** The form as the host gave it: its attributes and properties over what it prefilled. */
  private baseline(): HandoffDraft {
    return this.hostDraft(deepMerge(emptyDraft(), this.prefilled));
  }

  /** Applies the host's attributes and properties onto a draft. */
  private hostDraft(draft: HandoffDraft): HandoffDraft {
    const from: Bag = { ...this.agent };
    if (this.agentId) from.agentId = this.agentId;
    if (this.agentName) from.name = this.agentName;
    const to: Bag = { ...this.receiver };
    if (this.receiverName) to.name = this.receiverName;
    if (this.receiverTeam) to.team = this.receiverTeam;
    const customer: Bag = { ...this.customer };
    if (this.customerName) customer.name = this.customerName;
    const host: HandoffDraft = { from, to, customer };
    if (this.caseId) host.case = { id: this.caseId };
    if (this.channel) host.channel = this.channel;
    if (this.transferCount !== undefined) host.transfer = { count: this.transferCount };
    return deepMerge(draft, host);
  }

  private get locale(): string {
    return elementLocale(this, this.config.locale);
  }

  private get messages(): HandoffMessages {
    return this.resolveMessages().messages;
  }

  private resolveMessages(): { messages: HandoffMessages; templates: CompiledScriptTemplates } {
    const { locale } = this;
    const cached = this.messagesCache;
    if (cached && cached.key === this.config.messages && cached.messages.locale === locale) return cached;
    const messages = { ...mergeMessages(messagesFor(locale), this.cfg.messages), locale };
    let templates: CompiledScriptTemplates;
    try {
      templates = compileScriptTemplates(messages.templates, messages.templates);
      this.configError = undefined;
    } catch (error) {
      // An integrator's mistake: say so plainly, and fall back to the shipped templates.
      this.configError = (error as Error).message;
      console.error(`<handoff-panel>: ${this.configError}`);
      templates = compileScriptTemplates();
    }
    this.messagesCache = { key: this.config.messages, messages, templates };
    return this.messagesCache;
  }

  private getOutbox(): Outbox | undefined {
    if (!this.outbox) {
      this.outbox = this.configuredOutbox();
      if (!this.outbox) return undefined;
      for (const type of ['sending', 'delivered', 'retrying', 'dead'] as const) this.outbox.addEventListener(type, this.onOutboxEvent);
      this.outbox.addEventListener('auth-required', this.onAuthRequired);
    }
    return this.outbox;
  }

  /** The page's outbox for this panel's endpoint; an endpoint that is not a URL is reported in the panel. */
  private configuredOutbox(): Outbox | undefined {
    try {
      this.endpointError = undefined;
      return elementOutbox(this.endpoint, this.config.outbox);
    } catch (error) {
      this.endpointError = (error as Error).message;
      return undefined;
    }
  }

  /** After an endpoint or config change: follow the outbox only if it is a different one. */
  private resubscribe(): void {
    if (!this.isConnected || this.configuredOutbox() === this.outbox) return;
    this.unsubscribe();
    this.getOutbox();
  }

  private unsubscribe(): void {
    if (!this.outbox) return;
    for (const type of ['sending', 'delivered', 'retrying', 'dead'] as const) this.outbox.removeEventListener(type, this.onOutboxEvent);
    this.outbox.removeEventListener('auth-required', this.onAuthRequired);
    this.outbox = undefined;
  }

  // ——— drafts ———

  private draftStore(): DraftStore | undefined {
    if (this.cfg.drafts === false) return undefined;
    this.drafts ??= new DraftStore(this.cfg.drafts?.name);
    return this.drafts;
  }

  /**
   * Brings the form to the host's case when it moved on. Another case on the same panel (a shared
   * desk, the next customer) is another customer: what was typed is saved under the case it was typed
   * for, nothing prefilled for it carries over, and the form starts from the new case's own draft or
   * from what the host gives. A panel that had no case yet keeps what was typed for the one it is given.
   */
  private followCase(): void {
    const current = this.caseId ?? '';
    if (current === this.draftCase) return;
    if (this.draftCase === '') {
      this.draftCase = current;
      return;
    }
    this.saveNow();
    this.draftCase = current;
    this.prefilled = {};
    this.draft = this.baseline();
    this.redactions = [];
    this.maskedPaths.clear();
    this.scriptEdited = false;
    this.errors = [];
    void this.restoreDraft();
  }

  private async restoreDraft(): Promise<void> {
    const store = this.draftStore();
    if (!store) return;
    const caseId = this.caseId ?? '';
    this.draftCase = caseId;
    const saved = await store.load(caseId).catch(() => undefined);
    if (!saved || caseId !== (this.caseId ?? '')) return;
    this.draft = deepMerge(this.baseline(), saved.draft);
    this.redactions = saved.redactions;
    this.scriptEdited = Boolean(saved.draft.script?.managingUp);
    this.setStatus(this.messages.ui.status.restored, 'info');
  }

  private scheduleSave(): void {
    if (!this.draftStore()) return;
    clearTimeout(this.saveTimer);
    const ms = (this.cfg.drafts === false ? undefined : this.cfg.drafts)?.debounceMs ?? DEFAULT_DEBOUNCE_MS;
    this.saveTimer = setTimeout(this.saveNow, ms);
  }

  /** Saves a pending autosave at once (`pagehide`, a case switch), under the case it was typed for. */
  private readonly saveNow = (): void => {
    if (this.saveTimer === undefined) return;
    clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    void this.draftStore()?.save(this.draftCase, this.draft, this.redactions).catch(() => undefined);
  };

  // ——— editing ———

  private readonly onInput = (event: Event): void => {
    const control = event.target as HTMLInputElement;
    const path = control.dataset.path;
    if (!path) return;
    setPath(this.draft, path, readControl(control));
    if (path === 'script.managingUp') this.scriptEdited = true;
    const hadError = this.errors.some((e) => controlPath(e.path) === path);
    if (hadError) this.errors = this.errors.filter((e) => controlPath(e.path) !== path);
    if (AFFECTS_VIEW.has(path) || control.type === 'checkbox' || control.type === 'radio') this.requestUpdate();
    this.scheduleSave();
  };

  /** On leaving a free-text field: mask any card number in it, visibly. */
  private readonly onChange = (event: Event): void => {
    const control = event.target as HTMLInputElement;
    const path = control.dataset.path;
    if (!path || control.dataset.redact === undefined) return;
    const masked = maskCardNumbers(control.value);
    if (!masked.count) return;
    control.value = masked.text;
    setPath(this.draft, path, readControl(control));
    for (let i = 0; i < masked.count; i++) this.redactions.push({ field: errorPath(path), kind: 'card-number' });
    this.maskedPaths.add(path);
    this.setStatus(this.messages.ui.masked, 'info');
    this.scheduleSave();
  };

  /** Enter in a one-line field must not send a half-finished handoff. */
  private readonly onKeydown = (event: KeyboardEvent): void => {
    const target = event.target as HTMLElement;
    if (event.key === 'Enter' && target instanceof HTMLInputElement && target.type !== 'checkbox' && target.type !== 'radio') event.preventDefault();
  };

  private addAction(): void {
    (this.draft.actions ??= []).push({ text: '', owner: 'receiver' });
    this.requestUpdate();
    this.scheduleSave();
    void this.updateComplete.then(() => this.focusControl(`actions.${this.draft.actions!.length - 1}.text`));
  }

  private removeAction(index: number): void {
    this.draft.actions?.splice(index, 1);
    this.errors = this.errors.filter((e) => !e.path.startsWith('actions['));
    this.requestUpdate();
    this.scheduleSave();
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#add-action')?.focus());
  }

  private useSuggestion(): void {
    if (this.draft.script) delete this.draft.script.managingUp;
    this.scriptEdited = false;
    this.requestUpdate();
    this.scheduleSave();
  }

  /** Errors in the order their fields appear, so the summary reads top-down and focus goes to the first. */
  private inFormOrder(errors: FieldError[]): FieldError[] {
    const controls = [...this.renderRoot.querySelectorAll('[id^="f-"]')].map((el) => el.id);
    const position = (e: FieldError) => {
      const i = controls.indexOf(controlId(FOCUS_FOR[e.path] ?? e.path));
      return i === -1 ? controls.length : i;
    };
    return [...errors].sort((a, b) => position(a) - position(b));
  }

  private focusControl(path: string): void {
    const id = controlId(FOCUS_FOR[path] ?? path);
    this.renderRoot.querySelector<HTMLElement>(`#${CSS.escape(id)}`)?.focus();
  }

  // ——— sending ———

  /** The draft as it will be built: the suggested script unless the agent wrote their own. */
  private draftForBuild(): HandoffDraft {
    const draft = clone(this.draft);
    draft.script ??= {};
    if (!this.scriptEdited || !draft.script.managingUp?.trim()) draft.script.managingUp = this.suggestions().managingUp;
    return draft;
  }

  private suggestions() {
    return suggestScripts(this.draft, this.resolveMessages().templates);
  }

  private async onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.busy) return;
    const { ui } = this.messages;
    const result = buildHandoff(this.draftForBuild(), {
      locale: this.locale,
      training: this.training || undefined,
      defaultCallingCode: this.cfg.defaultCallingCode,
      flagThreshold: this.cfg.flagThreshold,
      messages: this.messages.validation,
      fieldLabels: this.messages.fieldLabels,
      redactions: this.redactions,
    });
    if (!result.ok) {
      this.errors = this.inFormOrder(result.errors);
      emit(this, 'handoff-invalid', { errors: this.errors });
      await this.updateComplete;
      this.focusControl(controlPath(this.errors[0]!.path));
      return;
    }
    this.errors = [];
    const payload = result.payload;
    const outbox = this.getOutbox();
    if (!outbox) {
      this.setStatus(ui.status.noEndpoint, 'error');
      return;
    }
    if (!emit(this, 'handoff-submit', payload, true)) {
      this.setStatus(ui.status.cancelled, 'warn');
      return;
    }
    this.busy = true;
    this.setStatus(ui.status.saving, 'info');
    this.sentId = payload.id;
    const sentCase = this.draftCase;
    try {
      const item = await outbox.enqueue(payload);
      this.unsaved = undefined;
      void this.history.record(payload, outbox);
      // Ready for the next handoff at once: the form clears now, its saved draft is deleted behind it
      // (that transaction is created first, so it cannot delete a newer draft saved after it). If the
      // host moved to another case meanwhile, only the sent case's draft goes; the form is that case's.
      const deletingDraft = this.draftCase === sentCase ? this.reset() : this.draftStore()?.clear(sentCase).catch(() => undefined);
      this.busy = false;
      const online = typeof navigator === 'undefined' || navigator.onLine;
      // Delivery may already have moved on; only say "sending" if nothing newer was reported.
      if (this.statusText === ui.status.saving) this.setStatus(online ? ui.status.sending : ui.status.queuedOffline, online ? 'info' : 'warn');
      emit(this, 'handoff-queued', { payload, item });
      await deletingDraft;
    } catch (error) {
      this.sentId = undefined;
      this.unsaved = payload;
      const message = error instanceof OutboxStorageError ? error.message : String(error);
      this.setStatus(renderTemplate(ui.status.notSaved, { reason: message }), 'error');
      emit(this, 'handoff-failed', { id: payload.id, reason: 'storage', message });
    } finally {
      this.busy = false;
    }
  }

  private readonly onOutboxEvent = (event: Event): void => {
    const detail = (event as CustomEvent<OutboxEventDetail>).detail;
    if (detail.id !== this.sentId) return;
    const { status } = this.messages.ui;
    switch (event.type) {
      case 'sending':
        this.setStatus(status.sending, 'info');
        return;
      case 'delivered':
        this.setStatus(status.delivered, 'ok');
        emit(this, 'handoff-delivered', { id: detail.id });
        return;
      case 'retrying':
        this.setStatus(retryingStatus(detail, status, this.locale), 'warn');
        return;
      case 'dead': {
        const expired = detail.deadReason === 'expired';
        const message = expired ? status.expired : renderTemplate(status.rejected, { reason: deadReason(detail) });
        this.setStatus(message, 'error');
        emit(this, 'handoff-failed', { id: detail.id, reason: expired ? 'expired' : 'rejected', message });
      }
    }
  };

  // ——— the case's earlier handoffs (CaseHistoryHost) ———

  /** @internal */
  get historyCase(): string | undefined {
    const typed = this.draft.case?.id;
    return this.caseId ?? (typed === '' ? undefined : typed);
  }

  /** @internal */
  get historyOutbox(): Outbox | undefined {
    return this.outbox;
  }

  /** @internal */
  get ackOptions(): AckWatchOptions | false {
    return this.cfg.acks ?? {};
  }

  /** @internal */
  get sentLogName(): string | undefined {
    const drafts = this.cfg.drafts;
    return drafts === false ? undefined : (drafts?.name ?? 'handoff-drafts');
  }

  private async dismissHistory(id: string): Promise<void> {
    const buttons = [...this.renderRoot.querySelectorAll<HTMLElement>('.history button')];
    const next = buttons[buttons.findIndex((b) => b.closest('li')?.dataset.id === id) + 1];
    await this.history.dismiss(id);
    await this.updateComplete;
    (next?.isConnected ? next : this.renderRoot.querySelector<HTMLElement>('select, input, textarea'))?.focus();
  }

  /** @internal An acknowledgement of one of the case's handoffs. */
  onAck(ack: HandoffAckV1): void {
    emit(this, 'handoff-acknowledged', { handoffId: ack.handoffId, ack });
    // Only the latest handoff speaks in the status line; earlier ones still raise the event.
    if (ack.handoffId !== this.sentId) return;
    const { status } = this.messages.ui;
    const name = ack.by.name;
    if (ack.accepted) this.setStatus(renderTemplate(status.acknowledged, { name, time: new Date(ack.at).toLocaleTimeString(this.locale) }), 'ok');
    else this.setStatus(renderTemplate(status.declined, { name, reason: ack.declineReason ?? '' }), 'warn');
  }

  private readonly onAuthRequired = (): void => {
    if (!this.sentId) return;
    const message = this.messages.ui.status.auth;
    this.setStatus(message, 'error');
    emit(this, 'handoff-failed', { id: this.sentId, reason: 'auth', message });
  };

  private setStatus(text: string, tone: Tone): void {
    this.statusTone = tone;
    this.statusText = text;
  }

  private async copyUnsaved(): Promise<void> {
    if (!this.unsaved) return;
    await navigator.clipboard.writeText(JSON.stringify(this.unsaved, null, 2)).then(
      () => this.setStatus(this.messages.ui.copied, 'info'),
      () => undefined,
    );
  }

  // ——— rendering ———

  private label(path: string): string {
    return fieldLabel(this.messages.fieldLabels, errorPath(path));
  }

  private errorFor(path: string): FieldError | undefined {
    return this.errors.find((e) => controlPath(e.path) === path);
  }

  /** A labelled control with its hint, error and masking note. */
  private field(path: string, control: (describedBy: string, invalid: boolean) => TemplateResult, options: { hint?: string; required?: boolean; wide?: boolean } = {}): TemplateResult {
    const id = controlId(path);
    const error = this.errorFor(path);
    const describedBy = [options.hint ? `${id}-hint` : '', error ? `${id}-error` : '', this.maskedPaths.has(path) ? `${id}-masked` : ''].filter(Boolean).join(' ');
    return html`<div class="field ${options.wide ? 'wide' : ''}" part="field">
      <div class="label-row">
        <label for=${id}>${this.label(path)}</label>
        ${options.required ? html`<span class="req">${this.messages.ui.required}</span>` : nothing}
      </div>
      ${options.hint ? html`<p class="hint" id="${id}-hint">${options.hint}</p>` : nothing}
      ${control(describedBy, Boolean(error))}
      ${this.maskedPaths.has(path) ? html`<p class="masked" id="${id}-masked">${this.messages.ui.masked}</p>` : nothing}
      ${error ? html`<p class="error" part="error" id="${id}-error">${error.message}</p>` : nothing}
    </div>`;
  }

  private textField(path: string, options: { type?: string; multiline?: boolean; rows?: number; hint?: string; required?: boolean; redact?: boolean; autocomplete?: string; wide?: boolean; value?: string } = {}): TemplateResult {
    const value = options.value ?? stringValue(getPath(this.draft, path));
    return this.field(path, (describedBy, invalid) =>
      options.multiline
        ? html`<textarea part="input" id=${controlId(path)} data-path=${path} data-redact=${options.redact ? '' : nothing} data-kind=${path === 'recap.tried' ? 'lines' : nothing}
            rows=${options.rows ?? 3} .value=${live(value)} ?required=${options.required} aria-invalid=${invalid ? 'true' : 'false'}
            aria-describedby=${describedBy || nothing}></textarea>`
        : html`<input part="input" id=${controlId(path)} data-path=${path} data-redact=${options.redact ? '' : nothing}
            data-kind=${options.type === 'datetime-local' ? 'datetime' : nothing} type=${options.type ?? nothing} .value=${live(value)}
            ?required=${options.required} autocomplete=${options.autocomplete ?? 'off'} aria-invalid=${invalid ? 'true' : 'false'}
            aria-describedby=${describedBy || nothing} />`,
    options);
  }

  private selectField(path: string, values: readonly string[], labels: Record<string, string>, options: { required?: boolean; blank?: boolean } = {}): TemplateResult {
    const current = stringValue(getPath(this.draft, path));
    return this.field(path, (describedBy, invalid) => html`<select part="input" id=${controlId(path)} data-path=${path}
        ?required=${options.required} aria-invalid=${invalid ? 'true' : 'false'} aria-describedby=${describedBy || nothing}>
        ${options.blank !== false ? html`<option value="" ?selected=${!current}>—</option>` : nothing}
        ${values.map((v) => html`<option value=${v} ?selected=${current === v}>${labels[v]}</option>`)}
      </select>`, options);
  }

  private checkbox(path: string, checked: boolean, value?: string): TemplateResult {
    const id = controlId(path);
    const error = this.errorFor(path);
    return html`<div class="check" part="field">
      <input type="checkbox" id=${id} data-path=${path} data-value=${value ?? nothing} .checked=${live(checked)}
        aria-invalid=${error ? 'true' : 'false'} aria-describedby=${error ? `${id}-error` : nothing} />
      <label for=${id}>${this.label(path)}</label>
      ${error ? html`<p class="error" part="error" id="${id}-error">${error.message}</p>` : nothing}
    </div>`;
  }

  private section(n: number, title: string, content: TemplateResult): TemplateResult {
    return html`<fieldset part="section"><legend><span class="step" aria-hidden="true">${n}</span>${title}</legend><div class="grid">${content}</div></fieldset>`;
  }

  protected override render(): TemplateResult {
    const { ui } = this.messages;
    const { options: o } = ui;
    const d = this.draft;
    const phone = d.channel === 'phone';
    const verified = d.customer?.verification?.status === 'verified';
    const count = typeof d.transfer?.count === 'number' ? d.transfer.count : 1;
    const flagged = count >= (this.cfg.flagThreshold ?? DEFAULT_FLAG_THRESHOLD);
    const lines = this.suggestions();
    const managingUp = this.scriptEdited ? stringValue(d.script?.managingUp) : lines.managingUp;

    return html`<form class="base" part="base" novalidate @submit=${this.onSubmit} @input=${this.onInput} @change=${this.onChange} @keydown=${this.onKeydown}
        aria-labelledby="title">
      <header>
        <h2 id="title">${ui.title}</h2>
        <p class="transfer ${flagged ? 'flagged' : ''}" part="transfer">${renderTemplate(flagged ? ui.flagged : ui.transferCount, { count })}</p>
      </header>
      ${this.configError ? html`<p class="config-error" role="alert">${this.configError}</p>` : nothing}
      ${this.endpointError ? html`<p class="config-error" role="alert">${this.endpointError}</p>` : nothing}
      ${renderCaseHistory(this.history.items, this.messages.ui.history, this.locale, (id) => void this.dismissHistory(id))}
      ${this.renderErrorSummary()}

      ${this.section(1, ui.sections.why, html`
        ${this.selectField('reason.code', REASON_CODES, o.reason, { required: true })}
        ${this.selectField('priority', PRIORITIES, o.priority, { blank: false })}
        ${this.textField('reason.detail', { multiline: true, required: true, redact: true, hint: ui.hints.detail, wide: true })}
        ${this.textField('case.id', { required: true })}`)}

      ${this.section(2, ui.sections.how, html`
        <fieldset class="field radios" part="field" aria-describedby=${this.errorFor('mode') ? `${controlId('mode')}-error` : nothing}>
          <legend>${this.label('mode')} <span class="req">${ui.required}</span></legend>
          ${MODES.map((mode, i) => html`<label class="radio"><input type="radio" name="mode" id=${i === 0 ? controlId('mode') : nothing}
            data-path="mode" value=${mode} .checked=${live(d.mode === mode)} />${o.mode[mode]}</label>`)}
          ${this.errorFor('mode') ? html`<p class="error" part="error" id="${controlId('mode')}-error">${this.errorFor('mode')!.message}</p>` : nothing}
        </fieldset>
        ${this.selectField('channel', CHANNELS, o.channel, { required: true })}`)}

      ${this.section(3, ui.sections.recap, html`
        ${this.textField('recap.summary', { multiline: true, rows: 4, required: true, redact: true, hint: ui.hints.summary, wide: true })}
        ${this.textField('recap.tried', { multiline: true, redact: true, hint: ui.hints.tried, value: (d.recap?.tried ?? []).join('\n'), wide: true })}
        ${this.textField('recap.expectation', { redact: true, wide: true })}`)}

      ${this.section(4, ui.sections.customer, html`
        ${this.textField('customer.name', { required: true })}
        ${this.textField('customer.accountId')}
        ${this.textField('customer.contact.phone', { type: 'tel' })}
        ${this.textField('customer.contact.email', { type: 'email' })}
        ${this.checkbox('customer.verification.status', verified, 'verified')}
        ${verified ? html`
          ${this.textField('customer.verification.method', { required: true, redact: true })}
          ${this.textField('customer.verification.by')}
          ${this.textField('customer.verification.at', { type: 'datetime-local', value: toLocalInput(d.customer?.verification?.at), hint: ui.hints.datetime })}` : nothing}`)}

      ${this.section(5, ui.sections.actions, html`
        ${(d.actions ?? []).map((_, i) => html`<div class="action wide">
          ${this.textField(`actions.${i}.text`, { redact: true, required: true })}
          ${this.selectField(`actions.${i}.owner`, ACTION_OWNERS, o.owner, { blank: false })}
          ${this.textField(`actions.${i}.due`, { type: 'datetime-local', value: toLocalInput(d.actions?.[i]?.due) })}
          <button type="button" class="secondary" @click=${() => this.removeAction(i)}>${renderTemplate(ui.removeAction, { index: i + 1 })}</button>
        </div>`)}
        <div class="wide"><button type="button" class="secondary" id="add-action" @click=${this.addAction}>${ui.addAction}</button></div>
        ${this.textField('nextSteps', { multiline: true, redact: true, wide: true })}
        ${this.textField('followUp.at', { type: 'datetime-local', value: toLocalInput(d.followUp?.at), hint: ui.hints.datetime })}
        ${this.selectField('followUp.by', FOLLOW_UP_BY, o.followUpBy)}
        ${this.textField('followUp.note', { redact: true, wide: true })}`)}

      ${this.section(6, ui.sections.receiver, html`
        ${this.textField('to.name')}
        ${this.textField('to.team', { required: true })}
        ${this.textField('to.expertise', { wide: true })}
        ${this.textField('script.managingUp', { multiline: true, required: true, redact: true, hint: ui.hints.managingUp, value: managingUp, wide: true })}
        ${this.scriptEdited && managingUp !== lines.managingUp
          ? html`<div class="wide"><button type="button" class="secondary" @click=${this.useSuggestion}>${ui.useSuggestion}</button></div>`
          : nothing}
        <section class="say wide" part="script" aria-labelledby="say">
          <h3 id="say">${ui.sayToCustomer}</h3>
          <dl><dt>${ui.informLine}</dt><dd>${lines.informCustomer}</dd><dt>${ui.apologyLine}</dt><dd>${lines.apology}</dd></dl>
        </section>`)}

      ${this.section(7, ui.sections.contingency, html`
        ${this.textField('contingency.fallback.phone', { type: 'tel', required: phone, hint: ui.hints.fallback })}
        ${this.textField('contingency.fallback.name')}
        ${this.selectField('contingency.ifUnavailable', IF_UNAVAILABLE, o.ifUnavailable, { required: phone })}
        ${this.textField('from.callback', { type: 'tel' })}
        ${this.textField('from.name', { required: true, autocomplete: 'name' })}
        ${this.textField('from.agentId', { required: true })}
        ${this.textField('contingency.note', { redact: true, wide: true })}`)}

      ${this.section(8, ui.sections.check, html`
        ${this.checkbox('script.customerInformed', Boolean(d.script?.customerInformed))}
        ${this.checkbox('script.apologyGiven', Boolean(d.script?.apologyGiven))}
        ${this.checkbox('script.detailsConfirmed', Boolean(d.script?.detailsConfirmed))}`)}

      <div class="actions">
        <button type="submit" class="primary" part="send-button">${ui.send}</button>
        ${this.unsaved ? html`<button type="button" class="secondary" @click=${this.copyUnsaved}>${ui.copy}</button>` : nothing}
      </div>
      <p class="status ${this.statusTone}" role="status" aria-live="polite" part="status">${this.statusText}</p>
    </form>`;
  }

  private renderErrorSummary(): TemplateResult | typeof nothing {
    if (!this.errors.length) return nothing;
    const { ui } = this.messages;
    const heading = this.errors.length === 1 ? ui.errorSummaryOne : renderTemplate(ui.errorSummaryMany, { count: this.errors.length });
    return html`<div class="error-summary" role="alert" part="error-summary">
      <p>${heading}</p>
      <ul>${this.errors.map((e) => html`<li><a href="#${controlId(FOCUS_FOR[e.path] ?? e.path)}" @click=${(ev: Event) => {
        ev.preventDefault();
        this.focusControl(controlPath(e.path));
      }}>${e.message}</a></li>`)}</ul>
    </div>`;
  }
}

/** What a control holds, in the draft's terms. */
function readControl(control: HTMLInputElement): unknown {
  if (control.type === 'checkbox') return control.dataset.value ? (control.checked ? control.dataset.value : 'unverified') : control.checked;
  if (control.dataset.kind === 'lines') return control.value.split('\n');
  if (control.dataset.kind === 'datetime') return fromLocalInput(control.value);
  return control.value;
}

function stringValue(value: unknown): string {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
}

/** Merges `patch` into a copy of `base`; lists are replaced, objects merged. */
function deepMerge<T>(base: T, patch: unknown): T {
  if (!patch || typeof patch !== 'object' || Array.isArray(patch)) return (patch === undefined ? base : patch) as T;
  const out: Bag = { ...(base as Bag) };
  for (const [key, value] of Object.entries(patch as Bag)) {
    if (value === undefined) continue;
    out[key] = value && typeof value === 'object' && !Array.isArray(value) ? deepMerge(out[key] ?? {}, value) : clone(value);
  }
  return out as T;
}
