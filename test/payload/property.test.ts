// Property-style: buildHandoff never throws, whatever it is given, and whatever it builds is valid.
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { buildHandoff, validateHandoff, type HandoffDraft } from '../../src/payload/index.js';
import { FULL_DRAFT } from '../fixtures/handoffs.js';

const anyValue = fc.oneof(
  fc.string(),
  fc.constantFrom(
    '',
    '   ',
    '+44 20 7946 0958',
    '4111 1111 1111 1111',
    '2026-11-24T10:00:00Z',
    'phone',
    'warm',
    'verified',
    '<script>',
    '{x}',
    '\u0000',
  ),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.object({ maxDepth: 1 }),
);

/**
 * A draft shaped like the real one, where each part is now and then dropped or replaced by a
 * plausible or absurd value: mostly near-valid drafts, so both outcomes are exercised.
 */
function mutatedDraft(base: unknown): fc.Arbitrary<unknown> {
  if (Array.isArray(base)) {
    return fc.oneof(
      { weight: 30, arbitrary: fc.array(mutatedDraft(base[0] ?? ''), { maxLength: 25 }) },
      { weight: 1, arbitrary: anyValue },
    );
  }
  if (base && typeof base === 'object') {
    const shape = Object.fromEntries(Object.entries(base).map(([k, v]) => [k, mutatedDraft(v)]));
    return fc.oneof(
      { weight: 30, arbitrary: fc.record(shape) },
      { weight: 1, arbitrary: fc.record(shape, { requiredKeys: [] }) },
      { weight: 1, arbitrary: anyValue },
    );
  }
  return fc.oneof({ weight: 30, arbitrary: fc.constant(base) }, { weight: 1, arbitrary: anyValue });
}

describe('buildHandoff properties', () => {
  it('never throws on 10,000 random drafts, and every payload it builds validates', function () {
    // CPU-bound and waiting on nothing: on a loaded 2-core machine it needs more than mocha's 10 s.
    this.timeout(120_000);
    let built = 0;
    fc.assert(
      fc.property(
        fc.oneof({ weight: 9, arbitrary: mutatedDraft(FULL_DRAFT) }, { weight: 1, arbitrary: fc.anything() }),
        (draft) => {
          const result = buildHandoff(draft as HandoffDraft, { defaultCallingCode: '44' });
          if (result.ok) {
            built++;
            expect(validateHandoff(result.payload)).to.deep.equal([]);
            expect(JSON.parse(JSON.stringify(result.payload))).to.deep.equal(result.payload);
          } else {
            expect(result.errors.length).to.be.greaterThan(0);
            for (const e of result.errors)
              expect(e.message)
                .to.be.a('string')
                .and.not.match(/undefined|\{(field|max|min|length|count|allowed|key|expected)\}/);
          }
        },
      ),
      { numRuns: 10_000, seed: 20261124 },
    );
    // The generator must reach valid drafts too, or the second property is never exercised.
    expect(built).to.be.greaterThan(100);
  });
});
