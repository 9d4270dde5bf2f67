// Property: however a card number is written and wherever it is put in a text, no Luhn-valid run of
// its digits survives masking; text without card numbers keeps its length and its other digits.
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { buildHandoff, luhnValid, maskLines, maskText, redactDraft } from '../../src/payload/index.js';
import { FULL_DRAFT, clone } from '../fixtures/handoffs.js';

/** A card number of a real network's prefix and length, with its Luhn check digit. */
const cardNumber = fc
  .constantFrom(
    ['4', 16],
    ['4', 13],
    ['51', 16],
    ['55', 16],
    ['2221', 16],
    ['34', 15],
    ['37', 15],
    ['6011', 16],
    ['62', 19],
    ['3530', 16],
  )
  .chain(([prefix, length]) =>
    fc
      .array(fc.integer({ min: 0, max: 9 }), {
        minLength: length - prefix.length - 1,
        maxLength: length - prefix.length - 1,
      })
      .map((body) => {
        const start = prefix + body.join('');
        for (let d = 0; d <= 9; d++) if (luhnValid(start + d)) return start + d;
        throw new Error('unreachable');
      }),
  );

const SEPARATORS = [
  ' ',
  '-',
  '.',
  '/',
  ',',
  '_',
  '–',
  '\u2009',
  '\u202f',
  '\u00a0',
  '  ',
  ' - ',
  '\n',
  '\n    ',
  '\r\n',
];
const INVISIBLE = ['\u200b', '\u00ad', '\u200d', '\u2060', '\ufeff'];
const SCRIPTS = [0x30, 0xff10, 0x660, 0x966];

/** The card written the way a customer or a paste might: grouped anyhow, any separators, any digits. */
const writtenCard = fc
  .record({
    pan: cardNumber,
    sizes: fc.array(fc.integer({ min: 1, max: 8 }), { minLength: 1, maxLength: 19 }),
    separators: fc.array(fc.constantFrom(...SEPARATORS), { minLength: 19, maxLength: 19 }),
    invisible: fc.array(fc.option(fc.constantFrom(...INVISIBLE), { freq: 4 }), { minLength: 19, maxLength: 19 }),
    script: fc.constantFrom(...SCRIPTS),
  })
  .map(({ pan, sizes, separators, invisible, script }) => {
    let out = '';
    let at = 0;
    let group = 0;
    while (at < pan.length) {
      const size = sizes[group % sizes.length]!;
      const digits = [...pan.slice(at, at + size)].map(
        (d, i) => String.fromCodePoint(script + Number(d)) + (invisible[(at + i) % 19] ?? ''),
      );
      out += (group ? separators[group % 19] : '') + digits.join('');
      at += size;
      group++;
    }
    return { pan, text: out };
  });

/** Words, short numbers, punctuation: the text around the card. */
const filler = fc
  .array(
    fc.oneof(
      fc.constantFrom('refund', 'the', 'card', 'Ticket #4821', 'on 2026-12-01', '£54.99', 'ok.', 'and', 'número'),
      fc.string({ maxLength: 6 }),
    ),
    { maxLength: 12 },
  )
  .map((words) => words.join(' '));

const textWithCard = fc.tuple(filler, writtenCard, filler).map(([before, card, after]) => ({
  pan: card.pan,
  text: `${before} ${card.text} ${after}`,
}));

function digitsOf(text: string): string {
  return [...text]
    .map((ch) => {
      const cp = ch.codePointAt(0)!;
      const zero = SCRIPTS.find((z) => cp >= z && cp < z + 10);
      return zero === undefined ? '' : String(cp - zero);
    })
    .join('');
}

/** Whether the card's digits, but its last four, can still be read in `text`. */
const readable = (text: string, pan: string) => digitsOf(text).includes(pan.slice(0, -4));

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
