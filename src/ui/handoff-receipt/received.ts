/**
 * A handoff as the receiving side gets it (loaded from `src` or set by the host), checked before
 * anything is rendered. No Lit.
 */
import { ackOf, type AckEntry } from '../../acks/watch-acks.js';
import { validateAck } from '../../payload/ack.js';
import { isDateTime } from '../../payload/checker.js';
import { validateHandoff } from '../../payload/handoff.js';
import type { HandoffAckV1, HandoffV1 } from '../../payload/types.js';

/** A handoff as the reference receiver serves it: the payload, when it arrived, its acknowledgements. */
export type ReceivedHandoff = HandoffV1 & {
  receivedAt?: string;
  /** Either acknowledgements themselves or the receiver's `{ payload, receivedAt }` records. */
  acks?: AckEntry[];
};

/**
 * A valid handoff/v1 with an optional `receivedAt`, keeping only the acknowledgements that are valid
 * and about this handoff; or the first problem, to say instead of rendering.
 */
export function readReceived(body: unknown): { handoff: ReceivedHandoff } | { problem: string } {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return { problem: 'the answer is not a JSON object.' };
  const { receivedAt, acks, ...payload } = body as Record<string, unknown>;
  const errors = validateHandoff(payload);
  if (errors.length)
    return { problem: `${errors[0]!.message}${errors.length > 1 ? ` (and ${errors.length - 1} more problems)` : ''}` };
  const handoff = payload as unknown as HandoffV1;
  const received: ReceivedHandoff = { ...handoff };
  if (typeof receivedAt === 'string' && isDateTime(receivedAt)) received.receivedAt = receivedAt;
  if (Array.isArray(acks)) {
    received.acks = acks.filter((entry: unknown) => {
      const ack = entry && typeof entry === 'object' ? ackOf(entry as AckEntry) : entry;
      return validateAck(ack).length === 0 && (ack as HandoffAckV1).handoffId === handoff.id;
    }) as AckEntry[];
  }
  return { handoff: received };
}
