import { expect } from '@open-wc/testing';
import { buildHandoff, validateHandoff, type BuildContext, type HandoffDraft } from '../../src/payload/index.js';
import { checkTemplate, TemplateError, type HandoffTemplate } from '../../src/template/index.js';
import { actionOrder, timingWarnings } from '../../src/timing/index.js';
import type { OpeningHours } from '../../src/directory/index.js';
import { FULL_DRAFT, FULL_PAYLOAD, clone } from '../fixtures/handoffs.js';

const load = async (name: string) => checkTemplate(await (await fetch(`/demo/templates/${name}.json`)).json());
const RETAILER = await load('retailer');
const BANK = await load('bank');
const NOW = new Date(FULL_PAYLOAD.createdAt);
const context = (template: HandoffTemplate, more: BuildContext = {}): BuildContext => ({
  id: FULL_PAYLOAD.id,
  now: () => NOW,
  template,
  ...more,
});

function problemsOf(value: unknown): string[] {
  try {
    checkTemplate(value);
  } catch (error) {
    expect(error).to.be.instanceOf(TemplateError);
    return (error as TemplateError).problems;
  }
  throw new Error('expected the template to be refused');
}

/** What the bank's template asks of a specialist handoff on the phone. */
const BANK_READY = (d: HandoffDraft) => {
  d.reason = { code: 'specialist', detail: FULL_DRAFT.reason!.detail };
  d.extensions = { policyReference: 'CP-7.2', vulnerableCustomer: 'no' };
  d.checklist = { 'read-data-protection': true };
  d.script = { ...d.script, apologyGiven: true };
};

const draftWith = (change: (d: HandoffDraft) => void): HandoffDraft => {
  const draft = clone(FULL_DRAFT);
  change(draft);
  return draft;
};

describe('checkTemplate', () => {
  it('accepts the demo templates', () => {
    expect(RETAILER.id).to.equal('northwind-retail');
    expect(BANK.fields).to.have.length(4);
  });

  it('refuses a key that shadows a built-in field, naming the key', () => {
    const problems = problemsOf({ id: 'x', fields: [{ key: 'summary', label: 'Summary', type: 'text' }] });
    expect(problems).to.have.length(1);
    expect(problems[0]).to.match(/^template\.fields\[0\]\.key: "summary" is the name of a built-in handoff field/);
  });

  it('refuses making a contract move optional, and the fallback optional on the phone', () => {
    const problems = problemsOf({
      id: 'x',
      optional: [
        { check: 'recap-summary' },
        { check: 'fallback-number' },
        { check: 'fallback-number', channels: ['email'] },
      ],
    });
    expect(problems).to.deep.equal([
      'template.optional[0].check: "recap-summary" is part of the handoff contract: it cannot be optional',
      'template.optional[1].check: "fallback-number" is part of the handoff contract on the phone: it cannot be optional',
    ]);
  });

  it('lists every problem at once, each by its key', () => {
    const problems = problemsOf({
      id: '',
      colour: 'red',
      fields: [
        { key: 'Order', label: {}, type: 'dropdown' },
        { key: 'size', label: 'Size', type: 'choice' },
        { key: 'size', label: 'Size again', type: 'text', section: 'elsewhere', required: 'yes' },
      ],
      checklist: [{ id: 'apology-given', label: 'Apologised' }],
      required: [{ check: 'unknown-move' }, { check: 'apology-given', channels: ['fax'] }],
      optional: [{ check: 'apology-given' }],
      timing: { minimumNoticeMinutes: -5 },
    });
    const keys = problems.map((p) => p.split(':')[0]);
    expect(keys).to.deep.equal([
      'template.colour',
      'template.id',
      'template.fields[0].key',
      'template.fields[0].label',
      'template.fields[0].type',
      'template.fields[1].options',
      'template.fields[2].key',
      'template.fields[2].section',
      'template.fields[2].required',
      'template.checklist[0].id',
      'template.required[0].check',
      'template.required[1].channels[0]',
      'template.optional[0].check',
      'template.timing.minimumNoticeMinutes',
    ]);
    expect(() => checkTemplate({ id: 'x', fields: 'none' })).to.throw(
      TemplateError,
      /template\.fields: must be a list/,
    );
  });
});

