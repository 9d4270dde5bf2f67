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
  ];
  for (const [text, minutes] of times) {
    it(`reads ${JSON.stringify(text)} as ${minutes / 60}h`, () => {
      expect(timesIn(text).map((t) => t.minutes)).to.include(minutes);
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

  it('never throws on what a receiver might paste', () => {
    const handoff = base();
    for (const text of ['', '   ', '💥'.repeat(500), '<script>alert(1)</script>', '0'.repeat(2000), '£'.repeat(300)])
      expect(() => checkReadBack(handoff, text, { timeZone: 'UTC' })).not.to.throw();
  });
});
