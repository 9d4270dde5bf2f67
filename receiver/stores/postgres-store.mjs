// The PostgreSQL store (DATABASE_URL): the same interface as receiver/stores/log-store.mjs, shared by
// any number of receiver instances. The idempotency rules are the ones Stripe and the IETF
// Idempotency-Key draft describe:
//
// 1. Claim the key: insert its row with the request hash and an in-flight marker (`locked_until`), in a
//    transaction of its own. A key already there answers 409 + Retry-After while in flight, 422 for
//    another body, the stored 201 again for the same body. A marker whose time ran out (its instance
//    died mid-request) may be claimed again.
// 2. Commit: insert the record (its id is unique, so a second writer can never store it twice), record
//    the 201 on the key, NOTIFY, COMMIT; only then is 201 answered.
//
// Events: every instance LISTENs; a notification carries only the new seq, and each instance reads the
// records after the last seq it saw. A transaction-level advisory lock around step 2 makes records
// commit in seq order, so "everything after seq N" (a reconnect's Last-Event-ID) never skips one that
// committed late.
import pg from 'pg';
import { migrate } from './postgres-migrations.mjs';

const CHANNEL = 'handoff_records';
export const COMMIT_ORDER_LOCK = 0x68_6f_66_65; // "hofe"
const HISTORY_LIMIT = 500;
const HOUR = 3600_000;

/** The settings' defaults. */
export const POSTGRES_DEFAULTS = {
  /** How long a claimed key waits for its request to commit before another may claim it. @default 30 s */
  inFlightTimeoutMs: 30_000,
  /** How long a committed key's row is kept (older keys are answered from the records). @default 7 days */
  keyRetentionMs: 7 * 24 * HOUR,
  /** Connections in the pool, besides the one that listens. @default 10 */
  poolSize: 10,
  /** How long a connection or a query may take before the request is answered 503. @default 15 s */
  queryTimeoutMs: 15_000,
};

const iso = (date) => date.toISOString();
const toEvent = (row) => ({
  seq: Number(row.seq),
  kind: row.kind,
  payload: row.payload,
  receivedAt: iso(row.received_at),
});

/** The URL with its password hidden, for error messages. */
export function redactUrl(connectionString) {
  try {
    const url = new URL(connectionString);
    if (url.password) url.password = '***';
    for (const name of [...url.searchParams.keys()]) {
      if (/pass/i.test(name)) url.searchParams.set(name, '***');
    }
    return url.toString();
  } catch {
    return '(not a URL)';
  }
}

function checkSettings(settings) {
  for (const [name, value] of Object.entries(settings)) {
    if (!Number.isInteger(value) || value < 1) {
      throw new TypeError(`The PostgreSQL store's ${name} must be a whole number above 0 (got ${value}).`);
    }
  }
}

/**
 * Connects, migrates and starts listening. Rejects with the reason (and the URL without its password)
 * when the database cannot be reached.
 */
