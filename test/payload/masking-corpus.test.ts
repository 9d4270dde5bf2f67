// The masking corpus: every way a card number or a secret reaches an agent's keyboard (masked), and
// the numbers of a contact centre's day that are not card numbers (left exactly as typed).
import { expect } from '@open-wc/testing';
import { maskText, maskLines, containsCardNumber } from '../../src/payload/index.js';

const VISA = '4111111111111111';
const MC = '5555555555554444';
const AMEX = '378282246310005';

/** Writes a digit string in another script whose digits run from `zero`. */
const inScript = (digits: string, zero: number) =>
  [...digits].map((d) => String.fromCodePoint(zero + Number(d))).join('');
const grouped = (digits: string, separator: string, size = 4) =>
  digits.match(new RegExp(`.{1,${size}}`, 'g'))!.join(separator);
const between = (digits: string, insert: string) => [...digits].join(insert);

/** What survives of the digits, read in any script, with everything else dropped. */
function digitsOf(text: string): string {
  return [...text.normalize('NFKC')]
    .map((ch) => {
      for (const zero of [0x30, 0x660, 0x6f0, 0x966, 0x9e6, 0xe50, 0x1d7ce, 0x1d7d8]) {
        const cp = ch.codePointAt(0)!;
        if (cp >= zero && cp < zero + 10) return String(cp - zero);
      }
      return '';
    })
    .join('');
}

const CARDS: [string, string, string][] = [
  ['dots', grouped(VISA, '.'), VISA],
  ['slashes', grouped(VISA, '/'), VISA],
  ['commas', grouped(VISA, ','), VISA],
  ['underscores', grouped(VISA, '_'), VISA],
  ['en dashes', grouped(VISA, '–'), VISA],
  ['em dashes with spaces', grouped(MC, ' — '), MC],
  ['thin spaces', grouped(VISA, '\u2009'), VISA],
  ['narrow no-break spaces', grouped(VISA, '\u202f'), VISA],
  ['figure spaces', grouped(VISA, '\u2007'), VISA],
  ['ideographic spaces', grouped(VISA, '\u3000'), VISA],
  ['zero-width spaces between every digit', between(VISA, '\u200b'), VISA],
  ['soft hyphens between every digit', between(MC, '\u00ad'), MC],
  ['zero-width joiners and word joiners', between(VISA, '\u200d\u2060'), VISA],
  ['a BOM in the middle', `${VISA.slice(0, 8)}\ufeff${VISA.slice(8)}`, VISA],
  ['combining marks under each digit', between(VISA, '\u0332') + '\u0332', VISA],
  ['fullwidth digits', inScript(VISA, 0xff10), VISA],
  ['fullwidth digits in groups', grouped(inScript(MC, 0xff10), ' '), MC],
  ['Arabic-Indic digits', inScript(VISA, 0x660), VISA],
  ['Devanagari digits', grouped(inScript(MC, 0x966), ' '), MC],
  ['mathematical bold digits (outside the BMP)', inScript(VISA, 0x1d7ce), VISA],
  ['repeated separators', grouped(VISA, ' -- '), VISA],
  ['dots and spaces mixed', '4111. 1111 .1111 - 1111', VISA],
  ['a line break with indentation', '4111 1111\n        1111 1111', VISA],
  ['a CRLF line break', '4111 1111\r\n1111 1111', VISA],
  ['a line break inside a group', '41111111\n11111111', VISA],
  ['glued to words', `card${VISA}exp`, VISA],
  ['glued to an expiry', `${VISA}1227`, VISA],
  ['glued after other digits', `00${VISA}`, VISA],
  ['the last group glued to the expiry', '4111 1111 1111 11111227', VISA],
  ['a + in front (too long for a phone number)', `+${VISA}`, VISA],
  ['+ and groups', `+${grouped(VISA, ' ')}`, VISA],
  ['groups of 2', grouped(VISA, ' ', 2), VISA],
  ['uneven groups', '41 1111111 1111 111', VISA],
  ['groups of 3', grouped(VISA, ' ', 3), VISA],
  ['Amex in 4-6-5', '3782 822463 10005', AMEX],
  ['Amex unbroken', AMEX, AMEX],
  ['after a phone number on the same line', `+44 20 7946 0958 ${grouped(VISA, ' ')}`, VISA],
  ['after an order number', `order 4821 ${VISA}`, VISA],
  ['after a reference keyword, whole', `ticket: ${grouped(MC, '-')}`, MC],
  ['fullwidth dots', grouped(inScript(VISA, 0xff10), '．'), VISA],
  ['Arabic thousands separators', grouped(inScript(VISA, 0x660), '٬'), VISA],
  ['pipes', grouped(VISA, ' | '), VISA],
  ['brackets', '(4111) 1111 1111 1111', VISA],
  ['Hangul fillers between groups', grouped(VISA, '\u3164'), VISA],
  ['six spaces between groups', grouped(VISA, '      '), VISA],
  ['bullets opening each line', '• card 4111 1111\n• 1111 1111', VISA],
  ['numbered lines', '1. card 4111 1111\n2. 1111 1111 declined', VISA],
  ['glued digits after a reference word', 'order #411111111111111112345', VISA],
];

