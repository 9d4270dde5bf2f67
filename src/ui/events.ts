/**
 * The events the UI elements dispatch. All bubble and are composed, so a host listens on the element
 * or on any ancestor, through shadow roots.
 */
import type { FieldError } from '../payload/checker.js';
import type { HandoffAckV1, HandoffV1 } from '../payload/types.js';
import type { DeadReason, OutboxItem } from '../outbox/types.js';

export interface HandoffFailure {
  id?: string;
  /** storage: not saved at all; rejected/expired: dead-lettered; auth: sending paused for sign-in. */
  reason: 'storage' | DeadReason | 'auth';
  message: string;
}

export interface HandoffPanelEventMap {
  /** Before saving: cancel it (`preventDefault()`) to veto the handoff. The detail is the payload. */
  'handoff-submit': CustomEvent<HandoffV1>;
  /** Durably saved in the outbox; delivery follows. */
  'handoff-queued': CustomEvent<{ payload: HandoffV1; item: OutboxItem }>;
  'handoff-delivered': CustomEvent<{ id: string }>;
  /** The receiver acknowledged (or declined) a handoff this panel sent. */
  'handoff-acknowledged': CustomEvent<{ handoffId: string; ack: HandoffAckV1 }>;
  'handoff-failed': CustomEvent<HandoffFailure>;
  /** `<handoff-receipt>`, before saving an acknowledgement: cancel it to veto. The detail is the acknowledgement. */
  'handoff-ack-submit': CustomEvent<HandoffAckV1>;
  /** `<handoff-receipt>`: the acknowledgement is durably saved in the outbox. */
  'handoff-ack-queued': CustomEvent<{ payload: HandoffAckV1; item: OutboxItem }>;
  /** `<handoff-receipt>`: the acknowledgement reached the sender's side. */
  'handoff-ack-delivered': CustomEvent<{ id: string; handoffId: string }>;
  /** "Send" found problems; they are shown at their fields. */
  'handoff-invalid': CustomEvent<{ errors: FieldError[] }>;
  /** `<handoff-receipt>`: "Copy as note" put the handoff on the clipboard as an internal note. */
  'handoff-note-copied': CustomEvent<{ handoffId: string; text: string }>;
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- augments the DOM's map with ours
  interface HTMLElementEventMap extends HandoffPanelEventMap {}
}

export function emit<K extends keyof HandoffPanelEventMap>(
  target: EventTarget,
  type: K,
  detail: HandoffPanelEventMap[K]['detail'],
  cancelable = false,
): boolean {
  return target.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true, cancelable }));
}