export async function openPostgresStore({ connectionString, ...options }) {
  const settings = { ...POSTGRES_DEFAULTS, ...options };
  checkSettings(settings);
  const base = { connectionString, keepAlive: true, keepAliveInitialDelayMillis: 10_000 };
  const connection = {
    ...base,
    // A database that stops answering (packets dropped, not refused) fails requests with 503 instead of
    // hanging them. The client's own timeout only stops waiting; the server-side ones end the work too,
    // so a timed-out commit does not stay queued on the order lock holding a connection slot, and a
    // writer whose instance vanished mid-transaction does not hold the lock for hours.
    connectionTimeoutMillis: settings.queryTimeoutMs,
    query_timeout: settings.queryTimeoutMs,
    statement_timeout: settings.queryTimeoutMs,
    idle_in_transaction_session_timeout: settings.queryTimeoutMs,
  };
  const pool = new pg.Pool({ ...connection, max: settings.poolSize });
  // An idle connection that drops (the database restarted) must not end the process; the next query reports it.
  pool.on('error', ignore);
  let feed;
  try {
    // Migrations may wait for another instance's and take their time: no statement timeouts there.
    const client = new pg.Client(base);
    client.on('error', ignore);
    await client.connect();
    try {
      await migrate(client);
    } finally {
      await client.end();
    }
    feed = await startFeed(pool, connection);
  } catch (error) {
    await pool.end().catch(ignore);
    throw new Error(`Could not open the PostgreSQL store at ${redactUrl(connectionString)}: ${error.message}`, {
      cause: error,
    });
  }
  const sweep = setInterval(
    () => void sweepKeys(pool, settings.keyRetentionMs),
    Math.min(HOUR, settings.keyRetentionMs),
  );
  sweep.unref();

  return {
    commit: (record) => commit(pool, settings, record),
    async list({ limit = HISTORY_LIMIT } = {}) {
      const { rows } = await pool.query(
        "SELECT payload, received_at FROM handoff_records WHERE kind = 'handoff' ORDER BY seq DESC LIMIT $1",
        [limit],
      );
      const acks = await acksOf(
        pool,
        rows.map((row) => row.payload.id),
      );
      return rows.map((row) => withAcks(row, acks));
    },
    async get(id) {
      // A NUL cannot be in a stored id (nor in a text parameter): no such handoff.
      if (id.includes('\u0000')) return undefined;
      const { rows } = await pool.query(
        "SELECT payload, received_at FROM handoff_records WHERE kind = 'handoff' AND id = $1",
        [id],
      );
      return rows.length ? withAcks(rows[0], await acksOf(pool, [id])) : undefined;
    },
    async receivedSince({ since, limit = null }) {
      const { rows } = await pool.query(
        "SELECT payload, received_at FROM handoff_records WHERE kind = 'handoff' AND received_at >= $1 ORDER BY received_at DESC LIMIT $2",
        [since, limit],
      );
      const acks = await acksOf(
        pool,
        rows.map((row) => row.payload.id),
      );
      return rows.map((row) => withAcks(row, acks));
    },
    events: (query) => events(pool, query),
    onEvent: feed.onEvent,
    lastSeq: () => maxSeq(pool),
    /** Deletes key rows past their retention now (the store also does this every hour). */
    sweepKeys: () => sweepKeys(pool, settings.keyRetentionMs),
    async close() {
      clearInterval(sweep);
      await feed.close();
      await pool.end();
    },
  };
}

function withAcks(row, acks) {
  return { ...row.payload, receivedAt: iso(row.received_at), acks: acks.get(row.payload.id) ?? [] };
}

async function acksOf(pool, handoffIds) {
  const { rows } = await pool.query(
    "SELECT handoff_id, payload, received_at FROM handoff_records WHERE kind = 'ack' AND handoff_id = ANY($1) ORDER BY seq",
    [handoffIds],
  );
  const byHandoff = new Map();
  for (const row of rows) {
    byHandoff.set(row.handoff_id, [
      ...(byHandoff.get(row.handoff_id) ?? []),
      { payload: row.payload, receivedAt: iso(row.received_at) },
    ]);
  }
  return byHandoff;
}

async function events(pool, { after = 0, handoffId, limit = HISTORY_LIMIT } = {}) {
  if (handoffId?.includes('\u0000')) return [];
  const { rows } = handoffId
    ? await pool.query(
        "SELECT seq, kind, payload, received_at FROM handoff_records WHERE kind = 'ack' AND handoff_id = $1 AND seq > $2 ORDER BY seq LIMIT $3",
        [handoffId, after, limit],
      )
    : await pool.query(
        'SELECT seq, kind, payload, received_at FROM handoff_records WHERE seq > $1 ORDER BY seq LIMIT $2',
        [after, limit],
      );
  return rows.map(toEvent);
}

const CLAIM = `
  INSERT INTO handoff_idempotency_keys (key, request_hash, locked_until, claimed_by)
  VALUES ($1, $2, now() + $3 * interval '1 millisecond', $4)
  ON CONFLICT (key) DO UPDATE
    SET request_hash = EXCLUDED.request_hash, locked_until = EXCLUDED.locked_until,
        claimed_by = EXCLUDED.claimed_by, created_at = now()
    WHERE handoff_idempotency_keys.response IS NULL AND handoff_idempotency_keys.locked_until < now()
  RETURNING key`;

