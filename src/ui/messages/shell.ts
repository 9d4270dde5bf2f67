/**
 * The English texts of what the script tag's first file shows at once (the launcher and the outbox
 * status), apart from the rest of the catalogue, which comes with the panel (catalogue.ts uses these).
 */
import type { HandoffMessages, UiTexts } from './catalogue.js';

export const LAUNCHER_EN: UiTexts['launcher'] = {
  open: 'Hand off',
  unsentDraft: 'This handoff is not sent yet. It stays saved as a draft; close anyway?',
  keepEditing: 'Keep editing',
  closeAnyway: 'Close',
  close: 'Close the handoff panel',
  loading: 'Loading the handoff form…',
  loadFailed: 'The handoff form could not be loaded ({error}). Nothing you typed is lost.',
  retry: 'Try again',
};

export const OUTBOX_EN: UiTexts['outbox'] = {
  pending: '{count} waiting to send',
  dead: '{count} need attention',
  allDelivered: 'All handoffs sent',
  deadList: 'Handoffs that need attention',
  retry: 'Retry',
  discard: 'Discard',
  rejectedItem: 'Rejected ({reason})',
  expiredItem: 'Expired',
  unreadableItem: 'Unreadable: its stored content no longer opens',
  payloadRemoved: 'its content was removed after its retention',
};

/**
 * English for the launcher and the status element only. Typed as a whole catalogue for the messages
 * controller; elements that read more (the panel, the receipt) pass the full `en` instead.
 */
export const enShell = { locale: 'en', ui: { launcher: LAUNCHER_EN, outbox: OUTBOX_EN } } as unknown as HandoffMessages;
