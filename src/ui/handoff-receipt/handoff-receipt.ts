/** Registers `<handoff-receipt>` (import for its side effect). */
import { defineElement } from '../shared/define.js';
import { HandoffReceipt } from './handoff-receipt.component.js';

export { HandoffReceipt } from './handoff-receipt.component.js';
export type { HandoffReceiptConfig, ReceivedHandoff } from './handoff-receipt.component.js';

defineElement('handoff-receipt', HandoffReceipt);

declare global {
  interface HTMLElementTagNameMap {
    'handoff-receipt': HandoffReceipt;
  }
}
