/**
 * One Outbox per database and endpoint on a page, shared by every panel and status element, so a
 * page with several panels still has one deliverer and one set of timers.
 */
import { Outbox, type OutboxOptions } from '../../outbox/outbox.js';

const outboxes = new Map<string, Outbox>();

export function sharedOutbox(options: OutboxOptions): Outbox {
  const key = `${options.name ?? ''}\u0000${options.endpoint}`;
  let outbox = outboxes.get(key);
  if (!outbox) {
    outbox = new Outbox(options);
    outboxes.set(key, outbox);
  }
  return outbox;
}
