/**
 * Finds payment card numbers however they are written, in one pass over the text and a bounded amount
 * of work per digit (linear time: a 150,000-character paste is masked in milliseconds).
 *
 * Digits are read as chains: digits of any script, with invisible characters between them skipped, and
 * groups joined by a short run of separators (spaces of any width, dashes, dots, slashes, commas,
 * underscores) or by a line break with its indentation. In each chain of 13 or more digits the windows
 * of 13–19 digits that pass the Luhn check and fit a card network are masked, tried from the most
 * card-like down: whole groups in a card's usual grouping; one whole group; the whole chain; any whole groups; then
 * windows cutting into a long glued group (`41111111111111111227`, a card with its expiry glued on).
 */
import { LuhnWindows, cardLengths } from './card-networks.js';
import { canBeE164 } from './e164.js';
import { IGNORABLE, LINE_BREAK, OTHER, PUNCTUATION, SPACE, classify } from './characters.js';

/** A digit as found in the text. */
export interface FoundDigit {
  /** UTF-16 offset and width (2 for a digit outside the BMP). */
  at: number;
  width: number;
  value: number;
  group: number;
  /** The gap before it held whitespace (it starts a new word). */
  afterSpace: boolean;
}

/** A card number: its digits' positions, the last four of which stay readable. */
export interface CardMatch {
  start: number;
  end: number;
  digits: FoundDigit[];
}

const MIN_DIGITS = 13;
const MAX_DIGITS = 19;
/** Separators between two groups on one line (`4111 - 1111`, `4111 // 1111`). */
const MAX_GAP = 8;
/** A gap with a line break may carry indentation or a list marker's spacing. */
const MAX_LINE_GAP = 24;
/** A window may cut into a group only this long: digits glued to a card, not a short group of a list. */
const GLUED_GROUP = 8;
/**
 * A window cutting into a glued group is taken only this long (the 15- and 16-digit cards nearly all
 * cards are): a shorter window inside a long account number passes by chance too often.
 */
const MIN_GLUED_CARD = 15;

/**
 * Window lengths in the order they are tried: the lengths nearly all cards have first, so that a 16-digit
 * card followed by its 3-digit security code is the card and a code, not a 19-digit "card" ending in it.
 */
const PREFERRED_LENGTHS = [16, 15, 19, 14, 13, 17, 18];

/** Ranges of the text known not to be card numbers (IBANs, UUIDs): their digits break chains. */
export type Exclusions = readonly (readonly [start: number, end: number])[];

export function findCardNumbers(text: string, excluded: Exclusions = []): CardMatch[] {
  const found: CardMatch[] = [];
  let chain: FoundDigit[] = [];
  let group = 0;
  let gap = 0;
  let breaks = 0;
  let spaced = false;
  let listed = false;
  let plus = false;
  let previous = OTHER;
  let exclusion = 0;
  const flush = () => {
    if (chain.length >= MIN_DIGITS && !(plus && canBeE164(chain.map((d) => d.value).join('')))) {
      found.push(...cardsInChain(chain, isReference(text, chain[0]!.at)));
    }
    chain = [];
  };
  for (let i = 0; i < text.length;) {
    const codePoint = text.codePointAt(i)!;
    const width = codePoint > 0xffff ? 2 : 1;
    while (exclusion < excluded.length && excluded[exclusion]![1] <= i) exclusion++;
    const kind = exclusion < excluded.length && excluded[exclusion]![0] <= i ? OTHER : classify(codePoint);
    if (kind >= 0) {
      // `54.99, 60.00` or `663 696 618, 678 737 152`: a comma (or `;`, `/`) with a space separates
      // the items of a list, not the groups of one number.
      const joined =
        chain.length > 0 &&
        !(listed && spaced) &&
        (gap <= MAX_GAP || (breaks > 0 && breaks <= 2 && gap <= MAX_LINE_GAP));
      if (!joined) {
        flush();
        plus = previous === PLUS;
      } else if (gap > 0) group++;
      chain.push({ at: i, width, value: kind, group, afterSpace: spaced && chain.length > 0 });
      gap = 0;
      breaks = 0;
      spaced = false;
      listed = false;
    } else if (kind === IGNORABLE) {
      // Invisible: neither joins nor breaks.
    } else if (kind === OTHER) {
      flush();
    } else {
      gap++;
      if (kind !== PUNCTUATION) spaced = true;
      if (kind === PUNCTUATION && LIST_SEPARATORS.has(codePoint)) listed = true;
      if (kind === LINE_BREAK) {
        breaks++;
        // A list marker opening the next line (`• `, `- `, `2. `) is part of the line break.
        LIST_MARKER.lastIndex = i + width;
        const marker = LIST_MARKER.exec(text);
        if (marker && chain.length) {
          gap += marker[0].length;
          i += width + marker[0].length;
          previous = SPACE;
          continue;
        }
      }
    }
    if (kind !== IGNORABLE) previous = codePoint === 43 ? PLUS : kind;
    i += width;
  }
  flush();
  return found;
}

/** `previous` after a '+'. */
const PLUS = -100;

/** `,` `;` `/` and their fullwidth and Arabic forms. */
const LIST_SEPARATORS = new Set([0x2c, 0x3b, 0x2f, 0xff0c, 0xff1b, 0xff0f, 0x60c, 0x61b]);
/** Indentation, then a bullet or an item number, then a space, at the start of a line. */
const LIST_MARKER = /[ \t]*(?:[•*>·▪◦‣⁃–-]|\d{1,2}[.)])[ \t]+/y;

