// The default store: every handoff and ack in memory, made durable by the JSON-lines log (or by nothing,
// for the test controls' namespaces). One process owns it; for several instances use the PostgreSQL store.
//
// The store interface both stores implement (receiver/inbox.mjs is its only caller):
//   commit({ kind, key, hash, payload, body })  → { outcome: 'stored', response, seq } | { outcome: 'replayed',
//       response } | { outcome: 'mismatch' } | { outcome: 'in-flight', retryAfterSeconds } |
//       { outcome: 'no-handoff' }; throws when the record could not be made durable
//   list({ limit })      the newest handoffs first, each with its acks
//   get(id)              one handoff with its acks, or undefined
//   receivedSince({ since, limit })  handoffs received at or after `since` (ISO), newest first, with acks
//   events({ after, handoffId, limit })  stored events with seq > after, oldest first
//   onEvent(listener)    live events in seq order; returns an unsubscribe function
//   lastSeq()            the seq of the newest stored record (0 when there is none)
//   close()
// An event is `{ seq, kind, payload, receivedAt }`; seq orders every record and is the stream's event id.
// `body` is the request's text (a store may keep it as sent); `payload` is the same, parsed.
import { openStore } from './json-lines-log.mjs';

/** `file`: the JSON-lines log; without one, nothing survives a restart. `fs` is for tests. */
export async function openLogStore(file, { fs } = {}) {
  const log = await openStore(file, fs ? { fs } : {});
  return createLogStore({ records: log.takeRecords(), log });
}

/** The in-memory index over `records` (replayed from `log`); `log.append` makes each new one durable. */
export function createLogStore({ records = [], log } = {}) {
  /** Every applied record in order: `events[i].seq === i + 1`. */
  const events = [];
  const handoffs = new Map();
  const acks = new Map();
  /** Idempotency-Key → { hash, response } of the committed 201. */
  const keys = new Map();
  const inFlight = new Set();
  const listeners = new Set();

  function apply(record) {
    // A record can be in the log twice (a write whose fsync failed, then its retry): the first counts.
    if (keys.has(record.key)) return undefined;
    keys.set(record.key, { hash: record.hash, response: record.response });
    const event = { seq: events.length + 1, kind: record.kind, payload: record.payload, receivedAt: record.receivedAt };
    events.push(event);
    if (record.kind === 'handoff') handoffs.set(record.payload.id, event);
    else acks.set(record.payload.handoffId, [...(acks.get(record.payload.handoffId) ?? []), event]);
    return event;
  }
  for (const record of records) apply(record);

  async function commit({ kind, key, hash, payload }) {
    const committed = keys.get(key);
    if (committed)
      return committed.hash === hash ? { outcome: 'replayed', response: committed.response } : { outcome: 'mismatch' };
    if (inFlight.has(key)) return { outcome: 'in-flight', retryAfterSeconds: 1 };
    if (kind === 'ack' && !handoffs.has(payload.handoffId)) return { outcome: 'no-handoff' };
    inFlight.add(key);
    try {
      const receivedAt = new Date().toISOString();
      const response = { id: payload.id, status: 'accepted', receivedAt };
      const record = { kind, key, hash, payload, response, receivedAt };
      await log?.append(record);
      const event = apply(record);
      for (const listener of listeners) listener(event);
      return { outcome: 'stored', response, seq: event.seq };
    } finally {
      inFlight.delete(key);
    }
  }

  const withAcks = (event) => ({
    ...event.payload,
    receivedAt: event.receivedAt,
    acks: (acks.get(event.payload.id) ?? []).map(({ payload, receivedAt }) => ({ payload, receivedAt })),
  });

  return {
    commit,
    list: async ({ limit = Infinity } = {}) => [...handoffs.values()].reverse().slice(0, limit).map(withAcks),
    get: async (id) => (handoffs.has(id) ? withAcks(handoffs.get(id)) : undefined),
    async receivedSince({ since, limit = Infinity }) {
      const from = Date.parse(since);
      return [...handoffs.values()]
        .filter((event) => Date.parse(event.receivedAt) >= from)
        .reverse()
        .slice(0, limit)
        .map(withAcks);
    },
    async events({ after = 0, handoffId, limit = Infinity } = {}) {
      const source = handoffId ? (acks.get(handoffId) ?? []) : events.slice(after);
      return source.filter((event) => event.seq > after).slice(0, limit);
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    lastSeq: async () => events.length,
    close: async () => {
      listeners.clear();
      await log?.close();
    },
  };
}
