/**
 * Field-by-field reading of untrusted input with human-readable errors.
 *
 * One checker serves two modes: `draft` reads what an agent typed (trims, drops empty optional
 * fields, fills defaults, normalises phone numbers, masks card numbers); `payload` checks a finished
 * document exactly as the JSON Schema does, changing nothing.
 */
import {
  DEFAULT_FIELD_LABELS_EN,
  DEFAULT_VALIDATION_MESSAGES_EN,
  type ValidationCode,
  type ValidationMessages,
} from './messages.js';
import { normalizePhone } from './phone.js';
import { containsCardNumber, maskLines, maskText } from './redact.js';
import { renderTemplate } from './template.js';
import type { Redaction } from './types.js';

export type FieldErrorParams = Record<string, string | number>;

export interface FieldError {
  /** Path of the field, e.g. `customer.contact.phone` or `actions[2].due`. */
  path: string;
  code: ValidationCode;
  /** Human-readable, localised; names the field and says what to do. */
  message: string;
  params: FieldErrorParams;
}

export type CheckMode = 'draft' | 'payload';

export interface CheckerOptions {
  mode: CheckMode;
  messages?: Partial<ValidationMessages>;
  fieldLabels?: Record<string, string>;
  defaultCallingCode?: string;
}

export type Bag = Record<string, unknown>;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const E164 = /^\+[1-9][0-9]{6,14}$/;
const LANGUAGE = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-](\d{2}):(\d{2}))$/;

/** C0 controls but tab and line breaks, DEL, and unpaired surrogates: never part of a handoff's text. */
const BAD_CHARACTERS =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const BAD_CHARACTERS_ALL = new RegExp(BAD_CHARACTERS.source, 'g');

/** Pasted text without control characters; an unpaired surrogate becomes U+FFFD. */
export function cleanText(text: string): string {
  return text.replace(BAD_CHARACTERS_ALL, (ch) => (ch >= '\uD800' ? '\uFFFD' : ''));
}

/** Length in Unicode code points, as JSON Schema's `maxLength` counts it. */
export const codePoints = (text: string): number =>
  text.length - (text.match(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g)?.length ?? 0);

export function isDateTime(value: string): boolean {
  const m = DATE_TIME.exec(value);
  if (!m) return false;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const offsetOk = m[9] === undefined || (Number(m[9]) <= 23 && Number(m[10]) <= 59);
  return (
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth &&
    hour <= 23 &&
    minute <= 59 &&
    second <= 60 &&
    offsetOk
  );
}

/** An absolute http(s) URI, in ASCII as RFC 3986 (and JSON Schema's `uri` format) has it. */
export function isHttpUrl(value: string): boolean {
  if (!/^https?:\/\/[\x21-\x7e]+$/i.test(value)) return false;
  try {
    return Boolean(new URL(value).host);
  } catch {
    return false;
  }
}

/** A link or address as a person reads it: `%20` and `+` are spaces, `%EF%BC%94` is `４`. */
function decoded(text: string): string {
  const spaced = text.replace(/\+/g, ' ');
  try {
    return decodeURIComponent(spaced);
  } catch {
    return spaced.replace(/%[0-9a-f]{2}/gi, ' ');
  }
}

