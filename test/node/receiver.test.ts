// The reference receiver's HTTP contract, over real HTTP: validation, size and type errors, the
// Idempotency-Key rules, durability across a restart, and the server-sent event streams.
// Hardening (auth, bad URLs, caps) is in receiver-hardening.test.ts; crashes in receiver-store.test.ts.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FULL_PAYLOAD, VALID_ACKS, clone } from '../fixtures/handoffs.js';
import { post, readEvents, startReceiver as start } from './receiver-helpers.js';

describe('reference receiver', () => {
  const dir = mkdtempSync(join(tmpdir(), 'receiver-'));
  const dataFile = join(dir, 'handoffs.jsonl');
  let server: Awaited<ReturnType<typeof start>>;
  before(async () => (server = await start(dataFile)));
  after(async () => {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  });

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
    const payload = { ...clone(FULL_PAYLOAD), id: crypto.randomUUID() };
    const first = await post(`${server.url}/handoffs`, payload, { 'Idempotency-Key': payload.id });
    assert.equal(first.status, 201);
    const original = await first.json();
    const again = await post(`${server.url}/handoffs`, payload, { 'Idempotency-Key': payload.id });
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
  });

  it('acks: 404 for an unknown handoff, stored with the handoff otherwise', async () => {
    const payload = { ...clone(FULL_PAYLOAD), id: crypto.randomUUID() };
    await post(`${server.url}/handoffs`, payload, { 'Idempotency-Key': payload.id });
    const ack = { ...clone(VALID_ACKS[0]!), id: crypto.randomUUID(), handoffId: payload.id };
    const unknown = crypto.randomUUID();
    assert.equal(
      (
        await post(
          `${server.url}/handoffs/${unknown}/ack`,
          { ...ack, handoffId: unknown },
          { 'Idempotency-Key': ack.id },
        )
      ).status,
      404,
    );
    assert.equal(
      (await post(`${server.url}/handoffs/${payload.id}/ack`, ack, { 'Idempotency-Key': ack.id })).status,
      201,
    );
    const one = await (await fetch(`${server.url}/handoffs/${payload.id}`)).json();
    assert.deepEqual(
      one.acks.map((a: { payload: { id: string } }) => a.payload.id),
      [ack.id],
    );
  });

  it('a restart loses nothing: handoffs, acks and idempotency come back from the fsync’d log', async () => {
    const payload = { ...clone(FULL_PAYLOAD), id: crypto.randomUUID() };
    await post(`${server.url}/handoffs`, payload, { 'Idempotency-Key': payload.id });
    const ack = { ...clone(VALID_ACKS[0]!), id: crypto.randomUUID(), handoffId: payload.id };
    await post(`${server.url}/handoffs/${payload.id}/ack`, ack, { 'Idempotency-Key': ack.id });
    await server.stop();
    assert.ok(readFileSync(dataFile, 'utf8').includes(payload.id));
    server = await start(dataFile);
    const one = await (await fetch(`${server.url}/handoffs/${payload.id}`)).json();
    assert.equal(one.id, payload.id);
    assert.equal(one.acks.length, 1);
    const replay = await post(`${server.url}/handoffs`, payload, { 'Idempotency-Key': payload.id });
    assert.equal(replay.headers.get('Idempotent-Replayed'), 'true');
  });

  it('streams new handoffs and acks as server-sent events, and a handoff’s existing acks on connect', async () => {
    const ns = server.url;
    const payload = { ...clone(FULL_PAYLOAD), id: crypto.randomUUID() };
    const inbox = readEvents(`${ns}/handoffs/events`, 2);
    await inbox.open;
    await post(`${ns}/handoffs`, payload, { 'Idempotency-Key': payload.id });
    const ack = { ...clone(VALID_ACKS[0]!), id: crypto.randomUUID(), handoffId: payload.id };
    await post(`${ns}/handoffs/${payload.id}/ack`, ack, { 'Idempotency-Key': ack.id });
    const events = await inbox.events;
    assert.deepEqual(
      events.map((e) => e.event),
      ['handoff', 'ack'],
    );
    assert.equal((events[0]!.data as { id: string }).id, payload.id);

    const late = readEvents(`${ns}/handoffs/${payload.id}/events`, 1);
    const [existing] = await late.events;
    assert.deepEqual(existing, { event: 'ack', data: ack });
  });
});
