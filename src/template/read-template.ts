/**
 * The template's parts of a handoff, read with the payload's checker: the custom fields (`extensions`),
 * the checklist the agent ticked (`template`), and the moves the template requires for this reason and
 * channel. In payload mode only their shapes are checked, as the JSON Schema does.
 */
import { compact, type Bag, type Checker } from '../payload/checker.js';
import { containsCardNumber } from '../payload/redact.js';
import type { QualityInput } from '../payload/quality.js';
import { LIMITS, type HandoffExtensions, type HandoffTemplateRecord } from '../payload/types.js';
import { fieldRequired, localised, unmetRequirements } from './applies.js';
import { CHECKLIST_ID, FIELD_KEY, type CustomField, type HandoffTemplate } from './types.js';

/** Extension keys a payload may carry: the template's, and those of a draft saved under an older one. */
const MAX_EXTENSIONS = LIMITS.extensions;
const MAX_NUMBER = 999_999_999_999;
const MAX_DIGITS = 12;
const THOUSANDS = /^[+-]?[1-9]\d{0,2}[.,]\d{3}$/;
const NUMBER = /^[+-]?(\d+([.,]\d+)?|[.,]\d+)$/;

function readNumber(c: Checker, value: unknown, path: string): number | undefined {
  let n = value;
  if (c.draft && typeof value === 'string') {
    const text = value.trim().replace(/[\s\u00a0]/g, '');
    if (containsCardNumber(text)) return c.fail(path, 'card-number-in-identifier');
    // "1,234" is a thousand in English and one point two in Spanish: asked again, never guessed.
    if (THOUSANDS.test(text)) return c.fail(path, 'ambiguous-number', { given: text });
    n = NUMBER.test(text) ? Number(text.replace(',', '.')) : value;
  }
  // A prefill's number may carry card digits too; a payload's is checked as its schema does, by size only.
  if (c.draft && typeof n === 'number' && containsCardNumber(String(n).replace(/\D/g, '')))
    return c.fail(path, 'card-number-in-identifier');
  // Digits are counted as typed: a number computed by a host (19.99 * 3) has its binary tail.
  if (typeof value === 'string' && typeof n === 'number' && String(Math.abs(n)).replace(/\D/g, '').length > MAX_DIGITS)
    return c.fail(path, 'not-a-number');
  // Longer numbers are account or card numbers: text, where they are masked or refused.
  if (typeof n !== 'number' || !(Math.abs(n) <= MAX_NUMBER)) return c.fail(path, 'not-a-number');
  return n;
}

function readYesNo(c: Checker, value: unknown, path: string): boolean | undefined {
  if (c.draft && (value === 'yes' || value === 'no')) return value === 'yes';
  return c.boolean(value, path);
}

function readTyped(c: Checker, field: CustomField, value: unknown, path: string) {
  switch (field.type) {
    case 'number':
      return readNumber(c, value, path);
    case 'yes-no':
      return readYesNo(c, value, path);
    case 'date-time':
      return c.dateTime(value, path);
    case 'choice':
      return c.choice(
        value,
        path,
        (field.options ?? []).map((o) => o.value),
      );
    default:
      return c.text(value, path, { max: field.type === 'text' ? LIMITS.short : LIMITS.extensionText });
  }
}

/** A value of a key the template does not describe: text, a number or yes/no, as it is. */
function readUntyped(c: Checker, value: unknown, path: string) {
  if (typeof value === 'boolean') return value;
  // A kept yes/no field is shown as one, and its select gives its words.
  if (c.draft && (value === 'yes' || value === 'no')) return value === 'yes';
  if (typeof value === 'number')
    return Number.isFinite(value) ? readNumber(c, value, path) : c.fail(path, 'not-an-extension');
  if (typeof value === 'string') return c.text(value, path, { max: LIMITS.extensionText });
  return c.fail(path, 'not-an-extension');
}

/**
 * The custom fields: each typed as the template says, required where it says; keys it does not know
 * (a draft saved under an older template) kept as they are, so nothing typed is lost.
 */
