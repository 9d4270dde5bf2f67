/**
 * Long digit strings that are known not to be card numbers, found before the card search so that their
 * digits are left alone: IBANs (their mod-97 check holds) and UUIDs (handoff ids pasted into notes).
 */
import type { Exclusions } from './card-numbers.js';

/** A country code, two check digits, then 11–30 letters or digits, in groups of up to four or unbroken. */
const IBAN_CANDIDATE = /\b[A-Z]{2}\d{2}(?:[ \u00a0]?[A-Z0-9]){11,30}\b/g;
const UUID = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi;

export function notCardNumbers(text: string): Exclusions {
  const ranges: [number, number][] = [];
  for (const m of text.matchAll(IBAN_CANDIDATE)) {
    const length = ibanLength(m[0]);
    if (length) ranges.push([m.index, m.index + length]);
  }
  for (const m of text.matchAll(UUID)) ranges.push([m.index, m.index + m[0].length]);
  return ranges.sort((a, b) => a[0] - b[0]);
}

/**
 * The length of the IBAN at the start of `candidate` (which may run on into the next word's letters):
 * the longest prefix, ending after a whole group, whose mod-97 check is 1; 0 if none.
 */
function ibanLength(candidate: string): number {
  for (let end = candidate.length; end >= 15; end--) {
    if (end < candidate.length && candidate[end] !== ' ' && candidate[end] !== '\u00a0') continue;
    const compact = candidate.slice(0, end).replace(/[ \u00a0]/g, '');
    if (compact.length >= 15 && compact.length <= 34 && mod97(compact) === 1) return end;
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
