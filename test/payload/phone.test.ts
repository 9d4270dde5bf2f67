import { expect } from '@open-wc/testing';
import { buildHandoff, normalizePhone } from '../../src/payload/index.js';
import { FULL_DRAFT, clone } from '../fixtures/handoffs.js';

describe('normalizePhone', () => {
  const good: [string, string, string?][] = [
    ['+44 20 7946 0958', '+442079460958'],
    ['+1 (415) 555-0100', '+14155550100'],
    ['(+1) 415.555.0100', '+14155550100'],
    ['0044 20 7946 0958', '+442079460958'],
    ['+49-30-901820', '+4930901820'],
    ['+290 2 2222', '+29022222'],
    ['+86 138 0013 8000', '+8613800138000'],
    ['\u00a0+33\u00a06 12 34 56 78 ', '+33612345678'],
    ['+44 20 7946 0958'.replace(/ /g, '\u2011'), '+442079460958'],
    ['020 7946 0958', '+442079460958', '44'],
    ['06 12 34 56 78', '+33612345678', '33'],
  ];
  for (const [input, e164, code] of good) {
    it(`normalises ${JSON.stringify(input)}${code ? ` with default +${code}` : ''}`, () => {
      expect(normalizePhone(input, { defaultCallingCode: code })).to.deep.equal({ ok: true, e164 });
    });
  }

  const bad: [string, string, string?][] = [
    ['020 7946 0958', 'missing-country-code'],
    ['415 555 0100', 'missing-country-code', '1'],
    ['+0 20 7946 0958', 'bad-country-code'],
    ['0000 1234 5678', 'bad-country-code'],
    ['+44 123', 'too-short'],
    ['+1 234 567 890 123 456', 'too-long'],
    ['+44 20 7946 0958 ext 12', 'extension'],
    ['+1 415 555 0100 x99', 'extension'],
    ['+44 20 7946 095O', 'invalid-characters'],
    ['call me', 'invalid-characters'],
    ['+44+20', 'invalid-characters'],
    ['', 'invalid-characters'],
  ];
  for (const [input, problem, code] of bad) {
    it(`rejects ${JSON.stringify(input)} as ${problem}`, () => {
      expect(normalizePhone(input, { defaultCallingCode: code })).to.deep.equal({ ok: false, problem });
    });
  }

  it('explains each rejection at the field in buildHandoff', () => {
    const messages = ['+44 20 7946 0958 ext 12', '020 7946 0958', '+44 123', 'call me'].map((phone) => {
      const draft = clone(FULL_DRAFT) as any;
      draft.contingency.fallback.phone = phone;
      const result = buildHandoff(draft);
      expect(result.ok).to.equal(false);
      expect(result.errors![0]!.path).to.equal('contingency.fallback.phone');
      return result.errors![0]!.message;
    });
    expect(messages).to.deep.equal([
      'Fallback contact number cannot carry an extension; put the extension in the note instead.',
      'Fallback contact number needs its country code, like +44 20 7946 0958.',
      'Fallback contact number is too short to be a full international number.',
      'Fallback contact number may contain only digits, spaces, dashes, brackets and a leading +.',
    ]);
  });

  it('uses the default calling code from the build context', () => {
    const draft = clone(FULL_DRAFT) as any;
    draft.from.callback = '020 7946 0000';
    const result = buildHandoff(draft, { defaultCallingCode: '44' });
    expect(result.payload!.from.callback).to.equal('+442079460000');
  });
});
