/**
 * Payment card numbers in free text are masked to their last four digits before anything is stored
 * or sent (PCI DSS). A candidate is a run of 13–19 digits, optionally grouped by spaces or dashes
 * (a line break included, as when a number is pasted across lines), that passes the Luhn check and
 * starts with a card-network digit (2–6). Runs after a `+` are phone numbers and are left alone.
 */

import type { Redaction } from './types.js';

export const MASK_CHAR = '•';

/** Digits joined by at most three separator characters each. */
const DIGIT_RUN = /\d(?:[ \t\r\n\u00a0-]{0,3}\d)*/g;
const MIN_DIGITS = 13;
const MAX_DIGITS = 19;

export function luhnValid(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

function looksLikeCard(digits: string): boolean {
  return digits.length >= MIN_DIGITS && digits.length <= MAX_DIGITS && /^[2-6]/.test(digits) && luhnValid(digits);
}

interface Group {
  start: number;
  end: number;
  digits: string;
}

/** Splits a digit run into its groups (`4111 1111-1111` → three groups) with their offsets. */
function groupsOf(run: string, offset: number): Group[] {
  const groups: Group[] = [];
  for (const m of run.matchAll(/\d+/g)) {
    groups.push({ start: offset + m.index, end: offset + m.index + m[0].length, digits: m[0] });
  }
  return groups;
}

/**
 * The spans of a run that are card numbers. The whole run is tried first, then, for runs with extra
 * digits around a card (`4111 1111 1111 1111 123`), the longest group-aligned sub-runs, left to right.
 */
function cardSpans(groups: Group[]): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  let from = 0;
  while (from < groups.length) {
    let found = -1;
    for (let to = groups.length; to > from; to--) {
      const digits = groups
        .slice(from, to)
        .map((g) => g.digits)
        .join('');
      if (digits.length < MIN_DIGITS) break;
      if (looksLikeCard(digits)) {
        found = to;
        break;
      }
    }
    if (found === -1) {
      from += 1;
      continue;
    }
    spans.push({ start: groups[from]!.start, end: groups[found - 1]!.end });
    from = found;
  }
  return spans;
}

export interface MaskResult {
  text: string;
  /** How many card numbers were masked. */
  count: number;
}

/** Masks every card number in `text` to its last four digits, keeping the separators. */
export function maskCardNumbers(text: string): MaskResult {
  let count = 0;
  let out = text;
  for (const run of text.matchAll(DIGIT_RUN)) {
    if (run.index > 0 && text[run.index - 1] === '+') continue;
    const digitCount = run[0].replace(/\D/g, '').length;
    if (digitCount < MIN_DIGITS) continue;
    for (const span of cardSpans(groupsOf(run[0], run.index))) {
      out = out.slice(0, span.start) + maskSpan(out.slice(span.start, span.end)) + out.slice(span.end);
      count += 1;
    }
  }
  return { text: out, count };
}

function maskSpan(span: string): string {
  let keep = 4;
  let masked = '';
  for (let i = span.length - 1; i >= 0; i--) {
    const ch = span[i]!;
    if (ch >= '0' && ch <= '9') {
      masked = (keep > 0 ? ch : MASK_CHAR) + masked;
      keep -= 1;
    } else masked = ch + masked;
  }
  return masked;
}

/**
 * Masks card numbers in every text of a draft (any shape), for storing drafts: nothing typed is
 * written to IndexedDB with a card number in it. Returns a masked copy and what was masked.
 */
export function redactDraft<T>(draft: T): { draft: T; redactions: Redaction[] } {
  const redactions: Redaction[] = [];
  const walk = (value: unknown, path: string): unknown => {
    if (typeof value === 'string') {
      const masked = maskCardNumbers(value);
      for (let i = 0; i < masked.count; i++) redactions.push({ field: path, kind: 'card-number' });
      return masked.text;
    }
    if (Array.isArray(value)) return value.map((v, i) => walk(v, `${path}[${i}]`));
    if (value && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, path ? `${path}.${k}` : k)]));
    }
    return value;
  };
  return { draft: walk(draft, '') as T, redactions };
}
