// Delivery through the real receiver (receiver/receiver.mjs on the test server), with a fake clock
// for backoff and timeouts. Every test asserts the receiver applied each id exactly once.
import { expect } from '@open-wc/testing';
import { OutboxPayloadError, type OutboxEventDetail } from '../../src/outbox/index.js';
import type { HandoffV1 } from '../../src/payload/index.js';
import {
  useOutboxTest,
  createOutbox,
  deliveredAdvancingClock,
  handoff,
  nextEvent,
  type Fault,
  setOnline,
  until,
} from './helpers.js';

describe('outbox delivery', () => {
  const t = useOutboxTest();

  it('POSTs the JSON once with its Idempotency-Key, then keeps only a delivered record', async () => {
    const seen: { headers: Headers; body: string }[] = [];
    const spyFetch: typeof fetch = (input, init) => {
      seen.push({ headers: new Headers(init?.headers), body: String(init?.body) });
      return fetch(input, init);
    };
    const outbox = createOutbox({ endpoint: t.receiver.endpoint, clock: t.clock, fetch: spyFetch });
    const payload = handoff();
    const delivered = nextEvent(outbox, 'delivered');
    const item = await outbox.enqueue(payload);
    expect(item).to.include({ id: payload.id, kind: 'handoff', state: 'pending', attempts: 0 });
    expect((await delivered).detail).to.include({ id: payload.id, state: 'delivered', attempts: 1, remote: false });

    expect(seen).to.have.length(1);
    expect(seen[0]!.headers.get('Idempotency-Key')).to.equal(payload.id);
    expect(seen[0]!.headers.get('Content-Type')).to.equal('application/json');
    expect(JSON.parse(seen[0]!.body)).to.deep.equal(payload);
    await t.receiver.expectExactlyOnce([payload.id]);

    const record = await outbox.get(payload.id);
    expect(record).to.include({ state: 'delivered', attempts: 1 });
    expect(record).not.to.have.property('payload');
    expect(await outbox.counts()).to.deep.equal({ pending: 0, sending: 0, delivered: 1, dead: 0 });
  });

  it('purges delivered records after the delivered retention', async () => {
    const outbox = createOutbox({ endpoint: t.receiver.endpoint, clock: t.clock, deliveredRetentionMs: 60_000 });
    const payload = handoff();
    const delivered = nextEvent(outbox, 'delivered');
    await outbox.enqueue(payload);
    await delivered;
    t.clock.advance(59_999);
    await outbox.flush();
    expect(await outbox.get(payload.id)).to.exist;
    t.clock.advance(1);
    await outbox.flush();
    expect(await outbox.get(payload.id)).to.equal(undefined);
  });

  it('is idempotent on enqueue: the same id twice is one item and one delivery', async () => {
    const outbox = createOutbox({ endpoint: t.receiver.endpoint, clock: t.clock });
    const payload = handoff();
    const delivered = nextEvent(outbox, 'delivered');
    await Promise.all([outbox.enqueue(payload), outbox.enqueue(payload)]);
    await delivered;
    await outbox.enqueue(payload);
    await outbox.flush();
    const stats = await t.receiver.expectExactlyOnce([payload.id]);
    expect(stats.posts[payload.id]).to.equal(1);
  });

  it('offline at submit: saved, not sent; sent once when the browser is back online', async () => {
    const outbox = createOutbox({ endpoint: t.receiver.endpoint, clock: t.clock });
    setOnline(false);
    const payload = handoff();
    await outbox.enqueue(payload);
    await outbox.flush();
    expect((await t.receiver.stats()).requests).to.equal(0);
    expect(await outbox.counts()).to.include({ pending: 1 });

    const delivered = nextEvent(outbox, 'delivered');
    setOnline(true);
    await delivered;
    await t.receiver.expectExactlyOnce([payload.id]);
  });

  it('back online: an item waiting out its backoff is sent at once, not at its next attempt time', async () => {
    let calls = 0;
    const outbox = createOutbox({
      endpoint: t.receiver.endpoint,
      clock: t.clock,
      backoff: { baseMs: 60_000, capMs: 60_000 },
      fetch: (input, init) => (++calls === 1 ? Promise.reject(new TypeError('Failed to fetch')) : fetch(input, init)),
    });
    const payload = handoff();
    const retrying = nextEvent(outbox, 'retrying');
    await outbox.enqueue(payload);
    expect((await retrying).detail.nextAttemptAt).to.be.greaterThan(t.clock.now());

    const delivered = nextEvent(outbox, 'delivered');
    setOnline(false);
    setOnline(true);
    await delivered;
    await t.receiver.expectExactlyOnce([payload.id]);
  });

  it('retryNow() sends pending items at once and leaves dead ones alone', async () => {
    await t.receiver.faults({ status: 503 }, { status: 400, message: 'bad' });
    const outbox = createOutbox({
      endpoint: t.receiver.endpoint,
      clock: t.clock,
      backoff: { baseMs: 60_000, capMs: 60_000 },
    });
    const [waiting, rejected] = [handoff(), handoff()];
    const retrying = nextEvent(outbox, 'retrying');
    await outbox.enqueue(waiting);
    await retrying;
    const dead = nextEvent(outbox, 'dead');
    await outbox.enqueue(rejected);
    await dead;
    const delivered = nextEvent(outbox, 'delivered');
    await outbox.retryNow();
    expect((await delivered).detail.id).to.equal(waiting.id);
    expect((await outbox.dead()).map((i) => i.id)).to.deep.equal([rejected.id]);
  });

  it('500 three times, then 200: retried with full-jitter backoff, delivered once', async () => {
    await t.receiver.faults({ status: 500 }, { status: 500 }, { status: 500 });
    const outbox = createOutbox({
      endpoint: t.receiver.endpoint,
      clock: t.clock,
      backoff: { baseMs: 1000, capMs: 3000 },
    });
    const payload = handoff();
    const delays: number[] = [];
    outbox.addEventListener('retrying', (e) => delays.push(e.detail.nextAttemptAt! - t.clock.now()));
    const delivered = nextEvent(outbox, 'delivered');
    for (let attempt = 1; attempt <= 3; attempt++) {
      const retrying = nextEvent(outbox, 'retrying');
      if (attempt === 1) await outbox.enqueue(payload);
      const { detail } = await retrying;
      expect(detail).to.include({ attempts: attempt, state: 'pending' });
      expect(detail.error).to.include({ kind: 'http', status: 500 });
      t.clock.advance(detail.nextAttemptAt! - t.clock.now());
    }
    expect((await delivered).detail.attempts).to.equal(4);
    // random() = 0.5 of min(cap, base·2^(n−1)): 500, 1000, then capped at 1500.
    expect(delays).to.deep.equal([500, 1000, 1500]);
    const stats = await t.receiver.expectExactlyOnce([payload.id]);
    expect(stats.posts[payload.id]).to.equal(1);
    expect(stats.requests).to.equal(4);
  });

  it('429 with Retry-After: 2 waits exactly two seconds', async () => {
    await t.receiver.faults({ status: 429, retryAfter: 2 });
    const outbox = createOutbox({ endpoint: t.receiver.endpoint, clock: t.clock });
    const payload = handoff();
    const retrying = nextEvent(outbox, 'retrying');
    await outbox.enqueue(payload);
    const { detail } = await retrying;
    expect(detail.nextAttemptAt).to.equal(t.clock.now() + 2000);
    expect(detail.error).to.include({ status: 429 });

    t.clock.advance(1999);
    await outbox.flush();
    expect((await t.receiver.stats()).requests).to.equal(1);
    const delivered = nextEvent(outbox, 'delivered');
    t.clock.advance(1);
    await delivered;
    await t.receiver.expectExactlyOnce([payload.id]);
  });

  it('a hung request hits the timeout and is retried', async () => {
    await t.receiver.faults({ type: 'hang' });
    const outbox = createOutbox({ endpoint: t.receiver.endpoint, clock: t.clock, timeoutMs: 15_000 });
    const payload = handoff();
    const sending = nextEvent(outbox, 'sending');
    await outbox.enqueue(payload);
    await sending;
    await until(async () => (await t.receiver.stats()).requests === 1, 'the hung request to arrive');
    const retrying = nextEvent(outbox, 'retrying');
    t.clock.advance(15_000);
    const { detail } = await retrying;
    expect(detail.error).to.include({ kind: 'timeout', message: 'No response within 15000 ms.' });
    const delivered = nextEvent(outbox, 'delivered');
    t.clock.advance(detail.nextAttemptAt! - t.clock.now());
    await delivered;
    await t.receiver.expectExactlyOnce([payload.id]);
  });

  it('a 400 poison item goes to dead-letter with the server text and does not block the items behind it', async () => {
    await t.receiver.faults({ status: 400, message: 'recap.summary is too rude' });
    const outbox = createOutbox({ endpoint: t.receiver.endpoint, clock: t.clock, concurrency: 1 });
    const poison = handoff();
    const good = [handoff(), handoff(), handoff()];
    const dead = nextEvent(outbox, 'dead');
    await outbox.enqueue(poison);
    const deadDetail = (await dead).detail;
    expect(deadDetail).to.include({ id: poison.id, deadReason: 'rejected', state: 'dead' });
    expect(deadDetail.error).to.include({ kind: 'http', status: 400 });
    expect(deadDetail.error!.message).to.contain('recap.summary is too rude');

    let deliveredCount = 0;
    outbox.addEventListener('delivered', () => deliveredCount++);
    for (const p of good) await outbox.enqueue(p);
    await until(() => deliveredCount === 3, 'three deliveries');
    await t.receiver.expectExactlyOnce(good.map((p) => p.id));
    expect(await outbox.counts()).to.deep.equal({ pending: 0, sending: 0, delivered: 3, dead: 1 });
    const [deadItem] = await outbox.dead();
    expect(deadItem).to.include({ id: poison.id, deadReason: 'rejected', attempts: 1 });
  });

  it('413 and 422 are dead-lettered too; 408, 425 and 503 are retried', async () => {
    const outbox = createOutbox({ endpoint: t.receiver.endpoint, clock: t.clock, concurrency: 1 });
    for (const status of [413, 422]) {
      await t.receiver.faults({ status });
      const dead = nextEvent(outbox, 'dead');
      await outbox.enqueue(handoff());
      expect((await dead).detail.error!.status).to.equal(status);
    }
    // (Chromium itself re-sends after a 408 on a reused connection, so which layer retries varies.)
    const retried: number[] = [];
    outbox.addEventListener('retrying', (e) => retried.push(e.detail.error!.status!));
    const ids: string[] = [];
    for (const status of [408, 425, 503]) {
      await t.receiver.faults({ status });
      const payload = handoff();
      ids.push(payload.id);
      const delivered = deliveredAdvancingClock(outbox, t.clock, payload.id);
      await outbox.enqueue(payload);
      await delivered;
    }
    expect(retried).to.include.members([425, 503]);
    expect(await outbox.counts()).to.include({ dead: 2, delivered: 3 });
    const stats = await t.receiver.stats();
    expect(stats.duplicatesApplied).to.equal(0);
    for (const id of ids) expect(stats.ids).to.include(id);
  });

  it('401 pauses the whole outbox until resume(), then delivers everything once', async () => {
    await t.receiver.faults({ status: 401 });
    let token = 'expired';
    const outbox = createOutbox({
      endpoint: t.receiver.endpoint,
      clock: t.clock,
      headers: () => ({ Authorization: `Bearer ${token}` }),
    });
    const first = handoff();
    const second = handoff();
    const authRequired = nextEvent(outbox, 'auth-required');
    await outbox.enqueue(first);
    expect((await authRequired).detail.status).to.equal(401);
    expect(outbox.isPaused).to.equal(true);

    await outbox.enqueue(second);
    t.clock.advance(60_000);
    await outbox.flush();
    expect((await t.receiver.stats()).requests).to.equal(1);
    const [item] = (await outbox.items('pending')).filter((i) => i.id === first.id);
    expect(item!.lastError).to.include({ kind: 'auth', status: 401 });

    token = 'fresh';
    let delivered = 0;
    outbox.addEventListener('delivered', () => delivered++);
    outbox.resume();
    await until(() => delivered === 2, 'both deliveries');
    await t.receiver.expectExactlyOnce([first.id, second.id]);
  });

  it('asks the headers() hook before every attempt, so a refreshed token is used', async () => {
    await t.receiver.faults({ status: 503 });
    const tokens: string[] = [];
    let n = 0;
    const outbox = createOutbox({
      endpoint: t.receiver.endpoint,
      clock: t.clock,
      headers: async () => ({ Authorization: `Bearer t${++n}` }),
      fetch: (input, init) => {
        tokens.push(new Headers(init?.headers).get('Authorization')!);
        return fetch(input, init);
      },
    });
    const retrying = nextEvent(outbox, 'retrying');
    const delivered = nextEvent(outbox, 'delivered');
    await outbox.enqueue(handoff());
    t.clock.advance((await retrying).detail.nextAttemptAt! - t.clock.now());
    await delivered;
    expect(tokens).to.deep.equal(['Bearer t1', 'Bearer t2']);
  });

  it('409 (same key still in progress) then 200: retried, delivered once', async () => {
    await t.receiver.faults({ status: 409, retryAfter: 1 });
    const outbox = createOutbox({ endpoint: t.receiver.endpoint, clock: t.clock });
    const payload = handoff();
    const retrying = nextEvent(outbox, 'retrying');
    const delivered = nextEvent(outbox, 'delivered');
    await outbox.enqueue(payload);
    expect((await retrying).detail.nextAttemptAt).to.equal(t.clock.now() + 1000);
    t.clock.advance(1000);
    await delivered;
    await t.receiver.expectExactlyOnce([payload.id]);
  });

  it('a captive-portal redirect is not a delivery: it is retried', async () => {
    await t.receiver.faults({ type: 'redirect' });
    const outbox = createOutbox({ endpoint: t.receiver.endpoint, clock: t.clock });
    const payload = handoff();
    const retrying = nextEvent(outbox, 'retrying');
    const delivered = nextEvent(outbox, 'delivered');
    await outbox.enqueue(payload);
    const { detail } = await retrying;
    expect(detail.error!.kind).to.equal('redirect');
    t.clock.advance(detail.nextAttemptAt! - t.clock.now());
    expect((await delivered).detail.attempts).to.equal(2);
    await t.receiver.expectExactlyOnce([payload.id]);
  });

  // A browser may itself re-send a POST whose reused keep-alive connection was reset before any
  // response (Chromium does); whichever layer retries, the receiver must apply the handoff once.
  async function deliverThrough(fault: Fault) {
    await t.receiver.faults(fault);
    const outbox = createOutbox({ endpoint: t.receiver.endpoint, clock: t.clock });
    const payload = handoff();
    const delivered = deliveredAdvancingClock(outbox, t.clock, payload.id);
    await outbox.enqueue(payload);
    await delivered;
    return t.receiver.expectExactlyOnce([payload.id]);
  }

  it('the receiver commits but the response is lost: the retry with the same key is applied once', async () => {
    expect(await deliverThrough({ type: 'commit-then-drop' })).to.include({ applied: 1, replays: 1, requests: 2 });
  });

  it('a dropped connection is a network error and is retried', async () => {
    expect(await deliverThrough({ type: 'drop' })).to.include({ applied: 1, requests: 2 });
  });

  it('reports a network error as retrying with its reason', async () => {
    let calls = 0;
    const outbox = createOutbox({
      endpoint: t.receiver.endpoint,
      clock: t.clock,
      fetch: (input, init) => (++calls === 1 ? Promise.reject(new TypeError('Failed to fetch')) : fetch(input, init)),
    });
    const payload = handoff();
    const retrying = nextEvent(outbox, 'retrying');
    const delivered = deliveredAdvancingClock(outbox, t.clock, payload.id);
    await outbox.enqueue(payload);
    expect((await retrying).detail.error).to.include({
      kind: 'network',
      message: 'Network error: TypeError: Failed to fetch',
    });
    expect(await delivered).to.equal(2);
    await t.receiver.expectExactlyOnce([payload.id]);
  });

  it('retention: delivered 1 ms before the boundary; dead-lettered as expired exactly at it', async () => {
    const retentionMs = 7 * 86_400_000;
    const outbox = createOutbox({ endpoint: t.receiver.endpoint, clock: t.clock, retentionMs });
    setOnline(false);
    const early = handoff();
    const late = handoff();
    await outbox.enqueue(early);
    t.clock.advance(1);
    await outbox.enqueue(late);
    // early is now 1 ms older than late.
    t.clock.advance(retentionMs - 2);

    const events: [string, string][] = [];
    for (const type of ['delivered', 'dead'] as const)
      outbox.addEventListener(type, (e) => events.push([type, (e.detail as OutboxEventDetail).id]));
    setOnline(true);
    await until(() => events.length === 2, 'both outcomes');
    expect(events).to.have.deep.members([
      ['delivered', early.id],
      ['delivered', late.id],
    ]);

    const expiring = handoff();
    setOnline(false);
    await outbox.enqueue(expiring);
    t.clock.advance(retentionMs);
    const dead = nextEvent(outbox, 'dead');
    setOnline(true);
    const { detail } = await dead;
    expect(detail).to.include({ id: expiring.id, deadReason: 'expired' });
    expect(detail.error).to.include({ kind: 'expired' });
    await t.receiver.expectExactlyOnce([early.id, late.id]);
  });

  it('dead-letter items can be retried (with a fresh retention) or discarded', async () => {
    await t.receiver.faults({ status: 422 }, { status: 400 });
    const outbox = createOutbox({ endpoint: t.receiver.endpoint, clock: t.clock, concurrency: 1 });
    const a = handoff();
    const b = handoff();
    let dead = 0;
    outbox.addEventListener('dead', () => dead++);
    await outbox.enqueue(a);
    await outbox.enqueue(b);
    await until(() => dead === 2, 'two dead items');
    expect((await outbox.dead()).map((i) => i.id)).to.have.members([a.id, b.id]);

    const delivered = nextEvent(outbox, 'delivered');
    await outbox.retry(a.id);
    expect((await delivered).detail.id).to.equal(a.id);
    await outbox.discard(b.id);
    expect(await outbox.get(b.id)).to.equal(undefined);
    expect(await outbox.counts()).to.include({ dead: 0, delivered: 1 });
    await t.receiver.expectExactlyOnce([a.id]);
    let error: unknown;
    await outbox.discard(a.id).catch((e: unknown) => (error = e));
    expect(String(error)).to.contain('Only dead items can be discarded');
  });

  it('sends acknowledgements through the same outbox to their own endpoint', async () => {
    const outbox = createOutbox({ endpoint: t.receiver.endpoint, clock: t.clock });
    const payload: HandoffV1 = handoff();
    let delivered = 0;
    outbox.addEventListener('delivered', () => delivered++);
    await outbox.enqueue(payload);
    await until(() => delivered === 1, 'the handoff');
    const ack = {
      schema: 'handoff-ack/v1' as const,
      id: crypto.randomUUID(),
      handoffId: payload.id,
      at: new Date(t.clock.now()).toISOString(),
      by: { agentId: 'sup-3', name: 'Dana' },
      readBack: 'Double charge; I refund today.',
      accepted: true,
    };
    const item = await outbox.enqueue(ack);
    expect(item).to.include({ kind: 'ack', endpoint: `${location.origin}${t.receiver.endpoint}/${payload.id}/ack` });
    await until(() => delivered === 2, 'the ack');
    const stored = await (await fetch(`${t.receiver.endpoint}/${payload.id}`)).json();
    expect(stored.acks[0].payload).to.deep.equal(ack);
  });

  it('rejects what is not a valid payload, saying why, and saves nothing', async () => {
    const outbox = createOutbox({ endpoint: t.receiver.endpoint, clock: t.clock });
    const bad = { ...handoff(), recap: { summary: '', tried: [] } } as HandoffV1;
    let error: unknown;
    await outbox.enqueue(bad).catch((e: unknown) => (error = e));
    expect(error).to.be.instanceOf(OutboxPayloadError);
    expect((error as Error).message).to.contain('Summary is required.');
    await outbox.enqueue({ schema: 'nope' } as unknown as HandoffV1).catch((e: unknown) => (error = e));
    expect((error as Error).message).to.contain('takes a handoff/v1 or handoff-ack/v1 payload');
    expect(await outbox.counts()).to.deep.equal({ pending: 0, sending: 0, delivered: 0, dead: 0 });
  });

  it('refuses a hand-built payload with an unmasked card number or secret, naming where, and saves nothing', async () => {
    const outbox = createOutbox({ endpoint: t.receiver.endpoint, clock: t.clock });
    const built = handoff();
    const raw = { ...built, recap: { ...built.recap, summary: 'Card 4111 1111 1111 1111, CVV 123' } } as HandoffV1;
    let error: unknown;
    await outbox.enqueue(raw).catch((e: unknown) => (error = e));
    expect(error).to.be.instanceOf(OutboxPayloadError);
    expect((error as Error).message).to.equal(
      'enqueue() was given a handoff with an unmasked card number or secret in recap.summary: build it with buildHandoff(), which masks them.',
    );
    expect((error as OutboxPayloadError).problems.map((p) => p.path)).to.deep.equal(['recap.summary']);
    expect(await outbox.counts()).to.deep.equal({ pending: 0, sending: 0, delivered: 0, dead: 0 });
  });

  it('never writes payload content to the console, even when everything fails', async () => {
    await t.receiver.faults({ status: 500 }, { status: 401 }, { status: 400, message: 'no' });
    const logged: string[] = [];
    const methods = ['log', 'info', 'warn', 'error', 'debug'] as const;
    const originals = methods.map((m) => console[m]);
    methods.forEach((m) => (console[m] = (...args: unknown[]) => logged.push(args.map(String).join(' '))));
    try {
      const outbox = createOutbox({
        endpoint: t.receiver.endpoint,
        clock: t.clock,
        headers: () => {
          throw new Error('no token');
        },
      });
      const payload = handoff((d) => (d.recap!.summary = 'SECRET-SUMMARY-TEXT'));
      const retrying = nextEvent(outbox, 'retrying');
      await outbox.enqueue(payload);
      expect((await retrying).detail.error).to.include({ kind: 'headers' });
    } finally {
      methods.forEach((m, i) => (console[m] = originals[i]!));
    }
    expect(logged.join('\n')).not.to.contain('SECRET-SUMMARY-TEXT');
  });
});
