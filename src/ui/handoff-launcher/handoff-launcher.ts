/**
 * Registers `<handoff-launcher>` (import for its side effect). The `<handoff-panel>` it opens is loaded
 * on demand, in a file of its own in bundles that split dynamic imports; import
 * `handoff-panel/handoff-panel` as well to have it at once.
 */
import { defineElement } from '../shared/define.js';
import { HandoffLauncher } from './handoff-launcher.component.js';

export { HandoffLauncher } from './handoff-launcher.component.js';
export type { Placement } from './placement.js';

defineElement('handoff-launcher', HandoffLauncher);

declare global {
  interface HTMLElementTagNameMap {
    'handoff-launcher': HandoffLauncher;
  }
}
