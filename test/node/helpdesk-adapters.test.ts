// The helpdesk adapters against local servers that check each vendor's documented request shape and
// answer as it does: a private note added once, found again instead of added twice (after a retry
// whose answer was lost, or by a second process), rate limits waited out, refusals not retried.
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
// @ts-expect-error -- plain JavaScript modules without declarations
import * as helpdesks from '../../receiver/helpdesk/index.mjs';
import { toNote } from '../../src/notes/index.js';
import type { HandoffV1 } from '../../src/payload/index.js';
import { FULL_PAYLOAD, clone } from '../fixtures/handoffs.js';

const { createNoteForwarder, freshdeskAdapter, salesforceAdapter, zendeskAdapter } = helpdesks;
import { post, startReceiver } from './receiver-helpers.js';
import { CREDENTIALS, TICKETS, startFakeHelpdesk, type FakeHelpdesk, type Vendor } from './fake-helpdesks.js';

const ADAPTERS: Record<Vendor, (baseUrl: string, overrides?: object) => unknown> = {
  zendesk: (baseUrl, o) => zendeskAdapter({ baseUrl, ...CREDENTIALS.zendesk, ...o }),
  salesforce: (baseUrl, o) => salesforceAdapter({ baseUrl, ...CREDENTIALS.salesforce, ...o }),
  freshdesk: (baseUrl, o) => freshdeskAdapter({ baseUrl, ...CREDENTIALS.freshdesk, ...o }),
};
/** What each vendor's rate-limit answer asks the client to wait; Salesforce's is a daily allowance. */
const RATE_LIMIT_WAIT: Record<Vendor, number | undefined> = { zendesk: 7000, salesforce: undefined, freshdesk: 11_000 };

/** A real (not training) handoff on the vendor's ticket, its recap long enough to need shortening in Salesforce. */
function handoffFor(vendor: Vendor, change: (h: HandoffV1) => void = () => undefined): HandoffV1 {
  const h = clone(FULL_PAYLOAD);
  h.id = crypto.randomUUID();
  h.training = false;
  h.case.id = TICKETS[vendor];
  h.recap.summary = 'A long recap with £1,250.00 and 2026-11-03 in it. '.repeat(75).trim();
  change(h);
  return h;
}

