/**
 * What a text says in numbers and days: amounts with their currency, days (named, dated or relative),
 * times of day, phone digits, and its content words. English and Spanish; no network, no DOM.
 */
import { addDays, type LocalDay } from '../payload/zone-time.js';
import { CURRENCY_WORDS, MONTHS, RELATIVE_PATTERNS, STOPWORDS, WEEKDAYS, fold } from './lexicon.js';

export { localTime, type LocalDay, type LocalTime } from '../payload/zone-time.js';

export interface Amount {
  /** In hundredths, so that 325 and 325.00 are one amount. */
  cents: number;
  currency?: string;
}

const GROUPED = String.raw`\d{1,3}(?:[ ,.\u00a0\u202f']\d{3})+(?:[.,]\d{1,2})?`;
const PLAIN = String.raw`\d+(?:[.,]\d{1,2})?`;
const SYMBOL = String.raw`(?:us\$|c\$|a\$|mx\$|r\$|[£€$¥₹])`;
const CODE = Object.keys(CURRENCY_WORDS)
  .filter((w) => /^[a-z]+$/.test(w))
  .join('|');
const AMOUNT = new RegExp(
  String.raw`(?:(${SYMBOL})\s?|\b(${CODE})\s)?(?<![\d.,:/-])(?!0\d)(${GROUPED}|${PLAIN})(?![\d:/]|-\d|[.,]\d)(?!\s?(?:[ap]\.?\s?m\b|h\b|hrs?\b|st\b|nd\b|rd\b|th\b|[kmb]n?\b|%))(?:\s?(${SYMBOL})|\s?(${CODE})\b)?`,
  'gu',
);

/** "1,200.50", "1.200,50", "1 200", "325" → hundredths; the last separator before 1–2 digits is the decimal one. */
export function parseNumber(text: string): number {
  const decimal = /[.,](\d{1,2})$/.exec(text);
  const whole = (decimal ? text.slice(0, decimal.index) : text).replace(/\D/g, '');
  const cents = decimal ? Number(decimal[1]!.padEnd(2, '0')) : 0;
  return Number(whole) * 100 + cents;
}

/** Phone-like runs (seven digits or more, spaced or not): none of their pieces is an amount. */
const PHONE_RUN = /\+?\d[\d\s().-]{5,}\d/g;
const withoutPhoneRuns = (text: string) =>
  text.replace(PHONE_RUN, (run) => (run.replace(/\D/g, '').length >= 7 ? ' ' : run));

/**
 * Every number in the text that could be money, with the currency written next to it if any: not a
 * time (17:00, 5pm), a date (26/11), an ordinal (26th), a percentage, "2k", or a piece of a phone number.
 */
export function amountsIn(text: string): Amount[] {
  const folded = withoutPhoneRuns(fold(text));
  return [...folded.matchAll(AMOUNT)].flatMap((m) => {
    const word = m[1] ?? m[2] ?? m[4] ?? m[5];
    const currency = word ? CURRENCY_WORDS[word] : undefined;
    return [{ cents: parseNumber(m[3]!), ...(currency ? { currency } : {}) }];
  });
}

/** Amounts the handoff states: numbers with a currency beside them. */
export const statedAmounts = (text: string): Amount[] => amountsIn(text).filter((a) => a.currency);

/**
 * The days a text names, as keys a day can be looked up by: `w5` (a Friday), `m11d26` (26 November),
 * `d26` (the 26th), and the relative days ("tomorrow", "mañana") as the dates they are from `base`.
 */
