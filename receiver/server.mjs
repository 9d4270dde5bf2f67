// The reference receiver on its own, as an integrator runs it (one or several instances behind a load
// balancer): `node receiver/server.mjs`. Configured from the environment:
//
//   PORT (default 8788), HOST (default 127.0.0.1; 0.0.0.0 behind a balancer)
//   DATABASE_URL=postgres://…          store in PostgreSQL (several instances may share it)
//   RECEIVER_DATA=path/handoffs.jsonl  or the JSON-lines log (default .data/receiver.jsonl; one instance)
//   RECEIVER_TOKEN                     bearer token every request must carry
//   RECEIVER_INSIGHTS_TOKEN            the token GET /insights needs instead (team leads', not agents')
//   RECEIVER_CORS_ORIGINS              "*" or a comma-separated list of page origins
//   RECEIVER_MAX_STREAMS               open server-sent event streams per instance (default 100)
//   RECEIVER_IN_FLIGHT_TIMEOUT_MS, RECEIVER_KEY_RETENTION_MS, RECEIVER_QUERY_TIMEOUT_MS,
//   RECEIVER_POOL_SIZE                 the PostgreSQL store's settings (receiver/stores/postgres-store.mjs)
//
// SIGTERM or SIGINT: graceful shutdown (requests in flight finish, new ones get 503, streams end with
// a retry hint), then exit 0.
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { createReceiver } from './receiver.mjs';

const DEFAULT_DATA_FILE = fileURLToPath(new URL('../.data/receiver.jsonl', import.meta.url));

/** The receiver's options from the environment (see the top of this file). */
export function optionsFromEnv(env = process.env) {
  const number = (name) => (env[name] ? Number(env[name]) : undefined);
  const cors = env.RECEIVER_CORS_ORIGINS?.trim();
  const postgres = Object.fromEntries(
    [
      ['inFlightTimeoutMs', number('RECEIVER_IN_FLIGHT_TIMEOUT_MS')],
      ['keyRetentionMs', number('RECEIVER_KEY_RETENTION_MS')],
      ['queryTimeoutMs', number('RECEIVER_QUERY_TIMEOUT_MS')],
      ['poolSize', number('RECEIVER_POOL_SIZE')],
    ].filter(([, value]) => value !== undefined),
  );
  if (env.DATABASE_URL && env.RECEIVER_DATA) {
    throw new TypeError('Set either DATABASE_URL (PostgreSQL) or RECEIVER_DATA (the JSON-lines log), not both.');
  }
  return {
    ...(env.DATABASE_URL
      ? { databaseUrl: env.DATABASE_URL, postgres }
      : { dataFile: env.RECEIVER_DATA || DEFAULT_DATA_FILE }),
    maxStreams: number('RECEIVER_MAX_STREAMS'),
    token: env.RECEIVER_TOKEN || undefined,
    insightsToken: env.RECEIVER_INSIGHTS_TOKEN || undefined,
    corsOrigins: !cors ? undefined : cors === '*' ? '*' : cors.split(',').map((origin) => origin.trim()),
  };
}

const CUT_AFTER_MS = 1000;

/**
 * An HTTP server around `receiver` whose `stop()` is graceful: no new connections, the receiver's
 * shutdown (see receiver.mjs), then idle keep-alive connections closed.
 */
export function serveReceiver(receiver) {
  const server = createServer(async (req, res) => {
    try {
      if (!(await receiver.handle(req, res))) {
        res.writeHead(404, { 'Content-Type': 'application/json; charset=utf-8' }).end('{"error":"Not found."}');
      }
    } catch (error) {
      console.error(error);
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'application/json; charset=utf-8' });
      res.end('{"error":"Internal error."}');
    }
  });
  let stopping;
  server.stop = (options) =>
    (stopping ??= (async () => {
      const closed = new Promise((resolve) => server.close(resolve));
      await receiver.shutdown(options);
      server.closeIdleConnections();
      // Past the grace period a connection still busy (a client that never finishes its body) is cut,
      // a moment after its last answer had the time to leave.
      const cut = setTimeout(() => server.closeAllConnections(), CUT_AFTER_MS);
      await closed;
      clearTimeout(cut);
    })());
  return server;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  let receiver;
  try {
    receiver = await createReceiver(optionsFromEnv());
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
  const server = serveReceiver(receiver);
  const port = Number(process.env.PORT ?? 8788);
  server.on('error', (error) => {
    console.error(error.code === 'EADDRINUSE' ? `Port ${port} is in use: start with PORT=<another port>` : error);
    process.exit(1);
  });
  server.listen(port, process.env.HOST || '127.0.0.1', () => {
    const { address, port: bound } = server.address();
    console.log(
      `handoff receiver listening on http://${address}:${bound} (${process.env.DATABASE_URL ? 'PostgreSQL' : 'JSON-lines log'})`,
    );
  });
  for (const signal of ['SIGTERM', 'SIGINT']) {
    process.once(signal, () => {
      console.log(`${signal}: finishing requests in flight, then stopping`);
      server.stop().then(() => process.exit(0));
    });
  }
}
