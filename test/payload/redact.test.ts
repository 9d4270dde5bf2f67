import { expect } from '@open-wc/testing';
import { buildHandoff, luhnValid, maskCardNumbers } from '../../src/payload/index.js';
import { FULL_DRAFT, clone } from '../fixtures/handoffs.js';

/** Appends the Luhn check digit to `body`. */
function withCheckDigit(body: string): string {
  for (let d = 0; d <= 9; d++) if (luhnValid(body + d)) return body + d;
  throw new Error('unreachable');
}
/** The same number with its check digit off by one: never Luhn-valid. */
const breakLuhn = (card: string) => card.slice(0, -1) + ((Number(card.at(-1)) + 1) % 10);

describe('maskCardNumbers: true positives', () => {
  const cards: [string, string][] = [
    ['Visa 16, spaced', '4111 1111 1111 1111'],
    ['Mastercard 16, dashed', '5555-5555-5555-4444'],
    ['Amex 15, 4-6-5 groups', '3782 822463 10005'],
    ['Discover 16, unbroken', '6011111111111117'],
    ['JCB 16', '3530111333300000'],
    ['Visa 13', '4222222222222'],
    ['Mastercard 2-series', '2223 0000 4841 0010'],
    ['UnionPay 19', withCheckDigit('621234567890123456')],
  ];
  for (const [name, card] of cards) {
    it(`masks ${name} to its last four digits`, () => {
      const { text, count } = maskCardNumbers(`Customer read out ${card} for the refund.`);
      const digits = card.replace(/\D/g, '');
      expect(count).to.equal(1);
      expect(text).not.to.contain(digits.slice(0, 6));
      expect(text.replace(/[^\d•]/g, '')).to.equal('•'.repeat(digits.length - 4) + digits.slice(-4));
      expect(text).to.match(/^Customer read out [•\d -]+ for the refund\.$/);
    });
  }

  it('keeps separators so the masked number still reads as a card', () => {
    expect(maskCardNumbers('4111 1111 1111 1111').text).to.equal('•••• •••• •••• 1111');
    expect(maskCardNumbers('5555-5555-5555-4444').text).to.equal('••••-••••-••••-4444');
  });

  const splits: [string, string][] = [
    ['a line break', '4111 1111\n1111 1111'],
    ['runs of spaces', '4111  1111   1111 1111'],
    ['tabs', '4111\t1111\t1111\t1111'],
    ['no-break spaces', '4111\u00a01111\u00a01111\u00a01111'],
    ['mixed dashes and spaces', '4111 - 1111 - 1111 - 1111'],
    ['uneven groups', '41 1111111 1111 111'],
  ];
  for (const [name, card] of splits) {
    it(`catches a number split by ${name}`, () => {
      const { text, count } = maskCardNumbers(`card: ${card} exp 12/27`);
      expect(count).to.equal(1);
      expect(text).to.match(/^card: [•\d\s-]+ exp 12\/27$/);
      expect(text.replace(/\D/g, '')).to.equal('1111' + '1227');
    });
  }

  it('masks two cards in one text, and a card with a security code typed after it', () => {
    const { text, count } = maskCardNumbers('old 4111111111111111, new 5555 5555 5555 4444 123');
    expect(count).to.equal(2);
    expect(text).to.equal('old ••••••••••••1111, new •••• •••• •••• 4444 123');
  });

  it('masks a card glued to words or punctuation', () => {
    expect(maskCardNumbers('card#4111111111111111.').text).to.equal('card#••••••••••••1111.');
  });
});

describe('maskCardNumbers: false positives it must not mask', () => {
  const keep: [string, string][] = [
    ['a non-Luhn 16-digit order number', `Order ${breakLuhn('4111111111111111')}`],
    ['a non-Luhn 19-digit reference', `Ref ${breakLuhn(withCheckDigit('621234567890123456'))}`],
    ['an international phone number with +', 'Call +44 20 7946 0958 or +1 415 555 0100'],
    ['a long phone number with + that happens to pass Luhn', `Call +${withCheckDigit('4420794609581')}`],
    ['an international number dialled with 00', 'Call 0044 20 7946 0958 1'],
    ['a 12-digit run', 'Invoice 411111111111'],
    ['a tracking number with letters', 'Track 1Z999AA10123456784'],
    ['Luhn-valid digits starting 9 (no card network)', `Account ${withCheckDigit('900000000000000')}`],
    ['Luhn-valid digits starting 1 (no card network)', `Account ${withCheckDigit('123456789012345')}`],
    ['a date and amounts', 'On 2026-11-24 we charged 54.99 and 54.99 (total 109.98)'],
    ['numbers separated by words', 'Ticket 4111 and ticket 1111 and 1111 1111'],
  ];
  for (const [name, text] of keep) {
    it(`leaves ${name}`, () => {
      expect(maskCardNumbers(text)).to.deep.equal({ text, count: 0 });
    });
  }
});

