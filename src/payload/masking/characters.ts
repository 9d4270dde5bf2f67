/**
 * How the masking reads characters: any Unicode decimal digit is a digit (a fullwidth `４` or an
 * Arabic-Indic `٤` is read out as 4 all the same), invisible format characters are skipped, and the
 * characters people put between groups of digits are separators. One lookup per character: ASCII from
 * a table, the rest cached.
 */

/** A digit's value (0–9), or one of these. */
export const OTHER = -1;
export const IGNORABLE = -2;
/** A separator that is whitespace (it starts a new word). */
export const SPACE = -3;
export const LINE_BREAK = -4;
/** A separator that is punctuation: dashes, dots, slashes, commas, underscores. */
export const PUNCTUATION = -5;

const DECIMAL_DIGIT = /\p{Nd}/u;
/** Zero-width spaces and joiners, soft hyphens, bidi marks, BOM, variation selectors, combining marks. */
const INVISIBLE = /[\p{Cf}\p{M}\p{Default_Ignorable_Code_Point}\u2800]/u;
const WHITESPACE = /\s/u;
/** Dashes and hyphens of every kind, the minus sign, and the punctuation used in groups. */
const GROUP_PUNCTUATION = /[\p{Pd}\u2212.,/\\_·'’|()[\]．，／＿｜（）٫٬،؛;]/u;

const ascii = new Int8Array(128).fill(OTHER);
for (let c = 48; c <= 57; c++) ascii[c] = c - 48;
for (const c of ' \t\f\v') ascii[c.charCodeAt(0)] = SPACE;
for (const c of '\n\r') ascii[c.charCodeAt(0)] = LINE_BREAK;
for (const c of "-.,/\\_'|()[];") ascii[c.charCodeAt(0)] = PUNCTUATION;

const cache = new Map<number, number>();

/** What a code point is to the masking: a digit's value, or OTHER, IGNORABLE, SPACE, LINE_BREAK, PUNCTUATION. */
export function classify(codePoint: number): number {
  if (codePoint < 128) return ascii[codePoint]!;
  let kind = cache.get(codePoint);
  if (kind === undefined) {
    kind = classifyUnicode(codePoint);
    cache.set(codePoint, kind);
  }
  return kind;
}

function classifyUnicode(codePoint: number): number {
  const char = String.fromCodePoint(codePoint);
  if (DECIMAL_DIGIT.test(char)) {
    // Unicode encodes every decimal digit in a run of ten from zero to nine (a stability guarantee),
    // so a digit's value is its place in its run.
    let before = 0;
    while (DECIMAL_DIGIT.test(String.fromCodePoint(codePoint - before - 1))) before++;
    return before % 10;
  }
  // Superscript, circled and other compatibility digits read as one ASCII digit under NFKC.
  const folded = char.normalize('NFKC');
  if (folded.length === 1 && folded >= '0' && folded <= '9') return folded.charCodeAt(0) - 48;
  if (INVISIBLE.test(char)) return IGNORABLE;
  if (codePoint === 0x2028 || codePoint === 0x2029 || codePoint === 0x85) return LINE_BREAK;
  if (WHITESPACE.test(char)) return SPACE;
  if (GROUP_PUNCTUATION.test(char)) return PUNCTUATION;
  return OTHER;
}
