// The receiver on PostgreSQL: the shared contract, then what only a shared database brings — several
// instances on one database, events fanned out through LISTEN/NOTIFY, an instance killed mid-request,
// migrations, key retention, and a database that is not there.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import pg from 'pg';
import { FULL_PAYLOAD, VALID_ACKS, clone } from '../fixtures/handoffs.js';
import { describeReceiverContract } from './receiver-contract.js';
import { IN_THIS_DATABASE, holdCommits, usePostgres, query } from './postgres.js';
import {
  post,
  readEvents,
  startInstances,
  startReceiver,
  type ReceiverOptions,
  type Running,
} from './receiver-helpers.js';

async function until(check: () => Promise<boolean>) {
  while (!(await check())) await new Promise((resolve) => setTimeout(resolve, 10));
}
// @ts-expect-error -- plain JavaScript module without declarations
import { COMMIT_ORDER_LOCK, openPostgresStore } from '../../receiver/stores/postgres-store.mjs';

const databases = usePostgres();

const fresh = () => ({ ...clone(FULL_PAYLOAD), id: crypto.randomUUID() });
const send = (url: string, payload: { id: string }) =>
  post(`${url}/handoffs`, payload, { 'Idempotency-Key': payload.id });
const countOf = async (url: string, id: string) =>
  Number((await query<{ n: string }>(url, 'SELECT count(*) AS n FROM handoff_records WHERE id = $1', [id]))[0]!.n);

const postgresStore = {
  options: async () => ({ databaseUrl: await databases.create() }),
  holdCommits: ({ databaseUrl }: ReceiverOptions) => holdCommits(databaseUrl!),
  storedCount: ({ databaseUrl }: ReceiverOptions, id: string) => countOf(databaseUrl!, id),
};
describeReceiverContract('PostgreSQL', postgresStore);
describeReceiverContract('PostgreSQL, two instances behind a round-robin proxy', {
  ...postgresStore,
  start: (options) => startInstances(2, options),
});

describe('two receiver instances on one PostgreSQL database', () => {
  let databaseUrl: string;
  let a: Running;
  let b: Running;
  before(async () => {
    databaseUrl = await databases.create();
    [a, b] = await Promise.all([startReceiver({ databaseUrl }), startReceiver({ databaseUrl })]);
  });
  after(async () => {
    await a.stop();
    await b.stop();
  });

  it('the same key sent to both at once is stored once: one 201, the others 409 or the replayed 201', async () => {
    for (let round = 0; round < 10; round++) {
      const payload = fresh();
      const answers = await Promise.all(Array.from({ length: 8 }, (_, i) => send((i % 2 ? a : b).url, payload)));
      const stored = answers.filter((r) => r.status === 201 && !r.headers.get('Idempotent-Replayed'));
      assert.equal(stored.length, 1, `round ${round}: ${answers.map((r) => r.status)}`);
      for (const r of answers) assert.ok([201, 409].includes(r.status), String(r.status));
      assert.equal(await countOf(databaseUrl, payload.id), 1);
    }
  });

  it('a subscriber of one instance sees what was sent to the other, and resumes on it with Last-Event-ID', async () => {
    const payload = fresh();
    const onB = readEvents(`${b.url}/handoffs/events`, 2);
    await onB.open;
    await send(a.url, payload);
    const ack = { ...clone(VALID_ACKS[0]!), id: crypto.randomUUID(), handoffId: payload.id };
    await post(`${a.url}/handoffs/${payload.id}/ack`, ack, { 'Idempotency-Key': ack.id });
    const events = await onB.events;
    assert.deepEqual(
      events.map((e) => e.event),
      ['handoff', 'ack'],
    );
    // B goes away; the browser reconnects through the balancer to A with the last id it saw.
    const missed = fresh();
    await send(b.url, missed);
    const onA = readEvents(`${a.url}/handoffs/events`, 1, { 'Last-Event-ID': events[1]!.id! });
    assert.deepEqual(
      (await onA.events).map((e) => (e.data as { id: string }).id),
      [missed.id],
    );
    const acks = readEvents(`${b.url}/handoffs/${payload.id}/events`, 1);
    assert.deepEqual((await acks.events)[0]!.data, ack);
  });

  it('a live subscriber misses none of many concurrent commits on both instances, in growing id order', async () => {
    const payloads = Array.from({ length: 40 }, fresh);
    const live = readEvents(`${b.url}/handoffs/events`, payloads.length);
    await live.open;
    await Promise.all(payloads.map((p, i) => send((i % 2 ? a : b).url, p)));
    const events = await live.events;
    assert.deepEqual(events.map((e) => (e.data as { id: string }).id).sort(), payloads.map((p) => p.id).sort());
    const ids = events.map((e) => Number(e.id));
    assert.deepEqual(
      ids,
      [...ids].sort((x, y) => x - y),
    );
  });
});

