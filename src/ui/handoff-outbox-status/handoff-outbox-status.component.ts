import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { OutboxCounts, OutboxItem } from '../../outbox/types.js';
import { renderTemplate } from '../../payload/template.js';
import type { UiTexts } from '../messages/catalogue.js';
import { enShell } from '../messages/shell.js';
import type { ElementConfig } from '../shared/config.js';
import { MessagesController } from '../shared/controllers/messages.controller.js';
import { OutboxController } from '../shared/controllers/outbox.controller.js';
import { changedStructurally } from '../shared/equal.js';
import { textReset, tokenStyles } from '../shared/tokens.styles.js';
import { outboxStatusStyles } from './handoff-outbox-status.styles.js';

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
  static override styles = [tokenStyles, textReset('div'), outboxStatusStyles];

  static override properties = {
    endpoint: { type: String },
    config: { attribute: false, hasChanged: changedStructurally },
    counts: { state: true },
    deadItems: { state: true },
  };

  /** The outbox's endpoint (or `config.outbox.endpoint`, or the page-wide default). */
  declare endpoint: string | undefined;
  /** @default {} */
  declare config: ElementConfig;
  declare protected counts: OutboxCounts | undefined;
  declare protected deadItems: OutboxItem[];

  readonly #texts = new MessagesController(this, enShell);
  readonly #outboxes = new OutboxController(this, () => void this.refresh());

  constructor() {
    super();
    this.config = {};
    this.deadItems = [];
    this.#outboxes.on(['change'], () => void this.refresh());
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('endpoint') || changed.has('config')) this.#outboxes.resolve();
  }

  /** Re-reads the counts and the dead-letter list (called on every change, in any tab). */
  readonly refresh = async (): Promise<void> => {
    const outbox = this.#outboxes.outbox;
    if (!outbox) return;
    try {
      [this.counts, this.deadItems] = await Promise.all([outbox.counts(), outbox.dead()]);
    } catch {
      // Storage unavailable: the panel reports that where it matters, at submit.
    }
  };

  protected override render(): TemplateResult {
    const t = this.#texts.messages.ui.outbox;
    const c = this.counts;
    const waiting = c ? c.pending + c.sending : 0;
    const parts = c
      ? [
          waiting ? renderTemplate(t.pending, { count: waiting }) : '',
          c.dead ? renderTemplate(t.dead, { count: c.dead }) : '',
        ]
      : [];
    const summary = !c ? '' : waiting === 0 && c.dead === 0 ? t.allDelivered : parts.filter(Boolean).join(' · ');
    return html`<div part="base">
      <p part="counts" role="status" aria-live="polite" class=${c?.dead ? 'dead' : ''}>${summary}</p>
      ${
        this.deadItems.length
          ? html`<ul part="dead-list" aria-label=${t.deadList}>
              ${this.deadItems.map((item) => this.#renderDead(item, t))}
            </ul>`
          : nothing
      }
    </div>`;
  }

  #renderDead(item: OutboxItem, t: UiTexts['outbox']): TemplateResult {
    const why =
      item.deadReason === 'expired'
        ? t.expiredItem
        : item.deadReason === 'unreadable'
          ? t.unreadableItem
          : renderTemplate(t.rejectedItem, { reason: item.lastError?.status ?? item.lastError?.kind ?? '' });
    const label = `${item.kind} ${item.id.slice(0, 8)}`;
    const removed = item.payloadRemovedAt !== undefined;
    return html`<li>
      <span>${why}${removed ? html`; ${t.payloadRemoved}` : nothing}</span> <code>${label}</code>
      ${
        removed || item.deadReason === 'unreadable'
          ? nothing
          : html`<button
              type="button"
              aria-label="${t.retry} ${label}"
              @click=${() => this.#act(() => this.#outboxes.outbox?.retry(item.id))}
            >${t.retry}</button>`
      }
      <button
        type="button"
        aria-label="${t.discard} ${label}"
        @click=${() => this.#act(() => this.#outboxes.outbox?.discard(item.id))}
      >${t.discard}</button>
    </li>`;
  }

  async #act(action: () => Promise<void> | undefined): Promise<void> {
    await action()?.catch(() => undefined);
    await this.refresh();
  }
}
