import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { SavedDraft } from '../../drafts/draft-store.js';
import type { FieldError } from '../../payload/checker.js';
import { buildHandoff, DEFAULT_FLAG_THRESHOLD } from '../../payload/handoff.js';
import { suggestScripts } from '../../payload/scripts.js';
import { renderTemplate } from '../../payload/template.js';
import type { HandoffAckV1, HandoffDraft, HandoffV1 } from '../../payload/types.js';
import { emit } from '../events.js';
import { en, type HandoffMessages } from '../messages/catalogue.js';
import type { HandoffPanelConfig } from '../shared/config.js';
import { DeliveryController } from '../shared/controllers/delivery.controller.js';
import { MessagesController } from '../shared/controllers/messages.controller.js';
import { OutboxController } from '../shared/controllers/outbox.controller.js';
import { elementDefaults } from '../shared/defaults.js';
import { changedStructurally } from '../shared/equal.js';
import { formStyles } from '../shared/form.styles.js';
import { controlId, controlPath, leafPaths } from '../shared/paths.js';
import { textReset, tokenStyles } from '../shared/tokens.styles.js';
import { CaseHistoryController } from './case-history.controller.js';
import { renderCaseHistory } from './case-history.js';
import { DirectoryController } from './directory.controller.js';
import { DraftAutosave } from './draft-autosave.controller.js';
import { DraftModel, FOCUS_FOR, HOST_KEYS, cardInIdentifier, clone, withPreselections } from './draft-model.js';
import { checkPrefill, inFormOrder, reveal } from './form-checks.js';
import { panelStyles } from './handoff-panel.styles.js';
import { announceDelivery, copyJson, panelStatus, type Notice } from './panel-status.js';
import { scriptTemplatesCache } from './script-templates.js';
import { renderQualityChecklist } from './quality-checklist.js';
import { QualityController } from './quality.controller.js';
import { ShortcutsController, renderShortcutHint } from './shortcuts.controller.js';
import { panelView, renderErrorSummary, renderSections } from './sections.js';
import { TemplateController } from './template.controller.js';

