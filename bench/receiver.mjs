// The receiver under load: accepted handoffs per second and p95 latency at concurrency 16, for the
// JSON-lines store, PostgreSQL with one instance, and PostgreSQL with two instances behind a
// round-robin proxy. Each instance is a process of its own (`node receiver/server.mjs`); a share of
// the requests repeat an earlier handoff with its key, and the row says whether the stored count is
// still exactly the number of distinct handoffs.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { buildHandoff } from '../dist/esm/payload/index.js';
import { createDatabase, startCluster } from '../scripts/postgres-cluster.mjs';
import { startRoundRobinProxy } from '../scripts/round-robin-proxy.mjs';

const CONCURRENCY = 16;
/** The share of requests that repeat a handoff; the two-instance row also runs with none and with half. */
const DUPLICATE_SHARE = 0.2;
const OTHER_SHARES = [0, 0.5];

const DRAFT = {
  mode: 'warm',
  channel: 'phone',
  reason: { code: 'escalation', detail: 'Refund above my approval limit.' },
  case: { id: 'C-1' },
  customer: { name: 'Amara Okafor', contact: {}, verification: { status: 'verified', method: 'security-questions' } },
  from: { agentId: 'a-1', name: 'Sam' },
  to: { team: 'Billing supervisors' },
  recap: { summary: 'Double-charged £54.99 on 3 November; wants the duplicate refunded today.' },
  script: { managingUp: 'Dana can approve refunds of this size straight away.' },
  contingency: { fallback: { phone: '+44 20 7946 0100' }, ifUnavailable: 'callback' },
};

function newHandoff() {
  const built = buildHandoff(DRAFT);
  if (!built.ok) throw new Error(`The benchmark's draft is not valid: ${JSON.stringify(built.errors)}`);
  return built.payload;
}

function startInstance(env) {
  const child = spawn(process.execPath, ['receiver/server.mjs'], {
    env: { ...process.env, PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      const found = /listening on (http:\/\/\S+)/.exec(chunk.toString());
      if (found) resolve({ url: found[1], stop: () => stopChild(child) });
    });
    child.once('exit', (code) => reject(new Error(`receiver exited (${code})`)));
  });
}

function stopChild(child) {
  return new Promise((resolve) => {
    child.once('exit', resolve);
    child.kill('SIGTERM');
  });
}

/**
 * `n` requests at concurrency 16, a `share` of them repeats: half of an earlier, answered handoff, half
 * of one still in flight (as a browser's retry after a timeout races the first request).
 */
async function load(url, n, share = DUPLICATE_SHARE) {
  const answered = [];
  const inFlight = new Set();
  const latencies = [];
  const statuses = {};
  let sent = 0;
  let duplicates = 0;
  const distinct = new Set();
  // Built before the clock starts: building (and masking) a handoff is the browser's work, not the receiver's.
  const fresh = Array.from({ length: n }, newHandoff);
  const worker = async () => {
    while (sent < n) {
      sent++;
      const repeat = answered.length > 0 && Math.random() < share;
      const racing = repeat && inFlight.size > 0 && Math.random() < 0.5;
      const payload = racing
        ? [...inFlight][Math.floor(Math.random() * inFlight.size)]
        : repeat
          ? answered[Math.floor(Math.random() * answered.length)]
          : fresh.pop();
      if (repeat) duplicates++;
      if (!repeat) inFlight.add(payload);
      const t0 = performance.now();
      const res = await fetch(`${url}/handoffs`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': payload.id },
        body: JSON.stringify(payload),
      });
      await res.arrayBuffer();
      if (!repeat) inFlight.delete(payload);
      latencies.push(performance.now() - t0);
      statuses[res.status] = (statuses[res.status] ?? 0) + 1;
      if (res.status === 201) {
        distinct.add(payload.id);
        if (!repeat) answered.push(payload);
      }
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    perSecond: (statuses[201] ?? 0) / seconds,
    p95: latencies[Math.floor(0.95 * (latencies.length - 1))],
    median: latencies[Math.floor(0.5 * (latencies.length - 1))],
    statuses,
    duplicates,
    distinct: distinct.size,
  };
}

async function countRows(databaseUrl) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const { rows } = await client.query("SELECT count(*)::int AS n FROM handoff_records WHERE kind = 'handoff'");
  await client.end();
  return rows[0].n;
}

function row(what, result, stored) {
  const others = Object.entries(result.statuses)
    .filter(([status]) => status !== '201')
    .map(([status, count]) => `${count}× ${status}`);
  return {
    what: `receiver, ${what}: accepted handoffs per second at concurrency ${CONCURRENCY}`,
    unit: '/s',
    median: result.perSecond,
    note: `latency median ${result.median.toFixed(1)} ms, p95 ${result.p95.toFixed(1)} ms; ${result.duplicates} repeats sent; stored ${stored} of ${result.distinct} distinct${others.length ? `; ${others.join(', ')}` : ''}`,
    target: 'stored = distinct',
    met: stored === result.distinct,
  };
}

/** The rows (JSON-lines; PostgreSQL with one and two instances; two at other repeat shares); `n` requests each. */
export async function receiverThroughput(n) {
  const rows = [];
  const dir = mkdtempSync(join(tmpdir(), 'bench-receiver-'));
  try {
    const file = join(dir, 'handoffs.jsonl');
    const log = await startInstance({ RECEIVER_DATA: file });
    try {
      const result = await load(log.url, n);
      const stored = readFileSync(file, 'utf8').split('\n').filter(Boolean).length;
      rows.push(row('JSON-lines log', result, stored));
    } finally {
      await log.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  const cluster = await startCluster();
  const runs = [
    { instances: 1, share: DUPLICATE_SHARE },
    { instances: 2, share: DUPLICATE_SHARE },
    ...OTHER_SHARES.map((share) => ({ instances: 2, share })),
  ];
  try {
    for (const [i, { instances, share }] of runs.entries()) {
      const databaseUrl = await createDatabase(cluster.url, `bench_${i}`);
      const started = [];
      for (let j = 0; j < instances; j++) started.push(await startInstance({ DATABASE_URL: databaseUrl }));
      const front =
        instances === 1
          ? { url: started[0].url, stop: async () => {} }
          : await startRoundRobinProxy(started.map((s) => s.url));
      try {
        const result = await load(front.url, n, share);
        const where = instances === 1 ? 'one instance' : 'two instances behind a round-robin proxy';
        const repeats = share === DUPLICATE_SHARE ? '' : `, ${Math.round(share * 100)}% repeats`;
        rows.push(row(`PostgreSQL, ${where}${repeats}`, result, await countRows(databaseUrl)));
      } finally {
        await front.stop();
        for (const instance of started) await instance.stop();
      }
    }
  } finally {
    await cluster.stop();
  }
  return rows;
}
