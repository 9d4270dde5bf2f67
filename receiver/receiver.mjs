// The reference receiver: what an integrator's endpoint for handoff-panel must do.
//
//   POST /handoffs           a handoff/v1; 201 on first receipt, the same 201 again for a retry with the
//                            same Idempotency-Key and body, 422 for the same key with another body,
//                            409 while the first request with that key is still being committed,
//                            400 with field errors, 413 when too large, 415 when not JSON.
//   GET  /handoffs           the inbox, newest first
//   GET  /handoffs/:id       one handoff with its acknowledgements
//   POST /handoffs/:id/ack   a handoff-ack/v1 for that handoff (same idempotency rules)
//   GET  /handoffs/events    server-sent events: `handoff` for each new handoff, `ack` for each ack
//   GET  /handoffs/:id/events  server-sent events: `ack` for that handoff (those already there first)
//
// Every route also exists under /r/<namespace>/… with its own inbox and fault script, so parallel tests
// (and the demo's "receiver down" toggles) never share state.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { openStore } from './store.mjs';

const MAX_BODY = 1024 * 1024;
const schema = (name) => JSON.parse(readFileSync(new URL(`../schema/${name}`, import.meta.url), 'utf8'));
const ajv = new Ajv2020({ allErrors: true, strictRequired: false });
addFormats(ajv);
const validators = { handoff: ajv.compile(schema('handoff.v1.json')), ack: ajv.compile(schema('handoff-ack.v1.json')) };