/** A 409's Retry-After: the marker's remaining time, but a live commit takes milliseconds, so ask again soon. */
const MAX_IN_FLIGHT_RETRY_SECONDS = 5;

async function commit(pool, settings, record) {
  const { kind, key, hash, payload } = record;
  if (kind === 'ack') {
    const { rowCount } = await pool.query("SELECT 1 FROM handoff_records WHERE kind = 'handoff' AND id = $1", [
      payload.handoffId,
    ]);
    if (!rowCount) return { outcome: 'no-handoff' };
  }
  // A key row can vanish between the claim and the look (its request failed and let go): claim again.
  for (let attempt = 0; attempt < 3; attempt++) {
    const claim = crypto.randomUUID();
    if ((await pool.query(CLAIM, [key, hash, settings.inFlightTimeoutMs, claim])).rowCount) {
      return write(pool, record, claim);
    }
    const { rows } = await pool.query(
      'SELECT request_hash, response, ceil(extract(epoch FROM locked_until - now())) AS wait FROM handoff_idempotency_keys WHERE key = $1',
      [key],
    );
    if (!rows.length) continue;
    const [row] = rows;
    if (row.response === null) {
      const wait = Math.min(MAX_IN_FLIGHT_RETRY_SECONDS, Math.max(1, Number(row.wait)));
      return { outcome: 'in-flight', retryAfterSeconds: wait };
    }
    return row.request_hash === hash ? { outcome: 'replayed', response: row.response } : { outcome: 'mismatch' };
  }
  throw new Error(`Could not claim the Idempotency-Key ${key}.`);
}

/**
 * Step 2 on a connection of its own. Whatever fails (a statement, a timeout, the connection itself),
 * the connection is destroyed before this request's claim is let go, so failing requests never wait on
 * the pool for a second connection while holding one.
 */
async function write(pool, { kind, key, hash, payload, body }, claim) {
  let client;
  let broken;
  try {
    client = await pool.connect();
    // A checked-out connection that dies emits 'error' on itself: without a listener that ends the process.
    client.on('error', ignore);
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [COMMIT_ORDER_LOCK]);
    const result = await insertRecord(client, { kind, key, hash, payload, body });
    await client.query('COMMIT');
    return result;
  } catch (error) {
    // No ROLLBACK on this connection (after a timeout it would wait behind the stuck statement): it
    // is destroyed below, and the database rolls back a transaction whose connection is gone.
    broken = error;
    throw error;
  } finally {
    client?.removeListener('error', ignore);
    client?.release(broken);
    if (broken) {
      await pool
        .query('DELETE FROM handoff_idempotency_keys WHERE key = $1 AND response IS NULL AND claimed_by = $2', [
          key,
          claim,
        ])
        .catch(ignore);
    }
  }
}

const ignore = () => undefined;

async function insertRecord(client, { kind, key, hash, payload, body }) {
  const receivedAt = new Date().toISOString();
  const response = { id: payload.id, status: 'accepted', receivedAt };
  const handoffId = kind === 'handoff' ? payload.id : payload.handoffId;
  // One statement under the lock (the lock is held until COMMIT, so each round trip here costs every
  // writer). The key gets this body's hash too: a takeover may have claimed it with another body.
  const inserted = await client.query(
    `WITH inserted AS (
       INSERT INTO handoff_records (kind, id, handoff_id, request_hash, payload, response, received_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (id) DO NOTHING RETURNING seq
     ), keyed AS (
       UPDATE handoff_idempotency_keys SET request_hash = $4, response = $6, locked_until = NULL
       WHERE key = $8 AND EXISTS (SELECT 1 FROM inserted)
     )
     SELECT seq, pg_notify($9, seq::text) FROM inserted`,
    [kind, payload.id, handoffId, hash, body ?? JSON.stringify(payload), response, receivedAt, key, CHANNEL],
  );
  if (inserted.rowCount) return { outcome: 'stored', response, seq: Number(inserted.rows[0].seq) };
  // Stored before (its key row expired, or another instance took over a slow claim): answer as then.
  const { rows } = await client.query('SELECT request_hash, response FROM handoff_records WHERE id = $1', [payload.id]);
  const [record] = rows;
  await client.query(
    'UPDATE handoff_idempotency_keys SET request_hash = $2, response = $3, locked_until = NULL WHERE key = $1',
    [key, record.request_hash, record.response],
  );
  return record.request_hash === hash ? { outcome: 'replayed', response: record.response } : { outcome: 'mismatch' };
}

