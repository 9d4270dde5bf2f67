/**
 * handoff-panel: the npm entry. Importing it registers no element.
 */
export * from './payload/index.js';
export * from './outbox/index.js';
export { VERSION } from './version.js';
