// The reference receiver's HTTP contract, over real HTTP, run once per store (the JSON-lines log in
// receiver.test.ts, PostgreSQL in receiver-postgres.test.ts): validation, size and type errors, the
// Idempotency-Key rules (201 once, replay, 422, 409 while in flight), durability across a restart, the
// server-sent event streams with Last-Event-ID, and graceful shutdown. On PostgreSQL it runs a second
// time against two instances behind a round-robin proxy, so that every step crosses instances.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { FULL_PAYLOAD, VALID_ACKS, clone } from '../fixtures/handoffs.js';
import { post, readEvents, startReceiver, type ReceiverOptions, type Running } from './receiver-helpers.js';

export interface StoreUnderTest {
  /** Receiver options for a new, empty store; passing the same options again is a restart on its data. */
  options(): Promise<ReceiverOptions>;
  /** Makes every commit wait (a request in flight) until `release()`; `held(n)` resolves once n wait. */
  holdCommits(options: ReceiverOptions): Promise<Hold>;
  /** How the stored records of `id` are counted by the store itself, not through the receiver. */
  storedCount(options: ReceiverOptions, id: string): Promise<number>;
  /** How the receiver under test is started on those options; by default one instance. */
  start?(options: ReceiverOptions): Promise<Running>;
}

const fresh = () => ({ ...clone(FULL_PAYLOAD), id: crypto.randomUUID() });
const ackOf = (handoffId: string) => ({ ...clone(VALID_ACKS[0]!), id: crypto.randomUUID(), handoffId });
const send = (url: string, payload: { id: string }) =>
  post(`${url}/handoffs`, payload, { 'Idempotency-Key': payload.id });
const sendAck = (url: string, ack: { id: string; handoffId: string }) =>
  post(`${url}/handoffs/${ack.handoffId}/ack`, ack, { 'Idempotency-Key': ack.id });

export interface Hold {
  held(count: number): Promise<void>;
  release(): Promise<void>;
}

