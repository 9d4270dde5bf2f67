/**
 * The English and Spanish words the read-back check reads: days, months, relative days, currencies,
 * and the ideas of verification and of a fallback. Every word is written folded (lower case, no
 * accents), as `fold` leaves the text it is matched against.
 */

/** Lower case without accents, one kind of apostrophe: "Miércoles" → "miercoles", "isn’t" → "isn't". */
export const fold = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[\u2018\u2019\u02bc\u0060\u00b4]/g, "'")
    .toLowerCase();

/** Day names and the abbreviations that are not also common words ("sat", "sun", "mar" are left out). */
export const WEEKDAYS: Readonly<Record<string, number>> = {
  sunday: 0,
  monday: 1,
  mon: 1,
  tuesday: 2,
  tue: 2,
  tues: 2,
  wednesday: 3,
  weds: 3,
  thursday: 4,
  thu: 4,
  thur: 4,
  thurs: 4,
  friday: 5,
  fri: 5,
  saturday: 6,
  domingo: 0,
  lunes: 1,
  martes: 2,
  miercoles: 3,
  jueves: 4,
  viernes: 5,
  sabado: 6,
};

/** Month names; read only next to a day number, so "may" the verb is never May. */
export const MONTHS: Readonly<Record<string, number>> = {
  january: 1,
  jan: 1,
  february: 2,
  feb: 2,
  march: 3,
  mar: 3,
  april: 4,
  apr: 4,
  may: 5,
  june: 6,
  jun: 6,
  july: 7,
  jul: 7,
  august: 8,
  aug: 8,
  september: 9,
  sep: 9,
  sept: 9,
  october: 10,
  oct: 10,
  november: 11,
  nov: 11,
  december: 12,
  dec: 12,
  enero: 1,
  ene: 1,
  febrero: 2,
  marzo: 3,
  abril: 4,
  abr: 4,
  mayo: 5,
  junio: 6,
  julio: 7,
  agosto: 8,
  ago: 8,
  septiembre: 9,
  setiembre: 9,
  octubre: 10,
  noviembre: 11,
  diciembre: 12,
  dic: 12,
};

/**
 * Days counted from the day the read-back is written; `null` reads a phrase as no day at all. "mañana"
 * is tomorrow, except "esta mañana" (this morning) and "por la / de la mañana" (in the morning), read first.
 */
export const RELATIVE_PATTERNS: readonly [RegExp, number | null][] = [
  [/\bday after tomorrow\b|\bpasado manana\b/g, 2],
  [/\besta\s+manana\b/g, 0],
  [/\b(?:la|de la|por la)\s+manana\b/g, null],
  [/\btomorrow\b|\btmrw?\b|\bmanana\b/g, 1],
  [/\btoday\b|\btonight\b|\bthis (?:morning|afternoon|evening)\b|\bend of (?:the )?day\b|\beod\b/g, 0],
  [/\bhoy\b|\besta (?:tarde|noche)\b|\bfinal del dia\b/g, 0],
];

/** Currencies by what names them; `$` alone could be dollars or pesos, and matches either. */
export const CURRENCY_WORDS: Readonly<Record<string, string>> = {
  '£': 'GBP',
  gbp: 'GBP',
  pound: 'GBP',
  pounds: 'GBP',
  quid: 'GBP',
  libra: 'GBP',
  libras: 'GBP',
  '€': 'EUR',
  eur: 'EUR',
  euro: 'EUR',
  euros: 'EUR',
  $: '$',
  us$: 'USD',
  usd: 'USD',
  dollar: 'USD',
  dollars: 'USD',
  dolar: 'USD',
  dolares: 'USD',
  cad: 'CAD',
  c$: 'CAD',
  aud: 'AUD',
  a$: 'AUD',
  mxn: 'MXN',
  mx$: 'MXN',
  peso: 'MXN',
  pesos: 'MXN',
  ars: 'ARS',
  cop: 'COP',
  clp: 'CLP',
  '¥': 'JPY',
  jpy: 'JPY',
  yen: 'JPY',
  '₹': 'INR',
  inr: 'INR',
  r$: 'BRL',
  brl: 'BRL',
  chf: 'CHF',
};

