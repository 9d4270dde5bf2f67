// Starting the reference receiver on a loopback port for Node tests, and talking to it.
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
// @ts-expect-error -- plain JavaScript module without declarations
import { createReceiver } from '../../receiver/receiver.mjs';

export interface Receiver {
  handle(req: unknown, res: unknown): Promise<boolean>;
  close(): Promise<void>;
}

export interface ReceiverOptions {
  dataFile?: string;
  token?: string;
  corsOrigins?: '*' | string[];
  maxStreams?: number;
  testControls?: boolean;
  fs?: unknown;
}

export interface Running {
  url: string;
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
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    stop: async () => {
      await receiver.close();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

export const post = (url: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> =>
  fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

/** Reads `count` events from a server-sent event stream, then closes it. */
export function readEvents(url: string, count: number, headers: Record<string, string> = {}) {
  const controller = new AbortController();
  const response = fetch(url, { signal: controller.signal, headers: { Accept: 'text/event-stream', ...headers } });
  const events = response.then(async (res) => {
    assert.match(res.headers.get('content-type') ?? '', /^text\/event-stream/);
    const found: { event: string; data: unknown }[] = [];
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
        if (event && data) found.push({ event, data: JSON.parse(data) });
      }
      if (found.length >= count) break;
    }
    controller.abort();
    return found;
  });
  return { open: response, events, close: () => controller.abort() };
}