describe('a template in buildHandoff', () => {
  it('types the custom fields into extensions, with the checklist as ticked', () => {
    const draft = draftWith((d) => {
      d.reason = { code: 'specialist', detail: FULL_DRAFT.reason!.detail };
      d.extensions = { orderNumber: '  NW-204518 ', orderValue: '54,99', returnMethod: 'courier' };
      d.checklist = { 'offered-de-escalation': true };
      d.script = { ...d.script, apologyGiven: true };
    });
    const result = buildHandoff(draft, context(RETAILER));
    expect(JSON.stringify(result.errors)).to.equal(undefined);
    expect(result.payload!.extensions).to.deep.equal({
      orderNumber: 'NW-204518',
      orderValue: 54.99,
      returnMethod: 'courier',
    });
    expect(result.payload!.template).to.deep.equal({
      id: 'northwind-retail',
      version: '2026-12',
      checklist: [
        { id: 'offered-de-escalation', label: 'I offered to resolve it myself before escalating', checked: true },
      ],
    });
    expect(validateHandoff(result.payload)).to.deep.equal([]);
  });

  it('requires moves per reason and channel, at the field to fix', () => {
    const escalation = draftWith((d) => {
      d.reason = { code: 'escalation', detail: FULL_DRAFT.reason!.detail };
      d.channel = 'phone';
      d.script = { ...d.script, apologyGiven: false };
    });
    const errors = buildHandoff(escalation, context(RETAILER)).errors!;
    expect(errors.map((e) => e.path)).to.deep.equal([
      'extensions.orderNumber',
      'checklist.offered-de-escalation',
      'script.apologyGiven',
    ]);
    expect(errors[0]!.message).to.equal(
      "Order number: your organisation's handoff template requires this before you send.",
    );
    const byEmail = draftWith((d) => {
      d.reason = { code: 'other', detail: FULL_DRAFT.reason!.detail };
      d.channel = 'email';
    });
    expect(buildHandoff(byEmail, context(RETAILER)).ok).to.equal(true);
  });

  it('masks a card number typed in a custom text field and refuses one in a number field', () => {
    const draft = draftWith((d) => {
      BANK_READY(d);
      d.extensions = { policyReference: 'CP-7.2 card 4111 1111 1111 1111', vulnerableCustomer: 'no' };
    });
    const built = buildHandoff(draft, context(BANK));
    expect(JSON.stringify(built.errors)).to.equal(undefined);
    const payload = built.payload!;
    expect(payload.extensions!.policyReference).to.not.contain('4111 1111');
    expect(payload.extensions!.vulnerableCustomer).to.equal(false);
    expect(payload.redactions).to.deep.include({ field: 'extensions.policyReference', kind: 'card-number' });
    const errors = buildHandoff(
      draftWith((d) => (d.extensions = { orderValue: '4111.1111.1111.1111' })),
      context(RETAILER),
    ).errors!;
    expect(errors.find((e) => e.path === 'extensions.orderValue')?.code).to.equal('card-number-in-identifier');
  });

  it('keeps the fields of a draft saved under an older template', () => {
    const draft = draftWith((d) => {
      BANK_READY(d);
      d.extensions = { orderNumber: 'NW-1', giftWrap: true, oldNote: 'Customer prefers mornings' };
      d.checklist = { 'no-longer-listed': true, 'read-data-protection': true };
    });
    const extensions = buildHandoff(draft, context(BANK, {})).payload?.extensions;
    // The bank's own fields are required: the draft is refused until they are filled, never emptied.
    expect(extensions).to.equal(undefined);
    draft.extensions!.policyReference = 'CP-7.2';
    draft.extensions!.vulnerableCustomer = 'yes';
    expect(buildHandoff(draft, context(BANK)).payload!.extensions).to.deep.equal({
      policyReference: 'CP-7.2',
      vulnerableCustomer: true,
      orderNumber: 'NW-1',
      giftWrap: true,
      oldNote: 'Customer prefers mornings',
    });
  });

  it('validateHandoff refuses extensions the schema does not allow', () => {
    const payload = { ...clone(FULL_PAYLOAD), extensions: { 'Bad Key': 'x', nested: { a: 1 }, big: 4111111111111111 } };
    expect(validateHandoff(payload).map((e) => e.path)).to.deep.equal([
      'extensions.Bad Key',
      'extensions.nested',
      'extensions.big',
    ]);
  });
});

