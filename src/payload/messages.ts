/**
 * English validation messages and field labels. Both are templates (see template.ts), replaceable per
 * locale through `BuildContext.messages` and `BuildContext.fieldLabels`.
 */
import type { PhoneProblem } from './phone.js';

export type ValidationCode =
  | 'required'
  | 'unknown-field'
  | 'not-text'
  | 'not-an-object'
  | 'not-a-list'
  | 'not-a-boolean'
  | 'not-a-count'
  | 'too-long'
  | 'too-many'
  | 'bad-characters'
  | 'not-one-of'
  | 'not-a-date-time'
  | 'not-an-email'
  | 'not-a-url'
  | 'not-a-language'
  | 'not-a-uuid'
  | 'wrong-value'
  | `phone-${PhoneProblem}`
  | 'phone-not-e164'
  | 'read-back-verbatim'
  | 'card-number-in-identifier'
  | 'not-a-number'
  | 'ambiguous-number'
  | 'not-an-extension'
  | 'bad-extension-key'
  | 'required-by-template';

export type ValidationMessages = Record<ValidationCode, string>;

export const DEFAULT_VALIDATION_MESSAGES_EN: ValidationMessages = {
  required: '{field} is required.',
  'unknown-field': '"{key}" is not a field of a handoff; check its spelling.',
  'not-text': '{field} must be text.',
  'not-an-object': '{field} must be an object with named fields.',
  'not-a-list': '{field} must be a list.',
  'not-a-boolean': '{field} must be yes or no (true or false).',
  'not-a-count': '{field} must be a whole number of at least {min}.',
  'too-long': '{field} is too long: {length} characters, the limit is {max}.',
  'too-many': '{field} has {count} entries; the limit is {max}.',
  'bad-characters': '{field} contains control characters or broken Unicode; remove them.',
  'not-one-of': '{field} must be one of: {allowed}.',
  'not-a-date-time': '{field} must be a date and time with a time zone, like 2026-11-24T15:30:00Z.',
  'not-an-email': '{field} is not an email address (expected something like name@example.com).',
  'not-a-url': '{field} must be a web address starting with http:// or https://.',
  'not-a-language': '{field} must be a language tag such as en, fr or pt-BR.',
  'not-a-uuid': '{field} must be a UUID.',
  'wrong-value': '{field} must be {expected}.',
  'phone-invalid-characters': '{field} may contain only digits, spaces, dashes, brackets and a leading +.',
  'phone-extension': '{field} cannot carry an extension; put the extension in the note instead.',
  'phone-missing-country-code': '{field} needs its country code, like +44 20 7946 0958.',
  'phone-bad-country-code': '{field} has no valid country code: it cannot start with +0.',
  'phone-too-short': '{field} is too short to be a full international number.',
  'phone-too-long': '{field} is too long: an international number has at most 15 digits.',
  'phone-not-e164': '{field} must be in E.164 form, like +442079460958.',
  'read-back-verbatim': '{field}: put it in your own words; this repeats the recap word for word.',
  'card-number-in-identifier':
    '{field} looks like a payment card number, and a handoff never carries one. Use the reference itself, without the card number.',
  'not-a-number': '{field} must be a number of at most 12 digits, like 42 or 19.99.',
  'ambiguous-number':
    '{field}: is {given} a thousand or a fraction? Write it without the separator, or with two decimals.',
  'not-an-extension': '{field} must be text, a number, or yes or no (true or false).',
  'bad-extension-key': '"{key}" cannot name a custom field: use a lower-case letter, then letters, digits or _.',
  'required-by-template': "{field}: your organisation's handoff template requires this before you send.",
};

/**
 * Labels by field path; list indexes are written `[]` and `{index}` is the 1-based position.
 * The labels of the panel's form controls match these words.
 */
