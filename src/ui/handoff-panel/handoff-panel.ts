/** Registers `<handoff-panel>` (import for its side effect). */
import { defineElement } from '../shared/define.js';
import { HandoffPanel } from './handoff-panel.component.js';

export { HandoffPanel } from './handoff-panel.component.js';
export type { HandoffPanelConfig } from './handoff-panel.component.js';

defineElement('handoff-panel', HandoffPanel);

declare global {
  interface HTMLElementTagNameMap {
    'handoff-panel': HandoffPanel;
  }
}