describe('masking corpus: card numbers, however written, are masked', () => {
  for (const [name, written, pan] of CARDS) {
    it(`masks a card number written with ${name}`, () => {
      const { text, found } = maskText(`Customer read out ${written} for the refund.`);
      expect(found.map((f) => f.kind)).to.include('card-number');
      expect(digitsOf(text)).not.to.contain(pan.slice(0, -4));
      expect(digitsOf(text)).to.contain(pan.slice(-4));
      expect(text).to.match(/^Customer read out .+ for the refund\.$/s);
      expect(maskText(text).text, 'masking masked text changes nothing').to.equal(text);
    });
  }

  it('masks a number split over two lines of "what has been tried"', () => {
    const { lines, found } = maskLines(['Customer gave 4111 1111', '1111 1111 and hung up']);
    expect(digitsOf(lines.join(''))).not.to.contain('411111111111');
    expect(lines).to.have.length(2);
    expect(found).to.deep.equal([{ kind: 'card-number', line: 0 }]);
  });

  it('a card followed by its 3-digit code is the card and a code, never a 19-digit "card" ending in the code', () => {
    for (const written of ['4111 1111 1111 1111 102', '6011 1111 1111 1117 109']) {
      const { text, found } = maskText(written);
      expect(text).to.match(/^•••• •••• •••• \d{4} •••$/);
      expect(found.map((f) => f.kind)).to.deep.equal(['card-number', 'card-security-code']);
    }
  });

  it('masks a card split over entries of "what has been tried" that themselves hold line breaks', () => {
    const { lines } = maskLines(['Called bank\nthen customer read 4111 1111', '1111 1111 declined']);
    expect(digitsOf(lines.join(''))).not.to.contain('411111111111');
  });

  it('masks two card numbers in one text, each to its own last four', () => {
    const { text, found } = maskText(`old ${VISA}, new ${grouped(MC, ' ')}`);
    expect(found).to.have.length(2);
    expect(text).to.equal('old ••••••••••••1111, new •••• •••• •••• 4444');
  });
});

