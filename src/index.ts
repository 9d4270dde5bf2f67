/**
 * handoff-panel: the npm entry. Importing it registers no element; see `handoff-panel/define` (soon)
 * and the script-tag bundle `handoff-panel/handoff-panel.js` for that.
 */
export * from './payload/index.js';
export { VERSION } from './version.js';
