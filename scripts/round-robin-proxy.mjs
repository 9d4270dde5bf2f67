// A round-robin HTTP proxy over several receiver instances, as a load balancer would be: each request
// (not each connection) goes to the next instance. Used by the receiver benchmark and by the contract
// suite run against two instances. Streams pass through as they come (server-sent events), and a client
// that leaves takes its upstream request with it, as a balancer's would.
import { Agent, createServer, request } from 'node:http';

/** Headers that belong to one connection, not to the request or the answer (RFC 9110 §7.6.1). */
const HOP_BY_HOP = ['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'upgrade', 'te'];

const withoutHopByHop = (headers) =>
  Object.fromEntries(Object.entries(headers).filter(([name]) => !HOP_BY_HOP.includes(name)));

/**
 * @param {string[]} targets the instances' base URLs
 * @returns {Promise<{ url: string, stop(): Promise<void> }>}
 */
export async function startRoundRobinProxy(targets) {
  const agent = new Agent({ keepAlive: true });
  let next = 0;
  const server = createServer((req, res) => {
    const target = new URL(req.url, targets[next++ % targets.length]);
    const forwarded = request(target, { method: req.method, headers: withoutHopByHop(req.headers), agent });
    forwarded.on('response', (answer) => {
      // An instance that closes its connection (a 413, a shutdown) asks the client to do the same.
      const closing = /\bclose\b/i.test(answer.headers.connection ?? '');
      res.writeHead(answer.statusCode, { ...withoutHopByHop(answer.headers), ...(closing && { Connection: 'close' }) });
      res.flushHeaders();
      answer.pipe(res);
      answer.on('error', () => res.destroy());
    });
    // An instance may answer before reading the whole body (a 413) and close: the answer still counts.
    forwarded.on('error', () => {
      if (!res.headersSent) res.writeHead(502, { 'Content-Type': 'application/json' }).end('{"error":"bad gateway"}');
    });
    res.on('close', () => {
      if (!res.writableFinished) forwarded.destroy();
    });
    req.pipe(forwarded);
  });
  server.keepAliveTimeout = 60_000;
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    stop: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      agent.destroy();
    },
  };
}
