/**
 * Secrets other than card numbers, recognised by the words that introduce them, in English and
 * Spanish: a card's security code and expiry (also right after a card number), one-time passcodes,
 * PINs, passwords and security answers. Only the secret is masked; the words around it stay, so the
 * receiver still reads "CVV ••• given" or "password: •••••".
 */

export type SecretKind =
  'card-security-code' | 'card-expiry' | 'one-time-code' | 'pin' | 'password' | 'security-answer';

export interface SecretSpan {
  start: number;
  end: number;
  kind: SecretKind;
  /** `digits`: each digit becomes a mask character; `whole`: the span becomes a fixed-length mask. */
  mask: 'digits' | 'whole';
}

const START = String.raw`(?<![\p{L}\p{N}])`;
const END = String.raw`(?![\p{L}\p{N}])`;
const D = String.raw`\p{Nd}`;
/** Between the digits of a value: nothing, a space, or an invisible character pasted in. */
const GLUE = String.raw`[\s\p{Cf}]?`;
/** A month of 1–12, then its year: `12/27`, `03/2029`, `12 27`, not a day such as `30/06`. */
const MONTH_YEAR = String.raw`(?:0?[1-9]|1[0-2])\s?[/\-.\s]\s?(?:${D}{4}|${D}{2})(?![/\-.]?${D})`;
const MONTH_NAMES = String.raw`(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|ene|abr|ago|dic)[a-z]*\.?`;
/** What may stand between a keyword and its value: "CVV: 123", "el código es 4821", "PIN number is 0000". */
const LINK = String.raw`(?:[\s:=#\-–(\[]|(?:is|it's|was|es|era|number|n[uú]mero|no\.|the|el|la|de|en|code|c[oó]digo|given|dado|now|ahora|(?:sent|received|recibido|enviado)(?: by| via| por)?(?: sms| text| email| correo)?)${END}){0,8}`;
/** A value must be announced for free-form secrets: "password: x", "password is x", "contraseña es x". */
const ANNOUNCE = String.raw`\s{0,3}(?:(?:is|was|es|era|would be|ser[ií]a)(?:\s{0,3}(?:now|ahora))?${END}\s{0,3}[:=-]?|[:=]|\s-)\s{0,3}`;
/** Words that follow "password is" without being one: "password is expired", "la contraseña es incorrecta". */
const NOT_A_VALUE = String.raw`(?!(?:not|no|being|reset|expired|changed|locked|wrong|incorrect|invalid|required|needed|forgotten|blocked|too|the|a|an|strong|weak|long|short|set|updated|case-sensitive|see|on|in|at|unknown|desconocida|caducada|incorrecta|bloqueada|olvidada|restablecida|cambiada|err[oó]nea|v[aá]lida|segura|d[eé]bil)${END})`;
const TOKEN = String.raw`(?:"[^"\n\u2029]{1,64}"|'[^'\n\u2029]{1,64}'|“[^”\n\u2029]{1,64}”|«[^»\n\u2029]{1,64}»|[^\s"'“”«»]{0,63}[^\s"'“”«».,;:!?)\]])`;

interface Rule {
  kind: SecretKind;
  mask: SecretSpan['mask'];
  pattern: RegExp;
}

const rule = (kind: SecretKind, mask: SecretSpan['mask'], keywords: string, value: string, link = LINK): Rule => ({
  kind,
  mask,
  pattern: new RegExp(`${START}(?:${keywords})${END}${link}(${value})`, 'giud'),
});

