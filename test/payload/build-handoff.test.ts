import { expect } from '@open-wc/testing';
import {
  buildHandoff,
  validateHandoff,
  type BuildContext,
  type HandoffDraft,
  type HandoffV1,
} from '../../src/payload/index.js';
import {
  CHANNELS,
  MODES,
  PRIORITIES,
  REASON_CODES,
  VERIFICATION_STATUSES,
  ACTION_OWNERS,
  IF_UNAVAILABLE,
  FOLLOW_UP_BY,
} from '../../src/payload/types.js';
import { FULL_DRAFT, FULL_PAYLOAD, clone } from '../fixtures/handoffs.js';

const FIXED: BuildContext = { id: FULL_PAYLOAD.id, now: () => new Date(FULL_PAYLOAD.createdAt) };

function build(draft: unknown, context: BuildContext = FIXED): HandoffV1 {
  const result = buildHandoff(draft as HandoffDraft, context);
  if (!result.ok) throw new Error(`expected a payload, got errors: ${JSON.stringify(result.errors)}`);
  return result.payload;
}

function errorsOf(draft: unknown, context: BuildContext = FIXED) {
  const result = buildHandoff(draft as HandoffDraft, context);
  expect(result.ok, 'expected field errors').to.equal(false);
  return result.errors!;
}

const withChange = (change: (d: any) => void): HandoffDraft => {
  const draft = clone(FULL_DRAFT);
  change(draft);
  return draft;
};