const KEEP: [string, string][] = [
  ['a UK number with +', 'Call +44 20 7946 0958'],
  ['a US number with +, brackets and a dash', 'Call +1 (415) 555-0100 ext. 22'],
  ['a 13-digit mobile with + that an E.164 number can be', 'Call +86 138 0013 8000'],
  ['a German number', '+49 30 901820 or +49 (0)30 901 820'],
  ['a number dialled with 00', 'Call 0044 20 7946 0958'],
  ['a national number', 'Call 020 7946 0958 or 07700 900123'],
  ['two phone numbers in a row', '+44 20 7946 0958, +44 20 7946 0959'],
  ['a British IBAN', 'IBAN GB82 WEST 1234 5698 7654 32'],
  ['a German IBAN (all digits after the country)', 'IBAN DE89 3704 0044 0532 0130 00'],
  ['a Spanish IBAN', 'ES91 2100 0418 4502 0005 1332'],
  ['a French IBAN', 'FR14 2004 1010 0505 0001 3M02 606'],
  ['an IBAN without spaces', 'NL91ABNA0417164300'],
  ['an Amazon-style order number', 'Order 112-4567890-1234567'],
  ['another one', 'order no. 114-3941689-8772232'],
  ['an order number with a hash', 'order #100234 and #100235'],
  ['order and invoice references', 'ORD-2026-004821, INV-2026-00042, Invoice 2026/11/000123'],
  ['ticket numbers', 'Ticket #48213, INC0012345, CS0045678'],
  ['a UPS tracking number', 'Tracking 1Z999AA10123456784'],
  ['a date and time', 'On 2026-12-01 at 14:30'],
  ['a list of dates', 'Charged on 01/12/2026, 02/12/2026 and 03/12/2026'],
  ['a date with dots', 'on 1.12.2026 at 09:00'],
  ['an ISO timestamp', 'at 2026-12-01T10:00:00Z'],
  ['a time range', 'Tue 1 Dec 2026 10:00–11:30'],
  ['amounts in pounds', 'Refund £1,234.56 of £2,469.12'],
  ['amounts in euros', 'Cargo de 12.345,67 € y 1.299,00 €'],
  ['a list of amounts', 'charged 54.99, 54.99, 109.98 and 1,299.00'],
  ['a large amount', 'USD 2,500,000.00'],
  ['a UUID', 'Earlier handoff 0f8fad5b-d9cb-469f-a165-70867728950e'],
  ['a UUID made of digits', 'Earlier handoff 12345678-1234-4234-8234-123456789012'],
  ['a masked card', 'Card •••• •••• •••• 1111 on file'],
  ['a 12-digit number', 'Account 411111111111'],
  ['Luhn-valid digits with no card network (starting 9)', 'Account 9000000000000009'],
  ['a non-Luhn 16-digit number', 'Ref 4111111111111112'],
  ['a zip code and a postcode', 'zip code 90210, código postal 28001'],
  ['a sort code', 'sort code 12-34-56'],
  ['an error code', 'error code 5001'],
  ['a discount code', 'discount code 4821, promo code 7733'],
  ['a password reset', 'The password was reset; the password is expired; la contraseña es incorrecta'],
  ['two Spanish mobile numbers in a list', 'Tel 663 696 618, 678 737 152'],
  ['two US numbers in a list', 'Call 555-123-4567, 555-987-6543'],
  ['a phone number and its extension', '+44 20 7946 1000 / 1234'],
  ['a list of amounts, comma and space', 'Refunds: 24.99, 98.50, 60.00, 33.20, 12.75'],
  ['a date range', 'Away 30/01/2025 - 01/06/2025'],
  ['an IBAN with dashes', 'IBAN ES91-2100-0418-4502-0005-1332'],
  ['an IBAN in lower case', 'iban es9121000418450200051332'],
  ['an IBAN with a space after the country', 'PL 61 1090 1014 0000 0712 1981 2874'],
  ['dates after due words', 'La factura vence el 30/06/2025; the offer expires 30/06/2025; valid until 31/12/2024'],
  ['a contract year', 'contract expires 2026'],
  ['codes that are not one-time codes', 'coupon code 2024, reason code 1234, booking code 4821'],
  ['a year after PIN', 'PIN of the 2024 card'],
  ['words after "password is"', 'password is strong; the security answer is on file'],
];

describe('masking corpus: what is not a card number or a secret stays', () => {
  for (const [name, text] of KEEP) {
    it(`leaves ${name}`, () => {
      expect(maskText(text)).to.deep.equal({ text, found: [] });
    });
  }
});