export function describeReceiverContract(name: string, store: StoreUnderTest) {
  describe(`reference receiver contract (${name})`, () => {
    let options: ReceiverOptions;
    let server: Running;
    const start = store.start ?? startReceiver;
    before(async () => {
      options = await store.options();
      server = await start(options);
    });
    after(() => server.stop());

    it('400 with the failing fields for an invalid handoff', async () => {
      const bad = clone(FULL_PAYLOAD) as unknown as Record<string, any>;
      delete bad.recap.summary;
      bad.priority = 'whenever';
      const res = await post(`${server.url}/handoffs`, bad, { 'Idempotency-Key': bad.id });
      assert.equal(res.status, 400);
      const body = await res.json();
      const paths = body.fields.map((f: { path: string }) => f.path);
      assert.ok(paths.includes('recap'), JSON.stringify(body.fields));
      assert.ok(paths.includes('priority'), JSON.stringify(body.fields));
    });

    it('415 for a body that is not JSON, 413 for one over 1 MiB, 400 for broken JSON or a missing key', async () => {
      const text = await fetch(`${server.url}/handoffs`, {
        method: 'POST',
        headers: { 'Content-Type': 'text/plain' },
        body: 'hello',
      });
      assert.equal(text.status, 415);
      const huge = await post(`${server.url}/handoffs`, `{"x":"${'a'.repeat(1024 * 1024 + 10)}"}`);
      assert.equal(huge.status, 413);
      assert.equal(huge.headers.get('connection'), 'close');
      assert.equal((await post(`${server.url}/handoffs`, '{"id":')).status, 400);
      const noKey = await post(`${server.url}/handoffs`, FULL_PAYLOAD);
      assert.equal(noKey.status, 400);
      assert.match((await noKey.json()).error, /Idempotency-Key/);
    });

    it('201 once; the same key and body answer the original 201 again; another body with that key is 422', async () => {
      const payload = fresh();
      const first = await send(server.url, payload);
      assert.equal(first.status, 201);
      const original = await first.json();
      assert.deepEqual(Object.keys(original).sort(), ['id', 'receivedAt', 'status']);
      const again = await send(server.url, payload);
      assert.equal(again.status, 201);
      assert.equal(again.headers.get('Idempotent-Replayed'), 'true');
      assert.deepEqual(await again.json(), original);
      const changed = await post(
        `${server.url}/handoffs`,
        { ...payload, priority: 'low' },
        { 'Idempotency-Key': payload.id },
      );
      assert.equal(changed.status, 422);
      const inbox = (await (await fetch(`${server.url}/handoffs`)).json()) as { id: string }[];
      assert.equal(inbox.filter((h) => h.id === payload.id).length, 1);
      assert.equal(await store.storedCount(options, payload.id), 1);
    });

    it('acks: 404 for an unknown handoff, stored with the handoff otherwise; each Location leads to the record', async () => {
      const payload = fresh();
      const stored = await send(server.url, payload);
      const handoffAt = new URL(stored.headers.get('location')!, `${server.url}/handoffs`);
      assert.equal(((await (await fetch(handoffAt)).json()) as { id: string }).id, payload.id);
      const ack = ackOf(payload.id);
      const unknown = crypto.randomUUID();
      assert.equal((await sendAck(server.url, { ...ack, handoffId: unknown })).status, 404);
      const acked = await sendAck(server.url, ack);
      assert.equal(acked.status, 201);
      const ackAt = new URL(acked.headers.get('location')!, `${server.url}/handoffs/${payload.id}/ack`);
      const one = await (await fetch(ackAt)).json();
      assert.deepEqual(
        one.acks.map((a: { payload: { id: string } }) => a.payload.id),
        [ack.id],
      );
    });

    it('keeps a payload exactly as sent (astral-plane and bidi text included); control characters are a 400', async () => {
      const payload = fresh();
      payload.recap.summary = 'Customer 👩🏽‍💼 wrote \u202e reversed, ‘quoted’ and ﬁ';
      assert.equal((await send(server.url, payload)).status, 201);
      const one = await (await fetch(`${server.url}/handoffs/${payload.id}`)).json();
      const { receivedAt, acks, ...stored } = one;
      assert.deepEqual(stored, payload);
      assert.ok(receivedAt && Array.isArray(acks));
      const nul = fresh();
      nul.recap.summary = 'Nul\u0000 here';
      const refused = await send(server.url, nul);
      assert.equal(refused.status, 400);
      assert.ok((await refused.json()).fields.some((f: { path: string }) => f.path === 'recap.summary'));
    });

    it('404 for an id no handoff can have (a NUL, a very long one)', async () => {
      for (const id of ['%00', 'a%00b', 'x'.repeat(2000)]) {
        const res = await fetch(`${server.url}/handoffs/${id}`);
        assert.equal(res.status, 404, id.slice(0, 10));
      }
    });

    it('insights: the period’s handoffs with training left out, acks, declines, read-back misses, scored anew', async () => {
      const insights = async (query = '') => {
        const res = await fetch(`${server.url}/insights?timeZone=UTC${query}`);
        assert.equal(res.status, 200);
        assert.equal(res.headers.get('cache-control'), 'no-store');
        return res.json();
      };
      const before = await insights();
      const withTraining = await insights('&training=include');
      const escalated = { ...fresh(), transfer: { count: 2, flagged: true } };
      // A client's own score is never trusted: the receiver scores the payload again.
      const bragging = {
        ...fresh(),
        reason: { code: 'specialist', detail: 'Specialist.' },
        quality: { score: 16, max: 16, missing: [] },
      };
      const training = { ...fresh(), training: true };
      for (const payload of [escalated, bragging, training])
        assert.equal((await send(server.url, payload)).status, 201);
      const missed = { kind: 'deadline', field: 'actions[0].due', value: FULL_PAYLOAD.actions[0]!.due };
      const checked = {
        ...ackOf(escalated.id),
        readBackCheck: { found: [], missing: [missed, missed], dismissed: [] },
      };
      assert.equal((await sendAck(server.url, checked)).status, 201);
      const decline = { ...ackOf(bragging.id), accepted: false, declineReason: 'Not  our team: try Privacy.' };
      delete (decline as { readBackCheck?: unknown }).readBackCheck;
      assert.equal((await sendAck(server.url, decline)).status, 201);

      const now = await insights();
      const last = (list: number[]) => list.at(-1)!;
      assert.equal(now.handoffs - before.handoffs, 2);
      assert.equal(now.trainingLeftOut - before.trainingLeftOut, 1);
      assert.equal(last(now.byReason.escalation) - last(before.byReason.escalation), 1);
      assert.equal(last(now.byReason.specialist) - last(before.byReason.specialist), 1);
      assert.equal(now.priorityLane.flagged - before.priorityLane.flagged, 1);
      assert.equal(now.acks.acknowledged - before.acks.acknowledged, 1);
      assert.equal(now.acks.declined - before.acks.declined, 1);
      assert.ok(now.acks.declineReasons.some((d: { reason: string }) => d.reason === 'Not our team: try Privacy.'));
      assert.equal(now.readBack.checked - before.readBack.checked, 1);
      const deadlines = (i: { readBack: { missed: { kind: string; count: number }[] } }) =>
        i.readBack.missed.find((m) => m.kind === 'deadline')!.count;
      assert.equal(deadlines(now) - deadlines(before), 1, 'counted once per read-back');
      const detailMissing = (i: { quality: { missing: { check: string; count: number }[] } }) =>
        i.quality.missing.find((m) => m.check === 'reason-detail')?.count ?? 0;
      assert.equal(detailMissing(now) - detailMissing(before), 1);
      const scored = (i: { quality: { scores: { count: number }[] } }) =>
        i.quality.scores.reduce((n, s) => n + s.count, 0);
      assert.equal(scored(now) - scored(before), 2);
      assert.equal(now.timeToAck.count - before.timeToAck.count, 2);
      assert.equal((await insights('&training=include')).handoffs - withTraining.handoffs, 3);
      assert.equal(now.labels.length, 28);
      assert.equal(now.truncated, false);
    });

    it('insights: 400 naming the bad parameter, 404 under it, 405 for a POST', async () => {
      const bad: [string, string][] = [
        ['days=0', 'days'],
        ['days=1.5', 'days'],
        ['timeZone=Mars/Olympus', 'timeZone'],
        ['training=yes', 'training'],
      ];
      for (const [query, word] of bad) {
        const res = await fetch(`${server.url}/insights?${query}`);
        assert.equal(res.status, 400, query);
        assert.match((await res.json()).error, new RegExp(word));
      }
      assert.equal((await fetch(`${server.url}/insights/x`)).status, 404);
      assert.equal((await fetch(`${server.url}/insights`, { method: 'POST', body: '{}' })).status, 405);
    });

    it('lists the newest first, at most ?limit=, and refuses a limit out of range', async () => {
      const [a, b] = [fresh(), fresh()];
      await send(server.url, a);
      await send(server.url, b);
      const two = (await (await fetch(`${server.url}/handoffs?limit=2`)).json()) as { id: string }[];
      assert.deepEqual(
        two.map((h) => h.id),
        [b.id, a.id],
      );
      for (const limit of ['0', '1001', 'ten', '1.5']) {
        const res = await fetch(`${server.url}/handoffs?limit=${limit}`);
        assert.equal(res.status, 400, limit);
        assert.match((await res.json()).error, /limit must be a whole number from 1 to 1000/);
      }
    });

    it('409 with Retry-After while the first request with a key commits; its retry then gets the 201', async () => {
      const payload = fresh();
      const hold = await store.holdCommits(options);
      const first = send(server.url, payload);
      let second: Response;
      try {
        await hold.held(1);
        second = await send(server.url, payload);
      } finally {
        await hold.release();
      }
      assert.equal(second.status, 409);
      assert.ok(Number(second.headers.get('retry-after')) >= 1, 'Retry-After in whole seconds');
      assert.match((await second.json()).error, /still being processed/);
      const answered = await first;
      assert.equal(answered.status, 201);
      assert.equal(answered.headers.get('Idempotent-Replayed'), null);
      const retry = await send(server.url, payload);
      assert.equal(retry.status, 201);
      assert.equal(retry.headers.get('Idempotent-Replayed'), 'true');
      assert.deepEqual(await retry.json(), await answered.json());
      assert.equal(await store.storedCount(options, payload.id), 1);
    });

    it('twenty concurrent requests with one key: one is stored, the rest are 409 or the replayed 201', async () => {
      const payload = fresh();
      const answers = await Promise.all(Array.from({ length: 20 }, () => send(server.url, payload)));
      const stored = answers.filter((r) => r.status === 201 && !r.headers.get('Idempotent-Replayed'));
      assert.equal(stored.length, 1);
      for (const r of answers) assert.ok(r.status === 201 || r.status === 409, String(r.status));
      assert.equal(await store.storedCount(options, payload.id), 1);
    });

    it('a restart loses nothing: handoffs, acks and idempotency come back', async () => {
      const payload = fresh();
      await send(server.url, payload);
      const ack = ackOf(payload.id);
      await sendAck(server.url, ack);
      await server.stop();
      server = await start(options);
      const one = await (await fetch(`${server.url}/handoffs/${payload.id}`)).json();
      assert.equal(one.id, payload.id);
      assert.equal(one.acks.length, 1);
      const replay = await send(server.url, payload);
      assert.equal(replay.headers.get('Idempotent-Replayed'), 'true');
    });

    it('streams new handoffs and acks as server-sent events, and a handoff’s existing acks on connect', async () => {
      const payload = fresh();
      const inbox = readEvents(`${server.url}/handoffs/events`, 2);
      await inbox.open;
      await send(server.url, payload);
      const ack = ackOf(payload.id);
      await sendAck(server.url, ack);
      const events = await inbox.events;
      assert.deepEqual(
        events.map((e) => e.event),
        ['handoff', 'ack'],
      );
      assert.equal((events[0]!.data as { id: string }).id, payload.id);
      assert.ok(Number(events[1]!.id) > Number(events[0]!.id), 'ids grow');

      const late = readEvents(`${server.url}/handoffs/${payload.id}/events`, 1);
      const [existing] = await late.events;
      assert.deepEqual(existing, { event: 'ack', data: ack, id: events[1]!.id });
    });

    it('the inbox stream names where it starts, so a reconnect before its first event misses nothing', async () => {
      const stream = readEvents(`${server.url}/handoffs/events`, 1);
      await stream.open;
      const payload = fresh();
      await send(server.url, payload);
      const [event] = await stream.events;
      assert.ok(stream.hints.startId !== undefined, 'an id: before any event');
      assert.ok(Number(event!.id) > Number(stream.hints.startId));
      // Dropped before that event arrived: the reconnect names the start, and gets it.
      const again = readEvents(`${server.url}/handoffs/events`, 1, { 'Last-Event-ID': stream.hints.startId! });
      assert.equal(((await again.events)[0]!.data as { id: string }).id, payload.id);
      // An id beyond the newest record (the store was reset) counts from the newest, not silence.
      const ahead = readEvents(`${server.url}/handoffs/events`, 1, { 'Last-Event-ID': '999999999' });
      await ahead.open;
      const next = fresh();
      await send(server.url, next);
      assert.equal(((await ahead.events)[0]!.data as { id: string }).id, next.id);
    });

    it('a stream that reconnects with Last-Event-ID gets exactly what it missed, once', async () => {
      const first = fresh();
      const inbox = readEvents(`${server.url}/handoffs/events`, 1);
      await inbox.open;
      await send(server.url, first);
      const [seen] = await inbox.events;
      // Disconnected: these happen while nobody listens.
      const missed = [fresh(), fresh()];
      for (const payload of missed) await send(server.url, payload);
      const ack = ackOf(first.id);
      await sendAck(server.url, ack);
      const back = readEvents(`${server.url}/handoffs/events`, 4, { 'Last-Event-ID': seen!.id! });
      await back.open;
      const live = fresh();
      await send(server.url, live);
      const events = await back.events;
      assert.deepEqual(
        events.map((e) => [e.event, (e.data as { id: string }).id]),
        [
          ['handoff', missed[0]!.id],
          ['handoff', missed[1]!.id],
          ['ack', ack.id],
          ['handoff', live.id],
        ],
      );
      // A handoff's stream resumes the same way: nothing before the id it names.
      const second = ackOf(first.id);
      await sendAck(server.url, second);
      const acks = readEvents(`${server.url}/handoffs/${first.id}/events`, 1, { 'Last-Event-ID': events[2]!.id! });
      assert.deepEqual(
        (await acks.events).map((e) => (e.data as { id: string }).id),
        [second.id],
      );
    });

    it('shuts down gracefully: the request in flight is stored and answered, new ones get 503, streams end with a retry hint', async () => {
      const payload = fresh();
      const stream = readEvents(`${server.url}/handoffs/events`, 99);
      await stream.open;
      const hold = await store.holdCommits(options);
      const inFlight = send(server.url, payload);
      await hold.held(1);
      const stopping = server.receiver.shutdown({ graceMs: 60_000 });
      const refused = await send(server.url, fresh());
      assert.equal(refused.status, 503);
      assert.equal(refused.headers.get('retry-after'), '1');
      assert.equal(refused.headers.get('connection'), 'close');
      assert.deepEqual(await stream.events, []);
      assert.equal(stream.hints.retry, 1000);
      // A stream asked for now is not refused (EventSource would give up on a 503): it is told to retry.
      const late = readEvents(`${server.url}/handoffs/events`, 1);
      assert.equal((await late.open).status, 200);
      assert.deepEqual(await late.events, []);
      assert.equal(late.hints.retry, 1000);
      await hold.release();
      assert.equal((await inFlight).status, 201);
      await stopping;
      await server.stop();
      server = await start(options);
      assert.equal((await fetch(`${server.url}/handoffs/${payload.id}`)).status, 200);
    });
  });
}
