/** The UI elements' classes (no registration) and their configuration types. */
export { HandoffPanel } from './handoff-panel/handoff-panel.component.js';
export { HandoffOutboxStatus } from './handoff-outbox-status/handoff-outbox-status.component.js';
export { HandoffLauncher } from './handoff-launcher/handoff-launcher.component.js';
export { HandoffReceipt, type ReceivedHandoff } from './handoff-receipt/handoff-receipt.component.js';
export type { Placement } from './handoff-launcher/placement.js';
export type {
  ElementConfig,
  HandoffPanelConfig,
  HandoffReceiptConfig,
  CopyNoteOptions,
  ElementDefaults,
} from './shared/config.js';
export type { HandoffPanelEventMap, HandoffFailure } from './events.js';
