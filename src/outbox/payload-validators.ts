/**
 * The validators `enqueue()` runs, loaded on the first enqueue: a CRM page that only delivers what earlier
 * pages queued never needs them (the script tag's first file leaves them out).
 */
export { validateAck } from '../payload/ack.js';
export { validateHandoff } from '../payload/handoff.js';
export { unmaskedPaths } from '../payload/redact.js';