function asUri(text: string): string {
  if (!/^https?:\/\//i.test(text)) return text;
  try {
    return new URL(text).href;
  } catch {
    return text;
  }
}

/**
 * The label of a field path from a label catalogue: `actions[2].due` looks up `actions[].due` with
 * `{index}` = 3. Own properties only, so a path such as `toString` cannot find Object.prototype's.
 */
export function fieldLabel(labels: Record<string, string>, path: string): string {
  const key = path.replace(/\[\d+\]/g, '[]');
  const template = Object.hasOwn(labels, key) ? labels[key] : undefined;
  const index = Number(/\[(\d+)\][^[]*$/.exec(path)?.[1] ?? -1) + 1;
  return template === undefined ? path : renderTemplate(template, { index });
}

interface ListRule<T> {
  max: number;
  required?: boolean;
  /** Used when the list is absent. */
  fallback?: T[] | undefined;
}

interface TextRule {
  required?: boolean;
  max: number;
  /**
   * An identifier (case id, account id, agent id, email, link): one holding a card number is refused,
   * not masked, since a masked id would silently point nowhere. Other text is masked (draft mode).
   */
  identifier?: boolean;
}

export class Checker {
  readonly errors: FieldError[] = [];
  readonly redactions: Redaction[] = [];
  readonly mode: CheckMode;
  readonly #messages: ValidationMessages;
  readonly #labels: Record<string, string>;

  readonly #options: CheckerOptions;

  constructor(options: CheckerOptions) {
    this.#options = options;
    this.mode = options.mode;
    this.#messages = { ...DEFAULT_VALIDATION_MESSAGES_EN, ...options.messages };
    this.#labels = { ...DEFAULT_FIELD_LABELS_EN, ...options.fieldLabels };
  }

  get draft(): boolean {
    return this.mode === 'draft';
  }

  fail(path: string, code: ValidationCode, params: FieldErrorParams = {}): undefined {
    const label = fieldLabel(this.#labels, path);
    const message = renderTemplate(this.#messages[code], { field: label, ...params });
    this.errors.push({ path, code, message, params });
    return undefined;
  }

  /** Absent, or (in draft mode) an empty string: the agent left it blank. */
  isBlank(value: unknown): boolean {
    return value === undefined || value === null || (this.draft && typeof value === 'string' && value.trim() === '');
  }

  /** Blank, an empty list, or an object with nothing but blanks inside: a part of the form left untouched. */
  isEmptyEntry(entry: unknown): boolean {
    if (this.isBlank(entry)) return true;
    if (Array.isArray(entry)) return entry.every((v) => this.isEmptyEntry(v));
    if (typeof entry !== 'object') return false;
    return Object.values(entry as Bag).every((v) => this.isEmptyEntry(v));
  }

  /** An object, or undefined when absent; reports unknown keys so typos in prefills are caught. */
  object(value: unknown, path: string, knownKeys: readonly string[], required = false): Bag | undefined {
    if (value === undefined || value === null) return required ? this.fail(path, 'required') : undefined;
    if (typeof value !== 'object' || Array.isArray(value)) return this.fail(path, 'not-an-object');
    const bag = value as Bag;
    for (const key of Object.keys(bag)) {
      if (!knownKeys.includes(key)) this.fail(path ? `${path}.${key}` : key, 'unknown-field', { key });
    }
    return bag;
  }

  text(value: unknown, path: string, rule: TextRule): string | undefined {
    if (this.isBlank(value)) return rule.required ? this.fail(path, 'required') : undefined;
    let text: string;
    if (typeof value === 'string') text = value;
    // Hosts often hold ids as numbers; accept those in draft mode.
    else if (this.draft && typeof value === 'number' && Number.isFinite(value)) text = String(value);
    else return this.fail(path, 'not-text');

    if (this.draft) {
      text = cleanText(text).trim();
      // Nothing but control characters is as good as blank.
      if (text === '') return rule.required ? this.fail(path, 'required') : undefined;
    } else if (!/\S/.test(text)) return this.fail(path, 'required');
    else if (BAD_CHARACTERS.test(text)) return this.fail(path, 'bad-characters');
    // Too long is refused before any masking: a 150,000-character paste is not scanned to be thrown away.
    const given = codePoints(text);
    if (given > rule.max) return this.fail(path, 'too-long', { length: given, max: rule.max });
    if (this.draft) {
      if (!rule.identifier) text = this.#redact(text, path);
      else if (containsCardNumber(text) || containsCardNumber(decoded(text)))
        return this.fail(path, 'card-number-in-identifier');
    }
    // A masked password is five mask characters, whatever its length: the text may have grown.
    const length = codePoints(text);
    if (length > rule.max) return this.fail(path, 'too-long', { length, max: rule.max });
    return text;
  }

  #redact(text: string, path: string): string {
    const masked = maskText(text);
    for (const { kind } of masked.found) this.redactions.push({ field: path, kind });
    return masked.text;
  }

  /**
   * In draft mode, a list of texts masked as one before its entries are read (a card number split over
   * two lines of "what has been tried" is still one card number).
   */
  lines(value: unknown, path: string, max: number): unknown {
    // A list over its limit is refused as it is (by `list`), not scanned first.
    if (!this.draft || !Array.isArray(value) || value.length > max || !value.every((v) => typeof v === 'string'))
      return value;
    const masked = maskLines(value.map(cleanText));
    for (const { kind, line } of masked.found) this.redactions.push({ field: `${path}[${line}]`, kind });
    return masked.lines;
  }

  choice<T extends string>(value: unknown, path: string, allowed: readonly T[], fallback?: T): T | undefined {
    if (this.isBlank(value)) return fallback ?? this.fail(path, 'required');
    if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
    return this.fail(path, 'not-one-of', { allowed: allowed.join(', ') });
  }

  exact<T extends string | boolean>(value: unknown, path: string, expected: T): T | undefined {
    if (value === undefined) return this.fail(path, 'required');
    return value === expected ? expected : this.fail(path, 'wrong-value', { expected: JSON.stringify(expected) });
  }

  boolean(value: unknown, path: string, fallback?: boolean): boolean | undefined {
    if (value === undefined || value === null) return fallback ?? this.fail(path, 'required');
    return typeof value === 'boolean' ? value : this.fail(path, 'not-a-boolean');
  }

  count(value: unknown, path: string, min: number, fallback?: number): number | undefined {
    if (this.isBlank(value)) return fallback ?? this.fail(path, 'required');
    const n = this.draft && typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : value;
    return typeof n === 'number' && Number.isSafeInteger(n) && n >= min ? n : this.fail(path, 'not-a-count', { min });
  }

  dateTime(value: unknown, path: string, required = false): string | undefined {
    const text = this.text(value, path, { required, max: 64, identifier: true });
    if (text === undefined) return undefined;
    return isDateTime(text) ? text : this.fail(path, 'not-a-date-time');
  }

  pattern(
    value: unknown,
    path: string,
    code: ValidationCode,
    test: (text: string) => boolean,
    required = false,
  ): string | undefined {
    const text = this.text(value, path, { required, max: 2000, identifier: true });
    if (text === undefined) return undefined;
    return test(text) ? text : this.fail(path, code);
  }

  email(value: unknown, path: string): string | undefined {
    return this.pattern(value, path, 'not-an-email', (t) => EMAIL.test(t) && codePoints(t) <= 254);
  }

  /** In draft mode a pasted address with spaces or non-ASCII letters is written as its URI (`%`-escaped). */
  url(value: unknown, path: string): string | undefined {
    const given = this.draft && typeof value === 'string' ? asUri(value.trim()) : value;
    return this.pattern(given, path, 'not-a-url', isHttpUrl);
  }

  language(value: unknown, path: string): string | undefined {
    return this.pattern(value, path, 'not-a-language', (t) => LANGUAGE.test(t));
  }

  uuid(value: unknown, path: string, required = false): string | undefined {
    return this.pattern(value, path, 'not-a-uuid', (t) => UUID.test(t), required);
  }

  phone(value: unknown, path: string, required = false): string | undefined {
    const text = this.text(value, path, { required, max: 64, identifier: true });
    if (text === undefined) return undefined;
    if (!this.draft) return E164.test(text) ? text : this.fail(path, 'phone-not-e164');
    const result = normalizePhone(text, { defaultCallingCode: this.#options.defaultCallingCode });
    return result.ok ? result.e164 : this.fail(path, `phone-${result.problem}`);
  }

  /** A list, each entry read by `item`; entries that fail are left out of the result. */
  list<T>(
    value: unknown,
    path: string,
    rule: ListRule<T>,
    item: (entry: unknown, path: string) => T | undefined,
  ): T[] | undefined {
    const { max } = rule;
    if (value === undefined || value === null)
      return rule.fallback ?? (rule.required ? this.fail(path, 'required') : undefined);
    if (!Array.isArray(value)) return this.fail(path, 'not-a-list');
    if (value.length > max) return this.fail(path, 'too-many', { count: value.length, max });
    const out: T[] = [];
    value.forEach((entry, i) => {
      // A row the agent added and left empty is not an error; it is simply not sent.
      if (this.draft && this.isEmptyEntry(entry)) return;
      const read = item(entry, `${path}[${i}]`);
      if (read !== undefined) out.push(read);
    });
    return out;
  }
}

/** Copies the defined entries of `fields` only, so optional fields left blank are absent, not undefined. */
export function compact<T extends object>(fields: T): T {
  const out = {} as T;
  for (const key of Object.keys(fields) as (keyof T)[]) {
    if (fields[key] !== undefined) out[key] = fields[key];
  }
  return out;
}
