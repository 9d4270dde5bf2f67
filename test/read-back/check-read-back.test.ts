import { expect } from '@open-wc/testing';
import type { HandoffV1 } from '../../src/payload/index.js';
import { checkReadBack, factsToCarry } from '../../src/read-back/index.js';
import { amountsIn, daysIn, localTime, namesDay, timesIn } from '../../src/read-back/recognise.js';
import { FULL_PAYLOAD, clone } from '../fixtures/handoffs.js';

const base = (): HandoffV1 => clone(FULL_PAYLOAD) as HandoffV1;
const kinds = (list: { kind: string }[]) => list.map((f) => f.kind);

describe('read-back recognisers', () => {
  const cents = (text: string) => amountsIn(text).map((a) => a.cents);
  const amounts: [string, number[], string?][] = [
    ['£1,200.50', [120050], 'GBP'],
    ['1.200,50 €', [120050], 'EUR'],
    ['1 200 euros', [120000], 'EUR'],
    ['325,00 libras', [32500], 'GBP'],
    ['US$ 99.9', [9990], 'USD'],
    ['GBP 80', [8000], 'GBP'],
    ['50 pesos', [5000], 'MXN'],
    ['at 17:00', []],
    ['call 020 7946 0100 or 0100', []],
    ['by 5pm on 26/11, the 26th, 2k, 15%', []],
    ['£2k', []],
  ];
  for (const [text, expected, currency] of amounts) {
    it(`reads ${JSON.stringify(text)} as ${expected.join(', ') || 'no amount'}`, () => {
      expect(cents(text)).to.deep.equal(expected);
      if (currency) expect(amountsIn(text)[0]!.currency).to.equal(currency);
    });
  }

  const tuesday = localTime('2026-11-24T10:00:00Z', 'Europe/London');
  const days: [string, string, boolean][] = [
    ['tomorrow', '2026-11-25', true],
    ['mañana', '2026-11-25', true],
    ['por la mañana', '2026-11-25', false],
    ['esta mañana', '2026-11-24', true],
    ['pasado mañana', '2026-11-26', true],
    ['the day after tomorrow', '2026-11-26', true],
    ['el jueves', '2026-11-26', true],
    ['Thurs', '2026-11-26', true],
    ['26 de noviembre', '2026-11-26', true],
    ['Nov 26th', '2026-11-26', true],
    ['26/11', '2026-11-26', true],
    ['the 26th', '2026-11-26', true],
    ['you may 26 things', '2026-11-26', false],
    ['Friday', '2026-11-26', false],
  ];
  for (const [text, day, named] of days) {
    it(`${named ? 'finds' : 'does not find'} ${day} in ${JSON.stringify(text)} (said on Tuesday 24 November)`, () => {
      expect(namesDay(daysIn(text, tuesday), localTime(`${day}T12:00:00Z`, 'Europe/London'))).to.equal(named);
    });
  }

  const times: [string, number][] = [
    ['5pm', 17 * 60],
    ['5:30 p.m.', 17 * 60 + 30],
    ['17:00', 17 * 60],
    ['17h', 17 * 60],
    ['a las 5 de la tarde', 17 * 60],
    ['noon', 12 * 60],
    ['call her at 5', 5 * 60],
    ['a la 1', 60],
    ['a las 12 de la noche', 0],
  ];
  for (const [text, minutes] of times) {
    it(`reads ${JSON.stringify(text)} as ${minutes / 60}h`, () => {
      expect(timesIn(text).map((t) => t.minutes)).to.include(minutes);
    });
  }
  const notTimes: [string, number][] = [
    ['12:30am', 12 * 60 + 30],
    ['within 2 hrs', 2 * 60],
    ['by 5 December', 5 * 60],
  ];
  for (const [text, minutes] of notTimes) {
    it(`does not read ${JSON.stringify(text)} as ${minutes / 60}h`, () => {
      expect(timesIn(text).map((t) => t.minutes)).not.to.include(minutes);
    });
  }
});

