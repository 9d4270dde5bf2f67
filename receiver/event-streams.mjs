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

export function createEventStreams(store) {
  const streams = new Set();
  const unsubscribe = store.onEvent((event) => {
    for (const stream of streams) stream.deliver(event);
  });

  /**
   * Adds `res` as a stream of the whole inbox or of `handoffId`'s acks. Events after `after` are sent
   * first (a handoff's stream sends all its acks when `after` is absent); live ones follow, none twice.
   */
  async function open(res, { handoffId, after }) {
    let lastSent = after ?? 0;
    let backlog = [];
    const send = (event) => {
      if (event.seq <= lastSent) return;
      if (handoffId && (event.kind !== 'ack' || event.payload.handoffId !== handoffId)) return;
      lastSent = event.seq;
      writeEvent(res, event.kind, eventData(event), event.seq);
    };
    const stream = { res, deliver: (event) => (backlog ? backlog.push(event) : send(event)) };
    streams.add(stream);
    res.on('close', () => streams.delete(stream));
    try {
      if (after !== undefined || handoffId) {
        for (let page; !page || page.length === HISTORY_PAGE;) {
          page = await store.events({ after: lastSent, handoffId, limit: HISTORY_PAGE });
          page.forEach(send);
        }
      } else {
        // Only what commits from now on: a notification still on its way for an older record is not news.
        lastSent = await store.lastSeq();
      }
    } finally {
      const waiting = backlog;
      backlog = undefined;
      waiting.forEach(send);
    }
  }

  return {
    open,
    get count() {
      return streams.size;
    },
    /** Ends every stream; `retryMs` tells browsers when to reconnect (to another instance). */
    closeAll(retryMs) {
      for (const { res } of streams) {
        if (retryMs !== undefined) res.write(`retry: ${retryMs}\n\n`);
        res.end();
      }
      streams.clear();
    },
    close() {
      unsubscribe();
      this.closeAll();
    },
  };
}
