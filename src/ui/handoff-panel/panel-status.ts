/** The panel's live status line: a notice of the panel's own, else what its delivery is at. */
import type { HandoffAckV1 } from '../../payload/types.js';
import { renderTemplate } from '../../payload/template.js';
import type { HandoffMessages } from '../messages/catalogue.js';
import { emit, type HandoffFailure } from '../events.js';
import { missedKinds, readBackMissed } from './read-back-missed.js';
import { deliveryStatus, type Delivery, type Tone } from '../shared/controllers/delivery.controller.js';

/** What the status line says when it is not about the delivery. */
export type Notice =
  { kind: 'restored' | 'masked' | 'copied' | 'cancelled' | 'no-endpoint' } | { kind: 'ack'; ack: HandoffAckV1 };

export function panelStatus(
  notice: Notice | undefined,
  delivery: Delivery,
  ui: HandoffMessages['ui'],
  locale: string,
): { text: string; tone: Tone } | undefined {
  if (notice?.kind === 'ack') {
    const { by, accepted, at, declineReason } = notice.ack;
    const time = new Date(at).toLocaleTimeString(locale);
    return accepted
      ? {
          text:
            renderTemplate(ui.status.acknowledged, { name: by.name, time }) +
            readBackMissed(missedKinds(notice.ack), ui, locale),
          tone: 'ok',
        }
      : { text: renderTemplate(ui.status.declined, { name: by.name, reason: declineReason ?? '' }), tone: 'warn' };
  }
  if (notice?.kind === 'no-endpoint') return { text: ui.status.noEndpoint, tone: 'error' };
  if (notice?.kind === 'cancelled') return { text: ui.status.cancelled, tone: 'warn' };
  if (notice)
    return { text: { masked: ui.masked, copied: ui.copied, restored: ui.status.restored }[notice.kind], tone: 'info' };
  return deliveryStatus(delivery, ui.status, locale);
}

/** Each change of the sent item's delivery: the host hears of the outcome. */
export function announceDelivery(
  panel: HTMLElement,
  delivery: Delivery,
  status: HandoffMessages['ui']['status'],
): void {
  const fail = (reason: HandoffFailure['reason'], message: string) =>
    emit(panel, 'handoff-failed', { id: delivery.state === 'idle' ? undefined : delivery.id, reason, message });
  if (delivery.state === 'delivered') emit(panel, 'handoff-delivered', { id: delivery.id });
  else if (delivery.state === 'expired') fail('expired', status.expired);
  else if (delivery.state === 'auth') fail('auth', status.auth);
  else if (delivery.state === 'rejected')
    fail('rejected', renderTemplate(status.rejected, { reason: delivery.reason }));
}

/** Puts a payload on the clipboard as JSON; whether the browser let it. */
export function copyJson(payload: unknown): Promise<boolean> {
  return navigator.clipboard.writeText(JSON.stringify(payload, null, 2)).then(
    () => true,
    () => false,
  );
}
