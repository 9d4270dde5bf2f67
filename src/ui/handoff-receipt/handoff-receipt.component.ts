import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { ackOf } from '../../acks/watch-acks.js';
import { originOf } from '../../outbox/routes.js';
import { buildAck } from '../../payload/ack.js';
import type { FieldError } from '../../payload/checker.js';
import { renderTemplate } from '../../payload/template.js';
import type { HandoffAckV1, HandoffV1 } from '../../payload/types.js';
import { emit } from '../events.js';
import { en, type HandoffMessages } from '../messages/catalogue.js';
import type { HandoffReceiptConfig } from '../shared/config.js';
import { DeliveryController, deliveryStatus, type Delivery } from '../shared/controllers/delivery.controller.js';
import { MessagesController } from '../shared/controllers/messages.controller.js';
import { OutboxController } from '../shared/controllers/outbox.controller.js';
import { elementDefaults } from '../shared/defaults.js';
import { changedStructurally } from '../shared/equal.js';
import { textControl } from '../shared/fields.js';
import { formStyles } from '../shared/form.styles.js';
import { textReset, tokenStyles } from '../shared/tokens.styles.js';
import { CopyNoteController } from './copy-note.controller.js';
import { receiptLabels, receiptTemplate } from './handoff-receipt.template.js';
import { enTemplate } from '../messages/template-texts.js';
import { ReadBackCheckController } from './read-back-check.controller.js';
import { renderReadBackQuestions } from './read-back-questions.js';
import { receiptEn, type ReceiptTexts } from './handoff-receipt.messages.js';
import { renderReceiptSections } from './handoff-receipt.sections.js';
import { receiptStyles } from './handoff-receipt.styles.js';
import { readReceived, type ReceivedHandoff } from './received.js';

export type { HandoffReceiptConfig } from '../shared/config.js';
export type { ReceivedHandoff } from './received.js';

type Decision = 'accept' | 'decline';
/** Loading `src`, or why there is nothing to show. */
type Load = { state: 'idle' | 'loading' } | { state: 'failed' | 'invalid'; reason: string };
type ReceiptMessages = HandoffMessages & { receipt: ReceiptTexts };
type Notice = 'no-endpoint' | 'cancelled';

/**
 * `<handoff-receipt>`: the receiving agent's side. Shows an incoming handoff so they can take over
 * without asking the customer to repeat anything (reason, recap, verification, actions by due time,
 * the fallback plan, the transfer flag), takes their read-back in their own words, questions and
 * decision, and sends a `handoff-ack/v1` through the outbox.
 *
 * Give it the handoff as the `handoff` property, or a URL to load it from as `src`.
 *
 * @tagname handoff-receipt
 * @fires handoff-ack-submit - cancelable; detail is the acknowledgement
 * @fires handoff-ack-queued - durably saved; detail `{ payload, item }`
 * @fires handoff-ack-delivered - detail `{ id, handoffId }`
 * @fires handoff-failed - detail `{ id?, reason, message }`
 * @fires handoff-invalid - detail `{ errors }`
 * @fires handoff-note-copied - "Copy as note" put the note on the clipboard; detail `{ handoffId, text }`
 * @csspart base - the whole receipt
 * @csspart section - each block of the handoff
 * @csspart verification - the verification line ("no need to re-verify")
 * @csspart transfer - the transfer count and priority-lane flag
 * @csspart actions - the list of actions by due time
 * @csspart form - the read-back form
 * @csspart input - the text areas
 * @csspart error - an error under a field
 * @csspart send-button - the "Send acknowledgement" button
 * @csspart status - the live status line
 * @csspart copy-note-button - the "Copy as note" button
 * @csspart read-back-check - the questions about facts the read-back leaves out (never blocks the decision)
 * @csspart note - the note shown to copy by hand where the browser refuses the clipboard
 * @cssprop --handoff-color-ok - "no need to re-verify", delivered
 * @cssprop --handoff-color-warn - unverified, overdue, flagged
 */
