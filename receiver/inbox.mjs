// One inbox: what an endpoint for handoff-panel must do with a handoff or an acknowledgement, and the
// read side (list, one handoff with its acks, live events), over a store (receiver/stores/). Test instrumentation wraps it from outside
// (receiver/test-controls.mjs); nothing here knows about tests.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { createEventStreams } from './event-streams.mjs';
import { BodyTooLarge, answer, fieldErrors, readBody } from './http.mjs';
import { createLogStore } from './stores/log-store.mjs';

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
 * @param {{ store?: object, maxBody?: number, onStored?: (kind: string, payload: object) => void }} options
 *   `store` (receiver/stores/) holds the records and makes each durable before its 201; by default an
 *   in-memory one. `onStored` is told of each record this instance stored (not of replays).
 */
export function createInbox({ store = createLogStore(), maxBody = MAX_BODY, onStored } = {}) {
  const streams = createEventStreams(store);

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
    if (kind === 'ack' && payload.handoffId !== handoffId) return noHandoff(handoffId);

    const hash = createHash('sha256').update(raw).digest('hex');
    let result;
    try {
      result = await store.commit({ kind, key, hash, payload, body: raw.toString('utf8') });
    } catch {
      return answer(503, { error: 'The handoff could not be stored. Try again.' }, { 'Retry-After': '1' });
    }
    switch (result.outcome) {
      case 'stored':
        notifyStored(kind, payload);
        // Relative to the request's URL, so that it holds behind any path prefix: an ack is kept
        // with its handoff, /handoffs/<handoffId>.
        return answer(201, result.response, {
          Location:
            kind === 'handoff'
              ? `handoffs/${encodeURIComponent(payload.id)}`
              : `../${encodeURIComponent(payload.handoffId)}`,
        });
      case 'replayed':
        return answer(201, result.response, { 'Idempotent-Replayed': 'true' });
      case 'mismatch':
        return answer(422, { error: 'This Idempotency-Key was already used with a different body.' });
      case 'in-flight':
        return answer(
          409,
          { error: 'A request with this Idempotency-Key is still being processed.' },
          { 'Retry-After': String(result.retryAfterSeconds) },
        );
      default:
        return noHandoff(handoffId);
    }
  }

  function notifyStored(kind, payload) {
    try {
      onStored?.(kind, payload);
    } catch {
      // What a listener does never changes the answer: the record is stored.
    }
  }

  const noHandoff = (handoffId) => answer(404, { error: `No handoff ${handoffId} to acknowledge here.` });

  return {
    accept,
    /** The inbox, newest first (at most `limit`). */
    list: (options) => store.list(options),
    receivedSince: (options) => store.receivedSince(options),
    /** One handoff with its acknowledgements, or undefined. */
    get: (id) => store.get(id),
    /** Where a stream asked for with `{ handoffId, lastEventId }` starts; see receiver/event-streams.mjs. */
    streamStart: (options) => streams.startAfter(options),
    /** Streams the whole inbox or one handoff's acks to `res`, from `after` (streamStart()). */
    subscribe: (res, options) => streams.open(res, options),
    get streamCount() {
      return streams.count;
    },
    closeStreams: (retryMs) => streams.closeAll(retryMs),
    async close() {
      streams.close();
      await store.close();
    },
  };
}
