// The payload contract's per-field limits guarantee that every valid handoff fits the receiver: the
// largest one possible (every list full, every string at its limit in 4-byte characters) is built here,
// checked by the SDK's validator and the JSON Schema, and accepted by the reference receiver over HTTP.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { LIMITS, validateHandoff, type HandoffV1 } from '../../src/payload/index.js';
import { FULL_PAYLOAD, clone } from '../fixtures/handoffs.js';
import { post, startReceiver, type Running } from './receiver-helpers.js';
// @ts-expect-error -- plain JavaScript module without declarations
import { MAX_BODY } from '../../receiver/receiver.mjs';

/** `n` code points of the widest kind UTF-8 has: 4 bytes each. */
const wide = (n: number) => '😀'.repeat(n);
const list = <T>(n: number, make: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => make(i));

function largestHandoff(): HandoffV1 {
  const text = wide(LIMITS.text);
  const short = wide(LIMITS.short);
  const at = `2026-11-24T09:12:00.${'0'.repeat(38)}+00:00`;
  const payload = clone(FULL_PAYLOAD);
  return {
    ...payload,
    id: crypto.randomUUID(),
    reason: { code: 'escalation', detail: text },
    case: { id: short, url: `https://crm.example.com/${'a'.repeat(LIMITS.text - 24)}` },
    customer: {
      name: short,
      accountId: short,
      contact: { phone: '+442079460958', email: `${wide(240)}@example.com` },
      verification: { status: 'verified', method: 'other', methodDetail: text, by: short, at },
      language: 'en-GB',
    },
    from: { agentId: short, name: short, team: short, callback: '+442079460000' },
    to: { agentId: short, name: short, team: short, expertise: text },
    recap: { summary: wide(LIMITS.summary), tried: list(LIMITS.tried, () => text), expectation: text },
    actions: list(LIMITS.actions, () => ({ text, owner: 'receiver' as const, due: at })),
    nextSteps: text,
    followUp: { at, by: 'receiver', note: text },
    script: { managingUp: text, customerInformed: true, apologyGiven: true, detailsConfirmed: true },
    contingency: {
      fallback: { phone: '+442079460100', name: short, hours: text },
      ifUnavailable: 'callback',
      plans: list(LIMITS.plans, () => ({ if: text, then: text })),
      note: text,
    },
    transfer: { count: 3, flagged: true, priorHandoffIds: list(LIMITS.priorHandoffIds, () => short) },
    redactions: list(LIMITS.redactions, (i) => ({
      field: `f${String(i).padStart(3, '0')}${'x'.repeat(96)}`,
      kind: 'card-number' as const,
      count: 99_999,
    })),
    client: { sdk: `handoff-panel@${wide(40)}`, locale: short },
    extensions: Object.fromEntries(
      list(LIMITS.extensions, (i) => [`field${i}${'x'.repeat(56)}`, wide(LIMITS.extensionText)]),
    ),
    template: {
      id: short,
      version: short,
      checklist: list(LIMITS.checklist, (i) => ({ id: `item${i}${'x'.repeat(58)}`, label: short, checked: true })),
    },
    timing: list(LIMITS.timing, (i) => ({
      field: `f${String(i).padStart(3, '0')}${'x'.repeat(96)}`,
      kind: 'before-receiver-can-act' as const,
      canActAt: at,
    })),
  };
}

describe('payload size limits', () => {
  let server: Running;
  before(async () => (server = await startReceiver()));
  after(() => server.stop());

  it('the largest valid handoff is valid, under the receiver’s limit, and accepted', async () => {
    const payload = largestHandoff();
    assert.deepEqual(validateHandoff(payload), []);
    const bytes = Buffer.byteLength(JSON.stringify(payload));
    console.log(
      `largest valid handoff: ${bytes} bytes of JSON (${(bytes / 1048576).toFixed(2)} MiB; limit ${MAX_BODY})`,
    );
    assert.ok(bytes <= 0.7 * MAX_BODY, `${bytes} bytes`);
    const res = await post(`${server.url}/handoffs`, JSON.stringify(payload), { 'Idempotency-Key': payload.id });
    assert.equal(res.status, 201, await res.clone().text());
  });

  it('one entry over any list limit, or a control character, is invalid', () => {
    const over = largestHandoff();
    over.recap.tried.push('one more');
    assert.equal(validateHandoff(over)[0]?.code, 'too-many');
    const control = clone(FULL_PAYLOAD);
    control.recap.summary = 'Line one\u0000 line two';
    assert.deepEqual(
      validateHandoff(control).map((e) => [e.path, e.code]),
      [['recap.summary', 'bad-characters']],
    );
    const surrogate = clone(FULL_PAYLOAD);
    surrogate.customer.name = 'Ada \uD800';
    assert.deepEqual(
      validateHandoff(surrogate).map((e) => [e.path, e.code]),
      [['customer.name', 'bad-characters']],
    );
  });
});
