import { expect } from '@open-wc/testing';
import {
  assessQuality,
  buildHandoff,
  QUALITY_CHECK_RULES,
  QUALITY_MAX,
  QUALITY_MOVES,
  validateHandoff,
  type HandoffDraft,
  type HandoffV1,
  type QualityCheck,
} from '../../src/payload/index.js';
import { QUALITY_CHECKS } from '../../src/payload/checks.js';
import { FULL_DRAFT, FULL_PAYLOAD, clone } from '../fixtures/handoffs.js';

type Mutation = (h: HandoffV1) => void;

/** Each check, a change that breaks only it, and the field the miss must point at. */
const BREAKS: [QualityCheck, string, Mutation][] = [
  ['reason-detail', 'reason.detail', (h) => (h.reason.detail = 'Refund.')],
  ['customer-informed', 'script.customerInformed', (h) => (h.script.customerInformed = false)],
  ['details-confirmed', 'script.detailsConfirmed', (h) => (h.script.detailsConfirmed = false)],
  [
    'apology-given',
    'script.apologyGiven',
    (h) => {
      h.transfer.count = 2;
      h.script.apologyGiven = false;
    },
  ],
  ['recap-summary', 'recap.summary', (h) => (h.recap.summary = 'Charged twice.')],
  ['recap-expectation', 'recap.expectation', (h) => delete h.recap.expectation],
  ['verification-method', 'customer.verification.method', (h) => delete h.customer.verification.method],
  ['customer-contact', 'customer.contact.phone', (h) => (h.customer.contact = {})],
  ['actions-listed', 'actions', (h) => (h.actions = [])],
  ['action-due', 'actions[0].due', (h) => delete h.actions[0]!.due],
  ['managing-up-receiver', 'script.managingUp', (h) => (h.script.managingUp = 'They will sort it out for you.')],
  ['receiver-expertise', 'to.expertise', (h) => delete h.to.expertise],
  [
    'fallback-number',
    'contingency.fallback.phone',
    (h) => {
      h.contingency!.fallback.phone = '';
      delete h.from.callback;
    },
  ],
  [
    'if-unavailable',
    'contingency.ifUnavailable',
    (h) => {
      h.channel = 'email';
      delete h.contingency;
    },
  ],
  ['no-secrets-typed', 'recap.tried[1]', (h) => (h.redactions = [{ field: 'recap.tried[1]', kind: 'card-number' }])],
];

const full = () => clone(FULL_PAYLOAD) as HandoffV1;

describe('assessQuality: every handoff scored from the payload alone', () => {
  it('gives the full payload every point', () => {
    expect(assessQuality(full())).to.deep.equal({ score: QUALITY_MAX, max: 16, missing: [] });
  });

  it('has a breaking case for every check, and every move is worth 2', () => {
    expect(BREAKS.map(([check]) => check).sort()).to.deep.equal([...QUALITY_CHECKS].sort());
    for (const move of QUALITY_MOVES) {
      // An apology on a repeat transfer takes the place of confirming the details: one point, either.
      const points = Object.entries(QUALITY_CHECK_RULES)
        .filter(([check, rule]) => rule.move === move && check !== 'apology-given')
        .reduce((sum, [, rule]) => sum + rule.points, 0);
      expect(points, move).to.equal(2);
    }
  });

  for (const [check, field, mutate] of BREAKS) {
    it(`misses only ${check}, at ${field}, and loses its points`, () => {
      const handoff = full();
      mutate(handoff);
      const quality = assessQuality(handoff);
      expect(quality.missing).to.deep.equal([{ check, field }]);
      expect(quality.score).to.equal(QUALITY_MAX - QUALITY_CHECK_RULES[check].points);
    });
  }

  it('lists every undated receiver action, and loses the point once', () => {
    const handoff = full();
    handoff.actions = [
      { text: 'Approve the refund', owner: 'receiver' },
      { text: 'Email the customer', owner: 'sender' },
      { text: 'Call the bank', owner: 'receiver' },
    ];
    const quality = assessQuality(handoff);
    expect(quality.missing.map((m) => m.field)).to.deep.equal(['actions[0].due', 'actions[2].due']);
    expect(quality.score).to.equal(QUALITY_MAX - 1);
  });

  it('asks no deadline of a warm, in-person handover: the receiver acts while the customer is there', () => {
    const handoff = full();
    handoff.mode = 'warm';
    handoff.channel = 'in-person';
    delete handoff.actions[0]!.due;
    expect(assessQuality(handoff).missing).to.deep.equal([]);
  });

  it('takes the sender’s callback as the fallback number where there is no contingency', () => {
    const handoff = full();
    handoff.channel = 'chat';
    delete handoff.contingency;
    expect(assessQuality(handoff).missing.map((m) => m.check)).to.deep.equal(['if-unavailable']);
  });

  it('counts a managing-up line that names the team in another case, and not one that names nobody', () => {
    const handoff = full();
    handoff.script.managingUp = 'The BILLING SUPERVISORS team can approve it today.';
    expect(assessQuality(handoff).missing).to.deep.equal([]);
    handoff.to.expertise = '   ';
    handoff.script.managingUp = '   ';
    expect(assessQuality(handoff).missing.map((m) => m.check)).to.deep.equal([
      'managing-up-receiver',
      'receiver-expertise',
    ]);
  });

  it('judges an empty draft without throwing: only what needs an entry to miss keeps its points', () => {
    const quality = assessQuality({});
    // No secrets typed (2), no action without a due time (1).
    expect(quality.score).to.equal(3);
    expect(quality.missing.every((m) => QUALITY_CHECKS.includes(m.check))).to.equal(true);
  });

  it('is in every built payload, agrees with assessQuality, and validates', () => {
    const draft = clone(FULL_DRAFT) as HandoffDraft;
    draft.actions = [{ text: 'Approve the refund', owner: 'receiver' }];
    const result = buildHandoff(draft, { id: FULL_PAYLOAD.id, now: () => new Date(FULL_PAYLOAD.createdAt) });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const { quality, ...rest } = result.payload;
    expect(quality).to.deep.equal(assessQuality(rest));
    expect(quality!.missing).to.deep.include({ check: 'action-due', field: 'actions[0].due' });
    expect(validateHandoff(result.payload)).to.deep.equal([]);
    expect(Object.keys(result.payload).slice(-4)).to.deep.equal(['redactions', 'quality', 'client', 'training']);
  });

  it('scores a card number the agent typed as a confidentiality miss, at the field it was typed in', () => {
    const draft = clone(FULL_DRAFT) as HandoffDraft;
    draft.nextSteps = 'Refund to card 4111 1111 1111 1111 today';
    const result = buildHandoff(draft);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.payload.quality!.missing).to.deep.include({ check: 'no-secrets-typed', field: 'nextSteps' });
  });

  it('a payload without quality (queued by an older version) is still valid', () => {
    const handoff = full();
    delete handoff.quality;
    expect(validateHandoff(handoff)).to.deep.equal([]);
  });
});
