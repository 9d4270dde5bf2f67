import { LitElement, css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { ackOf, type AckEntry } from '../../acks/watch-acks.js';
import { OutboxStorageError } from '../../outbox/errors.js';
import type { Outbox, OutboxOptions } from '../../outbox/outbox.js';
import type { OutboxEventDetail } from '../../outbox/types.js';
import { buildAck, validateAck } from '../../payload/ack.js';
import { isDateTime, type FieldError } from '../../payload/checker.js';
import { validateHandoff } from '../../payload/handoff.js';
import { originOf } from '../../outbox/routes.js';
import { renderTemplate } from '../../payload/template.js';
import type { Action, HandoffAckV1, HandoffV1 } from '../../payload/types.js';
import { emit } from '../events.js';
import { mergeMessages, messagesFor, type HandoffMessages, type HandoffMessagesOverride } from '../messages/catalogue.js';
import { baseStyles } from '../shared/base.styles.js';
import { elementDefaults, elementLocale, onDefaultsChange } from '../shared/defaults.js';
import { deadReason, retryingStatus } from '../shared/delivery-status.js';
import { changedStructurally } from '../shared/equal.js';
import { elementOutbox } from '../shared/outbox-registry.js';
import { receiptEn, type ReceiptTexts } from './handoff-receipt.messages.js';

/** A handoff as the reference receiver serves it: the payload, when it arrived, its acknowledgements. */
export type ReceivedHandoff = HandoffV1 & {
  receivedAt?: string;
  /** Either acknowledgements themselves or the receiver's `{ payload, receivedAt }` records. */
  acks?: AckEntry[];
};

export interface HandoffReceiptConfig {
  outbox?: Partial<OutboxOptions>;
  messages?: HandoffMessages | HandoffMessagesOverride;
  locale?: string;
  /** Headers and credentials for loading `src`. */
  headers?: () => HeadersInit | Promise<HeadersInit>;
  credentials?: RequestCredentials;
  fetch?: typeof fetch;
}

type Tone = 'info' | 'ok' | 'warn' | 'error';
type Decision = 'accept' | 'decline';
type Load = { state: 'idle' | 'loading' } | { state: 'failed' | 'invalid'; reason: string };


/**
 * A handoff as loaded or given, checked before anything is rendered: a valid handoff/v1, an optional
 * `receivedAt`, and only those acknowledgements that are valid and about this handoff.
 */
function readReceived(body: unknown): { handoff: ReceivedHandoff } | { problem: string } {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return { problem: 'the answer is not a JSON object.' };
  const { receivedAt, acks, ...payload } = body as Record<string, unknown>;
  const errors = validateHandoff(payload);
  if (errors.length) return { problem: `${errors[0]!.message}${errors.length > 1 ? ` (and ${errors.length - 1} more problems)` : ''}` };
  const handoff = payload as unknown as HandoffV1;
  const received: ReceivedHandoff = { ...handoff };
  if (typeof receivedAt === 'string' && isDateTime(receivedAt)) received.receivedAt = receivedAt;
  if (Array.isArray(acks)) {
    received.acks = acks.filter((entry: unknown) => {
      const ack = entry && typeof entry === 'object' ? ackOf(entry as AckEntry) : entry;
      return validateAck(ack).length === 0 && (ack as HandoffAckV1).handoffId === handoff.id;
    }) as AckEntry[];
  }
  return { handoff: received };
}

/** Actions with a due time first, soonest first; then the rest in their order. */
function byDueTime(actions: readonly Action[]): Action[] {
  const due = (a: Action) => (a.due ? Date.parse(a.due) : Infinity);
  return actions.map((action, i) => ({ action, i })).sort((a, b) => due(a.action) - due(b.action) || a.i - b.i).map((x) => x.action);
}

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
 * @cssprop --handoff-color-ok - "no need to re-verify", delivered
 * @cssprop --handoff-color-warn - unverified, overdue, flagged
 */
export class HandoffReceipt extends LitElement {
  static override styles = [
    baseStyles,
    css`
      .base { gap: 0.75em; }
      section { border: 1px solid var(--_border); border-radius: var(--_radius); padding: 0.7em 0.9em; }
      h3 { font-size: 1em; margin: 0 0 0.45em; }
      .meta { color: var(--_muted); font-size: 0.9em; }
      .verified { color: var(--_ok); font-weight: 650; }
      .unverified, .overdue { color: var(--_warn); font-weight: 650; }
      .quote { white-space: pre-line; }
      ol, ul { margin: 0; padding-inline-start: 1.3em; display: grid; gap: 0.3em; }
      .tag { font-size: 0.85em; border: 1px solid currentColor; border-radius: var(--_radius); padding: 0 0.4em; margin-inline-start: 0.4em; }
      .training { color: var(--_muted); }
      a { color: var(--_accent); }
      form section { display: grid; gap: 0.6em; }
      .decision { border: 0; padding: 0; display: grid; gap: 0.15em; }
      .decision legend { padding: 0; }
    `,
  ];

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
    statusText: { state: true },
    sent: { state: true },
  };

  /** The handoff to show (set by the host, or loaded from `src`). */
  declare handoff: ReceivedHandoff | undefined;
  /** A URL to load the handoff from, e.g. the reference receiver's `/handoffs/<id>`. */
  declare src: string | undefined;
  /** The handoffs endpoint; acknowledgements go to `<endpoint>/<id>/ack` unless the outbox says otherwise. */
  declare endpoint: string | undefined;
  /** The receiving agent, named in the acknowledgement. */
  declare agentId: string | undefined;
  declare agentName: string | undefined;
  declare config: HandoffReceiptConfig;
  protected declare load: Load;
  protected declare errors: FieldError[];
  protected declare statusText: string;
  /** The acknowledgement this element sent for the current handoff. */
  protected declare sent: HandoffAckV1 | undefined;

  /** The handoff as checked: what is rendered (acknowledgements that are not valid left out). */
  private shown: ReceivedHandoff | undefined;
  private readBack = '';
  private questions = '';
  private decision: Decision = 'accept';
  private declineReason = '';
  private statusTone: Tone = 'info';
  private outbox: Outbox | undefined;
  private loadSeq = 0;
  private stopDefaults: (() => void) | undefined;
  private messagesCache: { base: HandoffMessages; override: unknown; messages: HandoffMessages & { receipt: ReceiptTexts } } | undefined;

  constructor() {
    super();
    this.config = {};
    this.errors = [];
    this.statusText = '';
    this.load = { state: 'idle' };
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.stopDefaults = onDefaultsChange(() => this.requestUpdate());
    // Knowing an endpoint is enough to start delivering acknowledgements an earlier visit left queued.
    this.configuredOutbox();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopDefaults?.();
    this.follow(undefined);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('src') && this.src) void this.fetchHandoff(this.src);
    if (changed.has('handoff')) this.checkHandoff();
    if (changed.has('handoff') && changed.get('handoff')?.id !== this.handoff?.id) this.startOver();
  }

  /** A handoff set by the host is shown only once it is a valid handoff/v1 (it may come from anywhere). */
  private checkHandoff(): void {
    this.shown = undefined;
    if (!this.handoff) return;
    const checked = readReceived(this.handoff);
    if ('problem' in checked) {
      this.load = { state: 'invalid', reason: checked.problem };
      return;
    }
    this.shown = checked.handoff;
    if (this.load.state === 'invalid') this.load = { state: 'idle' };
  }

  /**
   * Loads (or reloads) the handoff from `src`. The configured headers and credentials go only to the
   * endpoint's origin (the page's, without an endpoint); another origin is asked without them.
   */
  async fetchHandoff(url = this.src): Promise<void> {
    if (!url) return;
    const seq = ++this.loadSeq;
    this.load = { state: 'loading' };
    const cfg = this.config;
    try {
      const trusted = originOf(url) === originOf(this.endpointUrl() ?? globalThis.location.href);
      // A redirect must not carry the endpoint's credentials somewhere else.
      const init: RequestInit = trusted ? { headers: await cfg.headers?.(), credentials: cfg.credentials, redirect: 'error' } : { credentials: 'omit' };
      const response = await (cfg.fetch ?? fetch)(url, { ...init, cache: 'no-store' });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const body: unknown = await response.json().catch(() => {
        throw new Error('the answer is not JSON');
      });
      if (seq !== this.loadSeq) return;
      const checked = readReceived(body);
      if ('problem' in checked) {
        this.load = { state: 'invalid', reason: checked.problem };
        return;
      }
      this.handoff = checked.handoff;
      this.load = { state: 'idle' };
    } catch (error) {
      if (seq === this.loadSeq) this.load = { state: 'failed', reason: (error as Error).message };
    }
  }

  /** The endpoint acknowledgements go to: the element's, its config's, or the page-wide default. */
  private endpointUrl(): string | undefined {
    const defaults = elementDefaults();
    return this.config.outbox?.endpoint ?? this.endpoint ?? defaults.outbox?.endpoint ?? defaults.endpoint;
  }

  private configuredOutbox(): Outbox | undefined {
    try {
      return elementOutbox(this.endpoint, this.config.outbox);
    } catch {
      return undefined;
    }
  }

  private startOver(): void {
    this.readBack = '';
    this.questions = '';
    this.decision = 'accept';
    this.declineReason = '';
    this.errors = [];
    this.sent = undefined;
    this.statusText = '';
    this.follow(undefined);
  }

  // ——— messages ———

  private get locale(): string {
    return elementLocale(this, this.config.locale);
  }

  /** The merged catalogue, kept until the locale or the overrides change (a render reads it often). */
  private get messages(): HandoffMessages & { receipt: ReceiptTexts } {
    const base = messagesFor(this.locale);
    const override = this.config.messages ?? elementDefaults().messages;
    const cached = this.messagesCache;
    if (cached?.base === base && cached.override === override) return cached.messages;
    const messages = mergeMessages({ ...base, receipt: base.receipt ?? receiptEn }, override) as HandoffMessages & { receipt: ReceiptTexts };
    this.messagesCache = { base, override, messages };
    return messages;
  }

  private time(iso: string | undefined): string {
    const date = iso ? new Date(iso) : undefined;
    if (!date || Number.isNaN(date.getTime())) return '';
    return new Intl.DateTimeFormat(this.locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
  }

  // ——— sending the acknowledgement ———

  /** Follows one outbox's events for the acknowledgement this element sent (or stops following). */
  private follow(outbox: Outbox | undefined): void {
    if (outbox === this.outbox) return;
    for (const type of ['delivered', 'retrying', 'dead'] as const) this.outbox?.removeEventListener(type, this.onOutboxEvent);
    this.outbox = outbox;
    for (const type of ['delivered', 'retrying', 'dead'] as const) outbox?.addEventListener(type, this.onOutboxEvent);
  }

  private readonly onInput = (event: Event): void => {
    const target = event.target as HTMLInputElement;
    const name = target.name as 'readBack' | 'questions' | 'declineReason' | 'decision';
    if (name === 'decision') {
      this.decision = target.value as Decision;
      this.requestUpdate();
    } else this[name] = target.value;
    if (this.errors.some((e) => e.path === name)) this.errors = this.errors.filter((e) => e.path !== name);
  };

  private validate(handoff: HandoffV1): { ack?: HandoffAckV1; errors: FieldError[] } {
    const { messages } = this;
    const result = buildAck(
      {
        handoffId: handoff.id,
        by: { agentId: this.agentId ?? '', name: this.agentName ?? '' },
        readBack: this.readBack,
        accepted: this.decision === 'accept',
        declineReason: this.decision === 'decline' ? this.declineReason : undefined,
        questions: this.questions || undefined,
      },
      { messages: messages.validation, fieldLabels: messages.fieldLabels, handoff },
    );
    return result.ok ? { ack: result.payload, errors: [] } : { errors: result.errors };
  }

  private async onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const handoff = this.handoff;
    const t = this.messages.receipt;
    if (!handoff || !this.agentId || !this.agentName) return;
    const { ack, errors } = this.validate(handoff);
    if (!ack) {
      this.errors = errors;
      emit(this, 'handoff-invalid', { errors });
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>(`[name="${errors[0]!.path}"]`)?.focus();
      return;
    }
    const outbox = this.configuredOutbox();
    if (!outbox) {
      this.setStatus(this.messages.ui.status.noEndpoint, 'error');
      return;
    }
    if (!emit(this, 'handoff-ack-submit', ack, true)) {
      this.setStatus(this.messages.ui.status.cancelled, 'warn');
      return;
    }
    this.follow(outbox);
    this.setStatus(t.status.saving, 'info');
    try {
      const item = await outbox.enqueue(ack);
      this.sent = ack;
      if (this.statusText === t.status.saving) {
        const online = navigator.onLine;
        this.setStatus(online ? t.status.sending : t.status.queuedOffline, online ? 'info' : 'warn');
      }
      emit(this, 'handoff-ack-queued', { payload: ack, item });
    } catch (error) {
      const message = error instanceof OutboxStorageError ? error.message : String(error);
      this.setStatus(renderTemplate(t.status.notSaved, { reason: message }), 'error');
      emit(this, 'handoff-failed', { id: ack.id, reason: 'storage', message });
    }
  }

  private readonly onOutboxEvent = (event: Event): void => {
    const detail = (event as CustomEvent<OutboxEventDetail>).detail;
    const sent = this.sent;
    if (sent?.id !== detail.id || !sent) return;
    const t = this.messages.receipt.status;
    if (event.type === 'delivered') {
      this.setStatus(renderTemplate(t.delivered, { name: this.handoff?.from.name }), 'ok');
      emit(this, 'handoff-ack-delivered', { id: sent.id, handoffId: sent.handoffId });
    } else if (event.type === 'retrying') {
      this.setStatus(retryingStatus(detail, t, this.locale), 'warn');
    } else {
      const message = renderTemplate(t.rejected, { reason: deadReason(detail) });
      this.setStatus(message, 'error');
      emit(this, 'handoff-failed', { id: sent.id, reason: detail.deadReason === 'expired' ? 'expired' : 'rejected', message });
    }
  };

  private setStatus(text: string, tone: Tone): void {
    this.statusTone = tone;
    this.statusText = text;
  }

  // ——— rendering ———

  protected override render(): TemplateResult {
    const t = this.messages.receipt;
    const h = this.shown;
    const status = html`<p class="status ${this.statusTone}" role="status" aria-live="polite" part="status">${this.statusText}</p>`;
    if (this.load.state === 'loading' && !h) return html`<div class="base" part="base"><p role="status">${t.loading}</p></div>`;
    if (this.load.state === 'failed' || this.load.state === 'invalid') {
      const text = renderTemplate(this.load.state === 'failed' ? t.loadFailed : t.invalid, { reason: this.load.reason });
      return html`<div class="base" part="base"><p class="error" role="alert">${text}</p></div>`;
    }
    if (!h) return html`<div class="base" part="base"><p>${t.empty}</p>${status}</div>`;
    return html`<article class="base" part="base" aria-labelledby="title">
      ${this.renderHeader(h, t)}
      ${this.renderWhy(h, t)}
      ${this.renderCustomer(h, t)}
      ${this.renderRecap(h, t)}
      ${this.renderActions(h, t)}
      ${this.renderTold(h, t)}
      ${this.renderContingency(h, t)}
      ${this.renderAcks(h, t)}
      ${this.renderForm(h, t)}
      ${status}
    </article>`;
  }

  private renderHeader(h: ReceivedHandoff, t: ReceiptTexts): TemplateResult {
    const flagged = h.transfer.flagged;
    return html`<header>
      <div>
        <h2 id="title">${renderTemplate(t.title, { customer: h.customer.name })}</h2>
        <p class="meta">${renderTemplate(t.from, { name: h.from.name, team: h.from.team, case: h.case.id, time: this.time(h.receivedAt) || undefined })}
          ${h.training ? html`<span class="tag training">${t.training}</span>` : nothing}</p>
      </div>
      <p class="transfer ${flagged ? 'flagged' : ''}" part="transfer">${renderTemplate(flagged ? t.flagged : t.transfer, { count: h.transfer.count })}</p>
    </header>`;
  }

  private section(id: string, title: string, content: TemplateResult): TemplateResult {
    return html`<section part="section" aria-labelledby="h-${id}"><h3 id="h-${id}">${title}</h3>${content}</section>`;
  }

  private renderWhy(h: ReceivedHandoff, t: ReceiptTexts): TemplateResult {
    const o = this.messages.ui.options;
    return this.section('why', t.sections.why, html`
      <p><strong>${o.reason[h.reason.code]}</strong>: <span class="quote">${h.reason.detail}</span></p>
      <p class="meta">${t.labels.priority}: ${o.priority[h.priority]} · ${t.labels.channel}: ${o.channel[h.channel]}</p>
      <p>${renderTemplate(t.mode[h.mode], { name: h.from.name })}</p>`);
  }

  private renderCustomer(h: ReceivedHandoff, t: ReceiptTexts): TemplateResult {
    const c = h.customer;
    const v = c.verification;
    const rows: [string, string | undefined][] = [
      [t.labels.account, c.accountId], [t.labels.phone, c.contact.phone], [t.labels.email, c.contact.email], [t.labels.language, c.language],
    ];
    return this.section('customer', t.sections.customer, html`
      <p><strong>${c.name}</strong></p>
      <dl>${rows.filter(([, value]) => value).map(([label, value]) => html`<dt>${label}</dt><dd>${value}</dd>`)}</dl>
      ${v.status === 'verified'
        ? html`<p part="verification" class="verified">${renderTemplate(t.verified, { method: v.method, by: v.by, time: this.time(v.at) })} ${t.noReverify}</p>`
        : html`<p part="verification" class="unverified">${t.unverified}</p>`}`);
  }

  private renderRecap(h: ReceivedHandoff, t: ReceiptTexts): TemplateResult {
    const { recap } = h;
    return this.section('recap', t.sections.recap, html`
      <p class="quote">${recap.summary}</p>
      ${recap.tried.length ? html`<h4 class="meta">${t.labels.tried}</h4><ul>${recap.tried.map((step) => html`<li>${step}</li>`)}</ul>` : nothing}
      ${recap.expectation ? html`<dl><dt>${t.labels.expectation}</dt><dd>${recap.expectation}</dd></dl>` : nothing}`);
  }

  private renderActions(h: ReceivedHandoff, t: ReceiptTexts): TemplateResult {
    const o = this.messages.ui.options;
    const now = Date.now();
    return this.section('actions', t.sections.actions, html`
      ${h.actions.length
        ? html`<ol part="actions">${byDueTime(h.actions).map((a) => {
            const overdue = a.due !== undefined && Date.parse(a.due) < now;
            return html`<li><strong>${o.owner[a.owner]}</strong>: ${a.text}
              <span class="meta">— ${renderTemplate(a.due ? t.due : t.noDue, { time: this.time(a.due) })}</span>${overdue ? html`<span class="tag overdue">${t.overdue}</span>` : nothing}</li>`;
          })}</ol>`
        : html`<p>${t.noActions}</p>`}
      <dl>
        ${h.nextSteps ? html`<dt>${t.labels.nextSteps}</dt><dd class="quote">${h.nextSteps}</dd>` : nothing}
        ${h.followUp ? html`<dt>${t.labels.followUp}</dt><dd>${renderTemplate(t.followUp, { time: this.time(h.followUp.at), who: o.followUpBy[h.followUp.by], note: h.followUp.note })}</dd>` : nothing}
      </dl>`);
  }

  private renderTold(h: ReceivedHandoff, t: ReceiptTexts): TemplateResult {
    const checks = ['customerInformed', 'apologyGiven', 'detailsConfirmed'] as const;
    return this.section('told', t.sections.told, html`
      <dl><dt>${t.labels.managingUp}</dt><dd class="quote">${h.script.managingUp}</dd></dl>
      <ul>${checks.map((key) => html`<li>${t.checklist[key]}: <strong>${h.script[key] ? t.yes : t.no}</strong></li>`)}</ul>`);
  }

  private renderContingency(h: ReceivedHandoff, t: ReceiptTexts): TemplateResult | typeof nothing {
    const c = h.contingency;
    if (!c && !h.from.callback) return nothing;
    const o = this.messages.ui.options;
    const fallback = c ? [c.fallback.name, c.fallback.hours].filter(Boolean).join(', ') : '';
    return this.section('contingency', t.sections.contingency, html`<dl>
      ${c ? html`<dt>${t.labels.fallback}</dt><dd><a href="tel:${c.fallback.phone}">${c.fallback.phone}</a>${fallback ? ` (${fallback})` : ''}</dd>
        <dt>${t.labels.ifUnavailable}</dt><dd>${o.ifUnavailable[c.ifUnavailable]}</dd>
        ${c.plans?.length ? html`<dt>${t.labels.plans}</dt><dd><ul>${c.plans.map((p) => html`<li>${renderTemplate(t.plan, { if: p.if, then: p.then })}</li>`)}</ul></dd>` : nothing}
        ${c.note ? html`<dt>${t.labels.note}</dt><dd class="quote">${c.note}</dd>` : nothing}` : nothing}
      ${h.from.callback ? html`<dt>${t.labels.callback}</dt><dd><a href="tel:${h.from.callback}">${h.from.callback}</a></dd>` : nothing}
    </dl>`);
  }

  private renderAcks(h: ReceivedHandoff, t: ReceiptTexts): TemplateResult | typeof nothing {
    const acks = (h.acks ?? []).map(ackOf);
    if (!acks.length) return nothing;
    return this.section('acks', t.sections.acks, html`<ul>${acks.map((a) => html`<li>${a.accepted
      ? renderTemplate(t.ackAccepted, { name: a.by.name, time: this.time(a.at), readBack: a.readBack })
      : renderTemplate(t.ackDeclined, { name: a.by.name, time: this.time(a.at), reason: a.declineReason })}</li>`)}</ul>`);
  }

  private renderForm(h: ReceivedHandoff, t: ReceiptTexts): TemplateResult | typeof nothing {
    if (this.sent || (h.acks ?? []).map(ackOf).some((a) => a.accepted)) return nothing;
    if (!this.agentId || !this.agentName) return html`<p class="config-error" role="alert">${t.noAgent}</p>`;
    const labels = this.messages.fieldLabels;
    return html`<form part="form" novalidate @submit=${this.onSubmit} @input=${this.onInput} aria-labelledby="h-respond">
      <section part="section">
        <h3 id="h-respond">${t.sections.respond}</h3>
        ${this.textArea('readBack', labels.readBack ?? 'Read-back', t.hints.readBack, this.readBack, true)}
        ${this.textArea('questions', labels.questions ?? 'Questions', t.hints.questions, this.questions, false)}
        <fieldset class="decision">
          <legend>${t.decision}</legend>
          ${(['accept', 'decline'] as const).map((d) => html`<label class="radio"><input type="radio" name="decision" value=${d}
            .checked=${this.decision === d} />${d === 'accept' ? t.accept : t.decline}</label>`)}
        </fieldset>
        ${this.decision === 'decline' ? this.textArea('declineReason', labels.declineReason ?? 'Reason', t.hints.declineReason, this.declineReason, true) : nothing}
        <div class="actions"><button type="submit" class="primary" part="send-button">${t.send}</button></div>
      </section>
    </form>`;
  }

  private textArea(name: string, label: string, hint: string, value: string, required: boolean): TemplateResult {
    const error = this.errors.find((e) => e.path === name);
    const describedBy = `${name}-hint${error ? ` ${name}-error` : ''}`;
    return html`<div class="field">
      <div class="label-row"><label for=${name}>${label}</label>${required ? html`<span class="req">${this.messages.ui.required}</span>` : nothing}</div>
      <p class="hint" id="${name}-hint">${hint}</p>
      <textarea part="input" id=${name} name=${name} rows="3" .value=${value} ?required=${required}
        aria-invalid=${error ? 'true' : 'false'} aria-describedby=${describedBy}></textarea>
      ${error ? html`<p class="error" part="error" id="${name}-error">${error.message}</p>` : nothing}
    </div>`;
  }
}
