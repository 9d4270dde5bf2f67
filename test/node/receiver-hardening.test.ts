// What an outside security review tried on the reference receiver: open test controls, no auth, bad
// URLs, oversized bodies and error answers, unbounded streams and namespaces, MIME sniffing.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Agent, createServer, get, type Server } from 'node:http';
import { connect } from 'node:net';
import { FULL_PAYLOAD, clone } from '../fixtures/handoffs.js';
import { post, readEvents, startReceiver, type Running } from './receiver-helpers.js';
// @ts-expect-error -- plain JavaScript module without declarations
import { createReceiver } from '../../receiver/receiver.mjs';
// @ts-expect-error -- plain JavaScript module without declarations
import { optionsFromEnv, serveReceiver } from '../../receiver/server.mjs';

const countConnections = (server: Server) =>
  new Promise<number>((resolve, reject) =>
    server.getConnections((error, count) => (error ? reject(error) : resolve(count))),
  );
const until = async (check: () => Promise<boolean>) => {
  while (!(await check())) await new Promise((resolve) => setTimeout(resolve, 10));
};

const fresh = () => ({ ...clone(FULL_PAYLOAD), id: crypto.randomUUID() });
const send = (url: string, payload: { id: string }, headers: Record<string, string> = {}) =>
  post(`${url}/handoffs`, payload, { 'Idempotency-Key': payload.id, ...headers });

describe('reference receiver, as started for production (no test controls)', () => {
  let server: Running;
  before(async () => (server = await startReceiver({ maxStreams: 2 })));
  after(() => server.stop());

  it('has no fault, chaos, stats or reset controls and no /r/<namespace>/ routes', async () => {
    for (const path of ['/__receiver/faults', '/__receiver/reset', '/__receiver/chaos', '/r/x/__receiver/faults']) {
      const res = await post(`${server.url}${path}`, [{ status: 200 }]);
      assert.equal(res.status, 404, path);
    }
    assert.equal((await fetch(`${server.url}/__receiver/stats`)).status, 404);
    assert.equal((await send(`${server.url}/r/x`, fresh())).status, 404);
    // And so the next real handoff is stored and answered as usual.
    const payload = fresh();
    assert.equal((await send(server.url, payload)).status, 201);
    assert.equal((await fetch(`${server.url}/handoffs/${payload.id}`)).status, 200);
  });

  it('answers 400 to a badly encoded id, without internal details', async () => {
    const res = await fetch(`${server.url}/handoffs/%ZZ`);
    assert.equal(res.status, 400);
    assert.deepEqual(await res.json(), { error: 'The URL is not correctly percent-encoded.' });
    assert.equal((await post(`${server.url}/handoffs/%E0%A4%A/ack`, {})).status, 400);
  });

  it('sends every JSON answer with nosniff and no-store', async () => {
    const res = await fetch(`${server.url}/handoffs`);
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(res.headers.get('cache-control'), 'no-store');
  });

  it('answers 1 MB of unknown keys with a short error list, not a 10 MB answer', async () => {
    const bad: Record<string, unknown> = fresh();
    for (let i = 0; i < 40_000; i++) bad[`k${i}`] = i;
    const body = JSON.stringify(bad);
    assert.ok(body.length > 500_000 && body.length < 1024 * 1024);
    const res = await post(`${server.url}/handoffs`, body, { 'Idempotency-Key': String(bad.id) });
    assert.equal(res.status, 400);
    const text = await res.text();
    assert.ok(text.length < 5000, `${text.length} bytes`);
    const answer = JSON.parse(text) as { fields: unknown[]; moreFields: number };
    assert.equal(answer.fields.length, 20);
    assert.equal(answer.moreFields, 40_000 - 20);
  });

  it('answers a body over the limit with 413 and Connection: close, not a reset connection', async () => {
    const big = `{"x":"${'a'.repeat(1_600_000)}"}`;
    const res = await post(`${server.url}/handoffs`, big, { 'Idempotency-Key': crypto.randomUUID() });
    assert.equal(res.status, 413);
    assert.equal(res.headers.get('connection'), 'close');
    assert.match(((await res.json()) as { error: string }).error, /larger than 1048576 bytes/);
  });

  it('caps open event streams: past the limit, a stream that ends at once and says to retry in 10 s', async () => {
    const a = readEvents(`${server.url}/handoffs/events`, 99);
    const b = readEvents(`${server.url}/handoffs/events`, 99);
    await Promise.all([a.open, b.open]);
    // Not a 503: on any answer but a 200 event stream, EventSource gives up for good.
    const third = readEvents(`${server.url}/handoffs/events`, 1);
    assert.equal((await third.open).status, 200);
    assert.deepEqual(await third.events, []);
    assert.equal(third.hints.retry, 10_000);
    assert.equal(third.hints.startId, undefined, 'no position: the reconnect keeps the Last-Event-ID it had');
    a.close();
    b.close();
    a.events.catch(() => undefined);
    b.events.catch(() => undefined);
  });
});

