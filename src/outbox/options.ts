/**
 * The outbox's options, their defaults, and which of them can change after it is created.
 */
import type { HandoffAckV1 } from '../payload/types.js';
import { systemClock, type Clock } from './clock.js';
import type { BackoffOptions } from './policy.js';
import type { DeliveryReceipt, HttpOptions } from './transport.js';

export interface OutboxOptions extends HttpOptions {
  /**
   * Where handoffs are POSTed; a path is resolved against the page and stored absolute. This outbox
   * sends only the items queued for this endpoint, and only with its own `headers` and `credentials`.
   */
  endpoint: string;
  /**
   * Where acknowledgements are POSTed.
   * @default `${endpoint}/${handoffId}/ack`
   */
  ackEndpoint?: string | ((ack: HandoffAckV1) => string);
  /**
   * Per-attempt time limit, the `headers()` hook and the receipt check included.
   * @default 15000
   */
  timeoutMs?: number;
  /**
   * Which 2xx counts as delivered: `'json'` (204/205, an empty body or JSON; never an HTML page),
   * `'echo-id'` (JSON echoing the payload's id, the reference receiver's answer), or a function.
   * @default 'json'
   */
  deliveryReceipt?: DeliveryReceipt;
  /**
   * Full-jitter exponential backoff.
   * @default { baseMs: 1000, capMs: 300000 }
   */
  backoff?: Partial<BackoffOptions>;
  /**
   * How long an undelivered item is kept before it is dead-lettered as expired.
   * @default 604800000 (7 days)
   */
  retentionMs?: number;
  /**
   * How long a dead item (rejected or expired) keeps its payload for a retry or a copy; after that only
   * its record is kept, saying that the payload was removed (`payloadRemovedAt`).
   * @default 604800000 (7 days)
   */
  deadPayloadRetentionMs?: number;
  /**
   * How long a delivered item's record (without its payload) stays visible.
   * @default 300000 (5 minutes)
   */
  deliveredRetentionMs?: number;
  /**
   * Requests in flight at once from the delivering tab.
   * @default 4
   */
  concurrency?: number;
  /**
   * A safety net: how often every tab looks for due work even without a signal.
   * @default 30000
   */
  pollIntervalMs?: number;
  /**
   * IndexedDB database name, shared by every tab of the origin.
   * @default 'handoff-outbox'
   */
  name?: string;
  /** @default the system clock */
  clock?: Clock;
  /** @default Math.random */
  random?: () => number;
  /**
   * Web Locks; `null` uses the IndexedDB lease instead.
   * @default navigator.locks, where present
   */
  locks?: LockManager | null;
  /**
   * Whether to start delivering at once.
   * @default true
   */
  autoStart?: boolean;
}

/** The options an outbox can take on after it was created (`reconfigure()`): how it talks to its endpoint. */
export const RECONFIGURABLE = [
  'headers',
  'credentials',
  'fetch',
  'timeoutMs',
  'deliveryReceipt',
  'ackEndpoint',
  'backoff',
  'retentionMs',
  'deadPayloadRetentionMs',
] as const;
export type ReconfigurableOption = (typeof RECONFIGURABLE)[number];

export type ResolvedOptions = Required<
  Omit<OutboxOptions, 'ackEndpoint' | 'headers' | 'credentials' | 'locks' | 'backoff' | 'fetch'>
> &
  OutboxOptions;

const DAY = 86_400_000;

export const DEFAULTS = {
  timeoutMs: 15_000,
  deliveryReceipt: 'json' as DeliveryReceipt,
  retentionMs: 7 * DAY,
  deadPayloadRetentionMs: 7 * DAY,
  deliveredRetentionMs: 5 * 60_000,
  concurrency: 4,
  pollIntervalMs: 30_000,
  name: 'handoff-outbox',
  clock: systemClock,
  random: Math.random,
  autoStart: true,
};

/** An options bag without its undefined entries, so they never overwrite a default or an earlier value. */
export function withoutUndefined<T extends object>(options: T): Partial<T> {
  return Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined)) as Partial<T>;
}
