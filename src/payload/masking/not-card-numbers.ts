/**
 * Long digit strings that are known not to be card numbers, found before the card search so that their
 * digits are left alone: IBANs (their mod-97 check holds), UUIDs (handoff ids pasted into notes) and
 * dates (`30/01/2025 - 01/06/2025` is two dates, not sixteen digits).
 */
import type { Exclusions } from './card-numbers.js';

/** A country code, two check digits, then 11–30 letters or digits, in groups or unbroken, any case. */
const IBAN_CANDIDATE = /\b(?:[A-Z]{2}[ \u00a0]|[A-Za-z]{2})\d{2}(?:[ \u00a0\u2009\u202f.-]?[A-Za-z0-9]){11,30}\b/g;
const IBAN_SEPARATOR = /[ \u00a0\u2009\u202f.-]/;
const IBAN_SEPARATORS = /[ \u00a0\u2009\u202f.-]/g;
/** Each IBAN country's code and its IBAN's length (ISO 13616 registry). */
const IBAN_LENGTHS = new Map(
  'AD24 AE23 AL28 AT20 AZ28 BA20 BE16 BG22 BH22 BR29 BY28 CH21 CR22 CY28 CZ24 DE22 DK18 DO28 EE20 EG29 ES24 FI18 FO18 FR27 GB22 GE22 GI23 GL18 GR27 GT28 HR21 HU28 IE22 IL23 IQ23 IS26 IT27 JO30 KW30 KZ20 LB28 LC32 LI21 LT20 LU20 LV21 LY25 MC27 MD24 ME22 MK19 MR27 MT31 MU30 NL18 NO15 PK24 PL28 PS29 PT25 QA29 RO24 RS22 SA24 SC31 SD18 SE24 SI19 SK24 SM27 ST25 SV28 TL23 TN24 TR26 UA29 VA22 VG24 XK20'
    .split(' ')
    .map((entry) => [entry.slice(0, 2), Number(entry.slice(2))]),
);
/** Day-month-year and month-day-year with `/`, `.` or `-`, and ISO year-month-day, with valid ranges. */
const DAY = String.raw`(?:0?[1-9]|[12]\d|3[01])`;
const MONTH = String.raw`(?:0?[1-9]|1[0-2])`;
/**
 * Dates standing on their own (not inside a run of digit groups, where they could be part of a card):
 * `30/01/2025`, `1.12.2026`, `12/31/2026`, `30-01-25` (two-digit day and month with a two-digit year),
 * `2026-12-01`.
 */
const DATE = new RegExp(
  String.raw`(?<![\p{N}/.-]\s?)(?:${DAY}([./-])${MONTH}\1\d{4}|(?:0[1-9]|[12]\d|3[01])([./-])(?:0[1-9]|1[0-2])\2\d{2}|${MONTH}\/${DAY}\/\d{4}|\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01]))(?!\s?\p{N})(?![/.-]\p{N})`,
  'gu',
);
const UUID = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi;

export function notCardNumbers(text: string): Exclusions {
  const ranges: [number, number][] = [];
  for (const m of text.matchAll(IBAN_CANDIDATE)) {
    const length = ibanLength(m[0]);
    if (length) ranges.push([m.index, m.index + length]);
  }
  for (const m of text.matchAll(UUID)) ranges.push([m.index, m.index + m[0].length]);
  for (const m of text.matchAll(DATE)) ranges.push([m.index, m.index + m[0].length]);
  return ranges.sort((a, b) => a[0] - b[0]);
}

/**
 * The length of the IBAN at the start of `candidate` (which may run on into the next word's letters):
 * the longest prefix, ending after a whole group, with its country's length and a mod-97 check of 1;
 * 0 if none.
 */
function ibanLength(candidate: string): number {
  for (let end = candidate.length; end >= 15; end--) {
    if (end < candidate.length && !IBAN_SEPARATOR.test(candidate[end]!)) continue;
    const compact = candidate.slice(0, end).replace(IBAN_SEPARATORS, '').toUpperCase();
    if (compact.length === IBAN_LENGTHS.get(compact.slice(0, 2)) && mod97(compact) === 1) return end;
  }
  return 0;
}

/** ISO 13616: the first four characters moved to the end, letters as 10–35, the number mod 97. */
function mod97(iban: string): number {
  let remainder = 0;
  for (const char of iban.slice(4) + iban.slice(0, 4)) {
    const code = char.charCodeAt(0);
    const value = code <= 57 ? code - 48 : code - 55;
    remainder = (remainder * (value > 9 ? 100 : 10) + value) % 97;
  }
  return remainder;
}
