/** Status lines the elements show for their own item as the outbox reports on it. */
import type { OutboxEventDetail } from '../../outbox/types.js';
import { renderTemplate } from '../../payload/template.js';

/** For a retry: "offline" while the browser is, else why it failed and when it tries again. */
export function retryingStatus(detail: OutboxEventDetail, texts: { queuedOffline: string; retrying: string }, locale: string): string {
  if (typeof navigator !== 'undefined' && !navigator.onLine) return texts.queuedOffline;
  const time = new Date(detail.nextAttemptAt ?? Date.now()).toLocaleTimeString(locale);
  const reason = detail.error?.status ? `HTTP ${detail.error.status}` : (detail.error?.kind ?? '');
  return renderTemplate(texts.retrying, { reason, time });
}

/** For a dead item: the server's words, shortened to fit a status line. */
export function deadReason(detail: OutboxEventDetail): string {
  return detail.error?.message.slice(0, 200) ?? '';
}
