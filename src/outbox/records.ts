/**
 * What a queued record is: made from a valid payload for one endpoint, and shown without its payload
 * to the status API and in events.
 */
import { HANDOFF_ACK_SCHEMA, HANDOFF_SCHEMA, type HandoffAckV1 } from '../payload/types.js';
import { OutboxPayloadError } from './errors.js';
import type { OutboxOptions } from './options.js';
import { ackUrl, absoluteEndpoint } from './routes.js';
import type { OutboxEventDetail, OutboxItem, OutboxKind, OutboxPayload, OutboxRecord } from './types.js';

export interface NewRecordContext {
  /** The queuing outbox's endpoint (absolute). */
  route: string;
  ackEndpoint: OutboxOptions['ackEndpoint'];
  retentionMs: number;
  now: number;
}

/**
 * A pending record for a payload, due at once. Rejects with {@link OutboxPayloadError} unless the payload
 * is a valid handoff or acknowledgement.
 */
export async function newRecord(
  payload: OutboxPayload,
  { route, ackEndpoint, retentionMs, now }: NewRecordContext,
): Promise<OutboxRecord> {
  const kind = await checkPayload(payload);
  return {
    id: payload.id,
    kind,
    endpoint: kind === 'handoff' ? route : ackTarget(payload as HandoffAckV1, route, ackEndpoint),
    route,
    payload,
    state: 'pending',
    attempts: 0,
    enqueuedAt: now,
    retainFrom: now,
    retentionMs,
    nextAttemptAt: now,
  };
}

function ackTarget(ack: HandoffAckV1, route: string, ackEndpoint: OutboxOptions['ackEndpoint']): string {
  const url = typeof ackEndpoint === 'function' ? ackEndpoint(ack) : (ackEndpoint ?? ackUrl(route, ack.handoffId));
  return absoluteEndpoint(url);
}

/** A handoff or an acknowledgement that validates, or a clear error saying what it is not. */
async function checkPayload(payload: OutboxPayload): Promise<OutboxKind> {
  const schema = (payload as { schema?: unknown } | null)?.schema;
  const kind = schema === HANDOFF_SCHEMA ? 'handoff' : schema === HANDOFF_ACK_SCHEMA ? 'ack' : undefined;
  if (!kind) {
    const given = JSON.stringify(schema);
    throw new OutboxPayloadError(
      `enqueue() takes a ${HANDOFF_SCHEMA} or ${HANDOFF_ACK_SCHEMA} payload (from buildHandoff or buildAck); this one has schema ${given}.`,
    );
  }
  const validators = await import('./payload-validators.js').catch((error: unknown) => {
    // Offline before the validators' file was ever fetched: the handoff is kept all the same (losing it
    // is worse than the server refusing it later, which the outbox reports as dead).
    console.warn('handoff-panel: the payload validators could not be loaded; queued unvalidated.', error);
    return undefined;
  });
  if (!validators) return kind;
  const problems = kind === 'handoff' ? validators.validateHandoff(payload) : validators.validateAck(payload);
  if (problems.length) {
    throw new OutboxPayloadError(
      `enqueue() was given an invalid ${kind}: ${problems.map((p) => p.message).join(' ')}`,
      problems,
    );
  }
  // Nothing with a card number or a secret in it is stored, even sealed, or sent.
  const unmasked = validators.unmaskedPaths(payload);
  if (unmasked.length) {
    const builder = kind === 'handoff' ? 'buildHandoff' : 'buildAck';
    throw new OutboxPayloadError(
      `enqueue() was given a ${kind} with an unmasked card number or secret in ${unmasked.join(', ')}: build it with ${builder}(), which masks them.`,
      unmasked.map((path) => ({ path, message: `${path} holds an unmasked card number or secret.` })),
    );
  }
  return kind;
}

/** A record as the status API reports it: without its payload. */
export function toItem(record: OutboxRecord): OutboxItem {
  const { payload: _payload, sealed: _sealed, sealedError: _error, ...item } = record;
  return item;
}

/** What an event says about a record. */
export function itemDetail(record: OutboxRecord): Omit<OutboxEventDetail, 'remote'> {
  const detail: Omit<OutboxEventDetail, 'remote'> = {
    id: record.id,
    kind: record.kind,
    state: record.state,
    attempts: record.attempts,
  };
  if (record.state === 'pending') detail.nextAttemptAt = record.nextAttemptAt;
  if (record.lastError) detail.error = record.lastError;
  if (record.deadReason) detail.deadReason = record.deadReason;
  return detail;
}
