// Server-sent event streams over a store's events: the inbox (`handoff` and `ack` events) or one
// handoff's acks. Each event carries its seq as `id:`, so a browser that reconnects sends Last-Event-ID
// and gets exactly what it missed, from whichever instance it reaches.
import { writeEvent } from './http.mjs';

const HISTORY_PAGE = 500;

/** What a subscriber sees of an event: a handoff as the inbox lists it (acks follow as events). */
function eventData(event) {
  return event.kind === 'handoff' ? { ...event.payload, receivedAt: event.receivedAt, acks: [] } : event.payload;
}

/** The seq in a Last-Event-ID header, or undefined when there is none or it is not one of ours. */
export function lastEventId(req) {
  const value = req.headers['last-event-id'];
  return typeof value === 'string' && /^\d{1,15}$/.test(value) ? Number(value) : undefined;
}

/** Ends a stream with a retry hint and closes its connection, so the reconnect opens a new one. */
function endForShutdown(res, retryMs) {
  // Taken now: by the time end() calls back, the response has let go of its socket.
  const socket = res.socket;
  res.write(`retry: ${retryMs}\n\n`);
  res.end(() => socket?.destroy());
}

export function createEventStreams(store) {
  const streams = new Set();
  /** Set once a shutdown closed the streams: one still opening then is ended the same way. */
  let shutdownRetryMs;
  const unsubscribe = store.onEvent((event) => {
    for (const stream of streams) stream.deliver(event);
  });

  /**
   * Where a new stream starts: after its Last-Event-ID (never beyond the newest record: a store that
   * was reset must not silence the stream until its ids catch up), or, for the inbox without one, after
   * the newest record now. A handoff's stream without one starts at its first ack. Read before the
   * stream's headers go out, so nothing committed after the request arrived is skipped.
   */
  async function startAfter({ handoffId, lastEventId }) {
    if (lastEventId === undefined && handoffId) return 0;
    const newest = await store.lastSeq();
    return lastEventId === undefined ? newest : Math.min(lastEventId, newest);
  }

  /**
   * Adds `res` as a stream of the whole inbox or of `handoffId`'s acks, from `after` (startAfter()):
   * the stored events first, then live ones, none twice. The inbox's stream first names where it
   * starts (a `position` event with its id), so a browser that reconnects before any other event
   * says what it last saw.
   */
  async function open(res, { handoffId, after }) {
    let lastSent = after;
    let backlog = [];
    const send = (event) => {
      if (event.seq <= lastSent) return;
      if (handoffId && (event.kind !== 'ack' || event.payload.handoffId !== handoffId)) return;
      lastSent = event.seq;
      writeEvent(res, event.kind, eventData(event), event.seq);
    };
    const stream = { res, deliver: (event) => (backlog ? backlog.push(event) : send(event)) };
    if (res.destroyed) return;
    if (shutdownRetryMs !== undefined) return endForShutdown(res, shutdownRetryMs);
    streams.add(stream);
    res.on('close', () => streams.delete(stream));
    // A real event (Firefox and Safari keep an id only from an event with data), ignored by listeners
    // of `handoff` and `ack`.
    if (!handoffId) writeEvent(res, 'position', { seq: after }, after);
    try {
      for (let page; !page || (page.length === HISTORY_PAGE && !res.destroyed);) {
        page = await store.events({ after: lastSent, handoffId, limit: HISTORY_PAGE });
        page.forEach(send);
      }
    } catch (error) {
      // A live event sent now would carry an id past the history not sent: the reconnect's
      // Last-Event-ID would skip it for good. Cut the stream instead; the reconnect resumes here.
      backlog = undefined;
      streams.delete(stream);
      res.destroy();
      throw error;
    }
    const waiting = backlog;
    backlog = undefined;
    waiting.forEach(send);
  }

  return {
    startAfter,
    open,
    get count() {
      return streams.size;
    },
    /**
     * Ends every stream; with `retryMs` (a shutdown) each says when to reconnect, and its connection is
     * closed too, so the browser's reconnect opens a new one (through the balancer, to another instance)
     * instead of reusing this one.
     */
    closeAll(retryMs) {
      shutdownRetryMs ??= retryMs;
      for (const { res } of streams) {
        if (retryMs === undefined) res.end();
        else endForShutdown(res, retryMs);
      }
      streams.clear();
    },
    close() {
      unsubscribe();
      this.closeAll();
    },
  };
}
