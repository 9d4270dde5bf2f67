/**
 * Checks an organisation's template before the panel uses it: each problem names the key to fix
 * (`template.fields[2].key: …`), and a template that would weaken the payload contract is refused.
 */
import { cleanText } from '../payload/checker.js';
import { QUALITY_CHECKS } from '../payload/checks.js';
import { QUALITY_MOVES } from '../payload/quality.js';
import { DEFAULT_FIELD_LABELS_EN } from '../payload/messages.js';
import { CHANNELS, LIMITS, REASON_CODES } from '../payload/types.js';
import {
  CHECKLIST_ID,
  CUSTOM_FIELD_TYPES,
  FIELD_KEY,
  TEMPLATE_SECTIONS,
  type AppliesWhen,
  type HandoffTemplate,
  type Requirement,
} from './types.js';

/** A template the SDK cannot use, with every problem found. */
export class TemplateError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(
      `The handoff template has ${problems.length === 1 ? 'a problem' : `${problems.length} problems`}:\n- ${problems.join('\n- ')}`,
    );
    this.name = 'TemplateError';
    this.problems = problems;
  }
}

const LOCALE = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
/** As many fields and checklist items as a payload may carry (see LIMITS). */
export const TEMPLATE_LIMITS = {
  fields: LIMITS.extensions,
  checklist: LIMITS.checklist,
  requirements: 60,
  options: 50,
} as const;

/**
 * The checks the contract needs whatever the protocol says: a template cannot make them optional. The
 * fallback is needed on the phone only.
 */
const CONTRACT_CHECKS: ReadonlySet<string> = new Set([
  'reason-detail',
  'recap-summary',
  'verification-method',
  'managing-up-receiver',
  'no-secrets-typed',
]);
const PHONE_CHECKS: ReadonlySet<string> = new Set(['fallback-number', 'if-unavailable']);

/** Every name a field has in the contract (`summary`, `phone`, `reason`…): a custom key may not take one. */
const BUILT_IN_NAMES: ReadonlySet<string> = new Set(
  [
    ...Object.keys(DEFAULT_FIELD_LABELS_EN).flatMap((path) => path.replace(/\[\]/g, '').split('.')),
    'extensions',
    'template',
    'timing',
    'checklist',
    'constructor',
    'prototype',
  ]
    .filter(Boolean)
    .map((name) => name.toLowerCase()),
);

type Bag = Record<string, unknown>;
const isBag = (value: unknown): value is Bag => typeof value === 'object' && value !== null && !Array.isArray(value);

class Problems {
  readonly found: string[] = [];
  add(path: string, problem: string): void {
    this.found.push(`${path}: ${problem}`);
  }
  keys(bag: Bag, path: string, known: readonly string[]): void {
    for (const key of Object.keys(bag))
      if (!known.includes(key)) this.add(`${path}.${key}`, `is not a key of a template (known: ${known.join(', ')})`);
  }
  text(value: unknown, path: string, required = true, max: number = LIMITS.short): void {
    if (value === undefined && !required) return;
    if (typeof value !== 'string' || !value.trim()) this.add(path, 'must be a non-empty text');
    else if (value.length > max) this.add(path, `is longer than ${max} characters`);
    // It is copied into every payload, which may hold no control characters or broken Unicode.
    else if (cleanText(value) !== value) this.add(path, 'contains control characters or broken Unicode; remove them');
  }
  localised(value: unknown, path: string, required = true): void {
    if (value === undefined && !required) return;
    if (!isBag(value)) return this.text(value, path);
    const entries = Object.entries(value);
    if (!entries.length) this.add(path, 'must have a text for at least one locale, like { "en": "…" }');
    for (const [locale, text] of entries) {
      if (!LOCALE.test(locale)) this.add(`${path}.${locale}`, 'is not a locale tag such as en, es or pt-BR');
      this.text(text, `${path}.${locale}`);
    }
  }
  oneOf(value: unknown, path: string, allowed: readonly string[]): boolean {
    if (typeof value === 'string' && allowed.includes(value)) return true;
    this.add(path, `must be one of: ${allowed.join(', ')}`);
    return false;
  }
  list(value: unknown, path: string, max: number): unknown[] {
    if (value === undefined) return [];
    if (!Array.isArray(value)) {
      this.add(path, 'must be a list');
      return [];
    }
    if (value.length > max) this.add(path, `has ${value.length} entries; the limit is ${max}`);
    return value.slice(0, max);
  }
  appliesWhen(bag: Bag, path: string): void {
    for (const [key, allowed] of [
      ['reasons', REASON_CODES],
      ['channels', CHANNELS],
    ] as const) {
      if (bag[key] === undefined) continue;
      const values = this.list(bag[key], `${path}.${key}`, allowed.length);
      if (Array.isArray(bag[key]) && !values.length)
        this.add(`${path}.${key}`, 'is empty: leave it out to mean every one');
      values.forEach((v, i) => this.oneOf(v, `${path}.${key}[${i}]`, allowed));
    }
  }
}

