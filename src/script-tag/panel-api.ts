/**
 * What the script tag's global adds once the panel has loaded: `<handoff-panel>` itself and the payload
 * functions. In the two-step build this is the second file's part of the global; `HandoffPanel.load()`
 * resolves when it is there.
 */
import '../ui/handoff-panel/handoff-panel.js';

export { buildAck, buildHandoff, compileScriptTemplates, suggestScripts, validateHandoff } from '../payload/index.js';
export { HandoffPanel } from '../ui/handoff-panel/handoff-panel.component.js';