export class HandoffReceipt extends LitElement {
  static override styles = [tokenStyles, textReset('.base'), formStyles, receiptStyles];
  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, delegatesFocus: true };

  static override properties = {
    handoff: { attribute: false, hasChanged: changedStructurally },
    src: { type: String },
    endpoint: { type: String },
    agentId: { type: String, attribute: 'agent-id' },
    agentName: { type: String, attribute: 'agent-name' },
    config: { attribute: false, hasChanged: changedStructurally },
    load: { state: true },
    errors: { state: true },
    notice: { state: true },
    sent: { state: true },
  };

  /** The handoff to show (set by the host, or loaded from `src`); checked before it is rendered. */
  declare handoff: ReceivedHandoff | undefined;
  /** A URL to load the handoff from, e.g. the reference receiver's `/handoffs/<id>`. */
  declare src: string | undefined;
  /** The handoffs endpoint; acknowledgements go to `<endpoint>/<id>/ack` unless the outbox says otherwise. */
  declare endpoint: string | undefined;
  /** The receiving agent, named in the acknowledgement. */
  declare agentId: string | undefined;
  declare agentName: string | undefined;
  /** @default {} */
  declare config: HandoffReceiptConfig;
  declare protected load: Load;
  declare protected errors: FieldError[];
  declare protected notice: Notice | undefined;
  /** The acknowledgement this element sent for the current handoff. */
  declare protected sent: HandoffAckV1 | undefined;

  /** The handoff as checked: what is rendered (acknowledgements that are not valid left out). */
  #shown: ReceivedHandoff | undefined;
  private readBack = '';
  private questions = '';
  #decision: Decision = 'accept';
  private declineReason = '';
  #loadSeq = 0;

  readonly #texts = new MessagesController<ReceiptMessages>(this, en, (base) => ({
    ...base,
    // A catalogue written before a text was added still renders: the English one fills the gap.
    receipt: {
      ...receiptEn,
      ...base.receipt,
      note: { ...receiptEn.note, ...base.receipt?.note },
      readBackCheck: { ...receiptEn.readBackCheck, ...base.receipt?.readBackCheck },
    },
  }));
  readonly #outboxes = new OutboxController(this);
  readonly #delivery = new DeliveryController(this, this.#outboxes, (d) => this.#onDelivery(d));
  readonly #copyNote = new CopyNoteController(this);
  readonly #readBackCheck = new ReadBackCheckController(this, () => ({
    handoff: this.config.readBackCheck === false ? undefined : this.#shown,
    readBack: this.readBack,
    timeZone: this.config.timeZone,
  }));

  constructor() {
    super();
    this.config = {};
    this.errors = [];
    this.load = { state: 'idle' };
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('src') && this.src) void this.fetchHandoff(this.src);
    if (changed.has('handoff')) this.#checkHandoff();
    if (changed.has('handoff') && changed.get('handoff')?.id !== this.handoff?.id) this.#startOver();
    if (changed.has('endpoint') || changed.has('config')) this.#outboxes.resolve();
  }

  /**
   * Loads (or reloads) the handoff from `src`. The configured headers and credentials go only to the
   * endpoint's origin (the page's, without an endpoint); another origin is asked without them.
   */
  async fetchHandoff(url = this.src): Promise<void> {
    if (!url) return;
    const seq = ++this.#loadSeq;
    this.load = { state: 'loading' };
    const cfg = this.config;
    try {
      const trusted = originOf(url) === originOf(this.#endpointUrl() ?? globalThis.location.href);
      // A redirect must not carry the endpoint's credentials somewhere else.
      const init: RequestInit = trusted
        ? { headers: await cfg.headers?.(), credentials: cfg.credentials, redirect: 'error' }
        : { credentials: 'omit' };
      const response = await (cfg.fetch ?? fetch)(url, { ...init, cache: 'no-store' });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const body: unknown = await response.json().catch(() => {
        throw new Error('the answer is not JSON');
      });
      if (seq !== this.#loadSeq) return;
      const checked = readReceived(body);
      if ('problem' in checked) {
        this.load = { state: 'invalid', reason: checked.problem };
        return;
      }
      this.handoff = checked.handoff;
      this.load = { state: 'idle' };
    } catch (error) {
      if (seq === this.#loadSeq) this.load = { state: 'failed', reason: (error as Error).message };
    }
  }

  /** The endpoint acknowledgements go to: the element's, its config's, or the page-wide default. */
  #endpointUrl(): string | undefined {
    const defaults = elementDefaults();
    return this.config.outbox?.endpoint ?? this.endpoint ?? defaults.outbox?.endpoint ?? defaults.endpoint;
  }

  /** A handoff set by the host is shown only once it is a valid handoff/v1 (it may come from anywhere). */
  #checkHandoff(): void {
    this.#shown = undefined;
    if (!this.handoff) return;
    const checked = readReceived(this.handoff);
    if ('problem' in checked) {
      this.load = { state: 'invalid', reason: checked.problem };
      return;
    }
    this.#shown = checked.handoff;
    if (this.load.state === 'invalid') this.load = { state: 'idle' };
  }

  #startOver(): void {
    this.readBack = '';
    this.questions = '';
    this.#decision = 'accept';
    this.declineReason = '';
    this.errors = [];
    this.sent = undefined;
    this.notice = undefined;
    this.#delivery.reset();
    this.#copyNote.reset();
    this.#readBackCheck.reset();
  }

  get #messages(): ReceiptMessages {
    return this.#texts.messages;
  }

  #time(iso: string | undefined): string {
    const date = iso ? new Date(iso) : undefined;
    if (!date || Number.isNaN(date.getTime())) return '';
    return new Intl.DateTimeFormat(this.#texts.locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
  }

  // ——— the acknowledgement ———

  readonly #onInput = (event: Event): void => {
    const target = event.target as HTMLInputElement;
    const name = target.name as 'readBack' | 'questions' | 'declineReason' | 'decision';
    if (name === 'decision') {
      this.#decision = target.value as Decision;
      this.requestUpdate();
    } else this[name] = target.value;
    if (name === 'readBack' && this.#readBackCheck.stale()) this.requestUpdate();
    if (this.errors.some((e) => e.path === name)) this.errors = this.errors.filter((e) => e.path !== name);
  };

  #build(handoff: HandoffV1): { ack?: HandoffAckV1; errors: FieldError[] } {
    const messages = this.#messages;
    const result = buildAck(
      {
        handoffId: handoff.id,
        by: { agentId: this.agentId ?? '', name: this.agentName ?? '' },
        readBack: this.readBack,
        accepted: this.#decision === 'accept',
        declineReason: this.#decision === 'decline' ? this.declineReason : undefined,
        questions: this.questions || undefined,
        readBackCheck: this.#readBackCheck.check(),
      },
      { messages: messages.validation, fieldLabels: messages.fieldLabels, handoff },
    );
    return result.ok ? { ack: result.payload, errors: [] } : { errors: result.errors };
  }

  async #onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const handoff = this.handoff;
    if (!handoff || !this.agentId || !this.agentName) return;
    const { ack, errors } = this.#build(handoff);
    if (!ack) {
      this.errors = errors;
      emit(this, 'handoff-invalid', { errors });
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>(`[name="${errors[0]!.path}"]`)?.focus();
      return;
    }
    if (!this.#outboxes.outbox) {
      this.notice = 'no-endpoint';
      return;
    }
    if (!emit(this, 'handoff-ack-submit', ack, true)) {
      this.notice = 'cancelled';
      return;
    }
    const item = await this.#delivery.save(ack);
    if (item) {
      this.sent = ack;
      emit(this, 'handoff-ack-queued', { payload: ack, item });
    } else if (this.#delivery.delivery.state === 'not-saved') {
      emit(this, 'handoff-failed', { id: ack.id, reason: 'storage', message: this.#delivery.delivery.reason });
    }
  }

  #onDelivery(delivery: Delivery): void {
    this.notice = undefined;
    if (delivery.state === 'delivered') {
      emit(this, 'handoff-ack-delivered', {
        id: delivery.id,
        handoffId: this.sent?.handoffId ?? this.handoff?.id ?? '',
      });
    } else if (delivery.state === 'rejected' || delivery.state === 'expired') {
      const message = renderTemplate(this.#messages.receipt.status.rejected, { reason: delivery.reason });
      emit(this, 'handoff-failed', { id: delivery.id, reason: delivery.state, message });
    }
  }

  /** The focus moves on to the next question's button, else back to the read-back. */
  async #dismissQuestion(key: string): Promise<void> {
    this.#readBackCheck.dismiss(key);
    await this.updateComplete;
    const next = this.renderRoot.querySelector<HTMLElement>('.read-back-check button');
    (next ?? this.renderRoot.querySelector<HTMLElement>('[name="readBack"]'))?.focus();
  }

  // ——— rendering ———

  #textArea(
    name: 'readBack' | 'questions' | 'declineReason',
    label: string,
    hint: string,
    required: boolean,
  ): TemplateResult {
    return textControl(
      {
        id: name,
        label,
        hint,
        required: required ? this.#messages.ui.required : undefined,
        error: this.errors.find((e) => e.path === name)?.message,
      },
      { value: this[name], multiline: true, rows: 3, data: { name } },
    );
  }

  #renderForm(h: ReceivedHandoff, t: ReceiptTexts): TemplateResult | typeof nothing {
    if (this.sent || (h.acks ?? []).map(ackOf).some((a) => a.accepted)) return nothing;
    if (!this.agentId || !this.agentName) return html`<p class="config-error" role="alert">${t.noAgent}</p>`;
    const labels = this.#messages.fieldLabels;
    return html`<form
      part="form"
      novalidate
      @submit=${this.#onSubmit}
      @input=${this.#onInput}
      aria-labelledby="h-respond"
    >
      <section part="section">
        <h3 id="h-respond">${t.sections.respond}</h3>
        ${this.#textArea('readBack', labels.readBack ?? 'Read-back', t.hints.readBack, true)}
        ${renderReadBackQuestions(this.#readBackCheck.result, {
          texts: t,
          options: this.#messages.ui.options,
          locale: this.#texts.locale,
          timeZone: this.#readBackCheck.timeZone,
          onDismiss: (key) => void this.#dismissQuestion(key),
        })}
        ${this.#textArea('questions', labels.questions ?? 'Questions', t.hints.questions, false)}
        <fieldset class="decision">
          <legend>${t.decision}</legend>
          ${(['accept', 'decline'] as const).map(
            (d) =>
              html`<label class="radio"
                ><input
                  type="radio"
                  name="decision"
                  value=${d}
                  .checked=${this.#decision === d}
                />${d === 'accept' ? t.accept : t.decline}</label
              >`,
          )}
        </fieldset>
        ${this.#decision === 'decline' ? this.#textArea('declineReason', labels.declineReason ?? 'Reason', t.hints.declineReason, true) : nothing}
        <div class="actions"><button type="submit" class="primary" part="send-button">${t.send}</button></div>
      </section>
    </form>`;
  }

  #renderNote(h: ReceivedHandoff, t: ReceiptTexts): TemplateResult {
    const r = this.#copyNote.result;
    const said =
      r.state === 'copied'
        ? renderTemplate(t.note.copied, { bytes: r.bytes })
        : r.state === 'manual'
          ? t.note.manual
          : r.state === 'failed'
            ? renderTemplate(t.note.failed, { reason: r.reason })
            : '';
    return html`<div class="note">
      <button type="button" part="copy-note-button" @click=${() => void this.#copyNote.copy(h, { ...this.config.note, template: receiptTemplate(this.config.template), locale: this.#texts.locale }, this.sent)}>
        ${t.note.copy}
      </button>
      <p class="status ${r.state === 'failed' ? 'error' : 'info'}" role="status" aria-live="polite">${said}</p>
      ${
        r.state === 'manual'
          ? html`<label
            >${t.note.label}<textarea part="note" readonly rows="10" .value=${r.text}></textarea
          ></label>`
          : nothing
      }
    </div>`;
  }

  #renderStatus(): TemplateResult {
    const { ui, receipt } = this.#messages;
    const status =
      this.notice === 'no-endpoint'
        ? { text: ui.status.noEndpoint, tone: 'error' }
        : this.notice === 'cancelled'
          ? { text: ui.status.cancelled, tone: 'warn' }
          : deliveryStatus(this.#delivery.delivery, receipt.status, this.#texts.locale, {
              name: this.handoff?.from.name,
            });
    return html`<p class="status ${status?.tone ?? 'info'}" role="status" aria-live="polite" part="status">${status?.text ?? ''}</p>`;
  }

  protected override render(): TemplateResult {
    const t = this.#messages.receipt;
    const h = this.#shown;
    if (this.load.state === 'loading' && !h)
      return html`<div class="base" part="base"><p role="status">${t.loading}</p></div>`;
    if (this.load.state === 'failed' || this.load.state === 'invalid') {
      const text = renderTemplate(this.load.state === 'failed' ? t.loadFailed : t.invalid, {
        reason: this.load.reason,
      });
      return html`<div class="base" part="base"><p class="error" role="alert">${text}</p></div>`;
    }
    if (!h)
      return html`<div class="base" part="base">
        <p>${t.empty}</p>
        ${this.#renderStatus()}
      </div>`;
    const view = {
      h,
      t,
      options: this.#messages.ui.options,
      time: (iso: string | undefined) => this.#time(iso),
      template: this.#messages.ui.template ?? enTemplate,
      labels: receiptLabels(this.config.template, this.#texts.locale, h),
    };
    return html`<article class="base" part="base" aria-labelledby="title">
      ${renderReceiptSections(view)} ${this.#renderForm(h, t)} ${this.#renderStatus()}
      ${this.#renderNote(h, t)}
    </article>`;
  }
}
