/** Registers `<handoff-outbox-status>` (import for its side effect). */
import { defineElement } from '../shared/define.js';
import { HandoffOutboxStatus } from './handoff-outbox-status.component.js';

export { HandoffOutboxStatus } from './handoff-outbox-status.component.js';

defineElement('handoff-outbox-status', HandoffOutboxStatus);

declare global {
  interface HTMLElementTagNameMap {
    'handoff-outbox-status': HandoffOutboxStatus;
  }
}