describe('timing warnings', () => {
  const LONDON: OpeningHours = {
    timeZone: 'Europe/London',
    weekly: { tue: ['09:00-17:00'], wed: ['09:00-17:00'], thu: ['09:00-17:00'] },
  };
  // Tuesday 24 November 2026, 16:50 in London.
  const now = Date.parse('2026-11-24T16:50:00Z');

  it('marks a past due time, one before the receiver opens, and a follow-up outside their hours', () => {
    const warnings = timingWarnings(
      {
        actions: [
          { text: 'Refund', owner: 'receiver', due: '2026-11-24T16:00:00Z' },
          { text: 'Call back', owner: 'receiver', due: '2026-11-25T08:30:00Z' },
          { text: 'Send photo', owner: 'customer', due: '2026-11-25T08:30:00Z' },
          { text: 'Check', owner: 'receiver', due: '2026-11-25T10:00:00Z' },
        ],
        followUp: { at: '2026-11-25T20:00:00Z', by: 'receiver' },
      },
      { now, hours: LONDON, minimumNoticeMinutes: 30 },
    );
    expect(warnings).to.deep.equal([
      { field: 'actions[0].due', kind: 'past' },
      // 30 minutes' notice at 16:50: ten before they close, twenty after they open.
      { field: 'actions[1].due', kind: 'before-receiver-can-act', canActAt: '2026-11-25T09:20:00.000Z' },
      { field: 'followUp.at', kind: 'outside-hours', canActAt: '2026-11-26T09:00:00.000Z' },
    ]);
  });

  it('records the warnings in the payload with the template notice', () => {
    const draft = draftWith((d) => (d.actions = [{ text: 'Refund', owner: 'receiver', due: '2026-11-24T09:45:00Z' }]));
    const payload = buildHandoff(draft, { now: () => NOW }).payload!;
    expect(payload.timing).to.equal(undefined);
    const bankDraft = draftWith((d) => {
      BANK_READY(d);
      d.actions = [{ text: 'Refund', owner: 'receiver', due: '2026-11-24T09:45:00Z' }];
    });
    const result = buildHandoff(bankDraft, context(BANK));
    expect(JSON.stringify(result.errors)).to.equal(undefined);
    const timed = result.payload!;
    expect(timed.timing).to.deep.equal([
      { field: 'actions[0].due', kind: 'before-receiver-can-act', canActAt: '2026-11-24T11:30:00.000Z' },
    ]);
    expect(validateHandoff(timed)).to.deep.equal([]);
  });

  it('orders actions by due time, so overdue ones first, the undated last', () => {
    const order = actionOrder([
      { due: '2026-11-25T10:00:00Z' },
      {},
      { due: '2026-11-24T12:00:00Z' },
      { due: '2026-11-24T10:00:00Z' },
    ]);
    expect(order).to.deep.equal([3, 2, 0, 1]);
  });
});