/**
 * Inside a reference, any run of whole groups is not tried (in any grouping), nor cuts into a glued
 * group that could be a reference of its own length (up to 19 digits): only longer ones hold a card
 * with digits glued on.
 */
const triedInReference = (tier: number, groupSize: number): boolean =>
  tier < 3 || (tier === 4 && groupSize > MAX_DIGITS);

/** Whether a window of digits [start, end), aligned or not with its groups' edges, is tried in a tier. */
type Tier = (start: number, end: number, alignedStart: boolean, alignedEnd: boolean) => boolean;

/** "Order no. 112-4567890-1234567", "factura nº …": a reference, whose digits are masked only if they read as a card. */
const REFERENCE =
  /(?<![\p{L}\p{N}])(?:order|invoice|ticket|reference|ref|tracking|booking|confirmation|case|incident|parcel|pedido|factura|referencia|seguimiento|reserva|incidencia|caso|albar[aá]n|env[ií]o)(?:\s{0,3}(?:number|no\.?|num\.?|n[º°o]\.?|n[uú]mero|#|:|-))*\s{0,3}$/iu;

function isReference(text: string, chainStart: number): boolean {
  return REFERENCE.test(text.slice(Math.max(0, chainStart - 32), chainStart));
}

/**
 * The card numbers of one chain. In a chain introduced as a reference, windows inside the reference
 * itself (its first word, `112-4567890-1234567`) are not tried as "any whole groups": those windows of
 * a reference pass the Luhn check one time in ten by chance alone. Windows reaching past it are tried
 * like any other.
 */
function cardsInChain(chain: FoundDigit[], reference: boolean): CardMatch[] {
  const n = chain.length;
  const candidates = cardCandidates(chain.map((d) => d.value));
  const groupStart = (k: number) => k === 0 || chain[k]!.group !== chain[k - 1]!.group;
  const groupSize = groupSizes(chain);
  const usualGrouping = (start: number, end: number) => {
    for (let k = start; k < end; k += groupSize[k]!) if (groupSize[k]! < 3 || groupSize[k]! > 6) return false;
    return true;
  };
  const tiers: Tier[] = [
    (start, end, a, b) => a && b && usualGrouping(start, end),
    (start, end, a, b) => a && b && groupSize[start] === end - start,
    (start, end) => start === 0 && end === n,
    (_start, _end, a, b) => a && b,
    (start, end, a, b) =>
      end - start >= MIN_GLUED_CARD &&
      (a || groupSize[start]! >= GLUED_GROUP) &&
      (b || groupSize[end - 1]! >= GLUED_GROUP),
  ];
  const taken = new Uint8Array(n);
  const matches: CardMatch[] = [];
  const wordEnd = chain.findIndex((d) => d.afterSpace);
  // A reference too short to hold a card number is no reason to look less closely at what follows.
  const outsideReference =
    reference && (wordEnd === -1 ? n : wordEnd) >= MIN_DIGITS ? (wordEnd === -1 ? n : wordEnd) : 0;
  const free = (start: number, end: number) => !taken.subarray(start, end).includes(1);
  for (const [index, tier] of tiers.entries()) {
    for (let start = 0; start + MIN_DIGITS <= n; start++) {
      const lengths = candidates[start]!;
      if (!lengths || taken[start]) continue;
      for (const length of PREFERRED_LENGTHS) {
        const end = start + length;
        if (end > n || !(lengths & (1 << length))) continue;
        if (end <= outsideReference && !triedInReference(index, groupSize[start]!)) continue;
        if (!tier(start, end, groupStart(start), end === n || groupStart(end)) || !free(start, end)) continue;
        matches.push(matchOf(chain.slice(start, end)));
        taken.fill(1, start, end);
        start = end - 1;
        break;
      }
    }
  }
  return matches.sort((a, b) => a.start - b.start);
}

/**
 * For each digit, the lengths (a bit mask) of the windows starting there that fit a card network and
 * pass the Luhn check: nine windows in ten fail it, so the tiers look at few.
 */
function cardCandidates(values: number[]): Int32Array {
  const n = values.length;
  const luhn = new LuhnWindows(values);
  const candidates = new Int32Array(n);
  for (let k = 0; k + MIN_DIGITS <= n; k++) {
    const lengths = cardLengths(values[k]! * 1000 + values[k + 1]! * 100 + values[k + 2]! * 10 + values[k + 3]!);
    let valid = 0;
    for (let length = MIN_DIGITS; length <= MAX_DIGITS && k + length <= n; length++) {
      if (lengths & (1 << length) && luhn.valid(k, k + length)) valid |= 1 << length;
    }
    candidates[k] = valid;
  }
  return candidates;
}

/** For each digit, the size of its group. */
function groupSizes(chain: FoundDigit[]): number[] {
  const sizes = new Array<number>(chain.length);
  for (let k = 0; k < chain.length;) {
    let end = k;
    while (end < chain.length && chain[end]!.group === chain[k]!.group) end++;
    sizes.fill(end - k, k, end);
    k = end;
  }
  return sizes;
}

function matchOf(digits: FoundDigit[]): CardMatch {
  const last = digits.at(-1)!;
  return { start: digits[0]!.at, end: last.at + last.width, digits };
}
