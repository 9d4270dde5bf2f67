// The reference receiver: what an integrator's endpoint for handoff-panel must do.
//
//   POST /handoffs           a handoff/v1; 201 `{ id, status: 'accepted', receivedAt }` on first receipt
//                            (JSON echoing the id: the answer the SDK counts as delivered), the same 201
//                            again for a retry with the same Idempotency-Key and body, 422 for the same key
//                            with another body, 409 while the first request with that key is still being
//                            committed, 400 with field errors, 413 when too large, 415 when not JSON,
//                            503 when it could not be stored.
//   GET  /handoffs           the inbox, newest first (`?limit=`, at most 1000)
//   GET  /handoffs/:id       one handoff with its acknowledgements
//   POST /handoffs/:id/ack   a handoff-ack/v1 for that handoff (same idempotency rules)
//   GET  /handoffs/events    server-sent events: `handoff` for each new handoff, `ack` for each ack
//   GET  /handoffs/:id/events  server-sent events: `ack` for that handoff (those already there first)
//   GET  /insights           a team lead's view of the stored handoffs (`?days=`, `?timeZone=`,
//                            `?training=include`); /insights.html draws it (receiver/insights-route.mjs)
//   Every event has an `id:`; a reconnect with Last-Event-ID gets what it missed. The contract is
//   written down in schema/openapi.json.
//
// Stores (receiver/stores/): the JSON-lines log by default, PostgreSQL with `databaseUrl` (several
// instances may share one database). `shutdown()` lets requests in flight finish and refuses new ones.
//
// With `token` (RECEIVER_TOKEN), every route needs `Authorization: Bearer <token>`. With `corsOrigins`,
// pages on those origins may call it. Test instrumentation (namespaces under /r/<ns>/, scripted faults,
// counters) exists only with `testControls: true`; see receiver/test-controls.mjs.
import { createHash, timingSafeEqual } from 'node:crypto';
import { answer, discardBody, safeDecode, sendJson } from './http.mjs';
import { MAX_BODY, createInbox } from './inbox.mjs';
import { lastEventId } from './event-streams.mjs';
import { insightsAnswer, serveInsightsPage } from './insights-route.mjs';
import { openLogStore } from './stores/log-store.mjs';
import { createTestControls } from './test-controls.mjs';

export { MAX_BODY };

const ROUTE = /^(?:\/r\/([\w-]{1,64}))?\/(handoffs|insights|__receiver)(?:\/([^/]+))?(?:\/(ack|events))?\/?$/;
const DEFAULT_MAX_STREAMS = 100;
const MIN_TOKEN_LENGTH = 16;
const DEFAULT_LIST_LIMIT = 1000;
/** How soon browsers reconnect after a graceful shutdown closed their streams (to another instance). */
const SHUTDOWN_RETRY_MS = 1000;
/** The answer headers a page on another origin must read: the SDK waits as Retry-After says. */
const EXPOSED = { 'Access-Control-Expose-Headers': 'Retry-After, Idempotent-Replayed' };
/** How soon a browser turned away by `maxStreams` tries again. */
const FULL_RETRY_MS = 10_000;

/**
 * An event stream answered 200 and ended at once with a retry hint: on a 503, EventSource would give
 * up for good; this makes it reconnect after `retryMs`, keeping its Last-Event-ID.
 */
function endStream(res, retryMs, headers) {
  res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', Connection: 'close', ...headers });
  res.end(`retry: ${retryMs}\n\n`);
}

const digest = (text) => createHash('sha256').update(text).digest();