describe('reference receiver shutting down', () => {
  it('refuses a stream limit that is not a whole number, naming the setting', async () => {
    for (const maxStreams of [0, 1.5, Number('many')]) {
      await assert.rejects(
        createReceiver({ maxStreams }),
        /maxStreams \(RECEIVER_MAX_STREAMS\) must be a whole number/,
      );
    }
    assert.equal(optionsFromEnv({ RECEIVER_MAX_STREAMS: '250' }).maxStreams, 250);
  });

  it('stops after its grace period even while a client is still sending a body', async () => {
    const server = serveReceiver(await createReceiver({}));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    const slow = connect(port, '127.0.0.1');
    const reading = new Promise<void>((resolve) => slow.once('connect', resolve));
    await reading;
    slow.write('POST /handoffs HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n');
    slow.write('Idempotency-Key: k\r\nContent-Length: 100000\r\n\r\n{"id":');
    const cut = new Promise<void>((resolve) => slow.once('close', () => resolve()));
    await until(async () => (await countConnections(server)) === 1);
    try {
      await Promise.race([
        server.stop({ graceMs: 50 }),
        new Promise((_, reject) => setTimeout(() => reject(new Error('stop() waited on the slow client')), 20_000)),
      ]);
      await cut;
    } finally {
      slow.destroy();
      server.closeAllConnections();
    }
  });

  it('closes each event stream’s connection, so the browser’s reconnect cannot reuse it to reach this instance', async () => {
    const receiver = (await createReceiver({})) as {
      handle(...a: unknown[]): Promise<boolean>;
      shutdown(): Promise<void>;
    };
    const server = createServer((req, res) => void receiver.handle(req, res));
    server.keepAliveTimeout = 60_000; // an idle connection would stay open a minute: only a close ends it sooner
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const agent = new Agent({ keepAlive: true });
    try {
      const { port } = server.address() as { port: number };
      const closed = new Promise<void>((resolve, reject) => {
        const req = get(`http://127.0.0.1:${port}/handoffs/events`, { agent }, (res) => {
          res.resume();
          res.once('data', () => void receiver.shutdown());
        });
        req.on('socket', (socket) => socket.once('close', () => resolve()));
        req.on('error', reject);
      });
      await Promise.race([
        closed,
        new Promise((_, reject) => setTimeout(() => reject(new Error('the stream’s connection stayed open')), 10_000)),
      ]);
    } finally {
      agent.destroy();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe('reference receiver with a token (RECEIVER_TOKEN)', () => {
  const token = 'a'.repeat(20) + 'secret';
  let server: Running;
  before(async () => (server = await startReceiver({ token })));
  after(() => server.stop());

  it('answers 401 without the bearer token, or with a wrong one, on every route', async () => {
    const payload = fresh();
    for (const headers of [{}, { Authorization: 'Bearer wrong' }, { Authorization: token }] as Record<
      string,
      string
    >[]) {
      const res = await send(server.url, payload, headers);
      assert.equal(res.status, 401);
      assert.equal(res.headers.get('www-authenticate'), 'Bearer realm="handoff-receiver"');
    }
    assert.equal((await fetch(`${server.url}/handoffs`)).status, 401);
    assert.equal((await fetch(`${server.url}/handoffs/events`)).status, 401);
    assert.equal((await send(server.url, payload, { Authorization: `Bearer ${token}` })).status, 201);
    assert.equal(
      (await fetch(`${server.url}/handoffs`, { headers: { Authorization: `Bearer ${token}` } })).status,
      200,
    );
  });

  it('refuses a token too short to be secret, saying how to make one', async () => {
    await assert.rejects(createReceiver({ token: 'short' }), /at least 16 characters.*openssl rand -hex 32/);
  });
});

describe('reference receiver across origins (corsOrigins)', () => {
  let server: Running;
  before(async () => (server = await startReceiver({ corsOrigins: ['https://crm.example.com'] })));
  after(() => server.stop());

  it('answers the preflight and the POST for a listed origin only', async () => {
    const preflight = await fetch(`${server.url}/handoffs`, {
      method: 'OPTIONS',
      headers: { Origin: 'https://crm.example.com' },
    });
    assert.equal(preflight.status, 204);
    assert.equal(preflight.headers.get('access-control-allow-origin'), 'https://crm.example.com');
    assert.match(preflight.headers.get('access-control-allow-headers') ?? '', /Idempotency-Key/);
    const payload = fresh();
    const ok = await send(server.url, payload, { Origin: 'https://crm.example.com' });
    assert.equal(ok.headers.get('access-control-allow-origin'), 'https://crm.example.com');
    const other = await fetch(`${server.url}/handoffs`, { headers: { Origin: 'https://evil.example' } });
    assert.equal(other.headers.get('access-control-allow-origin'), null);
  });

  it('lets the page read Retry-After (a header CORS hides unless exposed), on every answer that may carry it', async () => {
    const payload = fresh();
    const origin = { Origin: 'https://crm.example.com' };
    const answers = [
      await send(server.url, payload, origin),
      await post(`${server.url}/handoffs`, { ...payload, recap: {} }, { 'Idempotency-Key': payload.id, ...origin }),
      await fetch(`${server.url}/handoffs/${payload.id}`, { headers: origin }),
    ];
    for (const res of answers) {
      const exposed = (res.headers.get('access-control-expose-headers') ?? '').split(/\s*,\s*/);
      assert.ok(exposed.includes('Retry-After'), `${res.status}: ${exposed}`);
      assert.ok(exposed.includes('Idempotent-Replayed'), `${res.status}: ${exposed}`);
    }
    const preflight = await fetch(`${server.url}/handoffs/${payload.id}`, {
      method: 'OPTIONS',
      headers: { ...origin, 'Access-Control-Request-Headers': 'authorization' },
    });
    assert.equal(preflight.status, 204, 'the poll transport sends Authorization on GET /handoffs/{id}');
  });
});

describe('reference receiver with test controls', () => {
  let server: Running;
  before(async () => (server = await startReceiver({ testControls: true })));
  after(() => server.stop());

  it('does not create a namespace for a GET: reading /r/<ns>/… a million times costs nothing', async () => {
    const stats = async () =>
      ((await (await fetch(`${server.url}/__receiver/stats`)).json()) as { namespaces: number }).namespaces;
    const before = await stats();
    for (let i = 0; i < 50; i++) {
      const res = await fetch(`${server.url}/r/probe-${i}/handoffs/${crypto.randomUUID()}`);
      assert.equal(res.status, 404);
      assert.deepEqual(await (await fetch(`${server.url}/r/probe-${i}/handoffs`)).json(), []);
    }
    assert.equal(await stats(), before);
  });

  it('keeps at most 300 namespaces, dropping the least recently used', async () => {
    for (let i = 0; i < 320; i++) await send(`${server.url}/r/many-${i}`, fresh());
    const { namespaces } = (await (await fetch(`${server.url}/__receiver/stats`)).json()) as { namespaces: number };
    assert.equal(namespaces, 300);
  });

  it('never resets the durable default inbox', async () => {
    const res = await post(`${server.url}/__receiver/reset`, '');
    assert.equal(res.status, 400);
  });
});
