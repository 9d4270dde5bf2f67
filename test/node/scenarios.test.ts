// The trainers' scenarios (demo/scenarios/*.json) and the rubric: every scenario file is valid, its model
// answer scores full marks, and a careless handoff loses points with feedback that says what was missed.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { buildHandoff, type HandoffDraft, type HandoffV1 } from '../../src/payload/index.js';
import { checkScenario, scoreHandoff, type Scenario } from '../../src/training/index.js';
import { checkTemplate } from '../../src/template/index.js';

const dir = new URL('../../demo/scenarios/', import.meta.url);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .sort();
const scenarios = files.map((file) => ({
  file,
  scenario: JSON.parse(readFileSync(new URL(file, dir), 'utf8')) as Scenario,
}));

function build(draft: HandoffDraft): HandoffV1 {
  const result = buildHandoff(draft, { training: true });
  assert.ok(result.ok, JSON.stringify(result.errors));
  return result.payload;
}

const clone = <T>(value: T): T => structuredClone(value);

describe('trainer scenarios', () => {
  it('has the six required situations, each a valid data file with a unique id', () => {
    const ids = scenarios.map((s) => s.scenario.id);
    assert.deepEqual(ids, [
      'hardware-specialist',
      'billing-escalation',
      'shift-change',
      'phone-no-pickup',
      'misrouted-email',
      'third-transfer',
    ]);
    for (const { file, scenario } of scenarios) assert.deepEqual(checkScenario(scenario, file), []);
  });

  for (const { scenario } of scenarios) {
    it(`${scenario.id}: the model answer scores full marks`, () => {
      const result = scoreHandoff(build(scenario.model!), scenario);
      const misses = result.criteria.filter((c) => c.verdict !== 'met').map((c) => `${c.id}: ${c.feedback.join(' ')}`);
      assert.deepEqual(misses, []);
      assert.equal(result.percent, 100);
    });

    it(`${scenario.id}: the model answer has nothing missing on the quality check either`, () => {
      assert.deepEqual(build(scenario.model!).quality, { score: 16, max: 16, missing: [] });
    });
  }
});

describe('scoreHandoff()', () => {
  const billing = scenarios.find((s) => s.scenario.id === 'billing-escalation')!.scenario;

  it('a careless handoff loses points, and the feedback names what was missed', () => {
    const draft = clone(billing.model!);
    draft.customer!.verification = { status: 'unverified' };
    draft.actions = [];
    draft.script!.customerInformed = false;
    draft.recap!.summary = 'Customer wants money back. Security answer Hillcrest.';
    draft.recap!.tried = [];
    delete draft.recap!.expectation;
    const result = scoreHandoff(build(draft), billing);
    const by = Object.fromEntries(result.criteria.map((c) => [c.id, c]));
    assert.equal(by.verification!.verdict, 'missed');
    assert.match(by.verification!.feedback[0]!, /was verified: carry it over/);
    assert.equal(by.actions!.verdict, 'missed');
    assert.equal(by.informed!.verdict, 'partial');
    assert.equal(by.recap!.verdict, 'missed');
    assert.match(by.recap!.feedback.join(' '), /leaves out “twice”.*leaves out “325”.*leaves out “rent”/);
    assert.equal(by.confidentiality!.verdict, 'missed');
    assert.match(by.confidentiality!.feedback[0]!, /“Hillcrest”/);
    assert.match(by.confidentiality!.feedback.at(-1)!, /security answers never leave/);
    assert.equal(by.reason!.verdict, 'met');
    assert.ok(result.percent < 50, String(result.percent));
  });

  it('a card number typed into the recap is masked by the payload core, so confidentiality holds', () => {
    const draft = clone(billing.model!);
    draft.recap!.summary += ' She asked to refund card 4539 1488 0343 6467.';
    const payload = build(draft);
    assert.ok(payload.redactions.length > 0);
    const confidentiality = scoreHandoff(payload, billing).criteria.find((c) => c.id === 'confidentiality')!;
    assert.equal(confidentiality.verdict, 'met');
  });

  it('finds a secret number written with other spacing, where no keyword gives it away to the masking', () => {
    const shift = scenarios.find((s) => s.scenario.id === 'shift-change')!.scenario;
    const draft = clone(shift.model!);
    draft.nextSteps = 'She read out 739 204 from her phone.';
    const confidentiality = scoreHandoff(build(draft), shift).criteria.find((c) => c.id === 'confidentiality')!;
    assert.equal(confidentiality.verdict, 'missed');
  });
});

describe('checkScenario()', () => {
  it('names each broken field and what it should be', () => {
    const broken = {
      id: 'Bad Id',
      title: '',
      situation: 'x',
      crm: {},
      expect: {
        reasonCodes: ['refund'],
        recapMentions: [],
        verification: 'maybe',
        actions: { min: 1, withDue: 2 },
        receiverTeam: [],
        confidential: 'no',
      },
      tips: { tone: 'x' },
    };
    const problems = checkScenario(broken, 'bad.json');
    for (const expected of [
      '"id" must be',
      '"title" is required',
      '"expect.reasonCodes" must list some of escalation',
      '"expect.recapMentions" must be a non-empty list',
      '"expect.verification" must be "verified" or "unverified"',
      'm ≤ n',
      '"expect.receiverTeam"',
      '"expect.confidential"',
      '"tips.tone" is not a criterion',
    ]) {
      assert.ok(
        problems.some((p) => p.startsWith('bad.json: ') && p.includes(expected)),
        `${expected} in ${problems.join('\n')}`,
      );
    }
    assert.deepEqual(checkScenario(null, 'x.json'), ['x.json: must be a JSON object']);
  });
});

describe("the rubric and the organisation's template", () => {
  const retailer = checkTemplate(
    JSON.parse(readFileSync(new URL('../../demo/templates/retailer.json', import.meta.url), 'utf8')),
  );
  const { scenario } = scenarios.find((s) => s.scenario.id === 'billing-escalation')!;

  it('holds the trainee to the required moves: a handoff without them loses points, with the reason', () => {
    const sent = build(scenario.model!);
    const plain = scoreHandoff(sent, scenario);
    const held = scoreHandoff(sent, scenario, retailer);
    assert.equal(plain.percent, 100);
    const reason = held.criteria.find((c) => c.id === 'reason')!;
    assert.equal(reason.verdict, 'partial');
    assert.ok(
      reason.feedback.includes(
        'Your organisation requires “I offered to resolve it myself before escalating” for this handoff.',
      ),
      reason.feedback.join(' | '),
    );
    assert.ok(held.points < held.max);
  });

  it('counts them met when the handoff makes them', () => {
    const draft = clone(scenario.model!);
    draft.extensions = { orderNumber: 'NW-1' };
    draft.checklist = { 'offered-de-escalation': true };
    draft.script = { ...draft.script, apologyGiven: true };
    const result = buildHandoff(draft, { training: true, template: retailer });
    assert.ok(result.ok, JSON.stringify(result.errors));
    const held = scoreHandoff(result.payload, scenario, retailer);
    assert.equal(held.percent, 100, JSON.stringify(held.criteria.filter((c) => c.verdict !== 'met')));
    assert.ok(held.max > scoreHandoff(result.payload, scenario).max);
  });
});