function checkOptions({ token, insightsToken, corsOrigins, maxStreams }) {
  if (maxStreams !== undefined && !(Number.isInteger(maxStreams) && maxStreams >= 1)) {
    throw new TypeError(`maxStreams (RECEIVER_MAX_STREAMS) must be a whole number of at least 1, not ${maxStreams}.`);
  }
  for (const [value, name] of [
    [token, 'token (RECEIVER_TOKEN)'],
    [insightsToken, 'insights token (RECEIVER_INSIGHTS_TOKEN)'],
  ]) {
    if (value !== undefined && (typeof value !== 'string' || value.length < MIN_TOKEN_LENGTH)) {
      throw new TypeError(
        `The receiver's ${name} must be a string of at least ${MIN_TOKEN_LENGTH} characters; generate one with \`openssl rand -hex 32\`.`,
      );
    }
  }
  if (corsOrigins !== undefined && corsOrigins !== '*' && !Array.isArray(corsOrigins)) {
    throw new TypeError('corsOrigins must be "*" or a list of origins such as ["https://crm.example.com"].');
  }
}

/** The store the options ask for: PostgreSQL with a databaseUrl, else the JSON-lines log. */
async function openConfiguredStore({ databaseUrl, dataFile, fs, postgres }) {
  if (!databaseUrl) return openLogStore(dataFile, { fs });
  if (dataFile)
    throw new TypeError(
      'Give the receiver either a databaseUrl (DATABASE_URL) or a dataFile (RECEIVER_DATA), not both.',
    );
  const { openPostgresStore } = await import('./stores/postgres-store.mjs');
  return openPostgresStore({ connectionString: databaseUrl, ...postgres });
}

/**
 * Forwards each handoff this instance stores to `adapter`'s helpdesk as an internal note (see
 * receiver/helpdesk/). The note is rendered by the SDK's own toNote(), from the build.
 */
async function createHelpdeskForwarder(adapter) {
  const { createNoteForwarder } = await import('./helpdesk/note-forwarder.mjs');
  let toNote;
  try {
    ({ toNote } = await import('../dist/esm/notes/index.js'));
  } catch {
    throw new Error('Forwarding notes to a helpdesk renders them with the SDK build: run `npm run build` first.');
  }
  // The handoff is stored either way; an operator learns here that its note is missing.
  const onResult = (r) =>
    r.status === 'failed' &&
    console.error(`handoff-receiver: no ${adapter.name} note for handoff ${r.handoffId}: ${r.error}`);
  return createNoteForwarder({ adapter, render: toNote, onResult });
}

/** `?limit=n` for the inbox list: 1–1000, default 1000; undefined when it is not a number in range. */
function listLimit(url) {
  const value = new URL(url, 'http://receiver').searchParams.get('limit');
  if (value === null) return DEFAULT_LIST_LIMIT;
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 && n <= DEFAULT_LIST_LIMIT ? n : undefined;
}

/**
 * @param {object} [options]
 * @param {string} [options.databaseUrl] `postgres://…`: store in PostgreSQL (migrated on start)
 * @param {{ inFlightTimeoutMs?: number, keyRetentionMs?: number, poolSize?: number, queryTimeoutMs?: number }} [options.postgres]
 *   the PostgreSQL store's settings (see receiver/stores/postgres-store.mjs)
 * @param {string} [options.dataFile] the JSON-lines log; without one (and no databaseUrl), nothing survives a restart
 * @param {string} [options.token] a bearer token every request must carry
 * @param {string} [options.insightsToken] the bearer token `GET /insights` needs instead (team leads', not the
 *   agents'); without it, `token`
 * @param {boolean} [options.insightsPage] serve /insights.html and its files (default true; false for a host
 *   app that embeds `handle()` and owns those paths)
 * @param {'*' | string[]} [options.corsOrigins] page origins allowed to call the receiver ('*': any, without cookies)
 * @param {number} [options.maxStreams] open server-sent event streams at most (default 100)
 * @param {boolean} [options.testControls] namespaces, faults and counters for tests; never in production
 * @param {object} [options.fs] file system for the store (tests inject failures)
 * @param {object} [options.helpdesk] an adapter from receiver/helpdesk/ (Zendesk, Salesforce, Freshdesk):
 *   each new handoff also becomes an internal note on its case's ticket, once; `receiver.notes` tells how it went
 */
