/**
 * Phone numbers normalised to E.164 (`+` then 7–15 digits, no leading zero in the country code).
 *
 * Deliberately not libphonenumber: its smallest metadata build alone is several times our whole bundle.
 * We check the structure E.164 guarantees and leave per-country numbering plans to the telephony system.
 */

export type PhoneProblem =
  'invalid-characters' | 'extension' | 'missing-country-code' | 'bad-country-code' | 'too-short' | 'too-long';

export type PhoneResult = { ok: true; e164: string } | { ok: false; problem: PhoneProblem };

export interface PhoneOptions {
  /**
   * Country calling code (digits only, e.g. `44`) used for numbers written in national form with a
   * leading trunk `0` (`020 7946 0958` → `+442079460958`). Without it such numbers are rejected.
   */
  defaultCallingCode?: string;
}

const SEPARATORS = /[\s().\-\u00a0\u2010-\u2015/]/g;
const EXTENSION = /(?:ext\.?|extension|x|#)\s*\d+\s*$/i;

export function normalizePhone(input: string, options: PhoneOptions = {}): PhoneResult {
  const raw = input.trim();
  if (EXTENSION.test(raw)) return { ok: false, problem: 'extension' };
  const compact = raw.replace(SEPARATORS, '');
  if (!/^(\+|00)?\d+$/.test(compact)) return { ok: false, problem: 'invalid-characters' };

  let digits: string;
  if (compact.startsWith('+')) digits = compact.slice(1);
  else if (compact.startsWith('00')) digits = compact.slice(2);
  else if (compact.startsWith('0') && options.defaultCallingCode && /^[1-9]\d{0,2}$/.test(options.defaultCallingCode)) {
    digits = options.defaultCallingCode + compact.slice(1);
  } else return { ok: false, problem: 'missing-country-code' };

  if (digits.startsWith('0')) return { ok: false, problem: 'bad-country-code' };
  if (digits.length < 7) return { ok: false, problem: 'too-short' };
  if (digits.length > 15) return { ok: false, problem: 'too-long' };
  return { ok: true, e164: `+${digits}` };
}