describe('buildHandoff: valid drafts', () => {
  it('builds the full payload: normalised phones, generated fields, no redactions', () => {
    expect(build(FULL_DRAFT)).to.deep.equal(FULL_PAYLOAD);
  });

  it('a built payload always passes validateHandoff', () => {
    expect(validateHandoff(build(FULL_DRAFT))).to.deep.equal([]);
  });

  it('generates a UUID v4 id and the current time when none is injected', () => {
    const before = Date.now();
    const p = build(FULL_DRAFT, {});
    expect(p.id).to.match(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(Date.parse(p.createdAt)).to.be.within(before, Date.now());
    expect(build(FULL_DRAFT, {}).id).not.to.equal(p.id);
  });

  it('records the SDK and locale, and the training flag from the context', () => {
    const p = build(FULL_DRAFT, { ...FIXED, locale: 'es', training: true });
    expect(p.client).to.deep.equal({ sdk: 'handoff-panel@0.1.0', locale: 'es' });
    expect(p.training).to.equal(true);
  });

  it('defaults priority, transfer count, lists and checklist flags that a draft leaves out', () => {
    const p = build(
      withChange((d) => {
        delete d.priority;
        delete d.transfer;
        delete d.actions;
        delete d.recap.tried;
        d.script = { managingUp: 'Dana is great.' };
      }),
    );
    expect(p.priority).to.equal('normal');
    expect(p.transfer).to.deep.equal({ count: 1, flagged: false });
    expect(p.actions).to.deep.equal([]);
    expect(p.recap.tried).to.deep.equal([]);
    expect(p.script).to.deep.equal({
      managingUp: 'Dana is great.',
      customerInformed: false,
      apologyGiven: false,
      detailsConfirmed: false,
    });
  });

  it('trims text and leaves blank optional fields and blank rows out', () => {
    const p = build(
      withChange((d) => {
        d.recap.summary = '  Double charge  ';
        d.nextSteps = '   ';
        d.customer.accountId = '';
        d.recap.tried = ['', 'Checked history', '  '];
        d.actions = [
          { text: '', due: '' },
          { text: 'Refund', owner: 'receiver' },
        ];
        d.followUp = { at: '', note: '' };
      }),
    );
    expect(p.recap.summary).to.equal('Double charge');
    expect(p).not.to.have.property('nextSteps');
    expect(p.customer).not.to.have.property('accountId');
    expect(p.recap.tried).to.deep.equal(['Checked history']);
    expect(p.actions).to.deep.equal([{ text: 'Refund', owner: 'receiver' }]);
    expect(p).not.to.have.property('followUp');
  });

  it('flags the contact for the priority lane from the second transfer', () => {
    expect(build(withChange((d) => (d.transfer = { count: 1 }))).transfer.flagged).to.equal(false);
    expect(build(withChange((d) => (d.transfer = { count: 2 }))).transfer.flagged).to.equal(true);
    expect(build(withChange((d) => (d.transfer = { count: 5, priorHandoffIds: ['H-1'] }))).transfer).to.deep.equal({
      count: 5,
      flagged: true,
      priorHandoffIds: ['H-1'],
    });
  });

  it('honours a configured flag threshold', () => {
    const draft = withChange((d) => (d.transfer = { count: 2 }));
    expect(build(draft, { ...FIXED, flagThreshold: 3 }).transfer.flagged).to.equal(false);
    expect(
      build(
        withChange((d) => (d.transfer = { count: 3 })),
        { ...FIXED, flagThreshold: 3 },
      ).transfer.flagged,
    ).to.equal(true);
  });

  it('accepts numeric ids from the host and a transfer count typed as text', () => {
    const p = build(
      withChange((d) => {
        d.case.id = 10442;
        d.transfer = { count: '2' };
      }),
    );
    expect(p.case.id).to.equal('10442');
    expect(p.transfer.count).to.equal(2);
  });

  it('needs no contingency off the phone channel, and drops an empty one', () => {
    const p = build(
      withChange((d) => {
        d.channel = 'chat';
        d.contingency = { fallback: { phone: '' }, plans: [], note: '' };
      }),
    );
    expect(p).not.to.have.property('contingency');
  });

  it('carries XSS-looking strings verbatim as data', () => {
    const nasty = '<script>alert("x")</script> <img src=x onerror=alert(1)> {{constructor}} ${1+1} \u202Eevil';
    const p = build(
      withChange((d) => {
        d.recap.summary = nasty;
        d.customer.name = '<b>Robert"); DROP TABLE customers;--</b>';
        d.to.expertise = nasty;
      }),
    );
    expect(p.recap.summary).to.equal(nasty.trim());
    expect(p.customer.name).to.equal('<b>Robert"); DROP TABLE customers;--</b>');
    expect(p.to.expertise).to.equal(nasty.trim());
  });

  for (const [field, values] of Object.entries({ mode: MODES, channel: CHANNELS, priority: PRIORITIES })) {
    it(`accepts every ${field}`, () => {
      for (const value of values) {
        const draft = withChange((d) => (d[field] = value));
        expect(build(draft)[field as 'mode']).to.equal(value);
      }
    });
  }

  const nestedEnums: [string, readonly string[], (d: any, v: string) => void, (p: HandoffV1) => string | undefined][] =
    [
      ['reason.code', REASON_CODES, (d, v) => (d.reason.code = v), (p) => p.reason.code],
      [
        'customer.verification.status',
        VERIFICATION_STATUSES,
        (d, v) => (d.customer.verification.status = v),
        (p) => p.customer.verification.status,
      ],
      ['actions[].owner', ACTION_OWNERS, (d, v) => (d.actions[0].owner = v), (p) => p.actions[0]?.owner],
      ['followUp.by', FOLLOW_UP_BY, (d, v) => (d.followUp.by = v), (p) => p.followUp?.by],
      [
        'contingency.ifUnavailable',
        IF_UNAVAILABLE,
        (d, v) => (d.contingency.ifUnavailable = v),
        (p) => p.contingency?.ifUnavailable,
      ],
    ];
  for (const [field, values, set, get] of nestedEnums) {
    it(`accepts every ${field} and rejects an unknown one`, () => {
      for (const value of values) expect(get(build(withChange((d) => set(d, value))))).to.equal(value);
      const errors = errorsOf(withChange((d) => set(d, 'nonsense')));
      expect(errors).to.have.length(1);
      expect(errors[0]!.code).to.equal('not-one-of');
      expect(errors[0]!.message).to.contain(values.join(', '));
    });
  }
});

describe('buildHandoff: field errors', () => {
  const required: [string, (d: any) => void, string][] = [
    ['mode', (d) => delete d.mode, 'Handoff mode is required.'],
    ['channel', (d) => delete d.channel, 'Channel is required.'],
    ['reason.code', (d) => delete d.reason.code, 'Reason is required.'],
    ['reason.detail', (d) => (d.reason.detail = '  '), "Why I can't resolve it is required."],
    ['case.id', (d) => delete d.case.id, 'Case id is required.'],
    ['customer.name', (d) => (d.customer.name = ''), 'Customer name is required.'],
    ['customer.verification.status', (d) => delete d.customer.verification.status, 'Verified is required.'],
    ['customer.verification.method', (d) => delete d.customer.verification.method, 'Verification method is required.'],
    ['from.agentId', (d) => delete d.from.agentId, 'Your agent id is required.'],
    ['from.name', (d) => delete d.from.name, 'Your name is required.'],
    ['to.team', (d) => delete d.to.team, 'Receiver team is required.'],
    ['recap.summary', (d) => (d.recap.summary = ''), 'Summary is required.'],
    ['actions[1].text', (d) => (d.actions[1].text = ''), 'Action 2 is required.'],
    ['followUp.at', (d) => delete d.followUp.at, 'Follow-up time is required.'],
    ['followUp.by', (d) => delete d.followUp.by, 'Who follows up is required.'],
    ['script.managingUp', (d) => (d.script.managingUp = ''), 'Managing-up script is required.'],
    ['contingency', (d) => delete d.contingency, 'Contingency is required.'],
    ['contingency.fallback.phone', (d) => (d.contingency.fallback.phone = ''), 'Fallback contact number is required.'],
    [
      'contingency.ifUnavailable',
      (d) => delete d.contingency.ifUnavailable,
      'If the receiver is unavailable is required.',
    ],
    ['contingency.plans[0].then', (d) => (d.contingency.plans[0].then = ''), 'Contingency plan 1 (then) is required.'],
    ['case', (d) => delete d.case, 'Case is required.'],
    ['customer', (d) => delete d.customer, 'Customer is required.'],
    ['from', (d) => delete d.from, 'Sender is required.'],
    ['to', (d) => delete d.to, 'Receiver is required.'],
    ['recap', (d) => delete d.recap, 'Recap is required.'],
    ['reason', (d) => delete d.reason, 'Reason is required.'],
  ];
  for (const [path, change, message] of required) {
    it(`reports ${path} as required`, () => {
      const errors = errorsOf(withChange(change));
      const error = errors.find((e) => e.path === path);
      expect(error, JSON.stringify(errors)).to.exist;
      expect(error!.code).to.equal('required');
      expect(error!.message).to.equal(message);
    });
  }

  it('reports every problem at once, each at its own field', () => {
    const errors = errorsOf({
      channel: 'phone',
      recap: { summary: '' },
      customer: { verification: { status: 'verified' } },
    });
    const paths = errors.map((e) => e.path);
    expect(paths).to.include.members([
      'mode',
      'reason',
      'case',
      'customer.name',
      'customer.verification.method',
      'from',
      'to',
      'recap.summary',
      'script.managingUp',
      'contingency',
    ]);
  });

  it('enforces the length limits with the numbers in the message', () => {
    const long = errorsOf(withChange((d) => (d.recap.summary = 'a'.repeat(4001))));
    expect(long[0]).to.include({ path: 'recap.summary', code: 'too-long' });
    expect(long[0]!.message).to.equal('Summary is too long: 4001 characters, the limit is 4000.');
    expect(build(withChange((d) => (d.recap.summary = 'a'.repeat(4000)))).recap.summary).to.have.length(4000);
    expect(errorsOf(withChange((d) => (d.nextSteps = 'b'.repeat(2001))))[0]).to.include({
      path: 'nextSteps',
      code: 'too-long',
    });
    expect(errorsOf(withChange((d) => (d.recap.tried = ['ok', 'c'.repeat(2001)])))[0]).to.include({
      path: 'recap.tried[1]',
      code: 'too-long',
    });
  });

  it('allows 20 actions and rejects 21 (limits that keep every handoff under the receiver’s 1 MiB)', () => {
    const actions = (n: number) => Array.from({ length: n }, (_, i) => ({ text: `Step ${i + 1}`, owner: 'sender' }));
    expect(build(withChange((d) => (d.actions = actions(20)))).actions).to.have.length(20);
    const [error] = errorsOf(withChange((d) => (d.actions = actions(21))));
    expect(error).to.include({ path: 'actions', code: 'too-many' });
    expect(error!.message).to.equal('Actions has 21 entries; the limit is 20.');
  });

  it('drops control characters a paste brings, and turns an unpaired surrogate into U+FFFD', () => {
    const payload = build(
      withChange((d) => {
        d.recap.summary = 'Charged\u0007 twice\u0000 for November.\r\n\tThen again.';
        d.customer.name = 'Amara \uD800Okafor';
        d.to.expertise = '\u0001\u0002';
      }),
    );
    expect(payload.recap.summary).to.equal('Charged twice for November.\r\n\tThen again.');
    expect(payload.customer.name).to.equal('Amara \uFFFDOkafor');
    expect(payload.to).not.to.have.property('expertise');
  });

  it('writes a pasted case address with spaces or accents as its URI', () => {
    expect(build(withChange((d) => (d.case.url = 'https://crm.example.com/casos/añadir nota'))).case.url).to.equal(
      'https://crm.example.com/casos/a%C3%B1adir%20nota',
    );
  });

  it('lists each field’s maskings once, with a count', () => {
    const payload = build(
      withChange((d) => (d.recap.summary = 'Cards 4111 1111 1111 1111 and 5555 5555 5555 4444 read out.')),
    );
    expect(payload.redactions).to.deep.equal([{ field: 'recap.summary', kind: 'card-number', count: 2 }]);
  });

  it('rejects dates that are not ISO date-times with a zone', () => {
    for (const bad of [
      'tomorrow',
      '2026-11-25',
      '2026-11-25 17:00',
      '2026-11-25T17:00:00',
      '2026-13-01T00:00:00Z',
      '2026-02-29T10:00:00Z',
      '2026-11-25T24:00:00Z',
    ]) {
      const [error] = errorsOf(withChange((d) => (d.actions[0].due = bad)));
      expect(error, bad).to.include({ path: 'actions[0].due', code: 'not-a-date-time' });
      expect(error!.message).to.equal(
        'Due time of action 1 must be a date and time with a time zone, like 2026-11-24T15:30:00Z.',
      );
    }
    expect(build(withChange((d) => (d.actions[0].due = '2028-02-29T23:59:59.999+05:30'))).actions[0]!.due).to.equal(
      '2028-02-29T23:59:59.999+05:30',
    );
  });

  it('rejects a case link that is not http(s)', () => {
    for (const bad of ['javascript:alert(1)', 'ftp://x.example', 'crm/cases/1', 'data:text/html,hi']) {
      expect(errorsOf(withChange((d) => (d.case.url = bad)))[0], bad).to.include({
        path: 'case.url',
        code: 'not-a-url',
      });
    }
  });

  it('rejects a malformed email and language tag', () => {
    expect(errorsOf(withChange((d) => (d.customer.contact.email = 'amara at example')))[0]).to.include({
      path: 'customer.contact.email',
      code: 'not-an-email',
    });
    expect(errorsOf(withChange((d) => (d.customer.language = 'English')))[0]).to.include({
      path: 'customer.language',
      code: 'not-a-language',
    });
  });

  it('rejects wrong types with a message, without throwing', () => {
    const errors = errorsOf(
      withChange((d) => {
        d.recap.summary = { text: 'hi' };
        d.actions = 'call back';
        d.script.apologyGiven = 'yes';
        d.transfer = { count: -1 };
        d.customer = 'Amara';
      }),
    );
    expect(errors.map((e) => [e.path, e.code])).to.deep.include.members([
      ['recap.summary', 'not-text'],
      ['actions', 'not-a-list'],
      ['script.apologyGiven', 'not-a-boolean'],
      ['transfer.count', 'not-a-count'],
      ['customer', 'not-an-object'],
    ]);
  });

  it('names unknown fields so a typo in a host prefill is caught', () => {
    const errors = errorsOf(
      withChange((d) => {
        d.custmer = { name: 'x' };
        d.to.nmae = 'Dana';
      }),
    );
    expect(errors.map((e) => e.message)).to.deep.equal([
      '"custmer" is not a field of a handoff; check its spelling.',
      '"nmae" is not a field of a handoff; check its spelling.',
    ]);
  });

  it('rejects non-objects at the top level', () => {
    for (const bad of [undefined, null, 'draft', 42, [1, 2]]) {
      const result = buildHandoff(bad as unknown as HandoffDraft);
      expect(result.ok).to.equal(false);
      expect(result.errors![0]!.path).to.equal('');
    }
  });

  it('takes replacement messages and labels (localisation)', () => {
    const [error] = errorsOf(
      withChange((d) => (d.recap.summary = '')),
      {
        ...FIXED,
        messages: { required: 'El campo «{field}» es obligatorio.' },
        fieldLabels: { 'recap.summary': 'Resumen' },
      },
    );
    expect(error!.message).to.equal('El campo «Resumen» es obligatorio.');
  });
});