const json = (res, status, body, headers = {}) => {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...headers });
  res.end(JSON.stringify(body));
};

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    req.on('data', (chunk) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(Object.assign(new Error('too large'), { status: 413 }));
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

const fieldErrors = (errors) =>
  (errors ?? []).map((e) => ({ path: e.instancePath.replace(/^\//, '').replace(/\/(\d+)/g, '[$1]').replace(/\//g, '.') || '(root)', message: e.message, keyword: e.keyword }));

/** One inbox: handoffs, acks, the idempotency table and the fault script, with counters for tests. */
function createInbox(store) {
  const inbox = {
    handoffs: new Map(),
    acks: new Map(),
    /** Idempotency-Key → { hash, status, body } of the committed response. */
    keys: new Map(),
    inProgress: new Set(),
    faults: [],
    /** Random faults: `{ rate, faults }`, each request draws one of `faults` with probability `rate`. */
    chaos: undefined,
    /** Open server-sent event streams: `{ res, handoffId? }`. */
    streams: new Set(),
    stats: { faults: 0, requests: 0, applied: 0, replays: 0, conflicts: 0, mismatches: 0, inFlight: new Map(), maxConcurrentPerKey: 0, postsPerId: new Map(), appliedPerId: new Map() },
  };
  for (const record of store?.records ?? []) apply(inbox, record);
  return inbox;
}

function chaosFault(inbox) {
  const { chaos } = inbox;
  if (!chaos || Math.random() >= chaos.rate) return undefined;
  return chaos.faults[Math.floor(Math.random() * chaos.faults.length)];
}

function apply(inbox, record) {
  inbox.keys.set(record.key, { hash: record.hash, status: 201, body: record.response });
  if (record.kind === 'handoff') inbox.handoffs.set(record.payload.id, { payload: record.payload, receivedAt: record.receivedAt });
  else {
    const list = inbox.acks.get(record.payload.handoffId) ?? [];
    list.push({ payload: record.payload, receivedAt: record.receivedAt });
    inbox.acks.set(record.payload.handoffId, list);
  }
  const id = record.payload.id;
  inbox.stats.appliedPerId.set(id, (inbox.stats.appliedPerId.get(id) ?? 0) + 1);
  inbox.stats.applied++;
}

const sse = (res, event, data) => res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);

/** Tells the open event streams about a newly applied handoff or acknowledgement. */
function publish(inbox, record) {
  for (const stream of inbox.streams) {
    if (record.kind === 'handoff' && !stream.handoffId) sse(stream.res, 'handoff', { ...record.payload, receivedAt: record.receivedAt, acks: [] });
    if (record.kind === 'ack' && (!stream.handoffId || stream.handoffId === record.payload.handoffId)) sse(stream.res, 'ack', record.payload);
  }
}

/** A server-sent event stream on this inbox, for the whole inbox or one handoff's acknowledgements. */
function openStream(req, res, inbox, handoffId) {
  res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
  // Reconnect soon after a restart of the receiver; EventSource's own default is browser-dependent.
  res.write('retry: 2000\n\n');
  for (const { payload } of handoffId ? (inbox.acks.get(handoffId) ?? []) : []) sse(res, 'ack', payload);
  const stream = { res, handoffId };
  inbox.streams.add(stream);
  // Proxies close idle connections; a comment line every 25 s keeps this one open.
  const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), 25_000);
  req.on('close', () => {
    clearInterval(keepAlive);
    inbox.streams.delete(stream);
  });
}

export async function createReceiver({ dataFile } = {}) {
  const store = await openStore(dataFile);
  const inboxes = new Map();
  const inboxFor = (ns) => {
    if (!inboxes.has(ns)) inboxes.set(ns, createInbox(ns === 'default' ? store : undefined));
    return inboxes.get(ns);
  };

  async function accept(req, res, inbox, kind, ns, handoffId) {
    const key = req.headers['idempotency-key'];
    const stats = inbox.stats;
    stats.requests++;
    const fault = inbox.faults.shift() ?? chaosFault(inbox);
    if (fault) stats.faults++;
    if (fault?.type === 'hang') return; // never answer; the client's timeout must fire
    if (fault?.type === 'drop') return req.socket.destroy();
    if (fault?.type === 'redirect') {
      res.writeHead(302, { Location: '/captive-portal' });
      return res.end();
    }
    if (fault?.type === 'delay') await new Promise((r) => setTimeout(r, fault.ms));
    if (fault?.status) {
      const headers = fault.retryAfter !== undefined ? { 'Retry-After': String(fault.retryAfter) } : {};
      return json(res, fault.status, { error: fault.message ?? `injected ${fault.status}` }, headers);
    }

    if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) {
      return json(res, 415, { error: 'Send the handoff as JSON with Content-Type: application/json.' });
    }
    let raw;
    try {
      raw = await readBody(req);
    } catch (error) {
      return json(res, error.status ?? 400, { error: error.status === 413 ? `The body is larger than ${MAX_BODY} bytes.` : 'Could not read the body.' });
    }
    let payload;
    try {
      payload = JSON.parse(raw);
    } catch {
      return json(res, 400, { error: 'The body is not valid JSON.' });
    }
    if (!validators[kind](payload)) {
      return json(res, 400, { error: `Not a valid ${kind === 'handoff' ? 'handoff/v1' : 'handoff-ack/v1'}.`, fields: fieldErrors(validators[kind].errors) });
    }
    if (!key || key !== payload.id) {
      return json(res, 400, { error: 'The Idempotency-Key header must be present and equal to the payload id.' });
    }
    if (kind === 'ack' && (payload.handoffId !== handoffId || !inbox.handoffs.has(handoffId))) {
      return json(res, 404, { error: `No handoff ${handoffId} to acknowledge here.` });
    }

    stats.postsPerId.set(key, (stats.postsPerId.get(key) ?? 0) + 1);
    const hash = createHash('sha256').update(raw).digest('hex');
    const committed = inbox.keys.get(key);
    if (committed) {
      if (committed.hash !== hash) {
        stats.mismatches++;
        return json(res, 422, { error: 'This Idempotency-Key was already used with a different body.' });
      }
      stats.replays++;
      return json(res, committed.status, committed.body, { 'Idempotent-Replayed': 'true' });
    }
    if (inbox.inProgress.has(key)) {
      stats.conflicts++;
      return json(res, 409, { error: 'A request with this Idempotency-Key is still being processed.' }, { 'Retry-After': '1' });
    }

    inbox.inProgress.add(key);
    const concurrent = (stats.inFlight.get(key) ?? 0) + 1;
    stats.inFlight.set(key, concurrent);
    stats.maxConcurrentPerKey = Math.max(stats.maxConcurrentPerKey, concurrent);
    try {
      const receivedAt = new Date().toISOString();
      const response = { id: payload.id, status: 'accepted', receivedAt };
      const record = { kind, key, hash, payload, response, receivedAt, ns };
      if (ns === 'default') await store.append(record);
      apply(inbox, record);
      publish(inbox, record);
      // The commit happened; now lose the response, as a flaky network would.
      if (fault?.type === 'commit-then-drop') return req.socket.destroy();
      json(res, 201, response, { Location: kind === 'handoff' ? `handoffs/${payload.id}` : `acks/${payload.id}` });
    } finally {
      inbox.inProgress.delete(key);
      stats.inFlight.set(key, (stats.inFlight.get(key) ?? 1) - 1);
    }
  }

  function control(req, res, inbox, action) {
    if (action === 'faults' && req.method === 'POST') {
      return readBody(req).then((raw) => {
        inbox.faults.push(...JSON.parse(raw || '[]'));
        json(res, 200, { queued: inbox.faults.length });
      });
    }
    if (action === 'chaos' && req.method === 'GET') return json(res, 200, { chaos: inbox.chaos ?? null });
    if (action === 'chaos' && req.method === 'POST') {
      return readBody(req).then((raw) => {
        const chaos = JSON.parse(raw || 'null');
        inbox.chaos = chaos?.rate > 0 ? chaos : undefined;
        json(res, 200, { chaos: inbox.chaos ?? null });
      });
    }
    if (action === 'stats') {
      const s = inbox.stats;
      const duplicatesApplied = [...s.appliedPerId.values()].reduce((sum, n) => sum + Math.max(0, n - 1), 0);
      return json(res, 200, {
        requests: s.requests, faults: s.faults, applied: s.applied, replays: s.replays, conflicts: s.conflicts, mismatches: s.mismatches,
        maxConcurrentPerKey: s.maxConcurrentPerKey, duplicatesApplied, distinctIds: inbox.handoffs.size,
        ids: [...inbox.handoffs.keys()], posts: Object.fromEntries(s.postsPerId), faultsLeft: inbox.faults.length,
      });
    }
    if (action === 'reset' && req.method === 'POST') {
      inboxes.set(inbox.ns, createInbox());
      return json(res, 200, { reset: true });
    }
    return json(res, 404, { error: `Unknown control action ${action}.` });
  }

  /** Handles a request if it is the receiver's; returns false to let the host server carry on. */
  async function handle(req, res) {
    const url = new URL(req.url, 'http://localhost');
    const m = /^(?:\/r\/([\w-]{1,64}))?\/(handoffs|__receiver)(?:\/([^/]+))?(?:\/(ack|events))?\/?$/.exec(url.pathname);
    if (!m) return false;
    const [, ns = 'default', root, id, sub] = m;
    const ack = sub === 'ack';
    const inbox = inboxFor(ns);
    inbox.ns = ns;
    if (root === '__receiver') {
      await control(req, res, inbox, id);
      return true;
    }
    if (req.method === 'GET' && (id === 'events' && !sub)) openStream(req, res, inbox);
    else if (req.method === 'GET' && id && sub === 'events') openStream(req, res, inbox, decodeURIComponent(id));
    else if (req.method === 'POST' && !id) await accept(req, res, inbox, 'handoff', ns);
    else if (req.method === 'POST' && id && ack) await accept(req, res, inbox, 'ack', ns, decodeURIComponent(id));
    else if (req.method === 'GET' && !id) {
      const list = [...inbox.handoffs.values()].reverse().map(({ payload, receivedAt }) => ({ ...payload, receivedAt, acks: inbox.acks.get(payload.id) ?? [] }));
      json(res, 200, list);
    } else if (req.method === 'GET' && id && !sub) {
      const found = inbox.handoffs.get(decodeURIComponent(id));
      if (found) json(res, 200, { ...found.payload, receivedAt: found.receivedAt, acks: inbox.acks.get(found.payload.id) ?? [] });
      else json(res, 404, { error: `No handoff ${id}.` });
    } else json(res, 405, { error: `${req.method} is not supported here.` });
    return true;
  }

  function close() {
    for (const inbox of inboxes.values()) for (const stream of inbox.streams) stream.res.end();
    return store.close();
  }

  return { handle, close };
}
