import { LitElement, css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { Outbox, OutboxOptions } from '../../outbox/outbox.js';
import type { OutboxCounts, OutboxItem } from '../../outbox/types.js';
import { renderTemplate } from '../../payload/template.js';
import { mergeMessages, messagesFor, type HandoffMessages, type HandoffMessagesOverride } from '../messages/catalogue.js';
import { elementDefaults, elementLocale, onDefaultsChange } from '../shared/defaults.js';
import { changedStructurally } from '../shared/equal.js';
import { elementOutbox } from '../shared/outbox-registry.js';

/**
 * `<handoff-outbox-status>`: how many handoffs wait to be sent and how many need attention, across
 * every tab, with the dead-letter list to retry or discard.
 *
 * @tagname handoff-outbox-status
 * @csspart base - the whole element
 * @csspart counts - the summary line (a live region)
 * @csspart dead-list - the list of items that need attention
 */
export class HandoffOutboxStatus extends LitElement {
  static override styles = css`
    :host { display: block !important; } /* see shared/base.styles.ts */
    /* Typography on an inner element: page rules like \`* { all: revert }\` reach the host itself. */
    div { font-family: var(--handoff-font, system-ui, sans-serif); font-size: var(--handoff-font-size, 15px); font-weight: 400;
      line-height: 1.45; letter-spacing: normal; word-spacing: normal; text-align: start; text-transform: none;
      color: var(--handoff-color-text, #1b2230); }
    @media (prefers-color-scheme: dark) { div { color: var(--handoff-color-text, #e8ecf3); } }
    :host([hidden]) { display: none !important; }
    p { margin: 0; font-weight: 600; }
    .dead { color: var(--handoff-color-danger, #b3261e); }
    ul { margin: 0.4em 0 0; padding: 0; list-style: none; display: grid; gap: 0.4em; }
    li { display: flex; flex-wrap: wrap; gap: 0.5em; align-items: center; }
    code { font-size: 0.85em; }
    button { font: inherit; cursor: pointer; border-radius: var(--handoff-radius, 0.4em); padding: 0.25em 0.7em; min-block-size: 2.2em;
      border: 1px solid var(--handoff-color-accent, #1d4ed8); background: transparent; color: var(--handoff-color-accent, #1d4ed8); }
    :focus-visible { outline: 3px solid var(--handoff-color-focus, #1d4ed8); outline-offset: 2px; }
    @media (prefers-color-scheme: dark) {
      .dead { color: var(--handoff-color-danger, #ffb4ab); }
      button { border-color: var(--handoff-color-accent, #8ab4ff); color: var(--handoff-color-accent, #8ab4ff); }
    }
  `;

  static override properties = {
    endpoint: { type: String },
    config: { attribute: false, hasChanged: changedStructurally },
    counts: { state: true },
    deadItems: { state: true },
  };

  declare endpoint: string | undefined;
  declare config: { outbox?: Partial<OutboxOptions>; messages?: HandoffMessages | HandoffMessagesOverride; locale?: string };
  protected declare counts: OutboxCounts | undefined;
  protected declare deadItems: OutboxItem[];
  private outbox: Outbox | undefined;

  constructor() {
    super();
    this.config = {};
    this.deadItems = [];
  }

  private stopDefaults: (() => void) | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    this.stopDefaults = onDefaultsChange(() => {
      this.connect();
      this.requestUpdate();
    });
    this.connect();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopDefaults?.();
    this.outbox?.removeEventListener('change', this.onChange);
    this.outbox = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if ((changed.has('endpoint') || changed.has('config')) && this.isConnected) this.connect();
  }

  private connect(): void {
    const outbox = elementOutbox(this.endpoint, this.config.outbox);
    if (!outbox || outbox === this.outbox) return;
    this.outbox?.removeEventListener('change', this.onChange);
    this.outbox = outbox;
    outbox.addEventListener('change', this.onChange);
    void this.refresh();
  }

  private readonly onChange = (): void => {
    void this.refresh();
  };

  /** Re-reads the counts and the dead-letter list (called on every change, in any tab). */
  readonly refresh = async (): Promise<void> => {
    if (!this.outbox) return;
    try {
      [this.counts, this.deadItems] = await Promise.all([this.outbox.counts(), this.outbox.dead()]);
    } catch {
      // Storage unavailable: the panel reports that where it matters, at submit.
    }
  };

  private get messages(): HandoffMessages {
    return mergeMessages(messagesFor(elementLocale(this, this.config.locale)), this.config.messages ?? elementDefaults().messages);
  }

  protected override render(): TemplateResult {
    const t = this.messages.ui.outbox;
    const c = this.counts;
    const waiting = c ? c.pending + c.sending : 0;
    const summary = !c ? '' : waiting === 0 && c.dead === 0 ? t.allDelivered
      : [waiting ? renderTemplate(t.pending, { count: waiting }) : '', c.dead ? renderTemplate(t.dead, { count: c.dead }) : ''].filter(Boolean).join(' · ');
    return html`<div part="base">
      <p part="counts" role="status" aria-live="polite" class=${c?.dead ? 'dead' : ''}>${summary}</p>
      ${this.deadItems.length
        ? html`<ul part="dead-list" aria-label=${t.deadList}>${this.deadItems.map((item) => this.renderDead(item, t))}</ul>`
        : nothing}
    </div>`;
  }

  private renderDead(item: OutboxItem, t: HandoffMessages['ui']['outbox']): TemplateResult {
    const why = item.deadReason === 'expired' ? t.expiredItem : renderTemplate(t.rejectedItem, { reason: item.lastError?.status ?? item.lastError?.kind ?? '' });
    const label = `${item.kind} ${item.id.slice(0, 8)}`;
    return html`<li>
      <span>${why}</span> <code>${label}</code>
      <button type="button" aria-label="${t.retry} ${label}" @click=${() => this.act(() => this.outbox?.retry(item.id))}>${t.retry}</button>
      <button type="button" aria-label="${t.discard} ${label}" @click=${() => this.act(() => this.outbox?.discard(item.id))}>${t.discard}</button>
    </li>`;
  }

  private async act(action: () => Promise<void> | undefined): Promise<void> {
    await action()?.catch(() => undefined);
    await this.refresh();
  }
}