for (const vendor of ['zendesk', 'salesforce', 'freshdesk'] as const) {
  describe(`${vendor} adapter`, () => {
    let helpdesk: FakeHelpdesk;
    const waits: number[] = [];
    const forwarder = (overrides?: object) =>
      createNoteForwarder({
        adapter: ADAPTERS[vendor](helpdesk.url, overrides),
        render: toNote,
        sleep: async (ms: number) => void waits.push(ms),
      });
    const notes = () => helpdesk.notes.get(TICKETS[vendor])!;

    before(async () => (helpdesk = await startFakeHelpdesk(vendor)));
    after(() => helpdesk.stop());
    afterEach(() => {
      assert.deepEqual(helpdesk.violations, []);
      notes().length = 0;
      helpdesk.requests.length = 0;
      helpdesk.faults.length = 0;
      waits.length = 0;
    });

    it('adds one private note in the documented shape, within the vendor limit, naming the handoff', async () => {
      const h = handoffFor(vendor);
      const result = await forwarder().forward(h);
      assert.equal(result.status, 'added', result.error);
      assert.equal(notes().length, 1);
      assert.equal(notes()[0]!.private, true);
      assert.ok(
        notes()[0]!
          .body.replace(/<[^>]*>/g, '')
          .includes(`Handoff id: ${h.id}`),
      );
      if (vendor === 'salesforce') {
        assert.ok(Buffer.byteLength(notes()[0]!.body) <= 4000);
        assert.ok(notes()[0]!.body.includes('Shortened to fit'));
      } else assert.ok(notes()[0]!.body.startsWith('<p>'));
    });

    it('a second forward of the same handoff, from another process, finds the note and adds none', async () => {
      const h = handoffFor(vendor);
      await forwarder().forward(h);
      const again = await forwarder().forward(h);
      assert.equal(again.status, 'already-there');
      assert.equal(notes().length, 1);
    });

    it('the same handoff forwarded twice at once in one process is one note', async () => {
      const h = handoffFor(vendor);
      const f = forwarder();
      const [a, b] = await Promise.all([f.forward(h), f.forward(h)]);
      assert.equal(a, b);
      assert.equal(notes().length, 1);
    });

    it('a note added whose answer was lost is found on the retry, not added again', async () => {
      // The first request looks for the note; the second adds it and loses the answer.
      helpdesk.faults.push('none', 'add-then-drop');
      const result = await forwarder().forward(handoffFor(vendor));
      assert.equal(result.status, 'already-there');
      assert.equal(result.attempts, 2);
      assert.equal(notes().length, 1);
    });

    it('a rate limit is waited out as the vendor asks, then the note is added once', async () => {
      helpdesk.faults.push('rate-limit');
      const result = await forwarder().forward(handoffFor(vendor));
      const wait = RATE_LIMIT_WAIT[vendor];
      if (wait === undefined) {
        // Salesforce's REQUEST_LIMIT_EXCEEDED: the org's allowance for the day is spent; said, not retried.
        assert.equal(result.status, 'failed');
        assert.match(result.error, /REQUEST_LIMIT_EXCEEDED/);
        assert.deepEqual(waits, []);
        return;
      }
      assert.equal(result.status, 'added', result.error);
      assert.deepEqual(waits, [wait]);
      assert.equal(notes().length, 1);
    });

    it('a public comment, or a note that only quotes this handoff’s id line, is not taken for its note', async () => {
      const h = handoffFor(vendor);
      notes().push(
        { body: `Handoff id: ${h.id}`, private: false },
        { body: `The customer pasted "Handoff id: ${h.id}" into a message.`, private: true },
      );
      const result = await forwarder().forward(h);
      assert.equal(result.status, 'added', result.error);
      assert.equal(notes().length, 3);
    });

    it('a note that cannot be rendered (its must-keep parts exceed the limit) fails alone, without a request', async () => {
      const f = createNoteForwarder({
        adapter: ADAPTERS[vendor](helpdesk.url),
        render: () => {
          throw new RangeError('toNote: this handoff’s note needs 5657 bytes');
        },
      });
      const result = await f.forward(handoffFor(vendor));
      assert.equal(result.status, 'failed');
      assert.match(result.error, /needs 5657 bytes/);
      assert.deepEqual(helpdesk.requests, []);
    });

    it('an outage is retried with backoff, and given up after the last attempt with the answer', async () => {
      helpdesk.faults.push(...Array(6).fill('outage'));
      const result = await forwarder().forward(handoffFor(vendor));
      assert.equal(result.status, 'failed');
      assert.equal(result.attempts, 6);
      assert.deepEqual(waits, [2000, 4000, 8000, 16_000, 32_000]);
      assert.match(result.error, /answered 503/);
      assert.equal(notes().length, 0);
    });

    it('refused credentials are reported with the vendor’s reason and not retried', async () => {
      const wrong =
        vendor === 'zendesk'
          ? { apiToken: 'nope' }
          : vendor === 'salesforce'
            ? { accessToken: 'nope' }
            : { apiKey: 'nope' };
      const result = await forwarder(wrong).forward(handoffFor(vendor));
      assert.equal(result.status, 'failed');
      assert.equal(result.attempts, 1);
      assert.match(result.error, /answered 401/);
      assert.deepEqual(waits, []);
    });

    it('a ticket the helpdesk does not have is reported, not retried', async () => {
      const missing = vendor === 'salesforce' ? '500Hs00001XyZzzIAF' : '999999';
      const result = await forwarder().forward(handoffFor(vendor, (h) => (h.case.id = missing)));
      assert.equal(result.status, 'failed');
      assert.equal(result.attempts, 1);
    });

    it('a case id that is not a ticket id of this helpdesk is reported without a request', async () => {
      const result = await forwarder().forward(handoffFor(vendor, (h) => (h.case.id = "C-1' OR '1'='1")));
      assert.equal(result.status, 'failed');
      assert.match(result.error, /is not a \w+ ticket id/);
      assert.deepEqual(helpdesk.requests, []);
    });

    it('a training handoff never reaches the helpdesk', async () => {
      const result = await forwarder().forward(handoffFor(vendor, (h) => (h.training = true)));
      assert.equal(result.status, 'skipped');
      assert.deepEqual(helpdesk.requests, []);
    });
  });
}