describe('what a hostile template, paste or prefill does', () => {
  it('refuses a required no-secrets-typed, control characters, and allows required and optional on other channels', () => {
    const problems = problemsOf({
      id: 'x\u0007',
      required: [{ check: 'no-secrets-typed' }, { check: 'fallback-number', channels: ['chat'] }],
      optional: [{ check: 'fallback-number', channels: ['email'] }],
    });
    expect(problems).to.deep.equal([
      'template.id: contains control characters or broken Unicode; remove them',
      'template.required[0].check: "no-secrets-typed" is always enforced by masking; it cannot be required',
    ]);
  });

  it('a label with brackets or braces is written as it is, and sending never throws on it', () => {
    const template = checkTemplate({
      id: 'x',
      fields: [{ key: 'notes', label: 'Notes [internal] {GBP', type: 'text', required: true }],
    });
    const errors = buildHandoff(FULL_DRAFT, context(template)).errors!;
    expect(errors[0]!.message).to.equal(
      "Notes [internal] {GBP: your organisation's handoff template requires this before you send.",
    );
  });

  it('numbers: a thousands separator is asked about, card digits in a number are refused however given', () => {
    const numbers = checkTemplate({ id: 'x', fields: [{ key: 'amount', label: 'Amount', type: 'number' }] });
    const codeOf = (amount: unknown) =>
      buildHandoff(
        draftWith((d) => (d.extensions = { amount } as never)),
        context(numbers),
      ).errors?.[0]?.code;
    expect(codeOf('1,234')).to.equal('ambiguous-number');
    expect(codeOf('0.125')).to.equal(undefined);
    expect(codeOf(411111111111.1111)).to.equal('card-number-in-identifier');
    expect(codeOf(4111111111111111)).to.equal('card-number-in-identifier');
    expect(codeOf(1234567890123)).to.equal('not-a-number');
    // A host's computed number keeps its binary tail; a payload's number is checked by size, as the schema does.
    expect(codeOf(19.99 * 3)).to.equal(undefined);
    expect(validateHandoff({ ...clone(FULL_PAYLOAD), extensions: { amount: 0.1 + 0.2 } })).to.deep.equal([]);
  });

  it('fields emptied under an older template neither count nor block; too many is said at one the agent can clear', () => {
    const empties = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`old${i}`, '']));
    const ok = buildHandoff(
      draftWith((d) => (d.extensions = { ...empties, kept: 'x' })),
      { now: () => NOW },
    );
    expect(ok.payload?.extensions).to.deep.equal({ kept: 'x' });
    const full = Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`old${i}`, 'x']));
    const errors = buildHandoff(
      draftWith((d) => (d.extensions = full)),
      { now: () => NOW },
    ).errors!;
    expect(errors.map((e) => [e.path, e.code])).to.deep.equal([['extensions.old0', 'too-many']]);
  });

  it('null is not an absent extensions, template or timing in a payload', () => {
    for (const key of ['extensions', 'template', 'timing'])
      expect(validateHandoff({ ...clone(FULL_PAYLOAD), [key]: null }).map((e) => e.path)).to.deep.equal([key]);
  });
});

describe('timing: whose time, and from when', () => {
  const LONDON: OpeningHours = { timeZone: 'Europe/London', weekly: { tue: ['09:00-17:00'], wed: ['09:00-17:00'] } };

  it("a follow-up the sender makes is not held to the receiver's hours", () => {
    const followUp = { at: '2026-11-24T20:00:00Z', by: 'sender' as const };
    expect(timingWarnings({ followUp }, { now: Date.parse('2026-11-24T10:00:00Z'), hours: LONDON })).to.deep.equal([]);
  });

  it('the notice is working time: what a closing leaves of it carries over to the next opening', () => {
    // Tuesday 16:00 in London, open until 17:00; two hours' notice ends at 10:00 on Wednesday.
    const context = { now: Date.parse('2026-11-24T16:00:00Z'), hours: LONDON, minimumNoticeMinutes: 120 };
    const warnings = timingWarnings(
      { actions: [{ text: 'Refund', owner: 'receiver', due: '2026-11-25T09:30:00Z' }] },
      context,
    );
    expect(warnings).to.deep.equal([
      { field: 'actions[0].due', kind: 'before-receiver-can-act', canActAt: '2026-11-25T10:00:00.000Z' },
    ]);
  });

  it('the notice is working time: counted from when the receiver opens', () => {
    // Tuesday 07:00 in London; they open at 09:00 and need two hours.
    const context = { now: Date.parse('2026-11-24T07:00:00Z'), hours: LONDON, minimumNoticeMinutes: 120 };
    const warnings = timingWarnings(
      { actions: [{ text: 'Refund', owner: 'receiver', due: '2026-11-24T09:30:00Z' }] },
      context,
    );
    expect(warnings).to.deep.equal([
      { field: 'actions[0].due', kind: 'before-receiver-can-act', canActAt: '2026-11-24T11:00:00.000Z' },
    ]);
  });
});
