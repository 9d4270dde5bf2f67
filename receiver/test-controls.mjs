// Test instrumentation around the reference receiver's inboxes. Only `createReceiver({ testControls:
// true })` has it, which the test servers (web-test-runner, the end-to-end harness, the benchmarks) use
// and `npm start` never does.
//
// - Namespaces: every route also exists under /r/<ns>/… (or with `X-Receiver-Namespace: <ns>`, as the
//   Prism-checked run sends it) with an inbox of its own (in memory), so
//   parallel tests never share state. At most MAX_NAMESPACES live at once; the least recently used
//   one without open streams makes room.
// - POST /r/<ns>/__receiver/faults `[{"status":503},{"type":"commit-then-drop"}, …]`: answers the next
//   requests with those faults, in order. Types: hang, drop, redirect, html (a 200 sign-in page),
//   delay `{ms}`, commit-then-drop (stored, then the connection is cut), or any `{status}`.
// - POST …/chaos `{ rate, faults }`: each request draws one of `faults` with probability `rate`.
// - POST …/limits `{ maxBody }`: a fresh inbox with a smaller body limit for this namespace.
// - GET …/stats: counters (requests, applied, replays, conflicts, …, the Authorization seen per key).
// - POST …/reset: a fresh namespace (never the default one, which is the durable inbox).
import { readBody, answer } from './http.mjs';
import { createInbox } from './inbox.mjs';

const MAX_NAMESPACES = 300;
const CONTROL_BODY_MAX = 64 * 1024;
const FAULTED_BODY_MAX = 2 * 1024 * 1024;

function newStats() {
  return {
    requests: 0,
    faults: 0,
    applied: 0,
    replays: 0,
    conflicts: 0,
    mismatches: 0,
    inFlight: new Map(),
    maxConcurrentPerKey: 0,
    postsPerId: new Map(),
    appliedPerId: new Map(),
    authPerId: new Map(),
  };
}

const LOGIN_PAGE =
  '<!doctype html><html><head><title>Sign in</title></head><body><form action="/login"><input name="user"></form></body></html>';