/** `node receiver/server.mjs` as a process of its own, as an integrator runs it. */
async function startInstance(env: Record<string, string>) {
  const child = spawn(process.execPath, ['receiver/server.mjs'], {
    env: { ...process.env, PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      const found = /listening on (http:\/\/\S+)/.exec(chunk.toString());
      if (found) resolve(found[1]!);
    });
    child.once('exit', (code) => reject(new Error(`the receiver exited (${code}) before listening`)));
  });
  return { child, url };
}

describe('an instance stopped with SIGTERM', () => {
  it('answers the request in flight, refuses new ones, ends its streams with a retry hint, and exits 0', async () => {
    const databaseUrl = await databases.create();
    const { child, url } = await startInstance({ DATABASE_URL: databaseUrl });
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    const stream = readEvents(`${url}/handoffs/events`, 99);
    await stream.open;
    const hold = await holdCommits(databaseUrl);
    const payload = fresh();
    const inFlight = send(url, payload);
    await hold.held(1);
    child.kill('SIGTERM');
    assert.deepEqual(await stream.events, []);
    assert.equal(stream.hints.retry, 1000);
    // A new connection is refused, a kept-alive one answered 503: either way nothing new is taken on.
    const late = fresh();
    const refused = await send(url, late).catch((error: Error & { cause?: { code?: string } }) => error);
    if (refused instanceof Response) assert.equal(refused.status, 503);
    else assert.equal(refused.cause?.code, 'ECONNREFUSED', String(refused));
    await hold.release();
    assert.equal((await inFlight).status, 201);
    assert.equal(await exited, 0);
    assert.equal(await countOf(databaseUrl, payload.id), 1);
    assert.equal(await countOf(databaseUrl, late.id), 0);
  });
});

describe('an instance killed mid-request', () => {
  let databaseUrl: string;
  let survivor: Running;
  let child: ChildProcess | undefined;
  before(async () => {
    databaseUrl = await databases.create();
    survivor = await startReceiver({ databaseUrl });
  });
  after(async () => {
    child?.kill('SIGKILL');
    await survivor.stop();
  });

  it('loses no handoff it answered 2xx; the unanswered ones are stored exactly once on retry elsewhere', async () => {
    let url: string;
    ({ child, url } = await startInstance({ DATABASE_URL: databaseUrl, RECEIVER_IN_FLIGHT_TIMEOUT_MS: '1000' }));
    const payloads = Array.from({ length: 120 }, fresh);
    const answered: string[] = [];
    let cutOff = 0;
    let next = 0;
    const worker = async () => {
      while (next < payloads.length) {
        const payload = payloads[next++]!;
        const res = await send(url, payload).catch(() => undefined);
        if (res?.status === 201) answered.push(payload.id);
        else if (!res && answered.length >= 40) cutOff++;
        if (answered.length === 40) child!.kill('SIGKILL');
      }
    };
    await Promise.all(Array.from({ length: 16 }, worker));
    assert.ok(answered.length >= 40, `${answered.length} answered before the kill`);
    assert.ok(cutOff > 0, 'requests were in flight when the instance died');
    for (const id of answered) assert.equal(await countOf(databaseUrl, id), 1, `${id} was answered 201`);

    // The SDK retries what got no answer; a key the dead instance had claimed is 409 until its marker expires.
    for (const payload of payloads) {
      for (;;) {
        const res = await send(survivor.url, payload);
        if (res.status === 201) break;
        assert.equal(res.status, 409);
        await new Promise((r) => setTimeout(r, Number(res.headers.get('retry-after')) * 1000));
      }
      assert.equal(await countOf(databaseUrl, payload.id), 1);
    }
  });
});