export type { HandoffPanelConfig } from '../shared/config.js';

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
 * @csspart history - the case's earlier handoffs and their fate
 * @csspart section - each numbered step
 * @csspart field - a label, its control, hint and error
 * @csspart input - every text field, select and text area
 * @csspart error - an error under a field
 * @csspart warning - a warning under a field that does not block sending (a due time the receiver cannot meet)
 * @csspart error-summary - the list of problems shown on "Send handoff"
 * @csspart transfer - the transfer count and priority-lane flag
 * @csspart quality - the checklist of what the handoff still lacks (never blocks sending)
 * @csspart script - the lines to read to the customer
 * @csspart send-button - the "Send handoff" button
 * @csspart shortcuts - the keyboard shortcuts, under it
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
export class HandoffPanel extends LitElement {
  static override styles = [tokenStyles, textReset('.base'), formStyles, panelStyles];
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
    notice: { state: true },
  };

  /** Where handoffs are POSTed (or `config.outbox.endpoint`, or the page-wide default). */
  declare endpoint: string | undefined;
  /** The host's case (ticket) id; drafts and the history are kept per case. */
  declare caseId: string | undefined;
  declare channel: HandoffDraft['channel'] | undefined;
  declare customerName: string | undefined;
  declare agentId: string | undefined;
  declare agentName: string | undefined;
  declare receiverName: string | undefined;
  declare receiverTeam: string | undefined;
  /** This transfer's number (1 for the first); from the flag threshold on, the contact is flagged. */
  declare transferCount: number | undefined;
  /**
   * Marks handoffs as demo or training traffic.
   * @default false
   */
  declare training: boolean;
  declare customer: HandoffDraft['customer'] | undefined;
  /** The sending agent (the payload's `from`). */
  declare agent: HandoffDraft['from'] | undefined;
  /** The receiver (the payload's `to`). */
  declare receiver: HandoffDraft['to'] | undefined;
  /** @default {} */
  declare config: HandoffPanelConfig;
  declare protected errors: FieldError[];
  declare protected notice: Notice | undefined;

  readonly #model = new DraftModel(() => this);
  #unsaved: HandoffV1 | undefined;
  #busy = false;
  readonly #scriptTemplates = scriptTemplatesCache();
  readonly #unfolded = new Set<string>();

  readonly #texts = new MessagesController(this, en);
  readonly #outboxes = new OutboxController(this);
  readonly #delivery = new DeliveryController(this, this.#outboxes, (d) => {
    this.notice = undefined;
    announceDelivery(this, d, this.#messages.ui.status);
  });
  readonly #autosave = new DraftAutosave(this, {
    caseId: () => this.caseId,
    config: () => this.#cfg.drafts,
    current: () => this.#model,
    restored: (saved) => this.#restored(saved),
    switched: () => this.#clearForm(true),
  });
  /** Judged as it would be sent: the script shown, the maskings so far. */
  readonly #quality = new QualityController(this, () => ({
    ...this.#model.forBuild(this.#suggestions().managingUp),
    redactions: this.#model.redactions,
  }));
  readonly #shortcuts = new ShortcutsController(this, {
    send: () => this.renderRoot.querySelector('form')?.requestSubmit(),
    addAction: () => this.#addAction(),
  });
  readonly #directory = new DirectoryController(this, {
    source: () => this.#cfg.directory,
    hook: () => this.#cfg.availability,
    draft: () => this.#model.draft,
    fill: (patch) => {
      this.#model.fill(patch);
      const filled = leafPaths(patch);
      this.errors = this.errors.filter((e) => !filled.includes(controlPath(e.path)));
      this.#edited(() => undefined);
    },
  });
  readonly #template = new TemplateController(this, {
    source: () => this.#cfg.template,
    hours: () => this.#directory.hours(),
  });
  readonly #history = new CaseHistoryController(this, {
    caseId: () => this.caseId ?? (this.#model.draft.case?.id === '' ? undefined : this.#model.draft.case?.id),
    outbox: () => this.#outboxes.outbox,
    acks: () => this.#cfg.acks ?? {},
    logName: () => (this.#cfg.drafts === false ? undefined : (this.#cfg.drafts?.name ?? 'handoff-drafts')),
    acknowledged: (ack) => this.#acknowledged(ack),
  });

  constructor() {
    super();
    this.training = false;
    this.config = {};
    this.errors = [];
  }

  // ——— public API ———

  /**
   * Fills fields from a partial handoff in the payload's own shape, e.g.
   * `prefill({ case: { id: 'C-1' }, customer: { name: 'Ada' }, transfer: { count: 2 } })`, for the
   * panel's current case. Throws a TypeError naming any field that is not part of a handoff, and one
   * when `case.id` names another case than the panel's.
   */
  prefill(partial: HandoffDraft): void {
    checkPrefill(partial, this.caseId);
    // The host may have set a new caseId just before (not rendered yet): the prefill is for that case.
    this.#autosave.followCase();
    this.#model.prefill(partial);
    this.#autosave.schedule();
    this.requestUpdate();
  }

  /** The current draft (a copy). */
  get value(): HandoffDraft {
    return clone(withPreselections(this.#model.draft));
  }

  /** Whether the agent has typed anything beyond what the host provided and not sent it yet. */
  get hasUnsentDraft(): boolean {
    return this.#model.unsent;
  }

  /** Clears the form back to what the host provided, and deletes the saved draft. */
  async reset(): Promise<void> {
    const deleting = this.#autosave.clear();
    this.#clearForm();
    await deleting;
  }

  // ——— lifecycle, config, drafts ———

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('caseId')) this.#autosave.followCase();
    if (HOST_KEYS.some((k) => changed.has(k))) this.#model.applyHost();
    if (changed.has('endpoint') || changed.has('config')) this.#outboxes.resolve();
    this.#history.sync();
  }

  /** Once a user has changed a select, only its `value` (not `selected` attributes) moves it. */
  protected override updated(): void {
    for (const select of this.renderRoot.querySelectorAll<HTMLSelectElement>('select[data-path]')) {
      const value = this.#model.text(select.dataset.path!);
      // A row not yet in the draft (the first action's) keeps the option it shows.
      if (select.value !== value && [...select.options].some((o) => o.value === value)) select.value = value;
    }
  }

  /** This panel's config over the page-wide defaults (`HandoffPanel.configure()`). */
  get #cfg(): HandoffPanelConfig {
    return { ...elementDefaults(), ...this.config };
  }

  get #messages(): HandoffMessages {
    return this.#texts.messages;
  }

  /** Back to what the host gave; `forgetPrefill` when the host moved to another case (another customer). */
  #clearForm(forgetPrefill = false): void {
    this.#autosave.cancel();
    this.#model.clear(forgetPrefill);
    this.errors = [];
    this.requestUpdate();
  }

  #restored(saved: SavedDraft): void {
    this.#model.restore(saved.draft, saved.redactions);
    this.notice = { kind: 'restored' };
  }

  // ——— editing ———

  readonly #onInput = (event: Event): void => {
    const control = event.target as HTMLInputElement;
    const path = control.dataset.path;
    if (!path) return;
    const reasonBefore = this.#model.draft.reason?.code;
    const affectsView = this.#model.input(control, path);
    if (path === 'reason.code') this.#model.suggestReason(reasonBefore, this.#messages.ui.reasonSuggestions);
    if (this.errors.some((e) => controlPath(e.path) === path))
      this.errors = this.errors.filter((e) => controlPath(e.path) !== path);
    if (affectsView || this.#quality.stale()) this.requestUpdate();
    this.#autosave.schedule();
  };

  /** On leaving a field: card numbers and secrets in it masked, visibly; an id holding a card refused. */
  readonly #onChange = (event: Event): void => {
    const control = event.target as HTMLInputElement;
    const path = control.dataset.path;
    if (!path) return;
    const refused = control.dataset.identifier !== undefined && cardInIdentifier(control.value, path, this.#messages);
    if (refused) {
      this.errors = [...this.errors.filter((e) => controlPath(e.path) !== path), refused];
      return;
    }
    if (control.dataset.redact === undefined || !this.#model.mask(control, path)) return;
    this.notice = { kind: 'masked' };
    this.#autosave.schedule();
  };

  #addAction(): void {
    const index = this.#model.addAction();
    this.#edited(() => this.#focusControl(`actions.${index}.text`));
  }

  /** After a change of the form's shape: render, save, and then put the focus where it belongs. */
  #edited(focus: () => void): void {
    this.requestUpdate();
    this.#autosave.schedule();
    void this.updateComplete.then(focus);
  }

  #focusControl(path: string): void {
    const id = path === 'add-action' ? path : controlId(FOCUS_FOR[path] ?? path);
    reveal(this.renderRoot.querySelector<HTMLElement>(`#${CSS.escape(id)}`));
  }

  // ——— sending ———

  #suggestions() {
    return suggestScripts(withPreselections(this.#model.draft), this.#scriptTemplates(this.#messages).templates);
  }

  async #onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.#busy || !this.#template.ready()) return;
    const messages = this.#messages;
    const result = buildHandoff(this.#directory.annotate(this.#model.forBuild(this.#suggestions().managingUp)), {
      locale: this.#texts.locale,
      training: this.training || undefined,
      defaultCallingCode: this.#cfg.defaultCallingCode,
      flagThreshold: this.#cfg.flagThreshold,
      messages: messages.validation,
      fieldLabels: messages.fieldLabels,
      redactions: this.#model.redactions,
      quality: this.#cfg.quality,
      ...this.#template.buildContext(),
    });
    if (!result.ok) {
      this.errors = inFormOrder(this.#template.explain(result.errors, this.#model.draft, messages.ui), this.renderRoot);
      emit(this, 'handoff-invalid', { errors: this.errors });
      await this.updateComplete;
      this.#focusControl(controlPath(this.errors[0]!.path));
      return;
    }
    this.errors = [];
    const { payload } = result;
    const outbox = this.#outboxes.outbox;
    if (!outbox) {
      this.notice = { kind: 'no-endpoint' };
      return;
    }
    if (!emit(this, 'handoff-submit', payload, true)) {
      this.notice = { kind: 'cancelled' };
      return;
    }
    this.#busy = true;
    const sentCase = this.#autosave.draftCase;
    try {
      const saving = this.#delivery.save(payload);
      void this.#history.record(payload, outbox, saving.then(Boolean));
      const item = await saving;
      if (!item) {
        this.#unsaved = payload;
        this.requestUpdate();
        const reason = this.#delivery.delivery.state === 'not-saved' ? this.#delivery.delivery.reason : '';
        emit(this, 'handoff-failed', { id: payload.id, reason: 'storage', message: reason });
        return;
      }
      this.#unsaved = undefined;
      // Ready for the next handoff at once: the form clears now, its saved draft is deleted behind it
      // (that transaction is created first, so it cannot delete a newer draft saved after it). If the
      // host moved to another case meanwhile, only the sent case's draft goes; the form is that case's.
      const deletingDraft = this.#autosave.draftCase === sentCase ? this.reset() : this.#autosave.clear(sentCase);
      this.#busy = false; // the next handoff may be sent while the old draft is deleted
      emit(this, 'handoff-queued', { payload, item });
      await deletingDraft;
    } finally {
      this.#busy = false;
    }
  }

  /** An acknowledgement of one of the case's handoffs. */
  #acknowledged(ack: HandoffAckV1): void {
    emit(this, 'handoff-acknowledged', { handoffId: ack.handoffId, ack });
    // Only the latest handoff speaks in the status line; earlier ones still raise the event.
    if (ack.handoffId === this.#delivery.id) this.notice = { kind: 'ack', ack };
  }

  async #copyUnsaved(): Promise<void> {
    if (this.#unsaved && (await copyJson(this.#unsaved))) this.notice = { kind: 'copied' };
  }

  // ——— rendering ———

  protected override render(): TemplateResult {
    const messages = this.#messages;
    const { ui } = messages;
    const { draft } = this.#model;
    const count = typeof draft.transfer?.count === 'number' ? draft.transfer.count : 1;
    const flagged = count >= (this.#cfg.flagThreshold ?? DEFAULT_FLAG_THRESHOLD);
    const transfer = renderTemplate(flagged ? ui.flagged : ui.transferCount, { count });
    const directory = this.#directory.view(ui, this.#texts.locale, draft);
    const template = this.#template.view(draft, ui, this.#texts.locale);
    const problems = [this.#scriptTemplates(messages).error, this.#outboxes.error, template.problem];
    const status = panelStatus(this.notice, this.#delivery.delivery, ui, this.#texts.locale);
    const lines = this.#suggestions();
    const view = panelView({
      model: this.#model,
      messages,
      errors: this.errors,
      lines: { ...lines, informCustomer: directory.inform(lines.informCustomer) },
      unfolded: this.#unfolded,
      picker: directory.picker,
      availability: directory.availability,
      custom: template.custom,
      timing: template.timing,
      addAction: () => this.#addAction(),
      removeAction: (index) => {
        this.#model.removeAction(index);
        this.errors = this.errors.filter((e) => !e.path.startsWith('actions['));
        this.#edited(() => this.renderRoot.querySelector<HTMLElement>('#add-action')?.focus());
      },
      useSuggestion: () => {
        this.#model.useSuggestion();
        this.#edited(() => undefined);
      },
    });
    return html`<form
      class="base"
      part="base"
      novalidate
      aria-labelledby="title"
      @submit=${this.#onSubmit}
      @input=${this.#onInput}
      @change=${this.#onChange}
      @keydown=${this.#shortcuts.onKeydown}
      @focusin=${(e: FocusEvent) => (e.target as HTMLElement).dataset.suggested !== undefined && (e.target as HTMLInputElement).select()}
    >
      <header>
        <h2 id="title">${ui.title}</h2>
        <p class="transfer ${flagged ? 'flagged' : ''}" part="transfer">${transfer}</p>
      </header>
      ${[...problems, ...directory.problems].filter(Boolean).map((problem) => html`<p class="config-error" role="alert">${problem}</p>`)}
      ${renderCaseHistory(this.#history.items, ui, this.#texts.locale, (id) => void this.#history.dismissFromList(id))}
      ${renderErrorSummary(
        this.errors,
        ui,
        (path) => controlId(FOCUS_FOR[path] ?? path),
        (path) => this.#focusControl(controlPath(path)),
      )}
      ${renderSections(view)}
      ${renderQualityChecklist(this.#template.withoutOptional(this.#quality.current, draft), draft, ui.quality, (p) => this.#focusControl(p))}
      <div class="actions">
        <button type="submit" class="primary" part="send-button">${ui.send}</button>
        ${this.#unsaved ? html`<button type="button" class="secondary" @click=${this.#copyUnsaved}>${ui.copy}</button>` : nothing}
      </div>
      ${renderShortcutHint(ui)}
      <p class="status ${status?.tone ?? 'info'}" role="status" aria-live="polite" part="status">${status?.text ?? ''}</p>
    </form>`;
  }
}