describe('buildHandoff redaction', () => {
  it('masks card numbers in every free-text field and lists each one', () => {
    const draft = clone(FULL_DRAFT) as any;
    draft.recap.summary = 'Paid with 4111 1111 1111 1111 twice';
    draft.recap.tried = ['Re-ran 5555555555554444'];
    draft.actions[1].text = 'Refund to 3782 822463 10005';
    draft.reason.detail = 'Card 6011111111111117 needs a supervisor';
    draft.nextSteps = 'Use 4222222222222 next time';
    draft.contingency.note = 'Backup card 5555-5555-5555-4444';
    const result = buildHandoff(draft);
    expect(result.ok, JSON.stringify(result.errors)).to.equal(true);
    const p = result.payload!;
    expect(p.recap.summary).to.equal('Paid with •••• •••• •••• 1111 twice');
    expect(p.recap.tried[0]).to.equal('Re-ran ••••••••••••4444');
    expect(p.actions[1]!.text).to.equal('Refund to •••• •••••• •0005');
    expect(JSON.stringify(p)).not.to.match(/4111 1111 1111 1111|5555555555554444|6011111111111117/);
    expect(p.redactions).to.deep.equal([
      { field: 'reason.detail', kind: 'card-number' },
      { field: 'recap.summary', kind: 'card-number' },
      { field: 'recap.tried[0]', kind: 'card-number' },
      { field: 'actions[1].text', kind: 'card-number' },
      { field: 'nextSteps', kind: 'card-number' },
      { field: 'contingency.note', kind: 'card-number' },
    ]);
  });

  it('leaves phone numbers in text and fields alone', () => {
    const draft = clone(FULL_DRAFT) as any;
    draft.nextSteps = 'Call back on +44 20 7946 0958 or 0044 20 7946 0958 1';
    const p = buildHandoff(draft).payload!;
    expect(p.nextSteps).to.equal(draft.nextSteps);
    expect(p.customer.contact.phone).to.equal('+442079460958');
    expect(p.redactions).to.deep.equal([]);
  });
});

describe('redactDraft', () => {
  it('masks every text in a draft of any shape and lists the paths', async () => {
    const { redactDraft } = await import('../../src/payload/index.js');
    const draft = {
      recap: { summary: 'card 4111 1111 1111 1111', tried: ['ok', 'used 5555555555554444'] },
      case: { id: 'C-1' },
      count: 2,
    };
    const { draft: masked, redactions } = redactDraft(draft);
    expect(masked).to.deep.equal({
      recap: { summary: 'card •••• •••• •••• 1111', tried: ['ok', 'used ••••••••••••4444'] },
      case: { id: 'C-1' },
      count: 2,
    });
    expect(redactions).to.deep.equal([
      { field: 'recap.summary', kind: 'card-number' },
      { field: 'recap.tried[1]', kind: 'card-number' },
    ]);
    expect(draft.recap.summary).to.equal('card 4111 1111 1111 1111');
  });

  it('buildHandoff lists maskings applied upstream along with its own', () => {
    const draft = clone(FULL_DRAFT) as any;
    draft.nextSteps = 'pay with 4111111111111111';
    const result = buildHandoff(draft, { redactions: [{ field: 'recap.summary', kind: 'card-number' }] });
    expect(result.payload!.redactions).to.deep.equal([
      { field: 'recap.summary', kind: 'card-number' },
      { field: 'nextSteps', kind: 'card-number' },
    ]);
  });
});

