/**
 * Whether digits written after a `+` can be an international phone number (ITU-T E.164): starting with
 * an assigned country calling code, and no longer than that country's numbers are. Only those keep the
 * phone-number exemption from card masking: `+4222 2222 2222 2` (no country +42 or +422) and
 * `+1 4000 0000 0000 6` (North American numbers have 11 digits) are card numbers with a plus.
 */

const ONE_DIGIT = '17';
const TWO_DIGITS =
  '20 27 30 31 32 33 34 36 39 40 41 43 44 45 46 47 48 49 51 52 53 54 55 56 57 58 60 61 62 63 64 65 66 81 82 84 86 90 91 92 93 94 95 98';
/** Ranges of assigned three-digit codes, `from-to` or single. */
const THREE_DIGITS =
  '211-213 216 218 220-258 260-269 290 291 297-299 350-359 370-378 380-383 385-387 389 420 421 423 500-509 590-599 670 672-683 685-692 800 808 850 852 853 855 856 870 878 880-883 886 888 960-968 970-977 979 992-996 998';

/** Longest numbers, country code included, where they exceed {@link DEFAULT_MAX} (ITU national plans). */
const MAX_LENGTH: Record<string, number> = {
  1: 11,
  7: 11,
  39: 13,
  43: 13,
  49: 15,
  55: 13,
  62: 14,
  81: 13,
  86: 13,
  234: 14,
  880: 13,
};
/** Nearly every country's numbers have at most 12 digits with the country code. */
const DEFAULT_MAX = 12;

const codes = new Set<string>([...ONE_DIGIT.split(''), ...TWO_DIGITS.split(' ')]);
for (const range of THREE_DIGITS.split(' ')) {
  const [from, to = from] = range.split('-').map(Number) as [number, number?];
  for (let code = from; code <= to; code++) codes.add(String(code));
}

export function canBeE164(digits: string): boolean {
  if (digits.length < 7) return false;
  const code = [1, 2, 3].map((length) => digits.slice(0, length)).find((prefix) => codes.has(prefix));
  return code !== undefined && digits.length <= (MAX_LENGTH[code] ?? DEFAULT_MAX);
}
