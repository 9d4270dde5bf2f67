/**
 * The handoff payload core: types, building, validation, redaction and scripts.
 * Pure functions with no DOM and no Lit, usable in browsers, workers and Node.
 */
export * from './types.js';
export { QUALITY_CHECKS, READ_BACK_FACTS } from './checks.js';
export {
  buildHandoff,
  validateHandoff,
  SDK_ID,
  DEFAULT_FLAG_THRESHOLD,
  type BuildContext,
  type BuildResult,
} from './handoff.js';
export { buildAck, validateAck, type AckBuildContext, type AckBuildResult } from './ack.js';
export type { FieldError, FieldErrorParams } from './checker.js';
export {
  DEFAULT_VALIDATION_MESSAGES_EN,
  DEFAULT_FIELD_LABELS_EN,
  type ValidationCode,
  type ValidationMessages,
} from './messages.js';
export { normalizePhone, type PhoneOptions, type PhoneProblem, type PhoneResult } from './phone.js';
export {
  maskText,
  maskLines,
  maskCardNumbers,
  containsCardNumber,
  luhnValid,
  redactDraft,
  MASK_CHAR,
  type Masked,
} from './redact.js';
export type { Result } from './result.js';
export {
  assessQuality,
  QUALITY_CHECK_RULES,
  QUALITY_MAX,
  QUALITY_MOVES,
  type QualityInput,
  type QualityMove,
} from './quality.js';
export {
  parseTemplate,
  renderTemplate,
  TemplateSyntaxError,
  type ParsedTemplate,
  type Slots,
  type TemplateProblem,
} from './template.js';
export {
  compileScriptTemplates,
  suggestScripts,
  scriptSlotsFromDraft,
  DEFAULT_SCRIPT_TEMPLATES_EN,
  SCRIPT_SLOTS,
  type ScriptTemplates,
  type CompiledScriptTemplates,
  type ScriptSlot,
  type ScriptSlots,
  type SuggestedScripts,
} from './scripts.js';