const RULES: Rule[] = [
  rule(
    'card-security-code',
    'digits',
    String.raw`cvv2?|cvc2?|cvn|cid|csc|security code|card verification (?:value|code|number)|c[oó]digo de seguridad|c[oó]digo cvv|d[ií]gitos de seguridad`,
    `${D}(?:${GLUE}${D}){2,3}(?!${D})`,
  ),
  rule(
    'card-expiry',
    'digits',
    String.raw`exp(?:iry|iration|ires)?(?: date)?|exp\.|valid (?:thru|through|until)|good thru|caduca(?:d|cidad)?|vence|vencimiento|fecha de (?:caducidad|vencimiento)`,
    `${MONTH_YEAR}|(?:0[1-9]|1[0-2])${D}{2}(?!${D})|${MONTH_NAMES}\\s?(?:${D}{4}|${D}{2})(?!${D})`,
  ),
  rule('pin', 'digits', String.raw`pin(?: number| code)?|nip|n[uú]mero pin`, `${D}(?:[\\s\\p{Cf}-]?${D}){3,7}(?!${D})`),
  rule(
    'one-time-code',
    'digits',
    String.raw`(?<!(?:zip|post|postal|area|country|dialling|dialing|error|status|promo|discount|product|tracking|tax|sort|swift|bank|branch|iso|voucher|gift|coupon|reason|item|booking|hs|sku|referral|confirmation|article|art[ií]culo|cup[oó]n|descuento|producto|reserva)[\s-]?)(?:one[-\s]time (?:pass)?code|one[-\s]time password|otp|passcode|verification code|auth(?:entication|orization)? code|sms code|code|c[oó]digo(?!\s+postal)(?: de verificaci[oó]n| de un solo uso| sms| otp)?|clave (?:sms|temporal|de un solo uso))`,
    `${D}(?:[\\s\\p{Cf}-]?${D}){3,7}(?!${D})`,
  ),
  rule(
    'password',
    'whole',
    String.raw`password|passphrase|passwd|pwd|contrase[ñn]a|clave de acceso`,
    `${NOT_A_VALUE}${TOKEN}`,
    ANNOUNCE,
  ),
  rule(
    'security-answer',
    'whole',
    String.raw`security answer|answer to (?:the|her|his|their|my) security question|(?:mother|mum|mom)['’]?s maiden name|maiden name|first pet(?:['’]s name)?|pet['’]?s name|memorable (?:word|answer)|respuesta de seguridad|respuesta a la pregunta de seguridad|apellido de soltera(?: de (?:su|mi) madre)?|nombre de (?:su|mi) (?:primera )?mascota|palabra (?:secreta|memorable)`,
    `${NOT_A_VALUE}${TOKEN}`,
    ANNOUNCE,
  ),
];

/** Right after a card number: an expiry (`12/27`) and/or a security code (`123`), in either order. */
const AFTER_CARD = new RegExp(
  String.raw`^[\s,;/|()\-]{1,3}(?:(${MONTH_YEAR})|(${D}{3,4}))(?!${D})(?:[\s,;/|()\-]{1,3}(?:(${MONTH_YEAR})|(${D}{3,4}))(?!${D}))?`,
  'ud',
);

export function findSecrets(text: string, cardEnds: readonly number[] = []): SecretSpan[] {
  const spans: SecretSpan[] = [];
  for (const { kind, mask, pattern } of RULES) {
    for (const m of text.matchAll(pattern)) {
      const [start, end] = m.indices![1]!;
      spans.push({ start, end, kind, mask });
    }
  }
  for (const cardEnd of cardEnds) {
    const m = AFTER_CARD.exec(text.slice(cardEnd, cardEnd + 24));
    if (!m) continue;
    for (const [group, kind] of [
      [1, 'card-expiry'],
      [2, 'card-security-code'],
      [3, 'card-expiry'],
      [4, 'card-security-code'],
    ] as const) {
      const at = m.indices![group];
      if (at) spans.push({ start: cardEnd + at[0], end: cardEnd + at[1], kind, mask: 'digits' });
    }
  }
  return withoutOverlaps(spans);
}

/** The earliest of overlapping spans wins (a keyword rule and the after-card rule can find the same code). */
function withoutOverlaps(spans: SecretSpan[]): SecretSpan[] {
  const sorted = spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: SecretSpan[] = [];
  for (const span of sorted) if (!kept.length || span.start >= kept.at(-1)!.end) kept.push(span);
  return kept;
}