export function daysIn(text: string, base: LocalDay): Set<string> {
  let folded = fold(text);
  const keys = new Set<string>();
  const addDate = (day: LocalDay) => keys.add(`m${day.month}d${day.day}`).add(`w${day.weekday}`);
  for (const [pattern, offset] of RELATIVE_PATTERNS) {
    folded = folded.replace(pattern, () => {
      if (offset !== null) addDate(addDays(base, offset));
      return ' ';
    });
  }
  for (const word of folded.match(/\p{L}+/gu) ?? []) if (word in WEEKDAYS) keys.add(`w${WEEKDAYS[word]}`);
  const month = (word: string) => MONTHS[word.replace(/\.$/, '')];
  for (const m of folded.matchAll(/\b(\d{1,2})(?:st|nd|rd|th|º)?\s+(?:of\s+|de\s+)?(\p{L}+)/gu))
    if (month(m[2]!)) keys.add(`m${month(m[2]!)}d${Number(m[1])}`);
  for (const m of folded.matchAll(/\b(\p{L}+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?\b/gu))
    if (month(m[1]!)) keys.add(`m${month(m[1]!)}d${Number(m[2])}`);
  for (const m of folded.matchAll(/\b(\d{1,2})[/-](\d{1,2})(?:[/-]\d{2,4})?\b/g)) {
    // Day-first or month-first: both readings, as the receiver's habit is not known.
    keys.add(`m${Number(m[2])}d${Number(m[1])}`).add(`m${Number(m[1])}d${Number(m[2])}`);
  }
  for (const m of folded.matchAll(/\b(?:the|el|el dia)\s+(\d{1,2})(?:st|nd|rd|th|º)?\b/g)) keys.add(`d${Number(m[1])}`);
  return keys;
}

/** Whether a day is among the keys {@link daysIn} found. */
export const namesDay = (keys: Set<string>, day: LocalDay): boolean =>
  keys.has(`m${day.month}d${day.day}`) || keys.has(`d${day.day}`) || keys.has(`w${day.weekday}`);

/** A time of day a text names; `twelveHour` when it could be either half of the day ("a las 5"). */
export interface SaidTime {
  minutes: number;
  twelveHour: boolean;
}

/** "at 5", "by 5:30": an hour, unless a month follows ("by 5 December" is a date). */
const ENGLISH_AT = new RegExp(
  String.raw`\b(?:at|by|before|until) (1[0-2]|0?[1-9])(?::([0-5]\d))?\b(?![\d:./]|\s*[ap]\.?\s?m\b|\s*(?:st|nd|rd|th)\b|\s+(?:${Object.keys(MONTHS).join('|')})\b)`,
  'g',
);

export function timesIn(text: string): SaidTime[] {
  const folded = fold(text);
  const times: SaidTime[] = [];
  const at = (hour: number, minute = 0, twelveHour = false) => times.push({ minutes: hour * 60 + minute, twelveHour });
  for (const m of folded.matchAll(/\b(1[0-2]|0?[1-9])(?:[:.]([0-5]\d))?\s*(a\.?\s?m\b\.?|p\.?\s?m\b\.?)/g))
    at((Number(m[1]) % 12) + (m[3]!.startsWith('p') ? 12 : 0), Number(m[2] ?? 0));
  // 24-hour "17:00", "17h00", "17.30" (not an amount: no currency beside it), never one with am/pm.
  for (const m of folded.matchAll(/\b([01]?\d|2[0-3])(?::|h|\.(?=\d\d\b(?!\s?[£€$])))([0-5]\d)\b(?!\s*[ap]\.?\s?m\b)/g))
    at(Number(m[1]), Number(m[2]));
  for (const m of folded.matchAll(/\b([01]?\d|2[0-3])h\b|\b([01]\d|2[0-3]) h\b/g)) at(Number(m[1] ?? m[2]));
  // "at 5", "by 5:30", "a las 5 de la tarde", "a la 1": either half of the day unless it says which.
  for (const m of folded.matchAll(
    /\b(?:at|by|before|until|a|hasta|antes de) las? (\d{1,2})(?::([0-5]\d))?(?:\s+de la (manana|tarde|noche))?(?![\d:.]|\s*[ap]\.?\s?m\b)/g,
  )) {
    const hour = Number(m[1]);
    if (hour > 23) continue;
    const part = m[3];
    const hour24 =
      part === 'noche' && hour === 12 ? 0 : (part === 'tarde' || part === 'noche') && hour < 12 ? hour + 12 : hour;
    at(hour24, Number(m[2] ?? 0), !part && hour <= 12);
  }
  for (const m of folded.matchAll(ENGLISH_AT)) at(Number(m[1]), Number(m[2] ?? 0), true);
  if (/\bnoon\b|\bmidday\b|\bmediodia\b/.test(folded)) at(12);
  if (/\bmidnight\b|\bmedianoche\b/.test(folded)) at(0);
  return times;
}

/** Whether a time said matches a time of day, either half of the day for an ambiguous one. */
export const namesTime = (said: readonly SaidTime[], minutes: number): boolean =>
  said.some((t) => t.minutes === minutes || (t.twelveHour && t.minutes % 720 === minutes % 720));

/** Runs of digits as a phone number is written ("020 7946 0100", "0100"), joined. */
export const digitRuns = (text: string): string[] =>
  (text.match(/\+?\d[\d\s().-]*\d/g) ?? []).map((run) => run.replace(/\D/g, ''));

/** Canonical tokens for days, so that "Friday" and "viernes", "tomorrow" and "mañana" meet. */
function dayToken(word: string): string | undefined {
  if (word in WEEKDAYS) return `@w${WEEKDAYS[word]}`;
  if (word === 'tomorrow' || word === 'manana') return '@tomorrow';
  if (word === 'today' || word === 'hoy') return '@today';
  return undefined;
}

/** The words that carry meaning, stemmed (no plural s, the first four letters), so "refund" meets "refunded". */
export function contentStems(text: string): Set<string> {
  const stems = new Set<string>();
  for (const word of fold(text).match(/[\p{L}\p{N}]+/gu) ?? []) {
    const token = dayToken(word);
    if (token) stems.add(token);
    else if (!STOPWORDS.has(word) && word.length > 2) stems.add(word.replace(/(?<=\p{L}{3}[^s])s$/u, '').slice(0, 4));
  }
  return stems;
}
