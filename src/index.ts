/**
 * handoff-panel: the npm entry. Importing it registers no element: import `handoff-panel/define`
 * (or one element's define file) for that. Every name here is public and kept stable; the subpaths
 * (`handoff-panel/payload`, `/outbox`, `/acks`, `/notes`, `/read-back`, `/training`) say more about their own layer.
 */

// The payload core: building, validating, masking, scripts (pure; no DOM).
export {
  buildHandoff,
  validateHandoff,
  buildAck,
  validateAck,
  suggestScripts,
  compileScriptTemplates,
  renderTemplate,
  maskText,
  maskCardNumbers,
  normalizePhone,
  TemplateSyntaxError,
  DEFAULT_SCRIPT_TEMPLATES_EN,
  DEFAULT_VALIDATION_MESSAGES_EN,
  DEFAULT_FIELD_LABELS_EN,
  HANDOFF_SCHEMA,
  HANDOFF_ACK_SCHEMA,
  LIMITS,
  MODES,
  CHANNELS,
  REASON_CODES,
  PRIORITIES,
  VERIFICATION_STATUSES,
  ACTION_OWNERS,
  FOLLOW_UP_BY,
  IF_UNAVAILABLE,
  VERIFICATION_METHODS,
  REDACTION_KINDS,
  TIMING_KINDS,
  QUALITY_CHECKS,
  READ_BACK_FACTS,
  assessQuality,
  QUALITY_CHECK_RULES,
  QUALITY_MAX,
  QUALITY_MOVES,
} from './payload/index.js';
export type * from './payload/types.js';
export type {
  BuildContext,
  BuildResult,
  AckBuildContext,
  AckBuildResult,
  Result,
  QualityInput,
  QualityMove,
  FieldError,
  FieldErrorParams,
  ValidationCode,
  ValidationMessages,
  ScriptTemplates,
  CompiledScriptTemplates,
  SuggestedScripts,
  PhoneOptions,
  PhoneResult,
  Masked,
} from './payload/index.js';

// The organisation's own template, and timing the receiver cannot meet (pure; no DOM).
export {
  checkTemplate,
  TemplateError,
  requiredChecks,
  optionalChecks,
  localised,
  TEMPLATE_SECTIONS,
  CUSTOM_FIELD_TYPES,
} from './template/index.js';
export type {
  AppliesWhen,
  ChecklistItem,
  CustomField,
  CustomFieldType,
  HandoffTemplate,
  LocalisedText,
  Requirement,
  TemplateSection,
} from './template/index.js';
export { timingWarnings, actionOrder, type TimingContext } from './timing/index.js';

// Handoffs as helpdesk notes (pure; no DOM).
export { toNote, NOTE_LIMITS, NOTE_FORMATS } from './notes/index.js';
export type { NoteOptions, NoteFormat } from './notes/index.js';

// The receiver directory: entries, opening hours, availability (pure; no DOM).
export { checkDirectory, availabilityOf, openingAt, describeHours, searchDirectory } from './directory/index.js';
export type { DirectoryEntry, OpeningHours, AvailabilityHook, Presence, Availability } from './directory/index.js';

// The receiver's read-back checked against the handoff (pure; no DOM).
export { checkReadBack, factsToCarry } from './read-back/index.js';
export type { FactToCarry, ReadBackOptions, ReadBackResult } from './read-back/index.js';

// What is stored in this browser, and how to wipe it on sign-out.
export { clearLocalData } from './storage/clear-local-data.js';
export type { ClearLocalDataOptions, LocalDataCleared } from './storage/clear-local-data.js';

// The durable outbox (IndexedDB, no Lit).
export { Outbox, OutboxStorageError, OutboxPayloadError } from './outbox/index.js';
export type {
  OutboxOptions,
  OutboxStorageProblem,
  DeliveryReceipt,
  HttpOptions,
  Clock,
  BackoffOptions,
  OutboxItem,
  OutboxRecord,
  OutboxCounts,
  OutboxState,
  OutboxKind,
  OutboxPayload,
  OutboxEventMap,
  OutboxEventDetail,
  AttemptError,
  DeadReason,
} from './outbox/index.js';

// The sender's side of the read-back, without UI.
export { watchAcks, type AckWatchOptions, type AckEntry } from './acks/index.js';

// The elements (classes only: nothing is registered) and what configures them.
export { HandoffPanel } from './ui/handoff-panel/handoff-panel.component.js';
export { HandoffOutboxStatus } from './ui/handoff-outbox-status/handoff-outbox-status.component.js';
export { HandoffLauncher } from './ui/handoff-launcher/handoff-launcher.component.js';
export { HandoffReceipt, type ReceivedHandoff } from './ui/handoff-receipt/handoff-receipt.component.js';
export type { Placement } from './ui/handoff-launcher/placement.js';
export type {
  ElementConfig,
  HandoffPanelConfig,
  HandoffReceiptConfig,
  CopyNoteOptions,
  ElementDefaults,
} from './ui/shared/config.js';
export type { HandoffPanelEventMap, HandoffFailure } from './ui/events.js';
// The script tag's global `HandoffPanel` (an API object, not the element class), for typing `window.HandoffPanel`.
export type { HandoffPanelGlobal, GlobalConfig, OpenOptions } from './script-tag/global.js';
export {
  en,
  registerLocale,
  type HandoffMessages,
  type HandoffMessagesOverride,
  type UiTexts,
} from './ui/messages/catalogue.js';
export { receiptEn, type ReceiptTexts } from './ui/handoff-receipt/handoff-receipt.messages.js';

export { VERSION } from './version.js';