describe('checkReadBack', () => {
  it('reads "Friday" on the receiver’s calendar: the same instant is Thursday in New York, Friday in Tokyo', () => {
    const handoff = base();
    handoff.actions = [{ text: 'Approve the refund', owner: 'receiver', due: '2026-11-26T23:30:00Z' }];
    delete handoff.followUp;
    const deadlineMissing = (timeZone: string) =>
      kinds(checkReadBack(handoff, 'Refund approved on Friday.', { timeZone }).check.missing).includes('deadline');
    expect(deadlineMissing('Asia/Tokyo')).to.equal(false);
    expect(deadlineMissing('America/New_York')).to.equal(true);
  });

  it('asks about each receiver deadline, none of the sender’s, and the receiver’s follow-up', () => {
    const facts = factsToCarry(base());
    expect(facts.filter((f) => f.kind === 'deadline').map((f) => f.field)).to.deep.equal([
      'actions[0].due',
      'followUp.at',
    ]);
  });

  it('asks about each amount once, by its value and currency', () => {
    const handoff = base();
    handoff.recap.summary = 'Charged £54.99 twice (£54.99 each), plus a €10 fee.';
    const amounts = factsToCarry(handoff).filter((f) => f.kind === 'amount');
    expect(amounts.map((f) => f.value)).to.deep.equal(['54.99 GBP', '10 EUR']);
  });

  it('records what the receiver dismissed, and a dismissed fact they then wrote is found, not dismissed', () => {
    const handoff = base();
    const keys = factsToCarry(handoff)
      .filter((f) => f.kind === 'fallback' || f.kind === 'verification')
      .map((f) => f.key);
    const first = checkReadBack(handoff, 'Refund it.', { dismissed: keys }).check;
    expect(kinds(first.dismissed).sort()).to.deep.equal(['fallback', 'verification']);
    expect(kinds(first.missing)).not.to.include.members(['fallback', 'verification']);
    const second = checkReadBack(handoff, 'Refund it; already verified.', { dismissed: keys }).check;
    expect(kinds(second.dismissed)).to.deep.equal(['fallback']);
    expect(kinds(second.found)).to.include('verification');
  });

  const verificationCases: [string, 'verified' | 'unverified', boolean][] = [
    ['She isn’t verified yet.', 'verified', false],
    ['She isn’t verified yet.', 'unverified', true],
    ['Verified: I don’t have to verify her.', 'verified', true],
    ['No need to verify, she passed.', 'verified', true],
    ['Aún no se ha verificado.', 'unverified', true],
    ['Aún no se ha verificado.', 'verified', false],
    ['Tengo que volver a verificarla.', 'verified', false],
    ['I’ll reverify her first.', 'verified', false],
  ];
  for (const [text, status, found] of verificationCases) {
    it(`${found ? 'finds' : 'does not find'} a ${status} customer in ${JSON.stringify(text)}`, () => {
      const handoff = base();
      handoff.customer.verification = status === 'verified' ? { status, method: 'one-time-code' } : { status };
      const { check } = checkReadBack(handoff, text, { timeZone: 'UTC' });
      expect(kinds(check.found).includes('verification')).to.equal(found);
    });
  }

  it('takes a callback for the fallback only when it is said as one ("if …")', () => {
    const handoff = base();
    const fallbackFound = (text: string) => kinds(checkReadBack(handoff, text).check.found).includes('fallback');
    expect(fallbackFound('I call her back today with the refund.')).to.equal(false);
    expect(fallbackFound('If it fails, I call her back.')).to.equal(true);
    expect(fallbackFound('Her number ends 0100.')).to.equal(true);
    expect(fallbackFound('If she asks, she likes Coca-Cola.')).to.equal(false);
  });

  it('counts "today" and "tomorrow" from when the read-back is written', () => {
    const handoff = base();
    delete handoff.followUp;
    // Due Wednesday 25 November 17:00; acknowledged the next morning, Wednesday.
    const said = (text: string, now: string) =>
      kinds(checkReadBack(handoff, text, { timeZone: 'Europe/London', now: new Date(now) }).check.missing);
    expect(said('Refund it today.', '2026-11-25T08:00:00Z')).not.to.include('deadline');
    expect(said('Refund it today.', '2026-11-24T08:00:00Z')).to.include('deadline');
  });

  it('refuses a time zone Intl does not know, saying which', () => {
    expect(() => checkReadBack(base(), 'Refund it', { timeZone: 'GMT+1' })).to.throw(
      RangeError,
      /"GMT\+1" is not an IANA/,
    );
  });

  it('asks about ten amounts at most, and nothing of an expectation without words to check', () => {
    const handoff = base();
    handoff.recap.summary = Array.from({ length: 61 }, (_, i) => `£${i + 1}`).join(' ');
    handoff.recap.expectation = 'ok';
    const facts = factsToCarry(handoff);
    expect(facts.filter((f) => f.kind === 'amount').length).to.equal(10);
    expect(facts.some((f) => f.kind === 'expectation')).to.equal(false);
  });

  it('never throws on what a receiver might paste', () => {
    const handoff = base();
    for (const text of ['', '   ', '💥'.repeat(500), '<script>alert(1)</script>', '0'.repeat(2000), '£'.repeat(300)])
      expect(() => checkReadBack(handoff, text, { timeZone: 'UTC' })).not.to.throw();
  });
});
