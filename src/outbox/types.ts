import type { HandoffAckV1, HandoffV1 } from '../payload/types.js';
import type { Sealed } from '../storage/seal.js';

export type OutboxPayload = HandoffV1 | HandoffAckV1;
export type OutboxKind = 'handoff' | 'ack';
export type OutboxState = 'pending' | 'sending' | 'delivered' | 'dead';

export interface AttemptError {
  /** `not-a-receipt`: a 2xx that is not a delivery (an HTML sign-in page, see `deliveryReceipt`). */
  kind: 'network' | 'timeout' | 'http' | 'redirect' | 'auth' | 'expired' | 'headers' | 'not-a-receipt' | 'unreadable';
  /** HTTP status, where there was a response. */
  status?: number;
  /** What went wrong; for a rejected item, the start of the server's response text. */
  message: string;
  at: number;
}

/**
 * Why an item is dead: the server rejected it, it outlived the retention, or its sealed payload no
 * longer opens (its key was lost with the browser's data, or the stored bytes were damaged).
 */
export type DeadReason = 'rejected' | 'expired' | 'unreadable';

/**
 * One queued payload. In IndexedDB the payload is only ever `sealed` (encrypted); `payload` is the
 * opened copy in memory. Both are dropped once delivered (data minimisation), and a dead item's after
 * `deadPayloadRetentionMs`.
 */
export interface OutboxRecord {
  /** The payload id, also the Idempotency-Key. */
  id: string;
  kind: OutboxKind;
  /** The absolute URL it is POSTed to. */
  endpoint: string;
  /**
   * The endpoint of the outbox that queued it (absolute). Only an outbox configured for this endpoint
   * sends it, with that outbox's headers and credentials.
   */
  route: string;
  payload?: OutboxPayload;
  sealed?: Sealed;
  /** `lastError.message` as stored: sealed (the server's answer may quote the payload). */
  sealedError?: Sealed;
  state: OutboxState;
  attempts: number;
  enqueuedAt: number;
  /** Retention counts from here: the enqueue, or a manual retry of a dead item. */
  retainFrom: number;
  /** How long it is kept undelivered: its own outbox's `retentionMs` when it was queued. */
  retentionMs?: number;
  nextAttemptAt: number;
  lastError?: AttemptError;
  deliveredAt?: number;
  deadReason?: DeadReason;
  /** When it became dead (its payload is kept `deadPayloadRetentionMs` from then). */
  deadAt?: number;
  /** A dead item's payload was removed at this time, after its retention; it can no longer be retried. */
  payloadRemovedAt?: number;
}

/** A record's state without its payload, as the status API reports it. */
export type OutboxItem = Omit<OutboxRecord, 'payload' | 'sealed' | 'sealedError'> & {
  /**
   * `'endpoint'`: pending, but no outbox on this page is configured for its endpoint (`route`), so this
   * page will not send it; it waits for a page that is, and never borrows another endpoint's credentials.
   */
  waitingFor?: 'endpoint';
};

export interface OutboxCounts {
  pending: number;
  sending: number;
  delivered: number;
  dead: number;
}

export interface OutboxEventDetail {
  id: string;
  kind: OutboxKind;
  state: OutboxState;
  attempts: number;
  nextAttemptAt?: number;
  error?: AttemptError;
  deadReason?: DeadReason;
  /** True when the event happened in another tab (or another outbox instance on the same database). */
  remote: boolean;
}

export interface OutboxEventMap {
  queued: CustomEvent<OutboxEventDetail>;
  sending: CustomEvent<OutboxEventDetail>;
  delivered: CustomEvent<OutboxEventDetail>;
  retrying: CustomEvent<OutboxEventDetail>;
  dead: CustomEvent<OutboxEventDetail>;
  /** A dead item was deleted for good (`discard()`); it was never delivered. */
  discarded: CustomEvent<OutboxEventDetail>;
  /** Deliveries are paused until `resume()`; the host should refresh the credentials its headers() hook returns. */
  'auth-required': CustomEvent<{ status: number; remote: boolean }>;
  /** Any change of counts (after any of the above, a discard, a purge). */
  change: CustomEvent<{ remote: boolean }>;
}
export type OutboxEventType = keyof OutboxEventMap;

/** The events about one item, in the order an item can go through them. */
export const ITEM_EVENTS = ['queued', 'sending', 'retrying', 'delivered', 'dead', 'discarded'] as const;
export type ItemEvent = (typeof ITEM_EVENTS)[number];
