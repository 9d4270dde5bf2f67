// Starting the reference receiver on a loopback port for Node tests, and talking to it.
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
// @ts-expect-error -- plain JavaScript module without declarations
import { createReceiver } from '../../receiver/receiver.mjs';
// @ts-expect-error -- plain JavaScript module without declarations
import { startRoundRobinProxy } from '../../scripts/round-robin-proxy.mjs';

export interface Receiver {
  handle(req: unknown, res: unknown): Promise<boolean>;
  close(): Promise<void>;
  shutdown(options?: { graceMs?: number }): Promise<void>;
  /** With a `helpdesk`: how forwarding each stored handoff as a note went. */
  notes?: { idle(): Promise<void>; result(id: string): { status: string; error?: string } | undefined };
}

export interface ReceiverOptions {
  databaseUrl?: string;
  postgres?: { inFlightTimeoutMs?: number; keyRetentionMs?: number; poolSize?: number; queryTimeoutMs?: number };
  dataFile?: string;
  token?: string;
  insightsToken?: string;
  insightsPage?: boolean;
  corsOrigins?: '*' | string[];
  maxStreams?: number;
  testControls?: boolean;
  fs?: unknown;
  helpdesk?: unknown;
}

export interface Running {
  url: string;
  receiver: Receiver;
  stop(): Promise<void>;
}

/** The receiver behind a plain Node server on 127.0.0.1; `dataFile` alone may be given as a string. */
export async function startReceiver(options: ReceiverOptions | string = {}): Promise<Running> {
  const receiver = (await createReceiver(typeof options === 'string' ? { dataFile: options } : options)) as Receiver;
  const server: Server = createServer((req, res) => {
    void receiver.handle(req, res).then((handled) => {
      if (!handled) res.writeHead(404).end();
    });
  });
  // Idle kept-alive connections stay open a minute (Node's default is 5 s), so that a test can tell a
  // connection the receiver closed from one that merely timed out.
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    receiver,
    stop: async () => {
      await receiver.close();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/**
 * `count` receivers on the same options (one PostgreSQL database) behind a round-robin proxy: what a
 * load balancer in front of several instances does. `receiver.shutdown()` shuts every instance down.
 */
export async function startInstances(count: number, options: ReceiverOptions): Promise<Running> {
  const instances = await Promise.all(Array.from({ length: count }, () => startReceiver(options)));
  const proxy = (await startRoundRobinProxy(instances.map((i) => i.url))) as { url: string; stop(): Promise<void> };
  const every = (act: (receiver: Receiver) => Promise<void>) => async () => {
    await Promise.all(instances.map((i) => act(i.receiver)));
  };
  return {
    url: proxy.url,
    receiver: {
      handle: () => Promise.reject(new Error('Several instances are reached through the proxy, not handle().')),
      close: every((r) => r.close()),
      shutdown: (options) => every((r) => r.shutdown(options))(),
    },
    stop: async () => {
      await proxy.stop();
      for (const instance of instances) await instance.stop();
    },
  };
}

export const post = (url: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> =>
  fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

export interface StreamEvent {
  event: string;
  data: unknown;
  id?: string;
}

/**
 * Reads `count` events from a server-sent event stream, then closes it (or reads until the server ends
 * it). `retry` holds the last `retry:` hint seen.
 */
export function readEvents(url: string, count: number, headers: Record<string, string> = {}) {
  const controller = new AbortController();
  /** The last `retry:` hint, and where the inbox stream said it starts (its `position` event's id). */
  const hints: { retry?: number; startId?: string } = {};
  const response = fetch(url, { signal: controller.signal, headers: { Accept: 'text/event-stream', ...headers } });
  const events = response.then(async (res) => {
    assert.match(res.headers.get('content-type') ?? '', /^text\/event-stream/);
    const found: StreamEvent[] = [];
    const decoder = new TextDecoder();
    let buffer = '';
    for await (const chunk of res.body!) {
      buffer += decoder.decode(chunk as Uint8Array, { stream: true });
      let end;
      while ((end = buffer.indexOf('\n\n')) !== -1) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const event = /^event: (.*)$/m.exec(block)?.[1];
        const data = /^data: (.*)$/m.exec(block)?.[1];
        const id = /^id: (.*)$/m.exec(block)?.[1];
        const retry = /^retry: (\d+)$/m.exec(block)?.[1];
        if (retry) hints.retry = Number(retry);
        if (event === 'position') hints.startId = id;
        else if (event && data)
          found.push(id === undefined ? { event, data: JSON.parse(data) } : { event, data: JSON.parse(data), id });
      }
      if (found.length >= count) break;
    }
    controller.abort();
    return found;
  });
  return { open: response, events, hints, close: () => controller.abort() };
}