export const DEFAULT_FIELD_LABELS_EN: Record<string, string> = {
  '': 'The handoff',
  schema: 'Schema',
  id: 'Handoff id',
  createdAt: 'Created at',
  mode: 'Handoff mode',
  channel: 'Channel',
  priority: 'Priority',
  reason: 'Reason',
  'reason.code': 'Reason',
  'reason.detail': "Why I can't resolve it",
  case: 'Case',
  'case.id': 'Case id',
  'case.url': 'Case link',
  customer: 'Customer',
  'customer.name': 'Customer name',
  'customer.accountId': 'Account id',
  'customer.contact': 'Customer contact',
  'customer.contact.phone': 'Customer phone',
  'customer.contact.email': 'Customer email',
  'customer.verification': 'Verification',
  'customer.verification.status': 'Verified',
  'customer.verification.method': 'Verification method',
  'customer.verification.methodDetail': 'Which other method',
  'customer.verification.by': 'Verified by',
  'customer.verification.at': 'Verified at',
  'customer.language': 'Customer language',
  from: 'Sender',
  'from.agentId': 'Your agent id',
  'from.name': 'Your name',
  'from.team': 'Your team',
  'from.callback': 'Your callback number',
  to: 'Receiver',
  'to.agentId': 'Receiver agent id',
  'to.name': 'Receiver name',
  'to.team': 'Receiver team',
  'to.expertise': 'Receiver expertise',
  'to.availability': 'Receiver availability',
  'to.availability.status': 'Receiver availability',
  'to.availability.checkedAt': 'Time availability was checked',
  'to.availability.opensAt': 'Receiver opening time',
  'to.availability.closesAt': 'Receiver closing time',
  'to.availability.timeZone': 'Receiver time zone',
  'to.availability.presence': 'Receiver presence',
  recap: 'Recap',
  'recap.summary': 'Summary',
  'recap.tried': 'What has been tried',
  'recap.tried[]': 'What has been tried (step {index})',
  'recap.expectation': 'What the customer expects',
  actions: 'Actions',
  'actions[]': 'Action {index}',
  'actions[].text': 'Action {index}',
  'actions[].owner': 'Owner of action {index}',
  'actions[].due': 'Due time of action {index}',
  nextSteps: 'Agreed next steps',
  followUp: 'Follow-up',
  'followUp.at': 'Follow-up time',
  'followUp.by': 'Who follows up',
  'followUp.note': 'Follow-up note',
  script: 'Script',
  'script.managingUp': 'Managing-up script',
  'script.customerInformed': 'Customer informed',
  'script.apologyGiven': 'Apology given',
  'script.detailsConfirmed': 'Details confirmed',
  contingency: 'Contingency',
  'contingency.fallback': 'Fallback contact',
  'contingency.fallback.phone': 'Fallback contact number',
  'contingency.fallback.name': 'Fallback contact name',
  'contingency.fallback.hours': 'Fallback contact hours',
  'contingency.ifUnavailable': 'If the receiver is unavailable',
  'contingency.plans': 'Contingency plans',
  'contingency.plans[]': 'Contingency plan {index}',
  'contingency.plans[].if': 'Contingency plan {index} (if)',
  'contingency.plans[].then': 'Contingency plan {index} (then)',
  'contingency.note': 'Contingency note',
  transfer: 'Transfer',
  'transfer.count': 'Transfer count',
  'transfer.flagged': 'Priority-lane flag',
  'transfer.priorHandoffIds': 'Earlier handoff ids',
  'transfer.priorHandoffIds[]': 'Earlier handoff id {index}',
  redactions: 'Redactions',
  'redactions[]': 'Redaction {index}',
  'redactions[].field': 'Field of redaction {index}',
  'redactions[].kind': 'Kind of redaction {index}',
  quality: 'Quality',
  'quality.score': 'Quality score',
  'quality.max': 'Highest quality score',
  'quality.missing': 'Missing items',
  'quality.missing[]': 'Missing item {index}',
  'quality.missing[].check': 'Check of missing item {index}',
  'quality.missing[].field': 'Field of missing item {index}',
  client: 'Client',
  'client.sdk': 'SDK name and version',
  'client.locale': 'Client locale',
  training: 'Training flag',
  // Acknowledgements
  handoffId: 'Handoff id',
  at: 'Acknowledged at',
  by: 'Receiver',
  'by.agentId': 'Receiver agent id',
  'by.name': 'Receiver name',
  readBack: 'Read-back',
  accepted: 'Accepted',
  declineReason: 'Reason for declining',
  questions: 'Questions',
  readBackCheck: 'Read-back check',
  'readBackCheck.found': 'Facts the read-back carried',
  'readBackCheck.missing': 'Facts the read-back missed',
  'readBackCheck.dismissed': 'Facts the receiver dismissed',
};