export function readExtensions(
  c: Checker,
  value: unknown,
  template: HandoffTemplate | undefined,
  handoff: { reason?: unknown; channel?: unknown },
): HandoffExtensions | undefined {
  if (value === undefined || (c.draft && value === null)) value = {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return c.fail('extensions', 'not-an-object');
  const given = value as Bag;
  const out: HandoffExtensions = {};
  const fields = c.draft ? (template?.fields ?? []) : [];
  for (const field of fields) {
    const path = `extensions.${field.key}`;
    const entry = Object.hasOwn(given, field.key) ? given[field.key] : undefined;
    if (c.isBlank(entry) && fieldRequired(field, handoff.reason, handoff.channel)) {
      c.fail(path, 'required-by-template');
      continue;
    }
    const read = c.isBlank(entry) ? undefined : readTyped(c, field, entry, path);
    if (read !== undefined) out[field.key] = read;
  }
  const known = new Set(fields.map((f) => f.key));
  // A field typed in and emptied again is no value: it neither counts nor can be wrong.
  const others = Object.keys(given).filter((key) => !known.has(key) && !(c.draft && c.isBlank(given[key])));
  for (const key of others) {
    const path = `extensions.${key}`;
    if (!FIELD_KEY.test(key)) c.fail(path, 'bad-extension-key', { key });
    else {
      const read = readUntyped(c, given[key], path);
      if (read !== undefined) out[key] = read;
    }
  }
  const count = Object.keys(out).length;
  // In a draft, said at a field the agent can clear: the first kept from an older template, if any.
  const clearable = c.draft ? others.find((key) => Object.hasOwn(out, key)) : undefined;
  if (count > MAX_EXTENSIONS)
    return c.fail(clearable ? `extensions.${clearable}` : 'extensions', 'too-many', { count, max: MAX_EXTENSIONS });
  return count ? out : undefined;
}

/** What the agent ticked of the template's checklist, with the labels they saw. */
export function readChecklist(
  c: Checker,
  value: unknown,
  template: HandoffTemplate,
  locale: string | undefined,
): HandoffTemplateRecord {
  // Ticks of items an older template listed are not the agent's words: they are let go.
  const ticks = c.object(value ?? {}, 'checklist', Object.keys(value ?? {})) ?? {};
  const checklist = (template.checklist ?? []).map((item) => ({
    id: item.id,
    label: localised(item.label, locale),
    checked: ticks[item.id] === true,
  }));
  return compact({ id: template.id, version: template.version, checklist: checklist.length ? checklist : undefined });
}

/** Each required move not made, as an error at its field (a checklist item at `checklist.<id>`). */
export function checkRequiredMoves(
  c: Checker,
  template: HandoffTemplate,
  handoff: QualityInput,
  record: HandoffTemplateRecord,
): void {
  for (const miss of unmetRequirements(template, handoff, record))
    c.fail(miss.field, 'required-by-template', { check: miss.check });
}

/** Payload mode: `extensions` and `template` have the shapes the JSON Schema gives them. */
export function checkTemplateShapes(c: Checker, input: Bag): void {
  readExtensions(c, input.extensions, undefined, {});
  if (input.template === null) c.fail('template', 'not-an-object');
  const record = c.object(input.template, 'template', ['id', 'version', 'checklist']);
  if (!record) return;
  c.text(record.id, 'template.id', { max: LIMITS.short, required: true, identifier: true });
  c.text(record.version, 'template.version', { max: LIMITS.short, identifier: true });
  c.list(record.checklist, 'template.checklist', { max: LIMITS.checklist }, (entry, path) => {
    const item = c.object(entry, path, ['id', 'label', 'checked'], true);
    if (!item) return undefined;
    c.pattern(item.id, `${path}.id`, 'not-text', (t) => CHECKLIST_ID.test(t), true);
    c.text(item.label, `${path}.label`, { max: LIMITS.short, required: true });
    c.boolean(item.checked, `${path}.checked`);
    return undefined;
  });
}
