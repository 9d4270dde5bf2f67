// The end-to-end tests' receiver routes when CI runs them through Prism's validating proxy
// (scripts/prism-e2e.mjs): the delivery routes go browser → this server → Prism → the reference
// receiver, and every violation Prism reports (its `sl-violations` header) is written to a report.
// What the document does not describe goes straight to the receiver: test controls, event streams
// (Prism buffers a stream until it ends), and namespaces a test scripted faults into (a 200 sign-in
// page is meant not to match).
import { appendFileSync } from 'node:fs';
import { request, type IncomingMessage, type ServerResponse } from 'node:http';

const ROUTE = /^(?:\/r\/([\w-]{1,64}))?\/(handoffs|insights|__receiver)(\/[^?]*)?(\?.*)?$/;
/** The insights page and its files: the receiver's, not in the document. */
const PAGE = /^\/insights\.(?:html|js|css|svg)$/;

export interface PrismRoute {
  prismUrl: string;
  upstreamUrl: string;
  report: string;
}

export function prismRoutedReceiver({ prismUrl, upstreamUrl, report }: PrismRoute) {
  const faulted = new Set<string>();
  return {
    async handle(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
      if (PAGE.test((req.url ?? '/').split('?')[0]!)) return pipe(req, res, new URL(req.url!, upstreamUrl));
      const m = ROUTE.exec(req.url ?? '/');
      if (!m) return false;
      const [, pathNs, root, rest = '', query = ''] = m;
      const ns = pathNs ?? 'default';
      if (root === '__receiver' && /^\/(faults|chaos|limits)$/.test(rest) && req.method === 'POST') faulted.add(ns);
      const direct = root === '__receiver' || rest.endsWith('/events') || rest === '/events' || faulted.has(ns);
      const target = direct ? new URL(req.url!, upstreamUrl) : new URL(`/${root}${rest}${query}`, prismUrl);
      const headers: Record<string, string | string[] | undefined> = { ...req.headers, host: target.host };
      if (!direct && pathNs) headers['x-receiver-namespace'] = pathNs;
      const forwarded = request(target, { method: req.method, headers }, (answer) => {
        if (!direct) {
          const violations = JSON.parse(String(answer.headers['sl-violations'] ?? '[]')) as unknown[];
          appendFileSync(
            report,
            `${JSON.stringify({ method: req.method, path: `/${root}${rest}`, status: answer.statusCode, violations })}\n`,
          );
        }
        const passed = { ...answer.headers };
        delete passed['sl-violations'];
        res.writeHead(answer.statusCode ?? 502, passed);
        answer.pipe(res);
      });
      forwarded.on('error', () => res.destroy());
      res.on('close', () => forwarded.destroy());
      req.pipe(forwarded);
      return true;
    },
    async close() {},
  };
}

/** Passes a request straight to the receiver. */
function pipe(req: IncomingMessage, res: ServerResponse, target: URL): boolean {
  const forwarded = request(
    target,
    { method: req.method, headers: { ...req.headers, host: target.host } },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    },
  );
  forwarded.on('error', () => res.destroy());
  res.on('close', () => forwarded.destroy());
  req.pipe(forwarded);
  return true;
}
