/**
 * The durable outbox: IndexedDB write-ahead storage and exactly-once-in-effect delivery.
 * No Lit here; the UI only calls it.
 */
export { Outbox, type OutboxOptions } from './outbox.js';
export { OutboxStorageError, OutboxPayloadError, type OutboxStorageProblem } from './errors.js';
export { systemClock, type Clock } from './clock.js';
export { DEFAULT_BACKOFF, type BackoffOptions } from './policy.js';
export type { DeliveryReceipt, HttpOptions } from './transport.js';
export type * from './types.js';

/** @internal The delivery rules, for tests. */
export { backoffDelay, classifyStatus, parseRetryAfter, type Outcome } from './policy.js';
/** @internal The database's schema and migrations, for tests of upgrades. */
export { DB_VERSION, MIGRATIONS, type OutboxDB } from './db.js';