/** Whether two currencies named in text can be the same: `$` is any dollar or peso. */
export function sameCurrency(a: string, b: string): boolean {
  const dollarLike = (c: string) => ['$', 'USD', 'CAD', 'AUD', 'MXN', 'ARS', 'COP', 'CLP'].includes(c);
  if (a === b) return true;
  return (a === '$' && dollarLike(b)) || (b === '$' && dollarLike(a));
}

/** The customer is not verified (yet): read before {@link VERIFIED}, which it would otherwise match. */
export const NOT_VERIFIED =
  /\b(?:not|isn'?t|hasn'?t|wasn'?t|never)\s+(?:yet\s+)?(?:been\s+|fully\s+)?(?:verified|id'?d|authenticated|identified)\b|\bunverified\b|\bneeds?\s+(?:to\s+be\s+)?(?:verif|id\b|identity)|\b(?:must|have to|has to|need to|will|i'?ll)\s+verify\b|\bverify\s+(?:him|her|them|the customer|identity|their|his)\b|\b(?:i'?ll|will|must|have to|need to)\s+re-?verify\b|\bno\s+(?:se\s+)?(?:esta\s+|ha\s+sido\s+|ha\s+)?verificad|\bsin\s+verificar|\b(?:hay|tengo)\s+que\s+(?:volver\s+a\s+)?verificar|\bverificare\b|\bfalta\s+verificar|\bverificar\s+(?:su\s+|la\s+)?identidad/;

/** The customer is verified already: not to be asked again. */
export const VERIFIED =
  /\b(?:already\s+)?verified\b|\bverification\s+(?:done|passed|complete)|\bpassed\s+(?:security|verification|id\b)|\bid\s+(?:checked|verified|confirmed)|\bidentity\s+(?:checked|confirmed|verified)|\bauthenticated\b|\bverificad[oa]s?\b|\bverificacion\s+(?:hecha|completa|superada)|\bidentidad\s+(?:verificada|comprobada|confirmada)/;

/** A callback, voicemail or queue is a fallback only said as one: "if …, call her back", not "call her back". */
export const CONDITIONAL =
  /\b(?:if|otherwise|or else|failing that|unless|in case|si|sino|de lo contrario|en caso de)\b/;

/** What the receiver does if they cannot finish, as a customer-service agent says it. */
export const FALLBACK_IDEAS: Readonly<Record<string, RegExp>> = {
  general:
    /\bfall ?back\b|\bback-?up\b|\bif (?:i|we) (?:can'?t|cannot|don'?t|do not)\b|\bif not\b|\bif (?:nobody|no one|she|he|they) (?:answers|picks up|can'?t)\b|\bsi no (?:puedo|podemos|contesta|lo consigo)\b|\balternativ|\brespaldo\b|\bplan b\b/,
  callback:
    /\bcall(?:ing)? (?:her|him|them|the customer|[a-z]+) back\b|\bcall ?back\b|\bring (?:her|him|them) back\b|\bdevolver(?:le)? la llamada\b|\bllamar(?:le|la|lo)? de vuelta\b|\bvolver a llamar|\brellamada\b|\bdevolucion de llamada\b/,
  voicemail: /\bvoice ?mail\b|\bleave (?:a )?message\b|\bbuzon\b|\bmensaje de voz\b|\bdejar(?:le)? un mensaje\b/,
  requeue: /\bre-?queue\b|\bback (?:in|to|into) the queue\b|(?<!-)\bcola\b/,
};

/** Words that carry no fact of their own, in either language (folded). */
export const STOPWORDS = new Set(
  (
    'a an and are as at be been before by for from get gets has have he her him his i if in into is it its ' +
    'me my of on or our she so that the their them they this to up us was we were will with within you your ' +
    'want wants wanted would like needs need expects expect customer ' +
    'al antes con de del el en es esta este la las lo los mas me mi no para por que quiere se su sus ' +
    'un una uno y ya cliente espera'
  ).split(' '),
);
