/**
 * The durable outbox: IndexedDB write-ahead storage and exactly-once-in-effect delivery.
 * No Lit here; the UI only calls it.
 */
export { Outbox, type OutboxOptions } from './outbox.js';
export { OutboxStorageError, OutboxPayloadError, type OutboxStorageProblem } from './errors.js';
export { systemClock, type Clock } from './clock.js';
export {
  backoffDelay,
  classifyStatus,
  parseRetryAfter,
  DEFAULT_BACKOFF,
  type BackoffOptions,
  type Outcome,
} from './policy.js';
export { DB_VERSION, MIGRATIONS, type OutboxDB } from './db.js';
export type * from './types.js';
