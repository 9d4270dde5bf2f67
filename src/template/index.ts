/** The organisation's template: checking it, and what it requires of a handoff (pure; no DOM). */
export { checkTemplate, TemplateError, TEMPLATE_LIMITS } from './check-template.js';
export { applies, fieldRequired, localised, optionalChecks, requiredChecks, templateFieldLabels } from './applies.js';
export { TEMPLATE_SECTIONS, CUSTOM_FIELD_TYPES } from './types.js';
export type {
  AppliesWhen,
  ChecklistItem,
  CustomField,
  CustomFieldType,
  HandoffTemplate,
  LocalisedText,
  Requirement,
  TemplateSection,
} from './types.js';