describe('every string of a handoff and an acknowledgement', () => {
  it('masks card numbers and secrets in names, teams and every other text, listing each kind', () => {
    const draft = clone(FULL_DRAFT) as any;
    draft.customer.name = 'Ana 4111 1111 1111 1111';
    draft.to.team = 'Billing 5555.5555.5555.4444';
    draft.from.name = 'Sam, pin 4821';
    draft.contingency.fallback.name = 'Desk cvv 123';
    draft.customer.verification.by = 'Lee, password: hunter2';
    const result = buildHandoff(draft);
    expect(result.ok, JSON.stringify(result.errors)).to.equal(true);
    const p = result.payload!;
    expect(p.customer.name).to.equal('Ana •••• •••• •••• 1111');
    expect(p.to.team).to.equal('Billing ••••.••••.••••.4444');
    expect(p.from.name).to.equal('Sam, pin ••••');
    expect(p.contingency!.fallback.name).to.equal('Desk cvv •••');
    expect(p.customer.verification.by).to.equal('Lee, password: •••••');
    expect(p.redactions).to.deep.include.members([
      { field: 'customer.name', kind: 'card-number' },
      { field: 'to.team', kind: 'card-number' },
      { field: 'from.name', kind: 'pin' },
      { field: 'contingency.fallback.name', kind: 'card-security-code' },
      { field: 'customer.verification.by', kind: 'password' },
    ]);
  });

  const identifiers: [string, (d: any) => void][] = [
    ['case.id', (d) => (d.case.id = '4111111111111111')],
    ['case.url', (d) => (d.case.url = 'https://crm.example.com/cases/4111111111111111')],
    ['case.url', (d) => (d.case.url = 'https://crm.example.com/search?q=4111 1111 1111 1111')],
    ['case.url', (d) => (d.case.url = 'https://crm.example.com/search?q=4111+1111+1111+1111')],
    ['case.url', (d) => (d.case.url = 'https://crm.example.com/cards/４１１１１１１１１１１１１１１１')],
    ['customer.accountId', (d) => (d.customer.accountId = 'ACC-5555-5555-5555-4444')],
    ['customer.contact.email', (d) => (d.customer.contact.email = '4111111111111111@example.com')],
    ['from.agentId', (d) => (d.from.agentId = '4111 1111 1111 1111')],
    ['to.agentId', (d) => (d.to.agentId = '4111111111111111')],
    ['customer.contact.phone', (d) => (d.customer.contact.phone = '4222222222222')],
    ['transfer.priorHandoffIds[0]', (d) => (d.transfer = { count: 2, priorHandoffIds: ['4111111111111111'] })],
  ];
  for (const [path, put] of identifiers) {
    it(`refuses a card number in ${path} with an error at the field, rather than corrupting the id`, () => {
      const draft = clone(FULL_DRAFT) as any;
      put(draft);
      const result = buildHandoff(draft, { defaultCallingCode: '44' });
      expect(result.ok).to.equal(false);
      const error = result.errors!.find((e) => e.path === path)!;
      expect(error.code).to.equal('card-number-in-identifier');
      expect(error.message).to.match(/looks like a payment card number/);
    });
  }

  it('keeps ids that only look long: a UUID, a case number, a phone number', () => {
    const draft = clone(FULL_DRAFT) as any;
    draft.case.id = 'CS-0045678';
    draft.transfer = { count: 2, priorHandoffIds: ['0f8fad5b-d9cb-469f-a165-70867728950e'] };
    draft.customer.contact.phone = '+44 20 7946 0958';
    expect(buildHandoff(draft).ok).to.equal(true);
  });

  it('masks the read-back, questions, decline reason and receiver name of an acknowledgement', async () => {
    const { buildAck } = await import('../../src/payload/index.js');
    const result = buildAck({
      handoffId: '0f8fad5b-d9cb-469f-a165-70867728950e',
      by: { agentId: 'a-7', name: 'Dana code 739204' },
      readBack: 'Refund to 4111 1111 1111 1111 by Friday',
      accepted: false,
      declineReason: 'Customer gave CVV 123, not for me',
      questions: 'Is 5555-5555-5555-4444 the old card?',
    });
    expect(result.ok, JSON.stringify(result.errors)).to.equal(true);
    const ack = result.payload!;
    expect(ack.by.name).to.equal('Dana code ••••••');
    expect(ack.readBack).to.equal('Refund to •••• •••• •••• 1111 by Friday');
    expect(ack.declineReason).to.equal('Customer gave CVV •••, not for me');
    expect(ack.questions).to.equal('Is ••••-••••-••••-4444 the old card?');
  });
});

describe('the verification method is a choice', () => {
  it('reads free text from an older draft or a prefill as the method it names, or as "other"', () => {
    const named = clone(FULL_DRAFT) as any;
    named.customer.verification = { status: 'verified', method: 'Security questions' };
    expect(buildHandoff(named).payload!.customer.verification).to.deep.equal({
      status: 'verified',
      method: 'security-questions',
    });
    const other = clone(FULL_DRAFT) as any;
    other.customer.verification = { status: 'verified', method: 'Date of birth, code 739204' };
    const v = buildHandoff(other).payload!.customer.verification;
    expect(v).to.deep.equal({ status: 'verified', method: 'other', methodDetail: 'Date of birth, code ••••••' });
    const dob = clone(FULL_DRAFT) as any;
    dob.customer.verification = { status: 'verified', method: 'Date of birth and postcode' };
    expect(buildHandoff(dob).payload!.customer.verification).to.deep.equal({
      status: 'verified',
      method: 'other',
      methodDetail: 'Date of birth and postcode',
    });
  });

  it('asks what the other method was', () => {
    const draft = clone(FULL_DRAFT) as any;
    draft.customer.verification = { status: 'verified', method: 'other' };
    const result = buildHandoff(draft);
    expect(result.errors!.map((e) => e.path)).to.deep.equal(['customer.verification.methodDetail']);
  });
});
