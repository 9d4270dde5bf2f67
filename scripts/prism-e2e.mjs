// CI: the end-to-end delivery tests once more, with Prism's validating proxy (a checker nobody here
// wrote) between the browser and the reference receiver, against schema/openapi.json. Fails on any
// request or answer Prism finds not to match the document, and if Prism did not check anything.
//
// First a self-check proves Prism really validates both ways with this document (a bad request body,
// a bad answer body); then the tests run with PRISM_REPORT set: each test file's harness starts a
// receiver and a Prism of its own in front of it (test/e2e/prism-route.ts) and reports there.
import { spawn } from 'node:child_process';
import { exchange, sweepContract } from './prism-contract-sweep.mjs';
import { startPrism } from './prism.mjs';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createReceiver } from '../receiver/receiver.mjs';
import { serveReceiver } from '../receiver/server.mjs';
import { holdCommits } from '../test/node/postgres.ts';
import { createDatabase, startCluster } from './postgres-cluster.mjs';
import { startRoundRobinProxy } from './round-robin-proxy.mjs';

const E2E_FILES = [
  'test/e2e/outbox.test.ts',
  'test/e2e/panel.test.ts',
  'test/e2e/bundle.test.ts',
  'test/e2e/demo.test.ts',
];

function listen(server) {
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${server.address().port}`)),
  );
}

const checkedSend = (prismUrl, path, body, headers) => exchange(prismUrl, 'POST', path, { body, headers });

/** Prism must find a bad request and a bad answer, and nothing wrong with a good handoff. */
async function selfCheck(prismUrl, upstreamUrl) {
  const { FULL_PAYLOAD } = await import('../test/fixtures/handoffs.ts');
  const good = { ...structuredClone(FULL_PAYLOAD), id: crypto.randomUUID() };
  const problems = [];
  const ns = { 'X-Receiver-Namespace': 'selfcheck' };
  const ok = await checkedSend(prismUrl, '/handoffs', good, { 'Idempotency-Key': good.id, ...ns });
  if (ok.status !== 201 || ok.violations.length) problems.push(`a valid handoff: ${JSON.stringify(ok)}`);
  const bad = { ...structuredClone(FULL_PAYLOAD), id: crypto.randomUUID(), priority: 'whenever' };
  const request = await checkedSend(prismUrl, '/handoffs', bad, { 'Idempotency-Key': bad.id, ...ns });
  if (!request.violations.some((v) => v.location.join('.').startsWith('request.body')))
    problems.push(`an invalid request body was not reported: ${JSON.stringify(request)}`);
  // A receiver answering 201 without the receipt's fields must be reported too.
  await fetch(`${upstreamUrl}/r/selfcheck-fault/__receiver/faults`, {
    method: 'POST',
    body: JSON.stringify([{ status: 201, body: { ok: true } }]),
  });
  const other = { ...structuredClone(FULL_PAYLOAD), id: crypto.randomUUID() };
  const answer = await checkedSend(prismUrl, '/handoffs', other, {
    'Idempotency-Key': other.id,
    'X-Receiver-Namespace': 'selfcheck-fault',
  });
  if (!answer.violations.some((v) => v.location.join('.').startsWith('response.body')))
    problems.push(`an answer without the receipt was not reported: ${JSON.stringify(answer)}`);
  return problems;
}

function run(command, args, env) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

/**
 * The contract sweep against what an integrator runs: two receiver instances with a token on one
 * PostgreSQL database behind a round-robin balancer, with a Prism of its own in front.
 */
async function sweepWithToken() {
  const token = crypto.randomUUID();
  const cluster = await startCluster();
  const upstreams = [];
  let balancer;
  let prism;
  try {
    const databaseUrl = await createDatabase(cluster.url, 'prism_sweep');
    const receivers = [];
    for (let i = 0; i < 2; i++) receivers.push(await createReceiver({ token, databaseUrl }));
    upstreams.push(...receivers.map(serveReceiver));
    balancer = await startRoundRobinProxy(await Promise.all(upstreams.map(listen)));
    prism = await startPrism(balancer.url);
    return await sweepContract(prism.url, token, {
      holdCommits: () => holdCommits(databaseUrl),
      // Still listening, as an instance is while its balancer has not yet taken it out.
      shutdown: () => Promise.all(receivers.map((receiver) => receiver.shutdown({ graceMs: 1000 }))),
    });
  } finally {
    prism?.stop();
    await balancer?.stop();
    await Promise.all(upstreams.map((upstream) => upstream.stop({ graceMs: 1000 })));
    await cluster.stop();
  }
}

async function main() {
  const upstream = serveReceiver(await createReceiver({ testControls: true }));
  const upstreamUrl = await listen(upstream);
  const prism = await startPrism(upstreamUrl);
  const report = join(tmpdir(), `prism-report-${process.pid}.jsonl`);
  rmSync(report, { force: true });
  try {
    const problems = await selfCheck(prism.url, upstreamUrl);
    if (problems.length) {
      console.error(`Prism does not check what it should with schema/openapi.json:\n- ${problems.join('\n- ')}`);
      return 1;
    }
    console.log('Prism checks requests and answers against schema/openapi.json (self-check passed)');
    const sweep = await sweepWithToken();
    if (sweep.problems.length) {
      console.error(`The receiver's answers do not match schema/openapi.json:\n- ${sweep.problems.join('\n- ')}`);
      return 1;
    }
    console.log(`Every documented answer matches (statuses ${sweep.statuses.join(', ')})`);
    const exit = await run(
      process.execPath,
      ['--import', './scripts/ts-register.mjs', '--test', '--test-reporter=spec', ...E2E_FILES],
      { PRISM_REPORT: report },
    );
    const checked = existsSync(report)
      ? readFileSync(report, 'utf8')
          .split('\n')
          .filter(Boolean)
          .map((line) => JSON.parse(line))
      : [];
    // Every violation fails the run, warnings included: Prism reports an undocumented status (a 500
    // where the document allows 201/400/…) only as a warning, and then checks neither body nor headers.
    const wrong = checked.filter((entry) => entry.violations.length);
    const byRoute = {};
    for (const { method, path, status } of checked) {
      const key = `${method} ${path.replace(/[0-9a-f-]{36}/g, '{id}')} ${status}`;
      byRoute[key] = (byRoute[key] ?? 0) + 1;
    }
    console.log(`\nChecked by Prism: ${checked.length} requests and answers`);
    for (const [route, n] of Object.entries(byRoute).sort()) console.log(`  ${n} × ${route}`);
    for (const entry of wrong) console.error(`NOT IN THE CONTRACT: ${JSON.stringify(entry)}`);
    if (!checked.some((entry) => entry.method === 'POST' && entry.status === 201)) {
      console.error('No delivery went through Prism: the check checked nothing.');
      return 1;
    }
    return exit || (wrong.length ? 1 : 0);
  } finally {
    prism.stop();
    await upstream.stop({ graceMs: 1000 });
    rmSync(report, { force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