async function sweepKeys(pool, retentionMs) {
  await pool
    .query(
      `DELETE FROM handoff_idempotency_keys
       WHERE created_at < now() - $1 * interval '1 millisecond' AND (response IS NOT NULL OR locked_until < now())`,
      [retentionMs],
    )
    .catch(() => undefined);
}

async function maxSeq(pool) {
  const { rows } = await pool.query('SELECT coalesce(max(seq), 0) AS seq FROM handoff_records');
  return Number(rows[0].seq);
}

/** How often the listening connection proves it is alive (a NAT may drop an idle one silently). */
const HEARTBEAT_MS = 30_000;
/** After a failed read of new records, try again this soon (the next notification may never come). */
const READ_RETRY_MS = 1000;

/**
 * The live feed: one LISTEN connection, reconnected when it drops or stops answering its heartbeat; on
 * each notification (and after a reconnect) the records after the last seen seq are read and handed to
 * the listeners in order. The first connection must succeed, or opening the store fails.
 */
async function startFeed(pool, connection) {
  const listeners = new Set();
  let lastSeen = await maxSeq(pool);
  let reading = Promise.resolve();
  let client;
  let closed = false;
  let retryTimer;

  async function readNew(notified) {
    if (!listeners.size) {
      // Nobody to tell: remember how far the records go, so a later subscriber starts from there.
      lastSeen = Math.max(lastSeen, notified ?? (await maxSeq(pool)));
      return;
    }
    for (let page; !page || page.length === HISTORY_LIMIT;) {
      page = await events(pool, { after: lastSeen });
      for (const event of page) {
        lastSeen = event.seq;
        for (const listener of listeners) listener(event);
      }
    }
  }
  const catchUp = (notified) => {
    reading = reading
      .then(() => readNew(notified))
      .catch(() => {
        clearTimeout(retryTimer);
        if (!closed) retryTimer = setTimeout(() => catchUp(), READ_RETRY_MS).unref();
      });
  };

  async function listen() {
    const candidate = new pg.Client(connection);
    candidate.on('error', ignore); // 'end' follows, and reconnects
    try {
      await candidate.connect();
      await candidate.query(`LISTEN ${CHANNEL}`);
    } catch (error) {
      await candidate.end().catch(ignore);
      throw error;
    }
    if (closed) {
      await candidate.end().catch(ignore);
      return;
    }
    client = candidate;
    const heartbeat = setInterval(() => {
      candidate.query('SELECT 1').catch(() => candidate.end().catch(ignore));
    }, HEARTBEAT_MS);
    heartbeat.unref();
    candidate.on('notification', (message) => catchUp(Number(message.payload)));
    candidate.once('end', () => {
      clearInterval(heartbeat);
      client = undefined;
      if (!closed) void reconnect();
    });
    catchUp(); // whatever was committed while no one listened
  }

  async function reconnect() {
    for (let delay = 100; !closed; delay = Math.min(delay * 2, 5000)) {
      try {
        return await listen();
      } catch {
        await new Promise((resolve) => setTimeout(resolve, delay).unref());
      }
    }
  }
  await listen();

  return {
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      closed = true;
      clearTimeout(retryTimer);
      listeners.clear();
      await client?.end().catch(ignore);
      await reading;
    },
  };
}
