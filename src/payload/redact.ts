/**
 * Masking of what must never be stored or sent (PCI DSS, seed 003): payment card numbers, however they
 * are written, to their last four digits; security codes, expiry dates, one-time codes, PINs, passwords
 * and security answers entirely. Pure and linear in the text's length: it runs on every autosave.
 */
import { findCardNumbers, type CardMatch } from './masking/card-numbers.js';
import { notCardNumbers } from './masking/not-card-numbers.js';
import { findSecrets, type SecretSpan } from './masking/secrets.js';
import type { Redaction, RedactionKind } from './types.js';

export { luhnValid } from './masking/card-networks.js';

export const MASK_CHAR = '•';
/** A password or security answer becomes this, whatever its length. */
const WHOLE_MASK = MASK_CHAR.repeat(5);

export interface Masked {
  text: string;
  /** What was masked, in order, with where each starts in the text as given. */
  found: { kind: RedactionKind; at: number }[];
}

/** Masks every card number and recognisable secret in `text`. Masking masked text changes nothing. */
export function maskText(text: string): Masked {
  if (text.length < 3) return { text, found: [] };
  const cards = findCardNumbers(text, notCardNumbers(text));
  // Card masking keeps every offset (a digit outside the BMP becomes two mask characters), so the
  // secrets' positions in its result are positions in `text` too.
  const afterCards = maskCards(text, cards);
  const secrets = findSecrets(
    afterCards,
    cards.map((card) => card.end),
  );
  const masked = maskSpans(afterCards, secrets);
  const found = [...cards.map((card) => ({ kind: 'card-number' as const, at: card.start })), ...masked.found];
  return { text: masked.text, found: found.sort((a, b) => a.at - b.at) };
}

/** Joins the entries of a list for masking: a line break to the masking, found in no entry in practice. */
const ENTRY_BREAK = '\u2029';

/**
 * Masks a list of texts as one (entries joined by a line break), so a card number split over two lines
 * of "what has been tried" is found; each masking is told against the entry where it starts.
 */
export function maskLines(lines: readonly string[]): {
  lines: string[];
  found: { kind: RedactionKind; line: number }[];
} {
  if (lines.some((line) => line.includes(ENTRY_BREAK))) {
    const each = lines.map(maskText);
    return {
      lines: each.map((m) => m.text),
      found: each.flatMap((m, line) => m.found.map((f) => ({ kind: f.kind, line }))),
    };
  }
  const masked = maskText(lines.join(ENTRY_BREAK));
  // `found` is in text order: walk the entries' starts along with it.
  let line = 0;
  let nextStart = (lines[0]?.length ?? 0) + 1;
  const found = masked.found.map((f) => {
    while (line < lines.length - 1 && f.at >= nextStart) nextStart += lines[++line]!.length + 1;
    return { kind: f.kind, line };
  });
  return { lines: masked.text.split(ENTRY_BREAK), found };
}

/** Only card numbers, counted (the first release's API). */
export function maskCardNumbers(text: string): { text: string; count: number } {
  const cards = findCardNumbers(text, notCardNumbers(text));
  return { text: maskCards(text, cards), count: cards.length };
}

/** Whether `text` holds a card number (an identifier that does is refused rather than masked). */
export function containsCardNumber(text: string): boolean {
  return findCardNumbers(text, notCardNumbers(text)).length > 0;
}

function maskCards(text: string, cards: readonly CardMatch[]): string {
  let out = '';
  let from = 0;
  for (const card of cards) {
    for (const digit of card.digits.slice(0, -4)) {
      out += text.slice(from, digit.at) + MASK_CHAR.repeat(digit.width);
      from = digit.at + digit.width;
    }
  }
  return out + text.slice(from);
}

function maskSpans(text: string, spans: readonly SecretSpan[]): { text: string; found: Masked['found'] } {
  let out = '';
  let from = 0;
  const found: Masked['found'] = [];
  for (const span of spans) {
    const secret = text.slice(span.start, span.end);
    if (/^["'“«]?[•\s]*["'”»]?$/.test(secret)) continue;
    out += text.slice(from, span.start) + (span.mask === 'whole' ? WHOLE_MASK : secret.replace(/\p{Nd}/gu, MASK_CHAR));
    found.push({ kind: span.kind, at: span.start });
    from = span.end;
  }
  return { text: out + text.slice(from), found };
}

/**
 * Masks every text in a draft (any shape), for storing it: nothing typed reaches IndexedDB with a card
 * number or a secret in it. Lists of texts are masked as one. Returns a masked copy and what was masked.
 */
export function redactDraft<T>(draft: T): { draft: T; redactions: Redaction[] } {
  const redactions: Redaction[] = [];
  const walk = (value: unknown, path: string): unknown => {
    if (typeof value === 'string') {
      const masked = maskText(value);
      for (const f of masked.found) redactions.push({ field: path, kind: f.kind });
      return masked.text;
    }
    if (Array.isArray(value)) {
      if (value.length > 1 && value.every((v) => typeof v === 'string')) {
        const masked = maskLines(value);
        for (const f of masked.found) redactions.push({ field: `${path}[${f.line}]`, kind: f.kind });
        return masked.lines;
      }
      return value.map((v, i) => walk(v, `${path}[${i}]`));
    }
    if (value && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, path ? `${path}.${k}` : k)]));
    }
    return value;
  };
  return { draft: walk(draft, '') as T, redactions };
}

/**
 * The paths of the strings in a finished payload that still hold a card number or a secret (a payload
 * built by hand, not by `buildHandoff` / `buildAck`, which mask them).
 */
export function unmaskedPaths(payload: unknown): string[] {
  const paths: string[] = [];
  const walk = (value: unknown, path: string): void => {
    if (typeof value === 'string') {
      if (maskText(value).found.length) paths.push(path);
    } else if (Array.isArray(value)) {
      if (value.length > 1 && value.every((v) => typeof v === 'string') && maskLines(value).found.length)
        paths.push(path);
      else value.forEach((v, i) => walk(v, `${path}[${i}]`));
    } else if (value && typeof value === 'object') {
      for (const [key, v] of Object.entries(value)) walk(v, path ? `${path}.${key}` : key);
    }
  };
  walk(payload, '');
  return paths;
}