function checkFields(p: Problems, value: unknown): void {
  const seen = new Set<string>();
  p.list(value, 'template.fields', TEMPLATE_LIMITS.fields).forEach((field, i) => {
    const path = `template.fields[${i}]`;
    if (!isBag(field)) return p.add(path, 'must be an object with key, label and type');
    p.keys(field, path, ['key', 'label', 'type', 'required', 'section', 'options', 'hint']);
    const key = field.key;
    if (typeof key !== 'string' || !FIELD_KEY.test(key))
      p.add(
        `${path}.key`,
        'must start with a lower-case letter, then letters, digits or _ (at most 64), like orderNumber',
      );
    else if (BUILT_IN_NAMES.has(key.toLowerCase()))
      p.add(`${path}.key`, `"${key}" is the name of a built-in handoff field; choose another, like ${key}Ref`);
    else if (seen.has(key)) p.add(`${path}.key`, `"${key}" is used by an earlier field`);
    else seen.add(key);
    p.localised(field.label, `${path}.label`);
    p.localised(field.hint, `${path}.hint`, false);
    const typed = p.oneOf(field.type, `${path}.type`, CUSTOM_FIELD_TYPES);
    if (field.section !== undefined) p.oneOf(field.section, `${path}.section`, TEMPLATE_SECTIONS);
    if (isBag(field.required)) {
      p.keys(field.required, `${path}.required`, ['reasons', 'channels']);
      p.appliesWhen(field.required, `${path}.required`);
    } else if (field.required !== undefined && typeof field.required !== 'boolean')
      p.add(`${path}.required`, 'must be true, false or { reasons, channels }');
    if (typed) checkOptions(p, field, path);
  });
}

function checkOptions(p: Problems, field: Bag, path: string): void {
  if (field.type !== 'choice') {
    if (field.options !== undefined) p.add(`${path}.options`, 'only a choice field has options');
    return;
  }
  const options = p.list(field.options, `${path}.options`, TEMPLATE_LIMITS.options);
  if (!options.length) p.add(`${path}.options`, 'a choice field needs at least one option');
  const values = new Set<string>();
  options.forEach((option, j) => {
    const at = `${path}.options[${j}]`;
    if (!isBag(option)) return p.add(at, 'must be { value, label }');
    p.keys(option, at, ['value', 'label']);
    p.text(option.value, `${at}.value`);
    if (typeof option.value === 'string' && values.has(option.value))
      p.add(`${at}.value`, 'is used by an earlier option');
    values.add(String(option.value));
    p.localised(option.label, `${at}.label`);
  });
}

function checkChecklist(p: Problems, value: unknown): Set<string> {
  const ids = new Set<string>();
  p.list(value, 'template.checklist', TEMPLATE_LIMITS.checklist).forEach((item, i) => {
    const path = `template.checklist[${i}]`;
    if (!isBag(item)) return p.add(path, 'must be { id, label }');
    p.keys(item, path, ['id', 'label', 'move']);
    if (item.move !== undefined) p.oneOf(item.move, `${path}.move`, QUALITY_MOVES);
    const id = item.id;
    if (typeof id !== 'string' || !CHECKLIST_ID.test(id))
      p.add(
        `${path}.id`,
        'must start with a lower-case letter, then letters, digits, - or _, like offered-de-escalation',
      );
    else if (id in Object.prototype)
      p.add(`${path}.id`, `"${id}" is a name every JavaScript object has; choose another`);
    else if ((QUALITY_CHECKS as readonly string[]).includes(id))
      p.add(`${path}.id`, `"${id}" is a built-in quality check; require it instead of listing it`);
    else if (ids.has(id)) p.add(`${path}.id`, `"${id}" is used by an earlier item`);
    else ids.add(id);
    p.localised(item.label, `${path}.label`);
  });
  return ids;
}

