/** The UI elements' classes (no registration) and their types. */
export { HandoffPanel, type HandoffPanelConfig } from './handoff-panel/handoff-panel.component.js';
export { HandoffOutboxStatus } from './outbox-status/outbox-status.component.js';
export { HandoffLauncher } from './launcher/launcher.component.js';
export type { Placement } from './launcher/position.js';
export { HandoffReceipt, type HandoffReceiptConfig, type ReceivedHandoff } from './handoff-receipt/handoff-receipt.component.js';
export { receiptEn, type ReceiptTexts } from './handoff-receipt/handoff-receipt.messages.js';
export { setElementDefaults, elementDefaults, type ElementDefaults } from './shared/defaults.js';
export type { HandoffPanelEventMap, HandoffFailure } from './events.js';
export { en, registerLocale, messagesFor, mergeMessages, type HandoffMessages, type HandoffMessagesOverride, type UiTexts } from './messages/catalogue.js';
