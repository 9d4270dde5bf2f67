// Property: however a card number is written and wherever it is put in a text, no Luhn-valid run of
// its digits survives masking; text without card numbers keeps its length and its other digits.
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { buildHandoff, maskLines, maskText, redactDraft } from '../../src/payload/index.js';
import { digitsOf, filler, readable, textWithCard, writtenCard } from '../fixtures/card-text.js';
import { FULL_DRAFT, clone } from '../fixtures/handoffs.js';

describe('masking properties', () => {
  it('no card number survives, however written and wherever put (2,000 texts)', function () {
    this.timeout(120_000);
    fc.assert(
      fc.property(textWithCard, ({ pan, text }) => {
        const masked = maskText(text);
        expect(readable(masked.text, pan), JSON.stringify(masked.text)).to.equal(false);
        expect(masked.found.some((f) => f.kind === 'card-number')).to.equal(true);
      }),
      { numRuns: 2_000, seed: 20261202 },
    );
  });

  it('a card split over two lines of "what has been tried" does not survive either', function () {
    this.timeout(60_000);
    fc.assert(
      fc.property(writtenCard, fc.integer({ min: 4, max: 12 }), ({ pan }, cut) => {
        const lines = [`tried ${pan.slice(0, cut)}`, `${pan.slice(cut)} twice`];
        expect(readable(maskLines(lines).lines.join(' '), pan)).to.equal(false);
      }),
      { numRuns: 500, seed: 20261202 },
    );
  });

  it('in any string of a draft, the payload built from it carries no card number', function () {
    this.timeout(120_000);
    const paths: ((d: any, t: string) => void)[] = [
      (d, t) => (d.customer.name = t.slice(0, 200)),
      (d, t) => (d.recap.summary = t),
      (d, t) => (d.recap.tried = t.split('\n')),
      (d, t) => (d.to.team = t.slice(0, 200)),
      (d, t) => (d.from.name = t.slice(0, 200)),
      (d, t) => (d.contingency.fallback.name = t.slice(0, 200)),
      (d, t) => (d.customer.verification.by = t.slice(0, 200)),
      (d, t) => (d.actions[0].text = t),
      (d, t) => (d.case.id = t.slice(0, 200)),
    ];
    fc.assert(
      fc.property(textWithCard, fc.integer({ min: 0, max: paths.length - 1 }), ({ pan, text }, which) => {
        const draft = clone(FULL_DRAFT) as any;
        paths[which]!(draft, text);
        const result = buildHandoff(draft, { defaultCallingCode: '44' });
        if (result.ok) expect(readable(JSON.stringify(result.payload), pan)).to.equal(false);
        // An id holding a card number is refused, never sent.
        else expect(result.errors.map((e) => e.code)).to.not.include('too-long');
        expect(readable(JSON.stringify(redactDraft(draft).draft), pan)).to.equal(false);
      }),
      { numRuns: 1_000, seed: 20261202 },
    );
  });

  it('text without card numbers keeps its digits', function () {
    this.timeout(60_000);
    fc.assert(
      fc.property(filler, (text) => {
        expect(digitsOf(maskText(text).text)).to.equal(digitsOf(text));
      }),
      { numRuns: 1_000, seed: 20261202 },
    );
  });
});
