/** Registers `<handoff-launcher>` (import for its side effect; it uses `<handoff-panel>`, registered too). */
import '../handoff-panel/handoff-panel.js';
import { defineElement } from '../shared/define.js';
import { HandoffLauncher } from './handoff-launcher.component.js';

export { HandoffLauncher } from './handoff-launcher.component.js';
export type { Placement } from './position.js';

defineElement('handoff-launcher', HandoffLauncher);

declare global {
  interface HTMLElementTagNameMap {
    'handoff-launcher': HandoffLauncher;
  }
}
