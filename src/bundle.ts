/**
 * The script-tag bundle's entry: everything inlined, one global `HandoffPanel`.
 */
export * from './payload/index.js';
export { Outbox, OutboxStorageError, OutboxPayloadError } from './outbox/index.js';
export { VERSION as version } from './version.js';