describe('the PostgreSQL store’s keys and schema', () => {
  it('a key row past its retention is swept; the handoff is still answered as stored, another body is 422', async () => {
    const databaseUrl = await databases.create();
    const store = await openPostgresStore({ connectionString: databaseUrl, keyRetentionMs: 60_000 });
    const server = await startReceiver({ databaseUrl });
    try {
      const payload = fresh();
      const first = await (await send(server.url, payload)).json();
      await query(databaseUrl, "UPDATE handoff_idempotency_keys SET created_at = now() - interval '2 minutes'");
      await store.sweepKeys();
      assert.deepEqual(await query(databaseUrl, 'SELECT key FROM handoff_idempotency_keys'), []);
      const again = await send(server.url, payload);
      assert.equal(again.status, 201);
      assert.equal(again.headers.get('Idempotent-Replayed'), 'true');
      assert.deepEqual(await again.json(), first);
      await query(databaseUrl, 'DELETE FROM handoff_idempotency_keys');
      const other = await post(
        `${server.url}/handoffs`,
        { ...payload, priority: 'low' },
        { 'Idempotency-Key': payload.id },
      );
      assert.equal(other.status, 422);
      assert.equal(await countOf(databaseUrl, payload.id), 1);
    } finally {
      await server.stop();
      await store.close();
    }
  });

  it('an in-flight marker answers 409 until its time, then the key may be claimed again', async () => {
    const databaseUrl = await databases.create();
    const server = await startReceiver({ databaseUrl });
    try {
      const payload = fresh();
      // An instance claimed the key and died before committing.
      await query(
        databaseUrl,
        "INSERT INTO handoff_idempotency_keys (key, request_hash, locked_until) VALUES ($1, 'x', now() + interval '90 seconds')",
        [payload.id],
      );
      const busy = await send(server.url, payload);
      assert.equal(busy.status, 409);
      // The marker has 90 s left, but a live commit takes milliseconds: ask again within 5 s.
      assert.equal(busy.headers.get('retry-after'), '5');
      await query(databaseUrl, "UPDATE handoff_idempotency_keys SET locked_until = now() - interval '1 second'");
      assert.equal((await send(server.url, payload)).status, 201);
      assert.equal(await countOf(databaseUrl, payload.id), 1);
    } finally {
      await server.stop();
    }
  });

  it('instances starting together migrate once; a newer schema is refused with what to do', async () => {
    const databaseUrl = await databases.create();
    const stores = await Promise.all(
      Array.from({ length: 4 }, () => openPostgresStore({ connectionString: databaseUrl })),
    );
    await Promise.all(stores.map((s: { close(): Promise<void> }) => s.close()));
    assert.deepEqual(
      (await query<{ version: number }>(databaseUrl, 'SELECT version FROM handoff_receiver_migrations')).map(
        (r) => r.version,
      ),
      [1, 2, 3],
    );
    await query(databaseUrl, 'INSERT INTO handoff_receiver_migrations (version) VALUES (99)');
    await assert.rejects(
      openPostgresStore({ connectionString: databaseUrl }),
      /schema version 99, newer than this receiver knows/,
    );
  });

  it('a connection killed in the middle of a commit: that request is 503, the process lives on, the next is stored', async () => {
    const databaseUrl = await databases.create();
    const server = await startReceiver({ databaseUrl });
    try {
      const hold = await holdCommits(databaseUrl);
      const payload = fresh();
      const cut = send(server.url, payload);
      await hold.held(1);
      // The database (a failover, an admin) ends the backend that waits in the commit.
      await query(
        databaseUrl,
        `SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND objid = $1 AND ${IN_THIS_DATABASE}`,
        [COMMIT_ORDER_LOCK],
      );
      const answer = await cut;
      await hold.release();
      assert.equal(answer.status, 503);
      assert.equal(await countOf(databaseUrl, payload.id), 0);
      // Its claim was let go: the retry is stored at once, not after the in-flight timeout.
      assert.equal((await send(server.url, payload)).status, 201);
      assert.equal(await countOf(databaseUrl, payload.id), 1);
    } finally {
      await server.stop();
    }
  });

  it('commits that all fail at once (timeouts) are answered 503 and leave the pool usable', async () => {
    const databaseUrl = await databases.create();
    const server = await startReceiver({ databaseUrl, postgres: { poolSize: 2, queryTimeoutMs: 300 } });
    try {
      const hold = await holdCommits(databaseUrl);
      const stuck = [fresh(), fresh(), fresh()];
      const answers = await Promise.all(stuck.map((p) => send(server.url, p)));
      // The database stops their statements too (statement_timeout): none stays queued on the lock,
      // holding a connection, while the lock is still held.
      await until(async () => (await hold.waiting()) === 0);
      await hold.release();
      assert.deepEqual(
        answers.map((r) => r.status),
        [503, 503, 503],
      );
      // The pool is usable again. Each retry has the same 300 ms, which a loaded machine may miss once.
      for (const payload of stuck) {
        const statuses = [];
        while (statuses.at(-1) !== 201 && statuses.length < 10) statuses.push((await send(server.url, payload)).status);
        assert.equal(statuses.at(-1), 201, String(statuses));
        assert.ok(
          statuses.every((status) => status === 201 || status === 503),
          String(statuses),
        );
      }
    } finally {
      await server.stop();
    }
  });

  it('a commit after another instance took the key over with another body keeps the stored body’s hash', async () => {
    const databaseUrl = await databases.create();
    const server = await startReceiver({ databaseUrl });
    try {
      const hold = await holdCommits(databaseUrl);
      const payload = fresh();
      const slow = send(server.url, payload);
      await hold.held(1);
      // Meanwhile its marker ran out and another instance claimed the key with another body, then died.
      await query(
        databaseUrl,
        "UPDATE handoff_idempotency_keys SET request_hash = 'another body', claimed_by = 'instance B' WHERE key = $1",
        [payload.id],
      );
      await hold.release();
      assert.equal((await slow).status, 201);
      const retry = await send(server.url, payload);
      assert.equal(retry.status, 201);
      assert.equal(retry.headers.get('Idempotent-Replayed'), 'true');
      const other = await post(
        `${server.url}/handoffs`,
        { ...payload, priority: 'low' },
        { 'Idempotency-Key': payload.id },
      );
      assert.equal(other.status, 422);
    } finally {
      await server.stop();
    }
  });

  it('a database that goes away mid-run: every route answers 503 with Retry-After, nothing crashes', async () => {
    const databaseUrl = await databases.create();
    const server = await startReceiver({ databaseUrl });
    try {
      assert.equal((await send(server.url, fresh())).status, 201);
      const name = new URL(databaseUrl).pathname.slice(1);
      const admin = new URL(databaseUrl);
      admin.pathname = '/postgres';
      await query(admin.toString(), `DROP DATABASE ${name} WITH (FORCE)`);
      for (const res of [
        await send(server.url, fresh()),
        await fetch(`${server.url}/handoffs`),
        await fetch(`${server.url}/handoffs/${crypto.randomUUID()}`),
      ]) {
        assert.equal(res.status, 503);
        assert.ok(Number(res.headers.get('retry-after')) >= 1);
        assert.match((await res.json()).error, /could not (be stored|reach its store)/);
      }
    } finally {
      await server.stop();
    }
  });

  it('a browser that leaves while its stream is opening does not keep a place among the streams', async () => {
    const databaseUrl = await databases.create();
    const server = await startReceiver({ databaseUrl, maxStreams: 1 });
    const locker = new pg.Client({ connectionString: databaseUrl });
    await locker.connect();
    try {
      // Where a stream starts is read from the records: make that read wait, then leave.
      await locker.query('BEGIN');
      await locker.query('LOCK TABLE handoff_records IN ACCESS EXCLUSIVE MODE');
      const leaving = new AbortController();
      const opening = fetch(`${server.url}/handoffs/events`, { signal: leaving.signal }).catch(() => undefined);
      await until(async () => {
        const rows = await query<{ n: number }>(
          databaseUrl,
          `SELECT count(*)::int AS n FROM pg_locks WHERE relation = 'handoff_records'::regclass AND NOT granted AND ${IN_THIS_DATABASE}`,
        );
        return rows[0]!.n > 0;
      });
      leaving.abort();
      await opening;
      await locker.query('COMMIT');
      const next = readEvents(`${server.url}/handoffs/events`, 1);
      const res = await next.open;
      assert.equal(res.status, 200);
      next.close();
      next.events.catch(() => undefined);
    } finally {
      await locker.end();
      await server.stop();
    }
  });

  it('a database that cannot be reached is a clear error, without the password', async () => {
    await assert.rejects(
      startReceiver({ databaseUrl: 'postgres://handoff:s3cret@127.0.0.1:1/handoffs' }),
      (error: Error) => {
        assert.match(
          error.message,
          /Could not open the PostgreSQL store at postgres:\/\/handoff:\*\*\*@127\.0\.0\.1:1\/handoffs/,
        );
        assert.doesNotMatch(error.message, /s3cret/);
        return true;
      },
    );
    // pg also takes a password (and a client key's passphrase) from the query string.
    await assert.rejects(
      startReceiver({ databaseUrl: 'postgres://handoff@127.0.0.1:1/handoffs?password=s3cret&sslpassword=k3y' }),
      (error: Error) => {
        assert.doesNotMatch(error.message, /s3cret|k3y/);
        assert.match(error.message, /password=\*\*\*/);
        return true;
      },
    );
    await assert.rejects(
      startReceiver({ databaseUrl: 'postgres://x@127.0.0.1:1/x', dataFile: '/tmp/x.jsonl' }),
      /either a databaseUrl/,
    );
    await assert.rejects(
      startReceiver({ databaseUrl: 'postgres://x@127.0.0.1:1/x', postgres: { inFlightTimeoutMs: 0 } }),
      /inFlightTimeoutMs must be a whole number above 0/,
    );
  });
});
