// `npm start`: serves the demo page, the built bundle and the reference receiver on 127.0.0.1
// (PORT, default 8787). The receiver keeps its handoffs in .data/handoffs.jsonl (RECEIVER_DATA to
// change), outside every folder this server serves, or in PostgreSQL with DATABASE_URL.
import { createServer } from 'node:http';
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, rename, stat } from 'node:fs/promises';
import { dirname, extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createReceiver } from '../receiver/receiver.mjs';
import { optionsFromEnv } from '../receiver/server.mjs';

export const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
/** URL prefix → folder; nothing else in the repo is served. */
export const MOUNTS = { '/dist/': 'dist', '/schema/': 'schema', '/': 'demo' };
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};
const SECURITY_HEADERS = {
  // The demo runs under the strict policy we tell integrators the SDK works with; no other site may frame it.
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self'; style-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
};

class BadRequest extends Error {}

/** The file a URL path names inside a mount; never a dot-file or dot-folder, never outside the mount. */
function resolvePath(urlPath, mounts) {
  const prefix = Object.keys(mounts).find((p) => urlPath.startsWith(p));
  let rest;
  try {
    rest = decodeURIComponent(urlPath.slice(prefix.length)) || 'index.html';
  } catch {
    throw new BadRequest('The URL is not correctly percent-encoded.');
  }
  if (rest.endsWith('/')) rest += 'index.html';
  if (rest.includes('\0') || rest.split(/[\\/]/).some((segment) => segment.startsWith('.'))) return undefined;
  const base = join(ROOT, mounts[prefix]);
  const file = normalize(join(base, rest));
  return file.startsWith(base + '/') ? file : undefined;
}

/**
 * The Host names this server answers to: what it listens on, under its loopback names. Anything else
 * (a DNS-rebinding page pointing its own name at 127.0.0.1) is refused.
 */
function hostAllowed(host, port) {
  if (!port) return true;
  const names = ['127.0.0.1', 'localhost', '[::1]'];
  return names.some((name) => host === `${name}:${port}`);
}

/**
 * `GET /scenarios.json`: every trainer scenario in demo/scenarios/, read fresh on each request so a
 * trainer's edit shows on reload, with the problems of any file that is not usable.
 */
async function scenarios() {
  const { checkScenario } = await import('../dist/esm/training/index.js');
  const dir = join(ROOT, 'demo/scenarios');
  const files = (await readdir(dir)).filter((f) => f.endsWith('.json')).sort();
  const found = [];
  const problems = [];
  for (const file of files) {
    let data;
    try {
      data = JSON.parse(await readFile(join(dir, file), 'utf8'));
    } catch (error) {
      problems.push(`${file}: not valid JSON (${error.message})`);
      continue;
    }
    const wrong = checkScenario(data, file);
    if (wrong.length) problems.push(...wrong);
    else if (found.some((s) => s.id === data.id))
      problems.push(`${file}: the id "${data.id}" is already used by another scenario`);
    else found.push(data);
  }
  return { scenarios: found, problems };
}

/**
 * The demo's HTTP server. `receiver` (from receiver/receiver.mjs) answers its own routes first;
 * `extraMounts` adds folders, e.g. the end-to-end tests' pages; `extraHeaders(pathname)` adds or
 * overrides response headers (the tests' strict-CSP and Trusted Types pages).
 */
export function createDemoServer({ receiver, extraMounts = {}, extraHeaders = () => ({}) } = {}) {
  const mounts = { ...extraMounts, ...MOUNTS };
  const server = createServer(async (req, res) => {
    try {
      if (!hostAllowed(req.headers.host, server.address()?.port)) {
        res
          .writeHead(421, { 'Content-Type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS })
          .end('This server answers only to its loopback address.\n');
        return;
      }
      if (receiver && (await receiver.handle(req, res))) return;
      await serve(req, res, mounts, extraHeaders);
    } catch (error) {
      const status = error instanceof BadRequest ? 400 : 500;
      if (status === 500) console.error(error);
      if (!res.headersSent) res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS });
      res.end(status === 400 ? `${error.message}\n` : 'Internal error.\n');
    }
  });
  return server;
}

async function serve(req, res, mounts, extraHeaders) {
  const pathname = req.url.split('?')[0];
  if (pathname === '/scenarios.json' && req.method === 'GET') {
    res.writeHead(200, { 'Content-Type': TYPES['.json'], 'Cache-Control': 'no-store', ...SECURITY_HEADERS });
    res.end(JSON.stringify(await scenarios()));
    return;
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { Allow: 'GET, HEAD' }).end();
    return;
  }
  const file = resolvePath(pathname, mounts);
  const found = file && (await stat(file).catch(() => undefined))?.isFile();
  if (!found) {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS }).end('Not found\n');
    return;
  }
  const body = await readFile(file);
  res.writeHead(200, {
    'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
    'Cache-Control': 'no-cache',
    ...SECURITY_HEADERS,
    ...extraHeaders(pathname),
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}

/** Where the demo keeps handoffs by default: outside every mount (and dot-paths are never served). */
export const DEFAULT_DATA_FILE = join(ROOT, '.data/handoffs.jsonl');

/** Refuses a data file the demo would serve: stored handoffs are personal data. */
export function checkDataFile(file) {
  const absolute = resolve(file);
  const served = Object.values(MOUNTS)
    .map((folder) => join(ROOT, folder) + '/')
    .find((folder) => absolute.startsWith(folder));
  if (served)
    throw new Error(
      `RECEIVER_DATA=${file} is inside ${served}, which the demo serves to anyone who asks; keep the handoffs elsewhere (the default is .data/handoffs.jsonl).`,
    );
  return absolute;
}

/** RECEIVER_DATA, else the default; data from before this rule (demo/.data/) moves there once. */
async function dataFile() {
  const file = checkDataFile(process.env.RECEIVER_DATA ?? DEFAULT_DATA_FILE);
  const old = join(ROOT, 'demo/.data/handoffs.jsonl');
  if (!process.env.RECEIVER_DATA && existsSync(old) && !existsSync(file)) {
    await mkdir(dirname(file), { recursive: true });
    await rename(old, file);
  }
  return file;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const port = Number(process.env.PORT ?? 8787);
  const fail = (error) => {
    console.error(error.message);
    process.exit(1);
  };
  // The receiver's own settings (receiver/server.mjs); the demo's default log file is its own.
  const options = await Promise.resolve()
    .then(async () => ({
      ...optionsFromEnv(),
      ...(process.env.DATABASE_URL ? {} : { dataFile: await dataFile() }),
    }))
    .catch(fail);
  const receiver = await createReceiver(options).catch(fail);
  const server = createDemoServer({ receiver });
  server.on('error', (error) => {
    console.error(
      error.code === 'EADDRINUSE' ? `Port ${port} is in use: start with PORT=<another port> npm start` : error,
    );
    process.exit(1);
  });
  server.listen(port, '127.0.0.1', () => {
    const url = `http://127.0.0.1:${server.address().port}`;
    console.log(`handoff-panel demo (CRM page, trainer mode, inspector): ${url}/`);
    console.log(`receiver view: ${url}/receiver.html · payload playground: ${url}/playground.html`);
    console.log(
      `reference receiver: POST ${url}/handoffs (inbox: GET ${url}/handoffs), stored in ${process.env.DATABASE_URL ? 'PostgreSQL' : 'the JSON-lines log'}`,
    );
  });
  for (const signal of ['SIGTERM', 'SIGINT']) {
    process.once(signal, () => {
      server.close();
      server.closeIdleConnections();
      receiver.shutdown().then(() => process.exit(0));
    });
  }
}