export async function createReceiver(options = {}) {
  checkOptions(options);
  const { token, corsOrigins, maxStreams = DEFAULT_MAX_STREAMS, testControls = false } = options;
  const notes = options.helpdesk ? await createHelpdeskForwarder(options.helpdesk) : undefined;
  const main = createInbox({
    store: await openConfiguredStore(options),
    onStored: (kind, payload) => kind === 'handoff' && void notes?.forward(payload),
  });
  const controls = testControls ? createTestControls(main) : undefined;
  const tokenDigest = token ? digest(token) : undefined;
  const insightsDigest = options.insightsToken ? digest(options.insightsToken) : tokenDigest;
  let openStreams = 0;
  /** Requests being answered (event streams not counted); shutdown waits for them. */
  let inFlight = 0;
  let idle;
  let shuttingDown = false;

  function authorized(req, expected = tokenDigest) {
    if (!expected) return true;
    const [scheme, value] = (req.headers.authorization ?? '').split(' ');
    return scheme === 'Bearer' && Boolean(value) && timingSafeEqual(digest(value), expected);
  }

  function corsHeaders(req) {
    const origin = req.headers.origin;
    if (!origin || !corsOrigins) return {};
    // Any origin may read; only listed ones may send cookies along.
    if (corsOrigins === '*') return { 'Access-Control-Allow-Origin': '*', ...EXPOSED };
    if (!corsOrigins.includes(origin)) return {};
    return {
      'Access-Control-Allow-Origin': origin,
      'Access-Control-Allow-Credentials': 'true',
      Vary: 'Origin',
      ...EXPOSED,
    };
  }

  async function openStream(req, res, inbox, handoffId, headers) {
    if (openStreams >= maxStreams) return endStream(res, FULL_RETRY_MS, headers);
    // Counted (and uncounted on close) before anything is awaited: a browser that leaves while the
    // stream opens must not hold a place for ever.
    openStreams++;
    let keepAlive;
    res.on('close', () => {
      clearInterval(keepAlive);
      openStreams--;
    });
    const after = await inbox.streamStart({ handoffId, lastEventId: lastEventId(req) }).catch(() => undefined);
    if (res.destroyed) return;
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      // A stream's connection is never used again once it ends: a balancer that kept it for its next
      // request would lose that request when a shutdown closes it.
      Connection: 'close',
      ...headers,
    });
    // Reconnect soon after a restart of the receiver; EventSource's own default is browser-dependent.
    res.write('retry: 2000\n\n');
    if (after === undefined) {
      // The store could not say where to start: end the stream, and the browser reconnects in 2 s
      // (a 503 would make EventSource give up for good).
      res.end();
      return;
    }
    // Proxies close idle connections; a comment line every 25 s keeps this one open.
    keepAlive = setInterval(() => res.write(': keep-alive\n\n'), 25_000);
    await inbox.subscribe(res, { handoffId, after }).catch(() => res.destroy());
  }

  /** Handles a request if it is the receiver's; returns false to let the host server carry on. */
  async function handle(req, res) {
    const pathname = (req.url ?? '/').split('?')[0];
    const m = ROUTE.exec(pathname);
    if (!m) return options.insightsPage !== false && serveInsightsPage(req, res, pathname);
    if (shuttingDown && /\/events\/?$/.test(pathname)) {
      // Sent (through the balancer) to another instance.
      endStream(res, SHUTDOWN_RETRY_MS, corsHeaders(req));
      return true;
    }
    if (shuttingDown) {
      await discardBody(req);
      sendJson(
        res,
        503,
        { error: 'This receiver instance is shutting down; send the request again.' },
        { 'Retry-After': '1', Connection: 'close', ...corsHeaders(req) },
      );
      return true;
    }
    inFlight++;
    try {
      return await route(req, res, m);
    } catch {
      // The store could not be read (the database is down): a retryable answer, never a stack trace.
      if (!res.headersSent) {
        sendJson(
          res,
          503,
          { error: 'The receiver could not reach its store; try again shortly.' },
          { 'Retry-After': '5', ...corsHeaders(req) },
        );
      }
      return true;
    } finally {
      if (--inFlight === 0) idle?.();
    }
  }

  async function route(req, res, m) {
    const [, pathNs, root, rawId, sub] = m;
    if ((pathNs || root === '__receiver') && !controls) return false;
    // Behind a proxy that checks requests against schema/openapi.json, the namespace travels in a header.
    const headerNs = controls ? req.headers['x-receiver-namespace'] : undefined;
    const ns = pathNs ?? (typeof headerNs === 'string' && /^[\w-]{1,64}$/.test(headerNs) ? headerNs : undefined);
    // The insights are for the team lead's page on this origin: no other page may read them.
    const cors = root === 'insights' ? {} : corsHeaders(req);
    if (req.method === 'OPTIONS') {
      res.writeHead(204, {
        ...cors,
        'Access-Control-Allow-Methods': 'GET, POST',
        'Access-Control-Allow-Headers': 'Authorization, Content-Type, Idempotency-Key',
        'Access-Control-Max-Age': '600',
      });
      res.end();
      return true;
    }
    const send = ({ status, body, headers }) => sendJson(res, status, body, { ...cors, ...headers });
    if (!authorized(req, root === 'insights' ? insightsDigest : tokenDigest)) {
      send(
        answer(
          401,
          { error: 'This receiver needs Authorization: Bearer <token>.' },
          { 'WWW-Authenticate': 'Bearer realm="handoff-receiver"' },
        ),
      );
      return true;
    }
    const id = rawId === undefined ? undefined : safeDecode(rawId);
    if (rawId !== undefined && id === undefined) {
      send(answer(400, { error: 'The URL is not correctly percent-encoded.' }));
      return true;
    }
    if (root === '__receiver') {
      send(await controls.control(req, ns ?? 'default', id));
      return true;
    }
    const inbox = controls
      ? controls.inbox(ns ?? 'default', req.method === 'POST' || id === 'events' || sub === 'events')
      : main;
    if (root === 'insights') {
      send(id || sub ? answer(404, { error: 'No such route.' }) : await insightsAnswer(inbox, req));
      return true;
    }
    if (req.method === 'GET' && id === 'events' && !sub) await openStream(req, res, inbox, undefined, cors);
    else if (req.method === 'GET' && id && sub === 'events') await openStream(req, res, inbox, id, cors);
    else if (req.method === 'POST' && (!id || sub === 'ack')) {
      const kind = id ? 'ack' : 'handoff';
      if (controls) await controls.accept(ns ?? 'default', kind, req, res, id, send);
      else send(await inbox.accept(kind, req, id));
    } else if (req.method === 'GET' && !id) {
      const limit = listLimit(req.url);
      if (limit === undefined)
        send(answer(400, { error: `limit must be a whole number from 1 to ${DEFAULT_LIST_LIMIT}.` }));
      else send(answer(200, (await inbox?.list({ limit })) ?? []));
    } else if (req.method === 'GET' && id && !sub) {
      const found = await inbox?.get(id);
      send(found ? answer(200, found) : answer(404, { error: 'No such handoff.' }));
    } else send(answer(405, { error: `${req.method} is not supported here.` }, { Allow: 'GET, POST' }));
    return true;
  }

  let closed;
  /** Ends every stream and closes the store (once, however often it is called). */
  function close() {
    closed ??= (async () => {
      controls?.close();
      notes?.close();
      await main.close();
    })();
    return closed;
  }

  /**
   * Graceful shutdown: new requests get 503 with Retry-After, event streams end with a retry hint (so
   * browsers reconnect, through the load balancer, to another instance), requests in flight finish
   * (waiting at most `graceMs`), then the store closes.
   */
  async function shutdown({ graceMs = 10_000 } = {}) {
    shuttingDown = true;
    main.closeStreams(SHUTDOWN_RETRY_MS);
    controls?.close();
    if (inFlight > 0) {
      let timer;
      await new Promise((resolve) => {
        idle = resolve;
        timer = setTimeout(resolve, graceMs);
      });
      clearTimeout(timer);
    }
    await close();
  }

  return { handle, close, shutdown, notes };
}
