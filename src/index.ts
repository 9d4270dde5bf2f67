/**
 * handoff-panel: the npm entry. Importing it registers no element: import `handoff-panel/define`
 * (or one element's define file) for that.
 */
export * from './payload/index.js';
export * from './outbox/index.js';
export * from './acks/index.js';
export * from './ui/index.js';
export { DraftStore, type SavedDraft } from './drafts/draft-store.js';
export { VERSION } from './version.js';