export function createTestControls(main) {
  const spaces = new Map();

  function space(ns, create) {
    let found = spaces.get(ns);
    if (found) {
      spaces.delete(ns);
      spaces.set(ns, found); // most recently used last
      return found;
    }
    if (!create) return undefined;
    if (spaces.size >= MAX_NAMESPACES) {
      const idle = [...spaces].find(([name, s]) => name !== 'default' && s.inbox.streamCount === 0);
      if (idle) spaces.delete(idle[0]);
    }
    found = { inbox: ns === 'default' ? main : createInbox(), faults: [], chaos: undefined, stats: newStats() };
    spaces.set(ns, found);
    return found;
  }
  space('default', true);

  function drawFault(s) {
    const scripted = s.faults.shift();
    if (scripted) return scripted;
    if (!s.chaos || Math.random() >= s.chaos.rate) return undefined;
    return s.chaos.faults[Math.floor(Math.random() * s.chaos.faults.length)];
  }

  /** The inbox's accept(), with this namespace's faults before it and its counters around it. */
  async function accept(ns, kind, req, res, handoffId, send) {
    const s = space(ns, true);
    const { stats } = s;
    stats.requests++;
    const fault = drawFault(s);
    if (fault) stats.faults++;
    if (fault?.type === 'hang') return; // never answer; the client's timeout must fire
    if (fault?.type === 'drop') return req.socket.destroy();
    // A faulted answer still reads the request first, as a real server (or proxy) does: answering
    // while the browser is still sending the body would be another fault, one no test asks for.
    const answersItself = fault && (fault.type === 'redirect' || fault.type === 'html' || fault.status);
    if (answersItself) await readBody(req, FAULTED_BODY_MAX).catch(() => undefined);
    if (fault?.type === 'redirect') {
      res.writeHead(302, { Location: '/captive-portal' });
      return res.end();
    }
    if (fault?.type === 'html') {
      res.writeHead(fault.status ?? 200, { 'Content-Type': 'text/html; charset=utf-8' });
      return res.end(LOGIN_PAGE);
    }
    if (fault?.type === 'delay') await new Promise((r) => setTimeout(r, fault.ms));
    if (fault?.status) {
      const headers = fault.retryAfter !== undefined ? { 'Retry-After': String(fault.retryAfter) } : {};
      return send(answer(fault.status, fault.body ?? { error: fault.message ?? `injected ${fault.status}` }, headers));
    }

    const key = String(req.headers['idempotency-key'] ?? '');
    stats.postsPerId.set(key, (stats.postsPerId.get(key) ?? 0) + 1);
    stats.authPerId.set(key, [...(stats.authPerId.get(key) ?? []), req.headers.authorization ?? null]);
    const concurrent = (stats.inFlight.get(key) ?? 0) + 1;
    stats.inFlight.set(key, concurrent);
    stats.maxConcurrentPerKey = Math.max(stats.maxConcurrentPerKey, concurrent);
    let result;
    try {
      result = await s.inbox.accept(kind, req, handoffId);
    } finally {
      stats.inFlight.set(key, stats.inFlight.get(key) - 1);
    }
    if (result.status === 201 && result.headers['Idempotent-Replayed']) stats.replays++;
    else if (result.status === 201) {
      stats.applied++;
      stats.appliedPerId.set(key, (stats.appliedPerId.get(key) ?? 0) + 1);
    } else if (result.status === 409) stats.conflicts++;
    else if (result.status === 422) stats.mismatches++;
    // The commit happened; now lose the answer, as a flaky network would.
    if (fault?.type === 'commit-then-drop' && result.status === 201) return req.socket.destroy();
    send(result);
  }

  async function readJson(req) {
    const raw = (await readBody(req, CONTROL_BODY_MAX)).toString('utf8');
    return JSON.parse(raw || 'null');
  }

  async function control(req, ns, action) {
    try {
      return await runControl(req, ns, action);
    } catch {
      return answer(400, { error: 'A control takes a JSON body.' });
    }
  }

  async function runControl(req, ns, action) {
    const s = space(ns, true);
    if (action === 'faults' && req.method === 'POST') {
      s.faults.push(...((await readJson(req)) ?? []));
      return answer(200, { queued: s.faults.length });
    }
    if (action === 'chaos' && req.method === 'GET') return answer(200, { chaos: s.chaos ?? null });
    if (action === 'chaos' && req.method === 'POST') {
      const chaos = await readJson(req);
      s.chaos = chaos?.rate > 0 ? chaos : undefined;
      return answer(200, { chaos: s.chaos ?? null });
    }
    if (action === 'limits' && req.method === 'POST' && ns !== 'default') {
      // A fresh inbox with a smaller body limit.
      const { maxBody } = (await readJson(req)) ?? {};
      s.inbox = createInbox({ maxBody });
      return answer(200, { maxBody });
    }
    if (action === 'stats') return answer(200, await summary(s));
    if (action === 'reset' && req.method === 'POST') {
      if (ns === 'default')
        return answer(400, { error: 'The default inbox is the durable one; reset a namespace of your own.' });
      spaces.delete(ns);
      return answer(200, { reset: true });
    }
    return answer(404, { error: 'Unknown control action.' });
  }

  async function summary(s) {
    const { stats } = s;
    const duplicatesApplied = [...stats.appliedPerId.values()].reduce((sum, n) => sum + Math.max(0, n - 1), 0);
    const ids = (await s.inbox.list()).map((h) => h.id).reverse();
    return {
      requests: stats.requests,
      faults: stats.faults,
      applied: stats.applied,
      replays: stats.replays,
      conflicts: stats.conflicts,
      mismatches: stats.mismatches,
      maxConcurrentPerKey: stats.maxConcurrentPerKey,
      duplicatesApplied,
      distinctIds: ids.length,
      ids,
      posts: Object.fromEntries(stats.postsPerId),
      auth: Object.fromEntries(stats.authPerId),
      faultsLeft: s.faults.length,
      namespaces: spaces.size,
    };
  }

  return {
    accept,
    control,
    /** The inbox of a namespace; undefined for one never used unless `create`. */
    inbox: (ns, create) => space(ns, create)?.inbox,
    close() {
      for (const s of spaces.values()) s.inbox.closeStreams();
    },
  };
}
