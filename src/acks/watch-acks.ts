/**
 * Watching for the receiver's acknowledgement of a delivered handoff, so the sender sees "acknowledged
 * by …". No Lit and no DOM beyond fetch and EventSource.
 *
 * - `poll` (default): GET `url(handoffId)` and read its `acks` (the reference receiver's
 *   `GET /handoffs/:id`), at `intervalMs`, slowing down by half each time up to `maxIntervalMs`.
 * - `sse`: an EventSource on `url(handoffId)` (default `…/handoffs/:id/events`) sending `ack` events;
 *   a stream the endpoint refuses for good (a 404, a 503) falls back to `poll` on `…/handoffs/:id`.
 * - `subscribe`: your own transport (a websocket, your CRM's push channel).
 */
import { validateAck } from '../payload/ack.js';
import type { HandoffAckV1 } from '../payload/types.js';
import { systemClock, type Clock } from '../outbox/clock.js';
import { ackEventsUrl, handoffUrl } from '../outbox/routes.js';
import type { HttpOptions } from '../outbox/transport.js';

export interface AckWatchOptions extends HttpOptions {
  /**
   * `poll` GETs the handoff and reads its `acks` (headers are sent: the only transport that can carry a
   * token); `sse` listens to its event stream (EventSource sends no headers).
   * @default 'poll'
   */
  transport?: 'poll' | 'sse';
  /**
   * The URL to poll or stream for one handoff.
   * @default `${endpoint}/${id}` (poll), `${endpoint}/${id}/events` (sse)
   */
  url?: (handoffId: string) => string;
  /**
   * First poll interval.
   * @default 3000
   */
  intervalMs?: number;
  /**
   * Polls slow down (by half each time) to this.
   * @default 60000
   */
  maxIntervalMs?: number;
  /**
   * How long to keep watching after delivery.
   * @default 1800000 (30 minutes)
   */
  timeoutMs?: number;
  /**
   * Polling only: called once when the endpoint answers 2xx for the handoff, i.e. the receiver has it
   * (how a page learns of a delivery another page made).
   */
  onFound?: () => void;
  /** Your own transport: call `onAck` for each acknowledgement; return a function that stops it. */
  subscribe?: (handoffId: string, onAck: (ack: HandoffAckV1) => void) => () => void;
  /** @default the system clock */
  clock?: Clock;
}

/** An acknowledgement bare, or as the reference receiver lists it (`{ payload, receivedAt }`). */
export type AckEntry = HandoffAckV1 | { payload: HandoffAckV1 };

export const ackOf = (entry: AckEntry): HandoffAckV1 => ('payload' in entry ? entry.payload : entry);

const DEFAULTS = { intervalMs: 3000, maxIntervalMs: 60_000, timeoutMs: 30 * 60_000 };

/** Statuses that say this endpoint has no read-back route: stop asking. */
const UNSUPPORTED = new Set([401, 403, 404, 405, 410, 501]);

/**
 * Calls `onAck` once for each valid acknowledgement of `handoffId` (the first usually settles it).
 * Returns a function that stops watching. Invalid acknowledgements are ignored, never shown.
 */
export function watchAcks(
  endpoint: string,
  handoffId: string,
  onAck: (ack: HandoffAckV1) => void,
  options: AckWatchOptions = {},
): () => void {
  const seen = new Set<string>();
  const deliver = (candidate: unknown) => {
    const ack = candidate && typeof candidate === 'object' ? ackOf(candidate as AckEntry) : candidate;
    if (validateAck(ack).length) return;
    const valid = ack as HandoffAckV1;
    if (valid.handoffId !== handoffId || seen.has(valid.id)) return;
    seen.add(valid.id);
    onAck(valid);
  };
  const clock = options.clock ?? systemClock;
  const base = handoffUrl(endpoint, handoffId);
  const stopTransport = options.subscribe
    ? options.subscribe(handoffId, deliver)
    : options.transport === 'sse'
      ? streamAcks(options.url?.(handoffId) ?? ackEventsUrl(endpoint, handoffId), deliver, options, () =>
          pollAcks(base, deliver, options, clock),
        )
      : pollAcks(options.url?.(handoffId) ?? base, deliver, options, clock);
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    clock.clearTimeout(deadline);
    stopTransport();
  };
  const deadline = clock.setTimeout(stop, options.timeoutMs ?? DEFAULTS.timeoutMs);
  return stop;
}

function pollAcks(
  url: string,
  deliver: (candidate: unknown) => void,
  options: AckWatchOptions,
  clock: Clock,
): () => void {
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const max = options.maxIntervalMs ?? DEFAULTS.maxIntervalMs;
  let interval = options.intervalMs ?? DEFAULTS.intervalMs;
  let timer: unknown;
  let stopped = false;
  let found = false;
  const poll = async () => {
    try {
      const response = await doFetch(url, {
        headers: await options.headers?.(),
        credentials: options.credentials,
        cache: 'no-store',
      });
      if (UNSUPPORTED.has(response.status)) return; // no read-back here: stop quietly
      if (response.ok) {
        if (!found) {
          found = true;
          options.onFound?.();
        }
        const body = (await response.json()) as { acks?: unknown };
        if (Array.isArray(body.acks)) body.acks.forEach(deliver);
      }
    } catch {
      // Offline or a bad answer: ask again later.
    }
    if (stopped) return;
    timer = clock.setTimeout(() => void poll(), interval);
    interval = Math.min(max, Math.round(interval * 1.5));
  };
  void poll();
  return () => {
    stopped = true;
    clock.clearTimeout(timer);
  };
}

/**
 * An EventSource on `url`. One the endpoint refuses for good (any answer but a 200 event stream:
 * EventSource then never reconnects) hands over to `fallback`, polling the handoff.
 */
function streamAcks(
  url: string,
  deliver: (candidate: unknown) => void,
  options: AckWatchOptions,
  fallback: () => () => void,
): () => void {
  const source = new EventSource(url, { withCredentials: options.credentials === 'include' });
  let stopFallback: (() => void) | undefined;
  source.addEventListener('ack', (event) => {
    try {
      deliver(JSON.parse((event as MessageEvent<string>).data));
    } catch {
      // Not JSON: not an acknowledgement.
    }
  });
  source.addEventListener('error', () => {
    if (source.readyState === EventSource.CLOSED) stopFallback ??= fallback();
  });
  return () => {
    source.close();
    stopFallback?.();
  };
}
