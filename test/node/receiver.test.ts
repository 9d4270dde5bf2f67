// The reference receiver's HTTP contract, over real HTTP: validation, size and type errors, the
// Idempotency-Key rules, durability across a restart, and the server-sent event streams.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// @ts-expect-error -- plain JavaScript module without declarations
import { createReceiver } from '../../receiver/receiver.mjs';
import { FULL_PAYLOAD, VALID_ACKS, clone } from '../fixtures/handoffs.js';

interface Receiver {
  handle(req: unknown, res: unknown): Promise<boolean>;
  close(): Promise<void>;
}

async function start(dataFile?: string): Promise<{ url: string; stop: () => Promise<void> }> {
  const receiver = (await createReceiver({ dataFile })) as Receiver;
  const server: Server = createServer((req, res) => {
    void receiver.handle(req, res).then((handled) => {
      if (!handled) res.writeHead(404).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    stop: async () => {
      await receiver.close();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });

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

  it('415 for a body that is not JSON, 413 for one over 1 MB, 400 for broken JSON or a missing key', async () => {
    const text = await fetch(`${server.url}/handoffs`, { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: 'hello' });
    assert.equal(text.status, 415);
    const huge = await post(`${server.url}/handoffs`, `{"x":"${'a'.repeat(1024 * 1024 + 10)}"}`).catch((error: Error) => error);
    // Node's fetch may see the socket closed while still sending; either way nothing is stored.
    if (huge instanceof Response) assert.equal(huge.status, 413);
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
    const changed = await post(`${server.url}/handoffs`, { ...payload, priority: 'low' }, { 'Idempotency-Key': payload.id });
    assert.equal(changed.status, 422);
    const inbox = (await (await fetch(`${server.url}/handoffs`)).json()) as { id: string }[];
    assert.equal(inbox.filter((h) => h.id === payload.id).length, 1);
  });

  it('acks: 404 for an unknown handoff, stored with the handoff otherwise', async () => {
    const payload = { ...clone(FULL_PAYLOAD), id: crypto.randomUUID() };
    await post(`${server.url}/handoffs`, payload, { 'Idempotency-Key': payload.id });
    const ack = { ...clone(VALID_ACKS[0]!), id: crypto.randomUUID(), handoffId: payload.id };
    const unknown = crypto.randomUUID();
    assert.equal((await post(`${server.url}/handoffs/${unknown}/ack`, { ...ack, handoffId: unknown }, { 'Idempotency-Key': ack.id })).status, 404);
    assert.equal((await post(`${server.url}/handoffs/${payload.id}/ack`, ack, { 'Idempotency-Key': ack.id })).status, 201);
    const one = await (await fetch(`${server.url}/handoffs/${payload.id}`)).json();
    assert.deepEqual(one.acks.map((a: { payload: { id: string } }) => a.payload.id), [ack.id]);
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
    const ns = `${server.url}/r/sse-${crypto.randomUUID().slice(0, 8)}`;
    const payload = { ...clone(FULL_PAYLOAD), id: crypto.randomUUID() };
    const inbox = readEvents(`${ns}/handoffs/events`, 2);
    await inbox.open;
    await post(`${ns}/handoffs`, payload, { 'Idempotency-Key': payload.id });
    const ack = { ...clone(VALID_ACKS[0]!), id: crypto.randomUUID(), handoffId: payload.id };
    await post(`${ns}/handoffs/${payload.id}/ack`, ack, { 'Idempotency-Key': ack.id });
    const events = await inbox.events;
    assert.deepEqual(events.map((e) => e.event), ['handoff', 'ack']);
    assert.equal((events[0]!.data as { id: string }).id, payload.id);

    const late = readEvents(`${ns}/handoffs/${payload.id}/events`, 1);
    const [existing] = await late.events;
    assert.deepEqual(existing, { event: 'ack', data: ack });
  });
});

/** Reads `count` events from a server-sent event stream, then closes it. */
function readEvents(url: string, count: number) {
  const controller = new AbortController();
  const response = fetch(url, { signal: controller.signal, headers: { Accept: 'text/event-stream' } });
  const events = response.then(async (res) => {
    assert.match(res.headers.get('content-type') ?? '', /^text\/event-stream/);
    const found: { event: string; data: unknown }[] = [];
    const decoder = new TextDecoder();
    let buffer = '';
    for await (const chunk of res.body!) {
      buffer += decoder.decode(chunk as Uint8Array, { stream: true });
      let end;
      while ((end = buffer.indexOf('\n\n')) !== -1) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const event = /^event: (.*)$/m.exec(block)?.[1];
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (event && data) found.push({ event, data: JSON.parse(data) });
      }
      if (found.length >= count) break;
    }
    controller.abort();
    return found;
  });
  return { open: response, events };
}