const SECRETS: [string, string, string, string][] = [
  ['a CVV after its keyword', 'CVV 123 given', 'CVV ••• given', 'card-security-code'],
  ['a CVC with a colon', 'cvc: 4321', 'cvc: ••••', 'card-security-code'],
  ['a security code in words', 'the security code is 987', 'the security code is •••', 'card-security-code'],
  ['a Spanish security code', 'el código de seguridad es 456', 'el código de seguridad es •••', 'card-security-code'],
  ['an expiry after its keyword', 'exp 12/27', 'exp ••/••', 'card-expiry'],
  ['an expiry in full', 'expiry date: 03/2029', 'expiry date: ••/••••', 'card-expiry'],
  ['a Spanish expiry', 'caduca el 08/28', 'caduca el ••/••', 'card-expiry'],
  ['a one-time code', 'code 739204', 'code ••••••', 'one-time-code'],
  ['an OTP with spaces', 'OTP is 739 204', 'OTP is ••• •••', 'one-time-code'],
  ['a verification code', 'verification code: 55 21 90', 'verification code: •• •• ••', 'one-time-code'],
  ['a Spanish one-time code', 'el código es 482913', 'el código es ••••••', 'one-time-code'],
  ['a PIN', 'PIN 0000', 'PIN ••••', 'pin'],
  ['a PIN in words', 'her pin number is 4821', 'her pin number is ••••', 'pin'],
  ['a password after a colon', 'password: hunter2.', 'password: •••••.', 'password'],
  ['a quoted password', 'password is "correct horse"', 'password is •••••', 'password'],
  ['a Spanish password', 'la contraseña es perro123', 'la contraseña es •••••', 'password'],
  ['a security answer', "mother's maiden name is Smith", "mother's maiden name is •••••", 'security-answer'],
  ['a first pet', 'first pet was Rex', 'first pet was •••••', 'security-answer'],
  ['a Spanish security answer', 'respuesta de seguridad: Madrid', 'respuesta de seguridad: •••••', 'security-answer'],
  ['a CVV with "code"', 'CVV code 123', 'CVV code •••', 'card-security-code'],
  ['a CVV in brackets', 'CVV (123)', 'CVV (•••)', 'card-security-code'],
  ['a CVV with a zero-width space inside', 'CVV 1\u200b23', 'CVV •\u200b••', 'card-security-code'],
  ['an expiry with a space', 'exp 12 27', 'exp •• ••', 'card-expiry'],
  ['a Spanish expiry with "en"', 'caduca en 12/27', 'caduca en ••/••', 'card-expiry'],
  ['a code sent by SMS', 'the code sent by SMS is 482913', 'the code sent by SMS is ••••••', 'one-time-code'],
  ['a password "is now"', 'password is now hunter2', 'password is now •••••', 'password'],
  ['a password "is:"', 'la contraseña es: Perro2020', 'la contraseña es: •••••', 'password'],
  ['a pet’s name with a curly apostrophe', 'my pet’s name: Rex', 'my pet’s name: •••••', 'security-answer'],
];

describe('masking corpus: secrets other than card numbers', () => {
  for (const [name, given, expected, kind] of SECRETS) {
    it(`masks ${name}`, () => {
      const { text, found } = maskText(given);
      expect(text).to.equal(expected);
      expect(found.map((f) => f.kind)).to.deep.equal([kind]);
      expect(maskText(text).found, 'masking masked text finds nothing more').to.deep.equal([]);
    });
  }

  it('masks an expiry and a security code typed right after a card number', () => {
    const { text, found } = maskText(`${grouped(MC, ' ')} 12/27 123 thanks`);
    expect(text).to.equal('•••• •••• •••• 4444 ••/•• ••• thanks');
    expect(found.map((f) => f.kind)).to.deep.equal(['card-number', 'card-expiry', 'card-security-code']);
  });
});

describe('containsCardNumber (for identifiers)', () => {
  it('says which ids hold a card number', () => {
    expect(containsCardNumber('4111-1111-1111-1111')).to.equal(true);
    expect(containsCardNumber('CASE-4111111111111111')).to.equal(true);
    expect(containsCardNumber('C-1042')).to.equal(false);
    expect(containsCardNumber('0f8fad5b-d9cb-469f-a165-70867728950e')).to.equal(false);
  });
});
