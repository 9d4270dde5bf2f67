// Several endpoints on one origin's outbox (two integrations on one page, a reconfigured endpoint, a
// receipt on another origin): each item goes only to its own endpoint with that endpoint's own
// headers and credentials, and waits, saying so, while no outbox on the page is configured for it.
import { expect } from '@open-wc/testing';
import { buildAck } from '../../src/payload/index.js';
import { sharedOutbox } from '../../src/ui/shared/outbox-registry.js';
import {
  FakeClock,
  TestReceiver,
  cleanup,
  createOutbox,
  handoff,
  nextEvent,
  restoreOnline,
  setOnline,
  until,
} from './helpers.js';

const DAY = 86_400_000;

/** The same test server under the page's other loopback name: another origin (CORS) for the browser. */
function otherOrigin(receiver: TestReceiver): string {
  const other = location.hostname === 'localhost' ? '127.0.0.1' : 'localhost';
  return `${location.protocol}//${other}:${location.port}${receiver.endpoint}`;
}

describe('outbox with several endpoints', () => {
  let name: string;
  beforeEach(() => {
    name = `test-outbox-${crypto.randomUUID()}`;
  });
  afterEach(async () => {
    restoreOnline();
    await cleanup();
  });

  it('two integrations on one page, two origins, two tokens: each endpoint gets only its own token', async () => {
    const a = new TestReceiver();
    const b = new TestReceiver();
    const first = createOutbox({ endpoint: a.endpoint, name, headers: () => ({ Authorization: 'Bearer token-A' }) });
    const second = createOutbox({
      endpoint: otherOrigin(b),
      name,
      headers: () => ({ Authorization: 'Bearer token-B' }),
    });
    const ids = { a: [] as string[], b: [] as string[] };
    const delivered = new Set<string>();
    for (const outbox of [first, second]) outbox.addEventListener('delivered', (e) => delivered.add(e.detail.id));
    for (let i = 0; i < 6; i++) {
      const forA = handoff();
      const forB = handoff();
      ids.a.push(forA.id);
      ids.b.push(forB.id);
      await Promise.all([first.enqueue(forA), second.enqueue(forB)]);
    }
    await until(() => delivered.size === 12, 'all twelve delivered');
    const statsA = await a.expectExactlyOnce(ids.a);
    const statsB = await b.expectExactlyOnce(ids.b);
    expect(new Set(Object.values(statsA.auth).flat())).to.deep.equal(new Set(['Bearer token-A']));
    expect(new Set(Object.values(statsB.auth).flat())).to.deep.equal(new Set(['Bearer token-B']));
  });

  it('an item queued for an endpoint no outbox here is configured for waits, says so, and goes out with its own transport later', async () => {
    const old = new TestReceiver();
    const current = new TestReceiver();
    setOnline(false);
    const before = createOutbox({ endpoint: old.endpoint, name, headers: () => ({ Authorization: 'Bearer old' }) });
    const queued = handoff();
    await before.enqueue(queued);
    await before.close();
    setOnline(true);

    // The page is reconfigured to another endpoint with another token.
    const after = createOutbox({
      endpoint: current.endpoint,
      name,
      headers: () => ({ Authorization: 'Bearer current' }),
    });
    const fresh = handoff();
    const freshDelivered = nextEvent(after, 'delivered', (e) => e.detail.id === fresh.id);
    await after.enqueue(fresh);
    await freshDelivered;
    await after.flush();
    expect((await old.stats()).requests).to.equal(0);
    expect((await current.stats()).ids).to.deep.equal([fresh.id]);
    const waiting = (await after.items()).find((item) => item.id === queued.id);
    expect(waiting).to.include({
      state: 'pending',
      waitingFor: 'endpoint',
      route: new URL(old.endpoint, location.href).href,
    });

    // A page configured for the old endpoint again sends it, with the old endpoint's token.
    const again = createOutbox({ endpoint: old.endpoint, name, headers: () => ({ Authorization: 'Bearer old' }) });
    await nextEvent(again, 'delivered', (e) => e.detail.id === queued.id);
    const stats = await old.expectExactlyOnce([queued.id]);
    expect(stats.auth[queued.id]).to.deep.equal(['Bearer old']);
    expect((await current.stats()).auth[queued.id]).to.equal(undefined);
  });

  it('an acknowledgement queued by the receiving side is sent with the receiving side’s transport, not the sender’s', async () => {
    const senders = new TestReceiver();
    const receivers = new TestReceiver();
    const payload = handoff();
    const sender = createOutbox({
      endpoint: senders.endpoint,
      name,
      headers: () => ({ Authorization: 'Bearer sender' }),
    });
    await sender.enqueue(payload);
    await nextEvent(sender, 'delivered', (e) => e.detail.id === payload.id);
    // The receipt's page sees the same handoff at its own endpoint (here: posted there directly).
    await fetch(receivers.endpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': payload.id },
      body: JSON.stringify(payload),
    });

    const receipt = createOutbox({
      endpoint: otherOrigin(receivers),
      name,
      headers: () => ({ Authorization: 'Bearer receiver' }),
    });
    const built = buildAck(
      {
        handoffId: payload.id,
        by: { agentId: 'sup-3', name: 'Dana' },
        readBack: 'I will approve the refund of the double charge today.',
        accepted: true,
      },
      { handoff: payload },
    );
    if (!built.ok) throw new Error(JSON.stringify(built.errors));
    const ackDelivered = nextEvent(receipt, 'delivered', (e) => e.detail.id === built.payload.id);
    await receipt.enqueue(built.payload);
    await ackDelivered;
    const stats = await receivers.stats();
    expect(stats.auth[built.payload.id]).to.deep.equal(['Bearer receiver']);
    expect((await senders.stats()).auth[built.payload.id]).to.equal(undefined);
  });

  it('stores endpoints absolute, so another page of the origin sends a queued item to the same place', async () => {
    const receiver = new TestReceiver();
    setOnline(false);
    const outbox = createOutbox({ endpoint: receiver.endpoint, name });
    const payload = handoff();
    await outbox.enqueue(payload);
    const record = await outbox.get(payload.id);
    expect(record?.endpoint).to.equal(`${location.origin}${receiver.endpoint}`);
    expect(record?.route).to.equal(`${location.origin}${receiver.endpoint}`);
    expect(outbox.route).to.equal(`${location.origin}${receiver.endpoint}`);
  });

  it('refuses an endpoint that is not an http(s) URL, saying what to give', () => {
    expect(() => createOutbox({ endpoint: 'javascript:alert(1)', name })).to.throw(
      TypeError,
      /must be an http\(s\) URL/,
    );
    expect(() => createOutbox({ endpoint: 'http://[::1', name })).to.throw(TypeError, /is not a URL/);
  });

  it('a 401 on one endpoint pauses that endpoint only: the other integration goes on', async () => {
    const a = new TestReceiver();
    const b = new TestReceiver();
    await a.faults({ status: 401 });
    const first = createOutbox({ endpoint: a.endpoint, name });
    const second = createOutbox({ endpoint: b.endpoint, name });
    let secondHeardAuth = false;
    second.addEventListener('auth-required', () => (secondHeardAuth = true));
    const paused = nextEvent(first, 'auth-required');
    await first.enqueue(handoff());
    await paused;
    const forB = handoff();
    const delivered = nextEvent(second, 'delivered', (e) => e.detail.id === forB.id);
    await second.enqueue(forB);
    await delivered;
    expect(first.isPaused).to.equal(true);
    expect(second.isPaused).to.equal(false);
    expect(secondHeardAuth).to.equal(false);
  });

  it('each item keeps the retention its own outbox gave it, whichever outbox checks', async () => {
    const clock = new FakeClock();
    const a = new TestReceiver();
    const b = new TestReceiver();
    setOnline(false);
    const patient = createOutbox({ endpoint: a.endpoint, name, clock, retentionMs: 30 * DAY });
    const hasty = createOutbox({ endpoint: b.endpoint, name, clock, retentionMs: DAY });
    const keep = handoff();
    const expire = handoff();
    await patient.enqueue(keep);
    await hasty.enqueue(expire);
    await patient.close();
    clock.advance(2 * DAY);
    await hasty.flush();
    expect((await hasty.get(keep.id))?.state).to.equal('pending');
    expect(await hasty.get(expire.id)).to.include({ state: 'dead', deadReason: 'expired' });
  });

  it('an acknowledgement to another origin is sent without the endpoint’s headers and credentials', async () => {
    const receiver = new TestReceiver();
    const payload = handoff();
    await fetch(receiver.endpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': payload.id },
      body: JSON.stringify(payload),
    });
    const seen: RequestInit[] = [];
    const spy: typeof fetch = (input, init) => {
      seen.push(init ?? {});
      return fetch(input, init);
    };
    const outbox = createOutbox({
      endpoint: receiver.endpoint,
      name,
      fetch: spy,
      credentials: 'include',
      headers: () => ({ Authorization: 'Bearer for-the-endpoint' }),
      ackEndpoint: (ack) => `${otherOrigin(receiver)}/${ack.handoffId}/ack`,
    });
    const built = buildAck(
      {
        handoffId: payload.id,
        by: { agentId: 'sup-3', name: 'Dana' },
        readBack: 'I will approve the refund of the double charge today.',
        accepted: true,
      },
      { handoff: payload },
    );
    if (!built.ok) throw new Error(JSON.stringify(built.errors));
    const delivered = nextEvent(outbox, 'delivered', (e) => e.detail.id === built.payload.id);
    await outbox.enqueue(built.payload);
    await delivered;
    expect(new Headers(seen[0]!.headers).get('Authorization')).to.equal(null);
    expect(seen[0]!.credentials).to.equal('omit');
    expect((await receiver.stats()).auth[built.payload.id]).to.deep.equal([null]);
  });

  it('the page’s shared outbox takes the transport configured after it was created (a queued configure(), an element’s config)', async () => {
    const receiver = new TestReceiver();
    const early = sharedOutbox({ endpoint: receiver.endpoint, name });
    const later = sharedOutbox({
      endpoint: receiver.endpoint,
      name,
      headers: () => ({ Authorization: 'Bearer configured-later' }),
    });
    expect(later).to.equal(early);
    const payload = handoff();
    const delivered = nextEvent(early, 'delivered', (e) => e.detail.id === payload.id);
    await early.enqueue(payload);
    await delivered;
    expect((await receiver.stats()).auth[payload.id]).to.deep.equal(['Bearer configured-later']);
    // Options left out keep what was configured.
    sharedOutbox({ endpoint: receiver.endpoint, name });
    expect(early.options.headers).to.be.a('function');
    await early.close();
  });
});
