/** The list of the case's earlier handoffs at the top of `<handoff-panel>`. */
import { html, nothing, type TemplateResult } from 'lit';
import { renderTemplate } from '../../payload/template.js';
import type { UiTexts } from '../messages/catalogue.js';
import type { Fate, HistoryItem } from './case-history.controller.js';
import { readBackMissed } from './read-back-missed.js';

/** A fate in words, with the tone of its line. */
function describeFate(
  fate: Fate,
  ui: UiTexts,
  locale: string,
): { text: string; tone: 'info' | 'ok' | 'warn' | 'error' } {
  const t = ui.history;
  const time = (at: number | string) => new Date(at).toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit' });
  switch (fate.kind) {
    case 'waiting':
      return {
        text: typeof navigator !== 'undefined' && !navigator.onLine ? t.waitingOffline : t.waiting,
        tone: 'warn',
      };
    case 'sending':
      return { text: t.sending, tone: 'info' };
    case 'retrying':
      return { text: renderTemplate(t.retrying, { reason: fate.reason, time: time(fate.at) }), tone: 'warn' };
    case 'delivered':
      return { text: t.delivered, tone: 'ok' };
    case 'acknowledged':
      return {
        text:
          renderTemplate(t.acknowledged, { name: fate.name, time: time(fate.at) }) +
          readBackMissed(fate.missed, ui, locale),
        tone: 'ok',
      };
    case 'declined':
      return { text: renderTemplate(t.declined, { name: fate.name, reason: fate.reason }), tone: 'warn' };
    case 'rejected':
      return { text: renderTemplate(t.rejected, { reason: fate.reason }), tone: 'error' };
    case 'expired':
      return { text: t.expired, tone: 'error' };
    case 'discarded':
      return { text: t.discarded, tone: 'error' };
    case 'left':
      return { text: t.left, tone: 'info' };
  }
}

/** Entries shown at once; dismissing one brings the next. */
const SHOWN = 5;

export function renderCaseHistory(
  all: readonly HistoryItem[],
  ui: UiTexts,
  locale: string,
  onDismiss: (id: string) => void,
): TemplateResult | typeof nothing {
  if (!all.length) return nothing;
  const t = ui.history;
  const items = all.slice(0, SHOWN);
  const sent = (at: number) => new Date(at).toLocaleString(locale, { dateStyle: 'short', timeStyle: 'short' });
  return html`<section class="history" part="history" aria-labelledby="history-title">
    <h3 id="history-title">${t.title}</h3>
    <ul>
      ${items.map(({ entry, fate }) => {
        const { text, tone } = describeFate(fate, ui, locale);
        return html`<li data-id=${entry.id}>
          <span class="history-to"
            >${renderTemplate(t.to, { receiver: entry.receiver, time: sent(entry.sentAt) })}</span
          >
          <span class="history-fate tone-${tone}">${text}</span>
          <button
            type="button"
            class="secondary"
            aria-label=${renderTemplate(t.dismissLabel, { receiver: entry.receiver })}
            @click=${() => onDismiss(entry.id)}
          >${t.dismiss}</button>
        </li>`;
      })}
    </ul>
    ${all.length > SHOWN ? html`<p class="hint">${renderTemplate(t.more, { count: all.length - SHOWN })}</p>` : nothing}
  </section>`;
}