/** Whether two rules hold for some handoff at once. */
const overlap = (a: AppliesWhen, b: AppliesWhen): boolean =>
  (!a.reasons || !b.reasons || a.reasons.some((r) => b.reasons!.includes(r))) &&
  (!a.channels || !b.channels || a.channels.some((ch) => b.channels!.includes(ch)));

const appliesToPhone = (when: AppliesWhen) => !when.channels || when.channels.includes('phone');

function checkRequirements(p: Problems, template: Bag, checklist: Set<string>): void {
  const known = [...QUALITY_CHECKS, ...checklist];
  const required: Requirement[] = [];
  for (const kind of ['required', 'optional'] as const) {
    p.list(template[kind], `template.${kind}`, TEMPLATE_LIMITS.requirements).forEach((entry, i) => {
      const path = `template.${kind}[${i}]`;
      if (!isBag(entry)) return p.add(path, 'must be { check, reasons?, channels? }');
      p.keys(entry, path, ['check', 'reasons', 'channels']);
      p.appliesWhen(entry, path);
      if (!p.oneOf(entry.check, `${path}.check`, kind === 'required' ? known : QUALITY_CHECKS)) return;
      const check = entry.check as string;
      // Masking already keeps every secret out, and a masking cannot be undone: required, it would block for good.
      if (kind === 'required' && check === 'no-secrets-typed')
        return p.add(`${path}.check`, '"no-secrets-typed" is always enforced by masking; it cannot be required');
      if (kind === 'required') return void required.push(entry as unknown as Requirement);
      const when = entry as unknown as Requirement;
      if (CONTRACT_CHECKS.has(check) || (PHONE_CHECKS.has(check) && appliesToPhone(when)))
        p.add(
          `${path}.check`,
          `"${check}" is part of the handoff contract${PHONE_CHECKS.has(check) ? ' on the phone' : ''}: it cannot be optional`,
        );
      else if (required.some((r) => r.check === check && overlap(r, when)))
        p.add(
          `${path}.check`,
          `"${check}" is also required for some of these reasons and channels; a move is one or the other`,
        );
    });
  }
}

function checkTiming(p: Problems, value: unknown): void {
  if (value === undefined) return;
  if (!isBag(value)) return p.add('template.timing', 'must be { minimumNoticeMinutes }');
  p.keys(value, 'template.timing', ['minimumNoticeMinutes']);
  const notice = value.minimumNoticeMinutes;
  if (
    notice !== undefined &&
    !(Number.isSafeInteger(notice) && (notice as number) >= 0 && (notice as number) <= 10_080)
  )
    p.add('template.timing.minimumNoticeMinutes', 'must be a whole number of minutes from 0 to 10080 (a week)');
}

/**
 * The template as given, once it is known to be usable; throws a {@link TemplateError} listing every
 * problem by its key otherwise.
 */
export function checkTemplate(value: unknown): HandoffTemplate {
  const p = new Problems();
  if (!isBag(value)) throw new TemplateError(['template: must be an object with at least an id']);
  p.keys(value, 'template', ['id', 'version', 'name', 'fields', 'checklist', 'required', 'optional', 'timing']);
  p.text(value.id, 'template.id');
  p.text(value.version, 'template.version', false);
  p.localised(value.name, 'template.name', false);
  checkFields(p, value.fields);
  checkRequirements(p, value, checkChecklist(p, value.checklist));
  checkTiming(p, value.timing);
  if (p.found.length) throw new TemplateError(p.found);
  // A copy the host cannot change behind the panel's back; JSON, as a framework's reactive proxy is no clone.
  return JSON.parse(JSON.stringify(value)) as HandoffTemplate;
}
