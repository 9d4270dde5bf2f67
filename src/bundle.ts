/**
 * The script-tag bundle's entry: everything inlined, the elements registered, one global `HandoffPanel`.
 */
import './define.js';

export { buildHandoff, buildAck, validateHandoff, suggestScripts, compileScriptTemplates } from './payload/index.js';
export { Outbox, OutboxStorageError, OutboxPayloadError } from './outbox/index.js';
export { HandoffPanel, HandoffOutboxStatus, registerLocale } from './ui/index.js';
export { VERSION as version } from './version.js';
