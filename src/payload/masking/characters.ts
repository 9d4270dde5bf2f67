/**
 * How the masking reads characters: any Unicode decimal digit is a digit (a fullwidth `４` or an
 * Arabic-Indic `٤` is read out as 4 all the same), invisible format characters are skipped, and the
 * characters people put between groups of digits are separators.
 */

const DECIMAL_DIGIT = /\p{Nd}/u;
/** Zero-width spaces and joiners, soft hyphens, bidi marks, BOM, variation selectors, combining marks. */
const IGNORABLE = /[\p{Cf}\p{M}]/u;
/** Whitespace of every width, dashes and hyphens of every kind, and the punctuation used in groups. */
const SEPARATOR = /[\s\p{Pd}\u2212.,/\\_·'’]/u;

const values = new Map<number, number>();

/**
 * The value (0–9) of a code point that is a digit, or -1. Unicode encodes every decimal digit in a
 * run of ten from zero to nine (a stability guarantee), so a digit's value is its place in its run.
 */
export function digitValue(codePoint: number): number {
  if (codePoint >= 48 && codePoint <= 57) return codePoint - 48;
  if (codePoint < 128) return -1;
  let value = values.get(codePoint);
  if (value === undefined) {
    value = -1;
    const char = String.fromCodePoint(codePoint);
    if (DECIMAL_DIGIT.test(char)) {
      let before = 0;
      while (DECIMAL_DIGIT.test(String.fromCodePoint(codePoint - before - 1))) before++;
      value = before % 10;
    } else {
      // Superscript, circled and other compatibility digits read as one ASCII digit under NFKC.
      const folded = char.normalize('NFKC');
      if (folded.length === 1 && folded >= '0' && folded <= '9') value = folded.charCodeAt(0) - 48;
    }
    values.set(codePoint, value);
  }
  return value;
}

export const isIgnorable = (char: string): boolean => char > '\u007f' && IGNORABLE.test(char);

export const isSeparator = (char: string): boolean => SEPARATOR.test(char);

export const isLineBreak = (char: string): boolean => char === '\n' || char === '\r' || char === '\u2028';