describe('helpdesk adapters: configuration', () => {
  const cases: [string, () => unknown, RegExp][] = [
    [
      'Zendesk without an API token',
      () => zendeskAdapter({ baseUrl: 'https://acme.zendesk.com', email: 'a@b.c' }),
      /Zendesk adapter needs `apiToken`/,
    ],
    [
      'Salesforce without a token',
      () => salesforceAdapter({ baseUrl: 'https://acme.my.salesforce.com' }),
      /Salesforce adapter needs `accessToken`/,
    ],
    [
      'Freshdesk with a bare host',
      () => freshdeskAdapter({ baseUrl: 'acme.freshdesk.com', apiKey: 'k' }),
      /baseUrl must be an https URL/,
    ],
    [
      'plain http to a remote host',
      () => zendeskAdapter({ baseUrl: 'http://acme.zendesk.com', email: 'a@b.c', apiToken: 't' }),
      /https URL.*http only on loopback/,
    ],
    [
      'a Salesforce API version like 61',
      () => salesforceAdapter({ baseUrl: 'https://x.my.salesforce.com', accessToken: 't', apiVersion: '61' }),
      /looks like "v61.0"/,
    ],
  ];
  for (const [name, make, message] of cases) it(`refuses ${name}`, () => assert.throws(make, message));

  const links: [string, string | undefined][] = [
    ['/api/v2/tickets/1/comments.json?page=2', 'https://acme.zendesk.com/api/v2/tickets/1/comments.json?page=2'],
    [
      'https://acme.zendesk.com/api/v2/tickets/1/comments.json?page=2',
      'https://acme.zendesk.com/api/v2/tickets/1/comments.json?page=2',
    ],
    ['https://acme.zendesk.com.evil.test/steal', undefined],
    ['https://acme.zendesk.com@evil.test/steal', undefined],
    ['http://acme.zendesk.com/downgraded', undefined],
  ];
  for (const [next, followed] of links) {
    it(`a page link ${next} is ${followed ? 'followed' : 'not followed with the credentials'}`, () => {
      assert.equal(helpdesks.sameOrigin(next, 'https://acme.zendesk.com'), followed);
    });
  }
});

describe('the reference receiver with a helpdesk', () => {
  it('forwards each handoff it stores as one note; a retried POST adds none', async () => {
    const helpdesk = await startFakeHelpdesk('zendesk');
    const running = await startReceiver({ helpdesk: ADAPTERS.zendesk(helpdesk.url) });
    try {
      const h = handoffFor('zendesk');
      for (let i = 0; i < 2; i++) {
        const res = await post(`${running.url}/handoffs`, h, { 'Idempotency-Key': h.id });
        assert.equal(res.status, 201);
        await running.receiver.notes!.idle();
      }
      assert.equal(running.receiver.notes!.result(h.id)?.status, 'added');
      assert.equal(helpdesk.notes.get(TICKETS.zendesk)!.length, 1);
      assert.equal(helpdesk.requests.length, 2, 'one look-up and one add');
      assert.deepEqual(helpdesk.violations, []);
    } finally {
      await running.stop();
      await helpdesk.stop();
    }
  });
});
