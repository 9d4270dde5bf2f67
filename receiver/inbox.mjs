// One inbox: what an endpoint for handoff-panel must do with a handoff or an acknowledgement, and the
// read side (list, one handoff with its acks, live events). Test instrumentation wraps it from outside
// (receiver/test-controls.mjs); nothing here knows about tests.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { BodyTooLarge, answer, fieldErrors, readBody, writeEvent } from './http.mjs';

/**
 * The largest body accepted. Every valid handoff/v1 fits well inside it: the schema's per-field
 * limits cap a payload's JSON at about 0.7 MiB (test/node/payload-size.test.ts builds the largest).
 */
export const MAX_BODY = 1024 * 1024;

const schema = (name) => JSON.parse(readFileSync(new URL(`../schema/${name}`, import.meta.url), 'utf8'));
const ajv = new Ajv2020({ allErrors: true, strictRequired: false });
addFormats(ajv);
const validators = { handoff: ajv.compile(schema('handoff.v1.json')), ack: ajv.compile(schema('handoff-ack.v1.json')) };
const SCHEMA_NAMES = { handoff: 'handoff/v1', ack: 'handoff-ack/v1' };

/**
 * @param {{ records?: object[], store?: { append(record: object): Promise<void> }, maxBody?: number }} options
 *   `records` replayed from the store on start; `store` makes every accepted record durable before its 201.
 */
export function createInbox({ records = [], store, maxBody = MAX_BODY } = {}) {
  const handoffs = new Map();
  const acks = new Map();
  /** Idempotency-Key → { hash, body } of the committed 201. */
  const keys = new Map();
  const inProgress = new Set();
  /** Open server-sent event streams: `{ res, handoffId? }`. */
  const streams = new Set();

  function apply(record) {
    // A record can be in the log twice (a write whose fsync failed, then its retry): the first counts.
    if (keys.has(record.key)) return false;
    keys.set(record.key, { hash: record.hash, body: record.response });
    const entry = { payload: record.payload, receivedAt: record.receivedAt };
    if (record.kind === 'handoff') handoffs.set(record.payload.id, entry);
    else acks.set(record.payload.handoffId, [...(acks.get(record.payload.handoffId) ?? []), entry]);
    return true;
  }
  for (const record of records) apply(record);

  function publish(record) {
    for (const stream of streams) {
      if (record.kind === 'handoff' && !stream.handoffId)
        writeEvent(stream.res, 'handoff', { ...record.payload, receivedAt: record.receivedAt, acks: [] });
      if (record.kind === 'ack' && (!stream.handoffId || stream.handoffId === record.payload.handoffId))
        writeEvent(stream.res, 'ack', record.payload);
    }
  }

  /**
   * Accepts a handoff (or an ack of `handoffId`): validates it, dedupes on its Idempotency-Key, makes it
   * durable, and only then answers 201 with `{ id, status: 'accepted', receivedAt }`. Returns the answer.
   */
  async function accept(kind, req, handoffId) {
    if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) {
      return answer(415, { error: 'Send the handoff as JSON with Content-Type: application/json.' });
    }
    let raw;
    try {
      raw = await readBody(req, maxBody);
    } catch (error) {
      if (error instanceof BodyTooLarge) {
        return answer(413, { error: `The body is larger than ${maxBody} bytes.` }, { Connection: 'close' });
      }
      return answer(400, { error: 'Could not read the body.' });
    }
    let payload;
    try {
      payload = JSON.parse(raw.toString('utf8'));
    } catch {
      return answer(400, { error: 'The body is not valid JSON.' });
    }
    if (!validators[kind](payload)) {
      return answer(400, { error: `Not a valid ${SCHEMA_NAMES[kind]}.`, ...fieldErrors(validators[kind].errors) });
    }
    const key = req.headers['idempotency-key'];
    if (!key || key !== payload.id) {
      return answer(400, { error: 'The Idempotency-Key header must be present and equal to the payload id.' });
    }
    if (kind === 'ack' && (payload.handoffId !== handoffId || !handoffs.has(handoffId))) {
      return answer(404, { error: `No handoff ${handoffId} to acknowledge here.` });
    }

    const hash = createHash('sha256').update(raw).digest('hex');
    const committed = keys.get(key);
    if (committed) {
      if (committed.hash !== hash)
        return answer(422, { error: 'This Idempotency-Key was already used with a different body.' });
      return answer(201, committed.body, { 'Idempotent-Replayed': 'true' });
    }
    if (inProgress.has(key)) {
      return answer(
        409,
        { error: 'A request with this Idempotency-Key is still being processed.' },
        { 'Retry-After': '1' },
      );
    }

    inProgress.add(key);
    try {
      const receivedAt = new Date().toISOString();
      const response = { id: payload.id, status: 'accepted', receivedAt };
      const record = { kind, key, hash, payload, response, receivedAt };
      try {
        await store?.append(record);
      } catch {
        return answer(503, { error: 'The handoff could not be stored. Try again.' }, { 'Retry-After': '1' });
      }
      apply(record);
      publish(record);
      return answer(201, response, { Location: kind === 'handoff' ? `handoffs/${payload.id}` : `acks/${payload.id}` });
    } finally {
      inProgress.delete(key);
    }
  }

  const withAcks = ({ payload, receivedAt }) => ({ ...payload, receivedAt, acks: acks.get(payload.id) ?? [] });

  return {
    accept,
    /** The inbox, newest first. */
    list: () => [...handoffs.values()].reverse().map(withAcks),
    /** One handoff with its acknowledgements, or undefined. */
    get: (id) => (handoffs.has(id) ? withAcks(handoffs.get(id)) : undefined),
    /** Adds an open event stream for the whole inbox or one handoff's acks (those already there first). */
    subscribe(res, handoffId) {
      for (const { payload } of handoffId ? (acks.get(handoffId) ?? []) : []) writeEvent(res, 'ack', payload);
      const stream = { res, handoffId };
      streams.add(stream);
      return () => streams.delete(stream);
    },
    get streamCount() {
      return streams.size;
    },
    closeStreams() {
      for (const stream of streams) stream.res.end();
      streams.clear();
    },
  };
}
